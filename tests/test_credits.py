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
# one or more paragraphs for every credit form of issue 8 (wires, bylines, labels, photo credits,
# machine translation, Korean datelines and sign-offs), written here, plus look-alikes that are not credits
FORMS = DATA / "credit_forms.jsonl"


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


@pytest.mark.parametrize("path", [GOLD, BLIND, FORMS], ids=["own", "blind", "forms"])
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


@pytest.mark.parametrize(
    ("surname", "outlet", "signoff", "name"),
    [("Kim", "KBS", "이현줍니다", "이현주"), ("Lee", "YTN", "김하늘 기자입니다.", "김하늘"),
     ("Park", "MBC", "윤다솜 기자가 보도합니다.", "윤다솜")],
)
def test_a_romanized_surname_before_a_signoff_is_no_outlet(surname: str, outlet: str, signoff: str, name: str) -> None:
    """A short title-case word is a surname, not a broadcaster: it never becomes the credit's outlet,
    and it stays in the text. The same sign-off after a real broadcaster is read, so the check on the
    surname cannot pass merely because the sign-off went unread."""
    _, found = extract_credits(f"{outlet} {signoff}")
    assert [(c.name, c.organization) for c in found] == [(name, outlet)]
    rest, found = extract_credits(f"{surname} {signoff}")
    assert all(c.organization != surname for c in found) and surname in rest


def test_a_regional_station_is_the_outlet_and_its_region_no_name() -> None:
    """"mbc 경남" as MBC's Gyeongnam station signs a relayed report: the region is part of the outlet,
    neither a name nor text left behind."""
    rest, found = extract_credits("통영항 여객선 운항이 재개됐습니다. mbc 경남 윤다솜 기자가 보도합니다.")
    assert [(c.role, c.name, c.organization) for c in found] == [("reporter", "윤다솜", "MBC")]
    assert rest == "통영항 여객선 운항이 재개됐습니다."


def test_every_form_gives_its_credits_agents_and_remainder_exactly():
    """Each record of the forms set: the exact credits (with their kind of agent) and what stays in the body."""
    records = [json.loads(line) for line in FORMS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) >= 80 and sum(1 for r in records if not r["credits"]) >= 20
    wrong = []
    for record in records:
        rest, found = extract_credits(record["text"])
        got = sorted((c.role, c.name, c.service, c.agent) for c in found)
        want = sorted((c["role"], c["name"], c["service"], c["agent"]) for c in record["credits"])
        if got != want or rest != record["rest"]:
            wrong.append((record["form"], record["text"], rest, got))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("By RFA Staff", "organization"),
        ("Reported by RFA's Tibetan Service.", "organization"),
        ("Photo: Yonhap", "organization"),
        ("Translated with the help of DeepL and edited by Ha Na-rae.", "software"),
        ("Reported by Kim Joon-Ho for RFA's Korean service.", "person"),
    ],
)
def test_agent_says_what_kind_of_agent_the_first_credit_names(text, agent):
    _, found = extract_credits(text)
    assert found and found[0].agent == agent


@pytest.mark.parametrize(
    "paragraph",
    [
        "탈북자 김 씨는 지난해 봄 중국을 거쳐 한국에 들어왔다고 말했습니다.",
        "이 씨는 \"단속이 심해 장사를 접었다\"고 말했습니다.",
        "함경북도의 한 주민은 김정숙 씨가 지난달 체포됐다고 전했습니다.",
        "평양 주민 박모 씨는 전기가 하루 두 시간만 들어온다고 전했습니다.",
        "김성민 자유북한방송 전 대표 인터뷰 두 번째 편입니다.",
        "북한에 계신 청취자 여러분 안녕하십니까? 미국의 수도 워싱턴에서 보내드리는 RFA 자유아시아방송입니다.",
        "조현우 기자의 취재 과정을 함께 따라가 보시죠.",
        "\"그렇게 쉽게 넘어갈 수 있다고요?\"(탈북 작가 김주성 씨)",
        "The AP bureau will be staffed by reporter Pak Won Il and photographer Kim Kwang Hyon.",
        "Meduza is edited by Galina Timchenko, who left her old post in March.",
        "Many of the tweets have been translated to English by fellow Twitter users.",
    ],
)
def test_names_mentioned_in_a_story_are_never_credits(paragraph):
    assert extract_credits(paragraph) == (paragraph, [])


