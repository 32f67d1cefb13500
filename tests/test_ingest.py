"""The ingest room: decoding, scraped text and HTML layouts, boilerplate, credits, languages."""

from __future__ import annotations

import codecs
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import repo_root
from toolkit.errors import InputError
from toolkit.ingest import assemble, decode_bytes, parse_article, read_article
from toolkit.ingest.boilerplate import is_boilerplate, is_caption_line, parse_date_line
from toolkit.ingest.text import split_units
from toolkit.model import Credit

SEED = repo_root() / "fixtures" / "seed" / "en.txt"


# A stand-in for toolkit.credits.extract_credits with the same contract, so that what
# ingest does with credits (splitting paragraphs, numbering, merging) is tested on its own.
_FAKE_EN = re.compile(r"(Reported|Translated|Written in English) by ([A-Z][\w-]+(?: [A-Z][\w-]+)*)(?: for RFA's (\w+) service)?\.", re.I)
_FAKE_KO = re.compile(r"(?:지금까지 \S+에서 )?자유아시아방송 (\S+?)입니다\.|(\S+) 기자가 보도합니다\.")
_FAKE_ROLES = {"reported": "reporter", "translated": "translator", "written in english": "writer"}


def fake_extract_credits(paragraph: str) -> tuple[str, list[Credit]]:
    found: list[Credit] = []

    def english(m: re.Match) -> str:
        service = m.group(3).title() if m.group(3) else None
        found.append(Credit(_FAKE_ROLES[m.group(1).lower()], m.group(2), service, "RFA" if service else None, "ko" if service else None))
        return ""

    def korean(m: re.Match) -> str:
        found.append(Credit("reporter", m.group(1) or m.group(2), "Korean", "RFA", "ko"))
        return ""

    rest = _FAKE_KO.sub(korean, _FAKE_EN.sub(english, paragraph))
    return re.sub(r"\s+", " ", rest).strip(), found


@pytest.fixture
def fake_credits(monkeypatch):
    assemble._split_cached.cache_clear()
    monkeypatch.setattr(assemble, "_extractor", lambda: fake_extract_credits)
    yield
    assemble._split_cached.cache_clear()


def ingest_text(text: str, source: str = "t.txt"):
    return parse_article(text.encode("utf-8"), source)


# ---------------------------------------------------------------- the seed article

SEED_TITLE = "Pyongyang Moves to Identify Defectors"
SEED_DEK = "The campaign is aimed at punishing families of those who flee the country."
SEED_CAPTION = (
    "South Korean rights activists shout slogans outside the Chinese embassy in Seoul demanding that "
    "Beijing scrap plans to repatriate North Korean refugees, Feb. 21, 2012."
)
_BOILERPLATE_WORDS = ("Print", "Email", "Share", "Comment", "More Listening Options", "View Full Site", "Copyright")


def _check_seed_layout(article) -> None:
    assert article.title == SEED_TITLE
    assert article.dek == SEED_DEK
    assert article.captions == [SEED_CAPTION]
    assert article.language == "en"
    body = [p.text for p in article.paragraphs]
    assert len(body) == 22
    assert body[0].startswith("The North Korean government")
    assert body[-1].startswith("Last fall")
    for text in body:
        assert text.strip() == text and text
        assert SEED_CAPTION not in text and text not in (SEED_TITLE, SEED_DEK)
        assert not any(text.startswith(word) for word in _BOILERPLATE_WORDS), text
        assert "Reported by" not in text and "Translated by" not in text and "Written in English" not in text
        assert "•" not in text
    assert all(p.lang == "en" and p.sentences == [] for p in article.paragraphs)
    assert article.credit_paragraphs == [
        "Reported by Kim Joon-Ho for RFA's Korean service. Translated by Kang Min Kyung. "
        "Written in English by Parameswaran Ponnudurai."
    ]


def test_seed_layout_and_credit_handling(fake_credits):
    article = read_article(SEED)
    assert article.source == str(SEED)
    _check_seed_layout(article)
    assert [(c.role, c.name, c.order) for c in article.credits] == [
        ("reporter", "Kim Joon-Ho", 1), ("translator", "Kang Min Kyung", 2), ("writer", "Parameswaran Ponnudurai", 3)
    ]


def test_seed_with_the_real_credits_room():
    assemble._split_cached.cache_clear()
    article = read_article(SEED)
    _check_seed_layout(article)
    chain = [(c.role, c.name, c.order) for c in article.credits]
    assert chain == [
        ("reporter", "Kim Joon-Ho", 1), ("translator", "Kang Min Kyung", 2), ("writer", "Parameswaran Ponnudurai", 3)
    ]
    reporter = article.credits[0]
    assert (reporter.service, reporter.organization, reporter.language) == ("Korean", "RFA", "ko")


