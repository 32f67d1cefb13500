"""Issue 9, round 23: a lede taken out of order with a merged bead around it (toolkit/align/lede.py).
The texts are invented, modelled on market reports whose English opens with the news."""

from __future__ import annotations

import pytest

from toolkit.align import Params, load_lexicon
from toolkit.align.dp import MOVES, Aligner
from toolkit.align.lede import _back, _view, moved_lede
from toolkit.align.scoring import en_features, ko_features


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _aligner(en: list[str], ko: list[str], lexicon, params: Params | None = None) -> Aligner:
    return Aligner([en_features(t) for t in en], [ko_features(t, lexicon) for t in ko], params or Params())


# the English gives the reason (Korean third sentence) before the quoted fares (Korean second)
FERRY_EN = [
    "Ferry fares between Nampo and Haeju on North Korea's west coast have almost doubled in three weeks.",
    "Behind the rise is a sharp jump in the price of diesel.",
    "\"A ticket from Nampo to Haeju was 30,000 North Korean won at the start of the month, and now it is "
    "55,000 won,\" a source in South Hwanghae province told RFA.",
    "Haeju is the province's largest port and a hub for the fishing fleet.",
    "A kilogram of diesel at the Nampo market, which sold for about 15,000 won three weeks ago, now costs "
    "27,000 won, the source said.",
    "Fewer tankers have arrived from China this month, the source added.",
]
FERRY_KO = [
    "북한 서해안의 남포와 해주를 오가는 여객선 요금이 3주 사이 두 배 가까이 올랐다.",
    "황해남도 소식통은 자유아시아방송에 \"이달 초만 해도 남포에서 해주까지 북한돈 3만 원이던 배삯이 지금은 "
    "5만 5천 원\"이라고 말했다.",
    "요금이 오른 것은 디젤유 값이 크게 뛰었기 때문이다.",
    "소식통에 따르면 남포 장마당에서 디젤유 1킬로그램은 3주 전 1만 5천 원 안팎이었으나 지금은 2만 7천 원에 팔린다.",
    "소식통은 \"이달 들어 중국에서 들어오는 유조선이 줄었다\"고 덧붙였다.",
]
# the chain the search gives when it glues the reason to the diesel price after it (a 1-2 bead)
FERRY_CHAIN = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2), (3, 4, 2, 2), (4, 5, 2, 4), (5, 6, 4, 5)]


def test_a_sentence_glued_to_a_later_split_is_moved_to_the_lede(lexicon) -> None:
    """The one-to-one lede search cannot take the reason back from the 1-2 bead beyond its
    region; searched again with the reason moved before the fares, the lede crosses and the
    diesel price keeps its own 1-1 link."""
    aligner = _aligner(FERRY_EN, FERRY_KO, lexicon)
    assert aligner._reorder_lede(FERRY_CHAIN) == FERRY_CHAIN
    moved = moved_lede(aligner, MOVES, FERRY_CHAIN)
    assert {(1, 2, 2, 3), (2, 3, 1, 2), (4, 5, 3, 4), (3, 4, 3, 3)} <= set(moved)
    assert (4, 5, 2, 4) not in moved


def test_the_move_needs_its_margin(lexicon) -> None:
    """Off, or with a margin above what the move gains, the chain stays as it is."""
    assert moved_lede(_aligner(FERRY_EN, FERRY_KO, lexicon, Params(reorder_moved=None)), MOVES,
                      FERRY_CHAIN) == FERRY_CHAIN
    assert moved_lede(_aligner(FERRY_EN, FERRY_KO, lexicon, Params(reorder_moved=5.0)), MOVES,
                      FERRY_CHAIN) == FERRY_CHAIN


# the English opens with the ban, which the Korean tells in its sixth sentence
FUEL_EN = [
    "North Korean authorities have banned individuals from buying more than 200 kilograms of fuel at a time "
    "since the 15th, a source in Chongjin told Daily NK.",
    "Gasoline prices at the markets of Chongjin in North Hamgyong province have risen sharply in a month.",
    "\"Gasoline that sold for 18,000 won a kilogram last month now goes for 26,000 won,\" the source said.",
    "Less fuel is coming in from China, the source explained.",
    "Drivers who cannot find fuel are running fewer servi-cha buses.",
    "Money lenders who hoard fuel in secret are being caught in the crackdown, the source added.",
]
FUEL_KO = [
    "함경북도 청진의 장마당에서 휘발유 가격이 한 달 새 크게 올랐다고 현지 소식통이 데일리NK에 전했다.",
    "소식통은 \"지난달 1킬로그램에 1만 8천 원 하던 휘발유가 지금은 2만 6천 원에 팔린다\"고 말했다.",
    "가격이 오른 것은 중국에서 들어오는 기름이 줄었기 때문이라고 소식통은 설명했다.",
    "연료를 구하지 못한 운전기사들은 써비차 운행을 줄이고 있다.",
    "한편 청진항에는 최근 화물선 입항도 뜸해졌다.",
    "당국은 지난 15일부터 개인이 기름을 한 번에 200킬로그램 넘게 사들이지 못하도록 했다.",
    "소식통은 \"기름을 몰래 쌓아 두는 돈주들이 단속에 걸리고 있다\"고 덧붙였다.",
]
# the chain merges the ban into the price sentence's bead and leaves the Korean ban sentence unaligned
FUEL_CHAIN = [(0, 2, 0, 1), (2, 3, 1, 2), (3, 4, 2, 3), (4, 5, 3, 4), (5, 5, 4, 5), (5, 5, 5, 6), (5, 6, 6, 7)]


