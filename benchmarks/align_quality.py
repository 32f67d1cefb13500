"""Alignment quality benchmark: transprov against Gale-Church on the same pseudo-articles.

Protocol (issue 3, item 6; details and the scoring rule in benchmarks/README.md):
pseudo-articles of 6-14 consecutive line pairs from ../shared/corpora; with p=0.5 drop 1-2
Korean lines (their English becomes additions, gold 1-0), with p=0.3 drop one English line
(its Korean is untranslated, gold 0-1), with p=0.3 insert a block of 2-4 English lines from
elsewhere (gold 1-0 each); each side grouped into paragraphs of 1-3 lines independently.
Both sides are sentence-split; predicted sentence beads are mapped to line-level beads and
scored strictly against the line pairing.  Run on demand:

    .venv/bin/python benchmarks/align_quality.py            # test split, TED, seed fixture
    .venv/bin/python benchmarks/align_quality.py --split dev # the tuning split
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # build_speed's child may have put another checkout's toolkit first
    sys.path.insert(0, str(REPO))

from toolkit.align import LexiconLearner, align, load_lexicon  # noqa: E402
from toolkit.model import Alignment, Bead, Sentence  # noqa: E402
from toolkit.segment import kiwi, paragraph_analyses, provided_tokens, split_english, split_korean  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora"
SPLITS = {
    "dev": ("koen-news-park/korean-english-park.dev.en", "koen-news-park/korean-english-park.dev.ko"),
    "test": ("koen-news-park/korean-english-park.test.en", "koen-news-park/korean-english-park.test.ko"),
    "ted": ("ted-tst2016-enko/tst2016.en-ko.en", "ted-tst2016-enko/tst2016.en-ko.ko"),
}
SEED = 20261126


# ------------------------------------------------------------------ pseudo-articles
@dataclass
class PseudoArticle:
    en: list[Sentence]
    ko: list[Sentence]
    en_line: list[frozenset[int]]  # per English sentence: the line holding most of its characters
    ko_line: list[frozenset[int]]
    en_lines_strict: list[frozenset[int]]  # per English sentence: every line it overlaps
    ko_lines_strict: list[frozenset[int]]
    gold: set[tuple[frozenset[int], frozenset[int]]]  # line-level beads
    # each Korean sentence as Kiwi read it in its paragraph (segment.provided_tokens), as a build reads it
    ko_analyses: dict = field(default_factory=dict)


def _norm(line: str) -> str:
    return " ".join(line.split())


def _paragraphs(n: int, rng: random.Random) -> list[list[int]]:
    """Group line positions 0..n-1 into consecutive paragraphs of 1-3 lines."""
    out, k = [], 0
    while k < n:
        size = rng.randint(1, 3)
        out.append(list(range(k, min(n, k + size))))
        k += size
    return out


def _sentences(lines: list[str], lang: str, rng: random.Random, analyses: dict | None = None):
    """Sentence-split the side paragraph by paragraph; map each sentence to its lines
    (Korean: each sentence's analysis in its paragraph added to `analyses`).

    Returns the sentences, the majority line of each (the line holding most of its
    characters) and every line each overlaps (for the strict variant of the score).
    """
    split = split_korean if lang == "ko" else split_english
    sents: list[Sentence] = []
    cover: list[frozenset[int]] = []
    strict: list[frozenset[int]] = []
    for p_index, para in enumerate(_paragraphs(len(lines), rng)):
        spans, text = [], ""
        for k in para:
            if text:
                text += " "
            spans.append((len(text), len(text) + len(lines[k]), k))
            text += lines[k]
        cursor = 0
        pieces = split(text)
        if lang == "ko" and analyses is not None:
            paragraph_analyses(text, pieces, analyses)
        for s in pieces:
            start = text.find(s[:12], cursor)
            if start < 0:
                start = cursor
            end = max(start + 1, min(len(text), start + len(s)))
            cursor = end
            overlap = {k: min(b, end) - max(a, start) for a, b, k in spans if a < end and start < b}
            if not overlap:
                overlap = {spans[-1][2]: 1}
            major = max(sorted(overlap), key=lambda k: overlap[k])
            sents.append(Sentence(id=f"{lang}-s{len(sents) + 1}", text=s, lang=lang, paragraph=p_index))
            cover.append(frozenset({major}))
            strict.append(frozenset(overlap))
    return sents, cover, strict


def _line_units(lines: list[str], lang: str, rng: random.Random, analyses: dict | None = None):
    """The line-unit variant: every line is one unit (the paragraph draw is kept so that
    the random stream, hence the articles, are the same as in the sentence variant)."""
    _paragraphs(len(lines), rng)
    sents = [Sentence(id=f"{lang}-s{k + 1}", text=t, lang=lang, paragraph=k) for k, t in enumerate(lines)]
    cover = [frozenset({k}) for k in range(len(lines))]
    return sents, cover, cover


def make_articles(split: str, limit: int | None = None, seed: int = SEED, units: str = "sentences") -> list[PseudoArticle]:
    en_path, ko_path = SPLITS[split]
    en_all = [_norm(x) for x in (CORPORA / en_path).read_text(encoding="utf-8").splitlines()]
    ko_all = [_norm(x) for x in (CORPORA / ko_path).read_text(encoding="utf-8").splitlines()]
    rng = random.Random(seed)
    articles: list[PseudoArticle] = []
    pos = 0
    while pos < len(en_all) and (limit is None or len(articles) < limit):
        k = rng.randint(6, 14)
        run = [i for i in range(pos, min(pos + k, len(en_all))) if en_all[i] and ko_all[i]]
        pos += k
        if len(run) < 4:
            continue
        drop_ko: set[int] = set()
        drop_en: set[int] = set()
        if rng.random() < 0.5:
            drop_ko = set(rng.sample(run, rng.randint(1, 2)))
        if rng.random() < 0.3:
            drop_en = {rng.choice([i for i in run if i not in drop_ko])}
        en_lines = [i for i in run if i not in drop_en]
        ko_lines = [i for i in run if i not in drop_ko]
        en_src = [("pair", i) for i in en_lines]
        if rng.random() < 0.3:
            size = rng.randint(2, 4)
            while True:  # a block from elsewhere in the split, not overlapping this run
                start = rng.randrange(0, len(en_all) - size)
                if start + size <= run[0] - 20 or start >= run[-1] + 20:
                    break
            block = [("extra", i) for i in range(start, start + size) if en_all[i]]
            at = rng.randint(0, len(en_src))
            en_src = en_src[:at] + block + en_src[at:]
        en_text = [en_all[i] for _, i in en_src]
        ko_text = [ko_all[i] for i in ko_lines]
        segment = _sentences if units == "sentences" else _line_units
        en_sents, en_cover, en_strict = segment(en_text, "en", rng)
        ko_analyses: dict = {}
        ko_sents, ko_cover, ko_strict = segment(ko_text, "ko", rng, ko_analyses)
        ko_pos = {i: p for p, i in enumerate(ko_lines)}
        gold: set[tuple[frozenset[int], frozenset[int]]] = set()
        for p, (kind, i) in enumerate(en_src):
            if kind == "pair" and i in ko_pos:
                gold.add((frozenset({p}), frozenset({ko_pos[i]})))
            else:
                gold.add((frozenset({p}), frozenset()))
        en_set = {i for kind, i in en_src if kind == "pair"}
        for i, p in ko_pos.items():
            if i not in en_set:
                gold.add((frozenset(), frozenset({p})))
        articles.append(PseudoArticle(en_sents, ko_sents, en_cover, ko_cover, en_strict, ko_strict, gold, ko_analyses))
    return articles


def line_components(art: PseudoArticle, beads: list[Bead], strict: bool = False) -> list[tuple[frozenset[int], frozenset[int]]]:
    """Predicted sentence beads -> the line-level bead each belongs to: lines joined by any
    bead form one bead. Each sentence stands for its majority line (strict=True: for every
    line it overlaps). Returns one line bead per predicted bead, in order."""
    en_line = art.en_lines_strict if strict else art.en_line
    ko_line = art.ko_lines_strict if strict else art.ko_line
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_nodes = []
    for bead in beads:
        nodes = [("e", ln) for i in bead.en for ln in en_line[i]]
        nodes += [("k", ln) for j in bead.ko for ln in ko_line[j]]
        for a in nodes:
            find(a)
        for a in nodes[1:]:
            parent[find(a)] = find(nodes[0])
        first_nodes.append(nodes[0])
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for node in list(parent):
        e, k = groups.setdefault(find(node), (set(), set()))
        (e if node[0] == "e" else k).add(node[1])
    return [(frozenset(groups[find(x)][0]), frozenset(groups[find(x)][1])) for x in first_nodes]


def line_beads(art: PseudoArticle, alignment: Alignment, strict: bool = False) -> set[tuple[frozenset[int], frozenset[int]]]:
    """Predicted sentence beads -> the set of line-level beads (see line_components)."""
    return set(line_components(art, alignment.beads, strict))


# ------------------------------------------------------------------ Gale-Church baseline
GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}


def _norm_cdf(z: float) -> float:
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


def gale_church(en: list[Sentence], ko: list[Sentence], c: float, s2: float) -> Alignment:
    """Gale & Church (1993): length-only DP with their bead priors; c, s2 fitted on dev lines."""
    le = [len(s.text) for s in en]
    lk = [len(s.text) for s in ko]
    n, m = len(le), len(lk)
    INF = float("inf")
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for (di, dj), prior in GC_PRIORS.items():
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or cost[pi][pj] == INF:
                    continue
                x, y = sum(lk[pj:j]), sum(le[pi:i])  # source Korean, target English
                mean = (x + y / c) / 2
                if mean > 0:
                    delta = (y - x * c) / math.sqrt(mean * s2) if mean else 0.0
                    p = max(2 * (1 - _norm_cdf(abs(delta))), 1e-300)
                else:
                    p = 1.0
                total = cost[pi][pj] - math.log(prior) - math.log(p)
                if total < cost[i][j]:
                    cost[i][j], back[i][j] = total, (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return Alignment(beads[::-1])


def fit_length_model() -> tuple[float, float]:
    """Gale-Church c and s2 from the dev split's line pairs (chars per char, variance per char)."""
    en_path, ko_path = SPLITS["dev"]
    en = [_norm(x) for x in (CORPORA / en_path).read_text(encoding="utf-8").splitlines()]
    ko = [_norm(x) for x in (CORPORA / ko_path).read_text(encoding="utf-8").splitlines()]
    pairs = [(len(e), len(k)) for e, k in zip(en, ko) if e and k]
    c = sum(e for e, _ in pairs) / sum(k for _, k in pairs)
    s2 = sum((e - c * k) ** 2 / k for e, k in pairs) / len(pairs) / c
    return c, s2


# ------------------------------------------------------------------ scoring
@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, pred: set, gold: set) -> None:
        self.tp += len(pred & gold)
        self.pred += len(pred)
        self.gold += len(gold)

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self, name: str) -> str:
        return f"  {name:<34} P={self.p:.3f} R={self.r:.3f} F1={self.f1:.3f}"


