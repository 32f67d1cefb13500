"""What a build did: the report `build --json` prints and the summary it says in words."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import printable

# wall seconds per phase, in order: scan (digests of the corpus, the plan), pass1 (ingest,
# segmentation, first alignment, learner counts), learn (the reduce and what it changed),
# pass2 (second alignment, TEI, rows, each article's beads for the terms step), terms (the
# terms step's reduce: the archive's words and word-alignment model; and pass three: term
# rows), tables (the new state: TEI links, Parquet tables, metrics, terms labelled, glossary),
# state (the learning tables, the manifest), switch (making it current, retiring the old state)
PHASES = ("scan", "pass1", "learn", "pass2", "terms", "tables", "state", "switch")


@dataclass
class BuildReport:
    """articles = built + unchanged + failed; `stale` are failed articles that keep the
    TEI and rows of an earlier build."""

    archive: Path
    articles: int = 0
    built: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    realigned: int = 0  # built only because the learned lexicon changed under them
    learned: int = 0  # lexicon pairs learned from the corpus for the second pass
    rendered: int = 0  # articles whose term rows were made (all of them when the terms model changed)
    rows: dict[str, int] = field(default_factory=dict)
    long_beads: int = 0  # beads of the articles built now too long for term rows (a warning each)
    warnings: list[str] = field(default_factory=list)  # orphans moved aside, reviews a change dropped
    workers: int = 1
    seconds: float = 0.0
    # CPU seconds of this process and of the work it gave to workers (model loads in a
    # worker's fork server are not counted): articles / cpu is the rate per core
    cpu: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def failed(self) -> int:
        return len(self.failures)

    def as_dict(self) -> dict:
        return {
            "archive": str(self.archive), "articles": self.articles, "built": self.built,
            "unchanged": self.unchanged, "failed": self.failed, "stale": self.stale,
            "realigned": self.realigned, "learned": self.learned, "rendered": self.rendered, "rows": self.rows, "long_beads": self.long_beads,
            "warnings": self.warnings, "workers": self.workers, "seconds": round(self.seconds, 3), "cpu": round(self.cpu, 3),
            "phases": {p: round(s, 3) for p, s in self.phases.items()}, "failures": self.failures,
        }

    def summary(self) -> str:
        """The report in words (one paragraph)."""
        a = printable(self.archive)  # a path may hold a newline; the phases line is ours
        parts = [f"built {self.built} of {self.articles} articles, {self.unchanged} unchanged"]
        if self.failed:
            kept = f", {len(self.stale)} of them keep their previous TEI and rows (stale)" if self.stale else ""
            parts.append(f"{self.failed} failed{kept}")
        text = "; ".join(parts) + f" in {self.seconds:.1f} s on {self.workers} worker{'s' if self.workers != 1 else ''}"
        if self.realigned:
            text += f" ({self.realigned} aligned again because the learned lexicon changed)"
        text += (f": {a}/tei, {a}/tables ({self.rows.get('sentences', 0)} sentences, "
                 f"{self.rows.get('links', 0)} links, {self.learned} pairs learned)")
        if self.long_beads:
            text += f"; {self.long_beads} bead{'s' if self.long_beads != 1 else ''} too long for term rows (see the warnings)"
        if self.phases:
            text += "\nphases: " + ", ".join(f"{p} {s:.1f} s" for p, s in self.phases.items())
        return text
