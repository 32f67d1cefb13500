"""HTML page -> Draft: title, dek, captions, date, body paragraphs and their links.

Parsed with lxml.html from already-decoded text re-encoded as UTF-8 (so a page's own
charset declaration cannot redirect decoding), with no network access; the HTML parser
never loads a DTD or expands external entities. Site chrome (navigation, scripts,
styles, footers, asides, share widgets, related-story lists) is removed before any text
is read, so what remains of the article container is the story.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from toolkit.errors import InputError
from toolkit.ingest.assemble import Draft, Piece, key
from toolkit.ingest.metadata import read_metadata
from toolkit.ingest.text import clean_line, split_units
from toolkit.model import Link

_SNIFF = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)
_DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "iframe",
    "svg", "menu", "select", "input", "textarea", "object", "embed", "canvas", "audio", "video", "map",
}
# class/id words of site chrome (matched as whole words of the attribute: "share-tools" -> share)
_CHROME_WORDS = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
    "sharebar", "sns", "footer", "sidebar", "related", "comments", "comment", "advert", "advertisement",
    "ad", "ads", "promo", "newsletter", "subscribe", "toolbar", "tools", "print", "email", "popup",
    "modal", "cookie", "banner", "masthead", "skip", "widget", "tags", "pagination", "copyright",
    "tweet", "instagram", "embed", "kicker", "eyebrow", "category", "categories", "date", "timestamp", "pubdate", "gnb", "lnb", "sns",
}
_DEK_WORDS = {"documentdescription", "dek", "deck", "subtitle", "subhead", "subheadline", "standfirst", "strapline", "summary", "sub_title", "subtit"}
_CAPTION_WORDS = {"caption", "figcaption", "wp-caption-text", "photo-caption", "image-caption", "img-caption", "photocaption", "imgcaption", "cutline", "photo_desc"}
_BYLINE_WORDS = {"byline", "author", "authors", "reporter", "writer", "credit-line"}
_BODY_WORDS = {"articlebody", "article-body", "article_body", "story-body", "storybody", "entry-content", "post-content",
               "article-content", "story-content", "story", "storytext", "article_txt", "news_body", "article-text", "body-text"}
_MAX_DEK_CHARS = 400  # a "summary" element longer than this is not a dek
_PAGE_TAG = re.compile(r"<(html|body)\b[^>]*>", re.I)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_BR = re.compile(r"<br\b", re.I)
_WORD_SPLIT = re.compile(r"[\s_-]+")
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr", "dd", "dt", "pre", "table", "ul", "ol"}


def looks_like_html(text: str) -> bool:
    """A page that opens with markup, or has its <html>/<body> near the top (saved pages
    sometimes begin with a line of text)."""
    head = text[:4096]
    return bool(_SNIFF.match(head) or _PAGE_TAG.search(head[:1024]))


def _words(el) -> set[str]:
    value = f"{el.get('class', '')} {el.get('id', '')}".lower()
    words = set(_WORD_SPLIT.split(value)) | set(value.split())
    words.discard("")
    return words


def _text(el) -> str:
    return clean_line("".join(el.itertext()))


def _drop(el) -> None:
    """Remove an element but keep its tail text (which belongs to the parent)."""
    if el.getparent() is not None:
        el.drop_tree()


def _holds_story(el) -> bool:
    """An element labelled like chrome that in fact wraps the story's paragraphs."""
    return sum(1 for p in el.iter("p") if len(_text(p)) >= 80) >= 2


def read_html(text: str, source: str) -> Draft:
    import lxml.html
    from lxml import etree

    text = _BR.sub(" \\g<0>", text)  # "line<br>line" reads as two words, not one
    # huge_tree: without it libxml2 stops at 256 levels of nesting and drops, without a
    # word, every paragraph below; with it the limit is 2,048, and a page deeper still is refused
    parser = lxml.html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, default_doctype=False,
        huge_tree=True,
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(source, f"unreadable HTML ({error})") from None
    limit = next((e.message for e in parser.error_log if e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT), None)
    if limit is not None:  # libxml2 stopped reading there: the rest of the page would be lost
        what = "HTML nested too deeply (over 2,048 levels)" if "depth" in limit else f"HTML too large ({limit})"
        raise InputError(source, f"{what} to be read whole; refused rather than read in part")
    page = read_metadata(root)  # JSON-LD, OpenGraph, meta tags: read before the head is dropped
    base = _base_url(root)
    date = page.date
    head_title = clean_line(root.findtext(".//head/title") or root.findtext(".//title") or "")
    meta_description = page.description
    site = page.publisher

    for el in list(root.iter("head", "time")):  # metadata: read above, never body text
        _drop(el)
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    keep = _BODY_WORDS | _CAPTION_WORDS | _DEK_WORDS | _BYLINE_WORDS
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body") or el.getparent() is None:
            continue
        words = _words(el)
        if words & _CHROME_WORDS and not words & keep and not _holds_story(el):
            _drop(el)

    container = _container(root)
    h1 = next((h for h in container.iter("h1") if _text(h)), None)
    if h1 is None:
        h1 = next((h for h in root.iter("h1") if _text(h)), None)
    if h1 is not None:
        title = _text(h1)
    else:
        title = _strip_site_name(page.title, site) if page.title else _strip_site_name(head_title, site) or None

    captions = []
    for caption in _take(container, lambda el: el.tag in ("figcaption", "caption") or bool(_words(el) & _CAPTION_WORDS)):
        if key(caption) not in {key(c) for c in captions}:
            captions.append(caption)
    for el in list(container.iter("figure", "img", "picture")):
        _drop(el)

    dek = None
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body") or not _words(el) & _DEK_WORDS:
            continue
        text = _text(el)
        if text and len(text) <= _MAX_DEK_CHARS and not any(c is container for c in el.iter()):
            dek = text
            _drop(el)
            break
    if dek is None and h1 is not None:
        following = h1.getnext()
        if following is not None and following.tag in ("h2", "h3") and _text(following):
            dek = _text(following)
            _drop(following)

    bylines = _take(container, lambda el: bool(_words(el) & _BYLINE_WORDS))
    if h1 is not None and h1.getparent() is not None:
        _drop(h1)

    pieces = _pieces(container, base)
    if dek is None and meta_description and pieces:
        first = key(pieces[0].text)
        described = key(meta_description)
        if described and described[: max(len(described) - 3, 1)] not in first:  # (the lead after a dateline too)
            dek = meta_description  # a written summary, not the lead cut short
    return Draft(source=source, title=title, dek=dek, captions=captions, pieces=pieces, date=date, bylines=bylines,
                 url=page.url or base, outlet=page.publisher, authors=page.authors)


