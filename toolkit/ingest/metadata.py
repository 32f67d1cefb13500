"""What a page says about itself in its markup: JSON-LD, OpenGraph and meta tags.

    read_metadata(root) -> PageMetadata   (title, description, authors, date, publisher, url, language)

Read from the parsed tree before any chrome is removed. JSON-LD (schema.org NewsArticle /
Article / BlogPosting / ReportageNewsArticle, alone, in a list or in an @graph) is read with
the json module: no third-party extractor is needed for it (see the note of issue 8), and a
malformed or hostile block (invalid JSON, nesting past the parser's limit, megabytes of it)
is skipped, never fatal. The visible page wins over the metadata: the caller uses these
values only where the page itself says nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from toolkit.ingest import boilerplate as bp
from toolkit.ingest.decode import strip_unwritable
from toolkit.model import Credit

_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "report",
}
_MAX_JSON_CHARS = 1_000_000  # a JSON-LD block larger than this is not a page's metadata
_MAX_NODES = 10_000  # objects visited in one block
_MAX_AUTHORS = 20
_MAX_NAME_CHARS = 200  # an author "name" longer than this is a stuffed field, never a byline: no credit


@dataclass
class PageMetadata:
    title: str | None = None
    description: str | None = None
    authors: list[Credit] = field(default_factory=list)  # role writer; agent person or organization
    date: str | None = None  # ISO 8601 calendar date
    publisher: str | None = None
    url: str | None = None
    language: str | None = None


def _clean(value) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    text = " ".join(strip_unwritable(value).split())  # JSON escapes and entities bring these back
    return text or None


def _meta(root, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for el in root.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if name in wanted and (content := _clean(el.get("content"))):
            return content
    return None


def _objects(data) -> list[dict]:
    """Every JSON object in a JSON-LD value (lists and @graph walked without recursion)."""
    found, stack, seen = [], [data], 0
    while stack and seen < _MAX_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            found.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return found


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _json_ld_articles(root) -> list[dict]:
    articles = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > _MAX_JSON_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        articles += [obj for obj in _objects(data) if _types(obj) & _ARTICLE_TYPES]
    return articles


def _authors(value) -> list[Credit]:
    """schema.org author: a Person, an Organization, a name, or a list of them."""
    items = value if isinstance(value, list) else [value]
    credits = []
    for item in items[:_MAX_AUTHORS]:
        if isinstance(item, str):
            name, agent = _clean(item), "person"
        elif isinstance(item, dict):
            name = _clean(item.get("name"))
            agent = "organization" if _types(item) & {"organization", "newsmediaorganization", "corporation"} else "person"
        else:
            continue
        if name and len(name) <= _MAX_NAME_CHARS:
            credits.append(Credit("writer", name, agent=agent))
    return credits


def _looks_like_name(text: str) -> bool:
    """A byline name, not a login ("aldisa") or a URL: capitalised words, or Hangul."""
    from toolkit.hangul import has_syllable

    return bool(text) and (has_syllable(text) or all(w[:1].isupper() for w in text.split()))


def _name_of(value) -> str | None:
    if isinstance(value, dict):
        return _clean(value.get("name"))
    return _clean(value)


def _url_of(value) -> str | None:
    if isinstance(value, dict):
        return _clean(value.get("@id") or value.get("url"))
    return _clean(value)


def _date(value: str | None) -> str | None:
    return bp.normalise_date(value) if value else None


def read_metadata(root) -> PageMetadata:
    """JSON-LD first, then OpenGraph and meta tags, then <time datetime>, for each field."""
    meta = PageMetadata()
    for article in _json_ld_articles(root):
        meta.title = meta.title or _clean(article.get("headline")) or _clean(article.get("name"))
        meta.description = meta.description or _clean(article.get("description"))
        meta.authors = meta.authors or _authors(article.get("author"))
        meta.date = meta.date or _date(_clean(article.get("datePublished")) or _clean(article.get("dateCreated")))
        meta.publisher = meta.publisher or _name_of(article.get("publisher"))
        meta.url = meta.url or _clean(article.get("url")) or _url_of(article.get("mainEntityOfPage"))
        meta.language = meta.language or _clean(article.get("inLanguage"))
    meta.title = meta.title or _meta(root, "og:title", "twitter:title")
    meta.description = meta.description or _meta(root, "description", "og:description", "twitter:description")
    if not meta.authors:  # (not DC.creator: content systems such as Plone put the editor's login there)
        names = _meta(root, "author", "article:author", "byl")
        if names and not names.startswith(("http://", "https://")):
            meta.authors = [Credit("writer", n, agent="person") for n in (n.strip() for n in names.split(","))
                            if len(n) <= _MAX_NAME_CHARS and _looks_like_name(n)][:_MAX_AUTHORS]
    meta.date = meta.date or _date(_meta(root, "article:published_time", "datepublished", "pubdate", "publishdate",
                                         "date", "dc.date", "dc.date.created", "dc.date.issued", "dcterms.created",
                                         "dcterms.issued", "og:published_time"))
    if meta.date is None:
        times = [t for t in root.iter("time") if t.get("datetime")]
        times.sort(key=lambda t: t.get("pubdate") is None)  # an explicit pubdate first
        meta.date = next((d for t in times if (d := _date(t.get("datetime")))), None)
    meta.publisher = meta.publisher or _meta(root, "og:site_name", "application-name")
    canonical = next((el.get("href") for el in root.iter("link") if (el.get("rel") or "").lower() == "canonical"), None)
    meta.url = meta.url or _clean(canonical) or _meta(root, "og:url")
    html = next(root.iter("html"), None)
    meta.language = meta.language or (_clean(html.get("lang")) if html is not None else None)
    return meta
