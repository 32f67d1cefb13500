"""TEI (the transprov profile) -> English Article, Korean Article, Alignment: the inverse of write_tei.

Tables and metrics can be rebuilt from an archive of TEI files alone. What the TEI does
not keep, and so comes back normalised:
- null beads are not stored: an English sentence in no link comes back as a 1-0 bead and a
  Korean one as a 0-1 bead (cert from the sentence's @cert, else 1.0), before the next link,
  English first (`canonical_order` puts any alignment in this order); an alignment that
  leaves no trace (no link, no cert, no writer) is None;
- a link URL or an article URL (bibl/ptr) that is not a valid URI comes back
  percent-encoded (profile.uri_target);
- a Korean credit joined to an English one without an organization of its own shares the
  English organization; an empty service name is None; Credit.name_ko of Korean credits is dropped;
- paragraph text whose sentences are not verbatim pieces of it comes back as the sentences
  joined by spaces;
- a speaker (subhead) set on a sentence whose paragraph text has no label for it is written
  out as `speaker: ` (`subhead = `) before the sentence and comes back as part of the
  paragraph text; a sentence given both keeps its subhead only.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from toolkit.errors import InputError
from toolkit.model import Alignment, Article, Bead, Credit, Link, Paragraph, Revision, Sentence
from toolkit.tei.profile import ORIGINAL_FORM_LANG, REVIEWER_ROLE, XML_ID, XML_LANG, tei
from toolkit.tei.safe_xml import parse_xml_safely, read_xml_file

_NAME_TAGS = (tei("persName"), tei("orgName"), tei("name"))
_AGENTS = {tei("persName"): "person", tei("orgName"): "organization", tei("name"): "software"}


def _text(element) -> str:
    return (element.text or "") if element is not None else ""


def _find(parent, tag: str, **attrs):
    """The first child `tag` whose attributes equal `attrs` (None: attribute absent)."""
    for child in parent.iterchildren(tei(tag)):
        if all(child.get(name) == value for name, value in attrs.items()):
            return child
    return None


def _bibl(source_desc, kind: str):
    return _find(source_desc, "bibl", type=kind) if source_desc is not None else None


def _article(div, bibl, source: str) -> Article:
    language = div.get(XML_LANG) or ""
    article = Article(source=source, language=language)
    if bibl is not None:
        idno = _find(bibl, "idno", type="source")
        article.source = _text(idno) if idno is not None else source
        date = _find(bibl, "date")
        article.date = _text(date) if date is not None else None
        publisher, ptr = _find(bibl, "publisher"), _find(bibl, "ptr")
        article.outlet = _text(publisher) if publisher is not None else None
        article.url = ptr.get("target", "") if ptr is not None else None
        for ref in bibl.iterchildren(tei("ref")):
            article.links.append(Link(_text(ref), ref.get("target") or ""))
    for head in div.iterchildren(tei("head")):
        if head.get("type") == "sub":
            article.dek = _text(head)
        else:
            article.title = _text(head)
    for figure in div.iterchildren(tei("figure")):
        article.captions.append(_text(figure.find(tei("head"))))
    for p in div.iterchildren(tei("p"), tei("label")):
        lang = p.get(XML_LANG) or language
        if p.tag == tei("label"):  # a rubric line between paragraphs
            article.paragraphs.append(Paragraph(_text(p), lang, [], kind="rubric"))
        else:
            article.paragraphs.append(_paragraph(p, lang, len(article.paragraphs)))
    article.credit_paragraphs = [_text(b) for b in div.iterchildren(tei("byline"))]
    return article


def _speaker(label) -> str:
    """The speaker a <label type="speaker"> names: `앵커:` -> 앵커, `[기자]` -> 기자."""
    from toolkit.rubrics import label_at_end

    text = _text(label)
    found = label_at_end(text)
    return found[1] if found is not None else text.rstrip().removesuffix(":")


def _subhead(label) -> str:
    """The heading a <label type="subhead"> holds: `◆ 지하철 요금 인상 =` -> 지하철 요금 인상."""
    from toolkit.rubrics import subhead_at_end

    text = _text(label)
    found = subhead_at_end(text)
    return found[1] if found is not None else text.rstrip().removesuffix("=").rstrip()


def _paragraph(p, lang: str, number: int) -> Paragraph:
    parts = [p.text or ""]
    sentences = []
    labels: dict[str, str] = {}  # a speaker label or a subhead names the sentence right after it
    for child in p.iterchildren(tei("s"), tei("label")):
        text = child.text or ""
        if child.tag == tei("label"):
            kind = "subhead" if child.get("type") == "subhead" else "speaker"
            labels[kind] = _subhead(child) if kind == "subhead" else _speaker(child)
        else:
            sentences.append(Sentence(child.get(XML_ID) or "", text, child.get(XML_LANG) or lang, number,
                                      labels.get("speaker"), labels.get("subhead")))
            labels = {}
        parts.append(text)
        parts.append(child.tail or "")
    return Paragraph("".join(parts), lang, sentences)


def _forms(stmt, form_lang: str | None, languages: dict[str, str]) -> dict:
    """name, organization, service and language of one language form of a respStmt."""
    found: dict = {}
    for child in stmt.iterchildren(*_NAME_TAGS):
        if child.get(XML_LANG) != form_lang:
            continue
        kind = child.get("type")
        if kind is None or (kind == "software" and child.tag == tei("name")):
            if "name" not in found:
                found["name"], found["agent"] = _text(child), _AGENTS[child.tag]
        elif kind == "organization":
            found["organization"] = _text(child)
        elif kind == "service":
            found["service"] = child.text
            found["language"] = languages.get((child.get("corresp") or "").lstrip("#"))
    return found


def _credit(stmt, form_lang: str | None, languages: dict[str, str], order: int) -> Credit:
    """The credit of one respStmt in one language form (None: the English forms).

    A Korean credit joined to an English one shares the English organization and service
    unless its own Korean forms are written.
    """
    resp = stmt.find(tei("resp"))
    role = (resp.get("key") if resp is not None else None) or ""
    english = _forms(stmt, None, languages)
    korean = _forms(stmt, ORIGINAL_FORM_LANG, languages)
    if form_lang is None:
        fields, name_ko = english, korean.get("name")
    else:
        fields, name_ko = ({**english, **korean} if english else korean), None
        if "service" in korean:  # the Korean service element stands for both service and language
            fields["service"], fields["language"] = korean["service"], korean["language"]
    return Credit(role, fields.get("name") or "", fields.get("service"), fields.get("organization"),
                  fields.get("language"), order, name_ko, fields.get("agent") or "person")


def _chain(root, div_id: str, resp_stmts: dict, languages: dict[str, str], form_lang: str | None) -> list[Credit]:
    creation = root.find(f"{tei('teiHeader')}/{tei('profileDesc')}/{tei('creation')}")
    if creation is None:
        return []
    chain = _find(creation, "listChange", corresp=f"#{div_id}")
    credits = []
    for change in chain.iterchildren(tei("change")) if chain is not None else []:
        stmt = resp_stmts.get((change.get("who") or "").lstrip("#"))
        if stmt is None:
            continue
        try:
            order = int(change.get("n") or 0)
        except ValueError:
            order = 0
        credits.append(_credit(stmt, form_lang, languages, order))
    return credits


_NUMBER = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*")


def _cert(element) -> float:
    """@cert as a number from 0 to 1 (absent: 1.0). Anything else is an error, never a
    confidence made up for it: "abc" shown as 1.00 would hide the worst beads."""
    value = element.get("cert")
    if value is None:
        return 1.0
    cert = float(value) if _NUMBER.fullmatch(value) else math.nan
    if not 0.0 <= cert <= 1.0:
        raise ValueError(f'line {element.sourceline}: cert "{value}" is not a number from 0 to 1')
    return cert


def _arrange(links: list[Bead], nulls: dict[tuple[str, int], Bead], n_en: int, n_ko: int) -> list[Bead]:
    """Two-sided beads in their order, each after the null beads of the sentences before it
    (English first); a sentence in no bead becomes a null bead with cert 1."""
    linked = {("en", i) for b in links for i in b.en} | {("ko", j) for b in links for j in b.ko}
    result, next_en, next_ko = [], 0, 0

    def flush(until_en: int, until_ko: int) -> None:
        nonlocal next_en, next_ko
        while next_en < until_en:
            if ("en", next_en) not in linked:
                result.append(nulls.get(("en", next_en)) or Bead((next_en,), ()))
            next_en += 1
        while next_ko < until_ko:
            if ("ko", next_ko) not in linked:
                result.append(nulls.get(("ko", next_ko)) or Bead((), (next_ko,)))
            next_ko += 1

    for bead in links:
        flush(min(bead.en, default=next_en), min(bead.ko, default=next_ko))
        result.append(bead)
    flush(n_en, n_ko)
    return result


def canonical_order(alignment: Alignment, n_en: int, n_ko: int) -> Alignment:
    """`alignment` as read_tei would give it back: null beads of one sentence each, placed as
    the reader places them. Its bead indices are the one bead numbering of `show`, the tables
    and the notebook."""
    links = [b for b in alignment.beads if b.en and b.ko]
    nulls = {("en", i): Bead((i,), (), b.cert, b.reviewer) for b in alignment.beads if not b.ko for i in b.en}
    nulls |= {("ko", j): Bead((), (j,), b.cert, b.reviewer) for b in alignment.beads if not b.en for j in b.ko}
    return Alignment(_arrange(links, nulls, n_en, n_ko), list(alignment.revisions))


def _reviewers(title_stmt) -> dict[str, str]:
    """respStmt id -> reviewer name, for the respStmts whose resp key is the reviewer's."""
    found = {}
    for stmt in title_stmt.iterchildren(tei("respStmt")) if title_stmt is not None else []:
        resp = stmt.find(tei("resp"))
        if resp is not None and resp.get("key") == REVIEWER_ROLE:
            found[stmt.get(XML_ID)] = _text(stmt.find(tei("persName")))
    return found


