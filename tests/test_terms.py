"""Terminology (toolkit.terms): Korean terms, renderings found by word alignment, grouping,
the terms and glossary tables of a build, consistency and `transprov terms`."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import repo_root
from toolkit.align.english import stem
from toolkit.archive import TableSink, build_archive
from toolkit.metrics.tables import article_rows
from toolkit.model import Alignment, Article, Bead, Credit, Paragraph, Sentence
from toolkit.terms import consistency_by_group, term_renderings, terminology_consistency
from toolkit.terms.beads import archive_beads
from toolkit.terms.model import merged_units
from toolkit.terms.rows import term_rows
from toolkit.terms.grouping import acronyms, group_key, group_labels, inflection_key
from toolkit.terms.korean import (TermVocabulary, korean_units, merge_known, recurring_words,
                                  term_occurrences)
from toolkit.terms.renderings import STATUSES, English, render, render_by_sound, render_phrase

CORPUS = repo_root() / "fixtures" / "corpus"
CLI = [sys.executable, "-m", "toolkit.cli"]


# ---------------------------------------------------------------- the Korean side

def keys(text: str) -> list[str]:
    return [u.key for u in korean_units(text)]


def test_units_are_lexicon_keys_and_derivation_makes_another_word():
    assert keys("보위부가 주민들을 체포했다.") == ["보위부", "주민", "체포"]  # 체포 stands for 체포하다
    assert "밀수꾼" in keys("밀수꾼들이 붙잡혔다.")  # smuggler, not smuggling
    assert "한국" in keys("한국산 휴대폰을 샀다.")  # 산 only says where it was made
    assert "붙잡히다" in keys("밀수꾼들이 붙잡혔다.")


def test_pieces_kiwi_splits_are_joined_into_known_words():
    units = korean_units("회령시 보위부 성원들에게 체포됐다.")
    merged = merge_known(korean_units("보위원 두 명이 왔다."), lambda k: k == "보위원")
    assert merged[0].key == "보위원" and merged[0].parts == ("보", "위원")
    assert [u.key for u in merge_known(units, lambda k: False)] == [u.key for u in units]


def test_terms_leave_out_the_stop_list_and_lone_surnames():
    is_term = TermVocabulary({"보위부", "체포", "최근", "김", "관계자", "탈북민"})
    units = korean_units("최근 보위부 관계자가 김 씨를 체포했다. 보위부는 탈북민 가족도 조사했다.")
    assert [o.term for o in term_occurrences(units, is_term)] == ["보위부", "체포", "탈북민"]
    # a word derived from a generic noun is no term either (가능성 <- 가능), one from a term is
    derived = korean_units("처벌 가능성이 높아 밀수꾼들이 숨었다.")
    assert [o.term for o in term_occurrences(derived, TermVocabulary({"가능성", "밀수꾼"}))] == ["밀수꾼"]


def test_words_the_lexicon_lacks_are_terms_when_they_recur_in_two_sentences():
    a = [korean_units("보위원 2명이 체포했다.")]
    b = [korean_units("담당 보위원이 왔다.")]
    c = [korean_units("국가보위성 요원이 왔다.")]
    # one article's topic recurs in it; a word written twice in one sentence counts once
    d = [korean_units("양강도에서 결핵 환자가 늘고 있다."), korean_units("결핵 치료약은 장마당에서만 구할 수 있다.")]
    e = [korean_units("화폐개혁 직후 당국은 화폐개혁 실패의 책임을 물었다.")]
    found = recurring_words([a, b, c, d, e], known={"직후", "당국", "실패", "책임"})
    assert {"보위원", "결핵"} <= found
    assert not {"국가보위성", "치료약", "장마당", "화폐개혁"} & found


# ---------------------------------------------------------------- grouping

def test_inflections_group_and_derivations_do_not():
    forms = ["smuggle", "smuggles", "smuggled", "smuggling"]
    assert len({inflection_key(w) for w in forms}) == 1
    assert inflection_key("smuggler") != inflection_key("smuggling")
    assert inflection_key("defection") != inflection_key("defector")
    assert inflection_key("Defectors") == inflection_key("defector’s") == inflection_key("defector")
    assert inflection_key("China") == inflection_key("Chinese")
    assert inflection_key("MSS") == "MSS"


def test_acronyms_the_article_pairs_in_either_order():
    text = ("They reported him to the Ministry of State Security (MSS). Later MSS (Ministry of State "
            "Security) agents and the State Security Department [SSD] came; the UN said (nothing).")
    assert acronyms(text) == {"MSS": "Ministry of State Security", "SSD": "State Security Department"}
    assert group_key("MSS", acronyms(text)) == group_key("Ministry of State Security", {})
    assert group_key("MSS", {}) != group_key("Ministry of State Security", {})
    labels = group_labels([("k", "MSS"), ("k", "Ministry of State Security"), ("k", "MSS")])
    assert labels == {"k": "MSS"}


# ---------------------------------------------------------------- renderings

def posteriors(english: English, term: dict[str, float], other: dict[str, float] | None = None):
    """Rows for a bead with two Korean units: the term (column 0) and another word (column 1)."""
    other = other or {}
    rows = []
    for k in english.content:
        word = english.spans[k][0]
        p, q = term.get(word, 0.0), other.get(word, 0.0)
        rows.append([p, q, max(0.0, 1.0 - p - q)])
    return rows


def test_a_rendering_spans_function_words_but_not_punctuation():
    en = English.of("He was taken to Yanggang Province’s Ministry of State Security (MSS) on Monday.")
    found = render([0], posteriors(en, {"Ministry": 0.9, "State": 0.8, "Security": 0.9, "MSS": 0.5}), en, 0.9)
    assert found.status == "rendered" and found.text == "Ministry of State Security"
    found = render([0], posteriors(en, {"Province’s": 0.9}), en, 0.9)
    assert found.text == "Province"  # the possessive 's is cut off
    found = render([0], posteriors(en, {"Province’s": 0.9, "Ministry": 0.9}), en, 0.9)
    assert found.text in ("Province", "Ministry")  # a possessive ends its noun phrase


def test_a_weak_neighbour_and_a_lexicon_phrase_complete_a_span():
    en = English.of("She called her husband in South Korea.")
    weak = render([0], posteriors(en, {"South": 0.8, "Korea": 0.2}), en, 0.9)
    assert weak.text == "South Korea"
    claimed = render([0], posteriors(en, {"South": 0.8, "Korea": 0.2}, {"Korea": 0.5}), en, 0.9)
    assert claimed.text == "South"
    phrase = render([0], posteriors(en, {"South": 0.8}), en, 0.9, [(stem("South"), stem("Korea"))])
    assert phrase.text == "South Korea"


def test_a_phrasal_verb_keeps_its_particle_and_a_noun_keeps_its_preposition_apart():
    en = English.of("Police cracked down on smugglers after they set up a new route.")
    assert render([0], posteriors(en, {"cracked": 0.9}), en, 0.9).text == "cracked down"
    assert render([0], posteriors(en, {"set": 0.9}), en, 0.9).text == "set up"
    en = English.of("Smugglers moved the goods down the river at night.")
    assert render([0], posteriors(en, {"goods": 0.9}), en, 0.9).text == "goods"  # no verb of the lexicon's
    en = English.of("The crackdown spread down the border.")
    assert render([0], posteriors(en, {"spread": 0.9}), en, 0.9).text == "spread"  # 'spread down' is no phrasal verb


def test_a_reflexive_phrasal_verb_keeps_its_object_and_particle():
    # the lexicon writes 자수 'turn oneself in': the English gives the verb its object ('themselves')
    en = English.of("Police asked the brokers to turn themselves in before the deadline.")
    assert render([0], posteriors(en, {"turn": 0.9}), en, 0.9).text == "turn themselves in"
    en = English.of("The smuggler turned himself in to the police.")
    assert render([0], posteriors(en, {"turned": 0.9}), en, 0.9).text == "turned himself in"
    for reflexive in ("herself", "itself", "ourselves"):
        en = English.of(f"After a week in hiding the suspect turned {reflexive} in at a station.")
        assert render([0], posteriors(en, {"turned": 0.9}), en, 0.9).text == f"turned {reflexive} in"
    en = English.of("The cadres turned themselves into loyal informers.")
    assert render([0], posteriors(en, {"turned": 0.9}), en, 0.9).text == "turned"  # 'into' is no particle
    en = English.of("The agents turned themselves around and left.")
    assert render([0], posteriors(en, {"turned": 0.9}), en, 0.9).text == "turned"  # no verb the lexicon writes so
    en = English.of("They blamed themselves in the end.")
    assert render([0], posteriors(en, {"blamed": 0.9}), en, 0.9).text == "blamed"


def test_a_word_another_korean_unit_claims_more_is_not_a_link():
    en = English.of("Inspections run until five in the evening.")
    found = render([0], posteriors(en, {"evening": 0.35}, {"evening": 0.45}), en, 0.9)
    assert found.status != "rendered"


def test_omitted_needs_a_close_translation_and_not_found_is_the_rest():
    en = English.of("The couple was arrested in Hyesan.")
    other = {"couple": 0.9, "arrested": 0.9, "Hyesan": 0.9}
    assert render([0], posteriors(en, {}, other), en, 0.9).status == "omitted"
    assert render([0], posteriors(en, {}, other), en, 0.3).status == "not_found"  # a doubtful bead
    assert render([0], posteriors(en, {"couple": 0.2}, other), en, 0.9).status == "not_found"
    loose = {"couple": 0.9}  # most English words tied to nothing: a rewrite, not a translation
    assert render([0], posteriors(en, {}, loose), en, 0.9).status == "not_found"


WORDS = ["Ministry", "of", "State", "Security", "(MSS)", "North", "Korea’s", "smuggling", "and", "the",
         "U.S.", "anti-espionage", "agents", ",", "—", "“quoted”", "People’s", "Daily", "NK", "7,000", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=20),
       st.lists(st.floats(0, 1), min_size=40, max_size=40), st.floats(0, 1))
def test_a_rendering_is_always_words_of_the_beads_english_text(words, numbers, cert):
    text = " ".join(words)
    en = English.of(text)
    rows = []
    for n in range(len(en.content)):
        a, b = numbers[n % 40], numbers[(n + 7) % 40]
        total = a + b + 0.1
        rows.append([a / total, b / total, 0.1 / total])
    found = render([0], rows, en, cert, [(stem("State"), stem("Security"))])
    assert found.status in STATUSES
    # so is a noun phrase's, and a name's found by its sound
    for extra in (render_phrase([[0], [1]], rows, en, cert), render_by_sound("노스코리아", en, rows, [0])):
        assert extra is None or (extra.status == "rendered" and extra.text and extra.text in text)
    if found.status == "rendered":
        assert found.text and found.text in text
        start = text.index(found.text)
        # a run of whole words: it starts and ends at word boundaries
        assert found.text[0].isalpha() and (found.text[-1].isalpha() or found.text.endswith("S."))  # U.S.
        assert start == 0 or not text[start - 1].isalpha()
        after = text[start + len(found.text):]
        assert not after[:1].isalpha()
    else:
        assert found.text is None


def test_a_word_alone_in_parentheses_after_a_noun_glosses_it():
    units = korean_units("보위부(국가보위성)는 남조선(남한)과의 통화 기록과 돈(송금 관련) 내역을 조사했다.")
    glosses = {u.key for u in units if u.gloss}
    assert glosses == {"국가보위성", "남한"}  # "(송금 관련)" is a phrase, not one word
    assert not any(u.gloss for u in korean_units("북한 당국(中)의 발표와 주민들(탈북민 가족)의 증언"))


def _terms_bead(korean: str, english: str, known: set[str], links: dict[tuple[str, str], float]):
    from toolkit.terms.beads import Bead as TermsBead

    words = TermVocabulary(known)
    bead = TermsBead("a", 0, 0.9, English.of(english), merged_units([("ko-s1", korean_units(korean))], words))
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    return {r["ko_term"]: r for r in term_rows([bead], {}, words, model)}


def test_a_parenthesised_synonym_shares_the_rendering_of_the_word_it_glosses():
    links = {("남조선", "South"): 0.5, ("남한", "South"): 0.45, ("남조선", "Korea"): 0.2, ("남한", "Korea"): 0.2}
    text = "보위원은 남조선(남한)과의 통화 기록을 찾아냈다."
    rows = _terms_bead(text, "The agent found records of calls with South Korea.", {"남조선", "남한", "통화"}, links)
    assert rows["남한"]["en_rendering"] == rows["남조선"]["en_rendering"] == "South Korea"
    # written apart, the two words are rivals: the one the model favours takes "South"
    apart = _terms_bead("보위원은 남조선 남한 통화 기록을 찾아냈다.", "The agent found records of calls with South Korea.",
                        {"남조선", "남한", "통화"}, links)
    assert apart["남한"]["status"] == "not_found"


def test_a_derived_word_is_no_rival_of_the_word_it_comes_from():
    links = {("밀수꾼", "smuggling"): 0.6, ("밀수", "smuggling"): 0.5, ("검문", "checks"): 0.9}
    english = "China tightened checks to stop smuggling."
    rows = _terms_bead("중국은 밀수꾼들의 밀수를 막으려 검문을 강화했다.", english, {"밀수", "밀수꾼"}, links)
    assert rows["밀수"]["en_rendering"] == "smuggling"
    # a word of another stem still is a rival: 검문 claims "smuggling" more than 밀수 does
    rival = _terms_bead("중국은 밀수꾼들의 밀수를 막으려 검문을 강화했다.", english, {"밀수", "밀수꾼", "검문"},
                        {**links, ("검문", "smuggling"): 0.7})
    assert rival["밀수"]["status"] != "rendered"


def test_a_place_name_takes_the_english_head_its_korean_ending_names():
    links = {("온성군", "Onsong"): 0.8, ("북한", "North"): 0.7, ("북한", "Korean"): 0.6, ("주민", "Residents"): 0.9}
    rows = _terms_bead("온성군 주민들이 북한 보위부에 신고했다.",
                       "Residents of Onsong County reported them to the North Korean Ministry of State Security.",
                       {"온성군", "북한", "주민"}, links)
    assert rows["온성군"]["en_rendering"] == "Onsong County"
    # 북한 names no kind of place: the capitalised word after it is not its head
    assert rows["북한"]["en_rendering"] == "North Korean"
    # the head alone grows back over the name when it sounds like the Korean, whatever else claims it
    back = _terms_bead("옹진군 주민들이 금을 밀수했다.", "Residents of Ongjin County smuggled gold.", {"옹진군", "주민"},
                       {("옹진군", "County"): 0.9, ("주민", "Ongjin"): 0.35, ("주민", "Residents"): 0.9})
    assert back["옹진군"]["en_rendering"] == "Ongjin County"
    # a head written in lower case right after the name is its head too, not one a word later
    lower = _terms_bead("무산군 주민들이 떠났다.", "Residents of Musan county left.", {"무산군", "주민"},
                        {("무산군", "Musan"): 0.8, ("주민", "Residents"): 0.9})
    assert lower["무산군"]["en_rendering"] == "Musan county"
    later = _terms_bead("무산군 주민들이 떠났다.", "Residents of Musan left the county.", {"무산군", "주민"},
                        {("무산군", "Musan"): 0.8, ("주민", "Residents"): 0.9})
    assert later["무산군"]["en_rendering"] == "Musan"
    # the same where the lexicon's rendering stands for a term the model never met
    en = English.of("A resident in South Pyongan province said so.")
    found = render([0], [[0.0, 1.0] for _ in en.content], en, 0.9, [(stem("South"), stem("Pyongan"))],
                   term_key="평안남도", unknown=True)
    assert found.text == "South Pyongan province"


def test_links_split_by_a_word_another_unit_claims_grow_back_into_the_lexicon_phrase():
    en = English.of("Officers of the Ministry of State Security told the local police.")
    weights = {"Ministry": (0.45, 0.1), "State": (0.12, 0.35), "Security": (0.34, 0.0), "police": (0.51, 0.0)}
    rows = []
    for k in en.content:
        term, other = weights.get(en.spans[k][0], (0.0, 0.0))
        rows.append([term, other, 1.0 - term - other])
    found = render([0], rows, en, 0.9, [(stem("Ministry"), stem("State"), stem("Security"))])
    assert found.text == "Ministry of State Security"
    # without the lexicon phrase the largest single link wins
    assert render([0], rows, en, 0.9).text == "police"


def test_and_joins_two_names_only_for_a_term_that_abbreviates_two_countries():
    english = "The couple was reported to the Ministry of State Security and Ministry of Social Security."
    links = {("보위부", "Ministry"): 0.4, ("보위부", "State"): 0.6, ("보위부", "Security"): 0.35,
             ("안전부", "Ministry"): 0.4, ("안전부", "Social"): 0.7, ("안전부", "Security"): 0.35}
    rows = _terms_bead("부부는 보위부와 안전부에 신고됐다.", english, {"보위부", "안전부"}, links)
    assert rows["보위부"]["en_rendering"] == "Ministry of State Security"
    assert rows["안전부"]["en_rendering"] == "Ministry of Social Security"
    pair = _terms_bead("북중 국경이 다시 열렸다.", "The border between North Korea and China reopened.", {"북중", "국경"},
                       {("북중", "North"): 0.5, ("북중", "Korea"): 0.4, ("북중", "China"): 0.6, ("국경", "border"): 0.9})
    assert pair["북중"]["en_rendering"] == "North Korea and China"


def test_an_english_word_written_twice_can_render_two_korean_words():
    english = "North Korea boasted of its nuclear forces and of its status as a nuclear state."
    links = {("핵무력", "nuclear"): 0.67, ("핵보유국", "nuclear"): 0.59, ("핵무력", "forces"): 0.8,
             ("지위", "status"): 0.9}
    rows = _terms_bead("북한은 핵무력과 핵보유국 지위를 과시했다.", english, {"핵무력", "핵보유국", "지위"}, links)
    assert rows["핵보유국"]["en_rendering"] == "nuclear"
    # written once, the word goes to the Korean word that claims it most
    once = _terms_bead("북한은 핵무력과 핵보유국 지위를 과시했다.", "North Korea boasted of its nuclear forces and status.",
                       {"핵무력", "핵보유국", "지위"}, links)
    assert once["핵보유국"]["status"] != "rendered"


def test_a_lexicon_phrase_grows_past_one_word_it_leaves_out():
    en = English.of("It claims the status of a nuclear weapon state.")
    def rows(weapon_rival):
        out = []
        for k in en.content:
            word = en.spans[k][0]
            term = 0.6 if word == "nuclear" else 0.0
            other = weapon_rival if word == "weapon" else (0.9 if word == "status" else 0.0)
            out.append([term, other, 1.0 - term - other])
        return out
    phrase = [(stem("nuclear"), stem("state"))]
    assert render([0], rows(0.0), en, 0.9, phrase).text == "nuclear weapon state"
    # a word another Korean word links is not left out of that one's rendering
    assert render([0], rows(0.5), en, 0.9, phrase).text == "nuclear"


def test_a_word_hyphened_to_a_link_joins_it_to_the_next():
    en = English.of("The Ministry of State Security ran what is known as state-led smuggling.")
    weights = {"State": 0.5, "state": 0.5, "smuggling": 0.45}
    rows = [[weights.get(en.spans[k][0], 0.0), 0.0, 1.0 - weights.get(en.spans[k][0], 0.0)] for k in en.content]
    assert render([0], rows, en, 0.9).text == "state-led smuggling"


def test_a_term_the_model_never_met_is_rendered_by_its_lexicon_phrase_in_the_text():
    en = English.of("The academy test-fired a new cruise missile.")
    silent = [[0.0, 0.0, 1.0] for _ in en.content]
    phrases = [(stem("test"), stem("fire")), (stem("test"), stem("launch"))]
    found = render([0], silent, en, 0.4, phrases, unknown=True)
    assert (found.status, found.text) == ("rendered", "test-fired")
    # the model knows the term and ties it to nothing: the lexicon phrase, written whole, still
    # renders it, but not where the renderings are not the term's own (a joined word's parts')
    assert render([0], silent, en, 0.4, phrases).text == "test-fired"
    assert render([0], silent, en, 0.4, phrases, listed=False).status == "not_found"
    # words another Korean word links are not taken
    claimed = [[0.0, 0.8 if en.spans[k][0] in ("test", "fired") else 0.0, 0.2] for k in en.content]
    assert render([0], claimed, en, 0.4, phrases, unknown=True).status == "not_found"


def test_an_initial_written_before_a_rendering_belongs_to_it():
    en = English.of("Mr. Kim said N. Korean troops and U.S. Forces met.")
    weights = {"Korean": 0.8, "Kim": 0.8}
    rows = [[weights.get(en.spans[k][0], 0.0), 0.0, 1.0 - weights.get(en.spans[k][0], 0.0)] for k in en.content]
    assert render([0], [r if en.spans[k][0] == "Korean" else [0.0, 0.0, 1.0] for r, k in zip(rows, en.content)],
                  en, 0.9).text == "N. Korean"
    # a title's abbreviation is no initial of the name after it
    assert render([0], [r if en.spans[k][0] == "Kim" else [0.0, 0.0, 1.0] for r, k in zip(rows, en.content)],
                  en, 0.9).text == "Kim"


# ---------------------------------------------------------------- noun phrases and names written once

def test_a_noun_modifies_the_noun_after_it_through_a_space_or_an_adnominal_ending():
    def joints(text: str) -> list[tuple[str, str | None]]:
        return [(u.key, u.joint) for u in korean_units(text)]

    assert joints("우발적인 충돌 가능성이 커졌다.")[:3] == [("우발적", " "), ("충돌", " "), ("가능성", None)]
    assert joints("북한의 완전한 비핵화를 추구한다.")[:3] == [("북한", None), ("완전", "한 "), ("비핵화", None)]
    assert joints("대륙간탄도미사일을 쐈다.")[:3] == [("대륙", "간"), ("탄도", ""), ("미사일", None)]
    assert joints("동해 공해상 목표 수역에 떨어졌다.")[:4] == [("동해", " "), ("공해", "상 "), ("목표", " "), ("수역", None)]
    # a particle, punctuation or a verb's ending between two nouns ties them to nothing
    assert [j for _, j in joints("라면, 과자 가격을 올렸다.")][:2] == [None, " "]
    assert joints("발표한 내용은 없었다.")[0] == ("발표", None)
    assert joints("대인\n지뢰")[0] == ("대인", None) and joints("대인  지뢰")[0] == ("대인", None)


def phrase_rows(ko: str, en: str, links: dict[tuple[str, str], float], known: set[str]) -> dict[str, dict]:
    """Term rows of one bead (the model's probabilities given by English word as written)."""
    from toolkit.terms.beads import Bead as TermBead

    english = English.of(en)
    words = TermVocabulary(known)
    bead = TermBead("a", 0, 0.9, english, merged_units([("ko-s1", korean_units(ko))], words))
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    return {r["ko_term"]: r for r in term_rows([bead], {}, words, model)}


def test_a_noun_phrase_the_english_renders_as_one_phrase_has_a_row_of_its_own():
    rows = phrase_rows("당국은 대인 지뢰를 매설했다.", "The authorities laid anti-personnel mines.",
                       {("대인", "anti"): 0.6, ("대인", "personnel"): 0.7, ("지뢰", "mines"): 0.9,
                        ("당국", "authorities"): 0.9}, {"지뢰", "당국"})
    assert rows["대인 지뢰"]["en_rendering"] == "anti-personnel mines" and rows["대인 지뢰"]["part_of"] is None
    assert rows["지뢰"]["en_rendering"] == "mines" and rows["지뢰"]["part_of"] == "대인 지뢰"
    assert rows["당국"]["part_of"] is None
    # the head, then "of" and the modifier; a name before them makes no longer phrase
    rows = phrase_rows("김영호 통일부 장관이 밝혔다.", "Minister of Unification Kim Yung-ho said so.",
                       {("통일부", "Unification"): 0.9, ("장관", "Minister"): 0.9, ("김영호", "Kim"): 0.8,
                        ("김영호", "Yung"): 0.8, ("김영호", "ho"): 0.8, ("밝히다", "said"): 0.9}, {"통일부", "장관"})
    assert rows["통일부 장관"]["en_rendering"] == "Minister of Unification"
    assert "김영호 통일부 장관" not in rows and rows["김영호"]["part_of"] is None


def test_a_noun_phrase_the_english_breaks_up_has_no_row():
    rows = phrase_rows("북한이 무기 구입에 나섰다.", "North Korea set out to buy weapons.",
                       {("북한", "North"): 0.9, ("북한", "Korea"): 0.9, ("무기", "weapons"): 0.9, ("구입", "buy"): 0.9},
                       {"북한", "무기", "구입"})
    assert "무기 구입" not in rows and rows["무기"]["en_rendering"] == "weapons" and rows["무기"]["part_of"] is None
    # the modifier's word must be claimed by the modifier, the head's word by the head
    rows = phrase_rows("후방 작전에 가담했다.", "They joined operations in the rear.",
                       {("작전", "operations"): 0.9, ("후방", "rear"): 0.9}, {"작전"})
    assert "후방 작전" not in rows


def test_a_modifier_the_model_cannot_tie_takes_the_unclaimed_word_before_its_heads_rendering():
    links = {("탄도미사일", "ballistic"): 0.8, ("탄도미사일", "missiles"): 0.4, ("미사일", "missiles"): 0.8,
             ("중거리", "mid-range"): 0.9}
    rows = phrase_rows("중거리 탄도미사일과 순항미사일을 쏠 수 있다.", "It can fire mid-range ballistic missiles or cruise missiles.",
                       links, {"탄도미사일", "미사일", "중거리"})
    assert rows["순항미사일"]["en_rendering"] == "cruise missiles"
    assert rows["미사일"]["part_of"] == "순항미사일"
    # a word another Korean word claims is not taken
    rows = phrase_rows("순항미사일을 쐈다.", "It fired new missiles.", {("미사일", "missiles"): 0.8, ("쏘다", "fired"): 0.9,
                                                                ("쏘다", "new"): 0.5}, {"미사일"})
    assert "순항미사일" not in rows


def test_an_untied_noun_every_story_uses_is_not_guessed_into_a_phrase():
    links = {("중국", "Chinese"): 0.9, ("체포", "arrested"): 0.9}
    # 공안, a word the model never met, is the unclaimed word after its modifier's rendering
    rows = phrase_rows("그는 중국 공안에 체포됐다.", "He was arrested by Chinese police.", links, {"중국"})
    assert rows["중국 공안"]["en_rendering"] == "Chinese police"
    # 제품 (stop-listed: a word every story uses) untied means the English leaves it out
    rows = phrase_rows("그는 중국 제품을 샀다.", "He bought Chinese smartphones.", links, {"중국"})
    assert "중국 제품" not in rows and rows["중국"]["part_of"] is None


def test_a_phrase_that_leaves_out_its_nouns_own_rendering_has_no_row():
    links = {("탈북", "defection"): 0.9, ("탈북", "act"): 0.2, ("자발적", "voluntary"): 0.9}
    rows = phrase_rows("그 탈북은 자발적 탈북이었다.", "The defection was a voluntary act.", links, {"탈북", "자발적"})
    assert rows["탈북"]["en_rendering"] == "defection"
    assert "자발적 탈북" not in rows
    # held: the phrase's rendering holds its nouns' own
    rows = phrase_rows("자발적 탈북이었다.", "It was a voluntary defection.", links, {"탈북", "자발적"})
    assert rows["자발적 탈북"]["en_rendering"] == "voluntary defection"


def test_a_name_written_once_is_rendered_by_the_words_that_sound_like_it():
    rows = phrase_rows("오늘(4일)부터 뉴스나인을 진행할 최문종입니다.", "I am Choi Moon-jong, who will present News Nine from Nov. 4.",
                       {("뉴스나인", "Nov"): 0.5}, set())
    assert rows["최문종"]["en_rendering"] == "Choi Moon-jong"
    assert rows["뉴스나인"]["en_rendering"] == "News Nine"  # not the model's "Nov", which sounds unlike it
    rows = phrase_rows("최문종입니다.", "This is our anchor.", {}, set())
    assert rows["최문종"]["status"] == "not_found"


def test_a_term_among_the_pieces_of_a_joined_word_keeps_its_own_row():
    from toolkit.terms.beads import Bead as TermBead
    from toolkit.terms.rows import keyed_rows

    english = English.of("North Korea violated a UN resolution.")
    words = TermVocabulary({"북한", "유엔", "결의안"}, frozenset({"유엔결의안"}))
    raw = TermBead("a", 0, 0.9, english, [("ko-s1", korean_units("북한은 유엔결의안을 위반했다."))])
    joined = dataclasses.replace(raw, korean=merged_units(raw.korean, words))
    links = {("북한", "North"): 0.9, ("북한", "Korea"): 0.9, ("유엔결의안", "UN"): 0.7, ("유엔결의안", "resolution"): 0.7,
             ("유엔", "UN"): 0.9, ("결의안", "resolution"): 0.9}
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    rows = {r["ko_term"]: r for r in keyed_rows([joined], {}, words, model, pieces=[raw])}
    assert rows["유엔결의안"]["en_rendering"] == "UN resolution" and rows["유엔결의안"]["part_of"] is None
    assert (rows["유엔"]["en_rendering"], rows["유엔"]["part_of"]) == ("UN", "유엔결의안")
    assert (rows["결의안"]["en_rendering"], rows["결의안"]["part_of"]) == ("resolution", "유엔결의안")
    # without the pieces, the joined word alone
    assert {r["ko_term"] for r in keyed_rows([joined], {}, words, model)} == {"북한", "유엔결의안"}
    # a piece the English does not render apart, or renders outside the joined word's rendering, has no row
    del links[("유엔", "UN")]
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    assert "유엔" not in {r["ko_term"] for r in keyed_rows([joined], {}, words, model, pieces=[raw])}


def test_a_joined_word_rendered_in_part_takes_the_phrase_its_pieces_make():
    from toolkit.terms.beads import Bead as TermBead
    from toolkit.terms.rows import keyed_rows

    english = English.of("He used a voice changer in the interview.")
    words = TermVocabulary({"음성", "장치"}, frozenset({"음성변조"}))
    raw = TermBead("a", 0, 0.9, english, [("ko-s1", korean_units("그는 음성변조 장치를 썼다."))])
    joined = dataclasses.replace(raw, korean=merged_units(raw.korean, words))
    # the model knows the joined word by one of its words only, and 변조 not at all
    links = {("음성변조", "voice"): 0.8, ("음성", "voice"): 0.9, ("장치", "interview"): 0.6}
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    assert {r["ko_term"]: r["en_rendering"] for r in keyed_rows([joined], {}, words, model)}["음성변조"] == "voice"
    rows = {r["ko_term"]: r for r in keyed_rows([joined], {}, words, model, pieces=[raw])}
    assert rows["음성변조"]["en_rendering"] == "voice changer"
    # a word another Korean word claims is not taken
    links[("장치", "changer")] = 0.5
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    assert {r["ko_term"]: r["en_rendering"] for r in keyed_rows([joined], {}, words, model, pieces=[raw])}["음성변조"] == "voice"


# ---------------------------------------------------------------- the terms step on hand-made tables

class TableModel:
    """A stand-in word model: fixed link probabilities (Korean key, English stem) -> p."""

    def __init__(self, links: dict[tuple[str, str], float]) -> None:
        self.links = links

    def link_posteriors(self, ko, en):
        rows = []
        for e in en:
            scores = [self.links.get((k, e), 0.0) for k in ko]
            rows.append([*scores, max(0.0, 1.0 - sum(scores))])
        return rows


def article(lang: str, texts: list[str], credits=()) -> Article:
    art = Article(source=f"{lang}.txt", language=lang, credits=list(credits))
    para = Paragraph(text=" ".join(texts), lang=lang)
    para.sentences = [Sentence(id=f"{lang}-s{n}", text=t, lang=lang, paragraph=0) for n, t in enumerate(texts, 1)]
    art.paragraphs.append(para)
    return art


def hand_tables(tmp_path):
    en = article("en", ["The family was handed to the Ministry of State Security (MSS).",
                        "MSS agents questioned them.", "Smugglers were caught.", "Officials added a line."],
                 [Credit("translator", "Kang Min Kyung", order=1)])
    ko = article("ko", ["가족은 보위부에 넘겨졌다.", "보위부는 이들을 조사했다.", "밀수꾼들이 붙잡혔다."])
    en2 = article("en", ["The security ministry questioned smugglers."])
    ko2 = article("ko", ["보위부는 밀수꾼들을 조사했다."])
    tables = tmp_path / "tables"
    tables.mkdir()
    sink = TableSink(tables)
    sink.add(article_rows("a", en, ko, Alignment([Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9),
                                                    Bead((2,), (2,), 0.9), Bead((3,), (), 0.5)])))
    sink.add(article_rows("b", en2, ko2, Alignment([Bead((0,), (0,), 0.9)])))
    sink.finish()
    return tables


