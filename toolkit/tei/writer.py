"""Article (+ Korean original + alignment) -> TEI P5 XML bytes, the profile of docs/tei-profile.md.

The output is deterministic (the same inputs give the same bytes: no timestamps, ids
from the inputs, fixed indentation), and `read_tei` inverts it (write -> read -> write is
byte-identical), so an archive of TEI files is a store of the articles and their alignment
from which every table can be rebuilt. What TEI does not keep is listed in reader.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.model import AGENTS, RELATOR_URI, ROLES, Alignment, Article, Bead, Credit
from toolkit.tei.profile import (
    LANGUAGE_NAMES, ORIGINAL_FORM_LANG, RESP_PHRASES, REVIEWER_PHRASE, REVIEWER_RELATOR, REVIEWER_ROLE,
    TEI_NS, XML_ID, XML_LANG, format_cert, is_language, is_ncname, language_id, tei, uri_target, w3c_date,
)

# what a file name may hold and XML may not: C0 controls, and the lone surrogates that a
# name's bytes of another encoding (a Windows zip's CP949) become in Python
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _source_text(source: str) -> str:
    """The source path as XML can hold it: what it cannot, written as every message prints it
    (`\\udcb1`), so that a file of any name can be aligned."""
    from toolkit.errors import printable

    return _NOT_XML.sub(lambda m: printable(m.group()), source)


# elements holding only elements: indented; every other element keeps its text exactly
_BLOCKS = {
    tei(t) for t in (
        "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "sourceDesc",
        "bibl", "profileDesc", "langUsage", "creation", "listChange", "text", "body", "div",
        "figure", "standOff", "linkGrp", "revisionDesc",
    )
}


@dataclass
class _Resp:
    """One respStmt: an English credit, a Korean credit, or both when they name one person."""

    id: str
    en: Credit | None = None
    ko: Credit | None = None

    @property
    def role(self) -> str:
        return (self.en or self.ko).role  # type: ignore[union-attr]


def _sub(parent, tag: str, text: str | None = None, **attrs):
    from lxml import etree

    element = etree.SubElement(parent, tei(tag))
    for name, value in attrs.items():
        if value is not None:
            element.set(name, value)
    if text is not None:
        element.text = text
    return element


def _name(parent, credit: Credit, text: str, lang: str | None) -> None:
    """The agent's name, tagged by what kind of agent it is: persName, orgName or name[@type=software]."""
    if credit.agent == "software":
        _sub(parent, "name", text, type="software", **{XML_LANG: lang})
    else:
        _sub(parent, "orgName" if credit.agent == "organization" else "persName", text, **{XML_LANG: lang})


def _check_article(article: Article, side: str) -> None:
    if not is_language(article.language):
        raise ValueError(f"{side} article: language {article.language!r} is not a BCP 47 code")
    for number, paragraph in enumerate(article.paragraphs, 1):
        if paragraph.kind == "rubric":
            if paragraph.sentences:
                raise ValueError(f"{side} article: rubric paragraph {number} has sentences")
            continue
        if not paragraph.sentences:
            raise ValueError(f"{side} article: paragraph {number} has no sentences (segment it first)")
    for credit in article.credits:
        if credit.role not in ROLES:
            raise ValueError(f"{side} article: unknown credit role {credit.role!r}")
        if credit.agent not in AGENTS:
            raise ValueError(f"{side} article: unknown credit agent {credit.agent!r}")
        if credit.language is not None and not is_language(credit.language):
            raise ValueError(f"{side} article: credit language {credit.language!r} is not a BCP 47 code")


def _check_ids(articles: list[Article]) -> None:
    seen = {a.language for a in articles}
    if len(seen) < len(articles):
        raise ValueError("the translation and the original must differ in language")
    for article in articles:
        for sentence in article.sentences:
            if not is_ncname(sentence.id):
                raise ValueError(f"sentence id {sentence.id!r} is not an XML name")
            if sentence.id in seen or sentence.id.startswith("resp-") or sentence.id.startswith("lang-"):
                raise ValueError(f"sentence id {sentence.id!r} is used twice or is reserved")
            if not is_language(sentence.lang):
                raise ValueError(f"sentence {sentence.id}: language {sentence.lang!r} is not a BCP 47 code")
            seen.add(sentence.id)


