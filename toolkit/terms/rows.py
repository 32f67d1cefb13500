"""Rows of the terms table: one article's, once the archive's model is known (the second
map of the terms step), then labelled over the whole archive.

An article's rows depend on its own beads and acronyms and on the `TermModel` alone; they
are kept with their rendering group's key and the label form of their rendering
(`KEYED`), because a group's label, its most frequent form over the archive, is known only
when every article's rows are: labelling is a cheap query over all keyed rows, run by every
build, while the rows themselves are made again only for the articles that need it.

Rows are one per term and bead: a term met in two Korean sentences of one bead counts once,
since the bead is the smallest unit the English can be traced to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.align.english import content_words, stem
from toolkit.align.wordalign import MOST_PAIR_WORDS, posteriors_fit
from toolkit.hangul import is_syllable_word
from toolkit.terms.beads import ArticleBeads, Bead
from toolkit.terms.compounds import (render_body_name, render_compound, render_name_of_pieces, render_written_together,
                                     written_words)
from toolkit.terms.grouping import form_label, group_key, labels_from_counts
from toolkit.terms.korean import (NOUNS, Occurrence, Unit, admitted, is_rate, known_pieces, noun_runs, stoplist,
                                  term_occurrences)
from toolkit.terms.memo import BeadKey, memo_for
from toolkit.terms.model import TermModel, merged_units
from toolkit.terms.respell import respelled
from toolkit.terms.renderings import (LEXICON_ONLY, RESIDENT_NOUNS, English, LinkModel, Rendering, is_body_head,
                                      is_outlet, name_heads,
                                      render, render_name_run, render_name_word, render_outlet_kind,
                                      render_by_sound, render_people_name, render_phrase, rivals)
from toolkit.terms.sound import begins_as_written, by_romanization, heard, once_named, one_morpheme, romanized

if TYPE_CHECKING:
    import numpy as np

LONGEST_PHRASE = 4  # nouns of a noun phrase
LONGEST_RUN = 8     # nouns written on without a particle beyond this are a list or a heading, not a phrase
# stop-list groups whose nouns make no phrase a terminologist tracks (지난달 중순, 3명 주민);
# fragments do (대륙간탄도미사일)
_NO_PHRASE = frozenset({"time", "number", "reporting"})
# stop-list groups a phrase's noun may be in and still be untied (renderings._untied_noun):
# none (a rare word the model met too seldom: 순항) or a fragment (대륙); not a word every
# story uses, which the model met often enough to tie where the English has it
_GUESSABLE = frozenset({None, "fragment"})


def keyed_schema() -> dict:
    """The terms table's schema plus `form` (the label form of the rendering); `rendering_group`
    holds the group's key."""
    import polars as pl

    from toolkit.metrics.tables import schemas

    return {**schemas()["terms"], "form": pl.String}


def bead_terms(bead: Bead, is_term) -> list[tuple[str, Occurrence]]:
    """(Korean sentence id, occurrence) of each term of the bead, unit indices counted over the
    whole bead; a term met in two of its sentences is kept where it is met first."""
    out: dict[str, tuple[str, Occurrence]] = {}
    offset = 0
    for sentence_id, units in bead.korean:
        for occ in term_occurrences(units, is_term):
            if occ.term not in out:
                out[occ.term] = (sentence_id, Occurrence(occ.term, tuple(offset + i for i in occ.units)))
        offset += len(units)
    return list(out.values())


SHORT_NAME = 2  # syllables of a proper noun korean._name does not track when written once (화룡, 후창)


def short_names(lone: Iterable[tuple[str, Occurrence, Unit]]) -> list[tuple[str, Occurrence]]:
    """(Korean sentence id, occurrence) of each proper noun of two syllables written once in the
    archive (no term, korean._name wants three) among the bead's `lone_nouns`: a place or a body the
    story names once (화룡, 후창), a term where the English writes it by its sound, which the caller
    asks; a generic word has no such English."""
    return [(sid, occ) for sid, occ, u in lone if u.tag == "NNP" and len(u.key) == SHORT_NAME]


def people_named_once(lone: Iterable[tuple[str, Occurrence, Unit]]) -> list[tuple[str, Occurrence]]:
    """(Korean sentence id, occurrence) of each noun of more than SHORT_NAME syllables written once in
    the archive, common or proper alike, shaped like a Korean personal name (names.is_korean_name:
    Kiwi tags many a name it does not know as a common noun, as in a caption 홍인서/기상청 예보관),
    among the bead's `lone_nouns`: a person the story names once, a term where the English writes
    the name romanized whole (sound.romanized), which the caller asks; the model, which met the word
    once, ties it to a word beside the name ('Hong')."""
    from toolkit.names import is_korean_name

    return [(sid, occ) for sid, occ, u in lone if len(u.key) > SHORT_NAME and is_korean_name(u.key)]


def lone_nouns(bead: Bead, is_term, terms: Container[str]) -> list[tuple[str, Occurrence, Unit]]:
    """(Korean sentence id, occurrence, unit) of each noun of the bead that is no term (nor among
    `terms`), is not stop-listed, and is written alone, once for each word: nothing written right
    against it, so not a piece of a longer word Kiwi split (김영 of 김영근, a person's name)."""
    out: dict[str, tuple[str, Occurrence, Unit]] = {}
    offset = 0
    groups = stoplist()
    for sentence_id, units in bead.korean:
        for i, u in enumerate(units):
            if u.tag in NOUNS and u.key not in terms and u.key not in out and u.key not in groups and \
                    not is_term(u.key) and is_syllable_word(u.key) and \
                    (i == 0 or units[i - 1].end < u.start) and (i + 1 == len(units) or units[i + 1].start > u.end):
                out[u.key] = (sentence_id, Occurrence(u.key, (offset + i,)), u)
        offset += len(units)
    return list(out.values())


@dataclass(frozen=True)
class Phrase:
    """Nouns of a bead that may make one term (대인 지뢰): their unit indices, head last."""

    sentence_id: str
    key: str          # as the Korean writes it, 적인/적 and spacing kept (대인 지뢰, 순항미사일, 완전한 비핵화)
    units: tuple[int, ...]


