"""Splits the search refused: whether a sentence left unaligned beside a link is part of it.

Translators render one Korean sentence as two to four English ones (and, less often, fold
two Korean sentences into one English one). The search scores a merged bead only when each
part brings words of its own (beads.py, `Params.min_new`), so a part that restates the
first or says what the lexicon lacks is left as an addition beside a 1-1 link. Whether that
sentence belongs to the link is judged here by a logistic model over features of the
candidate join (how much of the link's other side it says that the link leaves unsaid,
how much of it that side covers, numbers, quotations, lengths, and how well the rest of
the article would explain it instead), fitted on tuning material by
benchmarks/fit_joins.py: a fitted weight over evidence rather than a threshold per cue.
A paragraph's bare list number ("1." cut off its sentence by the English splitter) joins the
item it numbers before the model is asked.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from toolkit.align.confidence import probability
from toolkit.align.scoring import year_unstated

__all__ = ["JOIN_WEIGHTS", "join_features", "join_probability", "join_candidates", "join_splits", "join_straddles",
           "grown_links"]

Bead = tuple[int, int, int, int]

# Fitted by `benchmarks/fit_joins.py --pairs REAL --pairs REWRITES --l2 3` (benchmarks/README.md, "Round 21"):
# the news dev split and, weight 3, 40 real pairs (realdata/validation pairs13-18, pairs16's four
# translations) and 24 rewrites (rewrites7-9). Feature meanings: see join_features.
JOIN_WEIGHTS: dict[str, float] = {
    'bias': -2.3953, 'cover': 0.4962, 'elsewhere': -0.026, 'facing': -0.293, 'first': 0.2242, 'gain': 0.0505,
    'grown': -0.1008, 'korean': -0.2644, 'left': 0.8182, 'length': 1.2515, 'num_extra': -0.1711,
    'num_own': 0.6682, 'own': 0.5255, 'quotes': 0.0153, 'said': 0.0299, 'same_par': 1.6322, 'short': 1.1673,
    'words': -0.313,
}

# a bead holds at most five sentences, four of one language (1-4 / 4-1, 2-3 / 3-2: dp.MOVES,
# the shapes the search scores and the profile documents): a join that would pass it is no candidate
MAX_BEAD = 5


NEAR = 8  # `elsewhere` looks this many sentences each way (a long article's evidence is computed lazily)


def join_features(scorer, path: list[Bead], link: Bead, k: int, english: bool) -> dict[str, float]:
    """Features of joining sentence `k` (English when `english`, else Korean), unaligned and
    next to `link` in `path`, to that link. The link's own side is the one `k` joins; the
    other side is what `k` must translate. `said`: the idf-weighted share of the other side that
    `k` says and the link leaves unsaid (`own`: how many such words); `cover`: the share of `k`
    the other side says; `gain`, `left`: that side's coverage gained by the join, and left unsaid
    before it; `elsewhere`: the best share of `k` a nearby sentence outside the link says;
    `num_own`, `num_extra`: numbers `k` shares with the other side that the link lacks, and
    numbers of its own; `quotes`: how much closer the quotation counts come; `length`, `short`:
    the length fit gained and how short the link's side is against the other; `words`: `k`'s
    size; `first`: `k` comes before the link; `facing`: an unaligned sentence of the other
    language stands across from it; `same_par`: it is in the paragraph of the link's sentence
    beside it; `grown`: the joined bead's size."""
    i0, i1, j0, j1 = link
    own, other = (range(i0, i1), range(j0, j1)) if english else (range(j0, j1), range(i0, i1))
    grown = _grown(link, k, english)
    if english:
        mine, sides = scorer.ef[k], (scorer.ef, scorer.kf)
        own_masks = [scorer.ko_mask[k][j] & ~scorer._or(scorer.ko_mask, own, j, True) for j in other]
        weights, totals = scorer.ko_w, scorer.ko_total
        cover = scorer.shares(k, k + 1, j0, j1)[1]
        covered = [scorer.shares(*bead)[0] for bead in (link, grown)]  # the other side's share said

        def explained(x: int) -> float:  # how much of k a sentence x of the other side says
            return scorer.shares(k, k + 1, x, x + 1)[1] if scorer.has[k][x] else 0.0
    else:
        mine, sides = scorer.kf[k], (scorer.kf, scorer.ef)
        own_masks = [scorer.en_mask[i][k] & ~scorer._or(scorer.en_mask, own, i, False) for i in other]
        weights, totals = scorer.en_w, scorer.en_total
        cover = scorer.shares(i0, i1, k, k + 1)[0]
        covered = [scorer.shares(*bead)[1] for bead in (link, grown)]

        def explained(x: int) -> float:
            return scorer.shares(x, x + 1, k, k + 1)[0] if scorer.has[x][k] else 0.0
    other_total = sum(totals[x] for x in other)
    said = sum(scorer._weighted(m, weights[x]) for m, x in zip(own_masks, other))
    before, after = covered
    other_numbers = set().union(*(sides[1][x].numbers for x in other))
    side_numbers = set().union(*(sides[0][x].numbers for x in own))
    elsewhere = max((explained(x) for x in range(max(0, other[0] - NEAR), min(len(sides[1]), other[-1] + 1 + NEAR))
                     if x not in other), default=0.0)
    mine_quotes, side_quotes = mine.quotes, sum(sides[0][x].quotes for x in own)
    other_quotes = sum(sides[1][x].quotes for x in other)
    size = len(mine.stems) if english else len(mine.units)
    first = k < own[0]
    numbers = mine.numbers
    paragraphs = scorer.en_par if english else scorer.ko_par
    near = own[0] if first else own[-1]
    lengths = (sum(scorer.ef[i].length for i in range(i0, i1)), sum(scorer.kf[j].length for j in range(j0, j1)))
    ratio = math.log((lengths[0] + 8) / (scorer.p.len_ratio * lengths[1] + 8))
    return {
        "bias": 1.0,
        "korean": float(not english),
        "said": said / other_total if other_total else 0.0,
        "own": float(min(sum(m.bit_count() for m in own_masks), 4)),
        "cover": cover,
        "gain": after - before,
        "left": 1.0 - before,
        "elsewhere": elsewhere,
        "num_own": float(min(len((numbers & other_numbers) - side_numbers), 2)),
        "num_extra": float(min(len(numbers - other_numbers), 2)),
        "quotes": float(abs(side_quotes - other_quotes) - abs(side_quotes + mine_quotes - other_quotes)),
        "length": max(-3.0, scorer.length_fit(*grown) - scorer.length_fit(*link)),
        "words": math.log1p(size),
        "first": float(first),
        "short": max(-2.0, min(2.0, -ratio if english else ratio)),
        "facing": float(_facing(path, link, k, english)),
        "same_par": float(paragraphs is not None and paragraphs[near] == paragraphs[k]),
        "grown": float((grown[1] - grown[0]) + (grown[3] - grown[2]) - 3),
    }