def _take(container, wanted) -> list[str]:
    """Texts of the outermost elements that `wanted` accepts, removed from the tree."""
    found = [el for el in container.iter() if isinstance(el.tag, str) and el is not container and wanted(el)]
    chosen = set(found)
    outermost = [el for el in found if not any(a in chosen for a in el.iterancestors())]
    texts = [_text(el) for el in outermost]
    for el in outermost:
        _drop(el)
    return [t for t in texts if t]


def _container(root):
    """The element that holds the story: articleBody, <article>, <main>, a story class, or <body>."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("itemprop", "").lower() == "articlebody":
            return _widen(el)
    for tag in ("article", "main"):
        found = next(root.iter(tag), None)
        if found is not None:
            return found
    for el in root.iter():
        if isinstance(el.tag, str) and _words(el) & _BODY_WORDS:
            return _widen(el)
    body = next(root.iter("body"), None)
    return body if body is not None else root


def _widen(el):
    """A body-text element rarely holds the headline; read titles from its parent too."""
    parent = el.getparent()
    return parent if parent is not None and parent.tag not in ("html",) else el


def _pieces(container, base: str | None) -> list[Piece]:
    """Body candidates: the container's <p> elements, or its <br>-separated lines when
    the page (as many Korean news sites do) writes the story without <p>."""
    paragraphs = [p for p in container.iter("p") if not any(a.tag == "p" for a in p.iterancestors())]
    pieces = [piece for p in paragraphs for piece in _paragraph_pieces(p, base)]
    if pieces:
        return pieces
    for br in container.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in container.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        if el.text is not None:
            el.text = "\n" + el.text
    text = "".join(container.itertext())
    return [Piece(unit.text) for unit in split_units(text)]


def _paragraph_pieces(p, base: str | None) -> list[Piece]:
    """One <p>, or several when it holds paragraphs separated by a blank line (<br><br>)."""
    links = _links(p, base)
    if next(p.iter("br"), None) is None:
        text = _text(p)
        return [Piece(text, links)] if text else []
    for br in p.iter("br"):
        br.tail = "\n" + (br.tail or "")
    chunks = [clean_line(c.replace("\n", " ")) for c in _BLANK_LINE.split("".join(p.itertext()))]
    pieces = [Piece(c) for c in chunks if c]
    for link in links:  # each link goes with the paragraph that shows its text
        owner = next((piece for piece in pieces if link.text in piece.text), None)
        if owner is not None:
            owner.links.append(link)
    return pieces


def _links(p, base: str | None) -> list[Link]:
    links = []
    for a in p.iter("a"):
        href = (a.get("href") or "").strip()
        text = _text(a)
        if not href or not text or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        links.append(Link(text, urljoin(base, href) if base else href))
    return links


def _base_url(root) -> str | None:
    for el in root.iter("base"):
        if el.get("href"):
            return el.get("href").strip()
    canonical = next((el.get("href") for el in root.iter("link") if (el.get("rel") or "").lower() == "canonical"), None)
    return canonical.strip() if canonical else _meta(root, "og:url")


def _meta(root, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for el in root.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if name in wanted and (el.get("content") or "").strip():
            return clean_line(el.get("content"))
    return None


_SITE_SUFFIX = re.compile(r"\s+(?:\||–|—|::|-)\s+([^|–—]{1,40})$")
_SITE_WORDS = re.compile(r"\b(news|times|post|radio|daily|herald|journal|tribune|press|online|agency|RFA|VOA|BBC)\b|방송|일보|신문|뉴스|통신", re.I)


def _strip_site_name(title: str, site: str | None) -> str:
    """"Headline | Radio Free Asia" -> "Headline". A last segment is cut when it is the
    page's og:site_name, follows a pipe, or reads like a news outlet's name; "North
    Korea - China Trade Falls" keeps its second half."""
    match = _SITE_SUFFIX.search(title)
    if not match:
        return title
    segment = match.group(1).strip()
    if (site and key(segment) == key(site)) or match.group(0).lstrip().startswith("|") or _SITE_WORDS.search(segment):
        stripped = title[: match.start()].strip()
        return stripped or title
    return title
