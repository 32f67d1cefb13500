"""A span grown back over 'of' to a body's head (renderings._with_body_name) takes no head that
ends another term's rendering at that place: in 'the Namsan District of Sinuiju', 'District' is
남산지구's, and 신의주시 is 'Sinuiju' (rows._without_others_heads)."""

from test_terms import TableModel

from toolkit.align.english import stem
from toolkit.terms.beads import Bead
from toolkit.terms.korean import TermVocabulary, korean_units
from toolkit.terms.model import merged_units
from toolkit.terms.renderings import English
from toolkit.terms.rows import term_rows


def _rows(korean: str, english: str, links: dict[tuple[str, str], float]) -> dict[str, str | None]:
    words = TermVocabulary({k for k, _ in links})
    bead = Bead("a", 0, 0.9, English.of(english), merged_units([("ko-s1", korean_units(korean))], words))
    model = TableModel({(k, stem(e)): p for (k, e), p in links.items()})
    return {r["ko_term"]: r["en_rendering"] for r in term_rows([bead], {}, words, model, {})}


def test_a_city_does_not_take_the_head_of_the_district_named_before_it():
    rows = _rows("신의주시 남산지구에 새 아파트 3천 세대가 들어섰다.",
                 "Some 3,000 new apartments have gone up in the Namsan District of Sinuiju.",
                 {("신의주시", "Sinuiju"): 0.9, ("남산지구", "Namsan"): 0.9, ("아파트", "apartments"): 0.9})
    assert rows["남산지구"] == "Namsan District"
    assert rows["신의주시"] == "Sinuiju"


def test_a_body_still_takes_its_own_head_before_of():
    rows = _rows("주민들은 이 사실을 국가보위성에 신고했다.", "Residents reported it to the Ministry of State Security.",
                 {("국가보위성", "State"): 0.5, ("국가보위성", "Security"): 0.5})
    assert rows["국가보위성"] == "Ministry of State Security"
