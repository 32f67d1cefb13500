"""The English words that render a Korean term inside one aligned bead.

A word-alignment model gives, for every English content word of the bead, the probability
that it translates each Korean unit (or nothing). The words whose probability of
translating the term's units reaches `LINK`, and that no other Korean word claims more, are
the term's links; links next to each other, or separated only by function words ("Ministry
of State Security"), form a span, and the span with the most probability is the rendering
(grown by neighbours the term claims weakly, and to the whole of a lexicon rendering it
overlaps: "South" -> "South Korea"). It is cut from the bead's English text as written, so
a rendering always occurs in the text it renders.

With no link: **omitted** when the bead is a close translation (confident, and most of its
English words tied to some Korean word) and no English word gives the term even a faint
chance (`FAINT`): the translator rendered the sentence but left the term out; otherwise
**not_found**: the term may be there in words the model cannot tie to it (a paraphrase, a
pronoun, a rewrite), or the bead itself is doubtful.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Protocol

from toolkit.align.english import irregular_base, is_content, singular, stem, word_spans
from toolkit.datafiles import lexicon_pairs
from toolkit.terms.verbs import is_verb_form

RIVALS = 6          # claims kept per English word for the rivalry test (more are looked up when needed)
LINK = 0.3          # probability that makes an English word a link of the term
WEAK = 0.15         # enough for a word next to a span, when no other Korean word claims it more
FAINT = 0.1         # below this everywhere, the term has no English counterpart in the bead
SOLE = 0.03         # enough for a word written tight next to a span that no other Korean word claims even faintly
SOLE_RATIO = 2.0    # ...when the term claims it this many times more than any other Korean word
LEXICON_ONLY = 0.5   # confidence of a rendering found by the lexicon alone (the model never met the term)
CONFIDENT_BEAD = 0.5  # a bead at least this certain translates its Korean sentences...
COVERED = 0.5       # ...closely when this share of its English words is tied to some Korean word
MAX_GAP_WORDS = 2   # function words a span may hold between two links
STATUSES = ("rendered", "omitted", "not_found")

# between two links of one span: spaces and hyphens, up to MAX_GAP_WORDS of the function words
# that hold a noun phrase together (Ministry of State Security, Workers' Party of Korea), or
# one "and" (cooperation and exchanges); each may begin with the hyphened tail of the word
# before it, a piece that is no content word ('Dong-A Ilbo', 'COVID-19 infections')
_TAIL = r"(?:-[A-Za-z0-9]{1,4}(?=\s))?"
_GAP = re.compile(_TAIL + r"[\s\-]*(?:(?:of|the|for|on|de)\s+){0,%d}|\s+and\s+" % MAX_GAP_WORDS, re.IGNORECASE)
_NAME_GAP = re.compile(_TAIL + r"[\s\-]*(?:(?:of|the|for|on|de)\s+){0,%d}" % MAX_GAP_WORDS, re.IGNORECASE)
_TIGHT_GAP = re.compile(_TAIL + r"[\s\-]+")
_SPACED_DASH = re.compile(r"\s-|-\s")  # a dash between phrases ('lungs - organs'), not a hyphen's join
# '-19' of 'COVID-19', '-A' of 'Dong-A' (also before a possessive or a closing quote: 'COVID-19's'; a
# number also before a hyphened word: 'COVID-19-related'); not '-U' of 'Korea-U.S.' (the first letter
# of an initialism), nor '-n' of 'rock-n'roll', nor '-to' of 'face-to-face'
_HYPHENED_TAIL = re.compile(r"-(?:\d{1,4}(?=-[A-Za-z])|[A-Za-z0-9]{1,4}(?![\w-]|\.\w|['’](?!s?(?!\w))))")
_COMMA = re.compile(r",\s+")
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_COUNTRY_SYLLABLES = frozenset("남북한중미일러")
_POSSESSIVE = re.compile(r"['’]s?$")
_INITIAL = re.compile(r"(?<![A-Za-z.])[A-Z]\. ?$")  # 'N. ' of 'N. Korean'; not 'U.S. ' (a word of its own)
_HALF = re.compile(r"(?<![A-Za-z])(?:North|South)[ -]$")  # 'North ' of 'North Korean'
_LETTER_PREFIX = re.compile(r"(?<![\w.'’-])[A-Za-z]-$")  # 'e-' of 'e-commerce'
_KOREA = re.compile(r"Koreans?|Korea['’]?s?")
# the endings of Korean names of places and bodies, and the English head nouns they take
NAME_HEADS = {ending: frozenset(heads.split()) for ending, heads in {
    "군": "county", "도": "province island", "시": "city", "구": "district", "읍": "town", "리": "village",
    "동": "neighborhood neighbourhood", "강": "river", "산": "mountain mount", "섬": "island", "항": "port",
    "공항": "airport", "역": "station", "대학": "university college", "대학교": "university", "학교": "school",
    "회사": "company corporation", "공장": "factory plant", "광산": "mine", "병원": "hospital",
    "위원회": "committee commission", "성": "ministry", "부": "ministry department",
    "청": "agency office administration service guard", "당": "party", "군단": "corps", "사단": "division",
    "여단": "brigade", "수용소": "camp", "교화소": "prison", "위": "committee commission",
    "국": "bureau department office", "과": "department division section", "소": "office institute station",
    "대": "unit squad corps team", "원": "institute service board agency",
}.items()}
# endings that name a body only after a name of two syllables or more: 위 abbreviates 위원회
# (개인정보위, 최저임금위), 국 and 원 end 보건국, 한국개발연구원, while 대위, 시위, 중국, 의원,
# 기대 and 결과 are words of their own
_SHORTENED_ENDINGS = frozenset({"위", "국", "과", "소", "대", "원"})
_LONGEST_ENDING = max(map(len, NAME_HEADS))
# nouns the aligner's stop list drops as the function words they also spell ('mine', the
# pronoun): the lexicon renders terms with them (광산, 지뢰, 탄광 "mine"; 'Musan Mine'), so
# renderings count them as content words
NOUN_HOMOGRAPHS = frozenset({"mine"})
# the shortest head a closed compound is read by ('phone' of 'cellphones'), and the shortest word
# before it ('cell'; 'sup' of 'support' is none)
HEAD_LETTERS = 4
LONGEST_COMPOUND = 30  # letters of the longest word read as a closed compound
# month abbreviations ('May' is the month's name), and what follows one that is a month: its stop or a day
_MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
_AFTER_ABBREVIATED_MONTH = re.compile(r"\.|\s?\d")
# units an amount is counted in: Korean writes them as bound nouns (5천 원, 300위안, 10년) that are no
# content unit of the model, so that it ties '5,000 won' or 'three years' to whatever noun is near
MEASURES = frozenset("""won yuan dollar dollars euro euros ruble rubles yen kilogram kilograms kilo kilos kg gram
    grams ton tons tonne tonnes meter meters metre metres kilometer kilometers kilometre kilometres km liter liters
    litre litres hectare hectares acre acres year years month months week weeks day days hour hours minute
    minutes""".split())
# what stands right before a unit of an amount: a numeral ('5,000 won', '10-year'), a number word or "a"
_BEFORE_MEASURE = re.compile(r"(?:\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                             r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several|few))[\s-]?$",
                             re.IGNORECASE)
# possessives that belong inside a name (Ministry of People's Security, Workers' Party): plural
_NAME_POSSESSIVE = re.compile(r"(?:people|children|women|men)['’]s$|s['’]$", re.IGNORECASE)


class LinkModel(Protocol):
    """What renderings need of a word-alignment model (toolkit.align.wordalign)."""

    def link_posteriors(self, ko: Sequence[str], en: Sequence[str]) -> list[list[float]]:
        """For each English word j, P(j translates Korean unit i) for each i, then P(nothing)."""
        ...


@dataclass(frozen=True)
class English:
    """A bead's English text with its words, for the model (content stems) and for cutting spans."""

    text: str
    spans: tuple[tuple[str, int, int], ...]   # every word: (word, start, end)
    content: tuple[int, ...]                  # indices into spans of the content words
    stems: tuple[str, ...]                    # their stems, the model's English vocabulary

    @cached_property
    def written(self) -> list[int]:
        """How many times each content word's stem is written in the text."""
        times = Counter(self.stems)
        return [times[s] for s in self.stems]

    @cached_property
    def numbers(self) -> dict[int, int]:
        """Word (index into spans) -> its number among the content words."""
        return {k: n for n, k in enumerate(self.content)}

    def word(self, n: int) -> str:
        """Content word `n` as written."""
        return self.spans[self.content[n]][0]

    def between(self, left: int, right: int) -> str:
        """The text between content words `left` and `right` (numbers): " " or "-" writes them tight."""
        return self.text[self.spans[self.content[left]][2]:self.spans[self.content[right]][1]]

    @cached_property
    def stem_places(self) -> dict[str, list[int]]:
        """Each stem -> the content words (numbers, ascending) that have it."""
        places: dict[str, list[int]] = {}
        for n, s in enumerate(self.stems):
            places.setdefault(s, []).append(n)
        return places

    @cached_property
    def name_windows(self) -> list[range]:
        """The runs of up to three words that may write a name, longest first, then in text
        order (render_by_sound): the first capitalised, each next one written after a space
        and capitalised or after a hyphen."""
        spans, text = self.spans, self.text
        upper = [word[:1].isupper() for word, _, _ in spans]
        # joins[k]: word k may carry on the name of the word before it (each gap read once, not per window)
        joins = [False] + [gap in (" ", "-") and (upper[k] or gap == "-")
                           for k, gap in ((k, text[spans[k - 1][2]:spans[k][1]]) for k in range(1, len(spans)))]
        out = []
        for size in (3, 2, 1):
            for start in range(len(spans) - size + 1):
                if upper[start] and all(joins[k] for k in range(start + 1, start + size)):
                    out.append(range(start, start + size))
        return out

    @cached_property
    def months(self) -> frozenset[int]:
        """The content words (numbers) that name a month, written capitalised ('May', not 'may'):
        Korean writes a date in numerals (3월 14일), which give the model no Korean word, so that
        it ties 'March' to whatever noun is near; a month renders no term."""
        from toolkit.credits.text import MONTHS  # the project's one table of English month names

        def month(k: int) -> bool:
            word, _, end = self.spans[k]
            key = word.lower().rstrip(".")
            if not word[:1].isupper() or key not in MONTHS:
                return False
            # an abbreviation is a month only with its stop or a day after it: 'Jun' and 'Jan' are
            # names too (Jun Hyun-moo: 전 is romanised Jun), whose links must stay
            return key not in _MONTH_ABBREVIATIONS or bool(_AFTER_ABBREVIATED_MONTH.match(self.text, end))

        return frozenset(n for n, k in enumerate(self.content) if month(k))

    @cached_property
    def measures(self) -> frozenset[int]:
        """The content words (numbers) that are the unit of an amount written right before them
        ('5,000 won', 'three years', 'a kilogram'): like a month, such a unit renders no term but
        one the lexicon renders by it (달러 'dollar', 원화 'won'; `unlinkable`)."""
        def measure(k: int) -> bool:
            word, start, _ = self.spans[k]
            return word.lower() in MEASURES and _BEFORE_MEASURE.search(self.text, max(0, start - 12), start) is not None

        return frozenset(n for n, k in enumerate(self.content) if measure(k))

    def unlinkable(self, phrases: Iterable[tuple[str, ...]]) -> frozenset[int]:
        """The content words no term links: the months, and the units of amounts but those
        a lexicon rendering of the term (`phrases`, stem tuples) names."""
        if not self.measures:
            return self.months
        named = {s for phrase in phrases for s in phrase}
        return self.months | {n for n in self.measures if self.stems[n] not in named}

    @cached_property
    def heads(self) -> list[frozenset[str]]:
        """Each content word's possible heads as a closed compound (`_closed_compound`): the
        stems of its endings of `HEAD_LETTERS` letters or more after as many ('phon' of
        'cellphones'); none for a word not all letters, or longer than any English word
        (a hostile 100,000-letter token would cost a stem for each of its endings)."""
        out = []
        for k in self.content:
            word = self.spans[k][0].lower()
            out.append(_compound_heads(word) if word.isalpha() and len(word) <= LONGEST_COMPOUND else frozenset())
        return out

    @classmethod
    def of(cls, text: str) -> "English":
        spans = tuple(word_spans(text))
        content = tuple(k for k, (w, _, _) in enumerate(spans) if is_content(w) or w.lower() in NOUN_HOMOGRAPHS)
        return cls(text, spans, content, tuple(stem(spans[k][0]) for k in content))


