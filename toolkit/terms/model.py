"""The archive-wide part of terminology (the reduce): the archive's own words and the
word-alignment model, folded from every article's beads in article order.

Three things belong to the archive and not to one article: the words the lexicon lacks
that recur in two sentences or more (they decide how Kiwi's pieces are joined and which words are
terms), the prior of such a joined word (its parts' lexicon renderings, taken from the
first bead that joins it), and the model, trained on the confident beads (at most
`MAX_TRAINING_BEADS`: every k-th beyond that; none longer than `MAX_TRAINING_CELLS` word
pairs). `Training.digest` covers all three inputs, so an article's renderings, which
depend on nothing else of the archive, stand as long as the digest does: that is what lets
an incremental build render only the articles it built.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from toolkit.align.english import stem
from toolkit.hangul import decompose, is_syllable_word
from toolkit.terms.korean import NOUNS, TermVocabulary, Unit, is_rate, merge_known
from toolkit.terms.renderings import CONFIDENT_BEAD
from toolkit.terms.respell import lexicon_stems, romanized_stems, variants

MAX_TRAINING_BEADS = 50_000
MAX_TRAINING_CELLS = 40_000  # Korean words x English words: a longer bead teaches Model 1 little


def archive_words(sentence_counts: Iterable[tuple[str, int]]) -> frozenset[str]:
    """The archive's own words: (word, number of sentences it occurs in) -> those in two or more."""
    return frozenset(w for w, n in sentence_counts if n >= 2)


def sampling(confident: int) -> int:
    """Every how many confident beads one trains the model (1 up to MAX_TRAINING_BEADS)."""
    return max(1, math.ceil(confident / MAX_TRAINING_BEADS))


@dataclass
class TermModel:
    """What renders an article's terms besides its own beads (pickled for the workers)."""

    recurring: frozenset[str]
    joined: dict[str, frozenset[tuple[str, ...]]]  # prior of joined words the lexicon lacks
    aligner: object  # renderings.LinkModel (a trained wordalign.WordAligner)
    digest: str

    def vocabulary(self, known: Container[str]) -> TermVocabulary:
        return TermVocabulary(known, self.recurring)

    def entries(self, lexicon_entries: Mapping[str, frozenset]) -> dict[str, frozenset]:
        """Korean key -> renderings (stem tuples): the lexicon's, and the joined words'."""
        return {**lexicon_entries, **self.joined}


@dataclass
class Training:
    """The training data of the model, folded bead by bead in (article, bead) order."""

    lexicon_entries: Mapping[str, frozenset]
    words: TermVocabulary
    every: int = 1
    joined: dict[str, frozenset] = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)  # stem -> a written word (the sound test)
    pairs: list[tuple[list[str], list[str]]] = field(default_factory=list)
    aliases: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    seen: int = 0  # confident beads so far
    # (word, read as a proper noun) that spelled_of found no keys for: asked once (its answer depends on both)
    unspelled: set[tuple[str, bool]] = field(default_factory=set)
    # lexicon key -> its renderings as the archive's beads respell a name in them (respell.py)
    respelled: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)

    def add(self, cert: float, korean: Sequence[tuple[str, list[Unit]]], stems: Sequence[str],
            surface: Sequence[str]) -> None:
        """One bead: its Korean sentences' units as Kiwi gives them, its English stems and
        their written words."""
        units = [u for _, merged in merged_units(korean, self.words) for u in merged]
        for u in units:
            if u.parts and u.key not in self.lexicon_entries and u.key not in self.joined:
                self.joined[u.key] = frozenset(p for part in u.parts for p in self.lexicon_entries.get(part, ()))
            elif is_rate(u) and u.key not in self.lexicon_entries and u.key not in self.joined:
                # a rate the lexicon lacks: its noun's renderings and 'rate' (고용률: employment rate)
                self.joined[u.key] = frozenset({*self.lexicon_entries.get(u.base, ()), (stem("rate"),)})
        self.add_keys(cert, [u.key for u in units], stems, surface, [u.tag for u in units], [u.base for u in units])

    def add_keys(self, cert: float, ko: list[str], stems: Sequence[str], surface: Sequence[str],
                 tags: Sequence[str] = (), bases: Sequence[str] = ()) -> None:
        """`add` for a bead whose Korean units cannot be joined (korean.can_join): its keys
        are its words (`tags` and `bases`: their Unit.tag and Unit.base)."""
        for key, tag, base in zip(ko, tags, bases):
            proper = tag == "NNP"
            if tag in NOUNS and not base and key not in self.lexicon_entries and key not in self.joined \
                    and (key, proper) not in self.unspelled:
                # a word Kiwi read whole that the lexicon lacks but spells of its keys (학습회: 학습)
                pieces = spelled_of(key, self.lexicon_entries, proper=proper)
                if pieces:
                    self.joined[key] = frozenset(p for piece in pieces for p in self.lexicon_entries[piece])
                else:
                    self.unspelled.add((key, proper))
        self._respell([k for k, tag in zip(ko, tags) if tag == "NNP"], stems, surface)  # names only
        if cert < CONFIDENT_BEAD:
            return
        self.seen += 1
        if (self.seen - 1) % self.every or len(ko) * len(stems) > MAX_TRAINING_CELLS:
            return
        self.pairs.append((ko, list(stems)))
        for s, w in zip(stems, surface):
            self.surface.setdefault(s, w)

    def _respell(self, ko: Sequence[str], stems: Sequence[str], surface: Sequence[str]) -> None:
        """The renderings of the bead's lexicon keys (its proper nouns: a common word's rendering,
        'follow' of 이후, is no name and shares its consonants with 'February') that it spells in
        another romanization (양강도 'Ryanggang' where the bead says 'Yangkang'): the model's prior
        gains them, or it ties the other spelling, which it never saw in the lexicon, to a word beside it."""
        spelled = None
        written = set(stems)
        for key in ko:
            phrases = self.lexicon_entries.get(key)
            if not phrases or all(s in written for p in phrases for s in p):
                continue
            if spelled is None:
                spelled = romanized_stems(stems, surface, lexicon_stems(self.lexicon_entries))
                if not spelled:
                    return
            found = variants(phrases, written, spelled)
            if found:
                self.respelled.setdefault(key, set()).update(found)

    def add_acronyms(self, found: Mapping[str, str]) -> None:
        """An article's acronyms: each shares the prior of its expansion's Korean words."""
        from toolkit.align.english import stem
        from toolkit.align.wordalign import phrase_stems

        for acronym, expansion in found.items():
            self.aliases.setdefault(stem(acronym), set()).add(phrase_stems(expansion))

    def digest(self) -> str:
        """Of everything archive-wide a rendering depends on (the lexicon aside: a build with
        another lexicon builds every article again)."""
        h = hashlib.sha256()
        h.update(repr((MAX_TRAINING_BEADS, MAX_TRAINING_CELLS, self.every)).encode())
        h.update("\x1e".join(sorted(self.words.recurring)).encode())
        for key, prior in sorted(self.joined.items()):
            h.update(repr((key, sorted(prior))).encode())
        for ko, en in self.pairs:
            h.update(("\x1f".join(ko) + "\x1d" + "\x1f".join(en) + "\x1e").encode())
        h.update(repr(sorted(self.surface.items())).encode())
        h.update(repr(sorted((k, sorted(v)) for k, v in self.aliases.items())).encode())
        h.update(repr(sorted((k, sorted(v)) for k, v in self.respelled.items())).encode())
        return h.hexdigest()

    def model(self, run=None) -> TermModel:
        """Train the word-alignment model (the lexicon and the joined words as its prior);
        `run` as for wordalign.WordAligner.train."""
        from toolkit.align.wordalign import train_link_model

        prior = {**self.lexicon_entries, **self.joined}
        prior.update((k, frozenset(prior.get(k, ())) | v) for k, v in self.respelled.items())
        aligner = train_link_model(self.pairs, prior, surface=self.surface,
                                   aliases=self.aliases, run=run)
        return self.model_of(aligner)

    def model_of(self, aligner) -> TermModel:
        """The TermModel of this data with a given word-alignment model."""
        return TermModel(self.words.recurring, dict(self.joined), aligner, self.digest())


