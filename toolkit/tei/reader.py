"""TEI (the transprov profile) -> English Article, Korean Article, Alignment: the inverse of write_tei.

Tables and metrics can be rebuilt from an archive of TEI files alone. What the TEI does
not keep, and so comes back normalised:
- null beads are not stored: an English sentence in no link comes back as a 1-0 bead and a
  Korean one as a 0-1 bead (cert from the sentence's @cert, else 1.0), before the next link,
  English first; an alignment that leaves no trace (no link, no cert, no writer) is None;
- a link URL or an article URL (bibl/ptr) that is not a valid URI comes back
  percent-encoded (profile.uri_target);
- a Korean credit joined to an English one without an organization of its own shares the
  English organization; an empty service name is None; Credit.name_ko of Korean credits is dropped;
- paragraph text whose sentences are not verbatim pieces of it comes back as the sentences
  joined by spaces;
- a speaker set on a sentence whose paragraph text has no label for it is written out as
  `speaker: ` before the sentence and comes back as part of the paragraph text.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import InputError
from toolkit.model import Alignment, Article, Bead, Credit, Link, Paragraph, Sentence
from toolkit.tei.profile import ORIGINAL_FORM_LANG, XML_ID, XML_LANG, tei
from toolkit.tei.safe_xml import parse_xml_safely, read_xml_file

_NAME_TAGS = (tei("persName"), tei("orgName"))


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


def _paragraph(p, lang: str, number: int) -> Paragraph:
    parts = [p.text or ""]
    sentences = []
    speaker = None  # a speaker label names the sentence right after it
    for child in p.iterchildren(tei("s"), tei("label")):
        text = child.text or ""
        if child.tag == tei("label"):
            speaker = _speaker(child)
        else:
            sentences.append(Sentence(child.get(XML_ID) or "", text, child.get(XML_LANG) or lang, number, speaker))
            speaker = None
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
        if kind is None:
            found.setdefault("name", _text(child))
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
                  fields.get("language"), order, name_ko)


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


def _cert(element) -> float:
    try:
        return float(element.get("cert", "1"))
    except ValueError:
        return 1.0


def _alignment(root, en: Article, ko: Article, en_div, ko_div) -> Alignment | None:
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
                    tuple(ko_index[i] for i in ids if i in ko_index), _cert(link))
        if bead.en or bead.ko:
            beads.append(bead)
    linked_en = {i for b in beads for i in b.en}
    linked_ko = {i for b in beads for i in b.ko}
    en_certs = {s.get(XML_ID): _cert(s) for s in en_div.iter(tei("s"))}
    ko_certs = {s.get(XML_ID): _cert(s) for s in ko_div.iter(tei("s"))}
    result, next_en, next_ko = [], 0, 0

    def flush(until_en: int, until_ko: int) -> None:
        nonlocal next_en, next_ko
        while next_en < until_en:
            if next_en not in linked_en:
                result.append(Bead((next_en,), (), en_certs.get(en.sentences[next_en].id, 1.0)))
            next_en += 1
        while next_ko < until_ko:
            if next_ko not in linked_ko:
                result.append(Bead((), (next_ko,), ko_certs.get(ko.sentences[next_ko].id, 1.0)))
            next_ko += 1

    for bead in beads:
        flush(min(bead.en, default=next_en), min(bead.ko, default=next_ko))
        result.append(bead)
    flush(len(en.sentences), len(ko.sentences))
    return Alignment(result)


def read_tei(source: Path | bytes) -> tuple[Article, Article | None, Alignment | None]:
    """Read a transprov TEI file (path or bytes) back into articles and their alignment."""
    name = "<bytes>" if isinstance(source, (bytes, bytearray)) else str(source)
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
    return en, ko, _alignment(root, en, ko, en_div, ko_div)