@lru_cache(maxsize=65536)
def _compound_heads(word: str) -> frozenset[str]:
    """`English.heads` of one lower-cased word of letters: found once, since the same words
    recur in bead after bead of an archive (a word is at most LONGEST_COMPOUND letters here)."""
    return frozenset(stem(word[i:]) for i in range(HEAD_LETTERS, len(word) - HEAD_LETTERS + 1))


@dataclass(frozen=True)
class Rendering:
    """How one term fares in one bead: its status, the words (as written) and how sure."""

    status: str
    text: str | None
    confidence: float


def rivals(posteriors: Sequence[Sequence[float]], keys: Sequence[str] | None = None,
           size: int = RIVALS, matrix=None) -> "Rivals":
    """Per English word, the `size` largest claims of Korean words on it (probability, column),
    NULL left out, one column per distinct word of `keys` (a word written twice holds its
    whole share in each place): what other Korean words claim of it, computed once per bead
    for all its terms. `matrix`: the posteriors as a float array already (the kept one of
    rows._posteriors_for, read-only), so that it is not built again from the lists."""
    import numpy as np

    width = len(posteriors[0]) - 1 if posteriors else 0
    columns = list(range(width)) if keys is None else list({k: i for i, k in reversed(list(enumerate(keys)))}.values())
    columns.sort()
    if not posteriors or not columns:
        return Rivals(TopClaims([[] for _ in posteriors], [[] for _ in posteriors]), keys, columns)
    matrix = np.asarray(posteriors, dtype=float) if matrix is None else matrix
    values = matrix[:, columns]
    order = np.argsort(-values, axis=1, kind="stable")[:, :size]  # ties: the first column first
    kept = np.take_along_axis(values, order, axis=1).tolist()
    where = np.asarray(columns)[order].tolist()
    return Rivals(TopClaims(kept, where), keys, columns, values, posteriors, matrix)


class _WorkedOut(Sequence):
    """A sequence of `_size` items, each worked out (`_work`) when first read and kept: indexed,
    sliced and iterated as a list is."""

    _size: int
    _known: dict

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[k] for k in range(*n.indices(self._size))]
        if n < 0:
            n += self._size
        if not 0 <= n < self._size:
            raise IndexError(n)
        if n not in self._known:
            self._known[n] = self._work(n)
        return self._known[n]

    def _work(self, n: int):
        raise NotImplementedError


class TopClaims(_WorkedOut):
    """Per English word, its largest claims as (probability, column), largest first: each word's
    list is made when first read, since a bead's terms read the claims of a few words only."""

    def __init__(self, probabilities: list[list[float]], columns: list[list[int]]) -> None:
        self.probabilities, self._columns = probabilities, columns
        self._known: dict[int, list[tuple[float, int]]] = {}
        self._size = len(probabilities)

    def _work(self, n: int) -> list[tuple[float, int]]:
        return list(zip(self.probabilities[n], self._columns[n]))

    def __eq__(self, other) -> bool:
        # as the list it replaced: equal to a list (or TopClaims) of the same claims, not to a tuple
        return list(self) == list(other) if isinstance(other, (list, TopClaims)) else NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))

    __hash__ = None  # (mutable in what it has made, as a list is)


@dataclass(frozen=True)
class Rivals:
    """The largest claims on each English word of a bead (`rivals`)."""

    top: TopClaims
    keys: Sequence[str] | None
    columns: list[int]
    values: object = None  # the claims (English words x `columns`), a numpy array
    # the posteriors these were made from (`masses` trusts only these), and as a numpy array
    source: object = field(default=None, repr=False, compare=False)
    matrix: object = field(default=None, repr=False, compare=False)

    @cached_property
    def tied(self) -> int:
        """How many English words some Korean word links (its largest claim reaches `LINK`):
        the same for every term of the bead."""
        return sum(bool(claims) and claims[0] >= LINK for claims in self.top.probabilities)

    def masses(self, posteriors: Sequence[Sequence[float]], columns: Sequence[int]) -> "Masses":
        """`Masses` of `columns`, screened with the numpy copy when `posteriors` are the ones
        these rivals were made from and the bead is long enough for screening to pay."""
        if posteriors is not self.source:
            return ListedMasses(posteriors, columns)
        if len(posteriors) >= SCREEN_FROM:
            return Masses(posteriors, columns, self.by_column)
        return ListedMasses(posteriors, columns, self._column)

    def _column(self, c: int) -> list[float]:
        """Column c of the posteriors these were made from, kept for the bead's other terms."""
        got = self._columns_read.get(c)
        if got is None:
            got = self._columns_read[c] = [0.0 + row[c] for row in self.source]
        return got

    @cached_property
    def _columns_read(self) -> dict[int, list[float]]:
        return {}

    @cached_property
    def by_column(self):
        """`matrix` laid out column by column: a term reads its own columns whole."""
        import numpy as np

        return np.asfortranarray(self.matrix)

    @cached_property
    def ranked(self):
        """Every claim on each English word, largest first, and each column's place in that
        order: the m-th largest claim of the words outside a few is then found by skipping
        those few, whatever m (a word written m times), in time linear in the few."""
        import numpy as np

        order = np.argsort(-self.values, axis=1, kind="stable")
        place = np.empty_like(order)
        np.put_along_axis(place, order, np.arange(order.shape[1])[None, :].repeat(order.shape[0], 0), axis=1)
        return np.take_along_axis(self.values, order, axis=1), place

    def _nth(self, n: int, rank: int, excluded: list[int]) -> float:
        """The `rank`-th largest claim on English word n of the columns not at the
        `excluded` places of `columns`."""
        claims, place = self.ranked
        at = rank - 1
        for p in sorted(place[n, excluded].tolist()) if excluded else ():
            if p <= at:
                at += 1
        return float(claims[n, at]) if at < claims.shape[1] else 0.0

    def against(self, others: set[int], ranks: Sequence[int]) -> list[float]:
        """Per English word n, the `ranks[n]`-th largest claim on it of the Korean words outside
        `others` (columns; every place of their words is left out too)."""
        return list(self.claims(others, ranks))

    def claims(self, others: set[int], ranks: Sequence[int]) -> "Claims":
        """`against`, worked out only for the English words asked about: a term looks at
        the words it links and their neighbours, not at every word of the bead."""
        return Claims(self, self.excluded(others), ranks)

    def excluded(self, others: set[int]) -> set[int]:
        """The columns of the words of `others` (units), whose claims are no rival's: one column
        per distinct word (`_column_of`), so a word written twice is left out at every place."""
        if self.keys is None:
            return others
        column_of = self._column_of
        return {column_of[self.keys[i]] for i in others}

    def _claim(self, n: int, rank: int, excluded: set[int], claims: "Claims") -> float:
        """The rank-th claim on English word n of a word outside the `excluded` columns."""
        top = self.top[n]
        seen = 0
        for p, i in top:  # the rank-th claim of a word outside `others`, if kept
            if i not in excluded:
                seen += 1
                if seen == rank:
                    return p
        if len(top) == RIVALS:  # more claims than were kept: look at all
            return self._nth(n, rank, claims.excluded_places())
        return 0.0

    @cached_property
    def place_of(self) -> dict[int, int]:
        """Each of `columns` -> its place in that list."""
        return {i: k for k, i in enumerate(self.columns)}

    @cached_property
    def _column_of(self) -> dict[str, int]:
        """Each distinct word of `keys` -> its one column (its first place)."""
        return {self.keys[i]: i for i in self.columns}


class Claims(_WorkedOut):
    """`Rivals.against` of one term as a sequence whose items are worked out when first read."""

    def __init__(self, rivals: Rivals, excluded: set[int], ranks: Sequence[int]):
        self._rivals, self._excluded, self._ranks = rivals, excluded, ranks
        self._known: dict[int, float] = {}
        self._places: list[int] | None = None
        self._size = min(len(rivals.top), len(ranks))

    def _work(self, n: int) -> float:
        return self._rivals._claim(n, self._ranks[n], self._excluded, self)

    def excluded_places(self) -> list[int]:
        """The places of the excluded columns in the rivals' `columns`."""
        if self._places is None:
            place = self._rivals.place_of
            self._places = sorted(place[i] for i in self._excluded if i in place)
        return self._places


MARGIN = 1e-9  # far above the rounding of a few additions of probabilities, far below any threshold gap
SCREEN_FROM = 48  # English words of a bead from which `Masses` screens with numpy (below, a list is cheaper)