def _grown(link: Bead, k: int, english: bool) -> Bead:
    """`link` with sentence `k` (English when `english`, else Korean) beside it joined."""
    i0, i1, j0, j1 = link
    return (min(i0, k), max(i1, k + 1), j0, j1) if english else (i0, i1, min(j0, k), max(j1, k + 1))


def _facing(path: list[Bead], link: Bead, k: int, english: bool) -> bool:
    """Whether a sentence of the other language is unaligned right across from `k` (past the
    link's same end): then `k` may be its translation rather than part of the link."""
    i0, i1, j0, j1 = link
    after = k >= (i1 if english else j1)
    want = (j1 if after else j0 - 1) if english else (i1 if after else i0 - 1)
    if english:
        return any(b[0] == b[1] and b[2] == want for b in path)
    return any(b[2] == b[3] and b[0] == want for b in path)


def join_probability(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The model's probability that the sentence belongs to the link (the logistic of confidence.py)."""
    return probability(JOIN_WEIGHTS if weights is None else weights, features)


def join_candidates(scorer, path: list[Bead], t: int) -> list[tuple[int, int, bool]]:
    """(index in path, sentence, English?) of the null beads near link path[t] whose sentence
    is adjacent to the link's run on its side, within a bead's size limit (MAX_BEAD), and meets the link's
    other side (a word, name or number in common: as everywhere in the aligner, a sentence
    sharing nothing is never aligned). A gap's English and Korean nulls stand in either order,
    so a few beads each way are looked at."""
    i0, i1, j0, j1 = path[t]
    out: list[tuple[int, int, bool]] = []
    if (i1 - i0) + (j1 - j0) >= MAX_BEAD:
        return out
    for u in range(max(0, t - 3), min(len(path), t + 4)):
        a0, a1, b0, b1 = path[u]
        if a1 > a0 and b0 == b1 and a0 in (i0 - 1, i1):
            if any(scorer.has[a0][j] for j in range(j0, j1)):
                out.append((u, a0, True))
        elif b1 > b0 and a0 == a1 and b0 in (j0 - 1, j1):
            if any(scorer.has[i][b0] for i in range(i0, i1)):
                out.append((u, b0, False))
    return out


def join_splits(scorer, path: list[Bead], threshold: float, weights: dict[str, float] | None = None,
                korean_threshold: float | None = None) -> list[Bead]:
    """`path` with each link grown by the unaligned neighbours the model puts at `threshold`
    or more (a Korean neighbour at `korean_threshold`, when given), the likeliest first; a grown link is
    looked at again (a 3-1 split grows twice).

    Writers fold a short Korean detail sentence into the English sentence before it, and the model
    puts such a sentence at 0.5-0.75: there, on the studied sets, Korean candidates were parts of
    the link six times in seven, English ones twelve in seventeen (Params.join_split_ko).

    First, a bare paragraph number left beside the item it numbers joins it whatever the model says
    (`_list_mark`): it has no word for the model to weigh."""
    def likeliest(out: list[Bead], t: int) -> tuple[int, Bead] | None:
        link = out[t]
        if not (link[0] < link[1] and link[2] < link[3]):
            return None
        best = None
        for u, k, english in join_candidates(scorer, out, t):
            p = join_probability(join_features(scorer, out, link, k, english), weights)
            least = threshold if english or korean_threshold is None else korean_threshold
            if p >= least and (best is None or p > best[0]):
                best = (p, u, k, english)
        return None if best is None else (best[1], _grown(link, best[2], best[3]))
    return grown_links(grown_links(path, lambda out, t: _list_mark(scorer, out, t)), likeliest)


def join_straddles(scorer, path: list[Bead]) -> list[Bead]:
    """`path` with each English sentence that straddles two Korean sentences joined to both of their
    links (one 3-2 bead): unaligned, between the 1-1 links of two adjacent Korean sentences of one
    paragraph, in the paragraph of both English neighbours, and saying a word of each Korean sentence
    that its link's English leaves unsaid.

    A writer retelling two Korean sentences in three English ones lets the middle one carry the end of
    the first and the start of the second ("Some of it is fake, and the wrong drugs can make patients
    sicker." between 가짜 약도 적지 않습니다 and 병이 더 도지는 경우도 있다): each link explains part of it, neither
    enough for the join model to give it to one, and the search's 3-2 penalty, set for news lines,
    keeps the two links apart. A sentence whose words the neighbour links already say (a restated
    quote, a line the corpus pairs elsewhere) is no straddle: it is left to the join model; nor is one
    dating its fact in a year neither Korean sentence states (`Params.dated_link`'s reading: a writer's
    background, "a fake vaccine scandal in 2019 left many patients sick", meets 가짜 and 병 too)."""
    out = list(path)
    en_par, ko_par = scorer.en_par, scorer.ko_par
    t = 1
    while t + 1 < len(out):
        a, e, b = out[t - 1], out[t], out[t + 1]
        k = e[0]
        if (e[1] == k + 1 and e[2] == e[3] and a[1] - a[0] == 1 and a[3] - a[2] == 1 and b[1] - b[0] == 1
                and b[3] - b[2] == 1 and a[1] == k and b[0] == k + 1 and a[3] == b[2]
                and en_par is not None and ko_par is not None
                and en_par[k - 1] == en_par[k] == en_par[k + 1] and ko_par[a[2]] == ko_par[b[2]]
                and _says_unsaid(scorer, a, k) and _says_unsaid(scorer, b, k)
                and not (year_unstated(scorer.ef[k], scorer.kf[a[2]]) and year_unstated(scorer.ef[k], scorer.kf[b[2]]))):
            out[t - 1 : t + 2] = [(a[0], b[1], a[2], b[3])]
        t += 1
    return out


def _says_unsaid(scorer, link: Bead, k: int) -> bool:
    """Whether English sentence `k` meets a word of `link`'s Korean that the link's English does not."""
    i0, i1, j0, j1 = link
    return any(scorer.ko_mask[k][j] & ~scorer._or(scorer.ko_mask, range(i0, i1), j, True) for j in range(j0, j1))


# a paragraph number the English splitter cuts off its sentence: no word, one number, a few characters
# (since segment._LIST_NUMBER keeps "1." to "99." in their items, "100." before "The two sides ...")
MARK_CHARS = 4


def _list_mark(scorer, path: list[Bead], t: int) -> tuple[int, Bead] | None:
    """(index of the null bead, the grown link) when the sentence just before link path[t], in its
    paragraph, is a bare list number: a numbered paragraph's number opens the item it numbers, and
    says nothing the word model could pair, so it is part of that item's bead."""
    link = path[t]
    if t == 0 or not (link[0] < link[1] and link[2] < link[3]):
        return None
    if (link[1] - link[0]) + (link[3] - link[2]) >= MAX_BEAD:
        return None
    a0, a1, b0, b1 = path[t - 1]
    english = a1 == a0 + 1 and b0 == b1 and a0 == link[0] - 1
    korean = b1 == b0 + 1 and a0 == a1 and b0 == link[2] - 1
    if not (english or korean):
        return None
    k, near = (a0, link[0]) if english else (b0, link[2])
    mine = scorer.ef[k] if english else scorer.kf[k]
    paragraphs = scorer.en_par if english else scorer.ko_par
    if mine.size or len(mine.numbers) != 1 or mine.length > MARK_CHARS:
        return None
    if paragraphs is not None and paragraphs[k] != paragraphs[near]:
        return None
    return t - 1, _grown(link, k, english)


def grown_links(path: list[Bead], join: Callable[[list[Bead], int], tuple[int, Bead] | None]) -> list[Bead]:
    """`path` with each link `join(path, t)` grows: (the index in the path of the null bead it
    takes, the grown link), or None. The null bead leaves the path, and the grown link is looked
    at again (it may take its other neighbour too)."""
    out = list(path)
    t = 0
    while t < len(out):
        found = join(out, t)
        if found is None:
            t += 1
            continue
        u, out[t] = found
        del out[u]
        t = min(t, u)
    return out
