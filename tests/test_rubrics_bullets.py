"""Bullet-led paragraphs (issue 9, item 2): subheads and list items are story text, captions stay rubrics."""

from __future__ import annotations

import pytest

from toolkit.model import Alignment, Article, Bead, Paragraph
from toolkit.rubrics import split_subhead
from toolkit.segment import segment_article


def _segment(lang: str, *texts: str) -> Article:
    return segment_article(Article("x", lang, paragraphs=[Paragraph(t, lang) for t in texts]))


def test_korean_subhead_paragraph_keeps_its_body_as_sentences() -> None:
    article = _segment("ko", "◆ 지하철 기본요금 1400원으로 = 서울시는 다음 달 7일부터 지하철 기본요금을 150원 올린다고 "
                             "밝혔다. 요금 인상은 8년 만이다.")
    assert article.paragraphs[0].kind == "text"
    assert [s.text for s in article.sentences] == ["서울시는 다음 달 7일부터 지하철 기본요금을 150원 올린다고 밝혔다.",
                                                   "요금 인상은 8년 만이다."]
    assert [s.subhead for s in article.sentences] == ["지하철 기본요금 1400원으로", None]
    assert [s.speaker for s in article.sentences] == [None, None]


def test_a_heading_may_end_in_a_verb() -> None:
    article = _segment("ko", "◇ 한은, 금리 또 올린다 = 한국은행이 다음 달 기준금리를 더 올릴 것이라는 관측이 나온다.")
    assert [(s.subhead, s.text) for s in article.sentences] == [
        ("한은, 금리 또 올린다", "한국은행이 다음 달 기준금리를 더 올릴 것이라는 관측이 나온다.")]


def test_english_subhead_paragraph_keeps_its_body_as_sentences() -> None:
    article = _segment("en", "◇ Youth rent support = The land ministry will widen its rent support. About 150,000 "
                             "households will qualify.")
    assert [s.text for s in article.sentences] == ["The land ministry will widen its rent support.",
                                                   "About 150,000 households will qualify."]
    assert article.sentences[0].subhead == "Youth rent support"


@pytest.mark.parametrize("text", [
    "▲ 사진=연합뉴스",  # a photo credit: its key is no heading
    "◆ 사진 = 연합뉴스",
    "▲ (서울=연합뉴스) 김철수 기자 = 19일 명동 거리를 시민들이 걷고 있다. 2024.5.19 kim@yna.co.kr",  # a dateline
    "◆ 정부는 요금을 올렸다. 시민들은 반발했다 = 서울시는 인상을 미루기로 했다.",  # the heading is sentences
    "◆ 지하철 요금 인상 = 서울시 교통정책과",  # the body is no sentence
    "◆ 지하철 요금 인상 = 서울시는 요금을 올렸다. /사진=연합뉴스",  # the body ends with a photo credit
])
def test_what_is_no_subhead(text: str) -> None:
    assert split_subhead(text, "ko") is None


def test_a_list_of_story_sentences_is_text_without_its_marks() -> None:
    article = _segment("ko", "정부가 내놓은 지원책은 다음과 같다.",
                       "▲ 정부는 내년 소상공인 정책자금을 2조원 늘리기로 했다.",
                       "▲ 전기요금 분할 납부 제도는 연말까지 연장된다.")
    assert [p.kind for p in article.paragraphs] == ["text", "text", "text"]
    assert [s.text for s in article.sentences][1:] == ["정부는 내년 소상공인 정책자금을 2조원 늘리기로 했다.",
                                                       "전기요금 분할 납부 제도는 연말까지 연장된다."]


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "▲ 대출 만기를 3년 연장한다. ▲ 금리를 1%포인트 낮춘다."),
    ("en", "▲ Loan maturities will be extended by three years. ▲ Interest rates will be cut by one point."),
])
def test_one_paragraph_holding_two_items_is_text(lang: str, text: str) -> None:
    article = _segment(lang, text)
    assert article.paragraphs[0].kind == "text"
    assert len(article.sentences) == 2 and not article.sentences[0].text.startswith("▲")


def test_an_english_list_is_text() -> None:
    article = _segment("en", "▲ The government will expand policy loans next year.",
                       "▲ Installment payment of power bills will be extended.")
    assert [s.text for s in article.sentences] == ["The government will expand policy loans next year.",
                                                   "Installment payment of power bills will be extended."]