def evaluate(
    split: str, limit: int | None = None, learn: bool = True, quiet: bool = False, units: str = "sentences",
    user_lexicon: Path | None = None,
) -> dict:
    """Run both systems on one split; returns the scores and timings."""
    kiwi()
    split_korean("준비.")  # model loaded before any timing
    lexicon = load_lexicon(user_lexicon)
    c, s2 = fit_length_model()
    t0 = time.perf_counter()
    articles = make_articles(split, limit, units=units)
    t_seg = time.perf_counter() - t0
    gc, tp1 = Score(), Score()
    t0 = time.perf_counter()
    first = []
    for a in articles:
        with provided_tokens(a.ko_analyses):
            first.append(align(a.en, a.ko, lexicon))
    t_align = time.perf_counter() - t0
    learner = LexiconLearner(known=lexicon)
    for a, al in zip(articles, first):
        tp1.add(line_beads(a, al), a.gold)
        with provided_tokens(a.ko_analyses):
            learner.observe(a.en, a.ko, al)
        gc.add(line_beads(a, gale_church(a.en, a.ko, c, s2)), a.gold)
    result = {"split": split if units == "sentences" else f"{split}, line units", "articles": len(articles), "gc": gc, "pass1": tp1,
              "seg_s": t_seg, "align_s": t_align}
    if learn:
        t0 = time.perf_counter()
        pairs = learner.pairs()
        lex2 = lexicon.extended(pairs)
        tp2 = Score()
        for a in articles:
            with provided_tokens(a.ko_analyses):
                tp2.add(line_beads(a, align(a.en, a.ko, lex2)), a.gold)
        result.update(pass2=tp2, learned=len(pairs), align2_s=time.perf_counter() - t0)
    if not quiet:
        _print(result)
    return result


