"""Hardened XML parsing: the one way the project reads XML that may come from anyone.

Archive files come from many hands, so the first reader must refuse what could hurt:
entity declarations (billion laughs, XXE) are refused before libxml2 sees them, no DTD
or network access happens, and oversized files are refused without being read.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from toolkit.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # larger than any article file by three orders of magnitude

_DOCTYPE = re.compile(r"<!DOCTYPE")
_ENTITY = re.compile(r"<!ENTITY")
_ELEMENT = re.compile(r"<[A-Za-z_:]")


class XMLProblem(InputError):
    """An XML input refused or not well-formed; `line` is 1-based, None for whole-file problems."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        super().__init__(source, problem if line is None else f"line {line}: {problem}")
        self.line = line
        self.message = problem


def _head_text(data: bytes) -> str:
    """The document decoded loosely, enough to find a DOCTYPE in any common encoding."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if data[:2] == b"<\x00":
        return data.decode("utf-16-le", errors="replace")
    if data[:2] == b"\x00<":
        return data.decode("utf-16-be", errors="replace")
    # ASCII-compatible encodings (UTF-8, EUC-KR, Latin-1 …) keep markup bytes as they are
    return data.decode("latin-1")


def _refuse_entity_declarations(data: bytes, source: str) -> None:
    text = _head_text(data)
    doctype = _DOCTYPE.search(text)
    if doctype is None or _ELEMENT.search(text, 0, doctype.start()):
        return  # no DOCTYPE, or the text "<!DOCTYPE" inside the document (a comment, CDATA)
    entity = _ENTITY.search(text, doctype.end())
    if entity is not None:
        line = text.count("\n", 0, entity.start()) + 1
        raise XMLProblem(source, "entity declarations are refused (DOCTYPE declares an entity)", line)


def _parser():
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_blank_text=False, collect_ids=False,
    )


def parse_xml_safely(data: bytes, source: str):
    """Parse untrusted XML bytes into an lxml root element, or raise XMLProblem.

    Refused: more than MAX_BYTES, any DOCTYPE declaring entities, entity references left
    in the tree. Not well-formed XML is reported with its line number.
    """
    from lxml import etree

    if len(data) > MAX_BYTES:
        raise XMLProblem(source, f"file is {len(data) / 1048576:.1f} MB, over the {MAX_BYTES // 1048576} MB limit")
    if not data.strip():
        raise XMLProblem(source, "file is empty")
    _refuse_entity_declarations(data, source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno or None
        message = error.msg or str(error)
        message = re.sub(r", line \d+, column \d+$", "", message)
        raise XMLProblem(source, f"not well-formed: {message}", line) from None
    except ValueError as error:  # e.g. a str with an encoding declaration
        raise XMLProblem(source, f"not well-formed: {error}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise XMLProblem(source, "entity declarations are refused (DOCTYPE declares an entity)")
    for node in root.iter(etree.Entity):
        raise XMLProblem(source, f"entity reference {node.text} is refused", node.sourceline)
    return root


def read_xml_file(path: Path):
    """Read and parse an XML file safely; the size is checked before any byte is read."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise XMLProblem(source, f"file is {size / 1048576:.1f} MB, over the {MAX_BYTES // 1048576} MB limit")
        data = path.read_bytes()
    except OSError as error:
        raise XMLProblem(source, f"cannot read: {error.strerror or error}") from None
    return parse_xml_safely(data, source)
