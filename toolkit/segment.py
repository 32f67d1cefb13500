"""Sentence segmentation: rules for English, kiwipiepy for Korean.

Sentences are the units the aligner pairs, so a wrong split shows up as a wrong bead.
English rules keep abbreviations (Mr., U.S., Sept.), initials (J. R. R. Tolkien),
decimals and quotations ('"...," said Min.') inside one sentence.  Korean uses Kiwi,
whose model takes a second to load: it is loaded once per process, on first use.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from toolkit.align.kept import KEPT_CHARS, kept_for_sentences
from toolkit.model import Article, Sentence

__all__ = ["split_english", "split_korean", "segment_article", "korean_tokens", "kiwi", "period_is_abbreviation",
           "provided_tokens", "article_analyses", "paragraph_analyses", "analysis_key",
           "kept_for_analyses"]

T = TypeVar("T")

# Abbreviations after which a period never ends a sentence (a title or a number label follows).
_NEVER_END = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
    "gov", "sen", "rep", "rev", "hon", "pres", "st", "mt", "ft", "no", "nos", "vs", "v",
    "fig", "vol", "pp", "ch", "art", "sec", "jr", "sr", "messrs", "mme", "mlle", "amb",
    "supt", "insp", "cpl", "pvt", "brig", "gens",
}
# Month abbreviations hold a sentence together only before a day or a year (Jun. 5, Sept. 2011):
# before a word they end it ("Reported by Kim Jun. Translated by ...").
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Abbreviations that end a sentence only before a word that plainly starts one.
_MAYBE_END = {
    "inc", "corp", "co", "ltd", "bros", "etc", "al", "approx", "est", "dept", "univ",
    "a.m", "p.m",
}
_STARTERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on",
    "at", "this", "that", "these", "those", "there", "his", "her", "their", "its", "our",
    "some", "many", "most", "however", "meanwhile", "still", "yet", "if", "when", "while",
    "after", "before", "as", "for", "according", "officials", "no", "one", "also", "then",
}
# Words that follow "U.S." / "U.N." inside a sentence (U.S. Army, U.N. Security Council):
# before any other capitalised word, a dotted acronym is taken to end the sentence.
_ACRONYM_MODIFIES = {
    "army", "navy", "air", "marine", "marines", "forces", "force", "troops", "military", "army's",
    "president", "vice", "secretary", "senator", "sen", "rep", "representative", "ambassador",
    "envoy", "embassy", "consulate", "government", "administration", "officials", "official",
    "congress", "senate", "house", "state", "department", "defense", "treasury", "justice",
    "commerce", "trade", "federal", "supreme", "court", "central", "national", "security",
    "general", "assembly", "council", "commission", "commissioner", "high", "special",
    "secretary-general", "human", "food", "world", "development", "children's", "refugee",
    "open", "dollar", "dollars", "economy", "market", "markets", "stocks", "stock", "bank",
    "banks", "geological", "census", "postal", "coast", "guard", "customs", "immigration",
    "intelligence", "attorney", "district", "circuit", "citizen", "citizens", "soldier",
    "soldiers", "led", "backed", "based", "mission", "peacekeepers", "peacekeeping", "nuclear",
    "military's", "chamber", "navy's", "energy", "agency", "agriculture", "health", "labor",
    "interior", "homeland", "capitol", "navy-led", "allies", "ally", "and", "or",
}
_OPEN_QUOTES = "\"'“‘«(["
_CLOSE_QUOTES = "\"'”’»)]"
# A candidate end: terminal punctuation (or an ellipsis), optional closing quotes/brackets,
# then whitespace.
# one character class, possessive, started only at a run's first mark: `(?:\.\.\.|[.!?])+` read a
# dotted leader ("Page 1.....2", 60 dots) in 2^n ways before failing (36 dots: 1.3 s; 60: never ends)
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)")


def _word_before(text: str, end: int) -> str:
    """The token that ends at `end` (the period position), e.g. 'Mr' or 'U.S' or 'J'."""
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _OPEN_QUOTES:
        start -= 1
    return text[start:end]


def _is_break(text: str, m: re.Match) -> bool:
    after = text[m.end():].lstrip()
    if not after:
        return False
    first = after[0]
    if first in ",;:":
        return False
    if first.islower():
        # edited English never puts a lower-case word after a full stop except after an
        # abbreviation; a plain word before it means a line was cut (wire copy, captions)
        word = _word_before(text, m.start()).lower()
        return (
            m.group(0) == "."
            and len(word) >= 4
            and word.isalpha()
            and word not in _NEVER_END
            and word not in _MAYBE_END
            and word not in _MONTHS
        )
    if not (first.isupper() or first.isdigit() or first in _OPEN_QUOTES or not first.isascii()):
        return False
    punct = m.group(0)
    if not punct.startswith(".") or punct.startswith("..."):
        return True
    return not period_is_abbreviation(_word_before(text, m.start()), after)


def period_is_abbreviation(word: str, after: str) -> bool:
    """True when the full stop after `word` belongs to it (Mr., J., Sept. 5, U.S. Army), so no
    sentence ends there; `after` is the text that follows the stop.

    Shared with the credit-line splitter in toolkit.credits, so both cut English alike.
    """
    after = after.lstrip()
    first = after[:1]
    nxt_word = re.match(r"[\"'“‘(\[]*([A-Za-z]+)", after)
    nxt = nxt_word.group(1).lower() if nxt_word else ""
    low = word.lower().lstrip("\"'“‘([")
    if low in _NEVER_END:
        return True
    if re.fullmatch(r"[a-z]", low):  # an initial: J. R. R. Tolkien, George W. Bush
        return True
    # a spaced acronym glued to a word by a hyphen: "Korea-U. S. summit"
    if re.fullmatch(r"[a-z]", low.rsplit("-", 1)[-1]) and re.match(r"[A-Z]\.", after):
        return True
    if low in _MONTHS:  # Feb. 21, Sept. 2011; but "Kim Jun. Translated by"
        return first.isdigit()
    if low in _MAYBE_END:  # Corp., Inc.
        return not (nxt in _STARTERS and not first.isdigit())
    # U.S., U.N.: a modifier, or the end; also glued to a word by a hyphen ("Korea-U.S.")
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", low.rsplit("-", 1)[-1]):
        if nxt in _STARTERS:
            return False
        return not (bool(nxt) and first.isupper() and nxt not in _ACRONYM_MODIFIES)
    return False


# Scraped pages sometimes join paragraphs with no space at all ("program.Speaking to ..."):
# a full stop after a lower-case word and before a capitalised word is then a boundary too.
_JOINED = re.compile(r"(?<=[a-z][a-z][.!?])(?=[A-Z][a-z]|[AI] )")  # "earlier.A senior official"


def _unjoin(text: str) -> str:
    """Put a space where two sentences were scraped together, unless the word before
    the stop is an abbreviation (Mrs.Kim stays)."""
    def spaced(m: re.Match) -> str:
        word = re.search(r"[A-Za-z]+$", text[: m.start() - 1]).group(0).lower()
        return "" if word in _NEVER_END or word in _MAYBE_END or word in _MONTHS else " "

    return _JOINED.sub(spaced, text)


# A numbered item's number ("1. Vice Minister Kim met …") opens its sentence: cut off, it was a
# sentence with no word, aligned with nothing (the Korean keeps "1. …" whole).
_LIST_NUMBER = re.compile(r"\s*\(?\d{1,2}[.)]\s*$")


def split_english(text: str) -> list[str]:
    """Split English text into sentences, keeping quotations and abbreviations whole."""
    text = _unjoin(re.sub(r"\s+", " ", text).strip())
    if not text:
        return []
    out: list[str] = []
    start = 0
    for m in _END.finditer(text):
        if m.end() <= start or not _is_break(text, m) or _LIST_NUMBER.match(text, start, m.end()):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return _merge_open_quotes(out)


def quote_open(sentence: str) -> bool:
    """True when the sentence holds an odd number of double quotation marks (straight or curly)."""
    return (sentence.count('"') + sentence.count("“") + sentence.count("”")) % 2 == 1


# how many sentences after a double opening mark its stray single closing mark, or a soundbite's
# closing double mark, may come: a quotation of up to five sentences in all is joined, a longer one is not
_STRAY_QUOTE_REACH = 4
_SINGLE_CLOSE = re.compile(r"[.!?,…]['’]$")


# a quotation opened after a speaker's colon (`Lee Jin-ho(Seoul resident) : "…`) or a bracket
# (`["(Soaked in sweat?) Of course. …"]`): a broadcast soundbite, one turn of speech when closed
# within _STRAY_QUOTE_REACH sentences (a Korean script often keeps it in one bracket)
_SPOKEN = re.compile(r"[:：\[]\s*[\"“][^\"“”]*$")
_DOUBLE_MARK = re.compile(r"[\"“”]")
# a mark that opens a quotation rather than closing one: a curly opening mark, or a straight one
# starting a word ('"It is hard.'); a soundbite left open is not closed by the next quotation's opening
_OPENING_MARK = re.compile(r"“|(?<!\S)\"(?=[^\s\])])")


def _quote_close(opening: str, following: list[str]) -> int:
    """How many of `following` a quotation opened with a double mark in `opening` runs
    through (0: none within reach): up to the first of them that ends in a single closing
    mark by mistake, or, for a soundbite, closes it with a double mark."""
    for n, sentence in enumerate(following, start=1):
        first = _DOUBLE_MARK.search(sentence)
        if first:
            closes = not _OPENING_MARK.match(sentence, first.start())
            return n if closes and quote_open(sentence) and _SPOKEN.search(opening) else 0
        if _SINGLE_CLOSE.search(sentence):
            return n
    return 0


def _merge_open_quotes(sentences: list[str]) -> list[str]:
    """Join a sentence that opens a quotation with the next one when that closes it.

    A quotation opened with a double mark and closed by mistake with a single one
    ('"It is hard. If you are caught, you stay.\'', a slip seen in real soundbites) is one
    quotation too, and so is a soundbite (a quotation opened after a speaker's colon or a
    bracket), when closed within _STRAY_QUOTE_REACH sentences after the one opening it. A quotation left open for good (a quote
    running on into the next paragraph, or a stray mark) is not followed: the pieces stay separate.
    """
    out: list[str] = []
    k = 0
    while k < len(sentences):
        s = sentences[k]
        if quote_open(s):
            if k + 1 < len(sentences) and not quote_open(f"{s} {sentences[k + 1]}"):
                s = f"{s} {sentences[k + 1]}"
                k += 1
            else:
                extra = _quote_close(s, sentences[k + 1 : k + 1 + _STRAY_QUOTE_REACH])
                if extra:
                    s = " ".join(sentences[k : k + extra + 1])
                    k += extra
        out.append(s)
        k += 1
    return out


@functools.cache
def kiwi():
    """The Kiwi analyser, loaded once per process on first use (about a second)."""
    from kiwipiepy import Kiwi

    return Kiwi()


Tokens = tuple[tuple[str, str, str, int, int], ...]


def _as_tuples(tokens) -> Tokens:
    # interned: the split cache keeps every paragraph's tokens, and Kiwi makes a new string
    # for each form, tag and lemma (3,913 paragraphs: 62 MB kept without, speed8)
    intern = sys.intern
    try:  # a list, not a generator: a paragraph's tokens in one pass (the split's Python share, speed15)
        return tuple([(intern(t.form), intern(t.tag), intern(t.lemma), t.start, t.len) for t in tokens])
    except AttributeError:  # a Kiwi whose tokens have no lemma: the form stands for it
        return tuple([(intern(t.form), intern(t.tag), intern(t.form), t.start, t.len) for t in tokens])


# The analyses `korean_tokens` answers with while an article is worked on (provided_tokens):
# each sentence's tokens as Kiwi read them in its own paragraph (article_analyses), and the
# key under which what is computed from them is kept (analysis_key).
_PROVIDED: dict[str, Tokens] = {}
_KEYS: dict[str, tuple[str, str]] = {}


@contextmanager
def provided_tokens(analyses: dict[str, tuple[tuple[str, str], Tokens]]) -> Iterator[None]:
    """Within the block, `korean_tokens` answers from `analyses` (sentence text -> (its
    analysis_key, its tokens), as article_analyses gives them) before analysing a text alone.

    A build enters it for each article, in both passes: pass two may run in another process
    than pass one and is handed pass one's analyses (the paragraphs' splits are not kept there)."""
    before = dict(_PROVIDED), dict(_KEYS)
    _PROVIDED.update((text, tokens) for text, (_, tokens) in analyses.items())
    _KEYS.update((text, key) for text, (key, _) in analyses.items())
    try:
        yield
    finally:
        _PROVIDED.clear()
        _KEYS.clear()
        _PROVIDED.update(before[0])
        _KEYS.update(before[1])


def analysis_key(text: str) -> str | tuple[str, str]:
    """What the analysis `korean_tokens(text)` gives now depends on: the text alone, or
    (text, the paragraph Kiwi read it in) while an article's analyses are provided. Whatever
    is kept from a sentence's tokens must be kept under this key (see kept_for_analyses), or
    one article's reading of a sentence would leak into another's."""
    return _KEYS.get(text, text)


def kept_for_analyses(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """kept_for_sentences for a function of a Korean sentence that reads its korean_tokens:
    kept under analysis_key, not the text (the same sentence in two paragraphs may be read
    differently)."""

    def wrap(function: Callable[[str], T]) -> Callable[[str], T]:
        kept = functools.lru_cache(maxsize=maxsize)(lambda key, text: function(text))

        @functools.wraps(function)
        def call(text: str) -> T:
            return kept(_KEYS.get(text, text), text) if len(text) <= KEPT_CHARS else function(text)

        call.cache_clear = kept.cache_clear  # type: ignore[attr-defined]
        call.cache_info = kept.cache_info  # type: ignore[attr-defined]
        return call

    return wrap


# analyses of paragraphs that are one sentence, made while splitting them (split_korean):
# the sentence is the whole text Kiwi read, so the analysis is that of the sentence alone
# (measured: identical on all 3,966 distinct such paragraphs of the news and TED corpora,
# the fixtures and 34 real pairs), and korean_tokens takes it instead of analysing the sentence a second time.
# Bounded; an entry is dropped once taken.
_ONE_SENTENCE: dict[str, Tokens] = {}
_ONE_SENTENCE_KEPT = 4096


def korean_tokens(text: str) -> Tokens:
    """Kiwi analysis of one Korean sentence, as (form, tag, lemma, start, length).

    While an article's analyses are provided (provided_tokens), a sentence of the article is
    read as Kiwi read it when splitting its paragraph: a pure function of the paragraph, so
    never of what was built before, and no second reading of every sentence (speed8). Any
    other text is analysed alone (kept: bounded, so memory stays flat over a corpus).
    """
    provided = _PROVIDED.get(text)
    if provided is not None:
        return provided
    return _alone(text)


@functools.lru_cache(maxsize=8192)
def _alone(text: str) -> Tokens:
    whole = _ONE_SENTENCE.pop(text, None)
    if whole is not None:
        return whole
    return _as_tuples(kiwi().tokenize(text))


korean_tokens.cache_clear = _alone.cache_clear  # type: ignore[attr-defined]  # a test starts from nothing kept
korean_tokens.cache_info = _alone.cache_info  # type: ignore[attr-defined]


# Kiwi does not end a sentence before an opening quotation mark ("…양상이다. “불법…"):
# a sentence-final ending, its stop, a space and an opening quote is a boundary, provided
# every quotation before it is closed (so a quoted sentence is never cut inside). A stop after
# a closing quote ("…받았겠나’. ‘다른…") ends the sentence too.
_BEFORE_QUOTE = re.compile(r"(?:(?<=[가-힣][.!?])|(?<=[가-힣][’”][.!?]))\s+(?=[“\"‘'])")


# A broadcast script run on without line breaks holds its soundbites inline
# (`…포기했습니다 [김○○/농민 : "너무 힘들죠"] 무더기 폐기에…`), and Kiwi ends no sentence at a
# bracket: a bracket that opens with a speaker (a name or title of at most 40 characters and
# a colon) is a unit of its own, cut from the text on either side of it. Only where a space sets
# it apart: a bracket glued to the words around it (`출생아 수[출처: 통계청]는`, `누리집[https://…]에서`)
# is a source or an address inside its sentence.
_SOUNDBITE = re.compile(r"\[[^\[\]:：\n]{1,40}[:：](?!\d)[^\[\]]+\]")


def _cut_at_soundbites(text: str, spans: list[list[int]]) -> list[list[int]]:
    """`spans` (Kiwi's sentences as [start, end] in text) cut again where a soundbite bracket
    starts after a space or ends before one inside one of them."""
    found: set[int] = set()
    for m in _SOUNDBITE.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isspace():
            found.add(m.start())
        if m.end() < len(text) and text[m.end()].isspace():
            found.add(m.end())
    cuts = sorted(found)
    if not cuts:
        return spans
    out: list[list[int]] = []
    for start, end in spans:
        for c in cuts:
            if start < c < end and text[start:c].strip() and text[c:end].strip():
                out.append([start, c])
                start = c
        out.append([start, end])
    return out


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of text[start:end].strip() in text."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())


def _split_before_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of text[start:end] cut before opening quotes (stripped, none empty)."""
    start, end = _stripped(text, start, end)
    piece = text[start:end]
    out: list[tuple[int, int]] = []
    cursor = 0
    for m in _BEFORE_QUOTE.finditer(piece):
        before = piece[cursor:m.start()]
        if quote_open(before) or (before.count("‘") != before.count("’")):
            continue
        out.append(_stripped(piece, cursor, m.start()))
        cursor = m.end()
    out.append(_stripped(piece, cursor, len(piece)))
    return [(start + a, start + b) for a, b in out if b > a]


# A quotation closed with no full stop inside ('"…어려울 것이다"') is no sentence of its own:
# its attribution follows ('김 장관은 이렇게 못박았습니다.'), and Kiwi cuts between them.
_UNFINISHED_QUOTE = re.compile(r"^[“\"][^“”\"]+[^.!?。\s][”\"]$")


def _unfinished_quote(piece: str) -> bool:
    return bool(_UNFINISHED_QUOTE.match(piece))


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_korean(text: str) -> list[str]:
    """Split Korean text into sentences with Kiwi, keeping quotations attached."""
    text = _normalised(text)
    if not text:
        return []
    sentences, analyses, whole = _split_korean(text)
    if whole:
        if len(_ONE_SENTENCE) >= _ONE_SENTENCE_KEPT:
            _ONE_SENTENCE.clear()
        _ONE_SENTENCE[text] = analyses[0]
    return list(sentences)


def article_analyses(article: Article) -> dict[str, tuple[tuple[str, str], Tokens]]:
    """Each Korean sentence of a segmented article -> (analysis_key, its tokens as Kiwi read
    them in its paragraph, offsets from the sentence's start): what provided_tokens takes.

    A text met twice in the article takes its first paragraph's reading."""
    out: dict[str, tuple[tuple[str, str], Tokens]] = {}
    for para in article.paragraphs:
        if para.sentences and para.sentences[0].lang == "ko":
            paragraph_analyses(para.text, [s.text for s in para.sentences], out)
    return out


def paragraph_analyses(text: str, sentences: list[str],
                       out: dict[str, tuple[tuple[str, str], Tokens]] | None = None) -> dict[str, tuple[tuple[str, str], Tokens]]:
    """article_analyses of one paragraph segmented into `sentences` (added to `out`).

    Read from the paragraph's split (kept, or split again: a pure function of the paragraph).
    A sentence whose tokens cannot be cut out of the paragraph's (a token across a cut, text
    not split by split_korean) is left out, so it is analysed alone."""
    out = {} if out is None else out
    text = _normalised(text)
    pieces, analyses, _ = _split_korean(text) if text else ((), (), False)
    if len(pieces) != len(sentences):
        return out
    for sentence, piece, tokens in zip(sentences, pieces, analyses):
        if tokens is None or sentence in out or not piece.endswith(sentence):
            continue
        cut = len(piece) - len(sentence)  # a speaker label, subhead or list mark before it
        if cut:
            if any(t[3] < cut < t[3] + t[4] for t in tokens):
                continue
            tokens = tuple((f, tag, lemma, start - cut, n) for f, tag, lemma, start, n in tokens if start >= cut)
        out[sentence] = ((sentence, text), tokens)
    return out


def _tokens_of(sentences: list[tuple[str, list[tuple[int, int, int]]]], tokens: Tokens) -> tuple[Tokens | None, ...]:
    """Kiwi's tokens of a paragraph (offsets in it) handed to the sentences cut from it, each
    sentence given as its text and its parts (start, end in the paragraph, offset in the
    sentence): offsets rebased to the sentence. None for a sentence a token crosses a cut of."""
    parts = [(a, b, off, n) for n, (_, spans) in enumerate(sentences) for a, b, off in spans]
    got: list[list | None] = [[] for _ in sentences]
    k = 0
    for form, tag, lemma, start, length in tokens:
        end = start + length
        while k < len(parts) and parts[k][1] <= start:
            k += 1
        if k == len(parts):
            break
        a, b, off, n = parts[k]
        if a <= start and end <= b:
            if got[n] is not None:
                got[n].append((form, tag, lemma, start - a + off, length))
        elif end > a:  # across a cut (or a token Kiwi read over the space it was cut at)
            got[n] = None
            if start < a and k:
                got[parts[k - 1][3]] = None
    return tuple(tuple(g) if g is not None else None for g in got)


# Kiwi's time on one text grows faster than its length (one 80,000-character paragraph 1.6 s,
# 320,000 12.5 s: hostile17), so a text over PIECE_CHARS is read in pieces cut after a sentence
# end (else at a space), each piece's offsets shifted: linear. Nothing shorter changes.
PIECE_CHARS = 20_000
_PIECE_END = re.compile(r"[.!?。][\"'”’)\]]*\s")


def _cut(text: str, start: int) -> int:
    """End of the piece of text from `start`: at most PIECE_CHARS characters, cut after the last
    sentence end of its second half, else after its last space, else hard."""
    if len(text) - start <= PIECE_CHARS:
        return len(text)
    window = text[start + PIECE_CHARS // 2 : start + PIECE_CHARS]
    ends = [m.end() for m in _PIECE_END.finditer(window)]
    space = window.rfind(" ")
    return start + PIECE_CHARS // 2 + (ends[-1] if ends else space + 1 if space >= 0 else len(window))


def _kiwi_sentences(text: str) -> list[tuple[int, int, Tokens]]:
    """Kiwi's sentences of text as (start, end, tokens), offsets in text, read piece by piece."""
    # return_sub_sents=False: the quotations Kiwi finds inside a sentence are not read here, and
    # kiwipiepy collects them in Python, token by token (speed7)
    out: list[tuple[int, int, Tokens]] = []
    a = 0
    while True:
        b = _cut(text, a)
        found = kiwi().split_into_sents(text[a:b], return_tokens=True, return_sub_sents=False)
        following = b
        if b < len(text) and len(found) > 1:
            # a '.' and a space is not always where Kiwi, reading on, ends a sentence ('U.S. 국무부',
            # 'Mr. 김'): the piece's last sentence is read again at the head of the next piece
            following = a + found[-1].start
            found = found[:-1]
        for p in found:
            tokens = _as_tuples(p.tokens)
            if a:
                tokens = tuple([(f, tag, lemma, start + a, n) for f, tag, lemma, start, n in tokens])
            out.append((p.start + a, p.end + a, tokens))
        if b >= len(text):
            break
        a = following
    return out


# Kept (toolkit.align.kept): a paragraph met again (an updated story, a repeated sign-off or
# background paragraph) is not analysed again. Kiwi's split is a pure function of the text, so
# the answer is the one a new split would give; a whole page glued into one paragraph (over
# KEPT_CHARS) is not kept among them: 4,096 kept pages of 100 KB would hold close to a gigabyte. Only the
# last two such texts are (long_maxsize): segment_article and then article_analyses split the same one.
@kept_for_sentences(4096, long_maxsize=2)
def _split_korean(text: str) -> tuple[tuple[str, ...], tuple[Tokens | None, ...], bool]:
    """split_korean of a normalised, non-empty text: its sentences, each one's tokens as Kiwi
    read them in the text (offsets from the sentence's start; None: see _tokens_of), and
    whether the text is one sentence Kiwi read whole (its analysis is then the sentence's alone)."""
    analysed = _kiwi_sentences(text)
    spans = [[start, end] for start, end, _ in analysed]
    for k in range(len(spans) - 1):
        # Kiwi sometimes ends a sentence with the opening words of the next one
        # ('... 않습니다. "클리퍼 칩"' + '의 옹호자들은 ...'): give them back
        piece = text[spans[k][0] : spans[k][1]]
        tail = re.search(r"[.!?][\"'”’)]*\s+(?=[^.!?]{1,30}$)", piece)
        if tail and spans[k][0] + tail.end() < spans[k][1]:
            cut = spans[k][0] + tail.end()
            spans[k][1], spans[k + 1][0] = cut, cut
    spans = _cut_at_soundbites(text, spans)
    # each sentence as its text and its parts: (start, end) in `text`, offset in the sentence
    merged: list[tuple[str, list[tuple[int, int, int]]]] = []
    for a, b in (part for start, end in spans for part in _split_before_quotes(text, start, end)):
        s = text[a:b]
        # a piece that starts with a closing quote or a quoting ending belongs to the previous one
        closing = bool(merged) and (s[0] in "”’»)]" or (s[0] in "\"'" and quote_open(merged[-1][0])))
        if merged and (closing or re.match(r"(?:라고|이라고|고|하고)\s", s) or _unfinished_quote(merged[-1][0])):
            before, parts = merged[-1]
            joined = f"{before}{'' if closing else ' '}"
            merged[-1] = (f"{joined}{s}", [*parts, (a, b, len(joined))])
        else:
            merged.append((s, [(a, b, 0)]))
    out = _merge_open_quotes([s for s, _ in merged])
    sentences: list[tuple[str, list[tuple[int, int, int]]]] = []
    k = 0
    for s in out:  # each is merged[k], or several of them joined by spaces
        parts: list[tuple[int, int, int]] = []
        length = -1
        while length < len(s):
            offset = length + 1
            parts += [(a, b, offset + off) for a, b, off in merged[k][1]]
            length = offset + len(merged[k][0])
            k += 1
        sentences.append((s, parts))
    tokens = tuple(t for _, _, part in analysed for t in part)
    whole = out == [text] and len(analysed) == 1 and analysed[0][:2] == (0, len(text))
    return tuple(out), _tokens_of(sentences, tokens), whole


def segment_article(article: Article) -> Article:
    """Fill each body Paragraph.sentences; ids `{lang}-s{n}` count from 1 across the article.

    Rubric paragraphs (toolkit.rubrics.is_rubric) get no sentences and kind "rubric", unless
    they are items of a bulleted list of story sentences (rubrics.list_items; the marks stay
    out of the sentences). A speaker label before a sentence (`앵커: `) goes to
    Sentence.speaker, and the heading of a `◆ HEADING = body` paragraph to its first
    sentence's subhead, not their text.

    The id prefix is the article's language, not the paragraph's: an English gloss inside a
    Korean report is split as English (lang "en") but keeps a "ko-s" id, or it would collide
    with the English article's ids in the shared TEI document."""
    from toolkit.rubrics import is_rubric, list_items, split_speaker, split_subhead, strip_bullet

    n = 0
    prefix = article.language or "und"
    langs = [para.lang or article.language for para in article.paragraphs]
    items = {lang: list_items([p.text for p in article.paragraphs], lang) for lang in set(langs)}
    for index, para in enumerate(article.paragraphs):
        lang = langs[index]
        split = split_korean if lang == "ko" else split_english
        para.sentences = []
        subhead = split_subhead(para.text, lang)
        if subhead is None and index not in items[lang] and is_rubric(para.text, lang):
            para.kind = "rubric"  # a rubric line is kept as text, never aligned
            continue
        para.kind = "text"
        heading, _, body = subhead if subhead is not None else (None, "", para.text)
        for text in split(body):
            # `앵커: ...`: the label stays out of the sentence (a subhead is the first sentence's one label)
            speaker, _, rest = split_speaker(text) if heading is None else (None, "", text)
            rest = strip_bullet(rest) if index in items[lang] else rest  # `▲ 정부는 ...`: the mark is no word
            n += 1
            para.sentences.append(Sentence(id=f"{prefix}-s{n}", text=rest, lang=lang, paragraph=index,
                                           speaker=speaker, subhead=heading))
            heading = None  # the heading opens the paragraph's first sentence only
    return article