def test_bidi_marks_in_a_credit_line_do_not_drop_credits():
    line = ("Reported by Kim\u200f Joon-Ho for RFA\u2019s Korean service.\u202e Translated by \u2066Kang Min Kyung\u2069. "
            "Written in English by Parameswaran\u061c Ponnudurai.")
    _, found = extract_credits(line)
    assert [(c.role, c.name) for c in found] == [
        ("reporter", "Kim Joon-Ho"), ("translator", "Kang Min Kyung"), ("writer", "Parameswaran Ponnudurai")]
    assert not any(ch in c.name for c in found for ch in "\u200f\u202e\u2066\u2069\u061c")


def test_caption_credits_credit_the_photographer_and_leave_the_caption():
    from toolkit.ingest.assemble import Draft, Piece, finish

    draft = Draft(source="x.html", title="T", captions=["Workers at the port on Monday. (AP Photo/Rina Castell)",
                                                         "(서울=연합뉴스) 홍길동 기자 = 14일 시민들이 걷고 있다. 2023.11.14 gildong@paper.example"],
                  pieces=[Piece("The port reopened on Monday after a week of strikes, officials said.")])
    article = finish(draft)
    assert article.captions == ["Workers at the port on Monday.", "14일 시민들이 걷고 있다."]
    assert [(c.role, c.name, c.organization) for c in article.credits] == [
        ("photographer", "Rina Castell", "AP"), ("photographer", "홍길동", "Yonhap")]


def test_an_agency_closing_a_story_is_its_writer_and_closing_a_caption_its_photographer():
    """Every studied gold set credits an agency that closes a story as its writer (six times, none as
    reporter, which the gold keeps for a dateline's "SEOUL (Yonhap) --")."""
    story = ("The ministry said on Tuesday that exports rose for a second month in a row, led by chips and cars, "
             "and that it expected the trend to continue into next year as demand from China recovered and "
             "shipping costs fell back to levels last seen before the pandemic. (Yonhap)")
    rest, found = extract_credits(story)
    assert rest == story[: -len(" (Yonhap)")] and [(c.role, c.agent) for c in found] == [("writer", "organization")]
    _, found = extract_credits("Delegates arrive for the talks on Tuesday. (Yonhap)")
    assert [(c.role, c.agent) for c in found] == [("photographer", "organization")]


@pytest.mark.parametrize("line", ["Translated a@b.example Translated", "Mara news@paper.example Ellison",
                                  "Mara https://paper.example/a Ellison"])
def test_words_on_either_side_of_an_address_are_never_one_name(line):
    _, found = extract_credits(line)
    assert all(c.name in line for c in found)  # a name is text of the line, not words joined across the address


def test_a_name_beside_its_address_or_read_time_is_still_its_byline():
    _, found = extract_credits("Mara Ellison mara@paper.example")
    assert [(c.role, c.name) for c in found] == [("writer", "Mara Ellison")]
    _, found = extract_credits("Mara Ellison | https://paper.example/a | 3 min read")
    assert [(c.role, c.name) for c in found] == [("writer", "Mara Ellison")]


def test_blank_text_is_no_byline_name_and_a_labelled_byline_of_blanks_ends_nowhere() -> None:
    """The strict name test and the glued-byline reader answer on blank words (they raised
    IndexError: the first word was read before the words were counted)."""
    from toolkit.credits import _labelled_byline_end
    from toolkit.credits.widgets import is_byline_name

    assert is_byline_name("") is False and is_byline_name("   ") is False
    assert _labelled_byline_end("Written by    The ferry left Busan at dawn with forty people aboard.") is None
    end = len("Written by Lea Moreau")
    assert _labelled_byline_end("Written by Lea Moreau The ferry left Busan at dawn.") == (end, end)
    # a class year after the name is dropped: the name ends before it, the lede starts after it
    year = "By Lea Moreau ’19 After the ferry left Busan at dawn, the port closed."
    assert _labelled_byline_end(year) == (len("By Lea Moreau"), len("By Lea Moreau ’19"))


