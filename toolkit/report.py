"""Article and credit records for JSON output, and readable terminal tables."""

from __future__ import annotations

from toolkit.errors import printable
from toolkit.model import Article
from toolkit.terminal import console


def credits_record(article: Article) -> dict:
    """The credits JSON object (schemas/credits.schema.json) of one article."""
    return {
        "source": article.source,
        "title": article.title,
        "language": article.language,
        "credits": [c.as_dict() for c in article.credits],
    }


def article_summary(article: Article) -> dict:
    return {
        "source": article.source,
        "language": article.language,
        "title": article.title,
        "dek": article.dek,
        "date": article.date,
        "captions": list(article.captions),
        "paragraphs": [p.text for p in article.paragraphs],
        "credit_paragraphs": list(article.credit_paragraphs),
        "credits": [c.as_dict() for c in article.credits],
    }


def _service_label(credit) -> str:
    parts = [credit.organization or "", credit.service or ""]
    label = " ".join(p for p in parts if p)
    return f"{label} ({credit.language})" if credit.language else label


def credits_table(articles: list[Article]) -> None:
    from rich.table import Table

    table = Table(title="Credits")
    table.add_column("file", overflow="fold", max_width=32)
    table.add_column("#", no_wrap=True)
    table.add_column("role", no_wrap=True)
    table.add_column("name")
    table.add_column("service")
    for article in articles:
        if not article.credits:
            table.add_row(printable(article.source), "", "(no credits)", "", "")
        for index, credit in enumerate(article.credits):
            table.add_row(
                printable(article.source) if index == 0 else "", str(credit.order), credit.role,
                credit.name, _service_label(credit),
            )
    console().print(table)


def ingest_table(articles: list[Article]) -> None:
    from rich.table import Table

    table = Table(title="Articles")
    for column in ("source", "lang", "title", "captions", "paragraphs", "credits"):
        table.add_column(column)
    for a in articles:
        chain = "; ".join(f"{c.role}: {c.name}" for c in a.credits)
        table.add_row(printable(a.source), a.language, a.title or "", str(len(a.captions)), str(len(a.paragraphs)), chain)
    console().print(table)
