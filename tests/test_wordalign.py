"""IBM Model 1 by EM, MAP-trained with a prior for terminology (toolkit.align.wordalign), on
made-up sentence pairs (the plain model of `lexicon learn`: tests/test_lexicon_learn.py)."""

from __future__ import annotations

from itertools import product

import pytest

from toolkit.align.wordalign import WordAligner, train_link_model

# Korean units (lexicon keys) against English stems: 보위부 ~ mss, 체포 ~ arrest, 주민 ~ resid
PAIRS = [
    (["보위부", "주민", "체포"], ["mss", "arrest", "resid"]),
    (["보위부", "체포"], ["mss", "arrest"]),
    (["주민", "체포"], ["resid", "arrest"]),
    (["보위부", "조사"], ["mss", "question"]),
    (["주민", "조사"], ["resid", "question"]),
]


def train(pairs, prior=None, iterations=5, **options):
    return WordAligner(iterations, **options).train(pairs, prior)


def forward(model, ko, en):
    """The forward direction's posteriors alone: P(English word j translates Korean word i)."""
    rows = []
    for e in en:
        scores = [model.t.get((k, e), model.t_unseen.get(k, 0.0)) for k in ko]
        scores.append(model.t.get(("", e), model.t_unseen.get("", 0.0)))
        rows.append([x / sum(scores) for x in scores])
    return rows


def best(model, ko, en):
    post = model.link_posteriors(ko, en)
    return {e: ko[max(range(len(ko)), key=lambda i: row[i])] for e, row in zip(en, post)}


def test_em_learns_translations_from_co_occurrence_alone():
    model = train(PAIRS, iterations=12)
    assert best(model, ["보위부", "주민", "체포"], ["mss", "arrest", "resid"]) == {
        "mss": "보위부", "arrest": "체포", "resid": "주민"}
    # more iterations concentrate t(e | k) on the right word
    assert model.t[("보위부", "mss")] > train(PAIRS, iterations=2).t[("보위부", "mss")]


def test_posteriors_have_a_null_column_and_never_exceed_either_direction():
    model = train(PAIRS, smoothing=0.5)
    ko, en = ["보위부", "체포"], ["mss", "arrest", "unseen"]
    post = model.link_posteriors(ko, en)
    assert len(post) == 3 and all(len(row) == 3 for row in post)
    fwd = forward(model, ko, en)
    assert all(sum(row) == pytest.approx(1.0) for row in fwd)
    for j in range(len(en)):  # a geometric mean never exceeds the larger of its two factors
        assert all(post[j][i] <= max(fwd[j][i], 1.0) + 1e-9 for i in range(len(ko)))
    # a word the model never saw goes to no Korean word in particular
    assert post[2][0] == pytest.approx(post[2][1], rel=0.05)


def test_the_prior_decides_where_the_data_cannot():
    # 송환 and 북송 always meet "return" and "repatri" together: only a prior tells them apart
    pairs = [(["송환", "북송"], ["return", "repatri"])] * 3
    prior = {"송환": {"return": 1.0}, "북송": {"repatri": 1.0}}
    model = train(pairs, prior, prior_weight=2.0)
    assert best(model, ["송환", "북송"], ["return", "repatri"]) == {"return": "송환", "repatri": "북송"}
    flat = train(pairs)
    assert flat.t[("송환", "return")] == pytest.approx(flat.t[("송환", "repatri")])


def test_training_is_deterministic_and_plain_em_without_a_prior():
    a, b = train(PAIRS, smoothing=0.5), train(list(PAIRS), smoothing=0.5)
    assert a.t == b.t and a.r == b.r
    # no prior, no smoothing: maximum likelihood, t(.|k) a distribution over what k met
    plain = train(PAIRS)
    assert sum(p for (k, _), p in plain.t.items() if k == "보위부") == pytest.approx(1.0)
    assert plain.t_unseen == {}


def test_the_terminology_model_links_what_both_directions_agree_on():
    model = train_link_model(PAIRS, {"체포": {("arrest",)}})
    ko, en = ["보위부", "주민", "체포"], ["mss", "arrest", "resid"]
    post = model.link_posteriors(ko, en)
    assert post[en.index("arrest")][ko.index("체포")] > 0.5
    # the lexicon API of `lexicon learn` still works on it
    assert (ko.index("체포"), en.index("arrest")) in model.links(ko, en)


