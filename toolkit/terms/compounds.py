"""Compounds the model cannot render: a word Kiwi reads as one noun (스파이크미사일, 북한군,
통일연구원) that the archive writes too seldom for the model to tie, rendered from the lexicon's
words for its pieces (korean.known_pieces) where the English writes them as one phrase
(`render_compound`), or, for the name of a body, as one capitalised name written head first
(`render_body_name`), or as the one capitalised name holding its head's and another piece's
words, a piece left out (`render_name_of_pieces`).

Why the lexicon and not the model: the model is trained on the units Kiwi gives, so a piece that
is never a unit of its own in the archive (미사일 inside 스파이크미사일) is a word it never met;
the lexicon knows it. An unknown first piece is a name or a loanword (스파이크), written by its sound.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable, Sequence
from functools import lru_cache

from toolkit.align.english import is_content
from toolkit.terms.renderings import (_POSSESSIVE, _TIGHT_GAP, LEXICON_ONLY, English, Rendering, _joins,
                                      _starts_sentence, name_heads, render_name_word, sounds_like, written_places)


def _tight(english: English, left: int, right: int) -> bool:
    """Content words next to each other with only spaces or hyphens between ('Spike missile'),
    the first no possessive ('Army's Spike')."""
    return _joins(english, left, right, _TIGHT_GAP)


def _written(english: English, phrases: Iterable[tuple[str, ...]]) -> list[tuple[int, int]]:
    """(first, last) content words of each place where one of the phrases is written whole, tight."""
    return sorted({place for phrase in phrases for place in written_places(english, phrase, _TIGHT_GAP)})


def written_words(english: English, phrases: Iterable[tuple[str, ...]]) -> frozenset[int]:
    """The content words (numbers) of every place where one of the phrases is written whole."""
    return frozenset(n for a, b in _written(english, phrases) for n in range(a, b + 1))


def render_compound(pieces: Sequence[str], english: English, phrases_of: Callable[[tuple[str, ...]], list],
                    known: Callable[[str], bool], barred: Container[int] = ()) -> Rendering | None:
    """The English phrase that writes the pieces' lexicon renderings in the Korean order, each
    tight after the one before ('Spike missile', 'DPRK troops'), the first piece, if the lexicon
    lacks it, by the word before the next that sounds like it, and holding no word of `barred`
    (content word numbers that render another Korean word of the bead); None when the English has
    no such phrase (a head-first name, 'Institute for National Unification', is not read here)."""
    places = [None if n == 0 and not known(p) else _written(english, phrases_of((p,))) for n, p in enumerate(pieces)]
    if any(p is not None and not p for p in places):
        return None
    for last in places[-1]:
        first, chain = last[0], True
        for n in range(len(pieces) - 2, -1, -1):
            if places[n] is None:
                k = first - 1
                chain = k >= 0 and _tight(english, k, first) and sounds_like(pieces[n], english.word(k))
                first = k
            else:
                before = [p for p in places[n] if _tight(english, p[1], first)]
                chain = bool(before)
                first = before[0][0] if before else first
            if not chain:
                break
        start = english.spans[english.content[first]][1]
        end = english.spans[english.content[last[1]]][2]
        # not cut from a word hyphened on ('Korea Institute' of 'US-Korea Institute': another name)
        if chain and not english.text[max(0, start - 1):start] == "-" and not english.text[end:end + 1] == "-" and \
                not any(n in barred for n in range(first, last[1] + 1)):
            # a final possessive is the sentence's ('South Korean Army's drill'), as in renderings._cut
            return Rendering("rendered", _POSSESSIVE.sub("", english.text[start:end]), LEXICON_ONLY)
    return None


def _piece_words(piece: str, first: bool, english: English, phrases_of, known, barred: Container[int]) -> list[str]:
    """The words of the English that render one piece: its lexicon renderings as written, or, for
    an unknown first piece (a name), the capitalised words that sound like it; none of `barred`."""
    if known(piece):
        return [english.text[english.spans[english.content[a]][1]:english.spans[english.content[b]][2]]
                for a, b in _written(english, phrases_of((piece,))) if not any(n in barred for n in range(a, b + 1))]
    if not first:
        return []
    return [english.word(n) for n in range(len(english.content))
            if n not in barred and english.word(n)[:1].isupper() and sounds_like(piece, english.word(n))]


def render_body_name(term: str, pieces: Sequence[str], english: English, phrases_of: Callable[[tuple[str, ...]], list],
                     known: Callable[[str], bool], barred: Container[int] = (), least: int | None = None) -> Rendering | None:
    """The English name of a body written as one Korean word, head first ('Korea Institute for
    National Unification' for 통일연구원, 'Middlebury Institute of International Studies' for
    미들베리국제연구소): the one capitalised name (render_name_word) holding the head its Korean
    ending names (renderings.name_heads: 원, 소 'Institute') and a rendering of each piece before
    the last, none of them `barred` (render_compound); None when a piece has none, or no such
    name, or more than one, holds them. With `least`, a piece the lexicon lacks may be left out
    where `least` pieces before the last have a capitalised rendering (뇌인지과학과 'Department of
    Brain and Cognitive Sciences': 인지 is no lexicon word), a piece it knows may not (its word
    unwritten, the name is another body's: 'Department of Life Sciences' is no 해양생명과학과), the
    first piece is not sounded out, no piece may have two, and the name is cut to its own words
    (`_own_name`)."""
    heads = name_heads(term)[1]
    head = {w for w in map(english.word, (n for n in range(len(english.content)) if n not in barred))
            if (w.lower() in heads or w.lower().removesuffix("s") in heads) and _proper(w, english.text, True)}
    # a name's words are capitalised (not as every word of a title in capitals is: `_proper`): the
    # piece's word written in lower case elsewhere in the bead ('unification policy' beside
    # 'Institute for National Unification') is no second candidate
    words = [[w for w in _piece_words(p, n == 0 and least is None, english, phrases_of, known, barred)
              if _proper(w, english.text, True)] for n, p in enumerate(pieces[:-1])]
    if least is not None:
        if any(not w and known(p) for w, p in zip(words, pieces[:-1])):
            return None  # a piece the lexicon knows, unwritten: another body's name
        words = [w for w in words if w]
        if len(words) < least:
            return None
    if len(head) != 1 or not all(len(set(w)) == 1 for w in words):
        return None
    named = [*head, *(w[0] for w in words)]
    found = _without_date(render_name_word(named, english))
    if found is None or least is None:
        return found
    return _own_name(found, named[0], named[1:])


# the words that join a name to another one ('Professor Lee of the Department', 'Section of the
# Health Bureau'); 'and' joins the words of one name ('Department of Brain and Cognitive Sciences')
_JOINING = re.compile(r"(?<!\w)(?:of|for|on|de|the)(?!\w)")


def _own_name(found: Rendering, head: str, named: Sequence[str]) -> Rendering | None:
    """A run of capitalised words (render_name_word) holding a body's head and its named words,
    cut to the body's own name, a name written whole with pieces left out: from the capitals
    before the first of those words (after the last 'of', 'for', 'the' before it: 'Hanbit Marine
    Research Institute', not 'Distinguished Professor Lee of the Department ...') to the capitals
    after the last (before the next 'of': 'Sanitation Section', not '... Section of the Chongjin
    Health Bureau'); None where a named word stands before the head with 'of' between them: a
    title ('Senior Researcher Kim of the Hanbit Research Institute' is no 선임연구원)."""
    text = found.text

    def place(word: str) -> re.Match | None:
        return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)

    at = place(head)
    places = [m for m in map(place, named) if m is not None]
    if at is None or any(_JOINING.search(text, m.end(), at.start()) for m in places if m.start() < at.start()):
        return None
    first = min(at.start(), *(m.start() for m in places))
    last = max(at.end(), *(m.end() for m in places))
    start = max((m.end() for m in _JOINING.finditer(text, 0, first)), default=0)
    after = _JOINING.search(text, last)
    end = len(text) if after is None else after.start()
    return Rendering(found.status, text[start:end].strip(), found.confidence)