def bead_phrases(bead: Bead, is_term) -> list[Phrase]:
    """The noun phrases of a bead that may be terms: the runs of two to `LONGEST_PHRASE` nouns
    that modify each other (Unit.joint) inside a longer run, by head from the last, the
    longest first (전파 방해 차량, then 방해 차량; 우발적 충돌 inside 우발적 충돌 가능성),
    never cutting through nouns written together (남북 군사합의 holds no 남북 군사). A
    candidate has a term among its nouns, and no noun of time, number or attribution (지난달
    중순, 소식통). Whether it is a term is for its English to say (`_phrase_rows`)."""
    groups = stoplist()
    found: list[Phrase] = []
    offset = 0
    for sentence_id, units in bead.korean:
        i = 0
        while i < len(units):
            j = i
            while j + 1 < len(units) and units[j].joint is not None and units[j].tag in NOUNS \
                    and units[j + 1].tag in NOUNS and not units[j + 1].gloss:
                j += 1
            for head in range(j, i, -1) if j - i < LONGEST_RUN else ():
                if head < j and units[head].joint == "":
                    continue  # no phrase ends inside a word written together (남북 군사|합의)
                for first in range(max(i, head - LONGEST_PHRASE + 1), head):
                    if first > i and units[first - 1].joint == "":
                        continue
                    chain = units[first:head + 1]
                    if any(groups.get(u.key) in _NO_PHRASE or (u.tag == "NNP" and len(u.key) == 1) for u in chain):
                        continue
                    if any(is_term(u.key) for u in chain):
                        key = "".join(u.key + u.joint for u in chain[:-1]) + chain[-1].key
                        found.append(Phrase(sentence_id, key, tuple(range(offset + first, offset + head + 1))))
            i = j + 1
        offset += len(units)
    return found


def glossed(bead: Bead) -> dict[int, int]:
    """Unit index -> the unit it glosses or is glossed by, over the whole bead: a noun and the
    word written alone in parentheses right after it (남조선(남한), 보위부(국가보위성)), which
    name one thing and so share its rendering."""
    pairs: dict[int, int] = {}
    offset = 0
    for _, units in bead.korean:
        for k in range(1, len(units)):
            if units[k].gloss and not units[k - 1].gloss and units[k - 1].tag in NOUNS:
                pairs[offset + k - 1], pairs[offset + k] = offset + k, offset + k - 1
        offset += len(units)
    return pairs


def _kin(a: Unit, b: Unit) -> bool:
    """Two nouns (not the same word) of which one is derived from or compounded with the other
    (밀수 ~ 밀수꾼, 수용소 ~ 정치범수용소, 핵 ~ 핵보유국): they are not rivals for the English words."""
    if a.key in (b.base, *b.parts) or b.key in (a.base, *a.parts):
        return True
    short, long = (a.key, b.key) if len(a.key) <= len(b.key) else (b.key, a.key)
    return len(short) >= 2 and (long.startswith(short) or long.endswith(short))


def own_columns(pairs: Mapping[int, int], i: int) -> tuple[int, ...]:
    """The columns that speak for the term at unit `i` (`BeadColumns.of`'s first half)."""
    return (i,) if i not in pairs else (i, pairs[i])


