"""Look-alikes of the Korean credit forms round 21 added (rosters, RFA's own anchor, an agency closing a
story), each read as a credit by that round's code although a careful reader sees none, and the forms
themselves still read. Every name and text here is invented."""
from __future__ import annotations

import pytest

from toolkit.credits import extract_credits


def _read(paragraph: str) -> list[tuple[str, str, str | None]]:
    return [(c.role, c.name, c.service) for c in extract_credits(paragraph)[1]]


@pytest.mark.parametrize("line", [
    "이달의 기자상 수상자= 염태오 사회부 기자·진서율 경제부 차장·하도윤 사진부 기자",
    "징계 대상= 염태오 부국장·진서율 정치부 차장·하도윤 사회부 기자",
    "참석자: 염태오 부국장·진서율 정치부 차장·하도윤 사회부 기자",
    "염태오 부장·진서율 차장·하도윤 기자",  # a firm's or a police station's people and one reporter
])
def test_a_list_of_people_with_titles_is_no_roster(line: str) -> None:
    """A roster's shape (names, desks, ranks, one journalist's title) is also an award list's, a
    disciplinary list's, or a list of officials with one reporter among them: only a team's label, or
    desks placing every member in a newsroom, make it the team that made the report."""
    assert _read(line) == []


@pytest.mark.parametrize("line, roles", [
    ("기획취재팀= 염태오 부국장·진서율 정치부 차장·하도윤 사진부 기자", ["editor", "reporter", "photographer"]),
    ("공동취재단: 염태오 데스크·진서율 기자", ["editor", "reporter"]),
    ("진서율 사회부 기자·염태오 영상팀장", ["reporter", "photographer"]),
])
def test_a_team_roster_still_reads(line: str, roles: list[str]) -> None:
    assert [role for role, _, _ in _read(line)] == roles


@pytest.mark.parametrize("paragraph", [
    "[앵커] 북한이 국경 지역 경비를 강화했다고 미국 자유아시아방송(RFA)이 보도했습니다. 염태오 기자가 보도합니다.",
    "앵커: 북한 당국이 장마당 단속에 다시 나섰다고 자유아시아방송이 전했습니다. 염태오 기자가 보도합니다.",
    "<앵커> 미국 자유아시아방송, RFA에 따르면 북한 주민들이 봄철 식량난을 겪고 있습니다. 염태오 기자입니다.",
])
def test_another_stations_anchor_citing_rfa_gives_no_rfa_service(paragraph: str) -> None:
    """An anchor who cites RFA as the source of the news ("RFA가 보도했습니다", "RFA에 따르면") reads
    another station's report: its reporter is not RFA's Korean service."""
    assert _read(paragraph) == [("reporter", "염태오", None)]


def test_rfa_own_anchor_still_gives_the_korean_service() -> None:
    paragraph = "앵커: 북한 소식통이 자유아시아방송에 전한 국경 소식입니다. 염태오 기자가 보도합니다."
    assert _read(paragraph) == [("reporter", "염태오", "Korean")]