@pytest.mark.parametrize(("lang", "texts"), [
    ("ko", ["▲ 19일 서울 중구 명동 거리가 관광객들로 붐비고 있다. /사진=연합뉴스"]),
    ("ko", ["▲ 김정은 국무위원장이 비료공장 준공식에서 연설하고 있다. (사진=조선중앙통신)"]),
    ("ko", ["▲ 지난 5일 평양에서 열린 군중대회 모습. [조선중앙TV 화면 캡처]"]),
    ("ko", ["▲ 정부세종청사 전경."]),
    # a lone sentence with no credit: a caption or a one-item list cannot be told, so it stays a rubric
    ("ko", ["예산안이 의결됐다.", "▲ 한덕수 국무총리가 20일 국무회의에서 모두발언을 했다.", "예산안은 국회로 간다."]),
    # two photos in a row, each described as it happens
    ("ko", ["▲ 시민들이 우산을 쓴 채 출근길에 나서고 있다.", "▲ 물에 잠긴 도로 위를 차량들이 지나가고 있다."]),
    ("en", ["▲ North Korean leader Kim Jong Un speaks at a rally. (KCNA/Yonhap)"]),
    ("en", ["▲ Tourists crowd Myeong-dong in central Seoul on May 19."]),
])
def test_captions_stay_rubrics(lang: str, texts: list[str]) -> None:
    article = _segment(lang, *texts)
    assert [p.kind for p in article.paragraphs if p.text.startswith("▲")] == ["rubric"] * sum(
        t.startswith("▲") for t in texts)


def _pair() -> tuple[Article, Article]:
    en = _segment("en", "◆ Subway fare to rise = Seoul will raise the fare. It is the first rise in years.")
    ko = _segment("ko", "◆ 지하철 요금 인상 = 서울시는 요금을 올린다. 인상은 8년 만이다.")
    return en, ko


def subhead_tei() -> bytes:
    """A pair opening with a subhead paragraph on both sides, segmented as the product does."""
    from toolkit.tei.writer import write_tei

    en, ko = _pair()
    return write_tei(en, ko, Alignment([Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9)]))


def test_subhead_is_written_as_a_label_and_read_back() -> None:
    from toolkit.tei.reader import read_tei
    from toolkit.tei.safe_xml import parse_xml_safely
    from toolkit.tei.validate import validate_tree
    from toolkit.tei.writer import write_tei

    en, ko = _pair()
    data = subhead_tei()
    assert '<p><label type="subhead">◆ 지하철 요금 인상 =</label> <s xml:id="ko-s1">서울시는 요금을 올린다.</s>' \
        in data.decode()
    assert validate_tree(parse_xml_safely(data, "subhead")) == []
    en_back, ko_back, _ = read_tei(data)
    assert [s.subhead for s in ko_back.sentences] == ["지하철 요금 인상", None]
    assert en_back.sentences[0].subhead == "Subway fare to rise"
    assert ko_back.paragraphs[0].text == ko.paragraphs[0].text
    assert write_tei(*read_tei(data)) == data


def test_subhead_set_by_hand_is_written_out_and_then_stable() -> None:
    from toolkit.tei.reader import read_tei
    from toolkit.tei.writer import write_tei

    en = _segment("en", "Seoul will raise the fare.")
    en.sentences[0].subhead = "Fares"
    first = write_tei(en, None, None)
    assert b'<label type="subhead">Fares =</label>' in first
    back, _, _ = read_tei(first)
    assert back.paragraphs[0].text == "Fares = Seoul will raise the fare." and back.sentences[0].subhead == "Fares"
    assert write_tei(*read_tei(first)) == first


@pytest.mark.parametrize("texts", [
    ["▶ 北, 국경 경비 초소 두 배로 늘렸다", "▶ 김정은, 딸과 공개 행보 나섰다"],  # related-article links
    ["▲ 북한이 국경 경비 초소를 늘렸다", "▲ 김정은이 딸과 공개 행보에 나섰다"],  # headlines: no full stop
])
def test_runs_of_links_or_headlines_stay_rubrics(texts: list[str]) -> None:
    assert [p.kind for p in _segment("ko", *texts).paragraphs] == ["rubric", "rubric"]