@pytest.mark.parametrize("head, credited", [
    ("HBN", ["Mara Ellison", "Tomas Weller"]),  # an outlet's label heads the column: its bylines
    ("", ["Mara Ellison", "Tomas Weller"]),
    ("The shortlist, announced on Monday, reads:", []),  # prose heads it: a story's list of names
])
def test_a_column_of_names_on_a_stamp_is_bylines_only_under_nothing_or_an_outlet(head: str, credited: list[str]) -> None:
    from toolkit.credits import rule_credits
    paragraph = f"{head}\n\nMara Ellison\n\nTomas Weller\n\nUpdated: 7:41pm, 3 Mar, 2024".strip()
    rest, found = rule_credits(paragraph)
    assert [c.name for c in found] == credited
    assert (rest == paragraph) == (not credited)


@pytest.mark.parametrize(("name", "kept"), [
    ("Staff Sgt. Rusty Frank", "Rusty Frank"),
    ("U.S. Army Col. Sam Lee", "Sam Lee"),
    ("Petty Officer 2nd Class Ana Reyes", "Ana Reyes"),
    ("Major League Baseball", "Major League Baseball"),  # spelled-out ranks are words of names
    ("General Motors", "General Motors"),
    ("Sgt. Pepper", "Sgt. Pepper"),  # one word after the rank: no person's name to keep
])
def test_a_rank_before_a_name_is_not_part_of_it(name: str, kept: str) -> None:
    from toolkit.credits.agents import without_rank

    assert without_rank(name) == kept


def test_an_outlet_under_a_byline_is_the_writers_organization_not_a_credit() -> None:
    """"By A\\nReuters": where A works. A dateline's agency below still reports, and an agency alone is its credit."""
    _, found = extract_credits("By Rowan Pike\nReuters")
    assert [(c.role, c.name, c.organization) for c in found] == [("writer", "Rowan Pike", "Reuters")]
    _, found = extract_credits("By Rowan Pike\nCNN\nSEOUL (CNN) — The talks ended on Friday.")
    assert ("reporter", "CNN") in [(c.role, c.name) for c in found]
    _, found = extract_credits("Reuters")
    assert [(c.role, c.name) for c in found] == [("writer", "Reuters")]


def test_the_learned_pass_names_no_title_with_its_particle_nor_a_passives_agent() -> None:
    from toolkit.credits.learned import _after_other_verb, _may_name
    from toolkit.credits.learned.candidates import Candidate

    assert not _may_name("기자가", set()) and not _may_name("특파원이", set()) and _may_name("김하늘", set())
    text = "Printed by Harbour Press Ltd,\nDockside Works, Port Albany"
    k = text.index("Dockside Works")
    assert _after_other_verb(text, Candidate("Dockside Works", k, k + 14, 0, 0))
    text = "Photo released by Korean Central News Agency"
    k = text.index("Korean")
    assert not _after_other_verb(text, Candidate("Korean Central News Agency", k, len(text), 0, 0))


@pytest.mark.parametrize(("paragraph", "credited"), [
    ("출하량도 크게 늘었다. 다만 철... [이소연]", ["이소연"]),  # a listing's lede, cut mid-word and signed
    ("이 장관은 잠시 말을 잇지 못했다... [정적]", []),  # a transcript's cue after a finished sentence
    ("참석자들은 다 함께 노래를 불렀다... [노래]", []),
    ("그는 두 팔을 들고 외쳤다... [함성]", []),
])
def test_a_bracketed_word_after_an_ellipsis_signs_only_a_cut_lede(paragraph: str, credited: list[str]) -> None:
    _, found = extract_credits(paragraph)
    assert [c.name for c in found] == credited