def test_seed_in_every_encoding_reads_the_same(fake_credits):
    text = SEED.read_text(encoding="utf-8")
    reference = ingest_text(text)
    for data in (
        codecs.BOM_UTF8 + text.encode("utf-8"),
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        text.replace("\n", "\r\n").encode("utf-8"),
        text.replace("\n", "\r").encode("utf-8"),
    ):
        article = parse_article(data, "t.txt")
        assert article == reference


def test_seed_does_not_need_langdetect(monkeypatch):
    """English prose is recognised by its function words: no langdetect call per paragraph."""
    import toolkit.langid as langid

    def forbidden(*args, **kwargs):
        raise AssertionError("langdetect was called")

    monkeypatch.setattr(langid, "_langdetect", forbidden)
    assert read_article(SEED).language == "en"


# ---------------------------------------------------------------- decoding

KOREAN = "북한 당국이 탈북자 가족을 조사하고 있습니다.\n평양 주민은 \"조사가 계속된다\"고 말했습니다.\n"


@pytest.mark.parametrize(
    "data",
    [
        KOREAN.encode("utf-8"),
        codecs.BOM_UTF8 + KOREAN.encode("utf-8"),
        codecs.BOM_UTF16_LE + KOREAN.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + KOREAN.encode("utf-16-be"),
        KOREAN.encode("euc-kr"),
        KOREAN.encode("cp949"),
        KOREAN.replace("\n", "\r\n").encode("cp949"),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be", "euc-kr", "cp949", "cp949-crlf"],
)
def test_decode_korean_in_every_encoding(data):
    assert decode_bytes(data, "k.txt") == KOREAN


def test_decode_cp949_only_syllables():
    # 똠 and 햏 exist in CP949 (UHC) but not in EUC-KR: CP949 must be the codec tried
    text = "똠방각하 햏자 이야기\n"
    assert decode_bytes(text.encode("cp949"), "k.txt") == text


def test_decode_normalises_to_nfc_and_newlines():
    decomposed = "\u1112\u1161\u11ab\u1100\u116e\u11a8"  # 한국 as conjoining jamo
    assert decode_bytes(f"{decomposed}\r\nCafe\u0301\r".encode("utf-8"), "x") == "한국\nCafé\n"
    assert decode_bytes("a\u2028b\x0cc".encode("utf-8"), "x") == "a\nb\nc"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "binary"),
        ("plain text".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (b"\x01\x02\x03\x04\x05\x06 text \x07\x08\x0e\x0f\x10\x11\x12\x13", "binary"),
        (b"caf\xe9 cr\xe8me br\xfbl\xe9e \xff\xfe\x80", "undecodable"),
        (bytes([0x80, 0xFF, 0xC0, 0x20]) * 8, "undecodable"),
        (codecs.BOM_UTF8 + b"ok \xff", "invalid UTF-8"),
        # a download cut inside its last character: "undecodable" sent the user looking for an encoding
        ("북한 당국이 시장 단속을 강화했다".encode()[:-1], "cut short: UTF-8 text whose last character is incomplete"),
        ("Kim Jong-un visited Pyongyang 평양".encode()[:-2], "(the last 1 of 34 bytes); the rest of the file is missing"),
    ],
    ids=["empty", "png", "pdf", "utf16-no-bom", "control-chars", "latin1", "junk", "bad-after-bom", "cut-korean",
         "cut-mixed"],
)
def test_decode_refuses_non_text(data, problem):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "bad.txt")
    message = str(caught.value)
    assert message.startswith("bad.txt: ") and problem in message
    assert "\n" not in message


def test_latin1_pairs_that_cp949_accepts_are_not_taken_for_korean():
    # "ÀBÅa" is a valid CP949 byte sequence, but its "Korean" would be nonsense
    with pytest.raises(InputError, match="undecodable"):
        decode_bytes("ÀBÅa ÇÆ".encode("latin-1"), "x.txt")


def test_declared_charset_of_html_page_is_honoured():
    page = '<html><head><meta charset="windows-1252"></head><body><h1>Caf\u00e9 talk</h1><p>It\u2019s here, people said today.</p></body></html>'
    article = parse_article(page.encode("cp1252"), "p.html")
    assert article.title == "Café talk" and article.paragraphs[0].text == "It’s here, people said today."


@pytest.mark.parametrize("charset", ["utf-16le", "UTF-32BE", "rot13", "base64", "zlib_codec", "undefined",
                                     "unicode_escape", "raw_unicode_escape"])
def test_a_declared_charset_that_reads_no_text_is_refused_as_undecodable(charset):
    """A page of 8-bit bytes declaring UTF-16LE was read as CJK-looking nonsense without a word;
    one declaring rot13 or base64 (codecs, but of no text) failed as an internal error, which a
    build does not remember and tries again each time; "undefined" likewise, and unicode_escape read
    the page's "\\u0041" as "A"."""
    page = (f'<html><head><meta charset="{charset}"></head><body><h1>Caf\u00e9 talk</h1>'
            '<p>Traders reopened their stalls on Monday, people said today (C:\\new\\u0041).</p></body></html>')
    with pytest.raises(InputError, match="^p.html: undecodable: not UTF-8"):
        parse_article(page.encode("cp1252"), "p.html")