def test_term_rows_statuses_groups_and_acronyms(tmp_path):
    tables = hand_tables(tmp_path)
    known = {"보위부", "조사", "밀수꾼"}
    found = archive_beads(tables, None, known)
    beads = [b for article in found for b in article.beads]
    assert [(b.article_id, b.bead) for b in beads] == [("a", 0), ("a", 1), ("a", 2), ("b", 0)]
    links = {("보위부", "Ministry"): 0.9, ("보위부", "State"): 0.8, ("보위부", "Security"): 0.9,
             ("보위부", "MSS"): 0.9, ("밀수꾼", "Smugglers"): 0.9, ("조사", "questioned"): 0.9,
             ("가족", "family"): 0.9, ("넘겨지다", "handed"): 0.9}
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    expansions = {article.article_id: article.acronyms for article in found}
    by_article: dict[str, list] = {}
    for b in beads:
        by_article.setdefault(b.article_id, []).extend(units for _, units in b.korean)
    words = TermVocabulary(known, recurring_words(by_article.values(), known))
    beads = [dataclasses.replace(b, korean=merged_units(b.korean, words)) for b in beads]
    rows = term_rows(beads, expansions, words, model)
    got = {(r["article_id"], r["bead"], r["ko_term"]): r for r in rows}
    first = got[("a", 0, "보위부")]
    assert first["en_rendering"] == "Ministry of State Security" and first["sentence_id"] == "ko-s1"
    # MSS alone is grouped with its expansion because article a pairs them; article b's
    # "security ministry" is another rendering
    assert got[("a", 1, "보위부")]["en_rendering"] == "MSS"
    assert got[("a", 1, "보위부")]["rendering_group"] == first["rendering_group"]
    assert got[("b", 0, "보위부")]["rendering_group"] != first["rendering_group"]
    assert got[("a", 2, "밀수꾼")]["en_rendering"] == "Smugglers"
    assert got[("b", 0, "밀수꾼")]["rendering_group"] == got[("a", 2, "밀수꾼")]["rendering_group"]
    assert "조사" not in {r["ko_term"] for r in rows}  # a lexicon key, but generic (the stop list)
    assert all((r["status"] == "rendered") == (r["en_rendering"] is not None) for r in rows)