def _print(r: dict) -> None:
    gc = r["gc"]
    n = r["articles"]
    print(f"[{r['split']}] {n} pseudo-articles, {gc.gold} gold line beads")
    print(gc.row("Gale-Church (baseline)"))
    for key, name in (("pass1", "transprov, built-in lexicon"), ("pass2", f"transprov, + {r.get('learned', 0)} learned pairs")):
        if key in r:
            s = r[key]
            ratio = s.f1 / gc.f1 if gc.f1 else float("inf")
            print(s.row(name) + f"  ratio F1/GC={ratio:.2f}x")
    print(f"  speed: segmentation {n / r['seg_s']:.1f} articles/s; alignment {n / r['align_s']:.1f} articles/s; "
          f"segmentation+alignment {n / (r['seg_s'] + r['align_s']):.1f} articles/s (one core, after model load)")


# ------------------------------------------------------------------ rewrite fixtures
def rewrite_pairs() -> dict[str, list[tuple[str, Path, Path, Path]]]:
    """Hand-aligned rewrites by set: (name, en, ko, gold) each; the seed is one set of its own."""
    fixtures = REPO / "fixtures"
    sets = {
        "seed": [("seed", fixtures / "seed" / "en.txt", fixtures / "seed" / "ko.txt", fixtures / "seed" / "gold.tsv")],
        "corpus pairs": [(g.stem, fixtures / "corpus" / g.stem / "en.txt", fixtures / "corpus" / g.stem / "ko.txt", g)
                         for g in sorted((fixtures / "gold").glob("*.tsv"))],
        "rewrites": [(d.name, d / "en.txt", d / "ko.txt", d / "gold.tsv")
                     for d in sorted((fixtures / "rewrites").iterdir()) if (d / "gold.tsv").is_file()],
    }
    return {name: pairs for name, pairs in sets.items() if pairs}


