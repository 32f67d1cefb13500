"""Evidence that an English and a Korean sentence (or groups of them) translate each other.

Per-sentence features are computed once (Kiwi runs once per Korean sentence); a pair
(i, j) then yields bit masks of the Korean units and English words that find a
counterpart on the other side: lexicon entries, names (names.py), transliterations,
consonant skeletons of loanwords, and Latin tokens written inside Korean (RFA, AFP).
A bead's score is additive over its sentences: each aligned sentence earns the share
of its content that is covered and pays a fixed price `tau`, so a sentence with no
evidence is cheaper left as a null bead and cannot drag its neighbours out of place.
Numbers, quotation structure and lengths (one weak Gale-Church-style term) are added.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from toolkit.align import phonetic
from toolkit.align.english import STOPWORDS, is_content, singular, stem, words
from toolkit.align.lexicon import Lexicon
from toolkit.align.numbers import KO_RELATIVE, numbers_in_english, numbers_in_korean
from toolkit.align.speech import english_reports, korean_reports

__all__ = ["Params", "EnFeatures", "KoFeatures", "en_features", "ko_features", "pair_evidence", "pair_evidence_column",
           "name_matches"]


@dataclass(frozen=True)
class Params:
    """Weights of the bead score, set by grid search on the koen-news-park dev split only.

    The line-level dev benchmark cannot see a merge inside one line pair, so the merge
    penalty and `min_new` are the values that keep dev within half a point of its best
    while still giving a real rewrite's 2-1 and 1-2 beads (benchmarks/README.md).
    The 1-3 / 3-1 / 2-2 penalties and `rescue_step` were then set
    on dev together with the tuning half of fixtures/rewrites (holiday-rations,
    hyesan-market-raids, phone-crackdown, prison-testimony), choosing values that leave
    dev at its best; the other rewrites, the seed and the test/TED splits are held out.
    The five-sentence penalties, `w_qcount` and `num_new` (issue 9) were set on the same
    tuning material plus the `tr-*` fixtures and the tuning half of the real pairs
    (`benchmarks/align_tune.py`, benchmarks/README.md). Round 3 lowered (4, 1) 0.8 -> 0.6 and
    (1, 3) 0.5 -> 0.4 (a four-way split of one long Korean sentence, a quote's attribution
    folded into the English sentence before it), which changed nothing on dev, test, TED or
    the round-1 real pairs and mended one bead each on the round-2 real pairs and the
    rewrites (benchmarks/README.md, "Round 3"), and turned the lede reorder on (`reorder`
    0.2, each crossing link at least `reorder_link` 0.3 alone) and added `block` (-0.2, the
    rescue's threshold: a moved paragraph's sentences follow its crossing link in order), both
    chosen on the real tuning pairs with dev, test and TED as guards. Round 11 lowered (4, 1)
    0.6 -> 0.4 (a Korean sentence from a break-in to a killing told in four English sentences,
    pairs8): no other tuning set changed (benchmarks/README.md, "Round 11"). Round 13 added
    `join_explains` and `join_fit` (the rest of a split after its link), chosen on the real
    pairs, the rewrites and dev with news test and TED as guards (benchmarks/README.md, "Round 13").
    Round 14 added `merge_weak` (merged beads also tried beside a weak first-pass link, found on
    the rewrites4 set; 0.1 to 0.3 give the same beads on every studied set; "Round 14").
    Round 16 added `ko_lead_new`, `ko_lead_len` and `ko_lead_link` (a short Korean summary sentence
    the translator folds into the next sentence's English, found on the held-out rewrites and
    pairs10, widened after the rewrites5 set showed a 34-character one; 35 to 60 characters and 0.6 to
    0.7 give the same beads on every studied set; "Round 16").
    Round 18 added `min_new_quoted` (a Korean sentence quoting its source twice, “…”며 “…”, split into
    English sentences that each need only one word of their own), found on the rewrites7/8 sets; news
    test, TED and the committed rewrites unchanged, and `rescue_years` (a gap's English sentence naming
    a year is not rescued onto a Korean sentence stating no number; any number instead of a year cost
    news test 0.866 -> 0.861) ("Round 18").
    Round 21 added `join_split` (joins.py: a fitted model decides whether an unaligned sentence beside a
    link is the part of a split the search refused); 0.75 chosen on the news dev split and the studied real
    pairs and rewrites left out one at a time, as the lowest threshold at which TED stays where it was
    ("Round 21").
    Round 23 added `reorder_moved` (lede.py: the first beads searched again with one Korean sentence
    moved), at the margin `reorder` already had; 0.2 and 0.3 are the best values on every studied set,
    and news dev, test and TED are unchanged ("Round 23").
    Round 24 added `lone_speech` (a Korean quotation and an English sentence reporting no one are not a
    lone pair: a rewrite's background facing the source's untranslated quote), found on the rewrites7-12
    sets: two lone pairs there mended, news dev and TED unchanged, news test one bead lower, and
    `join_split_ko` (a Korean sentence beside a link joins it at 0.5 of joins.py's model: the lowest of
    0.4 / 0.5 / 0.6 at which news dev loses at most one bead; the study rewrites and pairs22 gain, no
    study set loses) ("Round 24").
    Round 26 added `cross_weak` (a crossing pair may take a sentence from a 1-1 link scoring below
    `merge_weak`'s bar: a moved sentence whose Korean the chain had paired with a background sentence),
    found on the rewrites14 set; 0.0 to 0.4 give the same beads on every studied set, news dev, test and
    TED are unchanged ("Round 26").
    Round 30 lowered `join_split` 0.75 -> 0.65 (an English part of a split that restates its Korean in
    other words, "Observers believe the ban has another purpose.", sits at 0.65-0.75; rounds 25 and 28
    found every English candidate of the studied rewrites in that band part of its link) and added
    `join_straddle` (joins.join_straddles: a 3-2 bead whose middle English sentence carries the end of one
    Korean sentence and the start of the next), both found on align30's own rewrites; news test, TED, the
    committed rewrites, the seed and the real pairs36 unchanged, news dev two line beads lower; and
    `dated_link` (the search, not only the rescue, refuses a weak 1-1 pair whose English dates a fact in its
    running text while its Korean states no number: a background sentence paired with the untranslated
    sentence of its gap on a word or two), found on two rewrites written after the first two changes; news
    test, TED, news dev and every fixture's score unchanged (tr-dprk-school-levy trades one wrong link
    for another) ("Round 30"). Review rv19f: a Korean year by its distance (작년에 for "in 2025") is no
    missing year, unless the English gives a decade only; and a straddle's middle sentence dating a fact
    neither Korean sentence dates is background (every figure above unchanged).
    """

    tau: float = 0.13          # price of aligning one sentence (null beads cost nothing)
    smooth: float = 1.0        # added to the content size of a sentence before taking the share
    w_num: float = 0.45        # per number found on both sides
    w_num_miss: float = 0.03   # per number found on one side only (capped)
    w_strong: float = 0.0      # extra per name / Latin token / transliteration match
    w_quote: float = 0.06      # both sides quote (+) or only one does (-)
    w_len: float = 0.05        # weight of the length log-probability
    len_ratio: float = 2.05    # English characters per Korean character
    len_sigma: float = 0.70    # spread of log(length ratio)
    merge_pen: dict = field(default_factory=lambda: {
        (1, 2): 0.2, (2, 1): 0.2, (1, 3): 0.4, (3, 1): 0.3, (2, 2): 1.0,
        (1, 4): 0.8, (4, 1): 0.4, (2, 3): 1.2, (3, 2): 1.2,
    })
    rescue: float | None = -0.2  # null sentences facing each other in one gap pair up at this score
    rescue_years: bool = True  # the rescue leaves apart an English sentence naming a year and a Korean one with no number (background)
    rescue_step: float = 0.015   # raised per extra candidate pair in the gap (a x b - 1): more choice, more chance
    min_new: int = 2           # words each part of a split must cover that the other parts do not
    reorder: float | None = 0.2  # a crossed lede (first sentences paired out of order) must score this much more (on since round 3)
    reorder_link: float = 0.3  # ... and each of its crossing links must score at least this on its own
    reorder_moved: float | None = 0.2  # a lede searched again with one Korean sentence moved (lede.py) must score this much more
    num_new: int = 2           # a number of 100 or more only this part of a split covers counts as this many words
    w_en: float = 1.0          # weight of the English share against the Korean one
    idf_power: float = 0.5     # down-weights words repeated across the article's sentences
    w_qcount: float = 0.15     # the bead's two sides hold as many quotations (+), or not (- per quote, capped)
    fit_gain_min: float = 0.3  # ... when the length gain is above this
    min_new_fit: int | None = 1  # `min_new` for a split whose lengths fit better than its best part alone
    split_alone: float | None = None  # a part of a split short of `min_new` own words may still join if it scores this much alone against the single side
    cross: float | None = 0.5  # an English and a Korean sentence left unaligned in different gaps pair up (a crossing link) at this 1-1 score
    cross_weak: float | None = 0.2  # ... also taking a sentence from a 1-1 link scoring below this (`merge_weak`'s weak link)
    block: float | None = -0.2  # beside a crossing link, the unaligned sentences of both sides pair up in order at this 1-1 score
    w_len_gain: float = 0.4    # a split (one sentence against several) fits lengths better than its best part alone (+) or worse (-)
    lone: float | None = -1.0  # one English and one Korean sentence alone in a gap pair up without evidence when their length log-probability reaches this
    lone_beside: float = 0.3   # ... when the links beside them score this much (anchors: unrelated articles have few)
    lone_speech: bool = True   # ... unless the Korean quotes someone and the English reports no one's words (speech.py)
    join_cover: float | None = 0.6  # an English sentence left unaligned beside a link joins it when the link's Korean says this share of it
    join_explains: float | None = 0.25  # ... or this share, when it also says a word of the link's Korean that the link's English leaves unsaid
    join_fit: float = -0.1     # ... and the joined bead's length fit is no worse than the link's by more than this
    ko_lead_new: int | None = 1  # `min_new` for a short Korean lead sentence joined to the sentence after it (one English sentence) ...
    ko_lead_len: int = 40      # ... when it has at most this many characters and quotes nobody
    ko_lead_link: float = 0.65  # ... and the English sentence scores this much against the second one alone
    min_new_quoted: int | None = 1  # `min_new` for the parts of one Korean sentence quoting a source at least as many times as there are English sentences
    join_split: float | None = 0.65  # an unaligned sentence beside a link joins it at this probability of joins.py's model
    join_split_ko: float | None = 0.5  # ... and a Korean one at this (None: at `join_split`)
    dated_link: float | None = 0.4  # a 1-1 pair whose English states a year (running text) and whose Korean no number nor relative year (지난해) is refused below this score
    join_straddle: bool = True  # an English sentence between the links of two adjacent Korean sentences, saying an unsaid word of each, joins both (joins.join_straddles)
    merge_weak: float | None = 0.2  # merged beads are also tried beside a first-pass 1-1 link scoring below this (not only beside null beads)


# ------------------------------------------------------------------ per-sentence features
_CAP_WORD = re.compile(r"[A-Z][A-Za-z'’\-]*")
_QUOTES_EN = re.compile(r"[\"“”]")
_QUOTES_KO = re.compile(r"[\"“”]")


def quoted_spans(text: str) -> int:
    """How many quotations a sentence holds: its double quotation marks in pairs, an odd one
    counting as a pair (a translator keeps a source's two quotes as two quotes, and a
    Korean sentence quoting twice is often two English sentences)."""
    marks = len(_QUOTES_EN.findall(text))
    return (marks + 1) // 2


@dataclass
class EnFeatures:
    length: int
    stems: dict[str, int]                  # content stem -> bit
    caps: list[str]                        # capitalised words and runs of them, for names
    lower_words: frozenset[str]            # lower-cased raw words, for Latin tokens in Korean
    numbers: frozenset[str]
    quote: bool
    quotes: int = 0                        # quoted spans (double quotation marks, pairs)
    reports: bool = False                  # reports someone's words (speech.py)
    years: frozenset[str] = frozenset()    # years (1900-2100) stated in the running text, not in parentheses
    one_year: bool = False                 # one of them names a single year, not a decade ("the 1990s")
    wordless: bool = False                 # no letter or digit: a paragraph of emoji (confidence.WORDLESS_CEILING)

    @property
    def size(self) -> int:
        return len(self.stems)


@dataclass
class KoUnit:
    lemma: str
    phrases: frozenset[tuple[str, ...]]    # lexicon translations (stem tuples)
    kind: str                              # "word", "name", "latin", "foreign"


@dataclass
class KoFeatures:
    length: int
    units: list[KoUnit]
    numbers: frozenset[str]
    quote: bool
    quotes: int = 0
    sign_in: bool = False                  # a reporter's sign-in line: never aligned (see SIGN_IN)
    reports: bool = False                  # reports someone's words (speech.py)
    relative_year: bool = False            # names a year by its distance from the report's (지난해, 올해, 내년)
    wordless: bool = False                 # no letter or digit: a paragraph of emoji (confidence.WORDLESS_CEILING)

    @property
    def size(self) -> int:
        return len(self.units)


@lru_cache(maxsize=8192)
def en_features(text: str) -> EnFeatures:
    """Features of one English sentence; they do not depend on the lexicon, so `build`'s
    second pass and the learner reuse the first pass's (bounded cache: memory stays flat).
    Callers must not modify the result."""
    ws = words(text)
    stems: dict[str, int] = {}
    for w in ws:
        if not is_content(w):
            continue
        s = stem(w)
        if s not in stems:
            stems[s] = len(stems)
    caps: list[str] = []
    run: list[str] = []
    for k, w in enumerate(ws + [""]):
        # capitalised words, and brand names written in camel case (iPhone, eBay)
        if (w[:1].isupper() or any(c.isupper() for c in w[1:])) and not (k == 0 and w.lower() in STOPWORDS):
            run.append(w)
            continue
        if run:
            caps.extend(run)
            for a in range(len(run)):
                for b in range(a + 2, min(len(run), a + 3) + 1):
                    caps.append(" ".join(run[a:b]))
        run = []
    lower_words = frozenset(w.lower().replace("’", "'") for w in ws)
    numbers = frozenset(numbers_in_english(text))
    return EnFeatures(
        length=len(text),
        stems=stems,
        caps=list(dict.fromkeys(caps)),
        lower_words=lower_words,
        numbers=numbers,
        quote=bool(_QUOTES_EN.search(text)),
        quotes=quoted_spans(text),
        reports=english_reports(lower_words, text),
        years=(years := stated_years(text, numbers)),
        one_year=bool(years) and bool(stated_years(_DECADE.sub(" ", text), numbers)),
        wordless=not any(c.isalnum() for c in text),
    )


_PARENTHESES = re.compile(r"\([^()]*\)")
_DECADE = re.compile(r"\b\d{3}0s\b")


def is_year(value: str) -> bool:
    """Whether a number value (numbers.py) reads as a year of modern news, 1900-2100."""
    return value.isdigit() and 1900 <= int(value) <= 2100


def stated_years(text: str, numbers: frozenset[str]) -> frozenset[str]:
    """The years an English sentence states in its running text: a writer's background dates a fact
    ("sealed the border in 2020"), while a year in parentheses is an aside a translator adds or drops
    with the rest of the sentence translated (a film's year, a founding date)."""
    if not any(is_year(v) for v in numbers):
        return frozenset()
    return frozenset(v for v in numbers_in_english(_PARENTHESES.sub(" ", text)) if is_year(v))


def year_unstated(e: EnFeatures, k: KoFeatures) -> bool:
    """Whether English sentence `e` dates its fact in a year that Korean sentence `k` gives in no
    form: `k` states no number, and no year by its distance from the report's (작년에 for "in 2025")
    unless `e`'s years are decades only ("since a famine in the 1990s"), which no 올해 names."""
    return bool(e.years) and not k.numbers and not (k.relative_year and e.one_year)


_KO_CONTENT = {"NNG", "NNP", "VV", "VA", "XR", "SL", "VV-R", "VA-R", "VV-I", "VA-I"}
# Bound nouns worth matching: units and counters with a plain English word (3만 달러 ~ $30,000).
_KO_UNITS = {"년", "명", "달러", "개월", "톤", "킬로미터", "마일", "살", "세"}
# Korean administrative suffixes of place names and the English word written after the name.
_ADMIN_SUFFIX = {"도": stem("province"), "시": stem("city"), "군": stem("county"), "구": stem("district")}
# Function-like words and attribution verbs (the English side drops "say" likewise).
_KO_LIGHT = {
    "하다", "있다", "되다", "없다", "않다", "이다", "같다", "보다", "주다", "지다", "오다", "가다",
    "때", "경우", "가운데", "이번", "관련", "뒤", "앞", "전", "후", "중", "내", "간", "측", "등",
    "대하다", "위하다", "관하다", "의하다", "통하다", "따르다", "지나다", "이날", "및", "또", "더",
    "때문", "현지", "밝히다", "말하다", "말", "전하다", "덧붙이다",
}


def _names():
    try:
        from toolkit import names
    except Exception:  # names.py is optional: the aligner works without it
        return None
    return names


def _compound_parts(word: str, lexicon: Lexicon) -> set[tuple[str, ...]]:
    """Translations of the known pieces of an unlisted compound noun, longest piece first
    from the left (국가올림픽위원회 -> 국가 + 올림픽 + 위원회); empty when no piece is known."""
    out: set[tuple[str, ...]] = set()
    k = 0
    while k < len(word):
        for size in range(min(6, len(word) - k), 1, -1):
            found = lexicon.get(word[k : k + size])
            if found:
                out |= found
                k += size
                break
        else:
            k += 1
    return out


# The passive (and causative) suffixes of Korean verbs: 깎이다 'be shaved' is 깎다 with 이,
# 빼앗기다 빼앗다 with 기, 잡히다 잡다 with 히, 물리다 물다 with 리.
_VOICE_SUFFIXES = ("이다", "히다", "리다", "기다")


def _voice_base(verb: str, lexicon: Lexicon) -> frozenset[tuple[str, ...]]:
    """Translations of the active verb of an unlisted passive (깎이다 -> 깎다 'shave'): an
    English writer says "his head was shaved" for 머리를 깎이고, the same verb in English;
    a lexicon lists the active verbs and only the commonest passives. Empty when the verb
    has no such suffix or its base is unknown too."""
    if len(verb) < 3 or not verb.endswith(_VOICE_SUFFIXES):
        return frozenset()
    return lexicon.get(verb[:-2] + "다")


# per lexicon; the cache is emptied when full, so memory stays flat. 4,096: a build asks for a
# sentence's features under two lexicons (given, learned) in every article that holds it; with
# 1,024 the 800-article benchmark computed them 14,709 times for 2,141 sentences, with 4,096 4,198
_FEATURES_KEPT = 4096


def ko_features(text: str, lexicon: Lexicon) -> KoFeatures:
    """Features of one Korean sentence under `lexicon`, kept on the lexicon (bounded) so
    that the learner and a second look at the same sentence do not analyse it again.
    Callers must not modify the result."""
    cache = getattr(lexicon, "features", None)
    if cache is None:  # a stand-in lexicon (the build's recording one) must see every look-up
        recorded = getattr(lexicon, "recorded", None)
        if getattr(recorded, "asked", None) is None:
            return _ko_features(text, lexicon)
        got, keys = _asked_features(text, recorded, type(lexicon))
        lexicon.keys.update(keys)  # as if asked again: the computation is deterministic
        return got
    from toolkit.segment import analysis_key  # (toolkit.segment imports toolkit.align)

    key = analysis_key(text)  # a sentence read in its paragraph is kept apart from the text alone (speed8)
    got = cache.get(key)
    if got is None:
        if len(cache) >= _FEATURES_KEPT:
            cache.clear()
        got = cache[key] = _ko_features(text, lexicon)
    return got


def _asked_features(text: str, lexicon: Lexicon, recorder) -> tuple[KoFeatures, frozenset[str]]:
    """(features of `text` under `lexicon`, the keys computing them asked about), kept on the
    lexicon: a recording lexicon wrapping it takes both, so that the aligner's first look,
    the learner's and the next article's of the same sentence compute them once. `recorder`
    wraps a lexicon and notes the keys asked about (archive.learning.RecordingLexicon)."""
    from toolkit.segment import analysis_key

    key = analysis_key(text)
    got, keys = lexicon.features.get(key), lexicon.asked.get(key)
    if got is None or keys is None:
        probe = recorder(lexicon)
        got, keys = _ko_features(text, probe), frozenset(probe.keys)
        keep_features(lexicon, text, got, keys)
    return got, keys


def keep_features(lexicon: Lexicon, text: str, got: KoFeatures, keys: frozenset[str]) -> None:
    """Keep a sentence's features and the keys they asked about on the lexicon (bounded)."""
    for cache in (lexicon.features, lexicon.asked):
        if len(cache) >= _FEATURES_KEPT:
            cache.clear()
    from toolkit.segment import analysis_key

    key = analysis_key(text)
    lexicon.features[key], lexicon.asked[key] = got, keys


@lru_cache(maxsize=8192)
def _name_phrases(form: str) -> frozenset[tuple[str, ...]]:
    """A Korean name's English spellings as stem tuples (kept: the same names recur all over a corpus)."""
    names = _names()
    out: set[tuple[str, ...]] = set()
    if names is not None and hasattr(names, "transliteration_candidates"):
        try:
            for cand in names.transliteration_candidates(form):
                out.add(tuple(stem(w) for w in words(cand) if w.lower() not in STOPWORDS) or (stem(cand),))
        except Exception:
            pass
    return frozenset(out)


# A broadcast's sign-in, "북한 내부소식 김세원기자가 보도합니다." / "박찬 기자가 보도합니다.": the
# anchor hands over to the reporter; English versions drop it (every such line of the real
# pairs is unaligned in gold), but its "북한" met an English sentence's "North Korea" and took a
# link. The credit reader takes these lines out of the body; this keeps one that reaches the
# aligner all the same from taking a link.
SIGN_IN = re.compile(
    r"^[^.?!]{0,20}?[가-힣]{2,4}\s?(?:기자|특파원|통신원)(?:가|이)\s?"
    r"(?:보도합니다|전합니다|전해\s?드립니다|취재했습니다)\.?\s*$"
)


def _ko_features(text: str, lexicon: Lexicon) -> KoFeatures:
    from toolkit.segment import korean_tokens

    if SIGN_IN.match(text):  # no evidence: the search leaves it unaligned
        return KoFeatures(length=len(text), units=[], numbers=frozenset(), quote=False, sign_in=True)
    toks = korean_tokens(text)
    units: list[KoUnit] = []
    n = len(toks)
    k = 0
    while k < n:
        form, tag, lemma, start, length = toks[k]
        if tag not in _KO_CONTENT and not (tag == "MAG" and lemma in lexicon) and not (
            tag == "NNB" and form in _KO_UNITS
        ):
            k += 1
            continue
        phrases: set[tuple[str, ...]] = set()
        if tag in ("VV", "VA", "VV-R", "VA-R", "VV-I", "VA-I") or tag.startswith("V"):
            key = lemma if lemma.endswith("다") else lemma + "다"
        else:
            key = form
        nxt = toks[k + 1] if k + 1 < n else None
        if nxt is not None and nxt[1] in ("XSV", "XSA") and tag in ("NNG", "XR", "NNP"):
            phrases |= lexicon.get(form + nxt[2] + "다" if not nxt[2].endswith("다") else form + nxt[2])
            phrases |= lexicon.get(form + "하다")
            key = form
        if key in _KO_LIGHT or key in lexicon.function_keys:
            k += 1
            continue
        if key == "시간" and k and toks[k - 1][0] == "현지":  # 27일(현지시간): a dateline habit
            k += 1
            continue
        phrases |= lexicon.get(key)
        if not phrases and key != form:  # a verb (its key is the lemma)
            phrases |= _voice_base(key, lexicon)
        # compounds written without a space (핵실험, 탈북자): look the joined nouns up too
        if tag in ("NNG", "NNP"):
            end = start + length
            joined = form
            for m in range(k + 1, min(n, k + 3)):
                f2, t2, _, s2, l2 = toks[m]
                if t2 not in ("NNG", "NNP", "XSN") or s2 != end:
                    break
                joined += f2
                end = s2 + l2
                phrases |= lexicon.get(joined)
        if not phrases and tag in ("NNG", "NNP") and len(form) >= 3:
            phrases |= _compound_parts(form, lexicon)
        kind = "word"
        if tag == "SL":
            kind = "latin"
            phrases.add((stem(form),))
        elif tag == "NNP":
            kind = "name"
            phrases |= _name_phrases(form)
            generic = _ADMIN_SUFFIX.get(form[-1]) if len(form) >= 3 else None
            if generic:  # 양강도 ~ Ryanggang Province, 혜산시 ~ Hyesan City, 온성군 ~ Onsong County
                phrases |= {p + (generic,) for p in phrases if generic not in p and len(p) <= 2}
        elif not phrases and len(form) >= 2:
            kind = "foreign"  # unknown noun: maybe a loanword, try its consonant skeleton
        units.append(KoUnit(key, frozenset(p for p in phrases if p), kind))
        k += 1
    return KoFeatures(
        length=len(text),
        units=units,
        numbers=frozenset(numbers_in_korean(text)),
        quote=bool(_QUOTES_KO.search(text)),
        quotes=quoted_spans(text),
        reports=korean_reports(text),
        relative_year=bool(KO_RELATIVE["year"].search(text)),
        wordless=not any(c.isalnum() for c in text),
    )


# ------------------------------------------------------------------ pair evidence
def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


@lru_cache(maxsize=16384)
def _person_forms(hangul: str) -> frozenset[str]:
    """Letter-only spellings of a Hangul personal name (김준호 -> kimjunho, kimjoonho, ...)."""
    names = _names()
    if names is None or not 1 <= len(hangul) <= 4:
        return frozenset()
    try:
        if len(hangul) > 1 and not names.is_korean_name(hangul):
            return frozenset()
        forms = {_letters(r) for r in names.romanizations(hangul)}
        if len(hangul) > 1:  # "Joon-ho Kim" order too
            for r in names.romanizations(hangul):
                parts = r.split(" ", 1)
                if len(parts) == 2:
                    forms.add(_letters(parts[1] + parts[0]))
    except Exception:
        return frozenset()
    return frozenset(f for f in forms if f)


def name_matches(ef: list[EnFeatures], kf: list[KoFeatures]) -> dict[str, frozenset[tuple[str, ...]]]:
    """For each Korean name or unknown noun of an article, the English words (as stem tuples)
    of the same article that spell it: a romanized personal name or a transliteration.

    Computed once per article over its vocabulary, not once per sentence pair, and kept per
    name against the article's English: a second alignment of the article (with the learned
    lexicon) has the same English and mostly the same names, a few read otherwise.
    """
    units = tuple((u.lemma, u.kind) for k in kf for u in k.units if u.kind in ("name", "foreign"))
    args = (tuple(tuple(e.caps) for e in ef), tuple(e.lower_words for e in ef))
    english = _kept_english(*args) if len(ef) + len(kf) <= _KEPT_SENTENCES else _EnglishNames(*args)
    return english.matches(units)


# an article's second alignment (pass two) comes after every other article's first (which
# asks twice: its alignment and the learner's confident beads): the cache serves builds of up
# to about a thousand articles per process, and the last thousand of larger ones; only
# ordinary articles are kept (the key holds each English sentence's words)
_KEPT_SENTENCES = 80


class _EnglishNames:
    """The English words of one article, and the answer for each (Korean word, kind) asked of
    them so far: an answer is a function of the word, its kind and these words alone."""

    def __init__(self, en_caps: tuple[tuple[str, ...], ...], en_lower: tuple[frozenset[str], ...]) -> None:
        self.en_caps, self.en_lower = en_caps, en_lower
        self.found: dict[tuple[str, str], frozenset[tuple[str, ...]]] = {}

    def matches(self, units: tuple[tuple[str, str], ...]) -> dict[str, frozenset[tuple[str, ...]]]:
        """name_matches of the Korean units (lemma, kind) in article order: the first kind a
        lemma has is the one read. A new dict (the caller may change it)."""
        out: dict[str, frozenset[tuple[str, ...]]] = {}
        missing: list[tuple[str, str]] = []
        for unit in units:
            if unit[0] not in out:
                out[unit[0]] = self.found.get(unit)  # type: ignore[assignment]
                if out[unit[0]] is None:
                    missing.append(unit)
        if missing:
            self.found.update(_name_matches(self.en_caps, self.en_lower, tuple(missing)))
            for unit in missing:
                out[unit[0]] = self.found[unit]
        return out


_kept_english = lru_cache(maxsize=2048)(_EnglishNames)


def _name_matches(en_caps: tuple[tuple[str, ...], ...], en_lower: tuple[frozenset[str], ...],
                  units: tuple[tuple[str, str], ...]) -> dict[tuple[str, str], frozenset[tuple[str, ...]]]:
    """The English words that spell each of `units` (lemma, kind; each once), from each English
    sentence's capitalised words and lower-case words."""
    caps: dict[str, None] = {}
    lower: dict[str, None] = {}
    for sentence_caps, sentence_lower in zip(en_caps, en_lower):
        caps.update(dict.fromkeys(sentence_caps))
        lower.update(dict.fromkeys(w for w in sentence_lower if len(w) >= 4 and w not in STOPWORDS))
    # consonant skeletons once per article; `_maybe_similar` drops most candidates before
    # the edit distance (the same rejections `phonetic.similar` makes first)
    cap_sk = [(cap, _letters(cap)) for cap in caps]
    # a plural spells the name with an -s the Hangul lacks (iPhones ~ 아이폰): index the singular too
    plural = {cap: one for cap in caps if " " not in cap and (one := singular(cap.lower())) != cap.lower()}
    # every reading's skeleton (`phonetic.skeletons_en`: an r before a w sounded or silent)
    cap_by_edge = _by_edge([(skel, cap) for cap in caps if " " not in cap for skel in phonetic.skeletons_en(cap)]
                           + [(skel, cap) for cap, one in plural.items() for skel in phonetic.skeletons_en(one)])
    low_by_edge = _by_edge((skel, w) for w in lower for skel in phonetic.skeletons_en(w))
    out: dict[tuple[str, str], frozenset[tuple[str, ...]]] = {}
    for hangul, kind in units:
        forms = _person_forms(hangul) if kind == "name" else frozenset()
        sk = phonetic.skeleton_ko(hangul) if len(hangul) >= 2 else ""
        found: set[tuple[str, ...]] = set()
        if forms:
            for cap, letters in cap_sk:
                if letters in forms:
                    found.add(tuple(stem(w) for w in cap.split()))
        for cap in _candidates(sk, cap_by_edge):
            if phonetic.similar(hangul, cap) or (cap in plural and phonetic.similar(hangul, plural[cap])):
                found.add((stem(cap),))
        if kind == "foreign" and not found:
            for w in _candidates(sk, low_by_edge):
                if phonetic.similar(hangul, w):
                    found.add((stem(w),))
        out[(hangul, kind)] = frozenset(found)
    return out


def _by_edge(items) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(skeleton, word) pairs indexed by ("first", letter) and ("last", letter) of the skeleton."""
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for skel, word in items:
        if len(skel) >= 2:
            index.setdefault(("first", skel[0]), []).append((skel, word))
            index.setdefault(("last", skel[-1]), []).append((skel, word))
    return index


def _candidates(sk: str, index: dict[tuple[str, str], list[tuple[str, str]]]) -> list[str]:
    """Words whose skeleton passes the cheap tests `phonetic.similar` makes first (same first
    or last consonant class, lengths within a quarter), in index order, each once."""
    if len(sk) < 2:
        return []
    out: dict[str, None] = {}
    for key in (("first", sk[0]), ("last", sk[-1])):
        for skel, word in index.get(key, ()):
            n = len(sk) if len(sk) > len(skel) else len(skel)
            if abs(len(sk) - len(skel)) <= n // 4:
                out[word] = None
    return list(out)


def pair_evidence(en: EnFeatures, ko: KoFeatures, names: dict[str, frozenset[tuple[str, ...]]]) -> tuple[int, int, int]:
    """(Korean unit bits covered, English stem bits covered, strong matches) for one pair."""
    return evidence_against(en, prepared_units(ko, names))


def pair_evidence_column(ens: Sequence[EnFeatures], ko: KoFeatures,
                         names: dict[str, frozenset[tuple[str, ...]]]) -> list[tuple[int, int, int]]:
    """[pair_evidence(en, ko, names) for en in ens], the Korean sentence's phrases gathered once
    (an ordinary article asks every pair: most share nothing)."""
    prepared = prepared_units(ko, names)
    return [evidence_against(en, prepared) for en in ens]


PreparedUnit = tuple[int, bool, bool, tuple[tuple[str, ...], ...], "frozenset[str] | None"]


def prepared_units(ko: KoFeatures, names: dict[str, frozenset[tuple[str, ...]]]) -> list[PreparedUnit]:
    """The Korean units that can match, each as (its bit, Latin?, strong?, its phrases, the first
    stems one of which an English sentence must hold for any phrase to match, or None when a
    phrase can match without: a Latin unit's word as written, an empty phrase)."""
    prepared = []
    for u_index, unit in enumerate(ko.units):
        phrases = unit.phrases
        if unit.kind in ("name", "foreign"):
            phrases = phrases | names.get(unit.lemma, frozenset())
        if not phrases:
            continue  # no phrase: never a hit
        latin = unit.kind == "latin"
        skippable = not latin and all(phrases)
        prepared.append((1 << u_index, latin, unit.kind != "word", tuple(phrases),
                         frozenset(phrase[0] for phrase in phrases) if skippable else None))
    return prepared


def evidence_against(en: EnFeatures, prepared: list[PreparedUnit]) -> tuple[int, int, int]:
    """pair_evidence of one English sentence against a Korean sentence's prepared units."""
    ko_mask = 0
    en_mask = 0
    strong = 0
    stems = en.stems
    keys = stems.keys()
    for unit_bit, latin, counts_strong, phrases, firsts in prepared:
        if firsts is not None and keys.isdisjoint(firsts):
            continue
        hit = False
        for phrase in phrases:
            bits = 0
            for s in phrase:
                b = stems.get(s)
                if b is None:
                    if latin and s in en.lower_words:
                        continue
                    bits = -1
                    break
                bits |= 1 << b
            if bits >= 0:
                hit = True
                en_mask |= bits
        if hit:
            ko_mask |= unit_bit
            if counts_strong:
                strong += 1
    return ko_mask, en_mask, strong


def length_logprob(len_en: int, len_ko: int, p: Params) -> float:
    """Gale-Church-style log-probability of a length pair, 0 at the expected ratio (<= 0)."""
    r = math.log((len_en + 8) / (p.len_ratio * len_ko + 8))
    return -min(r * r / (2 * p.len_sigma**2), 6.0)