def test_a_lexicon_prior_and_acronym_aliases():
    pairs = [(["보위부", "주민"], ["mss", "resid"]), (["보위부"], ["minist", "state", "secur"])]
    entries = {"보위부": {("state", "secur", "depart")}, "주민": {("resid",)}}
    model = train_link_model(pairs, entries, aliases={"mss": [("minist", "state", "secur")]})
    # MSS shares in 보위부's prior through its expansion: it is not left to 주민
    assert best(model, ["보위부", "주민"], ["mss", "resid"]) == {"mss": "보위부", "resid": "주민"}


def test_a_loanword_that_sounds_alike_needs_no_lexicon():
    pairs = [(["스마트폰", "주민"], ["smartp", "resid"]), (["주민"], ["resid"])]
    model = train_link_model(pairs, {"주민": {("resid",)}}, surface={"smartp": "smartphones", "resid": "residents"})
    assert best(model, ["스마트폰", "주민"], ["smartp", "resid"])["smartp"] == "스마트폰"


def test_an_empty_archive_gives_a_model_that_still_answers():
    model = train_link_model([], None)
    post = model.link_posteriors(["보위부"], ["mss"])
    assert len(post) == 1 and len(post[0]) == 2 and post[0][-1] == 1.0
    assert model.entries() == []


def test_a_korean_word_written_twice_keeps_its_whole_share_in_each_place():
    model = train_link_model(PAIRS, {"주민": {("resid",)}})
    once = model.link_posteriors(["주민", "체포"], ["resid", "arrest"])
    twice = model.link_posteriors(["주민", "체포", "주민"], ["resid", "arrest"])
    # both places of 주민 hold the same share, not half of it each: at least what one place had
    assert twice[0][0] == pytest.approx(twice[0][2])
    assert twice[0][0] >= once[0][0] - 1e-9
    assert twice[1][1] == pytest.approx(model.link_posteriors(["체포", "주민"], ["resid", "arrest"])[1][0], rel=0.2)


def test_the_model_says_which_korean_words_training_met():
    model = train_link_model(PAIRS, {"체포": {("arrest",)}})
    assert model.knows("체포") and not model.knows("시험발사")
    assert not train_link_model([], None).knows("체포")


def test_pair_table_matrix_reads_each_cell_as_the_mapping_does():
    """matrix() finds each (source, target) by its code: an unknown target must not read the code
    just before its source's row (the previous source's last target), an unknown source none."""
    import numpy as np

    from toolkit.align.wordalign import PairTable

    sources, targets = {"a": 0, "b": 1, "c": 2}, {"x": 0, "y": 1, "z": 2}
    cells = {("a", "z"): 0.5, ("b", "x"): 0.25, ("b", "z"): 0.125, ("c", "y"): 0.75, ("c", "z"): 0.0625}
    codes = sorted(sources[s] * 3 + targets[t] for s, t in cells)
    values = [cells[next(k for k in cells if sources[k[0]] * 3 + targets[k[1]] == c)] for c in codes]
    table = PairTable(sources, targets, np.array(codes, dtype=np.int64), np.array(values, dtype=np.float32))
    rows, columns = ["b", "new", "c", "a"], ["x", "unseen", "z", "y"]
    default = [0.01, 0.02, 0.03, 0.04]
    got = table.matrix(rows, columns, default)
    assert got.tolist() == [[cells.get((s, t), default[i]) for t in columns] for i, s in enumerate(rows)]
    assert got[0, 1] == 0.01  # ('b', unseen): not ('a', 'z'), whose code is b's first code less one
    assert table.matrix([], columns, []).shape == (0, 4)


