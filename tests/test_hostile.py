"""Hostile and huge input (issue 12): nothing hangs, nothing traces back, nothing is dropped silently."""

from __future__ import annotations

# =============================================================================================
# credits: the credit grammar runs in time linear in its input (issue 12, item 1), and bidi
# controls do not change what it finds (item 4). Every case runs under a Hypothesis per-case
# deadline; nothing here measures time itself.
# =============================================================================================

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.credits import extract_credits
from toolkit.credits.text import INVISIBLE

_NAMES = [f"Name{chr(65 + i % 26)}{chr(97 + i * 7 % 26)} Person{chr(65 + i * 3 % 26)}x" for i in range(400)]
_FORTY_AND = " and ".join(_NAMES[:40])
# pieces credit lines are made of, so that random paragraphs come close to every reader's paths
_PIECES = [
    "Reported", "Translated", "Written", "Edited", "Photo", "by", "By", "and", "with", "additional", "reporting",
    "for", "RFA's", "Korean", "Mandarin", "Cantonese", "Service", "services", "in", "Seoul", "contributed", "to",
    "this", "report", "Kim", "Joon-Ho", "Lee", "AP", "Photo/", "REUTERS/", "Getty", "Images", "(", ")", "[", "]",
    ",", ";", ":", "|", "/", "-", "—", ".", ". ", "  ", "\n", "@", "a@b.example", "2024", "Jan.", "03", "06:53",
    "홍길동", "기자", "기자가", "보도합니다", "입니다", "이현줍니다", "서울에서", "자유아시아방송", "(서울=연합뉴스)", "=",
    "에디터", "영상취재:", "·", "ⓒ", "연합뉴스", "2023.11.14", "AI", "translated", "the", "help", "of", "generative",
    "tools", "\u200f", "\u202e", "\u2066", "\u2069", "\u061c",
    # the intros, listings and photo forms of the second held-out set
    "Our", "correspondent", "starts", "us", "off", "has", "our", "top", "story", "reports", "from", "as", "VOA's",
    "Staff", "(Reuters)", "(UCAN):", "SEOUL", "authored", "originally", "appeared", "The", "following", "partner",
    "post", "- ", "(Mar 17, '15)", "<", ">", "Xinhua/", "Shutterstock", "credits", "PHOTO/", "Dr.", "Series",
    "Editor:", "───", "사진", "제공", "(목)", "디자인:", "소식을", "전해드립니다", "특파원입니다", "런던", "<앵커>", "<기자>",
]
_HOSTILE = settings(deadline=5000, max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _joined(pieces: list[str]) -> str:
    return " ".join(pieces)


@_HOSTILE
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3000).map(_joined))
@example(_FORTY_AND + " contributed")  # the audit's case: it hung the old grammar
@example(_FORTY_AND + " contributed to this report.")
@example(" and ".join(_NAMES) + " contributed to this report.")
@example("Reported by " + " and ".join(_NAMES) + " for RFA's Korean Service.")
@example("By " + ", ".join(_NAMES))
@example("Reported by A" + " " * 100_000 + "b.")
@example("a" * 200_000 + " b.")
@example("(" * 20_000 + "AP Photo/A B" + ")" * 20_000)
@example("Photo: " + "/".join(["Reuters"] * 20_000))
@example("a@" * 50_000)
@example("Nisha David" + " in A" * 20_000 + " contributed to this report")
@example("가" * 100_000 + "에서 홍길동 기자가 보도합니다")
@example(" ".join(["홍길동"] * 20_000) + " 기자")
@example("(서울=연합뉴스) " + "홍길동 " * 20_000 + "기자 = 본문.")
@example("Our " + "defense " * 5_000 + "correspondent Kim Ha-rin starts us off.")
@example("The vote" + ", as" * 10_000 + " VOA's Arlo Finch reports from Busan.")
@example(" | ".join(_NAMES) + " March 2, 2023")
@example("By " + "Ann Lee " * 5_000 + "SEOUL (Reuters) - Exports rose.")
@example("<" * 20_000 + "Xinhua/Tran Minh" + ">" * 20_000)
@example("- Clara Voss (" * 5_000 + "Apr 9, '14)")
@example("This content originally appeared on " + "x " * 10_000 + "and was authored by Mina Park.")
@example("자세한 소식을 " * 5_000 + "홍길동 기자가 보도합니다")
@example("(" * 20_000 + "=" * 20_000 + "홍길동 기자")
@example("풍기·" * 5_000 + "봉화=홍길동 기자")
def test_credit_parsing_answers_quickly_on_long_adversarial_paragraphs(paragraph: str) -> None:
    rest, found = extract_credits(paragraph)
    assert isinstance(rest, str)
    cleaned = paragraph.translate(INVISIBLE)
    squeezed = " ".join(cleaned.split())
    for credit in found:  # every name found is text of the paragraph (modulo spacing), never invented
        assert " ".join(credit.name.split()) in squeezed or credit.name in {"machine translation"}
    assert extract_credits(paragraph) == (rest, found)  # and the answer is deterministic


def test_forty_names_joined_by_and_are_forty_contributors() -> None:
    rest, found = extract_credits(_FORTY_AND + " contributed to this report.")
    assert rest == "" and [c.name for c in found] == _NAMES[:40]
    assert {c.role for c in found} == {"contributor"}


@_HOSTILE
@given(st.lists(st.sampled_from(["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                 "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\ufeff"]), min_size=1, max_size=8),
       st.integers(min_value=0, max_value=10_000))
def test_bidi_controls_anywhere_in_the_seed_credit_line_change_nothing(marks: list[str], seed: int) -> None:
    line = ("Reported by Kim Joon-Ho for RFA's Korean service. Translated by Kang Min Kyung. "
            "Written in English by Parameswaran Ponnudurai.")
    positions = sorted((seed * (k + 7919)) % (len(line) + 1) for k in range(len(marks)))
    marked = line
    for position, mark in zip(reversed(positions), marks):
        marked = marked[:position] + mark + marked[position:]
    _, found = extract_credits(marked)
    assert [(c.role, c.name, c.service) for c in found] == [
        ("reporter", "Kim Joon-Ho", "Korean"), ("translator", "Kang Min Kyung", None),
        ("writer", "Parameswaran Ponnudurai", None)]