# ---------------------------------------------------------------- a build over the fixtures

@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    out = tmp_path_factory.mktemp("terms-archive")
    report = build_archive(CORPUS, out, progress=False)
    assert report.ok and report.rows["terms"] > 0 and "terms" in report.phases
    return out


def bead_english(archive) -> dict[tuple[str, int], str]:
    tables = archive / "tables"
    sentences = pl.read_parquet(tables / "sentences.parquet")
    text = {(a, s): t for a, s, t in sentences.select("article_id", "sentence_id", "text").iter_rows()}
    links = pl.read_parquet(tables / "links.parquet")
    return {(a, b): " ".join(text[(a, i)] for i in ids) for a, b, ids in links.select("article_id", "bead", "en_ids").iter_rows()}


def test_every_rendering_occurs_in_its_beads_english_text(archive):
    terms = pl.read_parquet(archive / "tables" / "terms.parquet")
    english = bead_english(archive)
    rendered = terms.filter(pl.col("status") == "rendered")
    assert rendered.height > 20
    for a, b, rendering in rendered.select("article_id", "bead", "en_rendering").iter_rows():
        assert rendering in english[(a, b)], (a, b, rendering)
    assert set(terms["status"]) <= set(STATUSES)
    assert terms.filter(pl.col("status") != "rendered")["rendering_group"].null_count() == \
        terms.filter(pl.col("status") != "rendered").height


def test_chunks_give_the_same_tables_and_a_training_cap_keeps_renderings_true(archive, tmp_path, monkeypatch):
    import shutil

    import toolkit.terms.build as build
    import toolkit.terms.model as model
    from toolkit.align import load_lexicon

    tables = tmp_path / "tables"
    shutil.copytree(archive / "tables", tables)
    monkeypatch.setattr(build, "CHUNK_ARTICLES", 2)
    build.write_term_tables(tables, load_lexicon())
    for name in ("terms", "glossary"):
        assert pl.read_parquet(tables / f"{name}.parquet").equals(pl.read_parquet(archive / "tables" / f"{name}.parquet"))
    assert not [p for p in tables.iterdir() if p.name.startswith(".")]  # no spill left behind
    monkeypatch.setattr(model, "MAX_TRAINING_BEADS", 5)  # every k-th confident bead trains the model
    build.write_term_tables(tables, load_lexicon())
    english = bead_english(tmp_path)
    rendered = pl.read_parquet(tables / "terms.parquet").filter(pl.col("status") == "rendered")
    assert all(r in english[(a, b)] for a, b, r in rendered.select("article_id", "bead", "en_rendering").iter_rows())


def test_the_glossary_adds_up_to_the_terms_table(archive):
    terms = pl.read_parquet(archive / "tables" / "terms.parquet").filter(pl.col("status") == "rendered")
    glossary = pl.read_parquet(archive / "tables" / "glossary.parquet")
    per_term = dict(terms.group_by("ko_term").len().iter_rows())
    assert dict(glossary.group_by("ko_term").agg(pl.col("occurrences").sum()).iter_rows()) == per_term
    for share in glossary.group_by("ko_term").agg(pl.col("share").sum())["share"]:
        assert share == pytest.approx(1.0)
    north = glossary.filter(pl.col("ko_term") == "북한").row(0, named=True)
    assert north["rendering_group"] == "north korean" and north["translators"] >= 1
    assert north["first_date"] <= north["last_date"]
    assert not glossary["ko_term"].is_in(["최근", "관계자", "사람"]).any()


def test_consistency_per_translator_and_term(archive):
    per_term = terminology_consistency(archive, by="translator", min_occurrences=1)
    assert per_term["translator"].null_count() <= 1 and "(none)" not in str(per_term.to_dicts())
    row = per_term.filter(pl.col("rendered") > 0).row(0, named=True)
    assert row["consistency"] == pytest.approx(row["consistency"]) and 0 < row["consistency"] <= 1
    assert (per_term["occurrences"] == per_term["rendered"] + per_term["omitted"] + per_term["not_found"]).all()
    whole = terminology_consistency(archive, by=None)
    assert "translator" not in whole.columns and whole["ko_term"].to_list() == sorted(whole["ko_term"].to_list())
    people = consistency_by_group(archive, by="translator")
    assert (people["occurrences"] >= 2 * people["terms"]).all()


def test_one_terms_renderings_with_an_example_each(archive):
    df = term_renderings(archive, "북한")
    assert df.height >= 1 and df["occurrences"].sum() == pl.read_parquet(
        archive / "tables" / "terms.parquet").filter(pl.col("ko_term") == "북한").height
    top = df.row(0, named=True)
    assert top["status"] == "rendered" and "북한" in top["example_ko"]
    assert any(form in top["example_en"] for form in top["forms"])
    assert term_renderings(archive, "없는말").height == 0


def run(*args):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True)


def test_cli_terms(archive):
    table = run("terms", archive)
    assert table.returncode == 0 and "glossary" in table.stdout and "북한" in table.stdout
    rows = json.loads(run("terms", archive, "--json").stdout)
    assert {"ko_term", "rendering_group", "forms", "occurrences"} <= set(rows[0])
    one = json.loads(run("terms", archive, "--term", "북한", "--by", "translator", "--json").stdout)
    assert one and all(r["example_en"] for r in one) and "translator" in one[0]
    csv = run("terms", archive, "--by", "translator", "--csv").stdout
    assert csv.startswith("translator,ko_term,") and "(none)" not in csv
    assert run("terms", archive, "--by", "article").returncode == 2
    assert run("terms", archive, "--json", "--csv").returncode == 2
    missing = run("terms", archive / "nowhere")
    assert missing.returncode == 1 and missing.stderr.startswith("error: ") and "Traceback" not in missing.stderr


# ---------------------------------------------------------------- round 6: Kiwi's pieces, names, rates

def test_a_prefix_kiwi_splits_off_is_joined_back_where_the_whole_is_a_known_word():
    units = korean_units("북한 당국은 무산광산에서 캔 철광석을 중국에 팔아 왔다.")  # Kiwi: 무/XPN 산/XSN 광산
    mine = next(u for u in units if u.key == "광산")
    assert mine.lead == "무산"
    merged = merge_known(units, lambda k: k == "무산광산")
    word = next(u for u in merged if u.key == "무산광산")
    assert word.parts == ("무산", "광산") and (word.start, word.end) == (mine.start - 2, mine.end)
    # not a known word: the noun stays as it was
    assert "광산" in [u.key for u in merge_known(units, lambda k: False)]
    from toolkit.terms.korean import article_words
    assert "무관세" in article_words([korean_units("정부는 수입 돼지고기에 무관세를 적용하기로 했다.")], set())


def test_a_particle_left_inside_a_proper_noun_is_cut_off_before_a_known_word():
    from toolkit.terms.korean import Unit, can_join

    glued = Unit("무산광산만", "NNP", 3, 8)
    assert can_join([glued])
    assert [(u.key, u.end) for u in merge_known([glued], {"무산광산"}.__contains__)] == [("무산광산", 7)]
    # only before a known word, only on a proper noun, and never a known word itself
    assert merge_known([glued], set().__contains__)[0].key == "무산광산만"
    assert merge_known([Unit("무산광산만", "NNG", 3, 8)], {"무산광산"}.__contains__)[0].key == "무산광산만"
    assert merge_known([Unit("하나원", "NNP", 0, 3)], {"하나", "하나원"}.__contains__)[0].key == "하나원"


def test_mine_is_a_content_word_of_the_english():
    english = English.of("The mine has been shut down, and production at Musan Mine came to a halt.")
    assert [english.spans[k][0] for k in english.content].count("mine") == 1 and "Mine" in \
        [english.spans[k][0] for k in english.content]
    rows = phrase_rows("광산은 지금 멈춰 섰다.", "The mine has stopped.", {("광산", "mine"): 0.9}, {"광산"})
    assert rows["광산"]["en_rendering"] == "mine"