# ---------------------------------------------------------------- plain-text layout


def test_blank_line_and_line_per_paragraph_layouts_agree(fake_credits):
    lines = [
        "Flood Hits Capital",
        "Rivers burst their banks after a week of rain.",
        "Print",
        "Share",
        "Heavy rain flooded the capital on Monday, officials said.",
        "Thousands of residents were moved to schools and gyms.",
        "Reported by Lee Min-ji for RFA's Korean service.",
    ]
    one_per_line = ingest_text("\n".join(lines))
    blank_separated = ingest_text("\n\n".join(lines))
    for article in (one_per_line, blank_separated):
        assert article.title == "Flood Hits Capital"
        assert article.dek == "Rivers burst their banks after a week of rain."
        assert [p.text for p in article.paragraphs] == lines[4:6]
        assert [(c.role, c.name, c.order) for c in article.credits] == [("reporter", "Lee Min-ji", 1)]


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Title of the Story\n\n"
        "The ministry said on Monday that the new rules, which take effect\n"
        "next month, would apply to all\n"
        "imports of rice and wheat.\n\n"
        "A second paragraph stands on its own line.\n"
    )
    article = ingest_text(text)
    assert [p.text for p in article.paragraphs] == [
        "The ministry said on Monday that the new rules, which take effect next month, would apply to all "
        "imports of rice and wheat.",
        "A second paragraph stands on its own line.",
    ]


def test_split_units_keeps_header_lines_apart():
    units = split_units("Headline Without Stop\nA dek line here.\n• Print\n\nBody one.\n")
    assert [u.text for u in units] == ["Headline Without Stop", "A dek line here.", "• Print", "Body one."]
    assert [u.block for u in units] == [0, 0, 0, 1]


def test_lead_after_title_is_body_not_dek():
    text = "Talks Resume\n\nNegotiators met in Geneva on Tuesday, diplomats said.\n\nThey will meet again next week.\n"
    article = ingest_text(text)
    assert article.dek is None
    assert len(article.paragraphs) == 2


def test_subtitle_without_full_stop_is_a_dek():
    text = "Talks Resume\nNegotiators return to Geneva after a year\n\nNegotiators met on Tuesday.\n\nThey meet again soon.\n"
    article = ingest_text(text)
    assert article.dek == "Negotiators return to Geneva after a year"
    assert [p.text for p in article.paragraphs] == ["Negotiators met on Tuesday.", "They meet again soon."]


def test_boilerplate_footers_and_repeated_title_are_dropped():
    text = "\n".join([
        "• Print • Share • Email",
        "Border Guards Reinforced",
        "Border Guards Reinforced",
        "Email story | Comment on this story",
        "Guards were added along the river, residents said.",
        "Smuggling has fallen sharply since the spring.",
        "• Print",
        "Boats now cross only at night.",
        "Border Guards Reinforced",
        "Copyright © 1998-2012, RFA. Used with the permission of Radio Free Asia, 2025 M St. NW, Washington DC 20036.",
        "More Listening Options",
        "View Full Site",
    ])
    article = ingest_text(text)
    assert article.title == "Border Guards Reinforced"
    assert [p.text for p in article.paragraphs] == [
        "Guards were added along the river, residents said.",
        "Smuggling has fallen sharply since the spring.",
        "Boats now cross only at night.",
    ]


def test_body_sentences_about_email_or_copyright_stay():
    text = "\n".join([
        "Hackers Target Ministry",
        "The hackers sent an email to every official, the ministry said.",
        "Copyright disputes over the film have lasted years.",
        "Share prices fell by 3 percent.",
    ])
    article = ingest_text(text)
    assert len(article.paragraphs) == 3


def test_caption_printed_twice_and_marked_captions():
    text = "\n".join([
        "Storm Passes",
        "A fisherman repairs his boat in Sokcho, Aug. 3, 2020.",
        "A fisherman repairs his boat in Sokcho, Aug. 3, 2020.",
        "The storm moved out to sea overnight, forecasters said.",
        "Photo: Residents clear debris in Gangneung.",
        "Damage was lighter than feared.",
    ])
    article = ingest_text(text)
    assert article.captions == ["A fisherman repairs his boat in Sokcho, Aug. 3, 2020.", "Photo: Residents clear debris in Gangneung."]
    assert [p.text for p in article.paragraphs] == [
        "The storm moved out to sea overnight, forecasters said.", "Damage was lighter than feared.",
    ]


