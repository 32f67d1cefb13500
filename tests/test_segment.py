"""Sentence segmentation: English rules and Korean with Kiwi."""

from __future__ import annotations

import re

import pytest

from toolkit.model import Article, Paragraph
from toolkit.segment import kiwi, korean_tokens, segment_article, split_english, split_korean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“They use an intellectual method,” said the resident, identified only as Min. Min explained it.",
            ["“They use an intellectual method,” said the resident, identified only as Min.", "Min explained it."],
        ),
        ('"We are leaving." He said nothing more.', ['"We are leaving."', "He said nothing more."]),
        ("Mr. Kim met Dr. Lee in the U.S. The talks ended.", ["Mr. Kim met Dr. Lee in the U.S.", "The talks ended."]),
        ("He lives on a U.S. Army base near St. Louis.", ["He lives on a U.S. Army base near St. Louis."]),
        ("J. R. R. Tolkien wrote it. George W. Bush read it.", ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]),
        ("Output grew 2.5 percent in Sept. 2011. Then it fell.", ["Output grew 2.5 percent in Sept. 2011.", "Then it fell."]),
        ("It happened on Feb. 21. Officials denied it.", ["It happened on Feb. 21.", "Officials denied it."]),
        ("Lt. Gen. Park and Gov. Choi arrived at No. 3 gate.", ["Lt. Gen. Park and Gov. Choi arrived at No. 3 gate."]),
        ("He paused... then went on. Was it true? Yes!", ["He paused... then went on.", "Was it true?", "Yes!"]),
        ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        (
            "It will release films in the U.S. Japan has more older viewers.",
            ["It will release films in the U.S.", "Japan has more older viewers."],
        ),
        ("He met U.S. President George W. Bush at the U.N. General Assembly.",
         ["He met U.S. President George W. Bush at the U.N. General Assembly."]),
        ('He said: "It is done. We go." Then he left.', ['He said: "It is done. We go."', "Then he left."]),
    ],
)
def test_split_english(text: str, expected: list[str]) -> None:
    assert split_english(text) == expected


def test_cut_line_before_lower_case_is_split() -> None:
    # wire copy with a cut line: a full stop after a plain word, then lower case
    text = "They met after five decades of tense relations. their nations agreed to talk. It costs approx. two dollars."
    assert split_english(text) == [
        "They met after five decades of tense relations.",
        "their nations agreed to talk.",
        "It costs approx. two dollars.",
    ]


def test_split_korean_gives_back_the_start_of_the_next_sentence() -> None:
    text = '외국 정부가 어떻게 대응할지도 분명하지 않습니다. "클리퍼 칩"의 옹호자들은 그렇게 주장한다.'
    assert split_korean(text) == ["외국 정부가 어떻게 대응할지도 분명하지 않습니다.", '"클리퍼 칩"의 옹호자들은 그렇게 주장한다.']


def test_an_open_quotation_is_not_followed_forever() -> None:
    # a quote that runs on into the next paragraph must not swallow the following sentences
    text = '"The chip will not stay secure. Nobody trusts it. Firms want their own tools. Officials disagree.'
    assert len(split_english(text)) == 4


def test_split_korean_keeps_quotations() -> None:
    text = '민 씨는 "가족을 한꺼번에 조사하지 않는다. 한 사람씩 부른다"고 말했습니다. 조사는 계속되고 있습니다.'
    assert split_korean(text) == [
        '민 씨는 "가족을 한꺼번에 조사하지 않는다. 한 사람씩 부른다"고 말했습니다.',
        "조사는 계속되고 있습니다.",
    ]


def test_split_korean_after_a_quoted_sentence() -> None:
    text = "“철저한 조사가 진행 중입니다.” 민 씨는 이렇게 말했다. 조지 W. 부시 대통령도 왔다."
    assert split_korean(text) == ["“철저한 조사가 진행 중입니다.”", "민 씨는 이렇게 말했다.", "조지 W. 부시 대통령도 왔다."]