def test_a_long_name_written_as_one_word_takes_the_one_capitalised_name_holding_its_nouns():
    from toolkit.terms.renderings import render_name_word

    law = "Most of these come under the Rejection of Reactionary Thought and Culture Law, which aims to root out dissent."
    found = render_name_word(["Reactionary", "Thought", "Rejection"], English.of(law))
    assert found is not None and found.text == "Rejection of Reactionary Thought and Culture Law"
    # a sentence's first word opens no name it does not render; pieces in two names make none
    assert render_name_word(["Medical", "University"], English.of("Students at Hamhung Medical University left.")).text \
        == "Hamhung Medical University"
    assert render_name_word(["Thought", "Rejection"], English.of("Rejection Day and the Thought Police.")) is None
    assert render_name_word(["Thought", "Rejection"], English.of("the rejection of thought")) is None
    links = {("반동", "Reactionary"): 0.9, ("사상", "Thought"): 0.9, ("배격", "Rejection"): 0.9, ("당국", "authorities"): 0.9}
    rows = phrase_rows("당국은 반동사상문화배격법으로 청년들을 단속하고 있다.",
                       "The authorities crack down on the young under the Rejection of Reactionary Thought and Culture Law.",
                       links, {"반동", "사상", "배격", "당국"})
    assert rows["반동사상문화배격법"]["en_rendering"] == "Rejection of Reactionary Thought and Culture Law"
    assert rows["사상"]["part_of"] == "반동사상문화배격법" and rows["당국"]["part_of"] is None
    # one rendered noun makes no name of the word
    rows = phrase_rows("당국은 반동사상문화배격법으로 청년들을 단속하고 있다.",
                       "The authorities crack down on the young under the Rejection of Reactionary Thought and Culture Law.",
                       {("반동", "Reactionary"): 0.9, ("당국", "authorities"): 0.9}, {"반동", "당국"})
    assert "반동사상문화배격법" not in rows and rows["반동"]["part_of"] is None


def test_plain_role_words_market_trends_and_function_nouns_are_no_terms():
    # the stop list's families (round 13): a captain is a role, not a house style's word for
    # people as 주민 is; a rising trend, 'compared with' and 'all-time' name nothing
    is_term = TermVocabulary({"코스피", "대비", "역대", "상승세", "선장", "주민", "보위부", "단속"})
    market = korean_units("코스피가 전년 대비 역대 최고 수준의 상승세를 이어갔다.")
    assert [o.term for o in term_occurrences(market, is_term)] == ["코스피"]
    people = korean_units("선장과 주민들이 보위부에 단속됐다.")
    assert [o.term for o in term_occurrences(people, is_term)] == ["주민", "보위부", "단속"]


def test_a_rate_is_a_term_even_once_and_keeps_only_a_rendering_its_prior_names():
    from toolkit.terms.korean import is_rate
    from toolkit.terms.model import Training

    units = korean_units("지난달 청년 고용률은 석 달 연속 떨어졌다.")
    rate = next(u for u in units if u.key == "고용률")
    assert is_rate(rate) and not is_rate(next(u for u in units if u.key == "청년"))
    assert "고용률" in [o.term for o in term_occurrences(units, TermVocabulary({"청년"}))]
    # from a generic noun too (상승률), but not another derived word of one (가능성)
    assert "상승률" in [o.term for o in term_occurrences(korean_units("물가 상승률이 높다."), TermVocabulary(set()))]
    assert not term_occurrences(korean_units("가능성이 높다."), TermVocabulary({"가능성"}))
    training = Training({"고용": frozenset({(stem("employment"),)})}, TermVocabulary({"고용"}))
    training.add(0.9, [("ko-s1", units)], [stem("employment")], ["employment"])
    assert training.joined["고용률"] == frozenset({(stem("employment"),), (stem("rate"),)})
    from toolkit.terms.beads import Bead as TermBead

    def rate_row(en: str, links: dict[str, float]) -> dict:
        bead = TermBead("a", 0, 0.9, English.of(en), [("ko-s1", korean_units("청년 고용률이 떨어졌다."))])
        model = TableModel({("고용률", stem(e)): p for e, p in links.items()})
        rows = term_rows([bead], {}, TermVocabulary({"청년"}), model, {"고용률": training.joined["고용률"]})
        return next(r for r in rows if r["ko_term"] == "고용률")

    assert rate_row("Fewer young people found work in November.", {"young": 0.9})["status"] == "not_found"
    # a month is no link; the word its prior names, written in the bead, renders it
    assert rate_row("Youth employment fell in November.", {"November": 0.9})["en_rendering"] == "employment"
    assert rate_row("The youth employment rate fell in November.",
                    {"employment": 0.6, "rate": 0.6})["en_rendering"] == "employment rate"


def test_the_mth_largest_rival_claim_is_found_past_the_kept_claims():
    import random

    from toolkit.terms.renderings import rivals

    rng = random.Random(6)
    for _ in range(50):
        width, words = rng.randint(1, 14), rng.randint(1, 9)
        posteriors = [[rng.choice((0.0, 0.1, rng.random())) for _ in range(width + 1)] for _ in range(words)]
        others = set(rng.sample(range(width), rng.randint(0, width)))
        ranks = [rng.randint(1, width + 2) for _ in range(words)]
        wanted = []
        for row, rank in zip(posteriors, ranks):
            claims = sorted((row[i] for i in range(width) if i not in others), reverse=True)
            wanted.append(claims[rank - 1] if len(claims) >= rank else 0.0)
        assert rivals(posteriors).against(others, ranks) == wanted


# ---------------------------------------------------------------- round 7: names, halves, dots, junk phrases

def test_a_determiner_kiwi_reads_into_a_place_name_is_joined_back():
    units = korean_units("북한이 특수부대 병력 1,500명을 양강도 조-중 국경지역에 배치했다.")  # Kiwi: 양/MM 강도 "robbery"
    robbery = next(u for u in units if u.key == "강도")
    assert robbery.lead == "양"
    assert "양강도" in [u.key for u in merge_known(units, {"양강도"}.__contains__)]
    # a determiner written apart leads nothing
    assert all(u.lead == "" for u in korean_units("이 남성은 그 지역에 새 집을 지었다."))


def test_the_half_of_the_peninsula_goes_with_korean():
    links = {("국무위원장", "Korean"): 0.5, ("국무위원장", "leader"): 0.9, ("김정은", "Kim"): 0.9, ("김정은", "Jong"): 0.9,
             ("김정은", "Un"): 0.9}
    rows = _terms_bead("김정은 국무위원장이 비판했다.", "North Korean leader Kim Jong Un criticized it.",
                       {"국무위원장", "김정은"}, links)
    assert rows["국무위원장"]["en_rendering"] == "North Korean leader"
    rows = _terms_bead("김정은 국무위원장이 비판했다.", "The Korean leader Kim Jong Un criticized it.",
                       {"국무위원장", "김정은"}, links)
    assert rows["국무위원장"]["en_rendering"] == "Korean leader"


def test_a_countries_pair_written_with_a_middle_dot_is_the_lexicons_pair():
    english = "The summit between South Korea and the U.S. went well."
    links = {("한·미", "South"): 0.5, ("정상회담", "summit"): 0.9}
    known = {"한·미", "정상회담"}
    from toolkit.terms.beads import Bead as TermsBead

    words = TermVocabulary(known)
    bead = TermsBead("a", 0, 0.9, English.of(english),
                     merged_units([("ko-s1", korean_units("한·미 정상회담이 잘 끝났다."))], words))
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    entries = {"한미": frozenset({(stem("South"), stem("Korea")), (stem("U.S."),)})}
    rows = {r["ko_term"]: r for r in term_rows([bead], {}, words, model, entries)}
    assert rows["한·미"]["en_rendering"] == "South Korea"  # the lexicon's phrase, though the key has a dot
    # the phrases looked up are kept across articles (rows._phrases_for), but only for the entries they came from
    other = {"정상회담": frozenset({(stem("summit"),)})}
    assert {r["ko_term"]: r for r in term_rows([bead], {}, words, model, other)}["한·미"]["en_rendering"] != \
        "South Korea"
    assert {r["ko_term"]: r for r in term_rows([bead], {}, words, model, entries)}["한·미"]["en_rendering"] == \
        "South Korea"


def test_a_whole_lexicon_name_holds_its_comma_and_its_and():
    en = English.of("The Ministry of Agriculture, Food and Rural Affairs said prices rose.")
    rows = [[0.9 if en.spans[k][0] == "Agriculture" else 0.0, 0.1] for k in en.content]
    rows = [[p, 1.0 - p] for p, _ in rows]
    name = tuple(stem(w) for w in ("Ministry", "Agriculture", "Food", "Rural", "Affairs"))
    assert render([0], rows, en, 0.9, [name]).text == "Ministry of Agriculture, Food and Rural Affairs"
    assert render([0], rows, en, 0.9).text == "Agriculture"


def test_an_agency_takes_its_guard():
    rows = _terms_bead("일본 해상보안청이 밝혔다.", "The Japan Coast Guard said so.", {"해상보안청", "일본"},
                       {("해상보안청", "Coast"): 0.8, ("일본", "Japan"): 0.9})
    assert rows["해상보안청"]["en_rendering"] == "Coast Guard"


def test_a_phrase_its_head_renders_alone_has_no_row():
    # 주재, which the model ties to nothing, would take the word before its head's links: the
    # head's own rendering has it already
    links = {("태영호", "Thae"): 0.2, ("태영호", "Yong"): 0.8, ("태영호", "ho"): 0.8, ("망명", "defected"): 0.9}
    rows = phrase_rows("영국 주재 태영호 공사가 망명했다.", "Thae Yong-ho defected.", links, {"태영호", "망명"})
    assert rows["태영호"]["en_rendering"] == "Thae Yong-ho"
    assert "주재 태영호" not in rows


def test_a_named_outlet_is_a_term_and_news_is_not():
    from toolkit.terms.korean import stoplist

    assert "자유아시아방송" not in stoplist() and "연합뉴스" not in stoplist() and stoplist()["뉴스"] == "reporting"


def test_countries_abbreviated_together_are_rendered_by_a_name_or_not_at_all():
    links = {("한·미", "going"): 0.6, ("정상회담", "summit"): 0.9}
    rows = _terms_bead("한·미 정상회담 직전에 썼다.", "He wrote it just before the summit, asking what was going on.",
                       {"한·미", "정상회담"}, links)
    assert rows["한·미"]["status"] == "not_found"
    rows = _terms_bead("한·미 정상회담 직전에 썼다.", "He wrote it just before the Seoul-Washington summit.",
                       {"한·미", "정상회담"}, {("한·미", "Seoul"): 0.6, ("한·미", "Washington"): 0.6, ("정상회담", "summit"): 0.9})
    assert rows["한·미"]["en_rendering"] == "Seoul-Washington"


def test_a_comma_joins_a_lexicon_rendering_only_between_names():
    en = English.of("Pupils of middle schools, high schools and colleges paid.")
    rows = [[0.9, 0.1] if en.spans[k][0] == "schools" else [0.0, 1.0] for k in en.content]
    # no comma joins the two runs; of the two, the one holding the lexicon rendering is it
    assert render([0], rows, en, 0.9, [(stem("high"), stem("school"))]).text == "high schools"


def test_only_korea_takes_an_initial_along():
    from toolkit.terms.renderings import _cut

    english = English.of("Just before the South Korea-U. S. summit, N. Korean media said so.")
    cut = {english.spans[k][0]: _cut(english, [n]) for n, k in enumerate(english.content)}
    assert cut["summit"] == "summit" and cut["Korean"] == "N. Korean"


def test_an_outlet_the_english_names_by_its_kind_is_rendered_by_that_noun():
    korean = "북한이 주민 등록을 지시했다고 미국 자유아시아방송이 보도했다."
    english = "North Korea ordered residents to register, a U.S. government-funded broadcaster said."
    known = {"북한", "미국", "자유아시아방송", "주민"}
    links = {("북한", "North"): 0.9, ("북한", "Korea"): 0.9, ("미국", "U.S."): 0.9, ("주민", "residents"): 0.9}
    rows = _terms_bead(korean, english, known, links)
    assert rows["자유아시아방송"]["en_rendering"] == "U.S. government-funded broadcaster"
    # a generic noun's claim on the kind noun is noise; another term's is not
    noisy = {**links, ("등록", "broadcaster"): 0.6}
    assert _terms_bead(korean, english, known, noisy)["자유아시아방송"]["en_rendering"] == \
        "U.S. government-funded broadcaster"
    claimed = {**links, ("주민", "broadcaster"): 0.6}
    assert _terms_bead(korean, english, known, claimed)["자유아시아방송"]["status"] != "rendered"
    # the kind noun inside a name (U.S. Agency for Global Media) is no description of the outlet
    named = _terms_bead("미국 연합뉴스가 보도했다.", "The U.S. Agency for Global Media said.", {"미국", "연합뉴스"},
                        {("미국", "U.S."): 0.9})
    assert named["연합뉴스"]["status"] != "rendered"
    # a word that is no outlet's name gets no such rendering
    assert _terms_bead("미국 주민이 보도했다.", english, known, links)["주민"]["en_rendering"] == "residents"


def test_a_closed_compound_of_a_rendering_head_renders_a_term_the_model_cannot_tie():
    en = English.of("Residents hid their cellphones from the support team.")
    rows = [[0.0, 1.0] for _ in en.content]  # the model ties the term to no word
    phone = [(stem("phone"),), (stem("mobile"), stem("phone"))]
    assert render([0], rows, en, 0.9, phone).text == "cellphones"
    # the head ends the word and has four letters or more, and so has the word before it
    assert render([0], rows, en, 0.9, [(stem("port"),)]).status != "rendered"  # sup|port
    assert render([0], rows, en, 0.9, [(stem("cell"),)]).status != "rendered"
    # a word another Korean word links is not taken
    claimed = [[0.0, 0.8, 0.2] if en.spans[k][0] == "cellphones" else [0.0, 0.0, 1.0] for k in en.content]
    assert render([0], claimed, en, 0.9, phone).status != "rendered"