def _check_alignment(alignment: Alignment, n_en: int, n_ko: int) -> None:
    used: set[tuple[str, int]] = set()
    for number, bead in enumerate(alignment.beads, 1):
        if not bead.en and not bead.ko:
            raise ValueError(f"bead {number} is empty")
        for side, indices, size in (("en", bead.en, n_en), ("ko", bead.ko, n_ko)):
            for index in indices:
                if not 0 <= index < size:
                    raise ValueError(f"bead {number}: {side} sentence index {index} out of range")
                if (side, index) in used:
                    raise ValueError(f"bead {number}: {side} sentence {index} is in two beads")
                used.add((side, index))
        if bead.reviewer is not None and not bead.reviewer.strip():
            raise ValueError(f"bead {number}: empty reviewer name")
    for revision in alignment.revisions:
        if not revision.who.strip():
            raise ValueError("revision with an empty reviewer name")
        if w3c_date(revision.when) is None:
            raise ValueError(f"revision date {revision.when!r} is not an ISO 8601 date or date-time")


def _reviewers(alignment: Alignment | None, first: int) -> dict[str, str]:
    """Reviewer name -> respStmt id, in order of first mention (revisions, then beads);
    ids continue the credits' numbering."""
    names: dict[str, str] = {}
    if alignment is None:
        return names
    for name in [r.who for r in alignment.revisions] + [b.reviewer for b in alignment.beads if b.reviewer]:
        if name not in names:
            names[name] = f"resp-{first + len(names)}"
    return names


def _plan_credits(en: Article, ko: Article | None) -> tuple[list[_Resp], list[_Resp]]:
    """One respStmt per English credit; a Korean credit joins the one naming its person.

    Returns the respStmts in document order and the Korean chain (respStmts in the order
    of the Korean credits).
    """
    resps = [_Resp(f"resp-{n}", en=credit) for n, credit in enumerate(en.credits, 1)]
    korean_chain = []
    for credit in ko.credits if ko is not None else []:
        joined = next(
            (r for r in resps if r.en is not None and r.ko is None and r.en.name_ko
             and r.en.name_ko == credit.name and r.en.role == credit.role and r.en.agent == credit.agent),
            None,
        )
        if joined is not None:
            joined.ko = credit
        else:
            joined = _Resp(f"resp-{len(resps) + 1}", ko=credit)
            resps.append(joined)
        korean_chain.append(joined)
    return resps, korean_chain


def _names(parent, credit: Credit, lang: str | None, like: Credit | None = None) -> None:
    """The name, organization and service of one credit in one language form.

    `like`: the English credit a Korean credit joins; its name is the English credit's
    name_ko, and its organization and service are written only where they differ.
    """
    if like is None:
        _name(parent, credit, credit.name, lang)
    if credit.organization is not None and (like is None or credit.organization != like.organization):
        _sub(parent, "orgName", credit.organization, type="organization", **{XML_LANG: lang})
    same_service = like is not None and (credit.service, credit.language) == (like.service, like.language)
    has_service = credit.service is not None or credit.language is not None
    if (has_service and like is None) or (like is not None and not same_service):
        _sub(
            parent, "orgName", credit.service, type="service",
            corresp=f"#{language_id(credit.language)}" if credit.language else None, **{XML_LANG: lang},
        )


def _resp_stmt(parent, resp: _Resp) -> None:
    stmt = _sub(parent, "respStmt", **{XML_ID: resp.id})
    _sub(stmt, "resp", RESP_PHRASES[resp.role], key=resp.role, ref=RELATOR_URI + ROLES[resp.role])
    if resp.en is not None:
        _names(stmt, resp.en, None)
        ko_name = resp.en.name_ko
        if ko_name is not None:
            _name(stmt, resp.en, ko_name, ORIGINAL_FORM_LANG)
        if resp.ko is not None:
            _names(stmt, resp.ko, ORIGINAL_FORM_LANG, like=resp.en)
    else:
        _names(stmt, resp.ko, ORIGINAL_FORM_LANG)  # type: ignore[arg-type]


