"""The aligned beads of an archive worth exporting: reviewed ones, and others at or above a confidence."""

from __future__ import annotations

import os
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


def archive_tei_files(archive: Path, failures: list[str] | None = None) -> list[Path]:
    """ARCHIVE/tei/*.xml (or the *.xml of a folder of TEI files), sorted. InputError for a
    folder that is neither (the corpus given by a slip would export an empty memory). An
    article the archive's tables list without its TEI file is one line in `failures`: an
    export that silently lacked it would look whole. So is a list that cannot be read: every TEI
    file there is still exported, but one the build wrote and lost would go unnoticed."""
    from toolkit.errors import InputError

    if (archive / "tei").is_dir():
        files = sorted(p for p in (archive / "tei").glob("*.xml") if p.is_file())
        if failures is not None:
            missing, unchecked = _listed_without_tei(archive, {p.stem for p in files})
            failures.extend(missing)
            if unchecked:
                failures.append(f"{unchecked}, so this export could not check that every article the archive lists "
                                f"has its TEI file; the {len(files)} files in tei/ were exported")
        return files
    files = sorted(p for p in archive.glob("*.xml") if p.is_file())
    if not files:
        raise InputError(str(archive), "no TEI files (tei/*.xml or *.xml): not an archive; run `transprov build` first")
    return files


def _listed_without_tei(archive: Path, present: set[str]) -> tuple[list[str], str | None]:
    """(one line per article of tables/articles.parquet with no file in tei/ (none without the
    table), why the table could not be read, or None)."""
    import polars as pl

    from toolkit.errors import InputError
    from toolkit.metrics.summary import check_table, unreadable_table

    table = archive / "tables" / "articles.parquet"
    if not table.exists():
        return [], None
    try:
        check_table(table)
        # glob=False: the archive's own path may hold `[` or `?`, which polars would read as a pattern
        listed = pl.read_parquet(table, columns=["article_id"], glob=False)["article_id"].to_list()
    except InputError as error:
        return [], str(error)
    except Exception as error:  # noqa: BLE001 - a damaged table is one line, not a traceback
        return [], str(unreadable_table(table, error))
    return [f"{path}: {_absent(path)}, though tables/articles.parquet lists the article"
            for path in (archive / "tei" / f"{name}.xml" for name in sorted(set(listed) - present))], None


def _absent(path: Path) -> str:
    """Why a listed TEI file was not read: missing, or there but no file (a folder, a FIFO, a loop)."""
    from toolkit.inputs import not_regular, open_problem

    try:
        return not_regular(os.stat(path).st_mode) or "missing"
    except OSError as error:
        return open_problem(path, error) if os.path.lexists(path) else "missing"


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