@pytest.mark.parametrize("paragraph", [
    "그는 1990년대 초 북한을 떠난 것으로 알려져 있다. /김민수 기자",
    "시장의 관심은 온통 다음 달 금리 결정에 쏠려 있다. /김민수 기자",
    "이번 협상에는 두 나라의 이해관계가 복잡하게 얽혀 있다.\n김민수 기자 minsu@example.com",
    "정부의 초점은 물가 안정에 맞춰져 있다.\n\n김민수 기자",
])
def test_a_story_closing_on_an_abstract_held_state_is_signed_by_its_reporter(paragraph: str) -> None:
    """"…것으로 알려져 있다." ends stories, not captions: the name under it reports, it took no photo."""
    _, found = extract_credits(paragraph)
    assert [(c.role, c.name) for c in found] == [("reporter", "김민수")]


@pytest.mark.parametrize(("paragraph", "credited"), [
    ("어선 한 척이 너울성 파도에 전복됐습니다. 주말 사건·사고 안진우 기자입니다.", ["안진우"]),  # a rubric, then the sign-off
    ("오늘 시상식의 주인공을 소개합니다. 신임 회장 김하늘 기자입니다. 그는 20년 동안 현장을 지켰습니다.", []),
    ("사진 가운데가 저희 가족입니다. 우리 엄마 박정숙 기자입니다.", []),
    ("올해 최우수상의 영예는 한 방송사 기자에게 돌아갔습니다. 올해 수상자 김하늘 기자입니다.", []),
])
def test_a_position_or_kin_before_a_titled_name_identifies_it_and_signs_nothing(paragraph: str,
                                                                                  credited: list[str]) -> None:
    """"주말 사건·사고 A 기자입니다": a rubric before the sign-off; "신임 회장 A 기자입니다": who A is."""
    _, found = extract_credits(paragraph)
    assert [c.name for c in found] == credited


@pytest.mark.parametrize("paragraph", [
    "By Kim Tong-hyung\nYonhap\nPhoto: Yonhap",
    "By Rowan Pike\nAssociated Press\nPhoto: Associated Press",
    "By Rowan Pike\nReuters\nA crane lifts a container at Busan port on Monday. (Reuters)",
])
def test_an_outlet_under_a_byline_leaves_the_outlets_photo_credit_below(paragraph: str) -> None:
    """The outlet under the byline is the writer's organization; the same outlet credited for a photo
    further down is a credit of its own and stays."""
    _, found = extract_credits(paragraph)
    got = [(c.role, c.agent) for c in found]
    assert ("photographer", "organization") in got and got.count(("writer", "organization")) == 0
    assert found[0].role == "writer" and found[0].organization is not None


def test_an_outlet_under_a_byline_named_again_in_the_story_is_no_photo_credit() -> None:
    _, found = extract_credits("By Rowan Pike\nReuters\nThe talks ended on Friday, Reuters reported.")
    assert [(c.role, c.name, c.organization) for c in found] == [("writer", "Rowan Pike", "Reuters")]


@pytest.mark.parametrize(("paragraph", "roles"), [
    # the wire's photo caption: the picture's date stamp, then the photographer's address or the wire
    ("[부산=뉴시스] 하은결 기자 = 5일 오전 부산 해운대해수욕장에서 시민들이 새해 첫 해돋이를 보고 있다. "
     "2025.01.05. eungyeol@newsis.example", [("photographer", "하은결")]),
    ("(수원=뉴스1) 남궁민 기자 = 경기 수원시 팔달문 앞이 관광객으로 붐비고 있다. 2024.10.3/뉴스1", [("photographer", "남궁민")]),
    # a written story closes with the address alone
    ("[부산=뉴시스] 하은결 기자 = 부산시가 해수욕장 개장을 일주일 앞당긴다고 5일 밝혔다. eungyeol@newsis.example",
     [("reporter", "하은결")]),
    # the caption credits a picture of its own: the staff member wrote the caption, the source took the picture
    ("[안동=뉴스핌] 류하진 기자 = 권순태 안동시장이 3일 오전 하회마을에서 관광객들과 인사를 나누고 있다."
     "[사진=안동시] 2023.10.03 hajin@newspim.example", [("photographer", "안동시"), ("reporter", "류하진")]),
])
def test_a_wire_caption_closed_by_the_pictures_date_credits_its_staff_as_photographer(paragraph: str, roles) -> None:
    _, found = extract_credits(paragraph)
    assert sorted((c.role, c.name) for c in found) == roles