def test_residents_the_english_calls_by_the_peoples_name_are_rendered_by_it():
    links = {("북한", "North"): 0.9, ("북한", "Koreans"): 0.9}
    rows = _terms_bead("북한 주민들은 땔나무로 난방한다.", "North Koreans typically heat their houses with firewood.",
                       {"북한", "주민"}, links)
    assert rows["주민"]["en_rendering"] == "North Koreans"
    # the two nouns share one word of the English: no phrase row beside them
    assert "북한 주민" not in rows
    # 'Chinese' may be an adjective: only a plural people's name is taken
    rows = _terms_bead("주민들은 땔나무로 난방한다.", "Chinese traders sell firewood.", {"주민"}, {})
    assert rows["주민"]["status"] != "rendered"
    # tied by the model to a word none of its lexicon renderings has: the people's name the English writes
    from toolkit.terms.beads import Bead as TermsBead

    words = TermVocabulary({"주민", "한약"})
    entries = {"주민": [(stem("resident"),), (stem("people"),)], "한약": [(stem("herbal"), stem("medicine"))]}

    def resident(english: str, links: dict[tuple[str, str], float]) -> str:
        bead = TermsBead("a", 0, 0.9, English.of(english),
                         merged_units([("ko-s1", korean_units("주민들은 시장에서 한약을 산다."))], words))
        model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
        return {r["ko_term"]: r for r in term_rows([bead], {}, words, model, entries)}["주민"]["en_rendering"]

    assert resident("North Koreans buy traditional medicine at markets.",
                    {("주민", "traditional"): 0.7, ("한약", "medicine"): 0.9}) == "North Koreans"
    assert resident("North Korean people buy herbal medicine at markets.",
                    {("주민", "people"): 0.7, ("한약", "medicine"): 0.9}) == "people"  # its own word stands


def test_residents_the_english_calls_by_another_plural_noun_keep_it_over_a_peoples_name_of_others():
    from toolkit.terms.beads import Bead as TermsBead

    words = TermVocabulary({"주민", "약초"})
    entries = {"주민": [(stem("resident"),), (stem("people"),)], "약초": [(stem("herb"),)]}

    def resident(korean: str, english: str, links: dict[tuple[str, str], float]) -> str:
        bead = TermsBead("a", 0, 0.9, English.of(english), merged_units([("ko-s1", korean_units(korean))], words))
        model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
        return {r["ko_term"]: r for r in term_rows([bead], {}, words, model, entries)}["주민"]["en_rendering"]

    # 'Villagers' names the residents; 'South Koreans' are the buyers (한국인), not them
    assert resident("주민들은 한국인들에게 약초를 판다.", "Villagers sell herbs to South Koreans.",
                    {("주민", "Villagers"): 0.7, ("약초", "herbs"): 0.9}) == "Villagers"
    # a word that names no people ('traditional' of 'traditional medicine', 'ailments') still gives way
    assert resident("주민들은 장마당에서 약초를 산다.", "North Koreans buy traditional herbs at markets.",
                    {("주민", "traditional"): 0.7, ("약초", "herbs"): 0.9}) == "North Koreans"
    assert resident("주민들은 가벼운 병에는 약초를 쓴다.", "For minor ailments North Koreans use herbs.",
                    {("주민", "ailments"): 0.7, ("약초", "herbs"): 0.9}) == "North Koreans"


def test_a_term_the_model_met_but_cannot_tie_takes_its_lexicon_rendering_unless_inside_another_words_phrase():
    en = English.of("Smuggling grew along the border with North Korea.")
    # columns: the term, 북한, NULL; the model ties the term to nothing, 북한 to North Korea
    rows = [[0.0, 0.9, 0.1] if en.spans[k][0] in ("North", "Korea") else [0.0, 0.0, 1.0] for k in en.content]
    assert render([0], rows, en, 0.9, [(stem("smuggling"),)]).text == "Smuggling"
    # 'Korea' is written inside 'North Korea', which 북한 links: not the term's
    rows = [[0.0, 0.9, 0.1] if en.spans[k][0] == "North" else [0.0, 0.0, 1.0] for k in en.content]
    assert render([0], rows, en, 0.9, [(stem("Korea"),)]).status != "rendered"


def test_a_month_renders_no_term():
    en = English.of("In January, the smuggler sold cooking oil.")
    rows = [[0.7, 0.3] if en.spans[k][0] == "January" else [0.0, 1.0] for k in en.content]
    assert render([0], rows, en, 0.9).status != "rendered"
    rows = [[0.7, 0.3] if en.spans[k][0] in ("January", "oil") else [0.0, 1.0] for k in en.content]
    assert render([0], rows, en, 0.9).text == "oil"
    # an abbreviation is a month only with its stop or a day: 'Jun' is a name's word too (전 ~ Jun)
    en = English.of("Traders said Jun had left on Jun. 5.")
    rows = [[0.7, 0.3] if en.spans[k][0] == "Jun" else [0.0, 1.0] for k in en.content]
    assert render([0], rows, en, 0.9).text == "Jun"
    assert [en.spans[k][0] for n, k in enumerate(en.content) if n in en.months] == ["Jun"]  # the date's


def test_the_unit_of_an_amount_renders_no_term_but_one_the_lexicon_renders_by_it():
    en = English.of("The bill raises the subsidy from 500,000 won to 700,000 won and lasts three years.")
    assert [en.spans[en.content[n]][0] for n in sorted(en.measures)] == ["won", "won", "years"]
    units = [n for n, k in enumerate(en.content) if en.spans[k][0] in ("won", "years")]
    rows = [[0.7, 0.3] if n in units else [0.0, 1.0] for n in range(len(en.content))]
    assert render([0], rows, en, 0.9).status != "rendered"  # 개정안 is not 'won'
    assert render([0], rows, en, 0.9, [(stem("won"),)]).text == "won"  # 원화 is
    rows = [[0.7, 0.3] if en.spans[k][0] in ("won", "subsidy") else [0.0, 1.0] for k in en.content]
    assert render([0], rows, en, 0.9).text == "subsidy"
    # without an amount before it, the word is no unit ('the won fell', 'a year of hunger' is one)
    assert not English.of("The won fell against the dollar for years.").measures


def test_a_hostile_long_token_is_read_as_no_closed_compound():
    from toolkit.terms.renderings import LONGEST_COMPOUND

    en = English.of("x" * 100_000 + "phones and " + "cell" + "phones")
    assert en.heads[0] == frozenset() and stem("phone") in en.heads[-1]
    assert stem("phone") in English.of("x" * (LONGEST_COMPOUND - 6) + "phones").heads[0]


def _lexicon_bead(korean: str, english: str, known: set[str], links: dict[tuple[str, str], float],
                  entries: dict[str, list[str]]):
    """`_terms_bead` with lexicon renderings (Korean key -> English phrases) for the terms."""
    from toolkit.align.wordalign import phrase_stems
    from toolkit.terms.beads import Bead as TermsBead

    words = TermVocabulary(known)
    bead = TermsBead("a", 0, 0.9, English.of(english), merged_units([("ko-s1", korean_units(korean))], words))
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    lexicon = {k: frozenset(phrase_stems(x) for x in xs) for k, xs in entries.items()}
    return {r["ko_term"]: r for r in term_rows([bead], {}, words, model, lexicon)}


def test_a_generic_nouns_claim_keeps_no_term_from_the_word_its_lexicon_names():
    korean = "국경 지역 주민 2명이 건설부대 군인들에게 살해됐다."
    english = "Two locals in the border area were murdered by soldiers."
    # 지역 (stop list: generic) claims 'locals' by its 'local' more than 주민 does
    links = {("지역", "locals"): 0.68, ("주민", "locals"): 0.44, ("지역", "area"): 0.6, ("국경", "border"): 0.9,
             ("군인", "soldiers"): 0.9, ("살해", "murdered"): 0.9}
    known = {"주민", "국경", "건설부대", "살해"}
    rows = _lexicon_bead(korean, english, known, links, {"주민": ["residents", "locals"]})
    assert rows["주민"]["en_rendering"] == "locals"
    # without the lexicon naming the word, the model's rivalry stands
    assert _lexicon_bead(korean, english, known, links, {"주민": ["residents"]})["주민"]["status"] != "rendered"
    # a term's claim is no habit: 국경 claiming 'locals' more keeps it
    rival = _lexicon_bead(korean, english, known, {**links, ("국경", "locals"): 0.6}, {"주민": ["locals"]})
    assert rival["주민"]["status"] != "rendered"


def test_the_noun_a_term_modifies_keeps_no_word_its_lexicon_names_from_it():
    english = "The ministry is bolstering patrols by the police."
    links = {("안전원", "police"): 0.59, ("안전부", "police"): 0.31, ("순찰", "patrols"): 0.9}
    known = {"안전부", "안전원", "순찰"}
    entries = {"안전부": ["police", "Ministry of Social Security"], "안전원": ["police officer"]}
    # 안전부 안전원: one noun phrase the English writes as one word, each noun's rendering
    rows = _lexicon_bead("각급 안전부 안전원들의 순찰을 강화했다.", english, known, links, entries)
    assert rows["안전부"]["en_rendering"] == "police" and rows["안전원"]["en_rendering"] == "police"
    # a particle between them: two phrases, and the stronger claim takes the word
    apart = _lexicon_bead("안전부의 안전원들이 순찰을 강화했다.", english, known, links, entries)
    assert apart["안전부"]["status"] != "rendered"
    # the head gets nothing of its modifier's words this way (일본 해상보안청: 'Japan' is 일본's)
    head = _lexicon_bead("일본 해상보안청이 순찰을 강화했다.", "Japan's coast guard is bolstering patrols.",
                         {"일본", "해상보안청", "순찰"}, {("일본", "Japan"): 0.9, ("해상보안청", "Japan"): 0.4,
                                                       ("해상보안청", "coast"): 0.8, ("해상보안청", "guard"): 0.8},
                         {"해상보안청": ["Japan", "coast guard"]})
    assert head["해상보안청"]["en_rendering"] == "coast guard"
    # a lexicon rendering of several words counts where the English writes it whole
    links = {("폭풍군단", "special"): 0.52, ("폭풍군단", "forces"): 0.35, ("특수부대", "special"): 0.43,
             ("특수부대", "forces"): 0.28, ("배치", "deployed"): 0.9}
    known = {"특수부대", "폭풍군단", "배치"}
    korean = "북한이 특수부대인 폭풍군단 병력을 국경에 배치했다."
    rows = _lexicon_bead(korean, "North Korea deployed special forces soldiers to the border.", known, links,
                         {"특수부대": ["special forces"]})
    assert rows["특수부대"]["en_rendering"] == "special forces"
    rows = _lexicon_bead(korean, "North Korea deployed special units and forces to the border.", known, links,
                         {"특수부대": ["special forces"]})
    assert rows["특수부대"]["status"] != "rendered"


def test_a_lexicon_phrase_grows_across_and_only_in_its_own_order():
    from toolkit.align.wordalign import phrase_stems

    en = English.of("The party committees and people's committees surveyed struggling households.")
    rows = posteriors(en, {"committees": 0.66, "people's": 0.3}, {"party": 0.66, "committees": 0.5, "people's": 0.56})
    assert render([0], rows, en, 0.9, [phrase_stems("people's committee")]).text == "people's committees"
    # links on both sides of the "and": two phrases of one head, the one with more of the term's
    # probability is its rendering; different heads make one ('cooperation and exchanges')
    rows = posteriors(en, {"committees": 0.66, "people's": 0.4}, {"party": 0.66, "committees": 0.5, "people's": 0.3})
    assert render([0], rows, en, 0.9).text == "people's committees"
    en = English.of("They agreed on cooperation and exchanges with the South.")
    rows = posteriors(en, {"cooperation": 0.6, "exchanges": 0.6})
    assert render([0], rows, en, 0.9).text == "cooperation and exchanges"
    # a hostile chain of one word: cut at every "and", each side read once
    en = English.of(" and ".join(["committees"] * 3000))
    assert render([0], [[0.9, 0.0, 0.1] for _ in en.content], en, 0.9).text == "committees"
    # a whole name written in its order holds its comma and its "and"
    en = English.of("The Ministry of Agriculture, Food and Rural Affairs said so.")
    rows = posteriors(en, {"Agriculture": 0.8, "Food": 0.5})
    name = phrase_stems("Ministry of Agriculture, Food and Rural Affairs")
    assert render([0], rows, en, 0.9, [name]).text == "Ministry of Agriculture, Food and Rural Affairs"


def test_an_unrendered_outlet_leaves_the_next_terms_rivals_as_they_were():
    """The outlet fallback looks past every non-term's claim; the terms after it in the bead must
    not inherit that: 토박이 (no term, no generic noun) still claims 'Locals' over 주민 whether
    자유아시아방송 stands before it or not."""
    english = "Locals were killed, a source told the station."
    links = {("토박이", "locals"): 0.68, ("주민", "locals"): 0.44, ("살해", "killed"): 0.9}
    alone = _lexicon_bead("토박이 주민들이 살해됐다.", english, {"주민", "살해"}, links, {"주민": ["locals"]})
    after = _lexicon_bead("자유아시아방송에 따르면 토박이 주민들이 살해됐다.", english, {"자유아시아방송", "주민", "살해"},
                          links, {"주민": ["locals"]})
    assert after["자유아시아방송"]["status"] != "rendered"
    assert after["주민"]["status"] == alone["주민"]["status"] == "not_found"


def test_a_lexicon_rendering_written_in_the_bead_beats_a_guess_that_holds_none():
    def rendered(text, term, other=None, phrases=(), listed=True):
        en = English.of(text)
        return render([0], posteriors(en, term, other), en, 0.9, phrases, listed=listed).text

    rfa = [(stem("Radio"), stem("Free"), stem("Asia")), (stem("RFA"),)]
    text = "A resident, who asked to speak freely, told RFA on Monday."
    # one word of a longer lexicon rendering: the whole one the bead writes takes its place
    assert rendered(text, {"freely": 0.5}, {"resident": 0.9}, rfa) == "RFA"
    assert rendered(text, {"freely": 0.5}, {"resident": 0.9}, rfa, listed=False) == "freely"  # not its own lexicon's
    # the lexicon's word is another Korean word's link: the guess stays
    assert rendered(text, {"freely": 0.5}, {"RFA": 0.9}, rfa) == "freely"
    arrest = [(stem("arrest"),)]
    # no word in common with any lexicon rendering: replaced; a rendering holding one: kept
    assert rendered("The elderly man was arrested in May.", {"elderly": 0.5}, {}, arrest) == "arrested"
    en = English.of("The elderly man was arrested in May.")
    assert render([0], posteriors(en, {"elderly": 0.5}), en, 0.9, arrest).confidence == 0.5  # the lexicon's alone
    assert rendered("He was arrested after an arrest warrant.", {"arrested": 0.5}, {}, arrest) == "arrested"
    # written as one phrase with the guess: joined to it
    police = [(stem("police"),)]
    assert rendered("A police officer took bribes.", {"officer": 0.6}, {}, police) == "police officer"
    # a lexicon rendering's head may stand for it ('Korean' of "North Korea"); a modifying word may not
    north = [(stem("North"), stem("Korea")), (stem("Pyongyang"),)]
    assert rendered("N. Korean media said Pyongyang would act.", {"Korean": 0.6}, {"media": 0.9}, north) \
        == "N. Korean"
    free = [(stem("free"), stem("trade"), stem("zone")), (stem("FTZ"),)]
    assert rendered("Goods move freely in the FTZ.", {"freely": 0.6}, {"Goods": 0.9}, free) == "FTZ"