def _reviewer_stmt(parent, name: str, stmt_id: str) -> None:
    stmt = _sub(parent, "respStmt", **{XML_ID: stmt_id})
    _sub(stmt, "resp", REVIEWER_PHRASE, key=REVIEWER_ROLE, ref=RELATOR_URI + REVIEWER_RELATOR)
    _sub(stmt, "persName", name)


def _bibl(parent, article: Article, kind: str) -> None:
    bibl = _sub(parent, "bibl", type=kind)
    if article.title is not None:
        _sub(bibl, "title", article.title, **{XML_LANG: article.language})
    if article.date is not None:
        _sub(bibl, "date", article.date, when=w3c_date(article.date))
    if article.outlet is not None:  # publication data: the page's metadata or meta.json
        _sub(bibl, "publisher", article.outlet)
    if article.url is not None:
        _sub(bibl, "ptr", target=uri_target(article.url))
    _sub(bibl, "idno", _source_text(article.source), type="source")
    for link in article.links:
        _sub(bibl, "ref", link.text, target=uri_target(link.url) or None)
    _sub(bibl, "textLang", mainLang=article.language)


def _chain(parent, chain: list[_Resp], side: str, div_id: str) -> None:
    """listChange of one article's credits, in the article's order, each pointing at its respStmt."""
    if not chain:
        return
    changes = _sub(parent, "listChange", corresp=f"#{div_id}")
    for resp in chain:
        credit = getattr(resp, side)
        _sub(changes, "change", f"{RESP_PHRASES[credit.role]} {credit.name}", n=str(credit.order), who=f"#{resp.id}")


def _div(parent, article: Article, kind: str, sentence_attrs: dict[str, dict[str, str]]) -> None:
    div = _sub(parent, "div", type=kind, **{XML_LANG: article.language, XML_ID: article.language})
    if article.title is not None:
        _sub(div, "head", article.title)
    if article.dek is not None:
        _sub(div, "head", article.dek, type="sub")
    for caption in article.captions:
        _sub(_sub(div, "figure"), "head", caption)
    for paragraph in article.paragraphs:
        lang = paragraph.lang if paragraph.lang != article.language else None
        if paragraph.kind == "rubric":  # a rubric line between paragraphs: text, not sentences
            _sub(div, "label", paragraph.text, type="rubric", **{XML_LANG: lang})
            continue
        p = _sub(div, "p", **{XML_LANG: lang})
        _fill_paragraph(p, paragraph, lang or article.language, sentence_attrs)
    for line in article.credit_paragraphs:
        _sub(div, "byline", line)


def _label_of(sentence) -> tuple[str, str] | None:
    """(kind, text) of the label a sentence opens with: a paragraph's subhead, else its speaker."""
    if sentence.subhead is not None:
        return "subhead", sentence.subhead
    if sentence.speaker is not None:
        return "speaker", sentence.speaker
    return None


def _fill_paragraph(p, paragraph, lang: str, sentence_attrs: dict[str, dict[str, str]]) -> None:
    """<s> elements with the paragraph's own text between them, so the paragraph text survives."""
    text, cursor, gaps = paragraph.text, 0, []
    for sentence in paragraph.sentences:
        found = text.find(sentence.text, cursor)
        if found < 0:
            gaps = None
            break
        label = _label_of(sentence)
        if label is not None:  # the occurrence right after its label, not one inside it (a heading may hold it)
            later = found
            while later >= 0 and _label_start(text[cursor:later], *label) is None:
                later = text.find(sentence.text, later + 1)
            found = later if later >= 0 else found
        gaps.append(text[cursor:found])
        cursor = found + len(sentence.text)
    if gaps is None:  # sentences are not verbatim pieces of the text: join them with spaces
        gaps, tail = [""] + [" "] * (len(paragraph.sentences) - 1), ""
    else:
        tail = text[cursor:]
    p.text = gaps[0] or None
    previous = None
    for sentence, gap in zip(paragraph.sentences, gaps):
        label = _label_of(sentence)
        if label is not None:  # the gap's text, then the label, go before the sentence
            _gap_label(p, previous, gap, *label)
        elif previous is not None:
            previous.tail = gap or None
        attrs = {XML_ID: sentence.id, XML_LANG: sentence.lang if sentence.lang != lang else None}
        attrs.update(sentence_attrs.get(sentence.id, {}))
        previous = _sub(p, "s", sentence.text, **attrs)
    if previous is not None:
        previous.tail = tail or None


