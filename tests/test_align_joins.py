"""Issue 9: the refused-split model (toolkit/align/joins.py) that joins an unaligned sentence
beside a link to it. Texts are made up for these tests."""

from __future__ import annotations

import pytest

from toolkit.align import Params, align, load_lexicon
from toolkit.align.dp import Aligner
from toolkit.align.joins import join_candidates, join_features, join_probability, join_splits
from toolkit.align.scoring import en_features, ko_features
from toolkit.model import Sentence

KO = ["국경 밀수가 막힌 가운데 함경북도 청진시 수남시장에서 지난주 쌀값이 1kg당 7천원까지 치솟으면서 "
      "돈 없는 주민들은 아예 장마당에 나오지 않는다고 현지 소식통이 전했다.",
      "소식통은 \"당국이 단속에 나섰지만 효과가 없다\"고 말했다."]
EN = ["Rice at Sunam Market in Chongjin reached 7,000 won per kilogram last week, a local source said.",
      "Poorer residents no longer show up at the stalls.",
      "\"The authorities have launched a crackdown, but it has no effect,\" the source said."]
UNRELATED = "Heavy snow fell across the northern mountains overnight."


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _aligner(en: list[str], en_paragraphs: list[int], lexicon) -> Aligner:
    return Aligner([en_features(t) for t in en], [ko_features(t, lexicon) for t in KO], Params(join_split=None),
                   paragraphs=(en_paragraphs, list(range(len(KO)))))


def _p(aligner: Aligner) -> tuple[list, float]:
    path = aligner.path()
    (_, k, english), = join_candidates(aligner, path, 0)
    return path, join_probability(join_features(aligner, path, path[0], k, english))


def test_the_search_refuses_the_split_and_leaves_its_second_sentence_unaligned(lexicon) -> None:
    """The second English sentence restates the Korean's last clause in words the lexicon does
    not tie to it: the search gives a 1-1 link and an addition, the case the model is for."""
    assert _aligner(EN, [0, 0, 1], lexicon).path() == [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]


def test_a_sentence_in_the_links_paragraph_is_likelier_part_of_it(lexicon) -> None:
    """Translators keep a split in its paragraph; a writer's addition often starts one."""
    _, together = _p(_aligner(EN, [0, 0, 1], lexicon))
    _, apart = _p(_aligner(EN, [0, 1, 2], lexicon))
    assert together > apart + 0.2


def test_join_splits_grows_the_link_by_a_likely_part_only(lexicon) -> None:
    aligner = _aligner(EN, [0, 0, 1], lexicon)
    path, p = _p(aligner)
    assert join_splits(aligner, path, p - 0.01) == [(0, 2, 0, 1), (2, 3, 1, 2)]
    assert join_splits(aligner, path, p + 0.01) == path


def test_a_sentence_sharing_nothing_with_the_link_is_never_joined(lexicon) -> None:
    """As everywhere in the aligner, no word, name or number in common: no candidate at all."""
    aligner = _aligner([EN[0], UNRELATED, EN[2]], [0, 0, 1], lexicon)
    path = aligner.path()
    assert path[1] == (1, 2, 1, 1)
    assert join_candidates(aligner, path, 0) == []
    assert join_splits(aligner, path, 0.0) == path


def test_align_passes_the_paragraphs_to_the_model(lexicon) -> None:
    """align() reads each Sentence's paragraph: with the threshold just under the model's
    probability for the sentence in the link's paragraph, it joins it there and not apart."""
    _, together = _p(_aligner(EN, [0, 0, 1], lexicon))
    params = Params(join_split=together - 0.01)
    ko = [Sentence(f"ko-s{j + 1}", t, "ko", j) for j, t in enumerate(KO)]
    for paragraphs, first in (([0, 0, 1], (0, 1)), ([0, 1, 2], (0,))):
        en = [Sentence(f"en-s{i + 1}", t, "en", p) for i, (t, p) in enumerate(zip(EN, paragraphs))]
        assert align(en, ko, lexicon, params).beads[0].en == first