@pytest.mark.parametrize(("line", "credited"), [
    ("폭염 속 쪽방촌 주민들…\"선풍기 한 대로 버텨요\" / MBC 2023.08.02.", [("writer", "MBC")]),
    ("청주 도심 하천 정비 \"주민 의견부터 들어야\"ㅣKBS청주NEWS", [("writer", "KBS청주")]),
    ("서울 아파트값 3주 연속 상승 / 부동산원", []),  # an agency of the state, no broadcaster
    ("Seoul apartment prices rise for third week / KBS", []),  # a headline in Korean only
])
def test_a_broadcasters_clip_title_credits_the_broadcaster_as_writer(line: str, credited) -> None:
    _, found = extract_credits(line)
    assert [(c.role, c.name) for c in found] == credited


@pytest.mark.parametrize("paragraph", [
    # a story's last sentence that ends on a dotted date (a law's effective day, a deadline, a data cut-off)
    "[세종=뉴시스] 김하진 기자 = 정부가 개정 시행령을 공포했다. 시행일은 2025. 1. 1. hajin@newsis.example",
    "(서울=연합뉴스) 김민수 기자 = 통계청이 3월 고용동향을 내놨다. 자료 기준일 2024.3.31. minsu@yna.example",
    "[서울=뉴스핌] 박지훈 기자 = 금융위원회는 16일 제도 개선안을 내놨다. 적용 시점은 2025.01.01 jh@newspim.example",
    "(서울=뉴스1) 김민지 기자 = 서울시가 공모전 결과를 발표했다. 접수 마감 2024.6.30 / 서울시",
])
def test_a_wire_story_whose_last_sentence_ends_on_a_date_keeps_its_reporter(paragraph: str) -> None:
    # the picture's stamp follows the caption's finished sentence; a date inside the sentence is the story's
    _, found = extract_credits(paragraph)
    assert [c.role for c in found] == ["reporter"]


@pytest.mark.parametrize("line", [
    "예능 '동네 한 바퀴' 출연진 단체 사진 / KBS",
    "25일 서울 광화문광장에서 열린 촛불집회 모습 / JTBC",
    "드라마 '별이 빛나는 밤' 방송화면 캡처 / MBC",
    # listings that name broadcasters after a slash: no headline
    "2026 월드컵 예선 한국-일본전 중계 KBS / MBC / SBS",
    "남북 정상회담 생중계 / KBS / MBC",
    "▲오후 8시 가요무대 / KBS",
    "문의: 홍보팀 02-123-4567 / EBS",
])
def test_a_caption_or_a_listing_closed_by_a_broadcaster_is_no_clip_title(line: str) -> None:
    # a caption ends on its picture's noun (사진, 모습, 캡처): the broadcaster gave the picture, wrote nothing
    _, found = extract_credits(line)
    assert not any(c.role == "writer" for c in found)


def test_a_broadcasters_picture_under_a_caption_stays_its_photo_credit() -> None:
    _, found = extract_credits("예능 '동네 한 바퀴' 출연진 단체 사진 / KBS")
    assert [(c.role, c.name) for c in found] == [("photographer", "KBS")]


@pytest.mark.parametrize(("line", "credited"), [
    # "You" is how some Koreans named 유 write their surname: a pronoun is no name alone, a surname in one
    ("By You Hee-yeol", [("writer", "You Hee-yeol")]),
    ("Reporting by You Seung-ho; Editing by Kim Min-ji", [("reporter", "You Seung-ho"), ("editor", "Kim Min-ji")]),
    ("[Translated by Me, April 2016]", []),
])
def test_a_pronoun_is_no_name_alone_but_you_is_a_korean_surname(line: str, credited) -> None:
    _, found = extract_credits(line)
    assert sorted((c.role, c.name) for c in found) == sorted(credited)