class Masses(Sequence):
    """Per English word, the probability that it translates one of `columns` (summed as
    `sum` sums; the common single column without the generator), each worked out when first
    read; the words reaching a threshold and the largest are found by
    screening a numpy copy (`matrix`) and working out exactly only the words near them, so
    that a term costs Python work for the words it claims, not for every word of the bead."""

    def __init__(self, posteriors: Sequence[Sequence[float]], columns: Sequence[int], matrix=None):
        self._rows, self._columns = posteriors, list(columns)
        self._known: dict[int, float] = {}
        self._screen = None
        if matrix is not None and len(posteriors) and self._columns:
            screen = 0.0 + matrix[:, self._columns[0]]
            for c in self._columns[1:]:
                screen = screen + matrix[:, c]
            self._screen = screen

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, n: int) -> float:
        if n < 0:
            n += len(self._rows)
        if n not in self._known:
            row = self._rows[n]
            if len(self._columns) == 1:
                self._known[n] = 0.0 + row[self._columns[0]]
            else:
                self._known[n] = sum(row[i] for i in self._columns)
        return self._known[n]

    def __iter__(self) -> Iterator[float]:
        return (self[n] for n in range(len(self._rows)))

    def _near(self, floor: float) -> Iterable[int]:
        """The words (ascending) whose mass may reach `floor`: all of them without a screen."""
        if self._screen is None:
            return range(len(self._rows))
        import numpy as np

        return np.flatnonzero(self._screen >= floor - MARGIN).tolist()

    def at_least(self, floor: float) -> list[int]:
        """The words whose mass reaches `floor`, ascending."""
        return [n for n in self._near(floor) if self[n] >= floor]

    def largest(self) -> float:
        """max(masses, default=0.0)."""
        if self._screen is None:
            return max(self, default=0.0)
        top = float(self._screen.max())
        if top != top:  # NaN (no model gives one): no screening
            return max(self, default=0.0)
        return max(self[n] for n in self._near(top))


class ListedMasses(list):
    """`Masses` of a short bead: every word's, worked out at once."""

    def __init__(self, posteriors: Sequence[Sequence[float]], columns: Sequence[int], column=None):
        if column is not None and columns:  # the bead's columns, read once (0.0 + p is p but for -0.0)
            if len(columns) == 1:
                super().__init__(column(columns[0]))
            else:  # each word's claims summed by `sum`, in the order of `columns`
                super().__init__(map(sum, zip(*(column(c) for c in columns))))
        elif len(columns) == 1:
            c = columns[0]
            super().__init__([0.0 + row[c] for row in posteriors])
        else:
            super().__init__([sum(row[i] for i in columns) for row in posteriors])

    def at_least(self, floor: float) -> list[int]:
        return [n for n, p in enumerate(self) if p >= floor]

    def largest(self) -> float:
        return max(self, default=0.0)


def render(term_units: Sequence[int], posteriors: Sequence[Sequence[float]], english: English,
           bead_cert: float, phrases: Iterable[tuple[str, ...]] = (), top=None,
           kin: Iterable[int] = (), term_key: str = "", unknown: bool = False, listed: bool = True,
           generic: Iterable[int] = (), head: Sequence[int] = (), pieces: int = 1) -> Rendering:
    """The rendering of the Korean units `term_units` in the bead (posteriors: one row per
    English content word, as LinkModel.link_posteriors gives them). `phrases` are the term's
    lexicon renderings (stem tuples): a span that covers part of one grows to cover all of it
    (a link on 'South' of 'South Korea' takes 'Korea' along). `top` is `rivals(posteriors)`,
    when the caller renders several terms of one bead. `kin` are units that claim English
    words without competing with the term (its other places, words derived from it or
    compounded with it: 밀수꾼 and 밀수 may both claim 'smuggling'). `term_key`, the term as
    written, lets a name whose Korean ends in a kind of place or body (온성군: 군, county) take
    the English head noun after it ('Onsong' -> 'Onsong County'). `unknown`: the model never
    met the term (it stood only in doubtful beads), so its posteriors say nothing; then a
    lexicon rendering (`phrases`) written in the bead, on words no other Korean word links,
    is the rendering ('test-fired' for 시험발사), with confidence `LEXICON_ONLY`. A term the
    model met but ties to no word takes such a rendering too where it stands as a phrase of its
    own (`_whole`), if `listed`: `phrases` are the lexicon's renderings of the term itself, not
    its parts' (국가밀수 is not 'State'). `generic` (the bead's generic nouns, the stop list's) and
    `head` (the columns of the noun the term modifies in a noun phrase: 안전원 of 안전부 안전원)
    claim no word from it that is one of its own lexicon renderings, or a word of one written
    whole (`_named_links`: 지역 'local' beside 주민 'locals'; 'police' for 안전부 안전원, the phrase
    written as one word). `pieces`: the nouns the term was joined from (호흡기관: 2), each of which
    the English may write as a word of its own (`_grown_to_pieces`)."""
    return _render(term_units, posteriors, english, bead_cert, phrases, top, kin, term_key, unknown, listed,
                   generic, head, pieces)[0]


def _render(term_units: Sequence[int], posteriors: Sequence[Sequence[float]], english: English,
            bead_cert: float, phrases: Iterable[tuple[str, ...]] = (), top=None,
            kin: Iterable[int] = (), term_key: str = "", unknown: bool = False,
            listed: bool = True, generic: Iterable[int] = (),
            head: Sequence[int] = (), pieces: int = 1) -> tuple[Rendering, list[int] | None]:
    """`render`, with the span of content words rendered (None when not rendered)."""
    units = set(term_units)
    others = units | set(kin)
    top = top if top is not None else rivals(posteriors)
    mass = top.masses(posteriors, term_units)
    # what other Korean words claim of each English word: the most any claims, or, for a word
    # written m times, the m-th most (two Korean words may each have one 'nuclear' of two)
    rival = top.claims(others, english.written)
    # a link: probable enough, and no other Korean word claims the English word more
    phrases = list(phrases)
    barred = english.unlinkable(phrases)
    links = [n for n in mass.at_least(LINK) if mass[n] >= rival[n] and n not in barred]
    lenient = (set(generic) | set(head)) - others
    if lenient and listed:
        links = _named_links(links, mass, top.claims(others | lenient, english.written), english, phrases)
    if not links:
        # a lexicon rendering written whole on words no other Korean word links, and not inside
        # another word's phrase ('Korea' of 'North Korea'), or a closed compound of its head
        found = _lexicon_phrase(english, phrases, rival)
        met = listed and found is not None and _whole(english, found, rival, term_key)
        if found is not None and (unknown or met):
            found = _grown_to_heads(found, rival, english, term_key)
            return Rendering("rendered", _cut(english, found), LEXICON_ONLY), found
        found = _closed_compound(english, phrases, rival)
        if found is not None:
            return Rendering("rendered", _cut(english, found), LEXICON_ONLY), found
    if not links:
        largest = mass.largest()
        faint = largest < FAINT
        close = bool(posteriors) and top.tied >= COVERED * len(posteriors)
        if faint and close and bead_cert >= CONFIDENT_BEAD:
            return Rendering("omitted", None, 1.0 - largest), None
        return Rendering("not_found", None, largest), None
    # each run of links grown to its phrase; the one that gathers the most probability wins
    # ('Ministry' and 'Security' split by a 'State' another word claims grow back into one)
    apart = not _names_countries(term_key)
    # a generic noun's claim (the stop list's: 학습 'learning', glossed in a parenthesis the English left out)
    # keeps no word written tight beside the span from it ('deep learning' for 딥러닝)
    loose = top.claims(others | set(generic) - set(head), english.written) if set(generic) - others else None
    grown = [part for c in _clusters(links, english, apart, _bridge_test(english, rival, mass, barred))
             for part in _coordinated(_with_phrases(_extended(c, mass, rival, english, apart, loose), english,
                                                    phrases, rival), english)]
    # a run holding one of the term's own lexicon renderings before one that holds none: the mass of a
    # word the model met seldom spreads onto a word that only shares a stem ('National' of 유엔, whose
    # 'United Nations' stems to 'nation', over 'UN'); not for countries abbreviated together (한미), whose
    # renderings are each country's ('Korea' of 'North Korea' is no 한미)
    # of runs with the same mass (the same stems: 'government' and 'Governor' are both 'govern'), the one
    # writing a lexicon rendering of the term as the lexicon writes it ('Governor' for 지사 "governor")
    written = _written_renderings(term_key) if len(grown) > 1 else frozenset()
    best = max(grown, key=lambda c: (len(grown) > 1 and listed and apart and _holds_rendering(english, c, phrases),
                                     sum(mass[n] for n in c), bool(written) and _writes(english, c, written), -c[0]))
    best = _grown_to_heads(best, rival, english, term_key)
    if pieces > len(best) and not (listed and _holds_rendering(english, best, phrases)):
        best = _grown_to_pieces(best, top, others, english, pieces)
    named = _lexicon_named(best, english, phrases, rival, term_key) if listed else best
    if term_key.endswith(_PERSON_ENDINGS) and len(term_key) >= 2 and set(named) & set(best):
        named = _with_person(named, english, top)
    elif listed and set(named) & set(best):
        named = _with_head(named, english, phrases, rival)
    if not apart and not _names_a_country(english, named, phrases):
        return Rendering("not_found", None, mass.largest()), None  # 한·미 'going': no country in it
    if not set(named) & set(best):  # the lexicon's words in place of the model's
        return Rendering("rendered", _cut(english, named), LEXICON_ONLY), named
    return Rendering("rendered", _cut(english, named), min(1.0, sum(mass[n] for n in named) / len(named))), named


def _named_links(links: list[int], mass, rival: Sequence[float], english: English,
                 phrases: Sequence[tuple[str, ...]]) -> list[int]:
    """The links, and the words the term's mass reaches `LINK` on that are one of its own one-word
    lexicon renderings, or a word of one written whole ('special' of 특수부대 "special forces"),
    where only the lenient rivals claim them more (`rival`: the claims of the other words but
    them): a noun every story uses, tied to words by the model's habit (지역 'local' of 'locals',
    which renders 주민), or the noun the term modifies, which the English may write together with
    it in one word (안전부 안전원 'police'); the lexicon names the term's word."""
    named = {phrase[0] for phrase in phrases if len(phrase) == 1}
    whole = {n for phrase in phrases if len(phrase) > 1 for n in _written_whole(english, phrase)}
    if not named and not whole:
        return links
    barred = english.unlinkable(phrases)
    extra = [n for n in mass.at_least(LINK) if (english.stems[n] in named or n in whole) and n not in links
             and mass[n] >= rival[n] and n not in barred]
    return sorted([*links, *extra]) if extra else links


