"""read_tei inverts write_tei: write -> read -> write is byte-identical, over generated articles.

Generated text mixes Hangul, markup characters (<, &, quotes), whitespace (including CR)
and any other character XML 1.0 can hold; credits, languages and alignments are random.
Every generated document must also be valid under the project schemas.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.model import AGENTS, ROLES, Alignment, Article, Bead, Credit, Link, Paragraph, Revision, Sentence
from toolkit.tei import read_tei, write_tei
from toolkit.tei.validate import validate_tree
from toolkit.tei.safe_xml import parse_xml_safely


def _xml_char(c: str) -> bool:
    o = ord(c)
    return o in (0x9, 0xA, 0xD) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000


CHARS = st.one_of(
    st.sampled_from(list("<>&\"' \t\n\r]]>")),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
    st.characters(exclude_categories=("Cs",)).filter(_xml_char),
)
TEXT = st.text(CHARS, max_size=40)
SOME_TEXT = st.text(CHARS, min_size=1, max_size=40)
LANGS = st.sampled_from(["en", "ko", "ja", "zh-Hant", "fr"])
CERTS = st.integers(0, 10000).map(lambda k: k / 10000)
DATES = st.one_of(st.none(), st.sampled_from(["2012-03-01", "2012-13-01", "2012-03-01T10:20:30Z", "March 1"]), TEXT)
# well-formed URLs (others are percent-encoded on the way in: see test_odd_link_urls_*)
URLS = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["", "https://www.rfa.org/", "/english/news/", "mailto:"]),
    st.text(st.sampled_from(list("abcXYZ019-._~/?@!$&'()*+,;=")), max_size=20),
)
SEPARATORS = st.sampled_from([" ", "", "  ", "\n", " \u3000"])
SPEAKERS = ["앵커", "기자", "ANCHOR", "김준호 기자", "손님"]  # the last is no label the rules know
LABEL_FORMS = ["{}: ", "{}:", "{} : ", "[{}] "]  # an unknown name is only ever written `name:`
REVIEWERS = st.one_of(st.none(), st.sampled_from(["Lee Min-ji", "박서연"]), SOME_TEXT.filter(str.strip))
WHEN = st.sampled_from(["2024-05-01T09:30:00Z", "2024-05-02", "2024-05-02T18:00:00+09:00"])


@st.composite
def credits(draw, role=None) -> Credit:
    return Credit(
        role=role or draw(st.sampled_from(sorted(ROLES))),
        name=draw(TEXT),
        service=draw(st.one_of(st.none(), SOME_TEXT)),
        organization=draw(st.one_of(st.none(), TEXT)),
        language=draw(st.one_of(st.none(), LANGS)),
        order=draw(st.integers(0, 20)),
        name_ko=draw(st.one_of(st.none(), TEXT)),
        agent=draw(st.sampled_from(AGENTS)),
    )


@st.composite
def articles(draw, language: str) -> Article:
    article = Article(
        source=draw(TEXT), language=language,
        title=draw(st.one_of(st.none(), TEXT)), dek=draw(st.one_of(st.none(), TEXT)),
        captions=draw(st.lists(TEXT, max_size=2)), date=draw(DATES),
        credit_paragraphs=draw(st.lists(TEXT, max_size=2)),
        links=[Link(t, u) for t, u in draw(st.lists(st.tuples(TEXT, URLS), max_size=2))],
        url=draw(st.one_of(st.none(), URLS)), outlet=draw(st.one_of(st.none(), TEXT)),
    )
    n = 0
    for index in range(draw(st.integers(0, 4))):
        p_lang = draw(st.one_of(st.just(language), LANGS))
        if draw(st.integers(0, 5)) == 0:  # a rubric line: text, no sentences
            article.paragraphs.append(Paragraph(draw(TEXT), p_lang, [], kind="rubric"))
            continue
        sentences = []
        for _ in range(draw(st.integers(1, 3))):
            n += 1
            speaker = draw(st.one_of(st.none(), st.none(), st.sampled_from(SPEAKERS)))
            sentences.append(Sentence(f"{language}-s{n}", draw(TEXT), draw(st.one_of(st.just(p_lang), LANGS)), index,
                                      speaker))
        parts = [draw(st.sampled_from(["", " "]))]
        for sentence in sentences:
            if sentence.speaker is not None:  # as segmentation leaves it: the label in the paragraph text
                forms = LABEL_FORMS if sentence.speaker != "손님" else LABEL_FORMS[:2]
                parts.append(draw(st.sampled_from(forms)).format(sentence.speaker))
            parts += [sentence.text, draw(SEPARATORS)]
        article.paragraphs.append(Paragraph("".join(parts), p_lang, sentences))
    return article


@st.composite
def documents(draw):
    en = draw(articles("en"))
    en.credits = draw(st.lists(credits(), max_size=4))
    if draw(st.booleans()):
        return en, None, None
    ko = draw(articles("ko"))
    ko.credits = []
    for _ in range(draw(st.integers(0, 3))):
        joinable = [c for c in en.credits if c.name_ko and c.name_ko not in {k.name for k in ko.credits}]
        if joinable and draw(st.booleans()):  # the Korean byline of an English credit's person
            target = draw(st.sampled_from(joinable))
            credit = draw(credits(role=target.role))
            credit.name = target.name_ko
            if credit.organization is None:  # a joined credit without an organization shares the English one
                credit.organization = target.organization
        else:
            credit = draw(credits())
        credit.name_ko = None  # name_ko is a property of English credits
        ko.credits.append(credit)
    alignment = draw(st.one_of(st.none(), alignments(len(en.sentences), len(ko.sentences))))
    return en, ko, alignment


@st.composite
def alignments(draw, n_en: int, n_ko: int) -> Alignment:
    """Beads in the canonical order read_tei gives: before each link, English nulls then Korean nulls."""
    beads, i, j = [], 0, 0
    while i < n_en or j < n_ko:
        nulls_en = draw(st.integers(0, min(2, n_en - i)))
        nulls_ko = draw(st.integers(0, min(2, n_ko - j)))
        if i + nulls_en >= n_en or j + nulls_ko >= n_ko:  # no link can follow: the rest are nulls
            beads += [Bead((k,), (), draw(CERTS), draw(REVIEWERS)) for k in range(i, n_en)]
            beads += [Bead((), (k,), draw(CERTS), draw(REVIEWERS)) for k in range(j, n_ko)]
            break
        beads += [Bead((i + k,), (), draw(CERTS), draw(REVIEWERS)) for k in range(nulls_en)]
        beads += [Bead((), (j + k,), draw(CERTS), draw(REVIEWERS)) for k in range(nulls_ko)]
        i, j = i + nulls_en, j + nulls_ko
        a = draw(st.integers(1, min(3, n_en - i)))
        b = draw(st.integers(1, min(3, n_ko - j)))
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), draw(CERTS), draw(REVIEWERS)))
        i, j = i + a, j + b
    names = sorted({b.reviewer for b in beads if b.reviewer})
    revisions = [Revision(draw(WHEN), draw(st.sampled_from(names + ["Choi Yu-na"])), draw(TEXT))
                 for _ in range(draw(st.integers(0, 2)) if names else 0)]
    return Alignment(beads, revisions)


def _stored(alignment: Alignment | None, has_writer: bool) -> bool:
    """Whether the TEI can tell this alignment from none at all (links or marked sentences)."""
    if alignment is None:
        return False
    return any((b.en and b.ko) or b.cert != 1.0 or (b.en and has_writer) or b.reviewer for b in alignment.beads)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_write_read_write_is_byte_identical(document):
    en, ko, alignment = document
    first = write_tei(en, ko, alignment)
    back = read_tei(first)
    assert write_tei(*back) == first

    back_en, back_ko, back_alignment = back
    assert back_en == en
    assert back_ko == ko
    has_writer = any(c.role == "writer" for c in en.credits)
    if ko is not None and _stored(alignment, has_writer):
        assert back_alignment == alignment
    else:
        assert back_alignment is None

    problems = validate_tree(parse_xml_safely(first, "generated"))
    assert problems == [], problems


def test_korean_credit_joined_to_english_person_is_read_back():
    en = Article("en.txt", "en", paragraphs=[Paragraph("A.", "en", [Sentence("en-s1", "A.", "en", 0)])],
                 credits=[Credit("reporter", "Kim Joon-Ho", "Korean", "RFA", "ko", 1, "김준호")])
    ko = Article("ko.txt", "ko", paragraphs=[Paragraph("가.", "ko", [Sentence("ko-s1", "가.", "ko", 0)])],
                 credits=[Credit("reporter", "김준호", None, "자유아시아방송", "ko", 1)])
    data = write_tei(en, ko, Alignment([Bead((0,), (0,), 0.9)]))
    assert data.count(b"<respStmt") == 1
    back_en, back_ko, back_alignment = read_tei(data)
    assert back_en.credits == en.credits
    assert back_ko.credits == ko.credits
    assert back_alignment == Alignment([Bead((0,), (0,), 0.9)])


def test_odd_link_urls_are_percent_encoded_into_valid_uris():
    en = Article("en.txt", "en", paragraphs=[Paragraph("A.", "en", [Sentence("en-s1", "A.", "en", 0)])],
                 links=[Link("odd", "a b[가]#x#y"), Link("colon", "1:x"), Link("ok", "https://www.rfa.org/a%20b?q=1#top")])
    data = write_tei(en, None, None)
    assert validate_tree(parse_xml_safely(data, "odd-urls")) == []
    back, _, _ = read_tei(data)
    assert [link.url for link in back.links] == ["a%20b%5B%EA%B0%80%5D#x%23y", "1%3Ax", "https://www.rfa.org/a%20b?q=1#top"]


def test_speaker_label_set_by_hand_is_written_out_and_then_stable():
    en = Article("en.txt", "en", paragraphs=[Paragraph("A.", "en", [Sentence("en-s1", "A.", "en", 0, "Host")])])
    first = write_tei(en, None, None)
    assert b'<label type="speaker">Host:</label>' in first
    back, _, _ = read_tei(first)
    assert back.paragraphs[0].text == "Host: A." and back.sentences[0].speaker == "Host"
    assert write_tei(back, None, None) == first


def test_each_kind_of_agent_has_its_own_name_element():
    """persName for a person, orgName for an agency or desk, name[@type=software] for a machine translator."""
    en = Article(source="a.txt", language="en", paragraphs=[Paragraph("Hi.", "en", [Sentence("en-s1", "Hi.", "en", 0)])],
                 credits=[Credit("reporter", "Kim Joon-Ho", order=1, name_ko="김준호"),
                          Credit("reporter", "Yonhap", organization="Yonhap", order=2, agent="organization"),
                          Credit("translator", "generative AI tools", order=3, agent="software")])
    data = write_tei(en, None, None)
    assert b'<persName>Kim Joon-Ho</persName>' in data and b'<persName xml:lang="ko">' in data
    assert b'<orgName>Yonhap</orgName>' in data
    assert b'<name type="software">generative AI tools</name>' in data
    back, _, _ = read_tei(data)
    assert [(c.name, c.agent) for c in back.credits] == [
        ("Kim Joon-Ho", "person"), ("Yonhap", "organization"), ("generative AI tools", "software")]
    assert write_tei(back, None, None) == data
