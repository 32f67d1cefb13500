"""TEI writer: the profile of docs/tei-profile.md, on articles built by hand (no other room needed)."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from toolkit.model import RELATOR_URI, ROLES, Alignment, Article, Bead, Credit, Paragraph, Sentence
from toolkit.tei import read_tei, write_tei
from toolkit.tei.profile import RESP_PHRASES

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _paragraphs(lang: str, groups: list[list[str]]) -> list[Paragraph]:
    paragraphs, n = [], 0
    for index, texts in enumerate(groups):
        sentences = []
        for text in texts:
            n += 1
            sentences.append(Sentence(f"{lang}-s{n}", text, lang, index))
        paragraphs.append(Paragraph(" ".join(texts), lang, sentences))
    return paragraphs


def sample_pair() -> tuple[Article, Article, Alignment]:
    """A small seed-like pair: reporter joined to his Korean byline, an added background
    sentence, a 2-1 split, an untranslated Korean sentence and a Korean-only editor."""
    en = Article(
        source="fixtures/seed/en.txt", language="en",
        title="Pyongyang Moves to Identify Defectors",
        dek="The campaign is aimed at punishing families of those who flee the country.",
        captions=["Activists shout slogans outside the Chinese embassy in Seoul, Feb. 21, 2012."],
        paragraphs=_paragraphs("en", [
            ["The North Korean government has launched a campaign to identify families of defectors, sources said."],
            ["China has repatriated 31 North Korean refugees, advocates say."],
            ["Min explained that the authorities want the motive.", "Examinations stretch for long periods, he said."],
            ["\u201cThey use an intellectual method & <coercion>,\u201d said the resident."],
        ]),
        credit_paragraphs=["Reported by Kim Joon-Ho for RFA's Korean service. Translated by Kang Min Kyung. "
                           "Written in English by Parameswaran Ponnudurai."],
        credits=[
            Credit("reporter", "Kim Joon-Ho", "Korean", "RFA", "ko", 1, "김준호"),
            Credit("translator", "Kang Min Kyung", order=2),
            Credit("writer", "Parameswaran Ponnudurai", order=3),
        ],
        date="2012-03-01", url="https://www.rfa.example/english/news/korea/defectors-03012012.html",
        outlet="Radio Free Asia",
    )
    ko = Article(
        source="fixtures/seed/ko.txt", language="ko", title="북, 탈북자 가족 색출·처벌 나서",
        paragraphs=_paragraphs("ko", [
            ["북한 당국이 탈북자 가족들을 가려내 처벌하는 작업에 나섰다고 소식통들이 전했습니다."],
            ["민 씨는 북한 당국이 탈북 동기를 알아내려 하며 조사가 오래 이어진다고 설명했습니다.",
             "보위부 요원들이 밤늦게 찾아오는 경우도 있다고 합니다."],
            ["민 씨는 \"한 사람씩 따로 불러 캐묻는다\"고 전했습니다."],
        ]),
        credit_paragraphs=["지금까지 서울에서 자유아시아방송 김준호입니다."],
        credits=[Credit("reporter", "김준호", "Korean", "RFA", "ko", 1), Credit("editor", "이수정", order=2)],
        date="2012-02-29T18:00:00+09:00", outlet="자유아시아방송",
    )
    alignment = Alignment([
        Bead((0,), (0,), 0.91), Bead((1,), (), 0.4), Bead((2, 3), (1,), 0.87), Bead((), (2,), 0.6),
        Bead((4,), (3,), 0.95),
    ])
    return en, ko, alignment


def _tree(data: bytes):
    return etree.fromstring(data)


@pytest.fixture
def pair_tree():
    return _tree(write_tei(*sample_pair()))


def test_header_titles_and_languages(pair_tree):
    titles = pair_tree.findall("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS)
    assert [(t.get("type"), t.get(XML_LANG), t.text) for t in titles] == [
        (None, "en", "Pyongyang Moves to Identify Defectors"),
        ("original", "ko", "북, 탈북자 가족 색출·처벌 나서"),
    ]
    declared = [lang.get("ident") for lang in pair_tree.iterfind(".//tei:langUsage/tei:language", NS)]
    used = {e.get(XML_LANG) for e in pair_tree.iter() if e.get(XML_LANG)}
    assert set(declared) == used | {"ko"} and len(declared) == len(set(declared))
    bibl = pair_tree.find(".//tei:sourceDesc/tei:bibl[@type='original']", NS)
    assert bibl.find("tei:textLang", NS).get("mainLang") == "ko"
    assert bibl.find("tei:title", NS).text == "북, 탈북자 가족 색출·처벌 나서"
    assert bibl.find("tei:idno", NS).text == "fixtures/seed/ko.txt"


def test_publication_data_in_the_bibls(pair_tree):
    """url -> ptr/@target, date -> date/@when, outlet -> publisher, for the translation and the original."""
    def bibl(kind):
        found = pair_tree.find(f".//tei:sourceDesc/tei:bibl[@type='{kind}']", NS)
        return [(etree.QName(c).localname, c.get("target") or c.get("when"), c.text) for c in found]

    assert bibl("translation")[1:4] == [
        ("date", "2012-03-01", "2012-03-01"), ("publisher", None, "Radio Free Asia"),
        ("ptr", "https://www.rfa.example/english/news/korea/defectors-03012012.html", None)]
    assert bibl("original")[1:4] == [
        ("date", "2012-02-29T18:00:00+09:00", "2012-02-29T18:00:00+09:00"),
        ("publisher", None, "자유아시아방송"), ("idno", None, "fixtures/seed/ko.txt")]  # no URL known: no ptr
    en, ko, _ = read_tei(etree.tostring(pair_tree))
    assert (en.url, en.outlet, ko.url, ko.outlet, ko.date) == (
        "https://www.rfa.example/english/news/korea/defectors-03012012.html", "Radio Free Asia",
        None, "자유아시아방송", "2012-02-29T18:00:00+09:00")


def test_one_resp_stmt_per_credit_with_joined_korean_name(pair_tree):
    stmts = pair_tree.findall(".//tei:titleStmt/tei:respStmt", NS)
    keys = [s.find("tei:resp", NS).get("key") for s in stmts]
    assert keys == ["reporter", "translator", "writer", "editor"]  # editor: Korean-only credit
    reporter = stmts[0]
    names = [(p.get(XML_LANG), p.text) for p in reporter.findall("tei:persName", NS)]
    assert names == [(None, "Kim Joon-Ho"), ("ko", "김준호")]
    assert [s for s in stmts if "김준호" in etree.tostring(s, encoding="unicode")] == [reporter]
    for stmt in stmts:
        resp = stmt.find("tei:resp", NS)
        assert resp.get("ref") == RELATOR_URI + ROLES[resp.get("key")]
        assert resp.text == RESP_PHRASES[resp.get("key")]
    assert stmts[2].find("tei:resp", NS).text == "Written in English by"
    service = reporter.find("tei:orgName[@type='service']", NS)
    assert service.text == "Korean" and service.get("corresp") == "#lang-ko"
    assert stmts[3].find("tei:persName", NS).get(XML_LANG) == "ko"


def test_credit_chain_in_order(pair_tree):
    chains = pair_tree.findall(".//tei:profileDesc/tei:creation/tei:listChange", NS)
    assert [c.get("corresp") for c in chains] == ["#en", "#ko"]
    assert [(c.get("n"), c.get("who")) for c in chains[0]] == [("1", "#resp-1"), ("2", "#resp-2"), ("3", "#resp-3")]
    assert [(c.get("n"), c.get("who")) for c in chains[1]] == [("1", "#resp-1"), ("2", "#resp-4")]


def test_divs_sentences_and_links(pair_tree):
    en_div, ko_div = pair_tree.findall("tei:text/tei:body/tei:div", NS)
    assert (en_div.get("type"), en_div.get(XML_LANG), en_div.get(XML_ID)) == ("translation", "en", "en")
    assert (ko_div.get("type"), ko_div.get(XML_LANG), ko_div.get(XML_ID)) == ("original", "ko", "ko")
    assert en_div.find("tei:head", NS).text == "Pyongyang Moves to Identify Defectors"
    assert en_div.find("tei:head[@type='sub']", NS).text.startswith("The campaign")
    assert en_div.find("tei:figure/tei:head", NS).text.startswith("Activists")
    assert [s.get(XML_ID) for s in en_div.iterfind(".//tei:s", NS)] == [f"en-s{n}" for n in range(1, 6)]
    links = pair_tree.findall("tei:standOff/tei:linkGrp[@type='alignment']/tei:link", NS)
    assert [(k.get("type"), k.get("target"), k.get("cert")) for k in links] == [
        ("1-1", "#en-s1 #ko-s1", "0.91"), ("2-1", "#en-s3 #en-s4 #ko-s2", "0.87"), ("1-1", "#en-s5 #ko-s4", "0.95"),
    ]
    assert pair_tree.find("tei:standOff", NS).getprevious().tag == "{http://www.tei-c.org/ns/1.0}text"
    added = {s.get(XML_ID): s.get("resp") for s in en_div.iterfind(".//tei:s", NS) if s.get("resp")}
    assert added == {"en-s2": "#resp-3"}  # the writer's respStmt
    assert not any(s.get("resp") for s in ko_div.iterfind(".//tei:s", NS))


def test_escaping_and_deterministic_bytes():
    first = write_tei(*sample_pair())
    assert first == write_tei(*sample_pair())
    assert first.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"')
    assert b"&amp; &lt;coercion&gt;" in first
    assert "김준호".encode() in first  # UTF-8, not character references


def test_added_sentences_without_writer_credit_have_no_resp():
    en, ko, alignment = sample_pair()
    en.credits = [c for c in en.credits if c.role != "writer"]
    tree = _tree(write_tei(en, ko, alignment))
    assert not tree.xpath("//tei:s[@resp]", namespaces=NS)


def test_english_only_article_has_no_original_and_no_standoff():
    en, _, alignment = sample_pair()
    tree = _tree(write_tei(en, None, alignment))
    assert len(tree.findall("tei:text/tei:body/tei:div", NS)) == 1
    assert tree.find("tei:standOff", NS) is None
    assert tree.find(".//tei:sourceDesc/tei:bibl[@type='original']", NS) is None
    assert not tree.xpath("//tei:s[@resp]", namespaces=NS)


def test_no_empty_link_group():
    en, ko, _ = sample_pair()
    nulls = Alignment([Bead((i,), ()) for i in range(len(en.sentences))]
                      + [Bead((), (j,)) for j in range(len(ko.sentences))])
    tree = _tree(write_tei(en, ko, nulls))
    assert tree.find("tei:standOff", NS) is None
    assert len(tree.xpath("//tei:s[@resp='#resp-3']", namespaces=NS)) == len(en.sentences)


def test_unsegmented_paragraph_is_refused():
    en, ko, alignment = sample_pair()
    en.paragraphs.append(Paragraph("Not segmented yet.", "en"))
    with pytest.raises(ValueError, match="no sentences"):
        write_tei(en, ko, alignment)


@pytest.mark.parametrize("beads, problem", [
    ([Bead((0,), (7,))], "out of range"),
    ([Bead((0,), (0,)), Bead((0,), (1,))], "two beads"),
    ([Bead((), ())], "empty"),
])
def test_inconsistent_alignment_is_refused(beads, problem):
    en, ko, _ = sample_pair()
    with pytest.raises(ValueError, match=problem):
        write_tei(en, ko, Alignment(beads))


def test_unknown_role_and_duplicate_ids_are_refused():
    en, ko, alignment = sample_pair()
    bad = copy.deepcopy(en)
    bad.credits.append(Credit("ghostwriter", "X"))
    with pytest.raises(ValueError, match="role"):
        write_tei(bad, ko, alignment)
    bad = copy.deepcopy(en)
    bad.paragraphs[1].sentences[0].id = "en-s1"
    with pytest.raises(ValueError, match="twice"):
        write_tei(bad, ko, alignment)


def test_paragraph_text_between_sentences_is_kept():
    en, ko, alignment = sample_pair()
    paragraph = en.paragraphs[2]
    paragraph.text = "  ".join(s.text for s in paragraph.sentences) + " (AFP)"
    back, _, _ = read_tei(write_tei(en, ko, alignment))
    assert back.paragraphs[2].text == paragraph.text
    assert [s.text for s in back.paragraphs[2].sentences] == [s.text for s in paragraph.sentences]


def test_service_credit_without_person_is_an_org_name():
    en, ko, alignment = sample_pair()
    en.credits.append(Credit("producer", "RFA's Korean Service", "Korean", "RFA", "ko", 4, agent="organization"))
    tree = _tree(write_tei(en, ko, alignment))
    stmt = tree.xpath("//tei:respStmt[tei:resp/@key='producer']", namespaces=NS)[0]
    assert stmt.find("tei:persName", NS) is None
    assert stmt.find("tei:orgName", NS).text == "RFA's Korean Service"
    assert stmt.find("tei:orgName", NS).get("type") is None


def labelled_tei() -> bytes:
    """A pair whose Korean has a speaker label and two rubric lines, segmented as the product does."""
    from toolkit.segment import segment_article

    en = segment_article(Article("en.txt", "en", paragraphs=[Paragraph("The authorities began a crackdown.", "en")]))
    ko = segment_article(Article("ko.txt", "ko", paragraphs=[
        Paragraph("<앵커>", "ko"),
        Paragraph("앵커: 북한 당국이 단속에 나섰습니다.", "ko"),
        Paragraph("관련기사 – 北, 국경 단속 강화", "ko"),
    ]))
    return write_tei(en, ko, Alignment([Bead((0,), (0,), 0.9)]))


def test_speaker_label_and_rubric_lines_are_labels_not_sentences():
    from toolkit.tei.safe_xml import parse_xml_safely
    from toolkit.tei.validate import validate_tree

    data = labelled_tei()
    assert '<label type="speaker">앵커:</label> <s xml:id="ko-s1">북한 당국이 단속에 나섰습니다.</s>' in data.decode()
    assert data.decode().count('<label type="rubric">') == 2
    assert validate_tree(parse_xml_safely(data, "labels")) == []
    _, ko, _ = read_tei(data)
    assert [p.kind for p in ko.paragraphs] == ["rubric", "text", "rubric"]
    assert ko.sentences[0].speaker == "앵커" and ko.paragraphs[1].text == "앵커: 북한 당국이 단속에 나섰습니다."
    assert write_tei(*read_tei(data)) == data