def written_places(english: English, phrase: tuple[str, ...], gap: re.Pattern) -> Iterator[tuple[int, int]]:
    """(first, last) content words of each place where the text writes the lexicon phrase whole, in
    its order, each word joined to the next by what `gap` allows ('special forces')."""
    size = len(phrase)
    for start in english.stem_places.get(phrase[0], ()):
        if tuple(english.stems[start:start + size]) == phrase and \
                all(_joins(english, n, n + 1, gap) for n in range(start, start + size - 1)):
            yield start, start + size - 1


def _written_whole(english: English, phrase: tuple[str, ...]) -> Iterator[int]:
    """The content words (numbers) of each place where the text writes the lexicon phrase as one phrase."""
    for first, last in written_places(english, phrase, _NAME_GAP):
        yield from range(first, last + 1)


def sounds_like(name: str, text: str) -> bool:
    """English words sound like a Korean name, with or without the ending of a kind of place
    or body (함흥시 'Hamhung')."""
    from toolkit.align.phonetic import similar

    core = name_heads(name)[0]
    return similar(name, text) or (core != name and len(core) >= 2 and similar(core, text))


def render_by_sound(name: str, english: English, posteriors: Sequence[Sequence[float]], own: Sequence[int],
                    top=None, kin: Iterable[int] = (), alike=None, unique: bool = False) -> Rendering | None:
    """A name's rendering by its sound: the longest run of up to three words written tight,
    the first capitalised and the others capitalised or hyphened on ('Kwon Young-se'), that
    sounds like it (`sounds_like`: 최문종 'Choi Moon-jong', 뉴스나인 'News Nine') and that no
    other Korean word links; None without one. `alike(name, text)`: the test of sound
    (`sounds_like` when not given). `unique`: None too where two runs sound like it equally
    (a name of two consonants, 루터, sounds like 'Reed' as much as 'Luther')."""
    alike = alike or sounds_like
    top = top if top is not None else rivals(posteriors)
    claims = top.claims(set(own) | set(kin), english.written)
    numbers = english.numbers  # every word: a name may hold a function word (News Nine)

    def rival(k: int) -> float:
        return claims[numbers[k]] if k in numbers and numbers[k] < len(claims) else 0.0

    spans = english.spans
    found: list[tuple[str, range]] = []  # the alike runs of the longest size that has one, and their words
    size = 0
    for window in english.name_windows:
        if found and len(window) < size:
            break
        free = all(rival(k) < LINK for k in window)
        if not free and len(window) < 2:
            continue
        text = english.text[spans[window[0]][1]:spans[window[-1]][2]]
        if alike(name, text) and (free or _spelled_out(name, text, len(window))):
            found.append((text, window))
            size = len(window)
    if not found:
        return None
    # of two names alike in sound, the nearer: 박영수 beside 박영선 is 'Park Young-soo', not the
    # first written ('Park Young-sun' ends with one consonant more)
    best, window = min(found, key=lambda run: _sound_gap(name, run[0]))
    if unique and len({text for text, _ in found if _sound_gap(name, text) == _sound_gap(name, best)}) > 1:
        return None
    # the English head the Korean ending names, written right after the name (라진항 'Rajin Port',
    # 무산군 'Musan county'): the sound finds the name alone, which has no such head's consonants
    heads = name_heads(name)[1]

    def headed(run: range) -> int | None:
        """The head word written right after the run (a space between), free of other claims."""
        after = run[-1] + 1
        if heads and after < len(spans) and english.text[spans[after - 1][2]:spans[after][1]] == " " and \
                spans[after][0].lower().removesuffix("s") in heads and rival(after) < LINK:
            return after
        return None

    after = headed(window)
    if heads and after is None:
        # another run alike that the ending's head follows is the term's: 철원군 is 'Cheorwon County'
        # where 'Cheorwon-eup' (철원읍) is written first
        window = next((w for w in english.name_windows if headed(w) is not None and all(rival(k) < LINK for k in w)
                       and alike(name, english.text[spans[w[0]][1]:spans[w[-1]][2]])), window)
        after = headed(window)
    if after is not None:
        best = english.text[spans[window[0]][1]:spans[after][2]]
    return Rendering("rendered", _POSSESSIVE.sub("", best), LEXICON_ONLY)


EXACT_SOUND = 5  # consonants of a name whose every one a run of words writing it in order vouches for it


def _spelled_out(name: str, text: str, words: int) -> bool:
    """A run of two words or more writes every consonant of a long name in order, none more
    (플래닛랩스 'Planet Labs'): evidence that no model's claim on one of its words outweighs (the
    model ties a word it met once, 'Labs', to whatever noun stands near: 연구소)."""
    from toolkit.align.phonetic import skeleton_en

    return words >= 2 and len(skeleton_en(text)) >= EXACT_SOUND and _sound_gap(name, text) == 0


def _sound_gap(name: str, text: str) -> int:
    """The edit distance of the consonant skeletons of a Korean name (or its core without the
    ending of a place or body, as `sounds_like` reads it) and English words."""
    from toolkit.align.phonetic import skeleton_en, skeleton_ko, within

    b = skeleton_en(text)
    gaps = []
    for a in {skeleton_ko(name), skeleton_ko(name_heads(name)[0])}:
        gaps.append(next(k for k in range(max(len(a), len(b)) + 1) if within(a, b, k)))
    return min(gaps)


def render_name_run(names: Sequence[str], english: English) -> list[tuple[int, int]] | None:
    """A foreign name Korean writes as several words apart (콜퍼스 크리스티, 크리스 굿맨, 브리티시 프레스
    어소시에이션), each word by its sound: the first run of as many capitalised English words written
    tight ('Corpus Christi') each of which sounds like its Korean word in order; the (start, end) in
    the text of each English word (a possessive left out), or None without such a run. Word by word,
    not the whole by the whole: a run that only sounds alike as a whole may be two names. Two words
    or more alike in order are evidence enough that no other Korean word's claim is asked about (the
    model's claims on a name it met once are noise: 샌 of 샌 페르난도 'Corpus')."""
    from toolkit.align.phonetic import similar, skeleton_en, skeleton_ko

    spans, text = english.spans, english.text
    for window in english.name_windows:
        if len(window) == len(names) and all(spans[k][0][:1].isupper() and similar(name, spans[k][0])
                                             for name, k in zip(names, window)):
            found = [[spans[k][1], spans[k][1] + len(_POSSESSIVE.sub("", spans[k][0]))] for k in window]
            # a Korean word of two English ones ('뉴질랜드' 'New Zealand'): the capitalised content word
            # written tight before the first word (after the last) joins it where the two sound like the
            # Korean and begin (end) as it does ('The National', 'Lawyer Sveta' stay out)
            before, after = window[0] - 1, window[-1] + 1
            if before >= 0 and _tight_capital(english, before, window[0]):
                joined = text[spans[before][1]:spans[window[0]][2]]
                if similar(names[0], joined) and skeleton_ko(names[0])[:1] == skeleton_en(joined)[:1]:
                    found[0][0] = spans[before][1]
            if after < len(spans) and found[-1][1] == spans[window[-1]][2] and _tight_capital(english, after, window[-1]):
                joined = text[spans[window[-1]][1]:spans[after][2]]
                if similar(names[-1], joined) and skeleton_ko(names[-1])[-1:] == skeleton_en(joined)[-1:]:
                    found[-1][1] = spans[after][1] + len(_POSSESSIVE.sub("", spans[after][0]))
            return [(start, end) for start, end in found]
    return None


def _tight_capital(english: English, k: int, beside: int) -> bool:
    """Word `k` is a capitalised content word written tight (a space or a hyphen) beside word `beside`."""
    spans = english.spans
    left, right = min(k, beside), max(k, beside)
    return spans[k][0][:1].isupper() and is_content(spans[k][0]) and \
        english.text[spans[left][2]:spans[right][1]] in (" ", "-")


# the English nouns that name an outlet by its kind: Korean news names the outlet it cites
# (미국 자유아시아방송, an outlet by its ending: is_outlet), its English often only says what
# kind of outlet it is ("a U.S. broadcaster", "a Seoul-based online outlet")
OUTLET_KINDS = frozenset({"broadcaster", "newspaper", "daily", "agency", "outlet", "website"})
_KIND_MODIFIERS = 3  # modifiers written tight before the kind noun ('U.S. government-funded media')


@lru_cache(maxsize=65536)
def is_outlet(term: str) -> bool:
    """A term that names a news outlet by its Korean ending (자유아시아방송, 조선일보, 연합뉴스).
    Kept per term, and one `endswith` first: every term of every bead is asked."""
    # the credit readers' table, imported here: a terms-only command need not load the credit readers
    from toolkit.credits.vocabulary import KO_NEWS_ENDINGS

    return term.endswith(KO_NEWS_ENDINGS) and any(term.endswith(e) and len(term) > len(e) for e in KO_NEWS_ENDINGS)


def render_outlet_kind(english: English, claims: Sequence[float]) -> Rendering | None:
    """An outlet's rendering where the English names it only by its kind: the first noun of
    `OUTLET_KINDS` no other Korean word links (`claims`: what the others claim of each content
    word), with the modifiers written tight before it, up to `_KIND_MODIFIERS`, never across a
    function word, a possessive or punctuation ('a U.S. broadcaster' -> 'U.S. broadcaster'); None
    without one."""
    for n, k in enumerate(english.content):
        word = english.spans[k][0].lower()
        if word.removesuffix("s") not in OUTLET_KINDS or not english.spans[k][0].islower() or claims[n] >= LINK:
            continue
        first = n
        while first > 0 and n - first < _KIND_MODIFIERS and english.content[first - 1] == english.content[first] - 1 \
                and english.between(first - 1, first) in (" ", "-") and not _POSSESSIVE.search(english.word(first - 1)):
            first -= 1
        return Rendering("rendered", _cut(english, list(range(first, n + 1))), LEXICON_ONLY)
    return None


# Korean nouns for the people of a place (북한 주민, 주민들), which English often writes as the
# people's name ('North Koreans') rather than as 'residents'
RESIDENT_NOUNS = frozenset({"주민", "인민", "국민", "시민"})
_PEOPLE_NAME = re.compile(r"[A-Z][a-z]+ans")  # Koreans, Americans, Russians: a plural, never an adjective


def render_people_name(english: English) -> Rendering | None:
    """A resident noun's rendering where the English names the people instead: its first
    plural people's name, with the half of Korea written before it ('North Koreans'); None
    without one. Another Korean word may claim it too (북한 of 북한 주민 does)."""
    for n, k in enumerate(english.content):
        if _PEOPLE_NAME.fullmatch(english.spans[k][0]):
            return Rendering("rendered", _cut(english, [n]), LEXICON_ONLY)
    return None