@pytest.mark.parametrize(("lines", "last"), [
    (["Ferry Line to Link Four Islands",  # a Yonhap story carried by another outlet, its picture on top
      "Passengers board a ferry at Mokpo port on Monday. (Yonhap)",
      "A new ferry line will link the southwestern port of Mokpo with four islands from next month, "
      "the oceans ministry said Tuesday.",
      "Two ships will sail the route twice a day, carrying up to 300 passengers each. (Yonhap)"],
     "Two ships will sail the route twice a day, carrying up to 300 passengers each."),
    (["Ferry Line to Link Four Islands",  # the picture right above the last paragraph, which reports
      "A new ferry line will link the southwestern port of Mokpo with four islands from next month, "
      "the oceans ministry said Tuesday.",
      "Passengers board a ferry at Mokpo port on Monday. (Yonhap)",
      "The line is the third the ministry has opened this year, officials said. (Yonhap)"],
     "The line is the third the ministry has opened this year, officials said."),
])
def test_wire_story_closed_by_its_agency_keeps_its_last_paragraph(lines, last):
    # the last paragraph ends "(Yonhap)" as a caption does
    article = ingest_text("\n\n".join(lines))
    assert article.captions == ["Passengers board a ferry at Mokpo port on Monday."]
    assert [p.text for p in article.paragraphs][-1] == last
    assert sorted((c.role, c.name) for c in article.credits) == [("photographer", "Yonhap"), ("writer", "Yonhap")]


@pytest.mark.parametrize(("lines", "captions", "paragraphs"), [
    (["Spring in Seoul",  # prose after the agency-closed lines: they are captions
      "Citizens stroll through a park in Seoul on Sunday. (Yonhap)",
      "Cherry blossoms line a street in Yeouido on the same day. (Yonhap)",
      "The riverside park will stay open until 11 p.m. through April 10, the city said."],
     ["Citizens stroll through a park in Seoul on Sunday.", "Cherry blossoms line a street in Yeouido on the same day."],
     ["The riverside park will stay open until 11 p.m. through April 10, the city said."]),
    (["Tide Festival Opens in Mokpo",  # a gallery closing the page: its last caption is one like the first
      "The three-day tide festival opened on Friday, drawing visitors from across the southwest, the city said.",
      "Organisers expect about 40,000 people by Sunday.",
      "Children dance at the opening of the festival in Mokpo on Friday. (Yonhap)",
      "Lanterns float on the harbour on Friday night. (Yonhap)"],
     ["Children dance at the opening of the festival in Mokpo on Friday.", "Lanterns float on the harbour on Friday night."],
     ["The three-day tide festival opened on Friday, drawing visitors from across the southwest, the city said.",
      "Organisers expect about 40,000 people by Sunday."]),
])
def test_agency_closed_lines_stay_captions(lines, captions, paragraphs):
    article = ingest_text("\n\n".join(lines))
    assert article.captions == captions
    assert [p.text for p in article.paragraphs] == paragraphs
    assert [(c.role, c.name) for c in article.credits] == [("photographer", "Yonhap")]


def test_wire_story_closed_by_its_agency_then_an_end_mark_keeps_its_last_paragraph():
    # "(END)" under a wire story's last paragraph marks its end: no body text, and the paragraph
    # above it stays the story's last paragraph, not a caption
    text = "\n\n".join([
        "Ferry Line to Link Four Islands",
        "A new ferry line will link the southwestern port of Mokpo with four islands from next month, "
        "the oceans ministry said Tuesday.",
        "Two ships will sail the route twice a day, carrying up to 300 passengers each, the ministry said. (Yonhap)",
        "(END)",
    ])
    article = ingest_text(text)
    assert article.dek is None and article.captions == []
    assert [p.text for p in article.paragraphs] == [
        "A new ferry line will link the southwestern port of Mokpo with four islands from next month, "
        "the oceans ministry said Tuesday.",
        "Two ships will sail the route twice a day, carrying up to 300 passengers each, the ministry said."]
    assert [(c.role, c.name) for c in article.credits] == [("writer", "Yonhap")]


def test_date_line_becomes_the_date():
    article = ingest_text("Market Opens\n2012-03-01\nTraders returned on Thursday, brokers said.\n")
    assert article.date == "2012-03-01"
    assert [p.text for p in article.paragraphs] == ["Traders returned on Thursday, brokers said."]
    assert parse_date_line("Feb. 21, 2012") == "2012-02-21"
    assert parse_date_line("입력 2012년 2월 21일 14:30") == "2012-02-21"
    assert parse_date_line("2012.02.21 14:30") == "2012-02-21"
    assert parse_date_line("On Feb. 21, 2012 the talks began.") is None
    assert parse_date_line("2012-02-30") is None


def test_site_links_after_the_credit_line_are_dropped(fake_credits):
    text = "\n".join([
        "Rice Prices Climb",
        "Rice prices rose again this month, traders said.",
        "Reported by Park Ji-won for RFA's Korean service.",
        "North Korea Tightens Border Controls",
        "Related Stories",
    ])
    article = ingest_text(text)
    assert [p.text for p in article.paragraphs] == ["Rice prices rose again this month, traders said."]
    assert article.credit_paragraphs == ["Reported by Park Ji-won for RFA's Korean service."]