def test_segment_article_numbers_across_paragraphs() -> None:
    art = Article(
        source="x",
        language="en",
        paragraphs=[Paragraph("One. Two sentences here.", "en"), Paragraph("Three.", "en")],
    )
    segment_article(art)
    assert [(s.id, s.paragraph) for s in art.sentences] == [("en-s1", 0), ("en-s2", 0), ("en-s3", 1)]
    ko = Article(source="y", language="ko", paragraphs=[Paragraph("첫 문장이다. 둘째 문장이다.", "ko")])
    assert [s.id for s in segment_article(ko).sentences] == ["ko-s1", "ko-s2"]


def test_foreign_paragraph_keeps_the_article_id_prefix() -> None:
    """An English gloss paragraph inside a Korean report was numbered 'en-s2', the id of the
    English article's second sentence: `build` then failed writing TEI ('sentence id en-s2 is
    used twice'). It is split as English but numbered in the article's series."""
    ko = Article(source="y", language="ko", paragraphs=[
        Paragraph("북한이 미사일을 발사했다.", "ko"),
        Paragraph("bank-holding company. Another gloss.", "en"),
        Paragraph("정부는 이를 규탄했다.", "ko"),
    ])
    sents = segment_article(ko).sentences
    assert [(s.id, s.lang) for s in sents] == [
        ("ko-s1", "ko"), ("ko-s2", "en"), ("ko-s3", "en"), ("ko-s4", "ko"),
    ]


def test_empty_text() -> None:
    assert split_english("   ") == []
    assert split_korean("") == []



def test_korean_analysis_does_not_depend_on_what_was_split_before() -> None:
    """Splitting leaves no in-context analysis behind: Kiwi reads a few sentences differently
    inside their paragraph, and reusing that would make alignment depend on build order."""
    paragraph = "북한 당국이 탈북자 가족들을 조사하고 있습니다. 소식통은 이번 조사가 전국에서 벌어지고 있다고 말했습니다."
    korean_tokens.cache_clear()
    sentences = split_korean(paragraph)
    assert korean_tokens.cache_info().currsize == 0
    assert [korean_tokens(s) for s in sentences] == [
        tuple((t.form, t.tag, getattr(t, "lemma", t.form), t.start, t.len) for t in kiwi().tokenize(s)) for s in sentences
    ]


def _count_sentence_analyses(monkeypatch) -> list[str]:
    """Kiwi replaced by one that lists the texts it is asked to analyse alone (tokenize)."""
    import toolkit.segment as segment
    real, asked = kiwi(), []

    class Counting:
        def tokenize(self, text):
            asked.append(text)
            return real.tokenize(text)

    monkeypatch.setattr(segment, "kiwi", lambda: Counting())
    return asked


def test_a_paragraph_of_one_sentence_is_analysed_once(monkeypatch) -> None:
    """Its analysis made while splitting is the sentence's own: korean_tokens takes it and
    Kiwi is not asked again; a sentence of a longer paragraph is still analysed alone."""
    import toolkit.segment as segment

    one = "북한 당국이 국경 지역에서 휴대전화 단속을 강화하고 있다고 소식통이 전했습니다."
    two = "쌀값이 한 달 사이 크게 올랐습니다. 주민들은 옥수수로 끼니를 때우고 있습니다."
    korean_tokens.cache_clear()
    assert split_korean(one) == [one]
    sentences = split_korean(two)
    real, asked = kiwi(), _count_sentence_analyses(monkeypatch)
    alone = [tuple((t.form, t.tag, getattr(t, "lemma", t.form), t.start, t.len) for t in real.tokenize(s))
             for s in (one, *sentences)]
    assert [korean_tokens(s) for s in (one, *sentences)] == alone
    assert asked == sentences  # the one-sentence paragraph was not analysed again