# A Korean report of a fuel ban with two quotes, told in four English sentences (made up).
FUEL_KO = ["북한 당국이 이달 초부터 평안남도 순천시 일대에서 휘발유 판매를 전면 금지했다고 현지 소식통이 전했다.",
           "소식통은 \"단속반이 매일 시장을 돌며 기름 장사꾼들을 잡아들이고 있다\"고 말했다.",
           "이 소식통은 \"휘발유 값은 벌써 두 배로 뛰었다\"고 덧붙였다."]
FUEL_EN = ["North Korean authorities have banned all gasoline sales around Sunchon in South Pyongan province "
           "since early this month, a local source said.",
           "Inspectors patrol the market every day, the source said.",
           "They are arresting fuel traders at the market, the source added.",
           "The price of gasoline has already doubled, the source said."]


@pytest.mark.parametrize(("path", "expected"), [
    # a 3-2 link: a fourth English sentence (4-2) or a third Korean one (3-3) is past the limit
    ([(0, 3, 0, 2), (3, 4, 2, 2), (4, 4, 2, 3)], [(0, 3, 0, 2), (3, 4, 2, 2), (4, 4, 2, 3)]),
    # 2-2 takes its likelier neighbour (3-2), then neither the Korean one (3-3) nor the next English (4-2)
    ([(0, 2, 0, 2), (2, 2, 2, 3), (2, 3, 3, 3), (3, 4, 3, 3)], [(0, 3, 0, 2), (2, 2, 2, 3), (3, 4, 3, 3)]),
    # 1-3 takes one English sentence (2-3), not two
    ([(0, 1, 0, 3), (1, 2, 3, 3), (2, 3, 3, 3), (3, 4, 3, 3)], [(0, 2, 0, 3), (2, 3, 3, 3), (3, 4, 3, 3)]),
])
def test_a_join_never_grows_a_bead_past_the_shapes_the_search_makes(lexicon, path, expected) -> None:
    """Beads are at most 1-4 / 4-1 and 2-3 / 3-2 (dp.MOVES, the shapes the profile documents):
    a join, at any probability, stops at five sentences. Every sentence here shares `source`
    (소식통) with every Korean one, so only the limit keeps them out."""
    aligner = Aligner([en_features(t) for t in FUEL_EN], [ko_features(t, lexicon) for t in FUEL_KO],
                      Params(join_split=None), paragraphs=([0] * len(FUEL_EN), [0] * len(FUEL_KO)))
    assert join_splits(aligner, path, 0.0) == expected


# One English sentence rendering a fire report and the Korean line after it on the fire's cause (made up).
FIRE_KO = ["평안북도 신의주시 본부동의 한 살림집에서 지난 3일 새벽 불이 나 일가족 5명이 숨졌다고 현지 소식통이 전했다.",
           "불은 아궁이에서 시작된 것으로 알려졌다.",
           "소식통은 \"겨울철만 되면 이런 사고가 끊이지 않는다\"고 말했다."]
FIRE_EN = ["A fire that started in a kitchen stove killed a family of five in a house in Sinuiju's Bonbu district "
           "early on the 3rd, a local source said.",
           "\"Accidents like this happen every winter,\" the source said."]


def test_a_link_grown_by_a_korean_join_keeps_the_evidence_of_the_link_it_grew_from(lexicon) -> None:
    """The search refuses 1-2 here (the second Korean sentence adds one word of its own), so the
    bead a Korean join makes has no score of its own: its confidence must rest on the 1-1 link it
    grew from, as an English-grown link's does, not on the no-evidence score of a lone pair,
    which put this right bead at 0.47, far below the 0.98 of its own 1-1 part."""
    from toolkit.align.confidence import LONE_SCORE, article_context, link_features

    aligner = Aligner([en_features(t) for t in FIRE_EN], [ko_features(t, lexicon) for t in FIRE_KO], Params(),
                      paragraphs=([0, 1], [0, 0, 1]))
    grown, alone = [(0, 1, 0, 2), (1, 2, 2, 3)], [(0, 1, 0, 1), (1, 1, 1, 2), (1, 2, 2, 3)]
    assert aligner.bead_score(*grown[0]) < -1e8  # refused by the search: the case joins.py is for
    features = link_features(aligner, grown[0], article_context(aligner, grown))
    assert features["score"] == pytest.approx(aligner.bead_score(*alone[0])) != LONE_SCORE
    assert features["rescued"] == 0.0
    assert aligner.certify(grown)[0].cert > 0.5  # not flagged `low cert` by show's default


