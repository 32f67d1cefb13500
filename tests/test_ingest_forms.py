"""One article in the forms files and pages really come in: Korean in decomposed jamo (NFD, as
macOS file systems and some CMS exports write it), mixed with composed text, written as HTML
character references, or broken by zero-width marks; separator lines of any length. Each reads
as its plain composed form does, and what reading changed or left out is said."""

from __future__ import annotations

import unicodedata

import pytest

from toolkit.ingest import parse_article

# made up, as a broadcaster's Korean service writes a short report
KOREAN = """북, 국경 밀수 단속 강화

북한 당국이 이달 들어 양강도 국경 지역의 밀수 단속을 크게 강화했다고 현지 소식통이 전했습니다. 한지민 기자가 보도합니다.

양강도의 한 소식통은 지난 15일 자유아시아방송에 "혜산시 강변에 경비 초소가 새로 세워졌다"고 말했습니다.

이 소식통은 "밀수로 생계를 잇던 주민들이 장사를 못 해 쌀값을 걱정하고 있다"고 덧붙였습니다.

지금까지 자유아시아방송 한지민입니다.
"""

ENGLISH = """Border smuggling crackdown tightens

North Korean authorities have sharply stepped up a crackdown on smuggling along the border in Ryanggang province this month, a local source said.

New guard posts have gone up along the river in Hyesan, the source told RFA on the 15th.

Reported by Han Ji-min for RFA's Korean Service. Translated by Park Se-young. Written in English by Tom Reilly.
"""


def _html(text: str, escape=lambda paragraph: paragraph) -> bytes:
    paragraphs = text.strip().split("\n\n")
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs[1:])
    return f"<html><head><title>{escape(paragraphs[0])}</title></head><body>{body}</body></html>".encode()


def _references(text: str) -> str:
    """Every Hangul jamo as a numeric character reference (&#x1112;): what decoding the page cannot
    compose, since the references become characters only when the HTML is parsed."""
    return "".join(f"&#x{ord(c):x};" if "\u1100" <= c <= "\u11ff" else c for c in text)


def _read(data: bytes, source: str):
    article = parse_article(data, source)
    return [p.text for p in article.paragraphs], article.credits, article.title


def test_decomposed_korean_in_character_references_reads_as_composed_text():
    """The references were decoded after the text was composed: every paragraph stayed NFD, the
    sign-off "자유아시아방송 한지민입니다" credited nobody and the segmenter met bare jamo."""
    nfd = unicodedata.normalize("NFD", KOREAN)
    paragraphs, credits, title = _read(_html(nfd, _references), "ko.html")
    assert (paragraphs, credits, title) == _read(_html(KOREAN), "ko.html")
    assert credits and all(unicodedata.is_normalized("NFC", p) for p in paragraphs)


def test_a_decomposed_or_mixed_file_reads_as_composed_and_the_change_is_recorded():
    """NFD text was composed in silence: the archive then holds other code points than the file."""
    plain = parse_article(KOREAN.encode(), "ko.txt")
    lines = KOREAN.split("\n")
    mixed = "\n".join(unicodedata.normalize("NFD", line) if n % 4 == 2 else line for n, line in enumerate(lines))
    for text in (unicodedata.normalize("NFD", KOREAN), mixed):
        article = parse_article(text.encode(), "ko.txt")
        assert [p.text for p in article.paragraphs] == [p.text for p in plain.paragraphs]
        assert article.credits == plain.credits and article.title == plain.title
        assert len(article.warnings) == 1 and article.warnings[0].startswith(
            "ko.txt: text in decomposed Unicode (NFD) was composed (NFC) on reading: ")
    assert plain.warnings == []


def test_a_hanja_that_cp949_gives_as_a_compatibility_ideograph_is_not_called_decomposed():
    """KS X 1001 holds 金 twice (read 금 and 김): CP949 decodes the surname's code to U+F90A, which NFC
    replaces by U+91D1. The file held no decomposed Korean: the note had said "NFD … 0 fewer characters"."""
    text = KOREAN.replace("북한 당국이", "\uf90a正恩 국무위원장의 지시로 북한 당국이")
    article = parse_article(text.encode("cp949"), "ko.txt")
    assert "金正恩" in article.paragraphs[0].text
    assert article.warnings == ["ko.txt: 1 character replaced by canonical equivalents (NFC) on reading "
                                "(CJK compatibility ideographs, signs such as the ohm sign)"]
    both = unicodedata.normalize("NFD", KOREAN).replace("\u1107", "\uf90a\u1107", 2)  # decomposed Korean too
    assert [w.split(": ", 1)[1].split("; ") for w in parse_article(both.encode(), "ko.txt").warnings] == [[
        f"text in decomposed Unicode (NFD) was composed (NFC) on reading: {len(both) - len(KOREAN) - 2:,} "
        "fewer characters than the file",
        "2 characters replaced by canonical equivalents (NFC) on reading (CJK compatibility ideographs, "
        "signs such as the ohm sign)"]]


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_zero_width_marks_inside_words_and_names_change_nothing(mark):
    """A zero-width space or joiner inside 한지민, 밀수 or Han Ji-min, in a file or as a reference in HTML."""
    marked_ko = KOREAN.replace("한지민", f"한{mark}지{mark}민").replace("밀수", f"밀{mark}수")
    marked_en = ENGLISH.replace("Han Ji-min", f"Han{mark} Ji{mark}-min").replace("smuggling", f"smug{mark}gling")
    for plain, marked in ((KOREAN, marked_ko), (ENGLISH, marked_en)):
        assert _read(marked.encode(), "a.txt") == _read(plain.encode(), "a.txt")
        as_reference = marked.replace(mark, f"&#x{ord(mark):x};")
        assert _read(_html(as_reference), "a.html") == _read(_html(plain), "a.html")


@pytest.mark.parametrize("mark", ["-", "*", "·", "■"])
def test_a_long_run_of_separator_marks_is_left_out_with_a_warning(mark):
    """A line of 3,000 "-", "*", "·" or "■" was taken for share-button debris and dropped without
    the warning any other letterless paragraph of that length gets; after a line ending in "and" it
    must not be joined to that paragraph either (it is no wrapped line), nor the next line to it."""
    run = mark * 3000
    article = parse_article(ENGLISH.replace("\n\nNew guard", f"\n\n{run}\n\nNew guard").encode(), "en.txt")
    assert article.warnings == ["en.txt: line 5: a paragraph of 3,000 characters with no letter or digit was left out"]
    wrapped = ENGLISH.replace("a local source said.", f"and\n{run}\nthe source said.")
    article = parse_article(wrapped.encode(), "en.txt")
    assert all(mark * 10 not in p.text for p in article.paragraphs)
    assert article.warnings == ["en.txt: line 4: a paragraph of 3,000 characters with no letter or digit was left out"]
    short = parse_article(ENGLISH.replace("\n\nNew guard", f"\n\n{mark * 3}\n\nNew guard").encode(), "en.txt")
    assert short.warnings == [] and all(p.text != mark * 3 for p in short.paragraphs)