def test_a_paragraph_met_again_is_not_split_again(monkeypatch) -> None:
    """A repeated paragraph costs Kiwi nothing the second time, and gives the same sentences;
    a paragraph of one sentence still hands its analysis to korean_tokens as the first time did."""
    import toolkit.segment as segment

    one = "국경 경비대가 밀수꾼 세 명을 붙잡았다고 현지 소식통이 밝혔습니다."
    two = "장마당 쌀값이 다시 올랐습니다. 옥수수 값도 함께 뛰었다고 합니다."
    segment._split_korean.cache_clear()
    real, asked = kiwi(), []

    class Counting:
        def split_into_sents(self, text, **options):
            asked.append(text)
            return real.split_into_sents(text, **options)

        def tokenize(self, text):
            asked.append(("tokenize", text))
            return real.tokenize(text)

    monkeypatch.setattr(segment, "kiwi", lambda: Counting())
    first = [split_korean(one), split_korean(two)]
    korean_tokens.cache_clear()
    segment._ONE_SENTENCE.clear()
    again = [split_korean(f"  {one} "), split_korean(two)]
    assert again == first and first[0] == [one] and len(first[1]) == 2
    assert asked == [one, two]  # each paragraph split once
    korean_tokens(one)
    assert asked == [one, two]  # the one-sentence paragraph's analysis came with the second split


def test_a_page_glued_into_one_paragraph_is_not_kept() -> None:
    """A paragraph over KEPT_CHARS is split as before but not kept: 4,096 kept pages would
    hold their text twice over for the rest of the process."""
    import toolkit.segment as segment
    from toolkit.align.kept import KEPT_CHARS

    sentence = "장마당 쌀값이 다시 올랐다고 현지 소식통이 밝혔습니다. "
    page = sentence * (KEPT_CHARS // len(sentence) + 1)
    segment._split_korean.cache_clear()
    assert split_korean(page) == [sentence.strip()] * (page.count("밝혔습니다"))
    assert segment._split_korean.cache_info().currsize == 0
    split_korean(sentence)
    split_korean(sentence)
    assert segment._split_korean.cache_info()[:2] == (1, 1)  # the sentence kept, then read from what was kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reported by Kim Jun. Translated by Lee Ha-Na.",
            ["Reported by Kim Jun.", "Translated by Lee Ha-Na."],
        ),
        ("The vote was held in Jan. Lawmakers then left.", ["The vote was held in Jan.", "Lawmakers then left."]),
        ("It opened on Jun. 5 and closed in Sept. 2012.", ["It opened on Jun. 5 and closed in Sept. 2012."]),
        ("Talks resumed Dec. 12. Officials said little.", ["Talks resumed Dec. 12.", "Officials said little."]),
        ("The plant is run by Samsung Corp. Seoul approved it.", ["The plant is run by Samsung Corp. Seoul approved it."]),
    ],
)
def test_month_abbreviation_holds_only_before_a_date(text: str, expected: list[str]) -> None:
    """'Jun.' before a day or a year is part of the date; before any other word it may end the sentence."""
    assert split_english(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("단속이 강화되는 양상이다. “불법 휴대전화를 쓰면 간첩으로 몰린다”고 한 주민은 말했다.",
         ["단속이 강화되는 양상이다.", "“불법 휴대전화를 쓰면 간첩으로 몰린다”고 한 주민은 말했다."]),
        ('소식통은 이렇게 말했다. "올해는 배급이 없다"며 한숨을 쉬었다.',
         ["소식통은 이렇게 말했다.", '"올해는 배급이 없다"며 한숨을 쉬었다.']),
        ("주민들은 불만이다. ‘왜 우리만 고생하냐’는 목소리가 높다.",
         ["주민들은 불만이다.", "‘왜 우리만 고생하냐’는 목소리가 높다."]),
        # a stop after a closing quote ends the sentence before the next opening quote
        ("주민들은 ‘배급도 없는데 무슨 충성이냐’. ‘차라리 장마당이 낫다’는 말까지 한다.",
         ["주민들은 ‘배급도 없는데 무슨 충성이냐’.", "‘차라리 장마당이 낫다’는 말까지 한다."]),
        # a full stop inside an open quotation is no boundary
        ("그는 “이건 아니다. “절대”라고 했다”고 말했다.", ["그는 “이건 아니다. “절대”라고 했다”고 말했다."]),
    ],
)
def test_korean_sentence_ends_before_an_opening_quote(text: str, expected: list[str]) -> None:
    assert split_korean(text) == expected