SPELLED_FROM = 3  # syllables of the shortest word the lexicon lacks whose prior its pieces give
SHORTEST_PIECE = 2  # syllables of a piece (one syllable is a suffix of too many readings: 회, 서, 군)


def spelled_of(word: str, entries: Mapping[str, frozenset], proper: bool = False) -> list[str]:
    """The lexicon keys a word the lexicon lacks is written of, longest first from the left
    (학습회 -> 학습, 나이로비국립대 -> 나이로비 + 국립), when they leave no syllable of it unread but
    its last (a suffix: 회 "meeting", 서 "document"); else none. Kiwi reads such a word as one
    noun, so the model, which meets it in a bead or two, would have no prior for it, and ties it
    to whatever stands beside it; its pieces' renderings are what the English writes for it
    (제의서 'proposal'). A word spelled whole of keys (통일연구원: 통일 + 연구원) gets none, and
    more unread syllables name something the pieces do not (대한불교조계종 is no 'Buddhist'). A
    `proper` noun (Kiwi's NNP) is spelled of its pieces only when the first is a name the
    transliteration table lists (청진시: 청진 'Chongjin'): else it is a person's name, whose
    syllables are sounds (신원식 is no 신원 'identity', 최선희 no 최선 'best'), and a prior of
    common words would pull it off the romanized name the English writes."""
    if len(word) < SPELLED_FROM or not is_syllable_word(word):
        return []
    pieces, k = [], 0
    while k < len(word):
        size = next((n for n in range(len(word) - k, SHORTEST_PIECE - 1, -1)
                     if (k, n) != (0, len(word)) and entries.get(word[k:k + n])), 0)
        if not size:
            if not pieces or k != len(word) - 1 or _writes_a_consonant(word[-1]):  # only a suffix left unread
                return []
            from toolkit.names import transliterations

            return pieces if not proper or pieces[0] in transliterations() else []
        pieces.append(word[k:k + size])
        k += size
    return []  # spelled whole of keys: a compound whose own English the archive knows better


_EU = 18  # the medial ㅡ (hangul.decompose)


def _writes_a_consonant(syllable: str) -> bool:
    """A syllable of ㅡ with no final consonant (크, 트, 스, 드): how Korean writes an English
    consonant no vowel follows (스파이크 'Spike'), so the end of a loanword, not a suffix (no
    Sino-Korean syllable is one): 스파이크 is no 스파이 'spy'."""
    _, medial, final = decompose(syllable)
    return medial == _EU and final == 0


def merged_units(korean: Sequence[tuple[str, list[Unit]]], words: TermVocabulary) -> list[tuple[str, list[Unit]]]:
    """A bead's Korean sentences with their units joined into the archive's words (보위 + 부 -> 보위부)."""
    return [(sid, merge_known(units, words.has)) for sid, units in korean]
