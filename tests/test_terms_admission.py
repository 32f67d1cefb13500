"""Admission to the terms table (korean.admitted): a word only the archive's recurrence admits
stays where its bead's English renders it; a lexicon key or a proper noun stays whatever its status."""

from __future__ import annotations

from toolkit.terms import rows as rows_module
from toolkit.terms.korean import admitted, vouched

KNOWN = {"보위부", "지뢰"}
NAMES = {"혜산시"}


def row(bead: int, term: str, status: str, part_of: str | None = None) -> dict:
    return {"bead": bead, "ko_term": term, "status": status, "part_of": part_of}


def test_only_lexicon_keys_proper_nouns_and_phrases_holding_one_are_vouched():
    assert vouched("보위부", KNOWN, NAMES) and vouched("혜산시", KNOWN, NAMES)
    assert vouched("대인 지뢰", KNOWN, NAMES)
    assert not vouched("관람객", KNOWN, NAMES) and not vouched("관람객 동선", KNOWN, NAMES)


def test_a_recurring_word_stays_only_where_the_english_renders_it():
    given = [row(0, "관람객", "rendered"), row(1, "관람객", "not_found"), row(2, "관람객", "omitted"),
             row(1, "보위부", "not_found"), row(2, "혜산시", "omitted")]
    kept = admitted(given, KNOWN, NAMES)
    assert [(r["bead"], r["ko_term"]) for r in kept] == [(0, "관람객"), (1, "보위부"), (2, "혜산시")]


def test_a_longer_term_a_kept_row_names_keeps_its_own_row():
    given = [row(3, "전시관 안내", "not_found"), row(3, "보위부", "rendered", part_of="전시관 안내"),
             row(4, "전시관 안내", "not_found")]
    kept = admitted(given, KNOWN, NAMES)
    assert [(r["bead"], r["ko_term"]) for r in kept] == [(3, "전시관 안내"), (3, "보위부")]


def test_article_rows_pass_through_admission(monkeypatch):
    """The one place every build makes rows (article_term_rows) applies the admission."""
    seen: list[list[dict]] = []

    def spy(rows, known, names):
        seen.append(rows)
        return [r for r in rows if r["ko_term"] != "관람객"]

    made = [dict(row(0, "관람객", "not_found"), en_rendering=None, rendering_group=None),
            dict(row(0, "보위부", "rendered"), en_rendering="MSS", rendering_group="mss")]
    monkeypatch.setattr(rows_module, "keyed_rows", lambda *a, **k: [dict(r) for r in made])
    monkeypatch.setattr(rows_module, "admitted", spy)
    monkeypatch.setattr(rows_module, "_model_entries", lambda model, entries: {})

    class Model:
        aligner = None

        def vocabulary(self, known):
            return known

    class Lexicon:
        entries = KNOWN

    class Article:
        article_id = "a"
        beads: list = []
        acronyms: dict = {}

    out = rows_module.article_term_rows(Article(), Model(), Lexicon())
    assert len(seen) == 1 and [r["ko_term"] for r in out] == ["보위부"]


def test_a_rate_written_once_keeps_its_row_unrendered(monkeypatch):
    """A rate the lexicon lacks is a term by its suffix, not by recurring (korean.is_rate: tracked
    even when written once), so its not-found row stays like a lexicon key's."""
    from toolkit.terms.beads import Bead
    from toolkit.terms.korean import TermVocabulary, korean_units
    from toolkit.terms.renderings import English

    bead = Bead("a", 0, 0.9, English.of("Fewer young people found work in November."),
                [("ko-s1", korean_units("지난달 청년 고용률은 석 달 연속 떨어졌다."))])
    made = [dict(row(0, "고용률", "not_found"), en_rendering=None, rendering_group=None),
            dict(row(0, "청년", "not_found"), en_rendering=None, rendering_group=None)]
    monkeypatch.setattr(rows_module, "keyed_rows", lambda *a, **k: [dict(r) for r in made])
    monkeypatch.setattr(rows_module, "_model_entries", lambda model, entries: {})

    class Model:
        aligner = None

        def vocabulary(self, known):
            return TermVocabulary(known, frozenset({"청년"}))

    class Lexicon:
        entries = KNOWN

    class Article:
        article_id = "a"
        beads = [bead]
        acronyms: dict = {}

    out = rows_module.article_term_rows(Article(), Model(), Lexicon())
    assert [r["ko_term"] for r in out] == ["고용률"]  # the recurring 청년, not rendered, goes