def test_credit_chain_numbered_across_paragraphs(fake_credits):
    text = "\n".join([
        "Two Credit Lines",
        "Officials confirmed the report on Friday.",
        "Reported by Choi Yu-na for RFA's Korean service.",
        "Translated by Han Seo-yeon. Written in English by Roseanne Gerin.",
    ])
    article = ingest_text(text)
    assert [(c.role, c.name, c.order) for c in article.credits] == [
        ("reporter", "Choi Yu-na", 1), ("translator", "Han Seo-yeon", 2), ("writer", "Roseanne Gerin", 3)
    ]
    assert len(article.credit_paragraphs) == 2


# ---------------------------------------------------------------- Korean text

KOREAN_ARTICLE = """북한, 탈북자 가족 색출 나서

앵커: 북한 당국이 탈북자 가족을 가려내 처벌하는 작업에 나섰다는 소식입니다. 김준호 기자가 보도합니다.
이메일
인쇄
공유

북한 당국이 오랫동안 '행방불명' 상태인 주민의 가족을 상대로 강도 높은 조사를 벌이고 있다고 현지 소식통이 전했습니다.

최근 중국을 다녀간 평양 주민 민 모 씨는 "가족을 한꺼번에 부르지 않고 한 사람씩 따로 불러 조사한다"고 자유아시아방송(RFA)에 말했습니다.

당국은 탈북 동기와 집을 떠난 날짜를 밝히는 데 조사를 집중하고 있다고 민 씨는 덧붙였습니다.

지금까지 워싱턴에서 자유아시아방송 김준호입니다.

ⓒ 자유아시아방송
저작권자 ⓒ 자유아시아방송, 무단 전재 및 재배포 금지
"""


def test_korean_article(fake_credits):
    article = ingest_text(KOREAN_ARTICLE, "ko.txt")
    assert article.title == "북한, 탈북자 가족 색출 나서"
    assert article.dek is None
    assert article.language == "ko"
    body = [p.text for p in article.paragraphs]
    assert body[0] == "앵커: 북한 당국이 탈북자 가족을 가려내 처벌하는 작업에 나섰다는 소식입니다."
    assert body[-1].startswith("당국은 탈북 동기와")
    assert len(body) == 4
    assert all(p.lang == "ko" for p in article.paragraphs)
    assert not any("자유아시아방송 김준호" in t or "무단" in t or t in ("이메일", "인쇄", "공유") for t in body)
    # the byline and the sign-off name one reporter: one link of the chain
    assert [(c.role, c.name, c.order) for c in article.credits] == [("reporter", "김준호", 1)]
    assert article.credit_paragraphs == ["김준호 기자가 보도합니다.", "지금까지 워싱턴에서 자유아시아방송 김준호입니다."]


def test_korean_article_with_the_real_credits_room():
    assemble._split_cached.cache_clear()
    article = ingest_text(KOREAN_ARTICLE, "ko.txt")
    assert [(c.role, c.name) for c in article.credits][:1] == [("reporter", "김준호")]
    assert all("김준호" not in p.text for p in article.paragraphs)
    assert [c.order for c in article.credits] == list(range(1, len(article.credits) + 1))


def test_a_lone_korean_name_inside_the_story_is_body_text_not_its_reporter():
    """A paragraph that is one Korean name is the reporter's byline only where it closes the story (as a
    broadcaster's page prints it); inside the story it is a speaker over a quote or a heading, and stays."""
    assemble._split_cached.cache_clear()
    interview = ("새 교육감에게 듣는다\n\n지난 2일 취임한 교육감을 만나 앞으로의 계획을 들었다.\n\n박서준\n\n"
                 "\"아이들이 학교에 오고 싶게 만드는 것이 첫 번째 목표입니다.\"\n\n한지민\n\n"
                 "\"현장 교사들의 목소리를 더 듣겠다는 뜻으로 이해해도 되겠습니까?\"\n")
    article = ingest_text(interview, "ko.txt")
    assert [p.text for p in article.paragraphs][1:4:2] == ["박서준", "한지민"]
    assert not article.credits
    closing = "폭우 피해 이어져\n\n기상청은 이날 밤까지 강한 비가 이어질 것으로 내다봤다.\n\n박서준\n"
    article = ingest_text(closing, "ko.txt")
    assert [(c.role, c.name) for c in article.credits] == [("reporter", "박서준")]
    assert all("박서준" not in p.text for p in article.paragraphs)


