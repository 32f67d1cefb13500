"""Small archives for the review app's tests: the seed with its gold alignment, and an article
whose text holds markup that must be shown, never run."""

from __future__ import annotations

from pathlib import Path

from toolkit.model import Alignment, Article, Bead, Credit, Paragraph, Sentence
from toolkit.tei import write_tei

SCRIPT = "<script>alert(1)</script>"


class run_cli:  # noqa: N801 - used like subprocess.run
    """The CLI run in this process (Kiwi loads once per test process, not per call), with the
    fields of a finished subprocess; `env` adds environment variables for the call."""

    def __init__(self, *args, env: dict | None = None) -> None:
        from typer.testing import CliRunner

        from toolkit.cli import app

        outcome = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200", **(env or {})})
        self.returncode, self.stdout, self.stderr = outcome.exit_code, outcome.stdout, outcome.stderr
        assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.exception


def _article(lang: str, texts: list[str], title: str) -> Article:
    sentences = [Sentence(f"{lang}-s{n}", t, lang, n - 1) for n, t in enumerate(texts, 1)]
    return Article(f"{lang}.txt", lang, title=title,
                   paragraphs=[Paragraph(s.text, lang, [s]) for s in sentences])


def markup_article() -> bytes:
    en = _article("en", [f"A reader posted {SCRIPT} under the story, officials said.",
                         "The talks stalled again on Monday."], "Talks <b>stall</b> again")
    en.credits = [Credit("writer", "Claire Benton", order=1)]
    ko = _article("ko", [f"한 독자가 기사 아래에 {SCRIPT}라는 글을 올렸다고 관리들이 밝혔습니다.",
                         "남북 회담이 월요일 또다시 공전했습니다."], "남북 회담 또 공전")
    return write_tei(en, ko, Alignment([Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8)]))


def review_archive(root: Path) -> Path:
    """ARCHIVE/tei/ with the seed (gold alignment: en-s2 added) and the markup article."""
    from test_validate import seed_tei

    tei = root / "archive" / "tei"
    tei.mkdir(parents=True)
    (tei / "rfa-defectors.xml").write_bytes(seed_tei())
    (tei / "markup.xml").write_bytes(markup_article())
    return root / "archive"