def test_the_covered_join_stops_at_five_sentences_too(lexicon) -> None:
    """dp.Aligner._join_covered (an English sentence the link's Korean already says) had the same
    gate on the English side alone: a 3-2 link took a fourth English sentence (4-2)."""
    en = FUEL_EN[:3] + ["Inspectors are arresting gasoline traders at the market every day, the source said."]
    aligner = Aligner([en_features(t) for t in en], [ko_features(t, lexicon) for t in FUEL_KO[:2]], Params(),
                      paragraphs=([0] * 4, [0, 0]))
    assert aligner.shares(3, 4, 0, 2)[1] >= aligner.p.join_cover  # covered: it would join
    assert aligner._join_covered([(0, 1, 0, 1), (1, 3, 1, 2), (3, 4, 2, 2)]) == [(0, 1, 0, 1), (1, 4, 1, 2)]
    assert aligner._join_covered([(0, 3, 0, 2), (3, 4, 2, 2)]) == [(0, 3, 0, 2), (3, 4, 2, 2)]


# A Korean detail sentence the English folds into the sentence before it (made up): the search
# leaves it unaligned beside the link, and the model puts it below the English threshold.
FOLD_KO = ["함경북도 청진시 수남시장에서 지난주 쌀값이 1kg당 7천원까지 치솟았다.", "국경 밀수가 막혔기 때문이다.",
           "소식통은 \"당국이 단속에 나섰지만 효과가 없다\"고 말했다."]
FOLD_EN = ["Rice prices at Sunam Market in Chongjin jumped to 7,000 won a kilogram last week as smuggling stalled.",
           "\"The authorities have launched a crackdown, but it has no effect,\" the source said."]


def test_a_korean_neighbour_joins_at_its_own_threshold(lexicon) -> None:
    """Params.join_split_ko: a Korean sentence beside a link is held to its own threshold, an
    English one still to `threshold`."""
    fold = Aligner([en_features(t) for t in FOLD_EN], [ko_features(t, lexicon) for t in FOLD_KO],
                   Params(join_split=None), paragraphs=([0, 0], [0, 0, 0]))
    path = fold.path()
    assert path == [(0, 1, 0, 1), (1, 1, 1, 2), (1, 2, 2, 3)]
    (_, k, english), = join_candidates(fold, path, 0)
    assert not english
    p = join_probability(join_features(fold, path, path[0], k, english))
    assert join_splits(fold, path, p + 0.01) == path
    assert join_splits(fold, path, p + 0.01, korean_threshold=p - 0.01) == [(0, 1, 0, 2), (1, 2, 2, 3)]
    assert join_splits(fold, path, p - 0.01, korean_threshold=p + 0.01) == path
    # an English candidate is not held to the Korean threshold
    split = _aligner(EN, [0, 0, 1], lexicon)
    path, q = _p(split)
    assert join_splits(split, path, q + 0.01, korean_threshold=q - 0.01) == path


# A ministry press release with numbered paragraphs (made up). Both sides keep each number in its
# paragraph's first sentence (the English splitter once ended a sentence at "1.", before a capital).
RELEASE_KO = """외교부, 몽골과 공급망 협력 논의

1. 김민수 외교부 제2차관은 3일 오전 서울에서 바트 몽골 외교차관과 제7차 차관급 전략대화를 갖고 핵심광물 공급망과 에너지 분야 협력 방안을 논의했다.

2. 양측은 올해 수교 35주년을 맞아 인적 교류와 청년 교류 사업을 확대하기로 했다.
"""
RELEASE_EN = """Vice FM holds strategic dialogue with Mongolia

1. Second Vice Foreign Minister Kim Min-su held the 7th vice-ministerial strategic dialogue with Mongolian Vice Foreign Minister Bat in Seoul on the morning of the 3rd. The two discussed ways to cooperate on critical mineral supply chains and energy.

2. Marking the 35th anniversary of diplomatic ties this year, the two sides agreed to expand people-to-people and youth exchanges.
"""