def test_sentences_scraped_together_without_a_space_are_split() -> None:
    text = "He said it would be difficult.Speaking on Thursday, Kwon said so.Mrs.Kim agreed. Visit yna.co.kr now."
    assert split_english(text) == [
        "He said it would be difficult.", "Speaking on Thursday, Kwon said so.", "Mrs.Kim agreed.", "Visit yna.co.kr now.",
    ]


def test_speaker_labels_stay_out_of_sentences_and_rubric_lines_get_none() -> None:
    article = Article(source="x", language="ko", paragraphs=[
        Paragraph("앵커: 북한 당국이 단속에 나섰습니다. 주민들은 불안해합니다.", "ko"),
        Paragraph("<기자>", "ko"),
        Paragraph("[기자] 양강도의 한 소식통은 이렇게 전했습니다.", "ko"),
        Paragraph("관련기사 – 北, 국경 단속 강화", "ko"),
        Paragraph("▲압록강변의 북한 초소. /사진=데일리NK", "ko"),
    ])
    segment_article(article)
    sentences = article.sentences
    assert [s.text for s in sentences] == ["북한 당국이 단속에 나섰습니다.", "주민들은 불안해합니다.", "양강도의 한 소식통은 이렇게 전했습니다."]
    assert [s.speaker for s in sentences] == ["앵커", None, "기자"]
    assert [s.id for s in sentences] == ["ko-s1", "ko-s2", "ko-s3"]
    assert [p.kind for p in article.paragraphs] == ["text", "rubric", "text", "rubric", "rubric"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("소식통은 “사진=없다”라고 말했다.", "ko"),  # a credit-like pair inside a sentence
        ("[name redacted] agents arrived on the same day.", "en"),
        ("The photo was taken in 2018.", "en"),
        ("(서울, 2015년 11월 25일) - 오늘 휴먼라이츠워치는 공문을 보냈다.", "ko"),
    ],
)
def test_ordinary_paragraphs_are_not_rubrics(text: str, lang: str) -> None:
    from toolkit.rubrics import is_rubric

    assert not is_rubric(text, lang)


@pytest.mark.parametrize("text", ["[KBS 대전] [앵커]", "[MBC 뉴스] [리포트] [인터뷰]", "[RFA 정세분석]"])
def test_a_line_of_bracketed_labels_alone_is_a_rubric(text: str) -> None:
    """A station's header over the anchor's turn, when nothing reads it as a dateline, is no sentence."""
    from toolkit.rubrics import is_rubric

    assert is_rubric(text, "ko") and not is_rubric("[단독] " + text + " 정부가 예산을 깎았다.", "ko")


def test_scraped_sentences_joined_before_a_or_i_are_split() -> None:
    assert split_english("It fell from a year earlier.A senior official said so.I agree.") == [
        "It fell from a year earlier.", "A senior official said so.", "I agree.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dotted acronym glued to a word by a hyphen is still an acronym
        ("Seoul cited the South Korea-U.S. Nuclear Consultative Group. It met on Friday.",
         ["Seoul cited the South Korea-U.S. Nuclear Consultative Group.", "It met on Friday."]),
        ("The talks were called Korea-U.S. The next day they ended.",
         ["The talks were called Korea-U.S.", "The next day they ended."]),
        ("Experts from Japan-U.S. Army units came.", ["Experts from Japan-U.S. Army units came."]),
        # ... and so is a spaced one
        ("Officials met before the Korea-U. S. summit in August.", ["Officials met before the Korea-U. S. summit in August."]),
        # a hyphenated single letter ending a sentence still ends it
        ("They had no Plan-B. The talks failed.", ["They had no Plan-B.", "The talks failed."]),
    ],
)
def test_hyphenated_acronym(text: str, expected: list[str]) -> None:
    assert split_english(text) == expected


