"""TMX 1.4b translation memory of an archive's beads: one `tu` a bead, Korean (source) then English.

CAT tools import it as a translation memory. Creation data come from the credits: the
translator is the `creationid`, the article's date the `creationdate`; a reviewed bead
carries its reviewer as `changeid`. Bead type, confidence, article and bead number are
`prop`s (the x- prefix marks them as this tool's). No clock is read: the same archive
gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from toolkit.export.beads import DEFAULT_MIN_CERT, ExportBead

TOOL, TOOL_VERSION = "transprov", "0.1.0"


def _tmx_date(value: str | None) -> str | None:
    """An ISO 8601 date (or date-time in UTC) as TMX writes dates: YYYYMMDDThhmmssZ."""
    from toolkit.tei.profile import w3c_date

    if not value or w3c_date(value) is None:
        return None
    if len(value) == 10:
        return value.replace("-", "") + "T000000Z"
    if value.endswith("Z"):
        return value[:19].replace("-", "").replace(":", "") + "Z"
    return None  # a local time with an offset: left out rather than converted wrongly


def _translator(bead: ExportBead) -> str | None:
    names = [c.name for c in sorted(bead.article.credits, key=lambda c: c.order) if c.role == "translator" and c.name]
    return ", ".join(names) or None


def tmx_document(beads: Iterable[ExportBead], srclang: str = "ko") -> bytes:
    """The TMX file of these beads."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": TOOL, "creationtoolversion": TOOL_VERSION, "datatype": "plaintext",
        "segtype": "sentence", "adminlang": "en", "srclang": srclang, "o-tmf": "transprov TEI",
    })
    body = etree.SubElement(root, "body")
    for item in beads:
        attrs = {"tuid": f"{item.article_id}:{item.number}"}
        if (translator := _translator(item)) is not None:
            attrs["creationid"] = translator
        if (created := _tmx_date(item.article.date)) is not None:
            attrs["creationdate"] = created
        if item.bead.reviewer is not None:
            attrs["changeid"] = item.bead.reviewer
        tu = etree.SubElement(body, "tu", attrs)
        for kind, value in (("x-article", item.article_id), ("x-bead", str(item.number)),
                            ("x-bead-type", item.bead.type), ("x-cert", f"{item.bead.cert:.4g}"),
                            ("x-reviewed", "yes" if item.bead.reviewer is not None else "no")):
            etree.SubElement(tu, "prop", type=kind).text = value
        for lang, text in (("ko", item.ko), ("en", item.en)):
            tuv = etree.SubElement(tu, "tuv", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
            etree.SubElement(tuv, "seg").text = text
    etree.indent(root, space="  ")
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            + etree.tostring(root, encoding="UTF-8") + b"\n")


def write_tmx(archive: Path, out: Path, min_cert: float = DEFAULT_MIN_CERT,
              failures: list[str] | None = None) -> int:
    """Write the TMX of an archive's exportable beads to `out` (atomically); returns the number of units."""
    from toolkit.export.beads import archive_tei_files, export_beads
    from toolkit.files import write_atomic

    beads = list(export_beads(archive_tei_files(archive, failures), min_cert, failures))
    write_atomic(out, tmx_document(beads))
    return len(beads)