def test_a_scraped_page_keeps_its_list_in_the_body_and_its_caption_out(tmp_path) -> None:
    from toolkit.ingest import read_article

    page = tmp_path / "ko.txt"
    page.write_text("정부, 소상공인 지원책 발표\n\n정부가 19일 소상공인 지원책을 내놓았다. 골자는 다음과 같다.\n\n"
                    "▲ 정부는 내년 정책자금을 2조원 늘리기로 했다.\n\n▲ 전기요금 분할 납부는 연말까지 연장된다.\n\n"
                    "▲ 19일 서울 명동 거리가 관광객들로 붐비고 있다.\n\n기획재정부는 대책을 매달 점검할 계획이다.\n",
                    encoding="utf-8")
    article = segment_article(read_article(page))
    assert article.captions == ["▲ 19일 서울 명동 거리가 관광객들로 붐비고 있다."]
    assert "정부는 내년 정책자금을 2조원 늘리기로 했다." in [s.text for s in article.sentences]
    assert "전기요금 분할 납부는 연말까지 연장된다." in [s.text for s in article.sentences]


def test_a_subhead_label_of_many_bullets_is_read_at_once_not_from_every_bullet() -> None:
    """A <label type="subhead"> (read from any TEI file) of 50,000 bullets took 86 s: the search
    started at every bullet and read to the end each time. Run in a child so a regression fails."""
    import subprocess
    import sys

    code = ("from toolkit.rubrics import subhead_at_end\n"
            "assert subhead_at_end('◆' * 50000) is None\n"
            "assert subhead_at_end('◆' * 50000 + ' =')[0] == 0\n"
            "assert subhead_at_end('본문 ◆ 지하철 = ◆ 요금 인상 = ') == (11, '요금 인상')\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=20)


@pytest.mark.parametrize("text, heading", [
    ('■ 정부 "1단계=준비" 발표 = 정부는 19일 단계별 계획을 발표했다.', '정부 "1단계=준비" 발표'),
    ("■ 정부 ‘1단계=준비’ 발표 = 정부는 19일 단계별 계획을 발표했다.", "정부 ‘1단계=준비’ 발표"),
    ("■ 정부 '1단계=준비' 발표 = 정부는 19일 단계별 계획을 발표했다.", "정부 '1단계=준비' 발표"),
])
def test_an_equals_sign_inside_a_quoted_heading_does_not_end_it(text: str, heading: str) -> None:
    """The heading ended at the first `=` even inside straight quotes (the sentence began `준비" 발표 =
    정부는...`) and a curly-quoted one made the whole paragraph a rubric; the TEI round trip keeps it."""
    from toolkit.tei import read_tei, write_tei

    article = _segment("ko", text)
    assert [(s.subhead, s.text) for s in article.sentences] == [(heading, "정부는 19일 단계별 계획을 발표했다.")]
    first = write_tei(article, None, None)
    back, _, _ = read_tei(first)
    assert back.paragraphs[0].text == text and back.sentences[0].subhead == heading
    assert write_tei(*read_tei(first)) == first


def test_a_heading_that_holds_its_first_sentence_keeps_the_sentence_after_the_label() -> None:
    """The writer put the <s> at the first occurrence of its text, inside the heading, and wrote the
    heading out again: the paragraph read back as `◆ 상인들 상인들 반응은 … 왜 = 반응은 …`."""
    from toolkit.tei import read_tei, write_tei

    text = "◆ 상인들 반응은 시큰둥하다 왜 = 반응은 시큰둥하다"
    article = _segment("ko", text)
    assert [(s.subhead, s.text) for s in article.sentences] == [("상인들 반응은 시큰둥하다 왜", "반응은 시큰둥하다")]
    first = write_tei(article, None, None)
    assert '<label type="subhead">◆ 상인들 반응은 시큰둥하다 왜 =</label> <s xml:id="ko-s1">' in first.decode()
    back, _, _ = read_tei(first)
    assert back.paragraphs[0].text == text and back.sentences[0].subhead == "상인들 반응은 시큰둥하다 왜"
    assert write_tei(*read_tei(first)) == first


def test_an_interview_s_questions_are_text_and_its_lede_stays_body(tmp_path) -> None:
    """A Q&A page leads each question with the caption mark: read as captions, the questions were
    lost and the lede above the first one was taken for a dek (a caption followed it)."""
    from toolkit.ingest import read_article

    page = tmp_path / "ko.txt"
    page.write_text("박 장관 \"반도체 인력 1만명 키운다\"\n\n박 장관은 27일 세종청사에서 출입기자들과 만나 내년 계획을 설명했다.\n\n"
                    "▲ 내년 연구개발 예산은 얼마나 늘어나나.\n\n\"올해보다 12% 늘린 규모로 편성했다.\"\n\n"
                    "▲ 지방 대학과의 협력 방안은.\n\n\"거점 국립대 다섯 곳에 공동 연구소를 세울 계획이다.\"\n", encoding="utf-8")
    article = segment_article(read_article(page))
    assert article.dek is None and article.captions == []
    assert [s.text for s in article.sentences] == [
        "박 장관은 27일 세종청사에서 출입기자들과 만나 내년 계획을 설명했다.", "내년 연구개발 예산은 얼마나 늘어나나.",
        "\"올해보다 12% 늘린 규모로 편성했다.\"", "지방 대학과의 협력 방안은.", "\"거점 국립대 다섯 곳에 공동 연구소를 세울 계획이다.\""]


@pytest.mark.parametrize(("lang", "texts", "kinds"), [
    ("en", ["▲ Will the budget grow next year?", "\"Yes, by about a tenth.\"", "▲ And the regions?", "\"They get more.\""],
     ["text"] * 4),
    # one question alone cannot be told from a caption asking for once: it stays a rubric
    ("ko", ["▲ 누가 이 마을을 지키나?", "주민들은 밤마다 순찰을 돈다."], ["rubric", "text"]),
    # two questions led by different marks are no interview's list
    ("ko", ["▲ 향후 계획은?", "\"연말까지 마무리한다.\"", "◇ 예산은 충분한가?", "\"부족하다.\""],
     ["rubric", "text", "rubric", "text"]),
    # a caption with its credit never asks, even twice
    ("ko", ["▲ 행사에 참석한 시민들은? /사진=연합뉴스", "▲ 공연을 지켜보는 관객들은? /사진=연합뉴스"], ["rubric", "rubric"]),
    # two captions closed by a name that ends as a question does (한지은, 최하나; 김하은., 이지은.) ask nothing
    ("ko", ["▲ 수상 소감을 밝히는 소설가 한지은", "시상식은 12일 서울 세종문화회관에서 열렸다.",
            "▲ 기념 촬영을 하는 가수 최하나", "올해 대상은 한지은 작가에게 돌아갔다."], ["rubric", "text", "rubric", "text"]),
    ("ko", ["▲ 무대 인사를 하는 배우 김하은.", "영화는 다음 달 개봉한다.", "▲ 팬들에게 손을 흔드는 배우 이지은.",
            "두 배우는 이번이 첫 호흡이다."], ["rubric", "text", "rubric", "text"]),
])
def test_only_two_questions_under_one_mark_make_an_interview(lang: str, texts: list[str], kinds: list[str]) -> None:
    assert [p.kind for p in _segment(lang, *texts).paragraphs] == kinds


def test_a_press_release_outline_keeps_every_level_as_story_text() -> None:
    # □ a point, ○ details under it, - a detail under those: the marks alternate, so no item
    # has a neighbour with its own mark, and none of them is a caption
    article = _segment("ko",
                       "□ 외교부는 20일 서울에서 몽골 외교부와 제1차 기후변화 협의회를 열었다고 밝혔다.",
                       "○ 양측은 사막화 방지와 재생에너지 협력 방안을 집중적으로 논의했다.",
                       "- 몽골 측은 공동 사업단 구성을 제안했다.",
                       "□ 양국은 내년 울란바토르에서 제2차 협의회를 열기로 합의했다.")
    assert [p.kind for p in article.paragraphs] == ["text"] * 4
    assert [s.text for s in article.sentences][0] == "외교부는 20일 서울에서 몽골 외교부와 제1차 기후변화 협의회를 열었다고 밝혔다."
    assert len(article.sentences) == 4


def test_a_lone_caption_beside_a_dash_line_stays_a_rubric() -> None:
    # a caption's mark (▲) is no outline mark, whatever its neighbours
    article = _segment("ko", "▲ 양국 대표단이 20일 서울 외교부 청사에서 회의를 열었다.",
                       "- 회의는 두 시간 동안 이어졌다.")
    assert article.paragraphs[0].kind == "rubric"


@pytest.mark.parametrize(("lang", "texts"), [
    ("en", ["■ Vice Minister Kim Min-su at a briefing in Seoul on Nov. 20, 2026.", "- Advertisement -"]),
    ("ko", ["□ 김민수 외교부 제2차관이 20일 정부서울청사에서 브리핑을 했다.", "- 끝 -"]),
])
def test_a_line_framed_by_dashes_is_no_outline_beside_a_lone_caption(lang: str, texts: list[str]) -> None:
    # an ad slot or an end mark leads with a dash but is no item of a release's outline
    assert _segment(lang, *texts).paragraphs[0].kind == "rubric"