def test_a_paragraph_number_is_in_the_bead_of_the_item_it_numbers(lexicon) -> None:
    """A bare "1." or "2." says nothing the word model can pair: cut off, it was left as an
    addition. It opens its item's sentence, so it is in that item's bead."""
    from toolkit.ingest import parse_article
    from toolkit.segment import article_analyses, provided_tokens, segment_article

    en = segment_article(parse_article(RELEASE_EN.encode(), "en.txt")).sentences
    ko_article = segment_article(parse_article(RELEASE_KO.encode(), "ko.txt"))
    assert [s.text[:3] for s in en] == ["1. ", "The", "2. "]
    with provided_tokens(article_analyses(ko_article)):
        beads = align(en, ko_article.sentences, lexicon, Params()).beads
    assert [(b.en, b.ko) for b in beads] == [((0, 1), (0,)), ((2,), (1,))]


NUMBERED_EN = ["2.", "The two sides agreed to expand people-to-people and youth exchanges this year."]


@pytest.mark.parametrize(("ko", "paragraphs", "joined"), [
    (["2. 양측은 올해 인적 교류와 청년 교류 사업을 확대하기로 했다."], [0, 0], True),
    # a Korean item written without its number (a bullet, or none): "2." still opens the English item
    (["양측은 올해 인적 교류와 청년 교류 사업을 확대하기로 했다."], [0, 0], True),
    # the number ends the paragraph before: it opens no item of this one
    (["2. 양측은 올해 인적 교류와 청년 교류 사업을 확대하기로 했다."], [0, 1], False),
])
def test_a_bare_number_joins_only_the_item_of_its_paragraph(lexicon, ko, paragraphs, joined) -> None:
    aligner = Aligner([en_features(t) for t in NUMBERED_EN], [ko_features(t, lexicon) for t in ko],
                      Params(join_split=None), paragraphs=(paragraphs, [0]))
    path = [(0, 1, 0, 0), (1, 2, 0, 1)]
    # a threshold no probability reaches: only the number rule can join
    assert join_splits(aligner, path, 1.01) == ([(0, 2, 0, 1)] if joined else path)


# Two Korean sentences retold in three English ones, the middle one carrying the end of the first
# (가짜 약 / fake) and the start of the second (병이 더 도지다 / sicker): a 3-2 bead (made up).
STRADDLE_KO = ["장마당에서 파는 약은 대부분 중국산이지만 가짜 약도 적지 않습니다.",
               "이 때문에 약을 잘못 써서 병이 더 도지는 경우도 있다고 주민은 말했습니다."]
STRADDLE_EN = ["Most of the medicine sold in the markets is made in China.",
               "Some of it is fake, and the wrong drugs can make patients sicker.",
               "It happens more often than people think, the resident said."]


def _straddle(en: list[str], paragraphs: tuple[list[int], list[int]], lexicon, straddle: bool = True) -> Aligner:
    return Aligner([en_features(t) for t in en], [ko_features(t, lexicon) for t in STRADDLE_KO],
                   Params(join_straddle=straddle), paragraphs=paragraphs)


def test_a_sentence_straddling_two_korean_sentences_joins_both_links(lexicon) -> None:
    """Each link explains part of the middle sentence: without the straddle rule it is left as an
    addition between two 1-1 links; with it the three English sentences and the two Korean ones
    are one bead."""
    apart = _straddle(STRADDLE_EN, ([0, 0, 0], [0, 0]), lexicon, straddle=False).path()
    assert apart == [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]
    assert _straddle(STRADDLE_EN, ([0, 0, 0], [0, 0]), lexicon).path() == [(0, 3, 0, 2)]