def read_gold(path: Path) -> set:
    gold = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():  # -sig: a BOM is no part of the first bead
        if not line.strip() or line.startswith("#"):
            continue
        e, _, k = line.partition("\t")
        gold.add((frozenset(e.split()), frozenset(k.split())))
    return gold


def find_pairs(root: Path) -> list[tuple[str, Path, Path, Path]]:
    """Every folder at or under `root` holding en.txt, ko.txt and gold.tsv (symlinks followed),
    as (name, en, ko, gold), sorted by name."""
    found = []
    for folder in sorted({p.parent for p in root.glob("**/gold.tsv")} | {p.parent for p in root.glob("*/gold.tsv")}):
        if (folder / "en.txt").is_file() and (folder / "ko.txt").is_file():
            found.append((folder.name, folder / "en.txt", folder / "ko.txt", folder / "gold.tsv"))
    return sorted(found)


@dataclass
class PairResult:
    """One hand-aligned pair, aligned: predicted and gold beads as id sets, with the predicted certs."""

    name: str
    gold: set
    predicted: dict  # bead (en ids, ko ids) -> cert
    baseline: set


def align_pairs(pairs: list[tuple[str, Path, Path, Path]], lexicon=None, params=None) -> list[PairResult]:
    """Align each pair (read and segmented as the product does) with transprov and Gale-Church."""
    from toolkit.ingest import read_article
    from toolkit.segment import article_analyses, segment_article

    c, s2 = fit_length_model() if CORPORA.is_dir() else (2.02, 12.8)
    lexicon = lexicon if lexicon is not None else load_lexicon()
    results = []
    for name, en_path, ko_path, gold_path in pairs:
        en = segment_article(read_article(en_path)).sentences
        ko_article = segment_article(read_article(ko_path))
        ko = ko_article.sentences

        def key(b: Bead) -> tuple:
            return frozenset(en[i].id for i in b.en), frozenset(ko[j].id for j in b.ko)

        gold = read_gold(gold_path)
        unknown = sorted({i for e, k in gold for i in e | k} - {s.id for s in en + ko})
        if unknown:  # gold written for another segmentation would be scored low without a word
            sys.exit(f"error: {gold_path}: {', '.join(unknown)} not among the sentences as segmented now "
                     "(renumber the gold after a segmentation change)")
        with provided_tokens(article_analyses(ko_article)):  # as a build reads them
            predicted = {key(b): b.cert for b in align(en, ko, lexicon, params).beads}
        baseline = {key(b) for b in gale_church(en, ko, c, s2).beads}
        results.append(PairResult(name, gold, predicted, baseline))
    return results


