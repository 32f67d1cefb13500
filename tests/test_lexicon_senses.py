"""Lexicon renderings whose English stem is another, commoner word's give no false evidence.

Each Korean sentence below shares no meaning with its English one; a rendering of round 12
(북상 'north', 낙엽 'leaves', 감안 'given', 점유 'share') met the English all the same: "North
Korea" is in most sentences of the archive, "leaves" stems as the verb "leave", "given" as
"give", and "share" is 점유율's, not 점유's. The words keep their other renderings."""

from __future__ import annotations

import pytest

from toolkit.align import load_lexicon
from toolkit.align.scoring import en_features, ko_features, pair_evidence

UNRELATED = [
    ("태풍이 빠르게 북상하고 있다.", "North Korea has not commented."),
    ("거리에 낙엽이 수북이 쌓였다.", "He leaves for work before dawn."),
    ("물가 상승을 감안해 임금을 올렸다.", "Each worker was given a bag of rice."),
    ("군인들이 건물을 무단으로 점유했다.", "The two brothers share one phone."),
]


@pytest.mark.parametrize(("ko", "en"), UNRELATED)
def test_a_word_meets_no_english_word_that_only_shares_its_renderings_stem(ko: str, en: str) -> None:
    ko_mask, _, _ = pair_evidence(en_features(en), ko_features(ko, load_lexicon(None)), {})
    assert ko_mask == 0


def test_the_words_still_meet_their_own_english() -> None:
    lexicon = load_lexicon(None)
    for ko, en in [("태풍이 빠르게 북상하고 있다.", "The typhoon is moving north quickly."),
                   ("거리에 낙엽이 수북이 쌓였다.", "Fallen leaves piled up in the streets."),
                   ("물가 상승을 감안해 임금을 올렸다.", "Considering rising prices, they raised wages.")]:
        features = ko_features(ko, lexicon)
        ko_mask, _, _ = pair_evidence(en_features(en), features, {})
        assert ko_mask == (1 << len(features.units)) - 1  # every word of the Korean met
