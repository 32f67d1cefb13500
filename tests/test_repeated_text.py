"""Text met again in a build is not analysed again (counted work, no timing)."""

from __future__ import annotations


def test_a_korean_sentence_met_again_is_not_read_into_units_again(monkeypatch) -> None:
    import toolkit.segment as segment
    from toolkit.terms.korean import _korean_units, korean_units

    sentence = "국경 경비대가 밀수꾼 세 명을 붙잡았다고 보위부 관계자가 밝혔다."
    real, asked = segment.korean_tokens, []

    def counting(text):
        asked.append(text)
        return real(text)

    monkeypatch.setattr(segment, "korean_tokens", counting)
    _korean_units.cache_clear()
    first = korean_units(sentence)
    first.append(first[0])  # a caller's change to its list does not reach the kept units
    again = korean_units(sentence)
    assert asked == [sentence]  # read once
    assert again == first[:-1] and [u.key for u in again][:3] == ["국경", "경비대", "밀수꾼"]