def _posteriors_by_hand(model, ko: list[str], en: list[str]) -> list[list[float]]:
    """link_posteriors' definition cell by cell from the tables as mappings (no numpy), to check
    the array path against something it does not itself compute."""
    from math import sqrt

    from toolkit.align.wordalign import NULL

    def shares(table, unseen, sources, targets):  # P(target j from source i), NULL last; a word's places summed
        out = []
        for t in targets:
            scores = [table.get((s, t), unseen.get(s, 0.0)) for s in sources] + \
                [table.get((NULL, t), unseen.get(NULL, 0.0)) * model.null_weight]
            total = sum(scores)
            out.append([x / total for x in scores] if total > 0 else [0.0] * len(sources) + [1.0])
        return [[sum(row[k] for k, w in enumerate(sources) if w == s) for s in sources] + [row[-1]] for row in out]

    fwd = shares(model.t, model.t_unseen, ko, en)   # per English word: its Korean sources, NULL last
    bwd = shares(model.r, model.r_unseen, en, ko)   # per Korean word: its English sources
    return [[sqrt(fwd[j][i] * bwd[i][j]) for i in range(len(ko))] + [fwd[j][-1]] for j in range(len(en))]


def test_posterior_array_is_link_posteriors():
    """The array (which the terms rows keep) and the lists both say what link_posteriors'
    docstring defines, computed here from the tables by hand: a repeated word, an unseen one, no English."""
    for model, (ko, en) in product((train(PAIRS, iterations=5), train(PAIRS, iterations=5, null_weight=0.5)),
                                   ((["보위부", "주민", "체포"], ["mss", "arrest", "resid"]), (["주민", "없는말", "주민"], ["resid", "arrest"]),
                                    (["보위부"], ["unseen", "mss", "mss"]), (["체포"], []), ([], ["mss"]))):
        array = model.link_posterior_array(ko, en)
        assert array.dtype == float and array.tolist() == model.link_posteriors(ko, en)
        assert array.shape == ((len(en), len(ko) + 1) if en else (0,))
        for got, expected in zip(array.tolist(), _posteriors_by_hand(model, ko, en)):
            assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)


def _posteriors_one_pair(model, ko: list[str], en: list[str]):
    """One pair's posterior array as numpy computes it for that pair alone: each matrix summed down
    its rows by numpy (pairwise for a one-column matrix), a repeated word's rows added in place
    order. The batched arrays must be these floats exactly, or the terms tables would move."""
    import numpy as np

    from toolkit.align.wordalign import NULL, PairTable

    if not en:
        return np.empty(0)

    def posterior(table, unseen, sources, targets):
        if not isinstance(table, PairTable):
            scores = np.zeros((len(sources) + 1, len(targets)))
        else:
            srcs = [*sources, NULL]
            scores = table.matrix(srcs, targets, [unseen.get(s, 0.0) for s in srcs])
            scores[-1] *= model.null_weight
        total = scores.sum(axis=0)
        out = np.divide(scores, total, out=np.zeros_like(scores), where=total > 0)
        out[-1][total <= 0] = 1.0
        return out

    def summed(shares, words):
        ids = {w: n for n, w in enumerate(dict.fromkeys(words))}
        places = np.array([ids[w] for w in words], dtype=np.int64)
        by_word = np.zeros((len(ids), shares.shape[1]))
        np.add.at(by_word, places, shares)
        return by_word[places]

    fwd = posterior(model.t, model.t_unseen, ko, en)
    bwd = posterior(model.r, model.r_unseen, en, ko)[:-1]
    return np.hstack([np.sqrt(summed(fwd[:-1], ko).T * summed(bwd, en)), fwd[-1][:, None]])


def test_batched_posteriors_are_each_pairs_own_floats():
    """link_posterior_arrays computes many pairs in one pass; every cell must be the float the pair
    alone gives, to the last bit: one English word against eight Korean words or more (numpy sums
    such a column pairwise), one Korean word, none, no English, words repeated on either side,
    unseen words, a NULL weight, and a model never trained."""
    import random

    rng = random.Random(7)
    ko_words = ["보위부", "주민", "체포", "조사", "국경", "밀수", "단속", "당국", "탈북", "장마당", "휴대폰", "송금",
                "중국", "군인", "간부", "뇌물", "식량", "가격", "없는말"]
    en_words = ["mss", "resid", "arrest", "question", "border", "smuggl", "crackdown", "author", "defect", "market",
                "phone", "remitt", "china", "soldier", "official", "brib", "food", "pric", "unseen"]
    corpus = [([rng.choice(ko_words[:-1]) for _ in range(rng.randint(1, 8))],
               [rng.choice(en_words[:-1]) for _ in range(rng.randint(1, 8))]) for _ in range(120)]
    models = [train_link_model(corpus, {"보위부": [("mss",)], "체포": [("arrest",)]}),
              WordAligner(4, null_weight=0.5).train(corpus), WordAligner()]
    shapes = [(rng.randint(0, 12), rng.randint(0, 5)) for _ in range(40)] + [(rng.randint(8, 16), 1) for _ in range(30)] \
        + [(1, rng.randint(8, 16)) for _ in range(30)] + [(0, 3), (3, 0)]
    pairs = [([rng.choice(ko_words) for _ in range(k)], [rng.choice(en_words) for _ in range(e)]) for k, e in shapes]
    for model in models:
        for batch in (pairs, pairs[::-1][:7], pairs[-5:-4]):
            got = model.link_posterior_arrays(batch)
            assert len(got) == len(batch)
            for (ko, en), array in zip(batch, got):
                expected = _posteriors_one_pair(model, ko, en)
                assert array.shape == expected.shape and array.tobytes() == expected.tobytes(), (ko, en)


