"""IBM Model 1 by EM with a prior (toolkit.align.wordalign), on made-up sentence pairs."""

from __future__ import annotations

import pytest

from toolkit.align.wordalign import Agreement, WordAligner, train, train_link_model

# Korean units (lexicon keys) against English stems: 보위부 ~ mss, 체포 ~ arrest, 주민 ~ resid
PAIRS = [
    (["보위부", "주민", "체포"], ["mss", "arrest", "resid"]),
    (["보위부", "체포"], ["mss", "arrest"]),
    (["주민", "체포"], ["resid", "arrest"]),
    (["보위부", "조사"], ["mss", "question"]),
    (["주민", "조사"], ["resid", "question"]),
]


def best(model, ko, en):
    post = model.link_posteriors(ko, en)
    return {e: ko[max(range(len(ko)), key=lambda i: row[i])] for e, row in zip(en, post)}


def test_em_learns_translations_from_co_occurrence_alone():
    model = train(PAIRS, iterations=12)
    assert best(model, ["보위부", "주민", "체포"], ["mss", "arrest", "resid"]) == {
        "mss": "보위부", "arrest": "체포", "resid": "주민"}
    # more iterations concentrate t(e | k) on the right word
    assert train(PAIRS, iterations=12).t("보위부", "mss") > train(PAIRS, iterations=1).t("보위부", "mss")


def test_posteriors_are_distributions_with_a_null_column():
    model = train(PAIRS)
    post = model.link_posteriors(["보위부", "체포"], ["mss", "arrest", "unseen"])
    assert len(post) == 3 and all(len(row) == 3 for row in post)
    assert all(sum(row) == pytest.approx(1.0) for row in post)
    # a word the model never saw goes to no Korean unit in particular
    assert post[2][0] == pytest.approx(post[2][1], rel=0.01)


def test_the_prior_decides_where_the_data_cannot():
    # 송환 and 북송 always meet "return" and "repatri" together: only a prior tells them apart
    pairs = [(["송환", "북송"], ["return", "repatri"])] * 3
    prior = {"송환": {"return": 1.0}, "북송": {"repatri": 1.0}}
    model = train(pairs, prior, prior_weight=2.0)
    assert best(model, ["송환", "북송"], ["return", "repatri"]) == {"return": "송환", "repatri": "북송"}
    flat = train(pairs)
    assert flat.t("송환", "return") == pytest.approx(flat.t("송환", "repatri"))


def test_training_is_deterministic():
    a, b = train(PAIRS), train(list(PAIRS))
    assert a.table == b.table


def test_agreement_needs_both_directions():
    model = train_link_model(PAIRS, {"체포": {("arrest",)}})
    assert isinstance(model, Agreement)
    ko, en = ["보위부", "주민", "체포"], ["mss", "arrest", "resid"]
    post = model.link_posteriors(ko, en)
    fwd = model.forward.link_posteriors(ko, en)
    for j in range(len(en)):
        for i in range(len(ko)):  # a geometric mean never exceeds the larger of its two factors
            assert post[j][i] <= max(fwd[j][i], 1.0) + 1e-9
    assert post[en.index("arrest")][ko.index("체포")] > 0.5


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
    assert len(post) == 1 and len(post[0]) == 2
    assert isinstance(model.forward, WordAligner)