def test_a_scene_lede_that_a_story_follows_is_its_reporters_not_photo_news():
    """A dateline byline over a scene with a day and a place reads as photo news by its words alone; photo
    news is a caption and nothing after it, so a lede the story goes on from is the reporter's."""
    assemble._split_cached.cache_clear()
    lede = "[한빛일보=최윤서 기자] 8일 오후 국회에서 여야 원내대표가 예산안 처리를 놓고 협상을 이어가고 있다."
    story = (f"여야 협상 또 결렬\n\n{lede}\n\n양측은 이날 세 시간 넘게 머리를 맞댔지만 이견을 좁히지 못했다.\n\n"
             "한 야당 관계자는 \"정부가 먼저 양보안을 내놓아야 한다\"고 말했다.\n")
    article = ingest_text(story, "ko.txt")
    assert [(c.role, c.name) for c in article.credits] == [("reporter", "최윤서")]
    assert len(article.paragraphs) == 3
    # the outlet's appeal for news tips after the caption is no story going on (and no body text)
    photo = (f"도심 산책\n\n[한빛일보=최윤서 기자] 8일 오후 서울 종로구 청계천을 찾은 시민들이 산책을 즐기고 있다.\n\n"
             "한빛일보는 24시간 여러분의 제보를 기다립니다.\n\n저작권자 © 한빛일보 무단전재 및 재배포 금지\n")
    article = ingest_text(photo, "ko.txt")
    assert [(c.role, c.name) for c in article.credits] == [("photographer", "최윤서")]
    assert len(article.paragraphs) == 1


def test_korean_article_in_legacy_encodings(fake_credits):
    reference = ingest_text(KOREAN_ARTICLE, "ko.txt")
    for codec in ("euc-kr", "cp949"):
        assert parse_article(KOREAN_ARTICLE.encode(codec), "ko.txt") == reference


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Pyongyang Tightens Border | Radio Free Asia</title>
<meta property="article:published_time" content="2012-03-01T09:30:00Z">
<link rel="canonical" href="https://www.example.org/news/border.html">
<script>var tracking = "Reported by Nobody";</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/korea">Korea</a></li></ul></nav>
<div class="share-tools"><a href="#">Print</a> <a href="#">Email</a></div>
<article>
  <header>
    <h1>Pyongyang Tightens Border</h1>
    <p class="subtitle">Guards have orders to stop anyone crossing the river.</p>
    <time datetime="2012-02-28">Feb. 28, 2012</time>
  </header>
  <figure><img src="guards.jpg" alt="Guards"><figcaption>North Korean guards patrol the Yalu River, Feb. 2012.</figcaption></figure>
  <p>North Korea has sent extra troops to its border with China, <a href="/news/defectors.html">sources said</a>.</p>
  <p>The move follows a <a href="https://www.example.org/news/crackdown.html">crackdown</a> on people who cross without papers.</p>
  <div class="photo-caption">A watchtower near Hyesan.</div>
  <p>Pyongyang Tightens Border</p>
  <p>Reported by Kim Joon-Ho for RFA's Korean service. Translated by Kang Min Kyung.</p>
  <p>Copyright © 1998-2012, RFA. Used with the permission of Radio Free Asia.</p>
  <aside><p>Related: North Korea Marks Anniversary of Leader's Death, with a long paragraph of teaser text that is not part of this story at all.</p></aside>
