"""Where a name's rendering ends: not inside a hyphened given name, not on a title written in
capitals, not on the possessive of the sentence around it."""

from __future__ import annotations

from toolkit.align.english import stem
from toolkit.terms.compounds import render_body_name, render_compound
from toolkit.terms.renderings import English, Rendering, render_name_word
from toolkit.terms.sound import by_romanization

ENTRIES = {"통일": [(stem("unification"),)], "연구원": [(stem("researcher"),)]}


def phrases_of(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    return sorted({p for k in keys for p in ENTRIES.get(k, ())})


def body_name(english: str) -> str | None:
    found = render_body_name("통일연구원", ("통일", "연구원"), English.of(english), phrases_of,
                             ENTRIES.__contains__)
    return None if found is None else found.text


def test_a_romanized_name_cut_at_its_hyphen_is_completed():
    # the model ties 'Kang' and 'Kyung'; 'wha' (a spelling of 화 the table lacks) it ties to nothing
    en = English.of("Foreign Minister Kang Kyung-wha spoke with her Japanese counterpart on Tuesday.")
    got = by_romanization("강경화", Rendering("rendered", "Kang Kyung", 0.6), en)
    assert got.text == "Kang Kyung-wha"
    # a name the English spells whole is found as before (a Rendering, its words as written)
    en = English.of("Lee Jeong-ran, a farmer, said so.")
    assert by_romanization("이정란", Rendering("rendered", "farmer", 0.6), en).text == "Lee Jeong-ran"
    # written without the rest, the words stand; another name of the bead is never taken
    en = English.of("Foreign Minister Kang Kyung spoke on Tuesday.")
    assert by_romanization("강경화", Rendering("rendered", "Kang Kyung", 0.6), en).text == "Kang Kyung"
    en = English.of("Kang Kyung met Kim Kyung-wha on Tuesday.")
    assert by_romanization("강경화", Rendering("rendered", "Kang Kyung", 0.6), en).text == "Kang Kyung"
    # the completed words spell another name of the bead whole: that person's, never this one's
    en = English.of("The railway was built under former leader Kim Jong-il.")
    got = by_romanization("김정은", Rendering("rendered", "Kim Jong", 0.6), en, ["김정은", "김정일", "철도"])
    assert got.text != "Kim Jong-il"


def test_a_title_in_capitals_is_no_body_name():
    assert body_name("SEOUL SAYS KOREA INSTITUTE FOR NATIONAL UNIFICATION REPORT IS WRONG.") is None
    assert body_name("Seoul says the Korea Institute for National Unification report is wrong.") == \
        "Korea Institute for National Unification"
    # a title in capitals beside the name written in a sentence: the sentence's name
    assert body_name("UNIFICATION IS FAR, SEOUL SAYS. The Korea Institute for National Unification said so.") == \
        "Korea Institute for National Unification"


def test_a_long_name_leaves_the_possessive_of_its_sentence_out():
    en = English.of("Readers praised the National Library of Korea's new reading room on Monday.")
    found = render_name_word(["National", "Library"], en)
    assert found is not None and found.text == "National Library of Korea"


def test_a_compound_leaves_the_possessive_of_its_sentence_out():
    entries = {"한국": [(stem("South"), stem("Korean"))], "군": [(stem("army"),)]}

    def pieces_of(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
        return sorted({p for k in keys for p in entries.get(k, ())})

    en = English.of("The South Korean Army’s drill ended on Friday.")
    found = render_compound(("한국", "군"), en, pieces_of, entries.__contains__)
    assert found is not None and found.text == "South Korean Army"


def test_a_cut_name_is_never_completed_to_another_persons_name():
    # the letters after the hyphen spell another syllable as the tables do ('yong' is 용's, 'il' 일's,
    # 'hee' 희's): the English names someone else, though that person is not in the bead's Korean
    cases = [("이재명", "Lee Jae", "Samsung Electronics Vice Chairman Lee Jae-yong attended the meeting."),
             ("김정은", "Kim Jong", "The railway was built under former leader Kim Jong-il."),
             ("강경화", "Kang Kyung", "Her deputy Kang Kyung-hee’s remarks drew criticism.")]
    for term, cut, text in cases:
        got = by_romanization(term, Rendering("rendered", cut, 0.6), English.of(text), [term])
        assert got.text == cut, (term, got.text)
    # a spelling no table gives any syllable ('wha') is still this name's
    en = English.of("Kang Kyung-wha’s visit to Tokyo ended on Friday.")
    assert by_romanization("강경화", Rendering("rendered", "Kang Kyung", 0.6), en).text == "Kang Kyung-wha"


def test_a_body_name_reads_the_bead_once_a_word(monkeypatch):
    # `_proper` reads every sentence of the bead: asked once an occurrence, a long bead that writes
    # the piece's word a thousand times took minutes (50,000 characters: 77 s, against 0.06 s before it)
    from toolkit.terms import compounds

    class Counted:
        def __init__(self, pattern):
            self.pattern, self.calls = pattern, 0

        def finditer(self, text):
            self.calls += 1
            return self.pattern.finditer(text)

    counted = Counted(compounds._SENTENCE_END)
    monkeypatch.setattr(compounds, "_SENTENCE_END", counted)
    text = "Unification Institute staff met. " * 300 + "The Unification Institute report came out on Monday."
    body_name(text)  # which name, if any, is not what this test is about
    assert counted.calls <= 2  # the head word and the piece's word, each read once
