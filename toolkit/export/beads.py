"""The aligned beads of an archive worth exporting: reviewed ones, and others at or above a confidence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.model import Article, Bead

DEFAULT_MIN_CERT = 0.5  # the review flags' threshold: beads below it are flagged "low cert"


@dataclass
class ExportBead:
    article_id: str
    number: int  # the bead's number, as in the tables and `show`
    bead: Bead
    en: str
    ko: str
    article: Article  # the English article (credits, date)


def archive_tei_files(archive: Path) -> list[Path]:
    """ARCHIVE/tei/*.xml (or the *.xml of a folder of TEI files), sorted. InputError for a
    folder that is neither (the corpus given by a slip would export an empty memory)."""
    from toolkit.errors import InputError

    if (archive / "tei").is_dir():
        return sorted(p for p in (archive / "tei").glob("*.xml") if p.is_file())
    files = sorted(p for p in archive.glob("*.xml") if p.is_file())
    if not files:
        raise InputError(str(archive), "no TEI files (tei/*.xml or *.xml): not an archive; run `transprov build` first")
    return files


def export_beads(files: list[Path], min_cert: float = DEFAULT_MIN_CERT,
                 failures: list[str] | None = None) -> Iterator[ExportBead]:
    """Two-sided beads that a reviewer confirmed or whose cert is at least `min_cert`, file by
    file; a file that cannot be read is added to `failures` (one line) and skipped."""
    from toolkit.errors import InputError
    from toolkit.tei import read_tei

    for path in files:
        try:
            en, ko, alignment = read_tei(path)
        except InputError as error:
            if failures is not None:
                failures.append(str(error))
            continue
        if ko is None or alignment is None:
            continue
        en_s, ko_s = en.sentences, ko.sentences
        for number, bead in enumerate(alignment.beads):
            if bead.en and bead.ko and (bead.reviewer is not None or bead.cert >= min_cert):
                yield ExportBead(path.stem, number, bead, " ".join(en_s[i].text for i in bead.en),
                                 " ".join(ko_s[j].text for j in bead.ko), en)