_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def render_phrase(parts: Sequence[Sequence[int]], posteriors: Sequence[Sequence[float]], english: English,
                  bead_cert: float, phrases: Iterable[tuple[str, ...]] = (), top=None,
                  kin: Iterable[int] = (), term_key: str = "", guessable: Sequence[bool] = ()) -> Rendering | None:
    """The rendering of a Korean noun phrase (`parts`: the columns of each of its nouns, the
    head last: 대인 지뢰, 통일부 장관, 순항미사일) as one unit, or None when the English does
    not render it as one phrase. It is one when the span `render` finds for all its columns
    holds a distinct word for every noun, each claimed at least weakly (`WEAK`) by its noun:
    English modifiers in the Korean order, written tight (spaces, hyphens) before the head's
    word ('signal jamming vehicles', 'anti-personnel mines'), or one modifier after the head
    and "of" ('Minister of Unification'). A modifier the model cannot tie to any word (it met
    it too seldom: 순항, 우발적) is the unclaimed word written tight before its head's
    rendering ('cruise missiles'); an untied head, the one after its modifier's ('Voice
    Altered'). 'to buy food' for 식량 구입, or a span missing the head, makes no phrase: the
    nouns' own rows stand alone. `guessable`: per noun, whether it may be untied at all (a
    noun every story uses, met often, that the model ties to nothing is not in the English:
    'devices used' for 탐지기 설치, 'Chinese city' for 중국 북동부); all may, when not given."""
    columns = [c for part in parts for c in part]
    top = top if top is not None else rivals(posteriors)
    # a noun no English word claims even weakly fails the test below whatever the span (two
    # nouns: when both do, so that neither is the untied one): not worth rendering
    strongest = [top.masses(posteriors, part).largest() for part in parts]
    if sum(s < WEAK for s in strongest) >= (2 if len(parts) == 2 else 1):
        return None
    rendering, span = _render(columns, posteriors, english, bead_cert, phrases, top, kin, term_key, listed=False)
    if span is None:
        return None

    def claim(n: int, part: Sequence[int]) -> float:
        return sum(posteriors[n][c] for c in part)

    best = [max(span, key=lambda n: (claim(n, part), -n)) for part in parts]
    weak = [claim(n, part) < WEAK for n, part in zip(best, parts)]
    if len(parts) == 2 and any(weak):
        untied = [s < LINK for s in strongest]
        if untied[0] != untied[1]:
            if guessable and not guessable[untied.index(True)]:
                return None
            return _untied_noun(parts, posteriors, english, top, kin, untied[1])
    if any(weak) or len(set(best)) < len(parts):
        return None
    heads = [n for n in span if claim(n, parts[-1]) >= WEAK]  # the head's words (ballistic missile)
    modifiers = best[:-1]
    if heads[-1] == span[-1] and modifiers == sorted(modifiers) and modifiers[-1] < heads[0] and \
            all(_joins(english, n, n + 1, _TIGHT_GAP) for n in span[:-1]):
        return rendering
    if len(parts) == 2 and heads[0] == span[0] and modifiers[0] > heads[-1] and heads[-1] + 1 < len(english.content):
        between = english.text[english.spans[english.content[heads[-1]]][2]:
                               english.spans[english.content[heads[-1] + 1]][1]]
        if _OF.fullmatch(between):
            return rendering
    return None


def _untied_noun(parts: Sequence[Sequence[int]], posteriors: Sequence[Sequence[float]], english: English,
                 top, kin: Iterable[int], head_untied: bool) -> Rendering | None:
    """A two-noun phrase one noun of which the model ties to nothing (it met it too seldom):
    the first run of the other noun's links (words written tight) with the content word
    written tight next to it, before it for an untied modifier ('cruise' of 'cruise missiles'
    after 'ballistic missiles', which 탄도미사일 claims), after it for an untied head ('Voice
    Altered' for 음성변조), when no Korean word claims that word even weakly."""
    others = {c for part in parts for c in part} | set(kin)
    top = top if top is not None else rivals(posteriors)
    rival = top.claims(others, [1] * len(posteriors))
    claims = top.masses(posteriors, parts[0 if head_untied else -1])
    linked = claims.at_least(LINK)
    strong = set(linked)
    at = 0
    while at < len(linked):
        n = linked[at]
        run = [n]
        while run[-1] + 1 in strong and _joins(english, run[-1], run[-1] + 1, _TIGHT_GAP):
            run.append(run[-1] + 1)
        at += len(run)
        if head_untied:
            word = run[-1] + 1
            tight = word < len(claims) and _joins(english, run[-1], word, _TIGHT_GAP)
        else:
            word = n - 1
            tight = word >= 0 and _joins(english, word, n, _TIGHT_GAP)
        if tight and rival[word] < WEAK:
            span = [*run, word] if head_untied else [word, *run]
            return Rendering("rendered", _cut(english, span), sum(claims[k] for k in run) / len(span))
    return None


# the particles of English phrasal verbs ('crack down', 'carry out'): stopwords, so the model
# never links them, yet the verb alone ('crack') is not the rendering
_PARTICLES = frozenset({"down", "up", "out", "off", "over", "back", "away"})


@cache
def phrasal_verbs() -> frozenset[tuple[str, str]]:
    """(verb stem, particle) of every lexicon rendering that ends in a particle: the phrasal
    verbs the news lexicon knows, so 'cracked down' keeps its 'down' and 'the crack' stays."""
    found = set()
    for _, english in lexicon_pairs():
        words = english.lower().split()
        if len(words) >= 2 and words[-1] in _PARTICLES:
            found.add((stem(words[-2]), words[-1]))
    return frozenset(found)


_REFLEXIVES = frozenset({"oneself", "myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves",
                         "themselves"})
# the particles of phrasal verbs with a reflexive object ('turn oneself in', 'give oneself up')
_REFLEXIVE_PARTICLES = _PARTICLES | {"in"}


@cache
def reflexive_verbs() -> frozenset[tuple[str, str]]:
    """(verb stem, particle) of every lexicon rendering 'VERB oneself PARTICLE' (or himself, ...):
    자수 is 'turn oneself in', which the English writes with the object it needs ('turn themselves
    in'), so the verb alone ('turn') is no rendering."""
    found = set()
    for _, english in lexicon_pairs():
        words = english.lower().split()
        if len(words) >= 3 and words[-2] in _REFLEXIVES and words[-1] in _REFLEXIVE_PARTICLES:
            found.add((stem(words[-3]), words[-1]))
    return frozenset(found)


def _particle_after(english: English, k: int) -> int | None:
    """The end of a phrasal verb's particle written right after word `k`, if `k` is its verb
    (after its reflexive object, for a verb the lexicon writes so: 'turn themselves in')."""
    if k + 1 >= len(english.spans):
        return None
    verb, nxt = english.spans[k], english.spans[k + 1]
    particle = nxt[0].lower()
    if english.text[verb[2]:nxt[1]] != " ":
        return None
    if particle in _REFLEXIVES and k + 2 < len(english.spans):
        last = english.spans[k + 2]
        if english.text[nxt[2]:last[1]] == " " and (stem(verb[0]), last[0].lower()) in reflexive_verbs():
            return last[2]
        return None
    if particle not in _PARTICLES or (stem(verb[0]), particle) not in phrasal_verbs():
        return None
    return nxt[2]


def _cut(english: English, span: list[int]) -> str:
    """The text of a span of content words, as written (a final possessive left out; a hyphened
    piece after it that is no content word taken along, since the model never links it:
    'COVID-19', 'Dong-A'; an initial written just before it taken along: 'N. Korean', 'S. Korea';
    a phrasal verb's particle taken along: 'cracked down'; the half of the peninsula written
    before 'Korea(n)': 'North Korean leader', never 'Korean leader')."""
    first, last = english.spans[english.content[span[0]]], english.spans[english.content[span[-1]]]
    end = last[2] - len(_POSSESSIVE.search(last[0]).group()) if _POSSESSIVE.search(last[0]) else last[2]
    end = _particle_after(english, english.content[span[-1]]) or end
    tail = _HYPHENED_TAIL.match(english.text, end) if end == last[2] else None
    # a hyphened piece that is no content word (digits are none: word_spans skips them) is the word's own
    end = tail.end() if tail and (tail.group()[1].isdigit() or not is_content(tail.group()[1:])) else end
    # only Korea takes an initial or a half along ('U. S. summit' gives no 'S. summit'); an
    # initial is among the last few characters before the span (the look-behind still sees
    # what stands before where the search starts)
    initial = None
    if _KOREA.fullmatch(first[0]):
        initial = _INITIAL.search(english.text, max(0, first[1] - 8), first[1]) or \
            _HALF.search(english.text, max(0, first[1] - 6), first[1])
    # a one-letter prefix hyphened to the first word is part of it ('e-commerce', 'X-ray'):
    # no content word, so the model never links it
    initial = initial or _LETTER_PREFIX.search(english.text, max(0, first[1] - 3), first[1])
    return english.text[initial.start() if initial else first[1]:end]


def _lexicon_phrase(english: English, phrases: list[tuple[str, ...]], rival: list[float]) -> list[int] | None:
    """The longest (then first) lexicon rendering written in the text as one phrase, on words
    no other Korean word links."""
    found = []
    for phrase in phrases:
        size = len(phrase)
        starts: Iterable[int] = range(len(english.stems) - size + 1)
        if size:  # a window holding the phrase holds its first word
            starts = sorted({p - k for p in english.stem_places.get(phrase[0], ()) for k in range(size)
                             if 0 <= p - k <= len(english.stems) - size})
        for start in starts:
            window = list(range(start, start + size))
            if set(english.stems[start:start + size]) == set(phrase) and all(rival[n] < LINK for n in window) \
                    and all(_joins(english, n, n + 1) for n in window[:-1]):
                found.append((-size, start, window))
    return min(found)[2] if found else None


def _closed_compound(english: English, phrases: Iterable[tuple[str, ...]], rival: Sequence[float]) -> list[int] | None:
    """The first English word written as one closed compound whose head is the head (last word)
    of one of the term's renderings, on a word no other Korean word links ('cellphones' and
    'smartphones' for 휴대폰 "phone", 'firewood' for 땔나무 "wood"): the model reads such a word
    as a stem of its own that it has seldom met; None without one."""
    heads = {phrase[-1] for phrase in phrases if phrase and len(phrase[-1]) >= HEAD_LETTERS}
    if not heads:
        return None
    for n, ends in enumerate(english.heads):
        if ends and not ends.isdisjoint(heads) and rival[n] < LINK:
            return [n]
    return None