def report_pairs(title: str, results: list[PairResult], verbose: bool = False) -> tuple[Score, Score]:
    """Strict bead P/R/F1 pooled over the pairs (and per pair when verbose); returns (baseline, ours)."""
    ours, base = Score(), Score()
    for r in results:
        one = Score()
        one.add(set(r.predicted), r.gold)
        ours.add(set(r.predicted), r.gold)
        base.add(r.baseline, r.gold)
        if verbose:
            print(one.row(f"  {r.name}"))
    _print_pair(f"[{title}] {len(results)} articles, {base.gold} gold beads", base, ours)
    judged = [(cert, bead in r.gold) for r in results for bead, cert in r.predicted.items()]
    if judged:
        from calibrate import reliability

        _, ece = reliability(judged)
        high = [right for cert, right in judged if cert >= 0.95]
        print(f"  calibration: ECE {ece:.3f} over {len(judged)} predicted beads; cert >= 0.95: {len(high)} beads, "
              f"{sum(high) / len(high) if high else 0:.3f} right")
    return base, ours


# ------------------------------------------------------------------ number and name checks
def _planted_number(english: str, korean: str) -> str | None:
    """The Korean text with one number both sides state changed to a value neither states
    (its last digit replaced, so a year stays a year), or None when no number is shared."""
    from toolkit.align.numbers import quantities_in_english, quantities_in_korean

    en = {(q.kind, q.value) for q in quantities_in_english(english)}
    ko_all = {(q.kind, q.value) for q in quantities_in_korean(korean)}
    for q in quantities_in_korean(korean):
        last = max((k for k in range(q.start, q.end) if korean[k].isdigit()), default=None)
        if q.conversion or (q.kind, q.value) not in en or last is None:
            continue
        for digit in "5739":
            changed = korean[:last] + digit + korean[last + 1:]
            new = {(x.kind, x.value) for x in quantities_in_korean(changed)} - ko_all
            if new and not new & en:
                return changed
    return None


def _planted_name(english: str, korean: str) -> str | None:
    """The Korean text with the surname of one personal name both sides state changed to
    another surname (박, or 최 for a 박), or None. A name the English spells in full is
    preferred to one whose surname alone it shares (이재명 for "Lee Jae Myung", not 이시바);
    every mention of the name is changed (a changed person, not a second person beside the
    first), where it starts a word (조 씨, not the 조 of 조선족)."""
    from toolkit.metrics.checks import (english_name_candidates, english_surname_mentions, korean_name_candidates,
                                        korean_surname_mentions)
    from toolkit.names import name_score

    en_full = english_name_candidates(english)
    en = en_full | english_surname_mentions(english)
    names = sorted(korean_surname_mentions(korean)) + sorted(korean_name_candidates(korean, en_full))
    full = [n for n in names if any(name_score(n, e) >= 0.8 for e in en)]
    by_surname = [n for n in names if any(name_score(n[0], e.split()[0]) >= 0.8 for e in en)]
    for name in full + by_surname:
        mention = re.compile(rf"(?<![가-힣]){re.escape(name)}" + ("(?![가-힣])" if len(name) == 1 else ""))
        changed = mention.sub(("박" if name[0] != "박" else "최") + name[1:], korean)
        return changed if changed != korean else None
    return None


