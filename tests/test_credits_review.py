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