def test_a_name_takes_its_whole_english_name_its_letter_prefix_and_its_listed_words():
    # 위 abbreviates 위원회 after a name: the head the English writes after the span is the name's
    links = {("개인정보위", "Personal"): 0.8, ("개인정보위", "Information"): 0.8, ("신고", "notified"): 0.9}
    rows = _terms_bead("쿠팡은 개인정보위에 신고했다.", "Coupang notified the Personal Information Protection Commission.",
                       {"개인정보위", "신고"}, links)
    assert rows["개인정보위"]["en_rendering"] == "Personal Information Protection Commission"
    from toolkit.terms.renderings import name_heads
    assert name_heads("시위") == ("시위", frozenset())  # a word of its own (protest), no committee
    # so with the other one-syllable endings of bodies: 보건국 is a bureau, 중국 and 의원 are words
    rows = _terms_bead("보건국이 지시했다.", "The provincial Health Bureau gave the order.", {"보건국"},
                       {("보건국", "Health"): 0.8})
    assert rows["보건국"]["en_rendering"] == "Health Bureau"
    assert name_heads("중국")[1] == name_heads("의원")[1] == name_heads("기대")[1] == frozenset()
    # a one-letter prefix hyphened to the rendering's first word is the word's ('e-commerce')
    en = English.of("The largest e-commerce firm reported a breach.")
    assert render([0], posteriors(en, {"commerce": 0.8}), en, 0.9).text == "e-commerce"
    en = English.of("Sales of the firm's commerce arm rose.")
    assert render([0], posteriors(en, {"commerce": 0.8}), en, 0.9).text == "commerce"
    # a long name word: its English may list single words with commas before its "and"...
    from toolkit.terms.renderings import render_name_word
    text = "At a session of the National Assembly’s Committee on Science, ICT, Broadcasting and Communications on Dec. 2, lawmakers spoke."
    found = render_name_word(["Broadcasting", "Communications", "Committee"], English.of(text))
    assert found is not None and found.text == "Committee on Science, ICT, Broadcasting and Communications"
    # ...but a comma before a name of several words parts two names
    text = "said Kim, Director of Distribution and Consumption Policy, Ministry of Agriculture, Food and Rural Affairs."
    found = render_name_word(["Distribution", "Consumption", "Director"], English.of(text))
    assert found is not None and found.text == "Director of Distribution and Consumption Policy"


def test_a_korean_noun_of_a_person_rendered_by_a_modifier_takes_the_person_the_english_names():
    def rendered(text, term, other=None, key="외국인"):
        en = English.of(text)
        return render([0], posteriors(en, term, other), en, 0.9, term_key=key).text

    text = "Retail investors sold, but foreign investors bought a net 2 trillion won."
    assert rendered(text, {"foreign": 0.8}) == "foreign investors"
    assert rendered("The complaint names an unidentified individual.", {"unidentified": 0.5},
                    key="성명불상자") == "unidentified individual"
    # another Korean word's word, a noun that names a person already, or no noun of a person: as it was
    assert rendered(text, {"foreign": 0.8}, {"investors": 0.2}) == "foreign"
    assert rendered("Many defectors testified in court.", {"defectors": 0.8}, key="탈북자") == "defectors"
    assert rendered(text, {"foreign": 0.8}, key="외국") == "foreign"


def test_a_korean_noun_that_only_ends_like_a_person_takes_no_word_after_its_rendering():
    # 원인, 확인, 적자 end in 인 or 자 but name no person: the word after is no person of theirs
    def rendered(text, term, key):
        en = English.of(text)
        return render([0], posteriors(en, term), en, 0.9, term_key=key).text

    assert rendered("Investigators said the cause remains unknown.", {"cause": 0.8}, "원인") == "cause"
    assert rendered("Officials confirmed reports of the outbreak.", {"confirmed": 0.8}, "확인") == "confirmed"
    assert rendered("The country ran a trade deficit again.", {"deficit": 0.8}, "적자") == "deficit"
    # a noun of a person after the modifier is still taken
    assert rendered("Several foreign nationals were detained.", {"foreign": 0.8}, "외국인") == "foreign nationals"


def test_workers_stay_terms_for_the_phrases_labour_stories_track():
    # 해외 is generic: 해외 노동자 'overseas workers' has a phrase row only while 노동자 is a term
    # (as 군인 stays one for its compounds); 선장 beside it is a plain role word
    is_term = TermVocabulary({"노동자", "근로자", "파견", "선장", "해외"})
    abroad = korean_units("북한 당국이 해외 노동자 파견을 늘리고 있다.")
    assert [o.term for o in term_occurrences(abroad, is_term)] == ["노동자", "파견"]
    port = korean_units("어선 선장과 외국인 근로자들이 항구에서 시위를 벌였다.")
    assert [o.term for o in term_occurrences(port, is_term)] == ["근로자"]


def test_patients_stay_terms_for_the_phrases_medical_stories_track():
    # 이송 is generic, and 위중증 a word the lexicon lacks: the phrases need 환자's own row
    is_term = TermVocabulary({"환자", "확진자", "이송"})
    units = korean_units("신규 확진자가 늘면서 위중증 환자 이송이 늦어지고 있다.")
    assert [o.term for o in term_occurrences(units, is_term)] == ["확진자", "환자"]


# ---------------------------------------------------------------- round 14: foreign names written apart

def test_a_foreign_name_written_apart_is_found_word_by_word_by_its_sound():
    from toolkit.terms.renderings import render_name_run

    en = English.of("His spokesman in London, Chris Goodman, told the British Press Association it was over.")

    def cut(names):
        found = render_name_run(names, en)
        return None if found is None else [en.text[a:b] for a, b in found]

    assert cut(["크리스", "굿맨"]) == ["Chris", "Goodman"]  # 'ch' before 'r' is hard
    assert cut(["브리티시", "프레스", "어소시에이션"]) == ["British", "Press", "Association"]  # -tion is soft
    assert cut(["굿맨", "크리스"]) is None  # in order, or not at all
    assert cut(["크리스", "대변인"]) is None  # every word sounds like its own
    # a Korean word of two English ones takes the word before it where both sound like it and begin
    # as it does; a title or an article before a name does not ('Lawyer Sveta', 'The National')
    en = English.of("The New Zealand Press said so. Lawyer Sveta Vujacic agreed.")
    assert cut(["뉴질랜드", "프레스"]) == ["New Zealand", "Press"]
    assert cut(["스베타", "부자시치"]) == ["Sveta", "Vujacic"]


def test_a_foreign_name_written_apart_gets_a_row_and_its_words_their_english_word():
    rows = phrase_rows("크리스 굿맨 대변인은 브리티시 프레스 어소시에이션에 그렇게 말했다.",
                       "The spokesman, Chris Goodman, told the British Press Association so.",
                       {("대변인", "spokesman"): 0.9, ("프레스", "Press"): 0.8}, {"대변인", "프레스"})
    assert rows["크리스 굿맨"]["en_rendering"] == "Chris Goodman"
    assert rows["굿맨"]["en_rendering"] == "Goodman" and rows["굿맨"]["part_of"] == "크리스 굿맨"  # no term alone
    assert rows["브리티시 프레스 어소시에이션"]["en_rendering"] == "British Press Association"
    assert rows["프레스"]["en_rendering"] == "Press"  # its own rendering stands
    assert rows["대변인"]["en_rendering"] == "spokesman" and rows["대변인"]["part_of"] is None
    # words that only sound alike as a whole, or a run the English does not write, make no row
    rows = phrase_rows("크리스 굿맨 대변인이 말했다.", "The spokesman said so.", {("대변인", "spokesman"): 0.9}, {"대변인"})
    assert "크리스 굿맨" not in rows and "굿맨" not in rows


def test_a_word_the_english_writes_by_its_sound_is_rendered_by_it_where_the_model_says_otherwise():
    # a loanword the lexicon lacks, which the model ties to the noun beside it
    rows = _terms_bead("배트맨이 돌아왔다.", "The superhero Batman is back.", {"배트맨"}, {("배트맨", "superhero"): 0.8})
    assert rows["배트맨"]["en_rendering"] == "Batman"
    rows = _terms_bead("배트맨이 돌아왔다.", "The superhero is back.", {"배트맨"}, {("배트맨", "superhero"): 0.8})
    assert rows["배트맨"]["en_rendering"] == "superhero"  # nothing sounds like it: the model stands
    # a name written once, which the model ties to the name beside it: that one only ends alike
    links = {("삼지연", w): 0.5 for w in ("Kim", "Jong", "Un")}
    rows = _terms_bead("김정은 위원장이 양강도 삼지연을 찾았다.", "Kim Jong Un visited Samjiyon County.", {"위원장"},
                      links)
    assert rows["삼지연"]["en_rendering"] == "Samjiyon"
    # ... but a name beginning with ㄴ, ㄹ, ㅇ or ㅎ may begin otherwise in English (이 'Lee')
    from toolkit.align.phonetic import skeleton_en, skeleton_ko
    from toolkit.terms.sound import begins_alike

    assert skeleton_ko("이명박")[:1] != skeleton_en("Lee Myung-bak")[:1] and begins_alike("이명박", "Lee Myung-bak")
    assert not begins_alike("삼지연", "Kim Jong Un")


def test_a_korean_name_is_rendered_by_its_whole_romanized_name():
    ko = "정상근 위원장과 오상철 교무, 이정란 교령이 자리를 함께했다."
    en = "Committee chairman Chung Sang-geun, minister Oh Sang-chul and leader Lee Jeong-ran attended."
    # the model ties a name it met once to its given name alone ('Oh' is no content word) or to
    # the name beside it, which sounds alike as loosely
    links = {("오상철", "Sang"): 0.6, ("오상철", "chul"): 0.6, ("이정란", "geun"): 0.5, ("위원장", "chairman"): 0.9}
    rows = _terms_bead(ko, en, {"위원장"}, links)
    assert rows["오상철"]["en_rendering"] == "Oh Sang-chul"
    assert rows["이정란"]["en_rendering"] == "Lee Jeong-ran"
    # a name Kiwi cuts into pieces (정/NNP + 상근/NNG "full-time") has a row of its own
    assert rows["정상근"]["en_rendering"] == "Chung Sang-geun"
    # with no romanized name in the English, the model's words stand
    rows = _terms_bead(ko, "Two religious leaders, Sang and Jeong, attended.", {"위원장"},
                       {("오상철", "Sang"): 0.6, ("이정란", "Jeong"): 0.6})
    assert rows["오상철"]["en_rendering"] == "Sang" and "정상근" not in rows


def test_a_korean_name_is_never_rendered_by_the_romanized_name_of_another_person_of_its_bead():
    # two people of one surname; the English names only one of them: the other has no rendering,
    # not the first one's name, which sounds alike
    rows = _terms_bead("김영수 씨와 김영숙 씨가 시장에서 만났다.", "Kim Young-sook met a friend at the market.", set(), {})
    assert rows["김영숙"]["en_rendering"] == "Kim Young-sook"
    assert rows["김영수"]["status"] == "not_found" and rows["김영수"]["en_rendering"] is None
    # alone in its bead, a name the English spells loosely keeps its rendering
    rows = _terms_bead("김영수 씨가 시장에서 친구를 만났다.", "Kim Young-sook met a friend at the market.", set(), {})
    assert rows["김영수"]["en_rendering"] == "Kim Young-sook"


def test_a_body_name_grows_over_of_to_its_english_head_or_name():
    def rendered(ko: str, en: str, known: set[str], links: dict[tuple[str, str], float]) -> dict[str, str]:
        return {k: r["en_rendering"] for k, r in _terms_bead(ko, en, known, links).items()}

    # the head alone: forward over 'of' and the capitalised name after it
    rows = rendered("도 보건국은 이달부터 집중 점검에 들어갔다.", "The provincial Bureau of Public Health began intensive checks.",
                    {"보건국", "점검"}, {("보건국", "Bureau"): 0.7, ("점검", "checks"): 0.8})
    assert rows["보건국"] == "Bureau of Public Health"
    # the name alone: back over 'of' to the head of a body before it (the English may name it by another head)
    rows = rendered("군 검열국이 간부들을 조사했다.", "The county Ministry of Central Inspection questioned officials.",
                    {"검열국", "간부"}, {("검열국", "Central"): 0.5, ("검열국", "Inspection"): 0.6, ("간부", "officials"): 0.8})
    assert rows["검열국"] == "Ministry of Central Inspection"
    # ... never over a word another Korean word links, nor to a word that heads no body
    rows = rendered("통일부 장관이 기자회견을 열었다.", "The Minister of Unification held a press conference.",
                    {"통일부", "장관"}, {("통일부", "Unification"): 0.6, ("장관", "Minister"): 0.8})
    assert rows["통일부"] == "Unification"
    rows = rendered("도 보건국은 이달부터 집중 점검에 들어갔다.", "The provincial Bureau of Public Health began checks.",
                    {"보건국", "점검"}, {("보건국", "Bureau"): 0.7, ("점검", "Public"): 0.5, ("점검", "checks"): 0.5})
    assert rows["보건국"] == "Bureau"
    # a run of capitalised words longer than a body's name goes on into a title or another name: the
    # name's end is not known, and the head stays alone
    rows = rendered("보위부는 이번 사건을 조사했다.", "The Ministry of State Security Director General Kim said the case was closed.",
                    {"보위부"}, {("보위부", "Ministry"): 0.7})
    assert rows["보위부"] == "Ministry"
    rows = rendered("안전부가 단속을 벌였다.", "The Ministry of People's Security Chief Inspector led a crackdown.",
                    {"안전부", "단속"}, {("안전부", "Ministry"): 0.7, ("단속", "crackdown"): 0.8})
    assert rows["안전부"] == "Ministry"


