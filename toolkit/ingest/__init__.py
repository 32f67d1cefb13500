"""The ingest room: bytes of a scraped page (text or HTML) -> Article.

    read_article(path)            a file; InputError names the problem in one line
    parse_article(data, source)   bytes already in memory
    decode_bytes(data, source)    the decoding step alone

Paragraph.sentences is left empty: segmentation (toolkit.segment) fills it.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import InputError
from toolkit.ingest.decode import decode_bytes
from toolkit.model import Article

__all__ = ["decode_bytes", "parse_article", "read_article", "MAX_BYTES"]

MAX_BYTES = 20 * 1024 * 1024  # far beyond any article; larger files are not articles
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def parse_article(data: bytes, source: str) -> Article:
    """Decode `data` and read it as HTML (by `source` suffix or by content) or scraped text."""
    from toolkit.ingest.assemble import finish

    notes: list[str] = []
    text = decode_bytes(data, source, notes)
    if not text.strip():
        raise InputError(source, "no text (the file holds only whitespace)")
    from toolkit.ingest.html import looks_like_html

    if Path(source).suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        from toolkit.ingest.html import read_html

        draft = read_html(text, source)
    else:
        from toolkit.ingest.text import read_text

        draft = read_text(text, source)
    article = finish(draft)
    article.warnings[:0] = notes
    return article


def read_article(path: Path) -> Article:
    """Read one article file; every failure is an InputError naming the file."""
    from toolkit.inputs import read_input

    path = Path(path)
    return parse_article(read_input(path, MAX_BYTES), str(path))