@pytest.mark.parametrize("paragraphs", [([0, 0, 0], [0, 1]), ([0, 1, 1], [0, 0]), ([0, 0, 1], [0, 0])])
def test_a_straddle_stays_within_the_paragraphs_of_both_sides(lexicon, paragraphs) -> None:
    """Across a paragraph break, on either side, the middle sentence is no retelling of the two."""
    assert _straddle(STRADDLE_EN, paragraphs, lexicon).path() == [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]


def test_a_middle_sentence_saying_only_what_a_link_says_is_no_straddle(lexicon) -> None:
    """It must say a word of each Korean sentence that its link's English leaves unsaid: one that
    repeats the first link's words (medicine, China) is not part of both."""
    from toolkit.align.joins import join_straddles

    restated = [STRADDLE_EN[0], "Much of that medicine comes from China.", STRADDLE_EN[2]]
    aligner = _straddle(restated, ([0, 0, 0], [0, 0]), lexicon)
    path = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]
    assert aligner.has[1][0] and aligner.has[1][1]  # it meets both Korean sentences
    assert join_straddles(aligner, path) == path
    assert join_straddles(_straddle(STRADDLE_EN, ([0, 0, 0], [0, 0]), lexicon), path) == [(0, 3, 0, 2)]


@pytest.mark.parametrize("middle, joined", [
    (STRADDLE_EN[1], True),
    # background dated in a year neither Korean sentence states, meeting 가짜 and 병 all the same
    ("The United Nations says a fake vaccine scandal in 2019 left many patients sick.", False),
    ("The United Nations says a fake vaccine scandal (2019) left many patients sick.", True),  # an aside
])
def test_a_middle_sentence_dating_a_fact_the_korean_does_not_is_no_straddle(lexicon, middle: str,
                                                                           joined: bool) -> None:
    """A year in the running text that neither Korean sentence gives, by number or as 지난해, marks
    the writer's own background (as `Params.dated_link` reads a pair): it stays between the links."""
    from toolkit.align.joins import join_straddles

    aligner = _straddle([STRADDLE_EN[0], middle, STRADDLE_EN[2]], ([0, 0, 0], [0, 0]), lexicon)
    path = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]
    assert aligner.has[1][0] and aligner.has[1][1]  # it meets both Korean sentences
    assert join_straddles(aligner, path) == ([(0, 3, 0, 2)] if joined else path)


# A Korean sentence restated in two English ones whose first says only "another purpose" (made up):
# the model puts it at 0.65-0.75 beside the link of the second, where rewrites' English parts sit.
RESTATED_KO = ["북한은 지난 2017년부터 유엔 안보리 제재로 수산물 수출이 금지된 상태입니다.",
               "대북 소식통들은 당국이 어선을 이용한 탈북을 막기 위해 출항을 금지한 것으로 보고 있습니다."]
RESTATED_EN = ["North Korea has been barred from exporting seafood under United Nations Security Council sanctions "
               "since 2017.", "Observers believe the ban has another purpose.",
               "They say the authorities want to stop people from escaping by boat."]


def test_an_english_part_restating_its_korean_joins_at_the_default_threshold(lexicon) -> None:
    def path(join_split: float | None) -> list:
        return Aligner([en_features(t) for t in RESTATED_EN], [ko_features(t, lexicon) for t in RESTATED_KO],
                       Params(join_split=join_split), paragraphs=([0, 1, 1], [0, 1])).path()

    refused = path(None)
    assert refused == [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]
    aligner = Aligner([en_features(t) for t in RESTATED_EN], [ko_features(t, lexicon) for t in RESTATED_KO],
                      Params(join_split=None), paragraphs=([0, 1, 1], [0, 1]))
    p = join_probability(join_features(aligner, refused, refused[2], 1, True))
    assert Params().join_split <= p < 0.75  # in the band the old threshold refused
    assert path(Params().join_split) == [(0, 1, 0, 1), (1, 3, 1, 2)]
