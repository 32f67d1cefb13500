"""Credit chains from English and Korean credit lines, and the held-out-style evaluation."""

from __future__ import annotations

import json
from pathlib import Path
from collections import Counter

import pytest

from conftest import repo_root
from toolkit.credits import SERVICE_LANGUAGES, extract_credits, join_korean_credits
from toolkit.model import ROLES, Credit

DATA = repo_root() / "tests" / "data"
GOLD = DATA / "credit_paragraphs.jsonl"
# written afterwards by someone who had not read the parser or its tests
BLIND = DATA / "credit_paragraphs_blind.jsonl"


def _gold(path: Path = GOLD) -> list[dict]:
    """Records {"text", "credits": [(role, name, service) as a list or an object]}."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in records:
        record["credits"] = [
            (c["role"], c["name"], c["service"]) if isinstance(c, dict) else tuple(c) for c in record["credits"]
        ]
    return records


def test_gold_set_is_large_and_varied():
    records = _gold()
    with_credits = [r for r in records if r["credits"]]
    assert len(with_credits) >= 60
    assert len(records) - len(with_credits) >= 15
    roles = {c[0] for r in records for c in r["credits"]}
    assert roles == set(ROLES)
    assert any(any("\uac00" <= ch <= "\ud7a3" for ch in r["text"]) for r in with_credits)


@pytest.mark.parametrize("path", [GOLD, BLIND], ids=["own", "blind"])
def test_micro_f1_on_held_out_style_paragraphs(path: Path):
    tp = fp = fn = 0
    for record in _gold(path):
        _, credits = extract_credits(record["text"])
        got = Counter((c.role, c.name, c.service) for c in credits)
        gold = Counter(record["credits"])
        hit = sum((got & gold).values())
        tp, fp, fn = tp + hit, fp + sum(got.values()) - hit, fn + sum(gold.values()) - hit
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    print(f"{path.name}: credits micro P={precision:.3f} R={recall:.3f} F1={f1:.3f} over {tp + fn} gold triples")
    assert f1 >= 0.95


def test_non_credit_paragraphs_are_left_untouched():
    for record in _gold():
        rest, credits = extract_credits(record["text"])
        if not record["credits"]:
            assert credits == [], record["text"]
            assert rest == record["text"].strip(), record["text"]
        if "rest" in record:
            assert rest == record["rest"]


def _seed_paragraphs() -> list[str]:
    text = (repo_root() / "fixtures" / "seed" / "en.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_seed_credit_chain_exactly():
    found: list[Credit] = []
    for paragraph in _seed_paragraphs():
        rest, credits = extract_credits(paragraph)
        if credits:
            assert rest == ""
        else:
            assert rest == paragraph  # body text, captions and boilerplate give no credits
        found += credits
    assert [c.as_dict() for c in found] == [
        {"role": "reporter", "name": "Kim Joon-Ho", "service": "Korean", "organization": "RFA", "language": "ko", "order": 0, "agent": "person"},
        {"role": "translator", "name": "Kang Min Kyung", "service": None, "organization": None, "language": None, "order": 0, "agent": "person"},
        {"role": "writer", "name": "Parameswaran Ponnudurai", "service": None, "organization": None, "language": None, "order": 0, "agent": "person"},
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("서울에서 김준호 기자가 보도합니다.", [("reporter", "김준호", None, None)]),
        ("지금까지 워싱턴에서 자유아시아방송 김준호입니다.", [("reporter", "김준호", "Korean", "RFA")]),
        ("자유아시아방송 강민경입니다.", [("reporter", "강민경", "Korean", "RFA")]),
        ("에디터 양성원", [("editor", "양성원", None, None)]),
        ("에디터 양성원, 웹팀 이경하", [("editor", "양성원", None, None), ("producer", "이경하", None, None)]),
    ],
)
def test_korean_forms_give_hangul_names(text, expected):
    rest, credits = extract_credits(text)
    assert rest == ""
    assert [(c.role, c.name, c.service, c.organization) for c in credits] == expected
    assert all(c.language == ("ko" if c.service else None) for c in credits)


def test_korean_byline_after_lead_sentence_keeps_the_lead():
    lead = "북한 당국이 탈북자 가족에 대한 대대적인 조사에 나섰습니다."
    rest, credits = extract_credits(f"{lead} 서울에서 김준호 기자가 보도합니다.")
    assert rest == lead
    assert [(c.role, c.name) for c in credits] == [("reporter", "김준호")]


def test_two_services_in_one_sentence_inherit_the_organization():
    _, credits = extract_credits(
        "Reported by Wong Siu-fung for RFA's Cantonese Service, and by Qiao Long for the Mandarin Service."
    )
    assert [(c.name, c.service, c.organization, c.language) for c in credits] == [
        ("Wong Siu-fung", "Cantonese", "RFA", "yue"),
        ("Qiao Long", "Mandarin", "RFA", "zh"),
    ]


def test_service_as_agent_and_language_codes():
    _, credits = extract_credits("Reported by RFA's Tibetan Service. Translated by RFA’s Uyghur Service.")
    assert [(c.role, c.name, c.service, c.organization, c.language) for c in credits] == [
        ("reporter", "RFA's Tibetan Service", "Tibetan", "RFA", "bo"),
        ("translator", "RFA’s Uyghur Service", "Uyghur", "RFA", "ug"),
    ]
    expected = {"Korean": "ko", "Mandarin": "zh", "Cantonese": "yue", "Tibetan": "bo", "Uyghur": "ug",
                "Khmer": "km", "Lao": "lo", "Vietnamese": "vi", "Burmese": "my", "Myanmar": "my"}
    for service, code in expected.items():
        _, credits = extract_credits(f"Reported by Jane Roe for RFA's {service} service.")
        assert (credits[0].service, credits[0].language) == (service, code)
        assert SERVICE_LANGUAGES[service.lower()] == code


def test_order_is_left_zero_and_roles_are_known():
    for record in _gold():
        for credit in extract_credits(record["text"])[1]:
            assert credit.order == 0 and credit.role in ROLES


def test_join_korean_credits_matches_the_same_people():
    _, en = extract_credits(
        "Reported by Kim Joon-Ho for RFA's Korean service. Translated by Kang Min Kyung. "
        "Written in English by Parameswaran Ponnudurai."
    )
    _, ko = extract_credits("서울에서 김준호 기자가 보도합니다.")
    joined = join_korean_credits(en, ko)
    assert [(c.name, c.name_ko) for c in joined] == [
        ("Kim Joon-Ho", "김준호"), ("Kang Min Kyung", None), ("Parameswaran Ponnudurai", None)
    ]
    assert en[0].name_ko is None  # the input chain is not modified


def test_join_does_not_pair_different_people():
    en = [Credit("reporter", "Lee Sang-hoon", "Korean", "RFA", "ko"), Credit("writer", "Joshua Lipes")]
    ko = [Credit("reporter", "김준호"), Credit("editor", "양성원")]
    assert all(c.name_ko is None for c in join_korean_credits(en, ko))


def test_join_person_with_two_roles_gets_the_name_in_both():
    _, en = extract_credits("Reported and translated by Moon Sung Hui for RFA Korean.")
    _, ko = extract_credits("지금까지 서울에서 자유아시아방송 문성휘입니다.")
    assert [c.name_ko for c in join_korean_credits(en, ko)] == ["문성휘", "문성휘"]


def test_every_credit_verb_and_korean_label_maps_to_a_known_role():
    from toolkit.credits import vocabulary

    assert set(vocabulary.ROLE_WORDS.values()) | {"contributor"} == set(ROLES)
    for table in (vocabulary.LABEL_NOUNS, vocabulary.KO_LABELS, vocabulary.KO_TITLES):
        assert set(table.values()) <= set(ROLES)
    _, found = extract_credits("Reported by Jane Roe for RFA's KOREAN service.")
    assert found[0].service == "Korean"


@pytest.mark.parametrize(
    "paragraph, names",
    [
        ("By Joshua Lipes", ["Joshua Lipes"]),
        ("By Joshua Lipes and Roseanne Gerin", ["Joshua Lipes", "Roseanne Gerin"]),
        ("by Kim Joon-Ho", ["Kim Joon-Ho"]),
    ],
)
def test_a_bare_byline_credits_the_writers(paragraph: str, names: list[str]) -> None:
    remainder, found = extract_credits(paragraph)
    assert remainder == ""
    assert [(c.role, c.name) for c in found] == [("writer", n) for n in names]


@pytest.mark.parametrize(
    "paragraph",
    [
        "By 2012, the market had grown threefold.",
        "By Monday.",
        "By the time police arrived, the crowd had left.",
        "The border was closed. By Friday, traders had found another route.",
    ],
)
def test_sentences_opening_with_by_are_not_bylines(paragraph: str) -> None:
    remainder, found = extract_credits(paragraph)
    assert found == []
    assert remainder == paragraph


def test_a_credit_after_a_dotted_acronym_is_found() -> None:
    """"the U.S. Translated by" ends a sentence, as toolkit.segment cuts it: the credit is not lost."""
    kept, credits = extract_credits("The film opened in the U.S. Translated by Kim Min-su.")
    assert kept == "The film opened in the U.S."
    assert [(c.role, c.name) for c in credits] == [("translator", "Kim Min-su")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Protesters rallied outside the embassy on Feb. 21, 2012. Reported by Kim Jun. Translated by Lee Ha-na.",
        "The film opened in the U.S. Japan followed in Sept. 2011. Written by Dr. Park Ji-min.",
        "Shares of Hanjin Shipping Co. The company said it would recover. Edited by J. R. Lee.",
    ],
)
def test_credit_sentences_are_cut_like_segment(paragraph: str) -> None:
    from toolkit.credits.sentences import sentence_spans
    from toolkit.segment import split_english

    assert [paragraph[a:b].strip() for a, b in sentence_spans(paragraph)] == split_english(paragraph)


@pytest.mark.parametrize(
    "paragraph, names",
    [
        ("Nisha David in Kuala Lumpur contributed to this report.", ["Nisha David"]),
        ("Ahmad Syamsudin in Jakarta and Ronna Nirmala contributed to this report.", ["Ahmad Syamsudin", "Ronna Nirmala"]),
        ("Reuters contributed to this report.", ["Reuters"]),
    ],
)
def test_contributed_to_this_report_is_a_contributor_credit(paragraph: str, names: list[str]) -> None:
    remainder, found = extract_credits(paragraph)
    assert remainder == ""
    assert [(c.role, c.name) for c in found] == [("contributor", n) for n in names]


@pytest.mark.parametrize(
    "paragraph",
    ["Local officials contributed to this report.", "He said the police contributed to this report."],
)
def test_contributed_needs_named_agents(paragraph: str) -> None:
    assert extract_credits(paragraph) == (paragraph, [])
