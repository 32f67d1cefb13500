"""check_names reads the Korean side's names (Kiwi) only when the English names someone."""

from __future__ import annotations

import pytest

from toolkit.metrics import checks
from toolkit.metrics.checks import check_names

KO = "통일부 김수현 대변인은 이날 정례 브리핑에서 남북 회담 일정은 정해지지 않았다고 말했다."


def _unread(*_args, **_kwargs):
    raise AssertionError("the Korean names were read")


@pytest.mark.parametrize("en", [
    "A ministry spokesperson told reporters on Monday that no date had been set for the talks.",
    "The Unification Ministry said no date had been set for the inter-Korean talks.",
])
def test_english_without_names_is_not_checked_and_the_korean_not_read(monkeypatch, en):
    monkeypatch.setattr(checks, "korean_name_candidates", _unread)
    monkeypatch.setattr(checks, "korean_surname_mentions", _unread)
    assert check_names(en, KO).agree is None


@pytest.mark.parametrize("en, ok", [
    ("Unification Ministry spokesperson Kim Su-hyun told reporters no date had been set.", True),
    ("Unification Ministry spokesperson Park Su-hyun told reporters no date had been set.", False),
    ("Kim told reporters no date had been set for the talks.", True),
])
def test_english_with_a_name_is_checked_against_the_korean(en, ok):
    assert check_names(en, KO).agree is ok