@pytest.mark.parametrize("paragraph", [
    ("South Korea's exports fell for the 12th consecutive month in September due to a prolonged slump in chip "
     "demand, data showed Sunday. Outbound shipments came to $54.6 billion last month, down 4.4 percent from a year "
     "earlier. Imports fell 16.5 percent to $50.9 billion, leaving a trade surplus of $3.7 billion, the fourth "
     "straight month of surplus. Yonhap"),
    ("North Korea fired a short-range ballistic missile into the East Sea early Sunday, in its latest provocation, "
     "the Joint Chiefs of Staff (JCS) announced. The launch came days after the allies wrapped up joint drills. "
     "It is the third such launch this month. (Yonhap)"),
])
def test_a_reported_story_past_a_short_captions_length_closed_by_an_agency_is_its_writing(paragraph: str) -> None:
    # a caption's background sentences report no one ("data showed", "announced"): a story does
    _, found = extract_credits(paragraph)
    assert [(c.role, c.name) for c in found] == [("writer", "Yonhap")]


@pytest.mark.parametrize(("paragraph", "credited"), [
    # 이미지 is a label ("[이미지=…]") and a given name with the surname 이: before a title it is the reporter
    ("[서울=뉴시스] 이미지 기자 = 서울시가 내년 예산안을 발표했다.", [("reporter", "이미지")]),
    ("이미지 기자 mj@paper.example", [("reporter", "이미지")]),
])
def test_a_reporter_named_like_a_label_keeps_her_name(paragraph: str, credited) -> None:
    _, found = extract_credits(paragraph)
    assert [(c.role, c.name) for c in found] == credited


def test_a_sentence_read_in_another_paragraph_gives_fresh_credits():
    line = "Reported by Kim Joon-ho for RFA's Korean service. Translated by Yoon So-ra."
    _, first = extract_credits(line)
    first[0].name = "changed by a caller"
    _, again = extract_credits(f"Officials gave no figures. {line}")
    assert [(c.role, c.name) for c in again] == [("reporter", "Kim Joon-ho"), ("translator", "Yoon So-ra")]


@pytest.mark.parametrize(
    "line",
    [
        "한강 풍경 오태성 선임기자 taesung@paper.example",
        "강변 풍경 오태성 선임기자taesung@paper.example",
        "임진강 하구 오태성 선임기자 taesung@paper.example",
    ],
)
def test_words_of_a_picture_title_before_a_byline_are_never_names(line: str) -> None:
    """"팽목항 풍경 A 선임기자 a@b": a photo page's title, then its byline; the title's words stand before
    the name as a list of names would, but they are no names (the byline's role is left to the caption)."""
    _, found = extract_credits(line)
    assert {c.name for c in found} <= {"오태성"}


def test_names_listed_before_one_title_are_all_credited() -> None:
    """The look-alike of the test above: three-syllable names before one title are a list of reporters."""
    _, found = extract_credits("한지우 오태성 기자 desk@paper.example")
    assert [(c.role, c.name) for c in found] == [("reporter", "한지우"), ("reporter", "오태성")]


def test_a_long_run_of_spaces_after_a_page_button_word_is_read_at_once() -> None:
    """The picture button's pattern once began with a run of blanks: 50,000 spaces cost 9.5 s (every
    start in the run rescanned it)."""
    import time

    start = time.process_time()
    rest, _ = extract_credits("사진 보기" + " " * 50_000 + "끝")
    assert time.process_time() - start < 2
    assert rest.endswith("끝")


def test_a_run_of_caption_marks_is_read_once_not_mark_by_mark() -> None:
    """A caption mark over a credit line is read by reading the line without it: a page of 25,000 marks
    once recursed mark by mark past Python's limit."""
    _, credits = extract_credits("▲ " * 25_000 + "사진=한빛방송")  # (no RecursionError)
    assert [c.name for c in credits] == ["한빛방송"]  # as main read it
    assert [c.name for c in extract_credits("▲ 사진=MBC 방송화면 캡처")[1]] == ["MBC"]


