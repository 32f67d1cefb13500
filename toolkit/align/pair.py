"""Is this a translation pair at all? The check behind `pair_score` and the `warning:` lines.

A corpus folder can hold the wrong files: the English of one story with the Korean of
another (the aligner then finds a few weak links and builds silently), or en.txt and
ko.txt swapped. Two signals answer it:

- script, known before anything is aligned: an "English" file that is mostly Hangul and a
  "Korean" file that is mostly Latin letters are swapped;
- `pair_score`: how much of the English the Korean explains, the share of English
  characters in aligned beads, each weighted by its calibrated confidence. Translations
  and rewrites score high; a background-heavy rewrite lower; an unrelated pair near zero.
  Two stories of one beat can still reach 0.35 through many weak links, so a pair with no
  link of confidence CONFIDENT_LINK or more is flagged too: a translation, even a loose
  rewrite, always has a few sentences that plainly match. Both thresholds sit below every
  real pair measured (benchmarks/README.md).
- `explained_share`, asked only of a pair with no confident link: how much of the English's
  content the Korean text says anywhere, order aside. A truncated rewrite (three English
  sentences, a reordered lede, the Korean running on) can lack a confident link because its
  sentences cross and split, yet its Korean says most of what its English says; two stories
  of one beat share their beat's words and not much more (EXPLAINED sits between them). A
  short English (under MIN_WORDS content words) is not cleared this way. Nor is a pair whose
  alignment explains less than EXPLAINED_SCORE of the English: the share grows with the
  Korean's length, so the Korean of two or three stories of one beat run together says most
  of any English of that beat anywhere, but the links found in it stay few and weak (pair
  score 0.23 at most over the fixtures' and real pairs' such runs, against 0.31 and 0.32 for
  the cut rewrites with every link below CONFIDENT_LINK).
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.hangul import count_hangul
from toolkit.model import Alignment, Article

__all__ = ["PairCheck", "pair_check", "hangul_share", "languages_swapped", "same_language", "explained_share",
           "PAIR_THRESHOLD", "CONFIDENT_LINK", "EXPLAINED", "EXPLAINED_SCORE"]

PAIR_THRESHOLD = 0.08
CONFIDENT_LINK = 0.53
EXPLAINED = 0.55
EXPLAINED_SCORE = 0.25  # pair score a pair cleared by EXPLAINED still needs (see the docstring)
MAX_CELLS = 40_000  # sentence pairs compared at most (an article the aligner searches in full)
MIN_WORDS = 20  # English content words below which word overlap proves nothing (one generic line)


@dataclass(frozen=True)
class PairCheck:
    score: float | None        # None when there is no alignment to judge
    swapped: bool
    warning: str | None = None


def hangul_share(text: str) -> float:
    """Hangul among the letters of a text (0 for pure English, near 1 for Korean)."""
    letters = sum(map(str.isalpha, text))  # (in C: a build asks it of every article's whole text)
    return count_hangul(text) / letters if letters else 0.0


def _text(article: Article) -> str:
    return " ".join(p.text for p in article.paragraphs)


def languages_swapped(en: Article, ko: Article) -> bool:
    """The English file is mostly Hangul and the Korean one mostly not: swapped files."""
    return hangul_share(_text(en)) > 0.5 and hangul_share(_text(ko)) < 0.2


def same_language(en: Article, ko: Article) -> tuple[str, str] | None:
    """When both files read as one language (a "Korean" file that is mostly English text, say),
    which side is off ("en" or "ko") and the problem in words; None when they differ. Such a
    pair has no translation to record: its TEI would give both texts one language."""
    if en.language != ko.language:
        return None
    from toolkit.tei.profile import LANGUAGE_NAMES

    name = LANGUAGE_NAMES.get(en.language, en.language)
    off, other = ("en", "the Korean file") if en.language == "ko" else ("ko", "the English file")
    return off, f"reads as {name} (most of its paragraphs by length), as {other} does: not a translation pair"


def explained_share(en: Article, ko: Article, lexicon=None) -> float | None:
    """The share of the English content words (weighted as the aligner weighs them) that meet
    a counterpart in some Korean sentence: how much of the English the Korean says, in any
    order. None for a side without sentences, or a pair too long to compare every sentence
    with every other (MAX_CELLS: the aligner itself does not search such a pair in full)."""
    from toolkit.align.beads import BeadScorer
    from toolkit.align.lexicon import load_lexicon
    from toolkit.align.scoring import Params, en_features, ko_features

    if not en.sentences or not ko.sentences or len(en.sentences) * len(ko.sentences) > MAX_CELLS:
        return None
    lexicon = load_lexicon() if lexicon is None else lexicon
    scorer = BeadScorer([en_features(s.text) for s in en.sentences],
                        [ko_features(s.text, lexicon) for s in ko.sentences], Params())
    m = len(ko.sentences)
    total = sum(scorer.en_total)
    said = sum(scorer.shares(i, i + 1, 0, m)[1] * weight for i, weight in enumerate(scorer.en_total))
    return said / total if total else 0.0


def pair_check(en: Article, ko: Article, alignment: Alignment | None, lexicon=None) -> PairCheck:
    """Score the pair and say, in one line, what looks wrong with it (None: nothing).
    `lexicon` (default: the built-in one) is used only for a pair with no confident link."""
    swapped = languages_swapped(en, ko)
    score = None
    if alignment is not None:
        lengths = [len(s.text) for s in en.sentences]
        total = sum(lengths)
        explained = sum(b.cert * sum(lengths[i] for i in b.en) for b in alignment.beads if b.en and b.ko)
        score = round(explained / total, 4) if total else 0.0
    if swapped:
        return PairCheck(score, True, "the English file is Korean and the Korean file English: swapped?")
    if alignment is not None:
        best = max((b.cert for b in alignment.beads if b.en and b.ko), default=0.0)
        if score < PAIR_THRESHOLD or best < CONFIDENT_LINK and not (
                score >= EXPLAINED_SCORE and _said_anyway(en, ko, lexicon)):
            return PairCheck(score, False, f"the Korean explains little of the English (pair score {score:.2f}, "
                                           f"best link {best:.2f}): not a translation pair?")
    return PairCheck(score, False)


def _said_anyway(en: Article, ko: Article, lexicon) -> bool:
    """A pair without a confident link whose Korean still says most of its English (a cut,
    reordered rewrite): see `explained_share`. A short English (a line or two of the beat's
    words: "Floods hit North Korea.") meets some Korean story whatever it is, so it is not enough."""
    from toolkit.align.scoring import en_features

    if sum(en_features(s.text).size for s in en.sentences) < MIN_WORDS:
        return False
    share = explained_share(en, ko, lexicon)
    return share is not None and share >= EXPLAINED