def test_a_name_found_by_its_sound_takes_the_head_its_korean_ending_names():
    rows = _terms_bead("석탄이 흥남항과 청진항으로 들어왔다.", "Coal arrived at Hungnam Port and Chongjin Port.", {"석탄"},
                       {("석탄", "Coal"): 0.9})
    assert rows["흥남항"]["en_rendering"] == "Hungnam Port"
    rows = _terms_bead("석탄이 흥남항과 청진항으로 들어왔다.", "Coal arrived at Hungnam, then at Chongjin Port.", {"석탄"},
                       {("석탄", "Coal"): 0.9})
    assert rows["흥남항"]["en_rendering"] == "Hungnam"


def test_a_loose_korean_initial_is_loose_only_towards_the_letters_it_is_written_in():
    from toolkit.terms.sound import begins_alike

    # ㅎ is H (or J, R, W: 호르헤 'Jorge', 호날두 'Ronaldo'), never L: 현대인 'modern people' is no 'London'
    assert begins_alike("허드슨", "Hudson") and begins_alike("하미드", "Hamid") and begins_alike("호날두", "Ronaldo")
    assert not begins_alike("현대인", "London")
    assert begins_alike("이명박", "Rhee Myung-bak") and begins_alike("이택수", "Yi Taek-soo") and begins_alike("류현진", "Yoo Hyun-jin")
    assert begins_alike("예루살렘", "Jerusalem")
    rows = _terms_bead("현대인은 스트레스를 많이 받는다.", "In London, modern people are under a lot of stress.",
                       {"현대인", "스트레스"}, {("현대인", "modern"): 0.8, ("현대인", "people"): 0.7, ("스트레스", "stress"): 0.9})
    assert rows["현대인"]["en_rendering"] != "London"


def test_a_rendering_that_is_only_a_modifier_of_the_lexicons_phrases_takes_the_noun_after_it():
    grain = [(stem("grain"), stem("shop")), (stem("state"), stem("grain"), stem("shop"))]

    def rendered(en: str, others: dict[str, float] = {}) -> str | None:
        english = English.of(en)
        rows = []
        for k in english.content:
            word = english.spans[k][0]
            term, other = (0.8, 0.0) if word == "grain" else (0.0, others.get(word, 0.0))
            rows.append([term, other, 1.0 - term - other])
        return render([0], rows, english, 0.9, grain).text

    assert rendered("The authorities set up grain warehouses in every region.") == "grain warehouses"
    assert rendered("The authorities set up grain warehouses.", {"warehouses": 0.6}) == "grain"  # another's
    assert rendered("They sold grain cheaply.") == "grain"  # no noun after it
    assert rendered("Prices of grain rose.", {"rose": 0.7}) == "grain"  # a verb: its Korean verb links it
    # a word the lexicon also renders alone, or as a head, takes nothing
    english = English.of("They opened grain warehouses.")
    rows = [[0.8, 0.0, 0.2] if english.spans[k][0] == "grain" else [0.0, 0.0, 1.0] for k in english.content]
    assert render([0], rows, english, 0.9, [*grain, (stem("grain"),)]).text == "grain"
    # a rendering of two words that the lexicon writes only before its head ("North Korean won" for
    # 국돈) takes the noun after it as one word does
    won = [(stem("North"), stem("Korean"), stem("won")), (stem("won"),)]
    english = English.of("Traders hoard North Korean money at home.")
    rows = [[0.8, 0.0, 0.2] if english.spans[k][0] in ("North", "Korean") else [0.0, 0.0, 1.0] for k in english.content]
    assert render([0], rows, english, 0.9, won).text == "North Korean money"
    english = English.of("Traders hoard North Korean cash at home.")
    rows = [[0.8, 0.0, 0.2] if english.spans[k][0] in ("North", "Korean") else
            [0.0, 0.7, 0.3] if english.spans[k][0] == "cash" else [0.0, 0.0, 1.0] for k in english.content]
    assert render([0], rows, english, 0.9, won).text == "North Korean"  # another word's


def test_a_modifier_run_takes_a_noun_after_it_never_a_verb():
    # 'the North Korean' can be a subject: the word after it may be its verb, which no rendering holds
    won = [(stem("North"), stem("Korean"), stem("won")), (stem("won"),)]

    def rendered(en: str) -> str | None:
        english = English.of(en)
        rows = [[0.8, 0.0, 0.2] if english.spans[k][0] in ("North", "Korean") else [0.0, 0.0, 1.0]
                for k in english.content]
        return render([0], rows, english, 0.9, won).text

    assert rendered("Prices rose after the North Korean sold dollars.") == "North Korean"  # an irregular past
    assert rendered("He said the North Korean gets paid in rice.") == "North Korean"  # an -s verb
    assert rendered("A North Korean pays traders in yuan.") == "North Korean"
    assert rendered("The North Korean earns more than a teacher.") == "North Korean"  # a common regular verb
    assert rendered("They say the North Korean rode a bicycle across the border.") == "North Korean"
    # nouns after it, plural or in -s, are still its head
    assert rendered("North Korean workers are paid in rice.") == "North Korean workers"
    assert rendered("North Korean sales fell last year.") == "North Korean sales"
    assert rendered("Traders hoard North Korean notes at home.") == "North Korean notes"
    # in a bead, with the lexicon's phrases: the term tied to 'North Korean' keeps no verb
    from toolkit.terms.beads import Bead as TermsBead

    def bead_rows(korean: str, english: str) -> dict[str, str | None]:
        words = TermVocabulary({"국돈", "달러"})
        bead = TermsBead("a", 0, 0.9, English.of(english), merged_units([("ko-s1", korean_units(korean))], words))
        model = TableModel({("국돈", stem("North")): 0.6, ("국돈", stem("Korean")): 0.6, ("달러", stem("dollars")): 0.9})
        return {r["ko_term"]: r["en_rendering"] for r in term_rows([bead], {}, words, model, {"국돈": won})}

    assert bead_rows("그는 탈북민이 국돈으로 모은 돈을 달러로 바꿨다고 말했다.",
                     "He said the North Korean sold his savings for dollars.")["국돈"] == "North Korean"
    assert bead_rows("상인들은 국돈 지폐를 달러로 바꿨다.", "Traders exchanged North Korean notes for dollars.")["국돈"] == \
        "North Korean notes"


def test_a_long_body_name_whose_head_alone_is_rendered_takes_the_capitalised_name_ending_in_it():
    ko = "피해 보고가 시 농촌경리위원회에 들어왔다."
    rows = _terms_bead(ko, "The damage was reported to the city's Rural Economic Management Committee.",
                       {"위원회"}, {("위원회", "Committee"): 0.9})
    assert rows["농촌경리위원회"]["en_rendering"] == "Rural Economic Management Committee"
    assert rows["위원회"]["part_of"] == "농촌경리위원회"
    # a run shorter than the name, or one that does not end in the head, is no rendering of it
    short = _terms_bead(ko, "The damage was reported to the Economic Committee.", {"위원회"},
                        {("위원회", "Committee"): 0.9})
    assert "농촌경리위원회" not in short
    first = _terms_bead(ko, "The damage was reported to the Committee for Rural Economic Management.",
                        {"위원회"}, {("위원회", "Committee"): 0.9})
    assert "농촌경리위원회" not in first


def test_kept_posteriors_are_the_models_and_a_callers_change_stays_its_own():
    from toolkit.terms.rows import _posteriors_for

    calls = []

    class Counting(TableModel):
        def link_posteriors(self, ko, en):
            calls.append((tuple(ko), tuple(en)))
            return super().link_posteriors(ko, en)

    model = Counting({("주민", "resid"): 0.25, ("체포", "arrest"): 0.5})
    posteriors_of = _posteriors_for(model)
    first = posteriors_of(["주민", "체포"], ("resid", "arrest"))
    assert first.tolist() == model.link_posteriors(["주민", "체포"], ["resid", "arrest"])
    with pytest.raises(ValueError):  # read-only: one caller cannot change what another gets
        first[0, 0] = 9.0
    mine = first.tolist()  # a caller's own lists
    mine[0][0] = 9.0
    assert posteriors_of(["주민", "체포"], ["resid", "arrest"])[0, 0] == 0.25
    assert len(calls) == 2  # the model asked once by the look-up (the third call is kept), once directly
    assert _posteriors_for(Counting({})) is not posteriors_of  # another model: another look-up


def test_kept_posteriors_follow_a_model_trained_again_in_place():
    """WordAligner.train sets new tables on the same object (a notebook, or two builds in one
    process, trains one aligner twice): the look-up must not give the first training's values."""
    from toolkit.align.wordalign import WordAligner
    from toolkit.terms.rows import _posteriors_for

    model = WordAligner().train([(["주민", "체포"], ["resid", "arrest"])] * 3)
    before = _posteriors_for(model)(["주민", "체포"], ["resid", "arrest"]).tolist()
    model.train([(["주민", "체포"], ["arrest", "resid"])] * 3 + [(["주민"], ["arrest"])] * 3)
    after = model.link_posteriors(["주민", "체포"], ["resid", "arrest"])
    assert after != before  # the second training moved the values (else this test shows nothing)
    assert _posteriors_for(model)(["주민", "체포"], ["resid", "arrest"]).tolist() == after


def test_a_name_by_its_sound_is_the_nearer_of_two_names_alike_in_sound():
    # two names written once, each beside the other: each takes its own English, not the first written
    for korean, english in (("박영선 의원과 박영수 특검이 만났다.", "Lawmaker Park Young-sun met special counsel Park Young-soo."),
                            ("박영수 특검과 박영선 의원이 만났다.", "Special counsel Park Young-soo met lawmaker Park Young-sun.")):
        rows = _terms_bead(korean, english, {"의원", "특검"}, {("의원", "Lawmaker"): 0.9, ("의원", "lawmaker"): 0.9,
                                                              ("특검", "counsel"): 0.9})
        assert rows["박영수"]["en_rendering"] == "Park Young-soo" and rows["박영선"]["en_rendering"] == "Park Young-sun"
    # a run of three words (a hyphened given name) is still preferred to the shorter runs inside it
    from toolkit.terms.renderings import render_by_sound

    english = English.of("Kwon Young met Minister Kwon Young-se.")
    assert render_by_sound("권영세", english, [[0.0] for _ in english.content], []).text == "Kwon Young-se"


def test_a_capitalised_run_that_is_no_whole_name_is_no_long_body_name():
    ko = "농촌경리위원회는 모내기를 독려했다."
    links = {("위원회", "Committee"): 0.9, ("모내기", "planting"): 0.8}
    for english in ("Last Year Pyongyang Committee members urged rice planting.",  # cut from a sentence's capitals
                    "Since Monday North Korean Committee officials urged planting.",  # a weekday in it
                    "In Spring The Committee urged planting."):  # a capitalised function word in it
        rows = _terms_bead(ko, english, {"위원회", "모내기"}, links)
        assert "농촌경리위원회" not in rows, english
    rows = _terms_bead(ko, "The Rural Economic Management Committee urged rice planting.", {"위원회", "모내기"}, links)
    assert rows["농촌경리위원회"]["en_rendering"] == "Rural Economic Management Committee"


def test_ti_is_soft_only_in_the_endings_tion_tious_tial_inside_a_word():
    from toolkit.terms.sound import begins_alike

    assert begins_alike("어소시에이션", "Association") and begins_alike("네이션", "Nation")
    # a word-initial 'ti' and the 'ti' of -tia, -tiago stay hard
    assert begins_alike("톈진", "Tianjin") and begins_alike("톈안먼", "Tiananmen")
    assert begins_alike("크로아티아", "Croatia") and begins_alike("티아고", "Tiago")


def test_a_compound_kiwi_reads_as_one_noun_is_split_into_the_known_words_it_is_made_of():
    from toolkit.terms.korean import known_pieces

    known = {"북한", "군", "미사일", "리", "국제", "연구소"}.__contains__
    assert known_pieces("북한군", known) == ("북한", "군")
    assert known_pieces("스파이크미사일", known) == ("스파이크", "미사일")  # an unknown first piece: a name
    # a piece of one syllable only as the head: 리 'village' is no piece of 미들베리
    assert known_pieces("미들베리국제연구소", known) == ("미들베리", "국제", "연구소")
    assert known_pieces("연구소", known) is None and known_pieces("군", known) is None


def test_a_compound_the_model_cannot_tie_is_rendered_by_its_pieces_written_as_one_phrase():
    from toolkit.terms.beads import Bead as TermsBead
    from toolkit.terms.compounds import render_compound

    entries = {"북한": [(stem("DPRK"),), (stem("North"), stem("Korea"))], "군": [(stem("troops"),)],
               "미사일": [(stem("missile"),)]}

    def rendering(english: str) -> str | None:
        words = TermVocabulary({"북한군"})
        units = merged_units([("ko-s1", korean_units("러시아로 파병된 북한군이 최전선에 투입됐다."))], words)
        bead = TermsBead("a", 0, 0.9, English.of(english), units)
        return {r["ko_term"]: r for r in term_rows([bead], {}, words, TableModel({}), entries)}["북한군"]["en_rendering"]

    assert rendering("More than 10,000 DPRK troops sent to Russia went to the front line.") == "DPRK troops"
    assert rendering("North Korea troops were sent to Russia's front line.") == "North Korea troops"
    # the pieces' words apart, in the other order, or cut from a word hyphened on are no rendering of it
    assert rendering("The DPRK sent troops to Russia's front line.") is None
    assert rendering("Troops of the DPRK were sent to the front line in Russia.") is None
    assert rendering("Pro-DPRK troops were sent to the front line in Russia.") is None

    def phrases_of(keys):
        return sorted({p for k in keys for p in entries.get(k, ())})

    pieces, known = ("스파이크", "미사일"), entries.__contains__
    assert render_compound(pieces, English.of("The army moved its Spike missile base."), phrases_of, known).text == \
        "Spike missile"
    assert render_compound(pieces, English.of("They saw a spike in missile tests."), phrases_of, known) is None
    assert render_compound(pieces, English.of("The army moved its new missile base."), phrases_of, known) is None