def test_a_soundbite_closed_by_a_stray_single_quote_stays_one_sentence() -> None:
    text = ("Resident (Voice Altered) : \"I didn't hear it. Nobody here knows. It's the first time.' "
            "Officials declined to comment.")
    assert split_english(text) == [
        "Resident (Voice Altered) : \"I didn't hear it. Nobody here knows. It's the first time.'",
        "Officials declined to comment.",
    ]


def test_a_stray_single_quote_is_looked_for_only_before_the_next_double_mark() -> None:
    # the open quotation is left open for good; a later quotation's single mark closes nothing
    text = ("He said: \"It is over. Nobody came. Then \"we left\" they said. It is 'done.' Fine.")
    assert split_english(text) == [
        'He said: "It is over.', "Nobody came.", 'Then "we left" they said.', "It is 'done.'", "Fine.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"금리 인하는 당분간 어려울 것" 한국은행 총재는 이렇게 선을 그었습니다. 시장은 실망하는 분위기입니다.',
         ['"금리 인하는 당분간 어려울 것" 한국은행 총재는 이렇게 선을 그었습니다.', "시장은 실망하는 분위기입니다."]),
        ("정부는 대화를 제안했습니다. “대화의 문은 언제든 열려 있다” 통일부 대변인의 말입니다.",
         ["정부는 대화를 제안했습니다.", "“대화의 문은 언제든 열려 있다” 통일부 대변인의 말입니다."]),
        # a quotation ending in a full stop is a sentence of its own
        ('"당분간 금리를 내리기는 어렵습니다." 한국은행 총재의 말입니다.',
         ['"당분간 금리를 내리기는 어렵습니다."', "한국은행 총재의 말입니다."]),
    ],
)
def test_korean_quotation_without_a_full_stop_keeps_its_attribution(text: str, expected: list[str]) -> None:
    assert split_korean(text) == expected


def test_a_sentence_is_read_as_kiwi_read_it_in_its_paragraph(monkeypatch) -> None:
    """While an article's analyses are provided, each sentence answers with the tokens of its
    paragraph's split, offsets rebased to the sentence (a speaker label cut off), and Kiwi
    reads no sentence a second time; the key of what is kept from them names the paragraph,
    so the same sentence in another paragraph is kept apart."""
    import toolkit.segment as segment

    shared = "주민들은 옥수수로 끼니를 때우고 있습니다."
    text = (f"장마당 쌀값 한 달 새 급등\n\n쌀값이 한 달 사이 크게 올랐습니다. {shared}\n\n"
            f"앵커: 국경 지역의 단속이 강화됐습니다. {shared}\n\n{shared} 장마당도 한산합니다.\n")
    segment._split_korean.cache_clear()
    segment.korean_tokens.cache_clear()
    article = segment_article(read_article_text(text))
    analyses = segment.article_analyses(article)
    sentences = [s for p in article.paragraphs for s in p.sentences]
    assert [s.speaker for s in sentences][2] == "앵커"
    assert set(analyses) == {s.text for s in sentences}
    first = next(p for p in article.paragraphs if p.sentences)
    assert analyses[shared][0] == (shared, re.sub(r"\s+", " ", first.text).strip())  # its first paragraph's reading
    asked = _count_sentence_analyses(monkeypatch)
    with segment.provided_tokens(analyses):
        for s in sentences:
            tokens = korean_tokens(s.text)
            assert tokens == analyses[s.text][1] and segment.analysis_key(s.text) == analyses[s.text][0]
            assert all(s.text[start:start + n] == form for form, tag, _, start, n in tokens if tag in ("NNG", "SF"))
        assert korean_tokens("국경 지역의 단속이 강화됐습니다.")[0][:2] == ("국경", "NNG")  # after the label: offset 0
        with segment.provided_tokens({}):  # nested: the outer analyses come back after it
            pass
        assert segment.analysis_key(shared) == analyses[shared][0]
    assert asked == []
    assert segment.analysis_key(shared) == shared  # outside: the text alone
    other = segment.paragraph_analyses(f"{shared} 장마당도 한산합니다.", [shared, "장마당도 한산합니다."])
    assert other[shared][0] != analyses[shared][0]