def test_em_cells_are_each_pairs_target_by_source_grid():
    """The EM's cells of a run of pairs, made from flat id arrays, are each pair's (target, source)
    grid row by row (sources with NULL last), rows numbered over the run: the order in which
    the E-step adds, so the trained tables stay the same floats."""
    import numpy as np

    from toolkit.align.wordalign import _cells

    pairs = [([3, 1, 0], [2, 5]), ([0], [4]), ([7, 7, 2, 0], [1, 1, 3]), ([2, 0], [6])]
    s_flat = np.array([x for s, _ in pairs for x in s], dtype=np.int64)
    t_flat = np.array([x for _, t in pairs for x in t], dtype=np.int64)
    s_len = np.array([len(s) for s, _ in pairs], dtype=np.int64)
    t_len = np.array([len(t) for _, t in pairs], dtype=np.int64)
    s_start, t_start = np.cumsum(s_len) - s_len, np.cumsum(t_len) - t_len
    width = 10
    for first, last in ((0, 4), (1, 3), (2, 4), (3, 4)):
        codes, rows, n_rows = _cells(s_flat, s_len, s_start, t_flat, t_len, t_start, width, first, last)
        part = pairs[first:last]
        assert codes.tolist() == [t + s * width for src, tgt in part for t in tgt for s in src]
        assert rows.tolist() == [r for r, s in enumerate(s for src, tgt in part for _ in tgt for s in [src])
                                 for _ in s]
        assert n_rows == sum(len(t) for _, t in part)


def test_em_tables_do_not_depend_on_which_chunks_are_kept(monkeypatch):
    """Chunks kept between iterations are looked up in sorted order, the others as they come: both
    must give the same pair of each cell, so the tables are the same floats either way."""
    import numpy as np

    import toolkit.align.wordalign as wordalign

    pairs = PAIRS * 4 + [(["주민", "국경", "밀수"], ["resid", "border", "smuggl"]), (["단속"], ["crackdown"])]

    def tables():
        model = train_link_model(pairs, {"체포": [("arrest",)]})
        return [(t.codes.tobytes(), t.values.tobytes()) for t in (model.t, model.r)], model.t_unseen

    kept = tables()
    monkeypatch.setattr(wordalign, "CHUNK_CELLS", 20)
    chunked = tables()
    monkeypatch.setattr(wordalign, "CACHE_CELLS", 0)
    assert tables() == chunked  # none kept: the same floats as every chunk kept
    assert np.allclose(np.frombuffer(chunked[0][0][1], dtype=np.float32), np.frombuffer(kept[0][0][1], dtype=np.float32))


def test_shares_are_the_guarded_division():
    """_shares skips the guard when no total is 0: the same floats as the guarded division, with
    zero totals (their shares 0) or without."""
    import numpy as np

    from toolkit.align.wordalign import _shares

    rng = np.random.default_rng(3)
    for zeros in (0.0, 0.3):
        values, totals = rng.random(200), rng.random(200)
        totals[rng.random(200) < zeros] = 0.0
        expected = np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)
        assert _shares(values, totals).tobytes() == expected.tobytes()
    assert _shares(np.ones(3), np.array([2.0, 0.0, 4.0])).tolist() == [0.5, 0.0, 0.25]