def test_a_body_name_kiwi_reads_as_one_noun_is_the_capitalised_name_holding_its_head_and_pieces():
    from toolkit.terms.compounds import render_body_name

    entries = {"통일": [(stem("unification"),)], "국제": [(stem("international"),)], "연구원": [(stem("researcher"),)],
               "연구소": [(stem("institute"),)]}

    def phrases_of(keys):
        return sorted({p for k in keys for p in entries.get(k, ())})

    def name(term: str, pieces: tuple[str, ...], english: str) -> str | None:
        found = render_body_name(term, pieces, English.of(english), phrases_of, entries.__contains__)
        return None if found is None else found.text

    assert name("통일연구원", ("통일", "연구원"), "Kim spoke at the Korea Institute for National Unification on "
                "Monday.") == "Korea Institute for National Unification"
    # an unknown first piece is found by its sound
    assert name("미들베리국제연구소", ("미들베리", "국제", "연구소"), "Han Mi-ra, a professor at the Middlebury "
                "Institute of International Studies, said so.") == "Middlebury Institute of International Studies"
    # no head its ending names, a piece not rendered, or the pieces in two names: none
    assert name("통일연구원", ("통일", "연구원"), "Kim spoke at the Korea Forum for National Unification.") is None
    assert name("통일연구원", ("통일", "연구원"), "Kim spoke at the Korea Development Institute.") is None
    assert name("통일연구원", ("통일", "연구원"), "The Sejong Institute and the Ministry of Unification spoke.") is None


def test_a_body_name_is_found_when_a_piece_is_also_written_in_lower_case_elsewhere_in_the_bead():
    from toolkit.terms.compounds import render_body_name

    entries = {"통일": [(stem("unification"),)], "연구원": [(stem("researcher"),)]}

    def phrases_of(keys):
        return sorted({p for k in keys for p in entries.get(k, ())})

    # the report of an institute named for unification says 'unification' again: the name stands
    found = render_body_name("통일연구원", ("통일", "연구원"), English.of(
        "The Korea Institute for National Unification said in a report that unification policy must change."),
        phrases_of, entries.__contains__)
    assert found is not None and found.text == "Korea Institute for National Unification"


def test_a_compound_rendered_by_its_pieces_takes_no_word_that_renders_another_noun_of_the_bead():
    from toolkit.terms.beads import Bead as TermsBead

    # 'minister' and 'ministry' have one stem: 부's 'ministry' would take 장관's 'minister'
    entries = {"사법": [(stem("justice"),)], "부": [(stem("ministry"),)], "장관": [(stem("minister"),)]}
    words = TermVocabulary({"사법부", "장관"})

    def rows(korean: str, english: str) -> dict:
        units = merged_units([("ko-s1", korean_units(korean))], words)
        bead = TermsBead("a", 0, 0.9, English.of(english), units)
        return {r["ko_term"]: r["en_rendering"] for r in term_rows([bead], {}, words, TableModel({}), entries)}

    assert rows("대통령은 사법부 장관에게 철저한 조사를 지시했다.",
                "The president told the justice minister to look into it.")["사법부"] is None
    assert rows("대통령은 사법부에 철저한 조사를 지시했다.",
                "The president told the justice ministry to look into it.")["사법부"] == "justice ministry"


def test_a_word_kiwi_reads_whole_takes_the_prior_of_the_lexicon_keys_it_is_spelled_of():
    from toolkit.terms.model import Training, spelled_of

    entries = {"강습": frozenset({(stem("training"),)}), "부대": frozenset({(stem("unit"),)}),
               "지시": frozenset({(stem("ordered"),)}), "위험": frozenset({(stem("danger"),)}),
               "지역": frozenset({(stem("area"),)})}
    # its keys and a last syllable left unread (a suffix: 회), not a word written whole of keys, whose own
    # English the archive knows better (위험지역 'danger zones'), nor one with a syllable unread inside
    assert spelled_of("강습회", entries) == ["강습"]
    assert spelled_of("위험지역", entries) == []
    assert spelled_of("강습부대", entries) == []
    assert spelled_of("강습다부대", entries) == []
    assert spelled_of("강습", entries) == []

    korean = [("ko-s1", korean_units("군 당국은 지난 주말 각 부대에 강습회를 열라고 지시했다."))]
    english = English.of("Military authorities ordered units to hold training sessions last weekend.")

    def posterior_of_training(lexicon: dict) -> float:
        training = Training(lexicon, TermVocabulary(set(lexicon)))
        training.add(0.9, korean, english.stems, [english.word(n) for n in range(len(english.stems))])
        model = training.model().aligner
        keys = [u.key for _, units in korean for u in units]
        return model.link_posteriors(keys, english.stems)[english.stems.index(stem("training"))][keys.index("강습회")]

    assert posterior_of_training(entries) >= 0.3  # a link (renderings.LINK)
    assert posterior_of_training({k: v for k, v in entries.items() if k != "강습"}) < 0.3


def test_a_run_of_words_writing_every_consonant_of_a_long_name_renders_it_whatever_another_word_claims():
    from toolkit.terms.renderings import render_by_sound

    english = English.of("The images, taken by Greenfield Labs, show a new facility.")

    def posteriors(claimed: str) -> list[list[float]]:  # columns: the name, 연구소, nothing
        return [[0.0, 0.8, 0.2] if english.word(n) == claimed else [0.0, 0.0, 1.0] for n in range(len(english.stems))]

    # 연구소, met once, is tied to 'Labs' by the model: the name's two words still write it whole
    assert render_by_sound("그린필드랩스", english, posteriors("Labs"), [0]).text == "Greenfield Labs"
    # a name the run writes with a consonant more does not outweigh that claim: the words no one claims
    assert render_by_sound("그린필드랩", english, posteriors("Labs"), [0]).text == "Greenfield"


def spelled_priors(entries: dict, korean: str, english: str) -> dict:
    """Training.joined after one confident bead: the priors its words the lexicon lacks were given."""
    from toolkit.terms.model import Training

    en = English.of(english)
    training = Training(entries, TermVocabulary(set(entries)))
    training.add(0.9, [("ko-s1", korean_units(korean))], en.stems, [en.word(n) for n in range(len(en.stems))])
    return training.joined


def test_a_personal_name_whose_syllables_spell_a_lexicon_key_takes_no_prior_from_that_word():
    entries = {"신원": frozenset({(stem("identity"),)}), "청진": frozenset({(stem("Chongjin"),)}),
               "장관": frozenset({(stem("minister"),)}), "확인": frozenset({(stem("confirm"),)})}
    joined = spelled_priors(entries, "신원식 장관은 청진시에서 귀순자의 신원을 확인했다고 밝혔다.",
                            "Minister Shin Won-sik said the identity of the defector was confirmed in Chongjin.")
    # 신원식 (Shin Won-sik) is a name whose syllables are sounds, not 신원 'identity' and a suffix; a place
    # the transliteration table names, before its ending, is still its name (청진시: Chongjin)
    assert "신원식" not in joined
    assert joined["청진시"] == entries["청진"]


def test_a_loanword_that_merely_begins_with_a_lexicon_key_takes_no_prior_from_it():
    entries = {"스파이": frozenset({(stem("spy"),)}), "학습": frozenset({(stem("study"),)}),
               "배치": frozenset({(stem("deploy"),)})}
    joined = spelled_priors(entries, "군은 학습회를 마친 뒤 서북도서에 스파이크 미사일을 배치했다.",
                            "After a study session, the military deployed Spike missiles on the northwestern islands.")
    # 크 ends a loanword (Spike), it is no suffix of 스파이 'spy': a syllable of ㅡ with no final consonant
    # writes an English consonant, which no Sino-Korean suffix (회, 서, 력) is
    assert "스파이크" not in joined
    assert joined["학습회"] == entries["학습"]


def test_a_word_refused_a_prior_as_a_proper_noun_is_asked_again_when_kiwi_reads_it_as_a_common_one():
    from toolkit.terms.model import Training

    entries = {"신원": frozenset({(stem("identity"),)})}
    english = English.of("The identity check was strict.")
    training = Training(entries, TermVocabulary(set(entries)))
    surface = [english.word(n) for n in range(len(english.stems))]
    # the same key, tagged NNP in one bead (no prior: a person's name) and NNG in a later one
    training.add_keys(0.9, ["신원식"], english.stems, surface, ["NNP"], [""])
    assert "신원식" not in training.joined
    training.add_keys(0.9, ["신원식"], english.stems, surface, ["NNG"], [""])
    assert training.joined["신원식"] == entries["신원"]


def test_rivals_from_the_kept_array_are_those_from_the_lists():
    """rows hands `rivals` the kept float array of the posteriors: the claims must be the ones
    the lists give (ties, a word written twice, NULL column left out)."""
    import numpy as np

    from toolkit.terms.renderings import rivals

    posteriors = [[0.5, 0.2, 0.5, 0.1], [0.1, 0.7, 0.1, 0.3], [0.0, 0.0, 0.0, 1.0]]
    keys = ["주민", "체포", "주민"]
    matrix = np.array(posteriors, dtype=float)
    matrix.flags.writeable = False
    given, built = rivals(posteriors, keys, matrix=matrix), rivals(posteriors, keys)
    assert given.top == built.top and given.columns == built.columns
    assert given.against({0}, [1, 1, 1]) == built.against({0}, [1, 1, 1])
    assert given.masses(posteriors, [1]) == built.masses(posteriors, [1])


def test_a_hyphened_piece_that_is_no_content_word_stays_with_its_word():
    # '-19' of 'COVID-19' and '-A' of 'Dong-A' are no content words the model can link: a
    # rendering neither ends before them nor stops at them when the next word is linked too
    en = English.of("The hospital reported two COVID-19 deaths in the city on Monday.")
    assert render([0], posteriors(en, {"COVID": 0.9}), en, 0.9).text == "COVID-19"
    en = English.of("The survey was run by the Dong-A Ilbo and a research centre.")
    assert render([0], posteriors(en, {"Dong": 0.5, "Ilbo": 0.85}), en, 0.9).text == "Dong-A Ilbo"
    # a hyphened piece that is a content word is a word of its own, which the term may not take, also
    # when it is short enough to be a tail ('Tokyo' is not: five letters)
    en = English.of("The Seoul-Tokyo talks ended early.")
    assert render([0], posteriors(en, {"Seoul": 0.9}, {"Tokyo": 0.9}), en, 0.9).text == "Seoul"
    for en in map(English.of, ("North Korea-Iran arms deals worry Washington.", "North Korea-US talks ended.")):
        assert render([0], posteriors(en, {"North": 0.9, "Korea": 0.9}), en, 0.9).text == "North Korea"


def test_top_claims_compare_and_print_as_the_list_they_replaced():
    """TopClaims stands in for a list of lists: equal to that list, not to a tuple or another
    sequence of the same items (as a list is not), and printed as the list."""
    from toolkit.terms.renderings import rivals

    found = rivals([[0.5, 0.2, 0.1], [0.1, 0.7, 0.1]]).top
    as_list = [list(claims) for claims in found]
    assert found == as_list and as_list == found and not found != as_list
    assert (found == tuple(as_list)) == (as_list == tuple(as_list)) is False
    assert repr(found) == repr(as_list)


def test_is_outlet_answers_by_the_ending_after_something_else():
    from toolkit.credits.vocabulary import KO_NEWS_ENDINGS
    from toolkit.terms.renderings import is_outlet

    for term in ("자유아시아방송", "조선일보", "연합뉴스", "중앙통신", "방송", "일보", "방송국", "신문사", "뉴스1", "통일",
                 "일보일보", "", "미국의소리방송"):
        assert is_outlet(term) == any(term.endswith(e) and len(term) > len(e) for e in KO_NEWS_ENDINGS)
    assert is_outlet("자유아시아방송") and not is_outlet("방송") and not is_outlet("방송국")


def test_top_claims_are_made_when_read_and_are_the_claims_largest_first():
    from toolkit.terms.renderings import LINK, rivals

    posteriors = [[0.5, 0.2, 0.5, 0.1], [0.1, 0.7, 0.1, 0.3], [0.0, 0.0, 0.0, 1.0], [0.35, 0.1, 0.2, 0.4]]
    found = rivals(posteriors, ["주민", "체포", "조사"])
    assert found.top._known == {}  # nothing made before it is read
    assert found.top[1] == [(0.7, 1), (0.1, 0), (0.1, 2)] and list(found.top._known) == [1]
    assert found.top[-1] == [(0.35, 0), (0.2, 2), (0.1, 1)] and found.top[0][0] == (0.5, 0)  # ties: the first column
    assert found.top == [[(0.5, 0), (0.5, 2), (0.2, 1)], [(0.7, 1), (0.1, 0), (0.1, 2)], [(0.0, 0), (0.0, 1), (0.0, 2)],
                         [(0.35, 0), (0.2, 2), (0.1, 1)]]
    assert found.tied == sum(claims[0][0] >= LINK for claims in found.top) == 3
    with pytest.raises(IndexError):
        found.top[-5]
    assert rivals([[0.2], [0.9]], []).tied == 0 and rivals([[0.2], [0.9]], []).top == [[], []]


@pytest.mark.parametrize("text, linked, rendering", [
    # 'U' of 'Korea-U.S.' opens the initialism: 북한 in 북미 대화 is 'North Korea', not 'North Korea-U'
    ("He feared that a North Korea-U.S. dialogue could leave Seoul out.", ("North", "Korea"), "North Korea"),
    ("Students held an anti-U.N. rally on Monday.", ("anti",), "anti"),
    ("The poll was run by the Dong-A.", ("Dong",), "Dong-A"),  # a piece ending the sentence is its word's
    # before a possessive or a closing quote the piece stays with its word (the possessive is left out)
    ("COVID-19's spread slowed in the capital last month.", ("COVID",), "COVID-19"),
    ("The Dong-A’s poll put his support at 41 percent.", ("Dong",), "Dong-A"),
    ("The city lifted its 'COVID-19' rules on Monday.", ("COVID",), "COVID-19"),
    ("He played rock-n'roll songs all night.", ("rock",), "rock"),  # an apostrophe inside a piece: no tail
    # a number stays with its word before another hyphened word (코로나19 관련 사망자), a function word not
    ("The city counted 12 COVID-19-related deaths last week.", ("COVID",), "COVID-19"),
    ("The North tested a Hwasong-17-class missile on Friday.", ("Hwasong",), "Hwasong-17"),
    ("The two leaders held face-to-face talks in Seoul.", ("face",), "face"),
])
def test_where_a_hyphened_piece_ends_and_where_it_is_no_tail(text: str, linked: tuple[str, ...], rendering: str):
    en = English.of(text)
    assert render([0], posteriors(en, dict.fromkeys(linked, 0.9)), en, 0.9).text == rendering