def _reviewer(pointers: str | None, reviewers: dict[str, str]) -> str | None:
    return next((reviewers[p.lstrip("#")] for p in (pointers or "").split() if p.lstrip("#") in reviewers), None)


def _revisions(header, reviewers: dict[str, str]) -> list[Revision]:
    history = header.find(tei("revisionDesc")) if header is not None else None
    if history is None:
        return []
    return [Revision(change.get("when") or "", _reviewer(change.get("who"), reviewers) or "", _text(change))
            for change in history.iterchildren(tei("change"))]


def _alignment(root, en: Article, ko: Article, en_div, ko_div, reviewers: dict[str, str]) -> Alignment | None:
    en_index = {s.id: i for i, s in enumerate(en.sentences)}
    ko_index = {s.id: i for i, s in enumerate(ko.sentences)}
    links = root.findall(f"{tei('standOff')}/{tei('linkGrp')}/{tei('link')}")
    marked = any(s.get("resp") or s.get("cert") for div in (en_div, ko_div) for s in div.iter(tei("s")))
    if not links and not marked:
        return None
    beads = []
    for link in links:
        ids = [t.lstrip("#") for t in (link.get("target") or "").split()]
        bead = Bead(tuple(en_index[i] for i in ids if i in en_index),
                    tuple(ko_index[i] for i in ids if i in ko_index), _cert(link),
                    _reviewer(link.get("resp"), reviewers))
        if bead.en or bead.ko:
            beads.append(bead)
    nulls: dict[tuple[str, int], Bead] = {}
    for side, div, index in (("en", en_div, en_index), ("ko", ko_div, ko_index)):
        for s in div.iter(tei("s")):
            position = index.get(s.get(XML_ID))
            if position is not None:
                sentence = (position,)
                nulls[(side, position)] = Bead(sentence if side == "en" else (), sentence if side == "ko" else (),
                                               _cert(s), _reviewer(s.get("resp"), reviewers))
    return Alignment(_arrange(beads, nulls, len(en.sentences), len(ko.sentences)),
                     _revisions(root.find(tei("teiHeader")), reviewers))