def _without_date(found: Rendering | None) -> Rendering | None:
    """A name found without the date after it, which is written with capitals too ('... Unification on Friday')."""
    return None if found is None else Rendering(found.status, _DATE_AFTER.sub("", found.text), found.confidence)


NAMED_PIECES = 2  # pieces of a compound a proper name must write to be its rendering (the head one of them)


def render_name_of_pieces(pieces: Sequence[str], english: English, phrases_of: Callable[[tuple[str, ...]], list],
                          known: Callable[[str], bool], barred: Container[int] = ()) -> Rendering | None:
    """The English proper name of a compound the lexicon knows the pieces of, where the name leaves
    a piece unwritten ('National Museum of Korea' for 국립중앙박물관, no 'Central'): the one run of
    capitalised words (render_name_word) holding one capitalised rendering of the head and of at
    least one other piece (`NAMED_PIECES` in all), none of them `barred`; None without one. A word
    met once ties evenly to every rare word of its bead, and the pieces' words, which the lexicon
    knows, are what tells its name among them."""
    # not first: a piece the lexicon lacks has no words (no sounding-out of a name here)
    words = [[w for w in _piece_words(p, False, english, phrases_of, known, barred) if _proper(w, english.text)]
             for p in pieces]
    if len(set(words[-1])) != 1:
        return None
    named = [w[0] for w in words if len(set(w)) == 1]
    if len(named) < NAMED_PIECES:
        return None
    return _without_date(render_name_word(named, english))