def read_article_text(text: str):
    import tempfile
    from pathlib import Path

    from toolkit.ingest import read_article

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ko.txt"
        path.write_text(text, encoding="utf-8")
        return read_article(path)


def test_a_dotted_leader_is_split_at_once_not_read_in_every_way() -> None:
    """`Page 1.....2` with 60 dots: the sentence-end pattern read the run in 2^n ways before
    failing (36 dots took 1.3 s; 60 never ended, so the build's worker hung). Run in a child
    with a timeout, so that the old pattern fails the test rather than hanging it."""
    import subprocess
    import sys

    code = ("from toolkit.segment import split_english\n"
            "print(split_english('The rain stopped. Page 1' + '.' * 60 + '2 lists the damage. ' + '.' * 50000 + 'x'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("['The rain stopped.', 'Page 1" + "." * 60 + "2 lists the damage.")


_LONG_STORY = (
    "함경북도 회령시 장마당에서 쌀값이 한 달 사이 두 배 가까이 뛰었다고 현지 소식통이 전했습니다. "
    "소식통은 국경 경비가 강화된 뒤로 중국에서 들어오던 물건이 크게 줄었다고 말했습니다. "
    "“요즘은 옥수수 한 키로도 사기 어렵습니다.” 주민들은 이렇게 하소연했습니다. "
    "당국은 장마당 상인들에게 정해진 가격을 지키라고 지시했지만 잘 지켜지지 않는다고 합니다. "
)


def _counting_kiwi(monkeypatch, asked: list[str]) -> None:
    import toolkit.segment as segment

    real = kiwi()

    class Counting:
        def split_into_sents(self, text, **options):
            asked.append(text)
            return real.split_into_sents(text, **options)

        def tokenize(self, text):
            return real.tokenize(text)

    monkeypatch.setattr(segment, "kiwi", lambda: Counting())


def test_a_huge_paragraph_is_read_in_pieces_cut_at_sentence_ends(monkeypatch) -> None:
    """Kiwi's time grows faster than a text's length (hostile17: 320,000 characters in one
    paragraph, 12.5 s), so a paragraph over PIECE_CHARS goes to Kiwi in pieces, cut after a
    sentence end: the sentences are those of the whole, and each token's offsets still point
    at its own text in its sentence."""
    import toolkit.segment as segment

    page = (_LONG_STORY * 12).strip()
    segment._split_korean.cache_clear()
    whole = split_korean(page)
    asked: list[str] = []
    _counting_kiwi(monkeypatch, asked)
    monkeypatch.setattr(segment, "PIECE_CHARS", 700)
    segment._split_korean.cache_clear()
    assert split_korean(page) == whole
    assert len(asked) > 1 and max(map(len, asked)) <= 700
    # each piece starts where Kiwi began the previous piece's last sentence, read again (rv15e)
    assert page.startswith(asked[0]) and page.endswith(asked[-1])
    assert all(piece in page for piece in asked) and sum(map(len, asked)) >= len(page)
    assert all(piece.rstrip().endswith(".") for piece in asked)
    analyses = segment.paragraph_analyses(page, whole)
    assert set(analyses) == set(whole)
    for sentence, (_, tokens) in analyses.items():
        assert all(sentence[start:start + n] == form for form, tag, _, start, n in tokens if tag in ("NNG", "SF"))


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of text, each cut by segment._cut (without the
    re-read of a piece's last sentence that _kiwi_sentences adds)."""
    import toolkit.segment as segment

    out = [(0, segment._cut(text, 0))]
    while out[-1][1] < len(text):
        out.append((out[-1][1], segment._cut(text, out[-1][1])))
    return out


def test_a_text_with_no_sentence_end_or_space_is_still_cut_into_bounded_pieces(monkeypatch) -> None:
    import toolkit.segment as segment

    monkeypatch.setattr(segment, "PIECE_CHARS", 100)
    for text in ("가" * 1050, ("쌀값 " * 400).strip(), "가" * 100, ""):
        pieces = _pieces(text)
        assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
        assert all(b - a <= 100 and b > a for a, b in pieces[:-1] if text)
        assert all(pieces[k][1] == pieces[k + 1][0] for k in range(len(pieces) - 1))
    spaced = ("쌀값 " * 400).strip()
    assert {spaced[b - 1] for _, b in _pieces(spaced)[:-1]} == {" "}  # no sentence end: cut after a space


def test_a_long_paragraph_is_split_once_for_its_sentences_and_their_analyses(monkeypatch) -> None:
    """segment_article and article_analyses both split each Korean paragraph; one over
    KEPT_CHARS is not kept among the sentences, so it was read by Kiwi twice."""
    import toolkit.segment as segment
    from toolkit.align.kept import KEPT_CHARS

    page = (_LONG_STORY * (KEPT_CHARS // len(_LONG_STORY) + 2)).strip()
    asked: list[str] = []
    _counting_kiwi(monkeypatch, asked)
    segment._split_korean.cache_clear()
    article = segment_article(Article(source="long.txt", language="ko", paragraphs=[Paragraph(text=page, lang="ko")]))
    analyses = segment.article_analyses(article)
    assert asked == [page]
    assert set(analyses) == {s.text for s in article.paragraphs[0].sentences}


def test_a_cut_after_an_abbreviation_does_not_change_the_sentences(monkeypatch) -> None:
    """A cut after '.' and a space is not always a sentence end ('U.S. 국무부', 'Mr. 김'): cut
    there, Kiwi read a sentence in two that it reads whole in the paragraph (found by rv15e)."""
    import toolkit.segment as segment

    story = (
        "회의에는 Mr. 김정호 대표와 U.S. 국무부 관계자가 함께 참석했습니다. "
        "정부는 이날 오전 긴급 회의를 열어 대응 방안을 논의했습니다. "
    ) * 8
    for pad in range(0, 60, 6):
        page = ("가" * pad + " " + story).strip()
        segment._split_korean.cache_clear()
        monkeypatch.setattr(segment, "PIECE_CHARS", 10**9)
        whole = split_korean(page)
        monkeypatch.setattr(segment, "PIECE_CHARS", 300)
        segment._split_korean.cache_clear()
        assert split_korean(page) == whole, pad


def test_a_quotation_running_over_several_sentences_is_one_sentence() -> None:
    # a broadcast soundbite in English: the Korean keeps the soundbite whole, so must the English
    text = ('[Soundbite] Park Mi-ran(Daejeon resident) : "I used to fill the tank for 50,000 won. Now I stop at '
            'half. It is hard." Fuel prices rose for the fifth week.')
    assert split_english(text) == [
        '[Soundbite] Park Mi-ran(Daejeon resident) : "I used to fill the tank for 50,000 won. Now I stop at half. '
        'It is hard."',
        "Fuel prices rose for the fifth week.",
    ]


def test_a_quotation_is_not_run_past_the_next_quotation() -> None:
    # the first quotation never closes; the next one is its own, so nothing is joined
    text = 'He said: "We are ready. The team is here. She answered "no" at once. Talks ended.'
    assert split_english(text) == [
        'He said: "We are ready.', "The team is here.", 'She answered "no" at once.', "Talks ended.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Vice Minister Lee met the Mongolian envoy. 2. The two sides agreed to meet again.",
         ["1. Vice Minister Lee met the Mongolian envoy.", "2. The two sides agreed to meet again."]),
        ("(3) Officials will visit Ulaanbaatar in May.", ["(3) Officials will visit Ulaanbaatar in May."]),
        # a number closing a sentence is no list number
        ("The vote was 212 to 80. 5. The bill passed.", ["The vote was 212 to 80.", "5. The bill passed."]),
    ],
)
def test_a_list_number_opens_its_item_sentence(text: str, expected: list[str]) -> None:
    assert split_english(text) == expected


def test_an_inline_korean_soundbite_is_a_sentence_of_its_own() -> None:
    # a report script run on with no line breaks and no full stops, as broadcasters' video pages print it
    text = ('올해는 아예 수확을 포기한 농가가 늘고 있습니다 [박정수/배추 재배 농민 : "인건비도 안 나와요 '
            '차라리 갈아엎는 게 낫습니다 "] 산지 가격은 1년 만에 절반으로 떨어졌습니다')
    assert split_korean(text) == [
        "올해는 아예 수확을 포기한 농가가 늘고 있습니다",
        '[박정수/배추 재배 농민 : "인건비도 안 나와요 차라리 갈아엎는 게 낫습니다 "]',
        "산지 가격은 1년 만에 절반으로 떨어졌습니다",
    ]


def test_a_soundbite_closed_before_the_next_sentence_is_cut_there() -> None:
    text = ('[최은영/서울시 마포구 : "채소값이 너무 올라서 장보기가 겁나요."] 정부는 다음 주 할인 지원을 '
            '시작합니다.')
    assert split_korean(text) == ['[최은영/서울시 마포구 : "채소값이 너무 올라서 장보기가 겁나요."]',
                                  "정부는 다음 주 할인 지원을 시작합니다."]


def test_a_bracket_without_a_speaker_is_not_cut_out() -> None:
    # a time or an aside in brackets is text of its sentence
    text = "회의는 [오후 3:30 기준] 아직 끝나지 않았습니다."
    assert split_korean(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        # a source note and an address glued to the words around them: text of their sentence
        "지난해 출생아 수[출처: 통계청 인구동향조사]는 23만 명으로 1년 전보다 7.7% 줄었다.",
        "자세한 내용은 외교부 누리집[https://www.mofa.go.kr]에서 확인할 수 있다.",
    ],
)
def test_a_bracket_with_a_colon_inside_a_sentence_is_not_cut_out(text: str) -> None:
    assert split_korean(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the soundbite is never closed; the third sentence opens a quotation of its own, closed in the fourth
        ('Kim Mi-ran(Daejeon resident) : "I used to fill the tank. Now I stop at half. "It is hard. We cannot '
         'go on like this," she said.',
         ['Kim Mi-ran(Daejeon resident) : "I used to fill the tank.', "Now I stop at half.",
          '"It is hard. We cannot go on like this," she said.']),
        ("He told reporters: “We are ready. The team is here. Then Kim spoke: “We will see. Talks ended.",
         ["He told reporters: “We are ready.", "The team is here.", "Then Kim spoke: “We will see.", "Talks ended."]),
    ],
)
def test_an_unclosed_soundbite_does_not_take_the_next_quotation_s_opening_mark_for_its_close(
        text: str, expected: list[str]) -> None:
    assert split_english(text) == expected


@pytest.mark.parametrize(("count", "joined"), [(5, True), (6, False)])
def test_a_soundbite_is_joined_when_closed_within_four_sentences_of_its_opening(count: int, joined: bool) -> None:
    words = ["It is hot.", "The fan is broken.", "We sleep outside.", "The children cry.", "Nobody comes.",
             "We wait."][:count]
    text = f'Choi Eun-young(Mapo resident) : "{" ".join(words)}" The city opened cooling shelters.'
    sentences = split_english(text)
    assert (len(sentences) == 2) is joined
    assert sentences[-1] == "The city opened cooling shelters."