def _lexicon_named(span: list[int], english: English, phrases: Sequence[tuple[str, ...]], rival: Sequence[float],
                   term_key: str) -> list[int]:
    """The span, or the term's own lexicon rendering where the span holds none and the bead
    writes one whole on words no other Korean word links (`_lexicon_phrase`, `_whole`): joined
    to the span where the two overlap or are written as one phrase ('officer' -> 'police
    officer'); in its place (confidence `LEXICON_ONLY`) where the span shares no word
    with any of the term's lexicon renderings ('elderly' for 구속 beside 'arrest'), or is one
    modifying word of a longer one, not its head ('freely', 'radio' for 자유아시아방송 beside
    'RFA'; a head may stand for its phrase: 'Korean' for 북한): the model's guess on a word it
    barely knows loses to the lexicon's word written in the same bead."""
    if not phrases or _holds_rendering(english, span, phrases):
        return span
    found = _lexicon_phrase(english, list(phrases), rival)
    if found is None or not _whole(english, found, rival, term_key):
        return span
    if (found[0] <= span[-1] and span[0] <= found[-1]) or \
            (found[-1] + 1 == span[0] and _joins(english, found[-1], span[0], _NAME_GAP)) or \
            (span[-1] + 1 == found[0] and _joins(english, span[-1], found[0], _NAME_GAP)):
        return list(range(min(span[0], found[0]), max(span[-1], found[-1]) + 1))
    mine = {english.stems[n] for n in span}
    named = {s for phrase in phrases for s in phrase}
    if mine.isdisjoint(named) or (len(span) == 1 and any(english.stems[span[0]] in p[:-1] for p in phrases)):
        return found
    return span


_PERSON_ENDINGS = ("자", "인")  # Korean nouns of a person (성명불상자, 외국인)
_PERSON_WORD = re.compile(r"(?:er|or|ist|ian|ee|ant|ent|s)$")  # English words that may name one already
# the person taken after the modifier: a noun of a person ('investors', 'individual'), not
# whatever word follows a Korean noun that only ends like one (원인 'cause remains', 확인
# 'confirmed reports', 적자 'deficit again')
_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|ee|ant|ent)s?$|^(?:individual|national|citizen|person|child|youth)s?$"
                          r"|^(?:people|man|men|woman|women|children)$")


def _with_person(span: list[int], english: English, top: "Rivals") -> list[int]:
    """A Korean noun of a person rendered by one word that names no person ('foreign' for 외국인,
    'unidentified' for 성명불상자) takes the lower-case noun of a person (`_PERSON_NOUN`) written
    after it that no Korean word claims even faintly (`FAINT`): the person the English names
    ('foreign investors', 'an unidentified individual')."""
    if len(span) != 1 or span[0] + 1 >= len(english.content):
        return span
    n = span[0]
    word, after = english.word(n), english.word(n + 1)
    if _PERSON_WORD.search(word.lower()) or (word[:1].isupper() and not _opens_sentence(english, n)) or \
            english.between(n, n + 1) != " " or not after.isalpha() or not after.islower() or \
            not _PERSON_NOUN.search(after):
        return span
    claims = top.top[n + 1]
    return [n, n + 1] if not claims or claims[0][0] < FAINT else span


def _with_head(span: list[int], english: English, phrases: Sequence[tuple[str, ...]], rival: Sequence[float]) -> list[int]:
    """A term rendered by one word, or by words written tight, that its lexicon renderings use only
    as a modifier, never as their head ('grain' of "grain shop", "state grain shop" for 양곡판매소;
    'North Korean' of "North Korean won" for 국돈), takes the lower-case noun written right after it
    that no other Korean word links (`rival`; a verb after it is its Korean verb's) and that is no verb
    form (`is_verb_form`: 'the North Korean sold', 'gets'): the head the English gives the modifier
    ('grain warehouses', 'war crimes' for 전범, 'North Korean money'), where the lexicon's own head is
    not written."""
    n = span[-1]
    if n + 1 >= len(english.content) or span != list(range(span[0], n + 1)) or \
            any(english.between(k, k + 1) != " " for k in span[:-1]):
        return span
    words = tuple(english.stems[k] for k in span)
    if any(phrase[-1] == words[-1] for phrase in phrases) or \
            not any(_holds_run(phrase[:-1], words) for phrase in phrases):
        return span
    after = english.word(n + 1)
    if english.between(n, n + 1) != " " or not after.isalpha() or not after.islower() or \
            after.endswith(("ing", "ed", "ly")) or irregular_base(after) is not None or is_verb_form(after) or \
            rival[n + 1] >= LINK:
        return span  # no noun after it (a verb: 'South starting', 'North Korean sold'; an adverb), or another word's
    return [*span, n + 1]


def _word_form(word: str) -> str:
    """A word as a lexicon rendering is compared with the text: lower case, no possessive, singular."""
    return singular(_POSSESSIVE.sub("", word.lower().replace("’", "'")))


@lru_cache(maxsize=1)
def _lexicon_forms() -> dict[str, frozenset[tuple[str, ...]]]:
    """Each key of the built-in lexicon -> its renderings as written (`_word_form` of each word): the
    stems the model reads by conflate words the lexicon tells apart (governor ~ government, state ~
    statement, nation ~ national)."""
    forms: dict[str, set[tuple[str, ...]]] = {}
    for ko, english in lexicon_pairs():
        forms.setdefault(ko, set()).add(tuple(_word_form(w) for w in english.split()))
    return {ko: frozenset(found) for ko, found in forms.items()}


def _written_renderings(term_key: str) -> frozenset[tuple[str, ...]]:
    """The term's lexicon renderings as written (`_lexicon_forms`); none for a term the lexicon lacks."""
    return _lexicon_forms().get(term_key, frozenset())


def _writes(english: English, span: list[int], written: Iterable[tuple[str, ...]]) -> bool:
    """The span's words, as written, hold one of `written` as a run."""
    words = tuple(_word_form(english.word(n)) for n in range(span[0], span[-1] + 1))
    return any(_holds_run(words, form) for form in written)


def _holds_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """`run` is written in `words` as a run, in order."""
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def _holds_rendering(english: English, span: list[int], phrases: Iterable[tuple[str, ...]]) -> bool:
    """The span holds a whole lexicon rendering, or a closed compound of one's head
    ('smartphones' for "phone")."""
    mine = {english.stems[n] for n in span}
    if any(set(phrase) <= mine for phrase in phrases):
        return True
    tails = {phrase[-1] for phrase in phrases if phrase and len(phrase[-1]) >= HEAD_LETTERS}
    return bool(tails) and any(not english.heads[n].isdisjoint(tails) for n in span)


def _whole(english: English, span: list[int], rival: Sequence[float], term_key: str) -> bool:
    """A lexicon rendering found for a term the model met but ties to nothing stands as a
    phrase of its own: no word written tight on either side is linked by another Korean word
    ('Korea' of 'North Korea' is 북한's), the cut takes no half of Korea along (한국 'Korea' is no
    'North Korea'), and the term abbreviates no countries (북미: the model's links say which)."""
    if _names_countries(term_key) or _cut(english, span) != english.text[
            english.spans[english.content[span[0]]][1]:english.spans[english.content[span[-1]]][2]]:
        return False
    return not _in_linked_phrase(english, span, rival, name_heads(term_key)[1])


def _in_linked_phrase(english: English, span: list[int], rival: Sequence[float],
                      heads: frozenset[str] = frozenset()) -> bool:
    """A word written tight (a space or a hyphen) on either side of the span is linked by
    another Korean word: the span is part of that word's phrase ('North Korea', 'North Korean');
    not the head the term's own Korean ending names written right after it (`heads`: 'Province'
    of 'Yangkang Province' for 양강도, which a model may tie to 소식통 beside it)."""
    def tight(left: int, right: int) -> bool:
        if left < 0 or right >= len(english.content):
            return False
        return english.between(left, right) in (" ", "-")

    after = span[-1] + 1
    own_head = after < len(english.content) and english.word(after).lower().removesuffix("s") in heads
    return (tight(span[0] - 1, span[0]) and rival[span[0] - 1] >= LINK) or \
        (tight(span[-1], after) and rival[after] >= LINK and not own_head)


def _names_countries(term: str) -> bool:
    """The term abbreviates two countries or more (북중, 한미, 남북, 한미일): its English
    joins their names with "and" (North Korea and China). A middle dot may part them (한·미)."""
    term = term.replace("·", "")
    return len(term) >= 2 and set(term) <= _COUNTRY_SYLLABLES and term not in ("북한", "남한")


def _listed(english: English, n: int) -> bool:
    """Content words n and n + 1 are one phrase inside a whole lexicon rendering: as `_joins`
    has it, with an "and" between names too, or a comma between two capitalised words (the name
    is known: 'Ministry of Agriculture, Food and Rural Affairs'; 'schools, high schools' is a list)."""
    if _joins(english, n, n + 1, apart=False):
        return True
    (left, _, end), (right, start, _) = (english.spans[english.content[k]] for k in (n, n + 1))
    return left[:1].isupper() and right[:1].isupper() and _COMMA.fullmatch(english.text[end:start]) is not None


def _names_a_country(english: English, span: list[int], phrases: list[tuple[str, ...]]) -> bool:
    """A span that can render countries abbreviated together (북중, 한·미): it holds a name (a
    capitalised word inside its sentence) or a word of the term's lexicon renderings
    ('inter-Korean', 'allies')."""
    named = {s for phrase in phrases for s in phrase}
    return any(english.stems[n] in named or (english.word(n)[:1].isupper()
                                             and not _opens_sentence(english, n)) for n in span)


def _joins(english: English, left: int, right: int, gap: re.Pattern = _GAP, apart: bool = True) -> bool:
    """Content words `left` and `right` (numbers) read as one phrase: next to each other, with
    only what `gap` allows between them (spaces, hyphens and a function word or two, or one
    "and"; `apart`: not an "and" between names, which are two)."""
    if right != left + 1:
        return False
    k_left, k_right = english.content[left], english.content[right]
    word = english.spans[k_left][0]
    if _POSSESSIVE.search(word) and not _NAME_POSSESSIVE.search(word):
        return False  # "North Korea's | North Hamgyong": a possessive ends its noun phrase
    between = english.between(left, right)
    if apart and _AND.fullmatch(between) and (word[:1].isupper() or english.spans[k_right][0][:1].isupper()):
        return False  # "Ministry of State Security and Ministry of Social Security": two names
    return gap.fullmatch(between) is not None