</article>
<footer><p>Radio Free Asia, 2025 M St. NW, Washington DC. All rights reserved.</p></footer>
</body></html>
"""


def test_html_page(fake_credits):
    article = parse_article(PAGE.encode("utf-8"), "page.html")
    assert article.title == "Pyongyang Tightens Border"
    assert article.dek == "Guards have orders to stop anyone crossing the river."
    assert article.captions == ["North Korean guards patrol the Yalu River, Feb. 2012.", "A watchtower near Hyesan."]
    assert article.date == "2012-03-01"  # article:published_time before the <time> element
    assert [p.text for p in article.paragraphs] == [
        "North Korea has sent extra troops to its border with China, sources said.",
        "The move follows a crackdown on people who cross without papers.",
    ]
    assert [(l.text, l.url) for l in article.links] == [
        ("sources said", "https://www.example.org/news/defectors.html"),
        ("crackdown", "https://www.example.org/news/crackdown.html"),
    ]
    assert [(c.role, c.name, c.order) for c in article.credits] == [("reporter", "Kim Joon-Ho", 1), ("translator", "Kang Min Kyung", 2)]
    assert article.language == "en"


def test_html_is_recognised_by_content_whatever_the_suffix():
    article = parse_article(PAGE.encode("utf-8"), "page.txt")
    assert article.title == "Pyongyang Tightens Border"


def test_html_title_from_title_element_and_time_date():
    page = (
        "<html><head><title>Rain Returns - Example News</title></head><body>"
        '<div class="story"><time datetime="2020-07-01">July 1</time>'
        "<p>Rain returned to the region on Wednesday after a dry month.</p></div></body></html>"
    )
    article = parse_article(page.encode("utf-8"), "x.html")
    assert article.title == "Rain Returns"
    assert article.date == "2020-07-01"
    assert [p.text for p in article.paragraphs] == ["Rain returned to the region on Wednesday after a dry month."]


def test_korean_html_written_with_br_lines(fake_credits):
    page = (
        "<html><head><meta charset='euc-kr'><title>북한, 국경 경비 강화</title></head><body>"
        "<div id='article_body'>북한이 중국과의 국경에 병력을 추가로 배치했습니다.<br><br>"
        "현지 소식통은 \"강을 건너는 사람을 막으라는 지시가 내려졌다\"고 전했습니다.<br>"
        "지금까지 워싱턴에서 자유아시아방송 김준호입니다.</div>"
        "<div class='copyright'>ⓒ 자유아시아방송</div></body></html>"
    )
    article = parse_article(page.encode("euc-kr"), "ko.html")
    assert article.title == "북한, 국경 경비 강화"
    assert article.language == "ko"
    assert [p.text for p in article.paragraphs] == [
        "북한이 중국과의 국경에 병력을 추가로 배치했습니다.",
        "현지 소식통은 \"강을 건너는 사람을 막으라는 지시가 내려졌다\"고 전했습니다.",
    ]
    assert [(c.role, c.name) for c in article.credits] == [("reporter", "김준호")]


def test_html_entities_are_not_resolved_from_outside(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    page = (
        f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>'
        "<html><body><h1>Title &amp; More</h1><p>Body text &leak; goes here, officials said.</p></body></html>"
    )
    article = parse_article(page.encode("utf-8"), "x.html")
    assert article.title == "Title & More"
    assert "TOPSECRET" not in " ".join(p.text for p in article.paragraphs)


def test_html_paragraph_holding_blank_line_separated_paragraphs():
    page = (
        "<html><body><h1>Prices</h1><p>Rice rose, <a href='/rice'>traders</a> said.<br><br>"
        "Corn fell as<br>imports grew.</p><p>Fuel was steady.</p></body></html>"
    )
    article = parse_article(page.encode("utf-8"), "x.html")
    assert [p.text for p in article.paragraphs] == ["Rice rose, traders said.", "Corn fell as imports grew.", "Fuel was steady."]
    assert [(l.text, l.url) for l in article.links] == [("traders", "/rice")]


def test_html_without_body_text_is_refused():
    with pytest.raises(InputError, match="no body text"):
        parse_article(b"<html><body><nav><p>Home</p></nav><h1>Only a title</h1></body></html>", "x.html")


# ---------------------------------------------------------------- boilerplate lines


@pytest.mark.parametrize(
    "line",
    ["• Print", "  • Share", "Email story", "Comment on this story", "Print | Share | Email", "More Listening Options",
     "View Full Site", "ⓒ 자유아시아방송", "저작권자 ⓒ 자유아시아방송, 무단 전재 및 재배포 금지", "인쇄", "기사 공유하기",
     "Copyright © 1998-2012, RFA. Used with the permission of Radio Free Asia, 2025 M St. NW, Suite 300, Washington DC 20036.",
     "© 2024 Example News. All rights reserved."],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["Min added.", "The official refused to comment on the report.", "Share prices fell.", "He said he would print the letter.",
     "당국은 조사 결과를 공유하지 않았습니다.", "Printing presses were seized, the group said."],
)
def test_prose_is_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_caption_markers():
    assert is_caption_line("▲ 압록강변을 순찰하는 북한 경비대원들")
    assert is_caption_line("Guards stand at the border in Dandong. (AFP)")
    assert is_caption_line("[사진=연합뉴스] 북한 국경 초소")
    assert not is_caption_line("The guards were ordered to shoot, according to AFP.")


# ---------------------------------------------------------------- files


def test_read_article_errors(tmp_path):
    cases = {
        tmp_path / "missing.txt": "no such file",
        tmp_path: "is a directory",
    }
    (tmp_path / "empty.txt").write_bytes(b"")
    cases[tmp_path / "empty.txt"] = "empty file"
    (tmp_path / "blank.txt").write_bytes(b" \n\n \t\n")
    cases[tmp_path / "blank.txt"] = "no text"
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 8)
    cases[tmp_path / "junk.bin"] = "binary"
    (tmp_path / "title_only.txt").write_text("Just a Headline\n\n• Print\n")
    cases[tmp_path / "title_only.txt"] = "no body text"
    (tmp_path / "only_boilerplate.txt").write_text("• Print\n• Share\nView Full Site\n")
    cases[tmp_path / "only_boilerplate.txt"] = "only boilerplate"
    for path, problem in cases.items():
        with pytest.raises(InputError) as caught:
            read_article(path)
        assert str(caught.value).startswith(f"{path}: "), path
        assert problem in caught.value.problem, (path, caught.value.problem)


def test_korean_lead_ending_in_a_byline_is_body_not_dek(fake_credits):
    text = "\n".join([
        "북, 철도 현대화 공사 지지부진",
        "  • 인쇄",
        "  • 이메일 보내기",
        "댓글 달기",
        "북한이 선전해 온 철도 현대화 공사가 자재 부족으로 멈춰 선 것으로 알려졌습니다.",
        "최민아 기자가 보도합니다.",
        "현지 소식통은 \"침목만 쌓여 있다\"고 말했습니다.",
        "지금까지 자유아시아방송 최민아입니다.",
    ])
    article = ingest_text(text, "ko.txt")
    assert article.dek is None
    assert [p.text for p in article.paragraphs] == [
        "북한이 선전해 온 철도 현대화 공사가 자재 부족으로 멈춰 선 것으로 알려졌습니다.",
        "현지 소식통은 \"침목만 쌓여 있다\"고 말했습니다.",
    ]
    assert [(c.name, c.order) for c in article.credits] == [("최민아", 1)]


def test_html_kicker_and_date_paragraphs_are_not_body():
    page = (
        "<html><body><article><p class='kicker'><a href='/china/'>China</a></p><h1>Vigil Banned</h1>"
        "<p class='date'><time datetime='2024-06-04T22:40:00+08:00'>2024.06.04</time></p>"
        "<p>2024.06.04</p><p>Police banned the vigil for the fifth year, organisers said.</p></article></body></html>"
    )
    article = parse_article(page.encode("utf-8"), "v.html")
    assert article.title == "Vigil Banned"
    assert article.date == "2024-06-04"
    assert [p.text for p in article.paragraphs] == ["Police banned the vigil for the fifth year, organisers said."]


def test_paragraph_scraped_twice_is_kept_once_but_short_repeats_stay():
    text = "\n".join([
        "Council Votes",
        "The council voted to close the market after a long debate, members said.",
        "“No,” she said.",
        "The mayor objected.",
        "“No,” she said.",
        "The council voted to close the market after a long debate, members said.",
    ])
    assert [p.text for p in ingest_text(text).paragraphs] == [
        "The council voted to close the market after a long debate, members said.",
        "“No,” she said.", "The mayor objected.", "“No,” she said.",
    ]


@pytest.mark.parametrize(
    ("head_title", "expected"),
    [
        ("Rain Returns | Example", "Rain Returns"),
        ("Rain Returns - Example News", "Rain Returns"),
        ("North Korea - China Trade Falls", "North Korea - China Trade Falls"),
        ("북, 국경 경비 강화 - 자유아시아방송", "북, 국경 경비 강화"),
    ],
)
def test_title_element_loses_only_the_site_name(head_title, expected):
    page = f"<html><head><title>{head_title}</title></head><body><p>Officials met on Monday to discuss it.</p></body></html>"
    assert parse_article(page.encode("utf-8"), "x.html").title == expected


def test_html_byline_element_is_read_for_credits_not_body(fake_credits):
    page = (
        "<html><body><article><h1>Fuel Prices Rise</h1>"
        "<div class='byline'><span class='author'>Reported by Ri Kyong-hui for RFA's Korean service.</span></div>"
        "<p>Fuel prices rose for a third week, traders said.</p></article></body></html>"
    )
    article = parse_article(page.encode("utf-8"), "f.html")
    assert [p.text for p in article.paragraphs] == ["Fuel prices rose for a third week, traders said."]
    assert [(c.role, c.name, c.order) for c in article.credits] == [("reporter", "Ri Kyong-hui", 1)]
    assert article.credit_paragraphs == ["Reported by Ri Kyong-hui for RFA's Korean service."]


def test_importing_the_room_loads_no_heavy_module():
    code = "import sys, toolkit.ingest, toolkit.langid; print(sorted(m for m in ('lxml', 'langdetect') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo_root(), check=True)
    assert done.stdout.strip() == "[]"


# ---------------------------------------------------------------- any input: an Article or an InputError

_FRAGMENTS = st.sampled_from([
    "<p>", "</p>", "<h1>", "</h1>", "<br>", "<figure><figcaption>", "</figcaption></figure>", "<div class='share'>",
    "</div>", "<time datetime='2012-02-30'>", "<!DOCTYPE html>", "<html>", "&amp;", "&undefined;", "\n", "\n\n", "\r",
    "• Print", "Reported by Kim Joon-Ho for RFA's Korean service.", "북한 당국이 조사를 벌였습니다.", "Title", "ⓒ",
    "Copyright © RFA", "2012-02-21", "a", " ", "\x00", "\ufeff", "지금까지 자유아시아방송 김준호입니다.", "<title>", "</title>",
    "<a href='/x'>", "</a>", "<article>", "<script>", "Officials said on Monday that talks would resume.",
])


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_FRAGMENTS, max_size=25), st.sampled_from(["x.txt", "x.html"]))
def test_any_page_gives_an_article_or_an_input_error(parts, name):
    try:
        article = parse_article("".join(parts).encode("utf-8"), name)
    except InputError as error:
        assert "\n" not in str(error)
        return
    assert article.paragraphs and all(p.text.strip() == p.text and p.text for p in article.paragraphs)
    assert [c.order for c in article.credits] == list(range(1, len(article.credits) + 1))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_an_article_or_an_input_error(data):
    try:
        parse_article(data, "x.txt")
    except InputError as error:
        assert "\n" not in str(error)