def _label_start(gap: str, kind: str, name: str) -> int | None:
    """Where the label of speaker or subhead `name` ends `gap` (toolkit.rubrics.label_at_end or
    subhead_at_end, or `name:` / `name =` as written out on an earlier round), or None."""
    from toolkit.rubrics import label_at_end, subhead_at_end

    found = subhead_at_end(gap) if kind == "subhead" else label_at_end(gap)
    if found is not None and found[1] == name:
        return found[0]
    written, ending = gap.rstrip(), _WRITTEN_OUT[kind].format(name)
    if written.endswith(ending):
        return len(written) - len(ending)
    return None


# a label set by hand, with no text of its own in the paragraph, is written out in this form
_WRITTEN_OUT = {"speaker": "{}:", "subhead": "{} ="}


def _gap_label(p, previous, gap: str, kind: str, name: str) -> None:
    """Write `gap` (the paragraph text before a sentence) with the speaker label or subhead that
    ends it as <label type="speaker|subhead">. One set by hand with no label in the text gets
    `name: ` (`name = `) written out, which reads back as part of the paragraph text."""
    start = _label_start(gap, kind, name)
    before, label = (gap, _WRITTEN_OUT[kind].format(name) + " ") if start is None else (gap[:start], gap[start:])
    stripped = label.rstrip()
    if previous is not None:
        previous.tail = before or None
    else:
        p.text = before or None
    element = _sub(p, "label", stripped, type=kind)
    element.tail = label[len(stripped):] or None


def _null_bead_attrs(en: Article, ko: Article, alignment: Alignment, writer: str | None,
                     reviewers: dict[str, str]) -> dict:
    """resp (added in English; confirmed by a reviewer) and cert for sentences in no two-sided bead."""
    attrs: dict[str, dict[str, str]] = {}
    linked = {("en", i) for b in alignment.beads if b.en and b.ko for i in b.en}
    linked |= {("ko", i) for b in alignment.beads if b.en and b.ko for i in b.ko}
    certs = {("en", i): b.cert for b in alignment.beads if not b.ko for i in b.en}
    certs |= {("ko", i): b.cert for b in alignment.beads if not b.en for i in b.ko}
    reviewed = {("en", i): b.reviewer for b in alignment.beads if not b.ko and b.reviewer for i in b.en}
    reviewed |= {("ko", i): b.reviewer for b in alignment.beads if not b.en and b.reviewer for i in b.ko}
    for side, article in (("en", en), ("ko", ko)):
        for index, sentence in enumerate(article.sentences):
            if (side, index) in linked:
                continue
            entry: dict[str, str] = {}
            pointers = [f"#{writer}"] if side == "en" and writer is not None else []
            if (side, index) in reviewed:
                pointers.append(f"#{reviewers[reviewed[(side, index)]]}")
            if pointers:
                entry["resp"] = " ".join(pointers)
            cert = certs.get((side, index), 1.0)
            if format_cert(cert) != "1":
                entry["cert"] = format_cert(cert)
            if entry:
                attrs[sentence.id] = entry
    return attrs


