"""Publication metadata an archivist states for a corpus article: `CORPUS/<id>/meta.json`.

    {"url": "https://…", "published": "2012-03-01", "outlet": "Radio Free Asia",
     "ko_url": "https://…", "ko_published": "2012-02-29", "ko_outlet": "자유아시아방송"}

Every key is optional; `null` is the same as leaving the key out. The `ko_` keys describe
the Korean original. The file is checked strictly, because a typo would otherwise be lost
without a word: unknown keys, wrong types, empty strings, a URL that is not an absolute
http(s) URL and a date that is not a calendar date are each one error naming the file.

Precedence: what meta.json states wins over what the page's own metadata says
(Article.url, Article.date, Article.outlet filled from JSON-LD, OpenGraph or <time>).
The archivist's file is deliberate and is how a wrong page date gets corrected; the page
fills in whatever meta.json leaves out.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from toolkit.errors import InputError
from toolkit.model import Article

META_NAME = "meta.json"
MAX_META_BYTES = 64 * 1024  # a few lines of metadata; anything bigger is not a meta.json
SIDES = {"": "en", "ko_": "ko"}  # key prefix -> the article it describes
FIELDS = ("url", "published", "outlet")
KEYS = tuple(prefix + field for prefix in SIDES for field in FIELDS)


@dataclass(frozen=True)
class Publication:
    """Where and when one article (the English one or its original) was published, and by whom."""

    url: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) or date-time
    outlet: str | None = None


@dataclass(frozen=True)
class CorpusMeta:
    en: Publication
    ko: Publication


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"key {key!r} is given twice")
        seen[key] = value
    return seen


def _no_constants(name: str):
    raise ValueError(f"{name} is not a JSON value")


def _type_name(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)


def _check_text(key: str, value: object) -> str:
    from toolkit.ingest.decode import strip_invisible

    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string, not {_type_name(value)}")
    value = strip_invisible(value)  # JSON escapes bring bidi controls back: never into the TEI
    if not value.strip():
        raise ValueError(f"{key} is empty (leave the key out, or give null, when it is not known)")
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c in "\ufffe\uffff" or 0xD800 <= ord(c) <= 0xDFFF
           for c in value):
        raise ValueError(f"{key} contains a control character")
    return value.strip()


def _check_url(key: str, value: str) -> str:
    parts = urlsplit(value)
    if any(c.isspace() for c in value):
        raise ValueError(f"{key} contains white space: {value[:80]!r}")
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{key} must be an absolute http(s) URL, not {value[:80]!r}")
    return value


def _check_date(key: str, value: str) -> str:
    from toolkit.tei.profile import w3c_date

    if w3c_date(value) is None:
        raise ValueError(f"{key} must be a date YYYY-MM-DD or a date-time YYYY-MM-DDThh:mm:ss[Z|±hh:mm],"
                         f" not {value[:40]!r}")
    return value


_CHECKS = {"url": _check_url, "published": _check_date, "outlet": lambda key, value: value}


def parse_meta(data: bytes, source: str) -> CorpusMeta:
    """The metadata of one meta.json; InputError(source, problem) when it is malformed."""
    if len(data) > MAX_META_BYTES:
        raise InputError(source, f"too large for a meta.json ({len(data)} bytes; at most {MAX_META_BYTES})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(source, f"not UTF-8 text (byte {error.start})") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise InputError(source, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except ValueError as error:
        raise InputError(source, f"not valid JSON ({error})") from None
    except RecursionError:
        raise InputError(source, "not valid JSON (nested too deeply)") from None
    if not isinstance(document, dict):
        raise InputError(source, f"must hold one JSON object, not {_type_name(document)}")
    unknown = sorted(k for k in document if k not in KEYS)
    if unknown:
        raise InputError(source, f"unknown key{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(map(repr, unknown))} (known: {', '.join(KEYS)})")
    sides: dict[str, dict[str, str | None]] = {}
    try:
        for prefix, side in SIDES.items():
            values: dict[str, str | None] = {}
            for field in FIELDS:
                key = prefix + field
                value = document.get(key)
                values[field] = None if value is None else _CHECKS[field](key, _check_text(key, value))
            sides[side] = values
    except ValueError as error:
        raise InputError(source, str(error)) from None
    return CorpusMeta(en=Publication(**sides["en"]), ko=Publication(**sides["ko"]))


def read_meta(folder: Path) -> CorpusMeta | None:
    """FOLDER/meta.json read and checked, or None when the folder has none.

    Present means the name exists at all (`lexists`): a dangling link or a loop named
    meta.json is its article's error, not a reason to build without the metadata, and it is
    read as every input is (regular files only: a FIFO must not block the build)."""
    from toolkit.inputs import read_input

    path = Path(folder) / META_NAME
    if not os.path.lexists(path):
        return None
    return parse_meta(read_input(path, MAX_META_BYTES), str(path))


def apply_meta(meta: CorpusMeta, en: Article, ko: Article | None, source: str) -> None:
    """Set the articles' url, date and outlet from `meta`, which wins over the page's own metadata."""
    if ko is None and meta.ko != Publication():
        given = next(f"ko_{f}" for f in FIELDS if getattr(meta.ko, f) is not None)
        raise InputError(source, f"{given} is given but the article folder has no Korean original")
    for article, publication in ((en, meta.en), (ko, meta.ko)):
        if article is None:
            continue
        article.url = publication.url or article.url
        article.date = publication.published or article.date
        article.outlet = publication.outlet or article.outlet


def apply_corpus_meta(folder: Path, en: Article, ko: Article | None) -> None:
    """FOLDER/meta.json, when there is one, applied to the folder's articles (see apply_meta)."""
    meta = read_meta(folder)
    if meta is not None:
        apply_meta(meta, en, ko, str(Path(folder) / META_NAME))
