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


@pytest.mark.parametrize("caption", [
    "22일 오후 서울 중구 명동 거리에서 시민들이 우산을 쓰고 걸어가고 있다. 기상청은 이번 비가 23일 오전까지 "
    "이어질 전망이다. 연합뉴스",
    "5일 오전 강원 평창군 대관령에서 관광객들이 눈꽃을 구경하고 있다. 기상청에 따르면 이날 대관령의 아침 기온은 "
    "영하 15도까지 떨어졌다. /연합뉴스",
])
def test_a_weather_caption_closed_by_an_agency_keeps_its_photographer(caption: str) -> None:
    """A caption opens on the picture's day and scene and may add the forecast ("…전망이다") or its
    source ("기상청에 따르면"): the agency closing it took the picture, it did not report a story."""
    assert _read(caption) == [("photographer", "연합뉴스", None)]


def test_a_story_closed_by_an_agency_still_credits_its_reporter() -> None:
    story = "업계에 따르면 올해 하반기 수도권 새 아파트 분양 물량은 3만 가구를 밑돌 전망이다. 연합뉴스"
    assert _read(story) == [("reporter", "연합뉴스", None)]


@pytest.mark.parametrize("line", ["사진=염태오 기자·진서율 기자", "영상취재: 염태오 기자·진서율 기자"])
def test_a_role_label_before_titled_names_is_read_as_the_role_not_a_roster(line: str) -> None:
    """"사진=" gives every name after it the photographer's role (main read it so); the roster reader
    took the line first and made them reporters by their titles."""
    assert [(role, name) for role, name, _ in _read(line)] == [("photographer", "염태오"), ("photographer", "진서율")]


@pytest.mark.parametrize("paragraph", [
    "(사진 한빛일보) 시민들이 한강공원에서 벚꽃 구경을 하고 있다.",
    "(출처 한빛일보) 올해 도내 수출은 석 달 연속 늘었다.",
    "[그래픽 한빛일보] 올해 도내 수출은 석 달 연속 늘었다.",
])
def test_a_label_and_an_outlet_before_an_undated_lede_is_no_reporter(paragraph: str) -> None:
    """An outlet's name alone in brackets signs an undated lede ("(남부뉴스통신) …"); a label before it
    ("사진", "출처", "그래픽") says the outlet supplied a picture or a figure: it is no reporter named
    "사진 한빛일보"."""
    assert not any(role == "reporter" for role, _, _ in _read(paragraph))


def test_an_outlet_alone_before_an_undated_lede_still_signs_it() -> None:
    assert _read("(한빛일보) 올해 도내 수출은 석 달 연속 늘었다.") == [("reporter", "한빛일보", None)]