def _links(parent, en: Article, ko: Article, beads: list[Bead], reviewers: dict[str, str]):
    from lxml import etree

    two_sided = [b for b in beads if b.en and b.ko]
    if not two_sided:
        return None
    en_ids = [s.id for s in en.sentences]
    ko_ids = [s.id for s in ko.sentences]
    stand_off = etree.SubElement(parent, tei("standOff"))
    group = _sub(stand_off, "linkGrp", type="alignment")
    for bead in two_sided:
        target = " ".join([f"#{en_ids[i]}" for i in bead.en] + [f"#{ko_ids[i]}" for i in bead.ko])
        _sub(group, "link", type=bead.type, target=target, cert=format_cert(bead.cert),
             resp=f"#{reviewers[bead.reviewer]}" if bead.reviewer else None)
    return stand_off


def _languages(root, credits: list[Credit]) -> list[str]:
    """Every xml:lang in the document and every credit's service language, in first-use order."""
    found: list[str] = []
    for element in root.iter():
        lang = element.get(XML_LANG)
        if lang is not None and lang not in found:
            found.append(lang)
    for credit in credits:
        if credit.language is not None and credit.language not in found:
            found.append(credit.language)
    return found


def _indent(element, level: int = 0) -> None:
    if element.tag not in _BLOCKS or len(element) == 0:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


def write_tei(en: Article, ko: Article | None, alignment: Alignment | None) -> bytes:
    """The TEI document of an English article, its Korean original and their alignment.

    Paragraphs must be segmented (ValueError otherwise). With no original, the alignment
    is ignored and the file has no Korean div and no standOff.
    """
    from lxml import etree

    articles = [en] + ([ko] if ko is not None else [])
    for article, side in zip(articles, ("English", "Korean")):
        _check_article(article, side)
    _check_ids(articles)
    if ko is None:
        alignment = None
    if alignment is not None:
        _check_alignment(alignment, len(en.sentences), len(ko.sentences))  # type: ignore[union-attr]

    resps, korean_chain = _plan_credits(en, ko)
    writer = next((r.id for r in resps if r.en is not None and r.en.role == "writer"), None)
    reviewers = _reviewers(alignment, len(resps) + 1)
    sentence_attrs = _null_bead_attrs(en, ko, alignment, writer, reviewers) if alignment is not None else {}

    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.set(XML_LANG, en.language)
    header = etree.SubElement(root, tei("teiHeader"))
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", en.title, **{XML_LANG: en.language})
    if ko is not None and ko.title is not None:
        _sub(title_stmt, "title", ko.title, type="original", **{XML_LANG: ko.language})
    for resp in resps:
        _resp_stmt(title_stmt, resp)
    for name, stmt_id in reviewers.items():
        _reviewer_stmt(title_stmt, name, stmt_id)
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "p", "Encoded with transprov from the published article"
         + (", its original and their sentence alignment." if ko is not None else "."))
    source_desc = _sub(file_desc, "sourceDesc")
    _bibl(source_desc, en, "translation")
    if ko is not None:
        _bibl(source_desc, ko, "original")
    profile = _sub(header, "profileDesc")

    body = _sub(_sub(root, "text"), "body")
    _div(body, en, "translation", sentence_attrs)
    if ko is not None:
        _div(body, ko, "original", sentence_attrs)
    if alignment is not None:
        _links(root, en, ko, alignment.beads, reviewers)  # type: ignore[arg-type]

    lang_usage = _sub(profile, "langUsage")
    all_credits = [c for a in articles for c in a.credits]
    for code in _languages(root, all_credits):
        _sub(lang_usage, "language", LANGUAGE_NAMES.get(code, code), ident=code, **{XML_ID: language_id(code)})
    if resps:
        creation = _sub(profile, "creation")
        _chain(creation, [r for r in resps if r.en is not None], "en", en.language)
        if ko is not None:
            _chain(creation, korean_chain, "ko", ko.language)
    if alignment is not None and alignment.revisions:
        history = _sub(header, "revisionDesc")
        for revision in alignment.revisions:
            _sub(history, "change", revision.what, when=revision.when, who=f"#{reviewers[revision.who]}")
    _indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"