@pytest.mark.parametrize("part", ["진행", "사회", "출연", "조사"])
def test_a_part_played_before_a_slash_under_a_caption_is_no_place(part: str) -> None:
    """"부산/A 기자" under a caption names where the picture was taken, so A took it; "진행/A 기자" names
    the host, not a place: A is no photographer."""
    _, found = extract_credits(f"시민들이 광장에 모여 촛불을 들고 있다.\n{part}/윤다솜 기자")
    assert ("photographer", "윤다솜") not in [(c.role, c.name) for c in found]
    _, placed = extract_credits("시민들이 광장에 모여 촛불을 들고 있다.\n부산/윤다솜 기자")
    assert [(c.role, c.name) for c in placed] == [("photographer", "윤다솜")]


@pytest.mark.parametrize(
    "headline", ["서울 아파트값 하락", "한은, 기준금리 0.25%p 인상", "공모전 접수 마감", "국회 예산안 표결"])
def test_a_headline_run_into_its_widget_keeps_its_last_word_out_of_the_names(headline: str) -> None:
    """"… 집값 하락 2023-05-02 A 기자": the headline's last word before the widget's stamp has a name's
    shape (하, 인, 마, 표 are surnames) but the widget names only A; the headline stays whole."""
    rest, credits = extract_credits(f"{headline} 2023-05-02 윤서준 기자")
    assert [(c.role, c.name) for c in credits] == [("reporter", "윤서준")]
    assert rest == headline


@pytest.mark.parametrize(
    ("text", "name", "agent"),
    [
        ("(사진=서울시)", "서울시", "organization"),
        ("[사진=파주시]", "파주시", "organization"),
        ("(사진=한빛시)", "한빛시", "organization"),
        ("(사진=한빛시 제공) 한빛시가 5일 새 버스 노선을 발표했다.", "한빛시", "organization"),
        ("(사진=서울시)서울시가 5일 새 버스 노선을 발표했다.", "서울시", "organization"),
        ("(한빛시 제공)", "한빛시", "organization"),
        ("(사진=권현구)", "권현구", "person"),  # a given name may end as a district does
        ("(사진=홍순도)", "홍순도", "person"),
    ],
)
def test_a_city_named_by_a_photo_label_is_an_office_not_a_person(text: str, name: str, agent: str) -> None:
    """"(사진=서울시)": the city's office lent the picture, as "(서울시 제공)" says; a Korean given name
    ends in 구 or 도 ("권현구", "홍순도"), none in 시, so a three-syllable word in 시 is a city."""
    _, credits = extract_credits(text)
    assert [(c.role, c.name, c.agent) for c in credits] == [("photographer", name, agent)]


@pytest.mark.parametrize(
    "text",
    ["(사진=윤서하)윤서하가 5일 서울 한빛아트홀에서 열린 신곡 발표회에서 노래하고 있다.",
     "(사진=문하진) 문하진은 이번 시즌 15골을 넣으며 득점 선두에 올랐다."])
def test_a_photo_label_naming_whom_the_lede_is_about_is_no_photographer(text: str) -> None:
    """"(사진=윤서하)윤서하가 …": the label names who is pictured, the lede's subject; a photographer is not
    the story's subject ("(사진=윤서준 기자)5일 오후 …" is one, as is an office: "(사진=통일부)남북이 …")."""
    assert extract_credits(text) == (text, [])


@pytest.mark.parametrize(
    "text", ["Reported by Mara Ellison. Contact: photodesk@rfa.example", "Reported by Mara Ellison (photos@rfa.example)"])
def test_an_english_reporter_with_a_photo_desk_address_stays_the_reporter(text: str) -> None:
    """"Reported by" says the job; the photo-desk address reading is for a Korean byline with no
    such word ("윤서준 기자 foto@…")."""
    assert [(c.role, c.name) for c in extract_credits(text)[1]] == [("reporter", "Mara Ellison")]


@pytest.mark.parametrize("mark", ["▶", "▷", "☞", "►"])
def test_a_link_to_another_story_with_its_widget_credits_no_one(mark: str) -> None:
    """"▶ 한빛시 버스 노선 개편 2023-05-02 A 기자": a page's link to another story, printed with that story's
    widget; A reported that story, not this one (a headline run into its own widget opens on no such mark)."""
    text = f"{mark} 한빛시 버스 노선 개편 2023-05-02 윤서준 기자"
    assert extract_credits(text) == (text, [])