def test_an_unaligned_sentence_beyond_the_lede_is_moved_on_anchor_evidence(lexicon) -> None:
    """The ban's Korean sentence, left unaligned far after the lede, is moved to the front: the
    English opening pairs with it and the price sentence stands alone; its null bead is gone."""
    aligner = _aligner(FUEL_EN, FUEL_KO, lexicon)
    moved = moved_lede(aligner, MOVES, FUEL_CHAIN)
    assert moved[:2] == [(0, 1, 5, 6), (1, 2, 0, 1)]
    assert (5, 5, 5, 6) not in moved and (5, 5, 4, 5) in moved
    # a pair that far apart needs a crossing link's evidence (`Params.cross`), not only `reorder_link`
    strict = _aligner(FUEL_EN, FUEL_KO, lexicon, Params(cross=aligner.bead_score(0, 1, 5, 6) + 0.01))
    assert moved_lede(strict, MOVES, FUEL_CHAIN) == FUEL_CHAIN


def test_the_moved_sentence_never_merges_with_a_neighbour_it_left(lexicon) -> None:
    """In the moved order, the Korean sixth sentence stands beside the first: a bead holding both
    would be no span of the article, so the view refuses it and the mapping back rejects it."""
    aligner = _aligner(FUEL_EN, FUEL_KO, lexicon)
    view = _view(aligner, 3, [5, 0, 1])
    assert view.bead_score(0, 1, 0, 2) == -1e9
    assert view.bead_score(0, 1, 0, 1) == aligner.bead_score(0, 1, 5, 6)
    assert view.bead_score(1, 2, 1, 3) == aligner.bead_score(1, 2, 0, 2)
    assert _back([(0, 1, 0, 2)], [5, 0, 1]) is None
    assert _back([(0, 1, 0, 1), (1, 3, 1, 3)], [5, 0, 1]) == [(0, 1, 5, 6), (1, 3, 0, 2)]


def test_an_english_sentence_left_alone_after_a_far_move_stays_before_the_korean_to_come() -> None:
    """After a far move (Korean 5 brought to the front of a view over Korean 0), an English
    sentence left alone at the view's end comes before Korean 1, the next Korean sentence of the
    article, not after the moved sentence (Korean 6), past Korean sentences the chain still holds."""
    assert _back([(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 2)], [5, 0]) == [(0, 1, 5, 6), (1, 2, 0, 1), (2, 3, 1, 1)]
    # within the lede (nothing moved from beyond it) the end of the view is the end of its Korean
    assert _back([(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 2)], [1, 0]) == [(0, 1, 1, 2), (1, 2, 0, 1), (2, 3, 2, 2)]


class _CountedCuts(list):
    """A list of cuts that counts the cuts read through iteration."""

    read = 0

    def __iter__(self):
        for c in super().__iter__():
            type(self).read += 1
            yield c


def test_a_move_reads_the_chain_only_up_to_the_prefix_that_holds_it(lexicon) -> None:
    """A long Korean original gives a candidate move per sentence that repeats the lede's name
    or year; each must read only the chain's first cuts, not all of them (quadratic work)."""
    from toolkit.align.lede import _cuts, _try

    filler = "소식통은 배삯이 오르면서 장사꾼들의 발길도 뜸해졌다고 전했다."  # a Korean tail the English leaves out
    aligner = _aligner(FERRY_EN, FERRY_KO + [filler] * 300, lexicon)
    long_chain = FERRY_CHAIN + [(6, 6, k, k + 1) for k in range(5, 305)]
    cuts = _CountedCuts(_cuts(long_chain))
    _CountedCuts.read = 0
    got = _try(aligner, MOVES, long_chain, cuts, 1, 2, 1, False)
    assert got is not None and (2, 3, 1, 2) in got[1]
    assert _CountedCuts.read < 10


def test_no_move_is_tried_on_a_text_longer_than_a_news_article(lexicon, monkeypatch) -> None:
    """A lopsided text (a short English against a Korean original of hundreds of sentences that
    repeat the lede's words) would try a search per Korean sentence; above MAX_SENTENCES none is tried."""
    from toolkit.align import lede

    filler = FERRY_KO[0]  # the lede's own sentence again and again: every copy a candidate move
    tried = []
    monkeypatch.setattr(lede, "_try", lambda *args: tried.append(args) or None)
    short = _aligner(FERRY_EN, FERRY_KO + [filler] * 20, lexicon)
    moved_lede(short, MOVES, FERRY_CHAIN + [(6, 6, k, k + 1) for k in range(5, 25)])
    assert tried  # below the bound the copies are tried
    tried.clear()
    long = _aligner(FERRY_EN, FERRY_KO + [filler] * lede.MAX_SENTENCES, lexicon)
    chain = FERRY_CHAIN + [(6, 6, k, k + 1) for k in range(5, 5 + lede.MAX_SENTENCES)]
    assert moved_lede(long, MOVES, chain) == chain
    assert not tried