def check_report(pairs: list[tuple[str, Path, Path, Path]]) -> None:
    """Precision and recall of the number and name checks on the gold beads of `pairs`.

    Unchanged gold beads: a flag is a false alarm unless the pair's optional `flags.tsv`
    lists it (a real discrepancy of the translation, `en_ids<TAB>ko_ids<TAB>flag`).
    Planted: in every gold bead whose both sides the check compares, one Korean number
    (or the surname of one Korean name) is changed; the check must flag it.
    """
    from toolkit.ingest import read_article
    from toolkit.metrics.checks import check_names, check_numbers
    from toolkit.segment import article_analyses, segment_article

    for label, check, plant in (("number", check_numbers, _planted_number), ("name", check_names, _planted_name)):
        beads = checked = true_flags = false_flags = planted = caught = 0
        alarms = []
        for name, en_path, ko_path, gold_path in pairs:
            en = {s.id: s.text for s in segment_article(read_article(en_path)).sentences}
            ko_article = segment_article(read_article(ko_path))
            ko = {s.id: s.text for s in ko_article.sentences}
            analyses = article_analyses(ko_article)  # as a build reads them
            expected = set()
            flags_file = gold_path.parent / "flags.tsv"
            if flags_file.is_file():
                expected = {tuple(line.split("\t")[:2]) for line in flags_file.read_text(encoding="utf-8").splitlines()
                            if line.strip() and not line.startswith("#")}
            for e_ids, k_ids in read_gold(gold_path):
                if not e_ids or not k_ids:
                    continue
                e_text = " ".join(en[i] for i in sorted(e_ids, key=lambda x: int(x[4:])))
                k_text = " ".join(ko[j] for j in sorted(k_ids, key=lambda x: int(x[4:])))
                beads += 1
                with provided_tokens(analyses):
                    result = check(e_text, k_text)
                checked += result.checked
                if result.agree is False:
                    key = (" ".join(sorted(e_ids, key=lambda x: int(x[4:]))), " ".join(sorted(k_ids, key=lambda x: int(x[4:]))))
                    if key in expected:
                        true_flags += 1
                    else:
                        false_flags += 1
                        alarms.append(f"{name} {key[0]}/{key[1]}: {', '.join(result.differences)}")
                if result.checked:
                    changed = plant(e_text, k_text)
                    if changed is not None:
                        planted += 1
                        caught += check(e_text, changed).agree is False
        precision = (caught + true_flags) / (caught + true_flags + false_flags) if caught + true_flags + false_flags else 0.0
        recall = caught / planted if planted else 0.0
        print(f"  {label} check: {beads} two-sided gold beads, {checked} checked; unchanged beads flagged: "
              f"{true_flags} real discrepancies, {false_flags} false alarms; planted changes caught {caught}/{planted}; "
              f"precision {precision:.3f}, recall {recall:.3f}")
        for alarm in sorted(alarms):  # gold is a set: its order follows the hash seed
            print(f"    false alarm: {alarm}")


def rewrite_fixtures(verbose: bool = False) -> None:
    """Strict bead P/R/F1 at sentence level on the hand-aligned rewrites, pooled per set."""
    lexicon = load_lexicon()
    everything_ours, everything_base = Score(), Score()
    for set_name, pairs in rewrite_pairs().items():
        base, ours = report_pairs(set_name, align_pairs(pairs, lexicon), verbose)
        for total, part in ((everything_ours, ours), (everything_base, base)):
            total.tp, total.pred, total.gold = total.tp + part.tp, total.pred + part.pred, total.gold + part.gold
    _print_pair("[all rewrites, pooled]", everything_base, everything_ours)


def _print_pair(title: str, base: Score, ours: Score) -> None:
    print(title)
    print(base.row("Gale-Church (baseline)"))
    ratio = ours.f1 / base.f1 if base.f1 else float("inf")
    print(ours.row("transprov") + f"  ratio F1/GC={ratio:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "ted", "report", "rewrites"], default="report",
                    help="'report' (default) runs test, ted and the seed fixture; dev is for tuning")
    ap.add_argument("--limit", type=int, default=None, help="at most this many pseudo-articles per split")
    ap.add_argument("--no-learn", action="store_true", help="skip the second pass with corpus-learned pairs")
    ap.add_argument("--units", choices=["sentences", "lines", "both"], default="sentences",
                    help="sentence-split each side (default) or align whole lines as units (see README)")
    ap.add_argument("--lexicon", type=Path, default=None, help="a user lexicon added to the built-in one (ko<TAB>en)")
    ap.add_argument("--pairs", type=Path, action="append", default=None, metavar="DIR",
                    help="hand-aligned pairs kept anywhere (folders of en.txt, ko.txt, gold.tsv); repeatable")
    args = ap.parse_args()
    if args.pairs:
        for root in args.pairs:
            report_pairs(str(root), align_pairs(find_pairs(root), load_lexicon(args.lexicon)), verbose=True)
            check_report(find_pairs(root))
        return
    if args.split == "rewrites":
        rewrite_fixtures(verbose=True)
        return
    if not CORPORA.is_dir():
        sys.exit(f"{CORPORA} is absent: the benchmark needs ../shared/corpora")
    splits = ["test", "ted"] if args.split == "report" else [args.split]
    c, s2 = fit_length_model()
    print(f"seed={SEED}; Gale-Church length model fitted on dev lines: c={c:.3f} s2={s2:.2f}")
    for split in splits:
        for units in (["sentences", "lines"] if args.units == "both" else [args.units]):
            evaluate(split, args.limit, learn=not args.no_learn, units=units, user_lexicon=args.lexicon)
    if args.split in ("report", "rewrites"):
        rewrite_fixtures(verbose=args.split == "rewrites")


if __name__ == "__main__":
    main()