def _extended(span: list[int], mass: list[float], rival: list[float], english: English, apart: bool,
              loose: Sequence[float] | None = None) -> list[int]:
    """The span grown by neighbouring words that translate the term weakly (`WEAK`) but more
    likely than any other Korean word: 'South' linked, 'Korea' shared with 북한 and NULL; or,
    written tight, by a word the term links by its own mass (`LINK`) and claims more than any
    Korean word but the generic nouns (`loose`: the claims of the others without them; 'learning'
    of 'deep learning' that 학습 claims), where a weaker claim is the model's habit of tying a term
    to the noun written beside it ('residents' of 주민 for 북한); or by a word the term claims
    at least `SOLE` and no other Korean word even faintly: 'emergency' -> 'emergency martial
    law', where the model gave the term's mass to its first word and the rest to NULL."""

    def claims(n: int, left: int, right: int) -> bool:
        if mass[n] >= WEAK and mass[n] >= rival[n]:
            return _joins(english, left, right, apart=apart)
        if loose is not None and mass[n] >= LINK and mass[n] >= loose[n]:
            return _joins(english, left, right, _TIGHT_GAP)
        return mass[n] >= SOLE and rival[n] < FAINT and mass[n] >= SOLE_RATIO * rival[n] and \
            _joins(english, left, right, _TIGHT_GAP) and _same_kind(english.word(left), english.word(right))

    while span[0] > 0 and claims(span[0] - 1, span[0] - 1, span[0]):
        span = [span[0] - 1, *span]
    while span[-1] + 1 < len(mass) and claims(span[-1] + 1, span[-1], span[-1] + 1):
        span = [*span, span[-1] + 1]
    return span


def _grown_to_pieces(span: list[int], top: "Rivals", others: set[int], english: English, pieces: int) -> list[int]:
    """A joined word's span grown leftwards, up to a word for each of its pieces, by tight neighbours
    alike in look (`_same_kind`), not possessive, that no real rival claims at least `FAINT`
    (`_unexplained_claim`): the model often ties a compound to the word of one piece only ('organs'
    of 호흡기관, 'respiratory organs') and leaves the other piece's word, rare in the archive, to
    whatever Korean word soaks up rare words; the term's own claim on it is not asked, for the model
    gives it next to nothing (0.001 to 0.08 in the studied beads). Leftwards only: English writes a
    compound's modifiers before its head, as Korean does, and the word the model ties is most
    often the head; rightwards the next word is as often a verb or a name after the noun. Not across
    a hyphen with a space beside it ('lungs - organs'): a dash between two phrases, not a join."""

    def free(left: int, right: int) -> bool:
        if not (_joins(english, left, right, _TIGHT_GAP) and _same_kind(english.word(left), english.word(right))) \
                or _POSSESSIVE.search(english.word(left)) or _SPACED_DASH.search(english.between(left, right)):
            return False
        return _unexplained_claim(top, left, others) == 0.0  # it returns 0.0 or a claim of at least FAINT

    while len(span) < pieces and span[0] > 0 and free(span[0] - 1, span[0]):
        span = [span[0] - 1, *span]
    return span


def _unexplained_claim(top: "Rivals", n: int, others: set[int]) -> float:
    """The largest claim on English word n of a Korean word outside `others` (units) whose own
    most probable English word is n or reaches it through words it claims (`FAINT`), or that
    links no word (`LINK`). A word that links an English word elsewhere in the bead is Model 1
    spreading a rare word's probability over it (the "garbage collector" effect), not a rival
    translation (competitive linking)."""
    if top.values is None:
        return 0.0
    excluded = top.excluded(others)
    place = top.place_of
    for p, i in top.top[n]:
        if p < FAINT:
            return 0.0
        if i in excluded:
            continue
        column = top.values[:, place[i]]
        best = int(column.argmax())
        # its best word, or one of a phrase of words it claims that reaches n ('Kim' of 'Kim Jong Un')
        if column[best] < LINK or bool((column[min(best, n):max(best, n) + 1] >= FAINT).all()):
            return p
    return 0.0


def _same_kind(left: str, right: str) -> bool:
    """Two words written tight that may be one noun phrase by their look alone: both capitalised
    (a name's words) or both in lower case, neither a verb form ('North claims', 'emergency
    declared' are a subject and its verb)."""
    if left[:1].isupper() != right[:1].isupper():
        return False
    return not any(w.islower() and (w.endswith(("ing", "ed", "ly")) or is_verb_form(w)) for w in (left, right))


def _with_phrases(span: list[int], english: English, phrases: Iterable[tuple[str, ...]],
                  rival: Sequence[float]) -> list[int]:
    """The span grown to every lexicon rendering of the term that it overlaps and that the
    text has as one phrase (its words in any order: 'security ministry' ~ 'Ministry of ...
    Security'; a comma or "and" inside a whole rendering written in its order: 'Ministry of
    Agriculture, Food and Rural Affairs', not 'committees and people's' for "people's
    committee", which is two phrases), then by neighbours that a lexicon rendering of the term
    names ('North' of 북중 'North Korea-China' takes 'Korean' along in 'the North Korean border'), on the right
    also past one word it does not name and no other Korean word links ('nuclear' of
    'nuclear state' -> 'nuclear weapon state')."""
    phrases = list(phrases)
    first, last = span[0], span[-1]
    for phrase in phrases:
        if not phrase or any(word not in english.stem_places for word in phrase):
            continue  # not all written in the bead (an empty phrase's windows change nothing)
        size, words = len(phrase), set(phrase)
        for start in range(max(0, first - size + 1), min(last + 1, len(english.stems) - size + 1)):
            window = range(start, start + size)
            if set(english.stems[start:start + size]) == words and all(
                    _listed(english, n) if tuple(english.stems[start:start + size]) == phrase
                    else _joins(english, n, n + 1, _NAME_GAP) for n in window[:-1]):
                first, last = min(first, start), max(last, start + size - 1)
    named = {s for phrase in phrases for s in phrase}
    # not across "and": 'Ministry of State Security and Ministry of Social Security' names two
    while first > 0 and english.stems[first - 1] in named and _joins(english, first - 1, first, _NAME_GAP):
        first -= 1
    # rightwards also over one word the lexicon leaves out ('nuclear weapon state' for 'nuclear state')
    while True:
        if last + 1 < len(english.stems) and english.stems[last + 1] in named and \
                _joins(english, last, last + 1, _NAME_GAP):
            last += 1
        elif last + 2 < len(english.stems) and english.stems[last + 2] in named and rival[last + 1] < LINK and \
                english.stems[last + 2] not in english.stems[first:last + 1] and \
                _joins(english, last, last + 1, _TIGHT_GAP) and _joins(english, last + 1, last + 2, _TIGHT_GAP):
            last += 2
        else:
            return list(range(first, last + 1))


def name_heads(term: str) -> tuple[str, frozenset[str]]:
    """The name before a Korean ending of a kind of place or body and the English head nouns
    that ending takes (온성군 -> 온성, {county}), by the longest known ending; no heads for a
    word that is only the ending itself (군 "army"), nor for a one-syllable name before an ending
    of `_SHORTENED_ENDINGS` (중국 is no bureau)."""
    for size in range(min(len(term) - 1, _LONGEST_ENDING), 0, -1):
        if term[-size:] in NAME_HEADS and (len(term) - size >= 2 or term[-size:] not in _SHORTENED_ENDINGS):
            return term[:-size], NAME_HEADS[term[-size:]]
    return term, frozenset()


def _grown_to_heads(span: list[int], rival: list[float], english: English, term: str) -> list[int]:
    """A term's span grown to the English head its Korean ending names (_with_name_head), then to the
    whole name of the body written head first (_with_body_name)."""
    name, heads = name_heads(term)
    return _with_body_name(_with_name_head(span, rival, english, name, heads), rival, english, heads)


def _with_name_head(span: list[int], rival: list[float], english: English, name: str, heads: frozenset[str]) -> list[int]:
    """A name's span grown to the English head its Korean ending names: up to three
    capitalised words written right after it (spaces or hyphens between), the last one of
    the term's `heads` and the others linked to no other Korean word ('Onsong' -> 'Onsong
    County', 'Chongjin' -> 'Chongjin Pedagogical University'), or the head written in lower case
    right after it ('South Pyongan province'); or, when the span is the head
    alone, back over the capitalised words of the name before it that no other Korean word
    links or that sound like the Korean `name` ('Trading Company' -> 'Kumgang Trading
    Company', 'County' -> 'Ongjin County'), never from a sentence's first word."""
    from toolkit.align.phonetic import similar

    if not heads:
        return span
    first, last = span[0], span[-1]

    word = english.word

    def is_head(n: int) -> bool:
        return word(n).lower() in heads or word(n).lower().removesuffix("s") in heads

    def capital(n: int) -> bool:
        return word(n)[:1].isupper()

    if capital(last):
        for end in range(last + 1, min(last + 4, len(english.stems))):
            if not (capital(end) and _joins(english, end - 1, end, _TIGHT_GAP)):
                break
            if is_head(end):
                return list(range(first, end + 1))
            if rival[end] >= LINK:
                break
        # a head written in lower case right after the name is the name's too ('South Pyongan
        # province', 'Musan county'): news English writes an administrative head either way
        after = last + 1
        if after < len(english.stems) and word(after).islower() and is_head(after) and \
                english.between(last, after) == " ":
            return list(range(first, after + 1))
    if is_head(last) and capital(last):
        start = first
        while start > 0 and first - start < 3 and capital(start - 1) \
                and (rival[start - 1] < LINK or similar(name, word(start - 1))) \
                and _joins(english, start - 1, start, _TIGHT_GAP) and not _opens_sentence(english, start - 1):
            start -= 1
        return list(range(start, last + 1))
    return span


_BODY_HEADS = frozenset(h for ending, heads in NAME_HEADS.items() if ending not in ("도", "섬", "강", "산") for h in heads)


def is_body_head(word: str) -> bool:
    """An English head noun of a body's or an administrative place's name ('Ministry', 'Districts'),
    which a name written head first begins with ('Ministry of State Security')."""
    return word.lower().removesuffix("s") in _BODY_HEADS
LONGEST_BODY_NAME = 3  # capitalised words of a body's name after its head and 'of' ('Bureau of Public Health')