def read_tei(source: Path | bytes, name: str | None = None) -> tuple[Article, Article | None, Alignment | None]:
    """Read a transprov TEI file (path or bytes) back into articles and their alignment. `name`:
    the file bytes were read from, which an error names (relink reads the bytes once, to compare them)."""
    name = name or ("<bytes>" if isinstance(source, (bytes, bytearray)) else str(source))
    root = parse_xml_safely(bytes(source), name) if isinstance(source, (bytes, bytearray)) else read_xml_file(Path(source))
    if root.tag != tei("TEI"):
        raise InputError(name, "not a TEI document (root element is not TEI in the TEI namespace)")
    body = root.find(f"{tei('text')}/{tei('body')}")
    en_div = _find(body, "div", type="translation") if body is not None else None
    if en_div is None:
        raise InputError(name, 'no <div type="translation"> in text/body')
    ko_div = _find(body, "div", type="original")
    header = root.find(tei("teiHeader"))
    file_desc = header.find(tei("fileDesc")) if header is not None else None
    source_desc = file_desc.find(tei("sourceDesc")) if file_desc is not None else None
    title_stmt = file_desc.find(tei("titleStmt")) if file_desc is not None else None
    resp_stmts = {s.get(XML_ID): s for s in title_stmt.iterchildren(tei("respStmt"))} if title_stmt is not None else {}
    languages = {lang.get(XML_ID): lang.get("ident") for lang in root.iter(tei("language")) if lang.get(XML_ID)}

    en = _article(en_div, _bibl(source_desc, "translation"), name)
    en.credits = _chain(root, en_div.get(XML_ID) or "", resp_stmts, languages, None)
    if ko_div is None:
        return en, None, None
    ko = _article(ko_div, _bibl(source_desc, "original"), name)
    ko.credits = _chain(root, ko_div.get(XML_ID) or "", resp_stmts, languages, ORIGINAL_FORM_LANG)
    try:
        alignment = _alignment(root, en, ko, en_div, ko_div, _reviewers(title_stmt))
    except ValueError as error:
        raise InputError(name, str(error)) from None
    return en, ko, alignment
