"""Lexicon renderings respelled as a bead romanizes a name (toolkit/terms/respell.py)."""

from __future__ import annotations

from toolkit.align.english import stem
from toolkit.terms.korean import TermVocabulary, korean_units
from toolkit.terms.renderings import LINK, English, render
from toolkit.terms.respell import respelled, romanization_key


def test_romanizations_of_one_name_share_a_key_and_english_words_keep_theirs():
    assert romanization_key("hamgyo") == romanization_key("hamkyo") == romanization_key("hamgyu")
    assert romanization_key("ryangg") == romanization_key("yangga") == romanization_key("yangka")
    assert romanization_key("chongj") == romanization_key("jongji") != romanization_key("chongs")


def test_a_lexicon_phrase_is_respelled_only_by_a_capitalised_word_of_the_bead_beginning_alike():
    phrases = [(stem("North"), stem("Hamgyong")), (stem("cereal"),)]
    english = English.of("A source based in North Hamgyung Province said Korea sells grain.")
    found = respelled(phrases, english)
    assert (stem("North"), stem("Hamgyung")) in found
    # 'Korea' has the consonants of 'cereal' but not its first letter; a phrase written as it is stays alone
    assert len(found) == 3
    assert respelled([(stem("North"), stem("Hamgyung"))], english) == [(stem("North"), stem("Hamgyung"))]
    assert respelled(phrases, English.of("The grain was sold in North Hamgyong.")) == phrases


def test_a_province_spelled_otherwise_than_the_lexicon_renders_with_its_head_whatever_the_model_ties_the_head_to():
    english = English.of("A source in Yangkang Province reported the arrests.")
    province = english.stems.index(stem("Province"))

    def posteriors() -> list[list[float]]:  # columns: 양강도, 소식통, nothing
        return [[0.0, 0.6, 0.4] if n == province else [0.0, 0.0, 1.0] for n in range(len(english.stems))]

    lexicon = [(stem("Ryanggang"),)]
    assert render([0], posteriors(), english, 0.9, lexicon, term_key="양강도").status != "rendered"
    got = render([0], posteriors(), english, 0.9, respelled(lexicon, english), term_key="양강도")
    assert got.text == "Yangkang Province"


def _trained(entries, korean, english: English):
    """Training over one confident bead, with `entries` as the lexicon."""
    from toolkit.terms.model import Training

    training = Training(entries, TermVocabulary(set(entries)))
    training.add(0.9, korean, english.stems, [english.word(n) for n in range(len(english.stems))])
    return training


def test_the_model_learns_a_name_in_the_romanization_the_archive_writes():
    entries = {"양강도": frozenset({(stem("Ryanggang"),)}), "소식통": frozenset({(stem("source"),)}),
               "단속": frozenset({(stem("crackdown"),)})}
    korean = [("ko-s1", korean_units("양강도 소식통은 최근 국경 단속이 강화됐다고 전했다."))]
    english = English.of("A Yangkang source said the border crackdown has been stepped up.")
    training = _trained(entries, korean, english)
    assert training.respelled == {"양강도": {(stem("Yangkang"),)}}
    keys = [u.key for _, units in korean for u in units]

    def link() -> float:
        return training.model().aligner.link_posteriors(keys, english.stems)[
            english.stems.index(stem("Yangkang"))][keys.index("양강도")]

    assert link() >= LINK
    training.respelled.clear()  # the lexicon's spelling alone: the model leaves 'Yangkang' untied
    assert link() < LINK


def test_a_capitalised_english_word_the_lexicon_gives_another_korean_word_respells_no_rendering():
    """'China' has the consonants of 'channel' (경로) and 'change' (바꾸다), 'Central' those of
    'country' (국가), 'Monday' those of 'monitoring' (감시): words the lexicon already renders
    another Korean word by are English words, not the bead's spelling of a name."""
    entries = {"경로": frozenset({(stem("route"),), (stem("channel"),)}), "중국": frozenset({(stem("China"),)}),
               "감시": frozenset({(stem("monitoring"),)}), "월요일": frozenset({(stem("Monday"),)}),
               "밀수": frozenset({(stem("smuggling"),)})}
    korean = [("ko-s1", korean_units("밀수꾼들은 중국으로 가는 밀수 경로를 바꿨다."))]
    english = English.of("Smugglers found new routes into China, a source said.")
    training = _trained(entries, korean, english)
    assert training.respelled == {}
    monitoring = [(stem("monitoring"),)]
    assert respelled(monitoring, English.of("Monday saw a tighter watch on the border."), entries) == monitoring
    # a name the lexicon does not write is still respelled
    assert (stem("Yangkang"),) in respelled([(stem("Ryanggang"),)], English.of("Yangkang is cold."), entries)


def test_only_a_proper_nouns_renderings_are_respelled():
    """Respelling is for names: 'follow' of 이후 has the consonants and the first letter of
    'February', 'build' of 만들다 those of 'Boulder'; a common word's rendering is no name the bead
    romanizes otherwise, and a learned 'February' for 이후 would pull the archive's model."""
    entries = {"이후": frozenset({(stem("follow"),), (stem("later"),)}), "단속": frozenset({(stem("crackdown"),)}),
               "양강도": frozenset({(stem("Ryanggang"),)})}
    korean = [("ko-s1", korean_units("양강도에서는 2월 이후 국경 단속이 강화됐다."))]
    english = English.of("Since February, the border crackdown in Yangkang has been tightened.")
    training = _trained(entries, korean, english)
    assert training.respelled == {"양강도": {(stem("Yangkang"),)}}