def _with_body_name(span: list[int], rival: Sequence[float], english: English, heads: frozenset[str]) -> list[int]:
    """The span of a term whose Korean ends in a kind of body (`heads`: 보건국, 안전부), grown to the
    whole English name written head first, 'HEAD of NAME': from its head alone forward over the
    capitalised words after 'of' ('Bureau' -> 'Bureau of Public Health'), or from the name alone back
    over 'of' to a capitalised head of a body before it ('State Security' -> 'Ministry of State
    Security': the English may name the body by another head than the ending's), over words no other
    Korean word links ('Unification' does not take the 'Minister' 장관 links)."""
    if not heads:
        return span
    first, last = span[0], span[-1]

    word = english.word

    def free_capital(n: int) -> bool:
        return word(n)[:1].isupper() and rival[n] < LINK

    if first == last and word(last).lower().removesuffix("s") in heads and word(last)[:1].isupper():
        end = last
        while end + 1 < len(english.stems) and end - last < LONGEST_BODY_NAME and free_capital(end + 1) and \
                (_OF.fullmatch(english.between(end, end + 1)) if end == last else english.between(end, end + 1) == " "):
            end += 1
        if end > last and end + 1 < len(english.stems) and free_capital(end + 1) and english.between(end, end + 1) == " ":
            return span  # the capitals go on past a body's name ('... Security Director General Kim'): its end is unknown
        return list(range(first, end + 1))
    if first > 0 and word(first)[:1].isupper() and _OF.fullmatch(english.between(first - 1, first)) and \
            free_capital(first - 1) and is_body_head(word(first - 1)):
        return [first - 1, *span]
    return span


def _opens_sentence(english: English, n: int) -> bool:
    """Content word `n` begins its sentence (a capital there says nothing of a name)."""
    return _starts_sentence(english.text, english.spans[english.content[n]][1])


def _hyphened(english: English, left: int, right: int) -> bool:
    """Links `left` and `right` hold one word between them hyphened to the first, which makes
    a modifier of the two: 'state-led smuggling', 'China-based traders'."""
    if right != left + 2:
        return False
    (_, _, end), (_, start, middle_end), (_, right_start, _) = (english.spans[english.content[n]]
                                                                for n in (left, left + 1, right))
    return english.text[end:start] == "-" and english.text[middle_end:right_start].isspace()


def _clusters(links: list[int], english: English, apart: bool = True,
              bridged: Callable[[int, int], bool] | None = None) -> list[list[int]]:
    """Links (content-word numbers, ascending) grouped into runs that read as one phrase:
    consecutive content words, or content words with only function words between them (or
    a word hyphened to the first), or, with `bridged`, two links it bridges (`_bridge_test`):
    the words between them are then the phrase's too."""
    clusters = [[links[0]]]
    for n in links[1:]:
        last = clusters[-1][-1]
        if _joins(english, last, n, apart=apart) or _hyphened(english, last, n):
            clusters[-1].append(n)
        elif bridged is not None and bridged(last, n):
            clusters[-1].extend(range(last + 1, n + 1))
        else:
            clusters.append([n])
    return clusters


# the words of one noun phrase that may stand between two of a term's links besides content words
# no other Korean word links: its prepositions ('Ministry of Foreign Affairs', 'persons with disabilities')
_BRIDGE_PREPOSITIONS = frozenset({"of", "for", "with", "on", "de"})
_BRIDGE_WORDS = _BRIDGE_PREPOSITIONS | {"the"}
MAX_BRIDGE = 3  # words between two links that a bridge may hold
_BRIDGE_SEPARATOR = re.compile(r" |-")


def _bridge_test(english: English, rival: Sequence[float], mass: Sequence[float],
                 barred: Container[int]) -> Callable[[int, int], bool]:
    """Whether two links of one term (content-word numbers) read as one noun phrase with the words
    between them, so that the term's rendering is the whole phrase, not the run with more mass
    ('Ministry' and 'Affairs' of 'Ministry of Foreign Affairs', 'persons' and 'disabilities' of
    'persons with disabilities'): at most `MAX_BRIDGE` words between them, each a preposition of
    `_BRIDGE_WORDS` ('the' right after one) or a content word after such a preposition or hyphened
    to the word before it ('State-run'), written like its neighbours (capitalised in a name, lower
    case otherwise; no verb form) that no other Korean word links (`rival`: nor claims `WEAK` and
    more than the term, which another term's rendering may then hold) and no month or unit
    (`barred`); every word joined to the next by one space or a hyphen (no punctuation, no "and"),
    none possessive but inside a name ('People's'). A content word right after the first link with
    no preposition before it is a new phrase's or a verb's ('Police made arrests', 'the report the
    ministry released'), which no suffix tells apart. The model ties the phrase's rarer words to
    the term only weakly on a small archive, or to nothing; a word another Korean word links
    breaks the phrase into that word's."""
    spans, content, numbers, text = english.spans, english.content, english.numbers, english.text

    def bridged(left: int, right: int) -> bool:
        first, last = content[left], content[right]
        if not 1 <= last - first - 1 <= MAX_BRIDGE:
            return False
        capital = spans[first][0][:1].isupper() and spans[last][0][:1].isupper()
        opened = False  # a preposition of the phrase stands before: what follows is its object
        for k in range(first, last):
            word = spans[k][0]
            if not _BRIDGE_SEPARATOR.fullmatch(text[spans[k][2]:spans[k + 1][1]]) or \
                    (_POSSESSIVE.search(word) and not _NAME_POSSESSIVE.search(word)):
                return False
            if k == first:
                continue
            n = numbers.get(k)
            if n is None:
                lower = word.lower()
                if lower not in _BRIDGE_WORDS or not word.islower() or \
                        (lower == "the" and spans[k - 1][0].lower() not in _BRIDGE_PREPOSITIONS):
                    return False
                opened = opened or lower in _BRIDGE_PREPOSITIONS
            elif not (opened or text[spans[k - 1][2]:spans[k][1]] == "-") or \
                    rival[n] >= LINK or (rival[n] >= WEAK and rival[n] > mass[n]) or n in barred or \
                    word[:1].isupper() != capital or \
                    (word.islower() and (word.endswith(("ing", "ed", "ly")) or is_verb_form(word))):
                return False
        return True

    return bridged


def _coordinated(cluster: list[int], english: English) -> list[list[int]]:
    """A cluster cut at each "and" whose two sides write a word in common: two phrases of one
    head ('party committees and people's committees'), not one ('cooperation and exchanges')."""
    # the sides: the runs between the cluster's "and"s (each side is read once: linear in the cluster)
    sides = [[cluster[0]]]
    for before, n in zip(cluster, cluster[1:]):
        if _AND.fullmatch(english.between(before, n)):
            sides.append([])
        sides[-1].append(n)
    parts, seen = [sides[0]], {english.stems[m] for m in sides[0]}
    for side in sides[1:]:
        stems = {english.stems[m] for m in side}
        if stems & seen:
            parts.append(list(side))
            seen = stems
        else:
            parts[-1].extend(side)
            seen |= stems
    return parts


_NAME_CONNECTORS = frozenset({"of", "and", "the", "for", "on", "de"})
# what may stand between two capitalised words of one name ("Rejection of Reactionary Thought
# and Culture Law", "Ministry of the Interior"); "Day and the Thought Police" is two names
_NAME_LINKS = frozenset({(), ("of",), ("of", "the"), ("for",), ("for", "the"), ("on",), ("de",), ("and",)})


def _name_parts(run: list[int], spans) -> list[list[int]]:
    """A run of capitalised words and connectors cut where the connectors between two
    capitalised words are no name's (`_NAME_LINKS`)."""
    parts: list[list[int]] = [[]]
    between: list[int] = []
    for k in run:
        if spans[k][0] in _NAME_CONNECTORS:
            between.append(k)
            continue
        if parts[-1] and tuple(spans[j][0] for j in between) not in _NAME_LINKS:
            parts.append([])
        elif parts[-1]:
            parts[-1].extend(between)
        parts[-1].append(k)
        between = []
    return [part for part in parts if part]


def render_name_word(pieces: Sequence[str], english: English) -> Rendering | None:
    """The rendering of a long name written as one Korean word (반동사상문화배격법), given
    the renderings of its nouns in the bead (`pieces`: 'Reactionary', 'Thought', 'Rejection'):
    the one run of capitalised words of the English (joined by spaces or hyphens, with of,
    and, the... between them) that holds every piece ('Rejection of Reactionary Thought and
    Culture Law'), not begun by a sentence's first word that renders none of them; None when
    no run, or more than one, holds them all."""
    spans = english.spans
    text = english.text
    runs: list[list[int]] = []
    current: list[int] = []
    for k, (word, _, _) in enumerate(spans):
        capital = word[:1].isupper()
        joined = bool(current) and _in_name(english, k, capital)
        if current and joined and (capital or word in _NAME_CONNECTORS):
            current.append(k)
        else:
            if current:
                runs.append(current)
            current = [k] if capital else []
    if current:
        runs.append(current)
    runs = [part for run in runs for part in _name_parts(run, spans)]

    def holds_all(run: list[int]) -> bool:
        inside = text[spans[run[0]][1]:spans[run[-1]][2]]
        return all(re.search(r"(?<!\w)" + re.escape(piece) + r"(?!\w)", inside) for piece in pieces)

    def opens_piece(k: int) -> bool:
        return any(text.startswith(piece, spans[k][1]) for piece in pieces)

    found = []
    for run in runs:
        while run and not spans[run[-1]][0][:1].isupper():
            run = run[:-1]
        if not run or not holds_all(run):
            continue
        while len(run) > 1 and not opens_piece(run[0]) and \
                (_starts_sentence(text, spans[run[0]][1]) or not spans[run[0]][0][:1].isupper()):
            run = run[1:]
        if holds_all(run):
            found.append(run)
    if len(found) != 1 or len(found[0]) < len(pieces):
        return None
    run = found[0]
    # a final possessive is the sentence's, not the name's ('National Library of Korea's collection'), as in _cut
    return Rendering("rendered", _POSSESSIVE.sub("", text[spans[run[0]][1]:spans[run[-1]][2]]), LEXICON_ONLY)


def _in_name(english: English, k: int, capital: bool) -> bool:
    """Word `k` goes on the name run of the word before it (render_name_word): written after a
    space or a hyphen, or after a comma between two capitalised words where it is one word of a
    series (a comma or "and" after it too: 'Committee on Science, ICT, Broadcasting and
    Communications'; 'Policy, Ministry of ...' is two names); not after a possessive, which ends
    its noun phrase ('National Assembly's | Committee'), and never a month ('on Dec. 2')."""
    spans, text = english.spans, english.text
    before = spans[k - 1][0]
    if (_POSSESSIVE.search(before) and not _NAME_POSSESSIVE.search(before)) or english.numbers.get(k) in english.months:
        return False
    gap = text[spans[k - 1][2]:spans[k][1]]
    if gap in (" ", "-"):
        return True
    if not (capital and before[:1].isupper() and _COMMA.fullmatch(gap)) or k + 1 >= len(spans):
        return False
    after = text[spans[k][2]:spans[k + 1][1]]
    return bool(_COMMA.fullmatch(after)) or (after == " " and spans[k + 1][0] == "and")


def _starts_sentence(text: str, start: int) -> bool:
    """The word written at `start` begins its sentence."""
    before = text[:start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?"