@lru_cache(maxsize=1024)
def _proper(word: str, text: str, opening: bool = False) -> bool:
    """A word capitalised somewhere but at a sentence's start ('Troops of the DPRK' names no body;
    `opening`: there too), in a sentence that writes lower case too: in a title written in capitals
    every word is capitalised, and render_name_word would read the whole title as the name. Cached:
    it reads the whole bead, and its callers ask once per occurrence of a word."""
    if not word[:1].isupper():
        return False
    ends = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    lower = [any(c.islower() for c in text[a:b]) for a, b in zip(ends, ends[1:])]
    return any(lower[bisect_right(ends, m.start()) - 1] and (opening or not _starts_sentence(text, m.start()))
               for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))


_SENTENCE_END = re.compile(r"[.!?](?=\s)")


# (?<!\s): a search starts only where a run of spaces does (linear on long runs; the leftmost match began there)
_DATE_AFTER = re.compile(r"(?<!\s)\s+(?:on|in|of|the)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|"
                         r"May|June|July|August|September|October|November|December)\b.*$")


FREE_WORDS = 1  # content words a compound's English may hold besides its pieces' ('college entrance exam')
# the function words that hold a noun phrase together ('a weapon in a public place'); 'to', 'its' begin a clause
_PHRASE_WORDS = frozenset({"of", "the", "a", "an", "in", "on", "for", "with", "at", "by"})
MOST_PLACES = 64  # combinations of the pieces' places looked at (a rendering written in many places)
_INSIDE = re.compile(r"[\w\s'’-]*")  # what a compound's English holds: words, spaces, hyphens (no comma, quote, bracket)


def render_written_together(renderings: Sequence[str], english: English,
                            taken: Iterable[tuple[int, int]] = ()) -> Rendering | None:
    """The English of a Korean compound written as one word (대학수학능력시험, 공공장소흉기휴대죄) that
    has no row of its own, from the renderings of two or more of its nouns in the bead: the
    shortest stretch of the text that holds one place of each ('college entrance exam', 'carrying a
    weapon in a public place'), with nothing between them but words, spaces and hyphens, at most
    `FREE_WORDS` content word of no piece, no function word but a noun phrase's (`_PHRASE_WORDS`),
    and no word of `taken` (the (start, end) in the text of the other terms' renderings); None
    without one. The model renders each noun apart, and a
    terminologist tracks the whole: its English is where its nouns' English stands together."""
    from itertools import product

    text = english.text
    places = [[(m.start(), m.end()) for m in re.finditer(r"(?<![\w-])" + re.escape(r) + r"(?![\w-])", text)]
              for r in dict.fromkeys(renderings)]
    if len(places) < 2 or not all(places):
        return None
    taken = list(taken)
    best: tuple[int, int] | None = None
    for n, chosen in enumerate(product(*places)):
        if n >= MOST_PLACES:
            break
        start, end = min(a for a, _ in chosen), max(b for _, b in chosen)
        if (best is not None and end - start >= best[1] - best[0]) or not _INSIDE.fullmatch(text[start:end]):
            continue
        free = [(a, b) for _, a, b in english.spans if start <= a and b <= end
                and not any(x <= a and b <= y for x, y in chosen)]
        if any(a < y and x < b for a, b in free for x, y in taken):
            continue
        content = [is_content(text[a:b]) for a, b in free]
        if sum(content) <= FREE_WORDS and all(c or text[a:b].lower() in _PHRASE_WORDS
                                              for c, (a, b) in zip(content, free)):
            best = (start, end)
    return None if best is None else Rendering("rendered", text[best[0]:best[1]], LEXICON_ONLY)