class BeadColumns:
    """The columns of each term of one bead (`of`), with what the terms share found once: each
    word's places, and the nouns written inside or around a word found by look-up, not by
    testing every noun of the bead for every term. `nouns`: one unit of each noun of the units
    (`distinct_nouns`)."""

    def __init__(self, units: Sequence[Unit], pairs: Mapping[int, int], nouns: Sequence[Unit] | None = None) -> None:
        self.units, self.pairs = units, pairs
        self.nouns = list(distinct_nouns(units) if nouns is None else nouns)
        self.places: dict[str, list[int]] = {}
        for j, u in enumerate(units):
            self.places.setdefault(u.key, []).append(j)

    @cached_property
    def _index(self) -> tuple[dict[str, list[Unit]], list[int], str | None, list[int]]:
        """The nouns by key, their keys' lengths, and every noun key written one after another
        (None when a key holds the separator) with where each starts: a word's places in that
        text are the nouns holding it."""
        by_key: dict[str, list[Unit]] = {}
        for u in self.nouns:
            by_key.setdefault(u.key, []).append(u)
        keys = [u.key for u in self.nouns]
        text = _SEP.join(keys) + _SEP if all(_SEP not in k for k in keys) else None
        return by_key, sorted({len(k) for k in by_key}), text, list(accumulate((len(k) + 1 for k in keys[:-1]), initial=0))

    def _holding(self, word: str) -> list[Unit]:
        """The nouns whose key holds `word` or is held by it (a superset: every noun of a short bead)."""
        if len(self.nouns) < _INDEX_FROM or not word or _SEP in word:
            return self.nouns
        by_key, lengths, text, starts = self._index
        if text is None:
            return self.nouns
        found = []
        at = text.find(word)
        while at >= 0:
            found.append(self.nouns[bisect_right(starts, at) - 1])
            at = text.find(word, at + 1)
        for size in lengths:
            if size > len(word):
                break
            for start in range(len(word) - size + 1):
                found.extend(by_key.get(word[start:start + size], ()))
        return found

    def of(self, i: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """For the term at unit `i`: the columns that speak for it (its own and its parenthesised
        synonym's, one a word: a word's columns hold its whole share) and its kin (the other
        places of these words, words derived from or compounded with them), which compete with
        it for no English word."""
        own = own_columns(self.pairs, i)
        units = self.units
        keys = {units[j].key for j in own}
        mine = [units[o] for o in own if units[o].tag in NOUNS]
        # kin always holds one word inside the other: the cheap test first
        if len(mine) == 1:  # the common case, spelt out
            m = mine[0]
            related = keys | {u.key for u in self._holding(m.key)
                              if u.key not in keys and (m.key in u.key or u.key in m.key) and _kin(m, u)}
        else:
            related = keys | {u.key for word in mine for u in self._holding(word.key) if u.key not in keys
                              and any((m.key in u.key or u.key in m.key) and _kin(m, u) for m in mine)}
        return own, tuple(sorted(j for key in related for j in self.places.get(key, ()) if j not in own))


_SEP = "\x00"
_INDEX_FROM = 32  # nouns of a bead from which kin are looked up (below, testing each noun is cheaper)


def modified_noun(units: Sequence[Unit], i: int) -> int | None:
    """The noun that the noun at unit `i` modifies in a noun phrase (Unit.joint: 안전원 of 안전부
    안전원), if it is another word; None without one."""
    if units[i].joint is not None and i + 1 < len(units) and units[i + 1].tag in NOUNS and \
            units[i + 1].key != units[i].key:
        return i + 1
    return None


def distinct_nouns(units: Sequence[Unit]) -> list[Unit]:
    """The first unit of each noun among the units."""
    return list({u.key: u for u in reversed(units) if u.tag in NOUNS}.values())


def too_long_for_terms(bead: Bead) -> bool:
    """A bead with more words on a side than word alignment takes (wordalign.posteriors_fit): an
    unsplit text, not a sentence pair, which gets no term rows rather than exhausting memory."""
    return not posteriors_fit(len(bead.units()), len(bead.english.stems))


def long_bead_warnings(article: ArticleBeads) -> list[str]:
    """One line for each bead of the article that `keyed_rows` leaves without term rows for its size:
    its terms are missing from the terms table, which the user must be told."""
    return [f"{article.article_id}: bead {b.bead} is too long for term rows ({len(b.english.stems):,} English "
            f"content words, {len(b.units()):,} Korean units; word alignment takes {MOST_PAIR_WORDS:,} a side): "
            f"its terms are left out of the terms table" for b in article.beads if too_long_for_terms(b)]


def keyed_rows(beads: Sequence[Bead], expansions: Mapping[str, Mapping[str, str]], is_term, model: LinkModel,
               entries=None, lexical: Container[str] = (), pieces: Sequence[Bead] | None = None) -> list[dict]:
    """Rows of the terms table of these (merged) beads with `rendering_group` still a group key.
    `lexical`: the terms whose `entries` are the lexicon's own, which may render a term the
    model never met (renderings.render's `unknown`). `pieces`: the same beads with their units
    as Kiwi gave them, before they were joined into words (`_with_pieces`: 유엔 of 유엔결의안
    keeps a row of its own). A bead that reads as one met before in the build takes its rows
    (memo.py)."""
    memo = memo_for(model, is_term, entries, lexical)
    entries = entries or {}
    knows = getattr(model, "knows", None)
    phrases_of = _phrases_for(entries)
    posteriors_of = _posteriors_for(model)
    stop = stoplist()
    rows: list[dict] = []
    todo = []
    for n, bead in enumerate(beads):
        if too_long_for_terms(bead if pieces is None else pieces[n]):
            continue  # an unsplit text, not a sentence pair (the build warns: long_bead_warnings)
        key = BeadKey(bead, None if pieces is None else pieces[n])
        kept = memo.rows(key, bead, expansions.get(bead.article_id, {}))
        if kept is not None:  # a bead read before: its rows, made then (memo.py)
            todo.append((n, bead, key, kept, None))
            continue
        found = bead_terms(bead, is_term)
        candidates = bead_phrases(bead, is_term)
        lone = lone_nouns(bead, is_term, {occ.term for _, occ in found})
        short, people = short_names(lone), people_named_once(lone)
        # a bead with nothing to render has no rows: kept as such
        todo.append((n, bead, key, None, (found, candidates, short, people) if found or candidates or short or people
                     else None))
    made = [(n, b) for n, b, _, _, work in todo if work is not None]
    # every bead's posteriors in one pass, and those of its pieces where it has joined words (_with_pieces)
    posteriors_of.fetch([([u.key for u in b.units()], b.english.stems) for _, b in made] +
                        [([u.key for u in pieces[n].units()], b.english.stems) for n, b in made
                         if pieces is not None and any(u.parts for _, units in b.korean for u in units)])
    for n, bead, key, kept, work in todo:
        if work is None:
            rows.extend(kept or ())
            if kept is None:
                memo.keep(key, bead, ())
            continue
        found, candidates, short, people = work
        first_row = len(rows)
        units = bead.units()
        keys = [u.key for u in units]
        posteriors, top = _posteriors_and_rivals(posteriors_of, keys, bead.english.stems)
        pairs = glossed(bead)
        columns = BeadColumns(units, pairs)
        acronyms = expansions.get(bead.article_id, {})

        def row(sentence_id: str, term: str, result, part_of: str | None = None) -> dict:
            return {"article_id": bead.article_id, "bead": bead.bead, "sentence_id": sentence_id, "ko_term": term,
                    "status": result.status, "en_rendering": result.text,
                    "rendering_group": group_key(result.text, acronyms) if result.text is not None else None,
                    "confidence": round(result.confidence, 4), "part_of": part_of}

        generic = [i for i, u in enumerate(units) if u.tag in NOUNS and u.key in stop]
        words: list[tuple[str, Occurrence, object]] = []
        for sentence_id, occ in found:
            own, kin = columns.of(occ.units[0])
            modified = modified_noun(units, occ.units[0])
            phrases = phrases_of(tuple(sorted({units[j].key for j in own})))
            if units[occ.units[0]].tag == "NNP":  # a name the bead may romanize otherwise (respell)
                phrases = respelled(phrases, bead.english, entries)
            unknown = knows is not None and occ.term in lexical and not knows(occ.term)
            # its own renderings: the lexicon's (without `lexical`, `entries` are), or a rate's prior
            listed = (occ.term in lexical if lexical else True) or is_rate(units[occ.units[0]])
            result = render(own, posteriors, bead.english, bead.cert, phrases, top, kin, occ.term, unknown, listed,
                            generic, () if modified is None else own_columns(pairs, modified),
                            len(units[occ.units[0]].parts))
            if is_rate(units[occ.units[0]]) and occ.term not in lexical:  # the lexicon does not know it
                result = _named_by_prior(result, phrases)
            elif not is_term(occ.term):  # a name written once (korean.term_occurrences)
                result = once_named(occ.term, result, bead.english, posteriors, own, top, kin)
            elif occ.term not in lexical and (one_morpheme(units[occ.units[0]]) or result.status == "not_found"):
                # a word joined of pieces too, where the model ties it to nothing: a place the English
                # names by its sound alone (남양지구 'Namyang'), which the model met too seldom to tie
                result = heard(occ.term, result, bead.english, posteriors, own, top, kin)
            if result.status == "not_found" and one_morpheme(units[occ.units[0]]):
                result = _by_known_pieces(occ.term, bead, phrases_of, lexical or entries,
                                          (units[j].key for j in range(len(units)) if j not in own and j not in kin
                                           and units[j].tag in NOUNS)) or result
            result = by_romanization(occ.term, result, bead.english, (u.key for u in units))
            if result.status != "rendered" and is_outlet(occ.term):  # 'a U.S. broadcaster'
                # only another term's claim counts: a generic noun's (생활 'broadcaster') is the model's noise
                noise = {i for i, u in enumerate(units) if not is_term(u.key)}
                result = render_outlet_kind(bead.english, top.claims({*own, *kin, *noise}, bead.english.written)) \
                    or result
            elif occ.term in RESIDENT_NOUNS and not _named(result, phrases) and not _plural_noun(result):
                # 'North Koreans': not rendered, or tied to a word none of its lexicon renderings has
                # ('traditional' of 'traditional medicine'): a noun every story uses, which the model
                # ties by habit; a plural noun it is tied to ('Villagers') names the people otherwise
                result = render_people_name(bead.english) or result
            words.append((sentence_id, occ, result))
        for sentence_id, occ in short:  # a row only where the English writes the name by its sound
            own, kin = columns.of(occ.units[0])
            heard_name = render_by_sound(occ.term, bead.english, posteriors, own, top, kin, begins_as_written,
                                         unique=True)
            if heard_name is not None:
                words.append((sentence_id, occ, heard_name))
        for sentence_id, occ in people:  # a row only where the English writes the name romanized whole
            spelled = romanized(occ.term, bead.english)
            if spelled is not None:
                words.append((sentence_id, occ, spelled))
        held, phrase_rows = _phrase_rows(candidates, units, pairs, columns.places, posteriors, top, bead,
                                         {occ.term: result for _, occ, result in words}, phrases_of, row)
        rows.extend(row(sentence_id, occ.term, result, held.get(occ.units[0])) for sentence_id, occ, result in words)
        rows.extend(phrase_rows)
        if pieces is not None:
            rows[first_row:] = _with_pieces(rows[first_row:], bead, pieces[n], is_term, posteriors_of, phrases_of, knows,
                                            lexical, row)
        rows[first_row:] = _name_words(rows[first_row:], bead, row)
        rows[first_row:] = _written_together(rows[first_row:], bead, row)
        rows[first_row:] = _bodies_of_words(rows[first_row:], bead, row, phrases_of, lexical or entries)
        rows[first_row:] = _name_runs(rows[first_row:], bead, row)
        rows[first_row:] = _split_names(rows[first_row:], bead, row)
        rows[first_row:] = _without_others_heads(rows[first_row:], bead, row)
        memo.keep(key, bead, rows[first_row:])
    return rows


_HEAD_FIRST = re.compile(r"(\S+) of (?:the )?(\S.*)")  # a name written head first: 'District of Pyongyang'


def _without_others_heads(rows: list[dict], bead: Bead, row) -> list[dict]:
    """One bead's rows, where a rendering written head first, 'HEAD of NAME', whose head ends another
    row's rendering at that place (the English 'Hwasong District of Pyongyang': 'District' is
    화성지구's 'Hwasong District') is NAME alone (평양시 'Pyongyang'): a span grown back over 'of' to a
    body's head (renderings._with_body_name) takes no word that renders another term of the bead."""
    text = bead.english.text
    rendered = [r["en_rendering"] for r in rows if r["status"] == "rendered" and r["en_rendering"]]
    for n, r in enumerate(rows):
        found = _HEAD_FIRST.fullmatch(r["en_rendering"] or "") if r["status"] == "rendered" else None
        if found is None or not is_body_head(head := found.group(1)):
            continue
        if any(other != head and other.endswith(" " + head) and other[:-len(head)] + r["en_rendering"] in text
               for other in rendered):
            rows[n] = row(r["sentence_id"], r["ko_term"], Rendering("rendered", found.group(2), r["confidence"]),
                          r["part_of"])
    return rows


LONGEST_SPLIT_NAME = 3  # pieces Kiwi may cut a Korean personal name it does not know into (정 + 상근)


def _split_names(rows: list[dict], bead: Bead, row) -> list[dict]:
    """One bead's rows, with a row for each Korean personal name Kiwi cut into pieces written
    together (정상근 as 정/NNP + 상근/NNG: 'full-time'), a proper noun first, that the English writes
    romanized whole (sound.romanized: 'Chung Sang-geun'); a name is tracked even written once, as a
    name Kiwi knows is (korean._name), and its pieces' rows name it in `part_of`."""
    by_term = {r["ko_term"]: r for r in rows}
    for sentence_id, units in bead.korean:
        for first, last in noun_runs(units):
            if not 2 <= last - first <= LONGEST_SPLIT_NAME or units[first].tag != "NNP":
                continue
            name = "".join(u.key for u in units[first:last])
            found = None if name in by_term else romanized(name, bead.english)
            if found is None:
                continue
            for u in units[first:last]:
                if u.key in by_term:
                    by_term[u.key]["part_of"] = by_term[u.key]["part_of"] or name
            by_term[name] = row(sentence_id, name, found)
            rows.append(by_term[name])
    return rows


KEPT_POSTERIORS = 4096  # beads' posteriors kept, as float arrays (a few KB each); an 800-article build asks
# 9,424 times for 3,160 distinct ones: a corpus repeats sentence pairs (updated stories, background paragraphs)
# [(model, its attributes when kept, its kept look-up)]: the last model's, kept across the articles of a build
_POSTERIORS: list[tuple[LinkModel, dict, "KeptPosteriors"]] = []


def _same_state(kept: dict, model: LinkModel) -> bool:
    """Whether no attribute of the model was set anew since `kept` was taken: WordAligner.train
    sets new tables on the same object, so the object alone does not say the posteriors still hold."""
    now = getattr(model, "__dict__", {})
    return kept.keys() == now.keys() and all(now[k] is v for k, v in kept.items())


def _posteriors_and_rivals(posteriors_of, keys: Sequence[str], stems: Sequence[str]):
    """A bead's link posteriors as lists (which the renderers index) and their `rivals`, both from
    the one kept array (`_posteriors_for`), which `rivals` takes as it is."""
    matrix = posteriors_of(keys, stems)
    posteriors = matrix.tolist()
    return posteriors, rivals(posteriors, keys, matrix=matrix)


class KeptPosteriors:
    """`posteriors_of(keys, stems)`: model.link_posteriors(keys, stems) as a read-only float array,
    a pair met before computed once (a pure function of the model's tables and the words), the
    last KEPT_POSTERIORS kept. Read-only, so that no caller can change what another gets; the
    array itself is handed to `rivals`, which would otherwise build it again from the lists.
    `fetch` computes many pairs at once where the model can (WordAligner.link_posterior_arrays):
    an article's beads in one numpy pass rather than one small pass each."""

    def __init__(self, model: LinkModel) -> None:
        from collections import OrderedDict

        self.model = model
        self.kept: OrderedDict[tuple[tuple[str, ...], tuple[str, ...]], np.ndarray] = OrderedDict()

    def __call__(self, keys: Sequence[str], stems: Sequence[str]) -> np.ndarray:
        pair = (tuple(keys), tuple(stems))
        found = self.kept.get(pair)
        if found is None:
            return self.fetch([pair])[0]
        self.kept.move_to_end(pair)
        return found

    def fetch(self, pairs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> list[np.ndarray]:
        """The arrays of these pairs, those not kept computed together (and kept)."""
        import numpy as np

        pairs = [(tuple(k), tuple(s)) for k, s in pairs]
        new = list(dict.fromkeys(p for p in pairs if p not in self.kept))
        if new:
            many = getattr(self.model, "link_posterior_arrays", None)
            arrays = many([(list(k), list(s)) for k, s in new]) if many is not None else \
                [np.array(self.model.link_posteriors(list(k), list(s)), dtype=float) for k, s in new]
            for pair, array in zip(new, arrays):
                array.flags.writeable = False
                self.kept[pair] = array
        out = []
        for pair in pairs:
            self.kept.move_to_end(pair)
            out.append(self.kept[pair])
        while len(self.kept) > KEPT_POSTERIORS:
            self.kept.popitem(last=False)
        return out


def _posteriors_for(model: LinkModel) -> KeptPosteriors:
    """The model's `KeptPosteriors`, shared by every article of a build. The model and its
    attributes are held, so that no id can be reused, and a model trained again gets a new one."""
    if not _POSTERIORS or _POSTERIORS[0][0] is not model or not _same_state(_POSTERIORS[0][1], model):
        _POSTERIORS[:] = [(model, dict(getattr(model, "__dict__", {})), KeptPosteriors(model))]
    return _POSTERIORS[0][2]


KEPT_PHRASES = 32_768  # key tuples whose phrases are kept (an 800-article build meets ~8,300)
# [(entries, their phrases_of)]: the last entries' look-up, kept across the articles of a build
_PHRASES: list[tuple[Mapping, Callable[[tuple[str, ...]], list[tuple[str, ...]]]]] = []


def _phrases_for(entries: Mapping[str, Iterable[tuple[str, ...]]]) -> Callable[[tuple[str, ...]], list[tuple[str, ...]]]:
    """`phrases_of(keys)`: the lexicon renderings (`entries`) of any of these Korean keys, sorted;
    one look-up per `entries` (held, so that their id cannot be reused), shared by every
    article of a build, since a term's renderings are the same in each."""
    if not _PHRASES or _PHRASES[0][0] is not entries:
        @lru_cache(maxsize=KEPT_PHRASES)
        def phrases_of(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
            # 한·미 is the lexicon's 한미: Korean news parts the countries of a pair with a middle dot
            return sorted({p for k in keys for p in entries.get(k) or entries.get(k.replace("·", ""), ())})

        _PHRASES[:] = [(entries, phrases_of)]
    return _PHRASES[0][1]


NAME_WORD = 3  # nouns written together, at the least, that may make a long name (반동사상문화배격법)


def _name_words(rows: list[dict], bead: Bead, row) -> list[dict]:
    """One bead's rows, with a row for each word of `NAME_WORD` nouns or more written together
    that no row speaks for (no known word: Kiwi gives it as pieces) where two of its nouns or
    more are rendered and the English holds their renderings in one name (render_name_word:
    반동사상문화배격법 'Rejection of Reactionary Thought and Culture Law'), or its last alone,
    by the English head its ending names (`_names_head`: 농촌경리위원회 'Rural Economic
    Management Committee'); its nouns' rows name it in `part_of`."""
    by_term = {r["ko_term"]: r for r in rows}
    for sentence_id, units, first, last, word, mine in _runs_without_row(bead, by_term, NAME_WORD):
        if len(mine) < 2 and not (mine and _names_head(word, mine[0], units[last - 1].key)):
            continue
        found = render_name_word([r["en_rendering"] for r in mine], bead.english)
        if found is None or (len(mine) == 1 and (len(found.text.split()) < last - first or
                                                 not found.text.endswith(mine[0]["en_rendering"]) or
                                                 not _whole_name(found.text, bead.english.text))):
            continue
        _add_word_row(rows, by_term, mine, row(sentence_id, word, found))
    return rows


BODY_WORDS = 1  # pieces before the ending that a body's name of generic words must write (with its head)


def _bodies_of_words(rows: list[dict], bead: Bead, row, phrases_of, listed: Container[str]) -> list[dict]:
    """One bead's rows, with a row for each body's name written as nouns together that no row
    speaks for, its Korean ending naming a body (renderings.name_heads: 과 'department', 원
    'institute'), where the English writes it as one capitalised name holding that head and a
    capitalised lexicon rendering of `BODY_WORDS` of its other nouns or more (compounds.render_body_name:
    뇌인지과학과 'Department of Brain and Cognitive Sciences'). Such a name is made of words a story
    uses anywhere (뇌 'brain', 과학 'science': the stop list's), so no noun of it has a row from
    which _name_words could build it, and the lexicon, not the model, knows their English; a
    piece the lexicon lacks (인지) is left out. Its nouns' rows, if any, name it in `part_of`."""
    by_term = {r["ko_term"]: r for r in rows}
    english = bead.english
    known = listed.__contains__
    for sentence_id, units, first, last, word, mine in _runs_without_row(bead, by_term, 2):
        if not _ends_in_body(word, units[last - 1].key, phrases_of, listed):
            continue
        pieces = tuple(u.key for u in units[first:last])
        if render_body_name(word, pieces, english, phrases_of, known, least=BODY_WORDS) is None:
            continue  # the common case: the bead's other nouns need not be read
        # through no word that renders another noun of the bead by the lexicon (as _by_known_pieces)
        others = {u.key for u in bead.units() if u.tag in NOUNS} - set(pieces)
        barred = written_words(english, phrases_of(tuple(sorted(others))))
        found = render_body_name(word, pieces, english, phrases_of, known, barred, least=BODY_WORDS)
        if found is not None:
            _add_word_row(rows, by_term, mine, row(sentence_id, word, found))
    return rows


def _ends_in_body(word: str, last: str, phrases_of, listed: Container[str]) -> bool:
    """A word of nouns written together whose Korean ending names a body (renderings.name_heads),
    its last noun that ending itself (과 of 뇌인지과학과), or a noun the lexicon lacks, or one the
    lexicon renders by such a head (연구원 'research institute'): not a story's noun that only ends
    in the ending's syllable (결과 'result' of 연구결과, 활동 'activity', 정부 'government')."""
    name, heads = name_heads(word)
    if not heads:
        return False
    if len(last) <= len(word) - len(name) or last not in listed:
        return True
    return any(phrase[-1] in {stem(h) for h in heads} for phrase in phrases_of((last,)))


def _runs_without_row(bead: Bead, by_term: Mapping[str, dict], shortest: int):
    """(sentence id, units, first, last + 1, word, its nouns' rendered rows) of each run of `shortest`
    nouns or more written together that no row of `by_term` speaks for (asked as the caller adds rows)."""
    for sentence_id, units in bead.korean:
        for first, last in noun_runs(units):
            word = "".join(u.key for u in units[first:last])
            if last - first < shortest or word in by_term:
                continue
            mine = [by_term[k] for k in dict.fromkeys(u.key for u in units[first:last])
                    if k in by_term and by_term[k]["status"] == "rendered"]
            yield sentence_id, units, first, last, word, mine


def _add_word_row(rows: list[dict], by_term: dict[str, dict], mine: list[dict], new: dict) -> None:
    """Add the row of a word written together; its nouns' rows (`mine`) name it in `part_of`."""
    for r in mine:
        r["part_of"] = r["part_of"] or new["ko_term"]
    by_term[new["ko_term"]] = new
    rows.append(new)


def _written_together(rows: list[dict], bead: Bead, row) -> list[dict]:
    """One bead's rows, with a row for each run of nouns written together (noun_runs: 대학수학능력시험)
    that no row speaks for, two or more of whose nouns are rendered, where the English holds their
    renderings together (compounds.render_written_together: 'college entrance exam'), through no
    word another term of the bead renders; its nouns' rows name it in `part_of`."""
    by_term = {r["ko_term"]: r for r in rows}
    for sentence_id, units, first, last, word, mine in _runs_without_row(bead, by_term, 2):
        if len(mine) < 2:
            continue
        keys = {u.key for u in units[first:last]}
        others = [r["en_rendering"] for r in rows if r["status"] == "rendered" and r["ko_term"] not in keys
                  and r["part_of"] is None]
        taken = [(m.start(), m.end()) for text in dict.fromkeys(others)
                 for m in re.finditer(re.escape(text), bead.english.text)]
        found = render_written_together([r["en_rendering"] for r in mine], bead.english, taken)
        if found is not None:
            _add_word_row(rows, by_term, mine, row(sentence_id, word, found))
    return rows


LONGEST_NAME_RUN = 3  # words of a foreign name written apart (an English name window holds three)


def _name_word(unit: Unit, stop: Container[str]) -> bool:
    """A unit that may be one word of a foreign name written word by word: a noun of two
    syllables or more, not of the stop list."""
    return unit.tag in NOUNS and len(unit.key) >= 2 and unit.key not in stop


def _name_runs(rows: list[dict], bead: Bead, row) -> list[dict]:
    """One bead's rows, with a row for each foreign name Korean writes as words apart whose
    English writes the same words by their sound (render_name_run: 콜퍼스 크리스티 'Corpus
    Christi', 크리스 굿맨 'Chris Goodman'), the longest run first; each of its words takes its
    English word where it has no rendering of its own (굿맨, written once, is no term: 'Goodman';
    콜퍼스 not found: 'Corpus'), and names the run in `part_of`."""
    by_term = {r["ko_term"]: r for r in rows}
    text = bead.english.text
    stop = stoplist()
    for sentence_id, units in bead.korean:
        # each unit's own test, once; a run is of units that pass, each written a space after the
        # one before (Unit.joint)
        named = [_name_word(u, stop) for u in units]
        i = 0
        while i < len(units):
            found = None
            for size in range(min(LONGEST_NAME_RUN, len(units) - i) if named[i] else 0, 1, -1):
                run = units[i:i + size]
                if all(named[i:i + size]) and all(u.joint == " " for u in run[:-1]):
                    spans = render_name_run([u.key for u in run], bead.english)
                    if spans is not None:
                        found = run, spans
                        break
            if found is None:
                i += 1
                continue
            run, spans = found
            key = " ".join(u.key for u in run)
            if key not in by_term:
                by_term[key] = row(sentence_id, key, Rendering("rendered", text[spans[0][0]:spans[-1][1]], LEXICON_ONLY))
                rows.append(by_term[key])
            for u, (start, end) in zip(run, spans):
                mine = by_term.get(u.key)
                if mine is None or mine["status"] != "rendered":
                    piece = row(sentence_id, u.key, Rendering("rendered", text[start:end], LEXICON_ONLY), key)
                    if mine is None:
                        rows.append(piece)
                    else:
                        rows[rows.index(mine)] = piece
                    by_term[u.key] = piece
                else:
                    mine["part_of"] = mine["part_of"] or key
            i += len(run)
    return rows


def _whole_name(name: str, text: str) -> bool:
    """A capitalised run found by its head alone is a name's whole: not cut from a longer run
    begun by a sentence's first content word ('Last Year Pyongyang Committee' gives 'Year
    Pyongyang Committee', whose start no one knows), and holding no capitalised function or light
    word ('In Spring The Committee', 'Since Monday North Korean Committee': a heading's or a
    sentence's capitals, not a body's name)."""
    from toolkit.align.english import LIGHT, STOPWORDS

    start = text.find(name)
    before = re.search(r"([A-Z][\w'’-]*) $", text[max(0, start - 80):start])  # the word before it
    if before and before.group(1).lower() not in STOPWORDS:
        return False
    return not any(w[:1].isupper() and w.lower() in STOPWORDS | LIGHT for w in name.split())


def _names_head(word: str, head: dict, last: str) -> bool:
    """The one rendered noun of a long name written as one word is its last, rendered by one
    capitalised English head that the name's Korean ending names (농촌경리위원회: 위원회
    'Committee'): the name's English is the run of capitalised words ending in it, of as many
    words as the name has nouns at the least."""
    text = head["en_rendering"]
    return head["ko_term"] == last and " " not in text and text[:1].isupper() and \
        text.lower().removesuffix("s") in name_heads(word)[1]


def _phrase_rows(candidates: list[Phrase], units: list[Unit], pairs: Mapping[int, int],
                 places: Mapping[str, list[int]], posteriors, top, bead: Bead,
                 words: Mapping[str, Rendering], phrases_of, row) -> tuple[dict[int, str], list[dict]]:
    """The rows of the noun phrases (`bead_phrases`) the English renders as one phrase
    (render_phrase), and unit index -> the phrase holding it; none whose head is a term the
    English does not render on its own, none whose head a longer phrase holds already, none
    written apart that leaves out the rendering of one of its nouns (`words`: the bead's rows
    of single terms), which the phrase renders together ('voluntary act' for 자발적 탈북 where
    탈북 is 'defection'); one word written together may differ from its pieces (함흥의학대학
    'Hamhung Medical University', 대학 'college'); none whose rendering its head's own rendering
    holds already: the English renders the head alone (주재 태영호 'Yong-ho'), none two of whose
    nouns share one rendering (북한 주민 'North Koreans': `_shared`). `places`: each
    word's units (`BeadColumns.places`)."""
    held: dict[int, str] = {}
    found: dict[str, dict] = {}
    if not candidates:
        return held, []
    groups = stoplist()
    for phrase in candidates:
        if phrase.units[-1] in held or phrase.key in found or \
                words.get(units[phrase.units[-1]].key, _RENDERED).status != "rendered":
            continue
        # the phrase's kin are its nouns' other places only: a compound holding its head
        # (탄도미사일 beside 순항미사일) is another phrase and may claim the same words
        own = [own_columns(pairs, i) for i in phrase.units]
        mine = {c for cs in own for c in cs}
        kin = {j for key in {units[c].key for c in mine} for j in places[key]} - mine
        result = render_phrase(own, posteriors, bead.english, bead.cert,
                               phrases_of(tuple(sorted({units[i].key for i in phrase.units}))), top, kin, phrase.key,
                               [groups.get(units[i].key) in _GUESSABLE for i in phrase.units])
        alone = [words.get(units[i].key) for i in phrase.units]  # the nouns' own renderings
        if result is not None and (" " not in phrase.key or all(_inside(own, result.text) for own in alone)) and \
                not _holds(alone[-1], result.text) and not _shared(alone):
            held.update((i, phrase.key) for i in phrase.units)
            found[phrase.key] = row(phrase.sentence_id, phrase.key, result)
    return held, list(found.values())


_RENDERED = Rendering("rendered", None, 0.0)  # a noun with no row of its own: nothing to hold


def _inside(own: Rendering | None, text: str) -> bool:
    """A phrase's rendering `text` holds a word of its noun's own rendering, if that has one
    (핵 'nuclear weapons' in 핵 개발 'nuclear development'), and the noun is not omitted
    (차례상 비용 'Food costs' where the English leaves 차례상 out)."""
    if own is None or own.status == "not_found":  # the model is unsure of it (우발적 충돌 'accidental clashes')
        return True
    return own.status == "rendered" and bool(set(content_words(own.text)) & set(content_words(text)))


def _shared(alone: Sequence[Rendering | None]) -> bool:
    """Two nouns of a phrase have one rendering: the English writes them as one word (북한 주민
    'North Koreans'), and the phrase has no words of its own."""
    texts = [r.text for r in alone if r is not None and r.text is not None]
    return len(set(texts)) < len(texts)


def _holds(own: Rendering | None, text: str) -> bool:
    """A noun's own rendering holds every word of its phrase's rendering `text`."""
    return own is not None and own.text is not None and set(content_words(text)) <= set(content_words(own.text))


def _joined_words(bead: Bead, pieces: Bead) -> list[tuple[str, Unit, list[int]]]:
    """(sentence id, joined word, indices of its pieces over the pieces' bead) of each word of
    the bead joined from Kiwi's pieces (korean.merge_known)."""
    out = []
    offset = 0
    for (sentence_id, units), (_, raw) in zip(bead.korean, pieces.korean):
        for word in (u for u in units if u.parts):
            out.append((sentence_id, word, [offset + k for k, piece in enumerate(raw)
                                            if word.start <= piece.start and piece.end <= word.end]))
        offset += len(raw)
    return out


def _with_pieces(rows: list[dict], bead: Bead, pieces: Bead, is_term, posteriors_of, phrases_of, knows,
                 lexical: Container[str], row) -> list[dict]:
    """One bead's rows, given its units as Kiwi gave them before they were joined into words:
    - a term among the pieces of a joined word (유엔 of 유엔결의안) that is no term of the bead
      already, nor a single syllable, gets a row of its own where the English renders it among
      the pieces, inside the joined word's rendering if it has one (`part_of`: the word);
    - a joined word rendered in fewer words than it has pieces, whose pieces render as a
      phrase (render_phrase) holding its rendering, takes the phrase's (음성변조 'Voice' -> 'Voice
      Altered' where the model knows 음성 "voice" and not 변조: a piece it cannot tie is the
      unclaimed word next to the other's)."""
    by_term = {r["ko_term"]: r for r in rows}
    raw = pieces.units()
    keys = [u.key for u in raw]

    def shorter(word: str, pieces_in: list[int]) -> bool:  # its row could take a longer phrase
        mine = by_term.get(word)
        return mine is not None and mine["en_rendering"] is not None and len(pieces_in) >= 2 and \
            all(raw[i].tag in NOUNS for i in pieces_in) and len(mine["en_rendering"].split()) < len(pieces_in)

    def term_piece(word: str, i: int) -> bool:
        return keys[i] not in by_term and keys[i] != word and len(keys[i]) >= 2 and bool(term_occurrences([raw[i]], is_term))

    joined = [(sid, w, inside) for sid, w, inside in _joined_words(bead, pieces)
              if shorter(w.key, inside) or any(term_piece(w.key, i) for i in inside)]
    if not joined:
        return rows  # nothing to do: the pieces' probabilities are not needed
    posteriors, top = _posteriors_and_rivals(posteriors_of, keys, bead.english.stems)
    pairs = glossed(pieces)
    columns = BeadColumns(raw, pairs)
    for sentence_id, word, inside in joined:
        mine = by_term.get(word.key)
        if shorter(word.key, inside):
            own = [own_columns(pairs, i) for i in inside]
            phrase = render_phrase(own, posteriors, bead.english, bead.cert, phrases_of((word.key,)), top, (), word.key)
            if phrase is not None and mine["en_rendering"] in phrase.text and mine["en_rendering"] != phrase.text:
                rows[rows.index(mine)] = by_term[word.key] = row(mine["sentence_id"], word.key, phrase)
        whole = by_term.get(word.key, {}).get("en_rendering")
        for i in inside:
            if not term_piece(word.key, i):
                continue
            term = keys[i]
            own, kin = columns.of(i)
            unknown = knows is not None and term in lexical and not knows(term)
            result = render(own, posteriors, bead.english, bead.cert, phrases_of((term,)), top, kin, term, unknown)
            # else the joined word's row speaks for it; a piece's words are among the word's
            if result.status == "rendered" and (whole is None or result.text in whole):
                by_term[term] = row(sentence_id, term, result, word.key)
                rows.append(by_term[term])
    return rows


def _by_known_pieces(term: str, bead: Bead, phrases_of, listed: Container[str], others: Iterable[str]) -> Rendering | None:
    """A compound Kiwi reads as one noun that the model cannot tie (not found), rendered from its
    pieces' lexicon renderings written as one phrase (compounds.render_compound) or as the name of
    a body written head first (compounds.render_body_name), through no English word that renders
    one of the bead's `others` (its other nouns) by the lexicon: 장관's 'minister' is not the
    'ministry' of 사법부 (the stems are one) in 'justice minister'; None without one."""
    known = listed.__contains__
    pieces = known_pieces(term, known)
    if pieces is None:
        return None
    english = bead.english
    found = render_compound(pieces, english, phrases_of, known) or \
        render_body_name(term, pieces, english, phrases_of, known) or render_name_of_pieces(pieces, english, phrases_of, known)
    if found is None:
        return None  # the common case: the bead's other nouns need not be read
    barred = written_words(english, phrases_of(tuple(sorted(set(others) - {term, *pieces}))))
    return render_compound(pieces, english, phrases_of, known, barred) or \
        render_body_name(term, pieces, english, phrases_of, known, barred) or \
        render_name_of_pieces(pieces, english, phrases_of, known, barred)


def _named(result: Rendering, phrases: Sequence[tuple[str, ...]]) -> bool:
    """A rendering holding a word of the term's lexicon renderings (`phrases`, stem tuples)."""
    named = {s for phrase in phrases for s in phrase}
    return result.status == "rendered" and bool(named & set(English.of(result.text).stems))


# plural endings of English nouns for people ('villagers', 'officials', 'inhabitants', 'Italians'); not
# '-ments' ('ailments'), which names things
_PEOPLE_PLURALS = ("ers", "ents", "ants", "als", "ans", "ens", "ites", "ees", "ists", "people", "folks")


def _plural_noun(result: Rendering) -> bool:
    """A rendering of one plural noun for people ('Villagers', 'locals'): the people the English names its own way."""
    words = (result.text or "").lower().split()
    return result.status == "rendered" and len(words) == 1 and words[0].isalpha() and \
        words[0].endswith(_PEOPLE_PLURALS) and not words[0].endswith("ments")


def _named_by_prior(result, phrases: Sequence[tuple[str, ...]]):
    """A rate the lexicon lacks (korean.is_rate), which the model has barely met: its rendering
    only where it holds a word its prior names (its noun's renderings, 'rate'); else not found."""
    named = {s for phrase in phrases for s in phrase}
    if result.text is None or named & set(content_words(result.text)):
        return result
    return Rendering("not_found", None, result.confidence)


def term_rows(beads: Sequence[Bead], expansions: Mapping[str, Mapping[str, str]], is_term, model: LinkModel,
              entries=None) -> list[dict]:
    """Rows of the terms table, rendering groups labelled over these beads; `entries` (the
    lexicon's: Korean key -> stem tuples) lets a rendering grow to a whole lexicon phrase. Every
    row, before the table's admission (korean.admitted, which only article_term_rows applies):
    the renderers' own view, which the tests read."""
    rows = keyed_rows(beads, expansions, is_term, model, entries)
    labels = labels_from_counts(Counter((r["rendering_group"], form_label(r["en_rendering"]))
                                        for r in rows if r["rendering_group"]))
    for row in rows:
        if row["rendering_group"] is not None:
            row["rendering_group"] = labels[row["rendering_group"]]
    return rows


def article_term_rows(article: ArticleBeads, model: TermModel, lexicon) -> list[dict]:
    """One article's keyed rows (`keyed_schema`), its Korean units joined into the archive's words."""
    words = _model_vocabulary(model, lexicon.entries)
    beads = [Bead(b.article_id, b.bead, b.cert, b.english, merged_units(b.korean, words)) for b in article.beads]
    rows = keyed_rows(beads, {article.article_id: article.acronyms}, words, model.aligner,
                      _model_entries(model, lexicon.entries), lexicon.entries, article.beads)
    # a proper noun, or a rate (a term by its suffix, even written once: is_rate), vouches as a lexicon key does
    vouchers = {u.key for b in beads for u in b.units() if u.tag == "NNP" or is_rate(u)}
    rows = admitted(rows, lexicon.entries, vouchers)
    for row in rows:
        row["form"] = form_label(row["en_rendering"]) if row["rendering_group"] else None
    return rows


# kind -> (model, lexicon entries, what was made of them): the last pair's, made once
_MADE: dict[str, tuple[TermModel, object, object]] = {}


def _made_once(kind: str, model: TermModel, lexicon_entries, make: Callable[[], object]):
    """make(), once for every article of a worker's build while the model and the lexicon entries
    are the same objects (held, so that their ids cannot be reused by others)."""
    kept = _MADE.get(kind)
    if kept is None or kept[0] is not model or kept[1] is not lexicon_entries:
        _MADE[kind] = kept = (model, lexicon_entries, make())
    return kept[2]


def _model_entries(model: TermModel, lexicon_entries) -> dict:
    """model.entries(lexicon_entries), made once a build."""
    return _made_once("entries", model, lexicon_entries, lambda: model.entries(lexicon_entries))


def _model_vocabulary(model: TermModel, lexicon_entries):
    """model.vocabulary(lexicon_entries), one object a build, so that the bead memo (memo.py) sees
    the same vocabulary in each article."""
    return _made_once("vocabulary", model, lexicon_entries, lambda: model.vocabulary(lexicon_entries))


def write_labelled(keyed, out: Path) -> int:
    """Write the terms table at `out` (atomically) from keyed rows (a LazyFrame of
    `keyed_schema`, in table order): each group key becomes its label, the group's most
    frequent form over all the rows. Returns the number of rows."""
    import polars as pl

    from toolkit.files import atomic_path
    from toolkit.metrics.tables import schemas

    counts = (keyed.filter(pl.col("rendering_group").is_not_null() & (pl.col("rendering_group") != ""))
              .group_by("rendering_group", "form").agg(pl.len().alias("n")).collect())
    labels = labels_from_counts(Counter({(key, form): n for key, form, n in counts.iter_rows()}))
    schema = schemas()["terms"]
    with atomic_path(out) as tmp:
        (keyed.with_columns(pl.col("rendering_group").replace_strict(labels, default=None, return_dtype=pl.String))
         .select(pl.col(c).cast(t) for c, t in schema.items())
         .sink_parquet(tmp, maintain_order=True))
    return pl.scan_parquet(out).select(pl.len()).collect().item()
