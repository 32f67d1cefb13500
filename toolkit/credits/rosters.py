"""A newsroom roster on one line: "특별취재팀= A 부국장·B 정치부 차장·C 사회부 기자·D 사진부 기자".

A special report closes with the team that made it, each member a name, perhaps a desk, and a title
or a newsroom rank, joined by middle dots. Every item must read so, and at least one must carry a
journalist's title (기자, 특파원 …), so that a story's list of officials ("A 부장·B 차장") is never
read as a team. A label before the list must name a team or desk ("특별취재팀=", "이동편집국="): a list of
awardees, of people disciplined or of those present ("수상자=", "징계 대상=", "참석자:") has the same
shape. With no label, every member must be placed in the newsroom by a desk or a journalist's title:
"A 부장·B 차장·C 기자" alone may be a company's or a police station's people and one reporter.
A member of the photo or video desk took the pictures; a managing rank (국장, 부국장, 데스크) edited;
any other rank (차장, 팀장) reported.
"""

from __future__ import annotations

import re

from toolkit.credits.korean import split_list_dots, title_role
from toolkit.credits.vocabulary import KO_LABELS
from toolkit.hangul import is_syllable_word
from toolkit.model import Credit
from toolkit.names import is_korean_name

_RANKS = {"편집국장": "editor", "부국장": "editor", "국장": "editor", "데스크": "editor",
          "부장": "reporter", "차장": "reporter", "팀장": "reporter", "반장": "reporter"}
_NEWSROOM_RANKS = {"편집국장", "데스크"}  # ranks only a newsroom has ("부장", "차장" are any firm's)
_RANKS_LONGEST_FIRST = sorted(_RANKS, key=len, reverse=True)
_DESK_ENDINGS = ("부", "팀", "국", "반", "주재", "센터")
_DESK_WORDS = {"사진", "영상", "취재", "편집", "기획", "특별취재"}
_PHOTO_WORDS = ("사진", "영상")
_GLOSS = re.compile(r"\([^()]{1,20}\)")  # "부국장(이동편집국장)": the rank's gloss
_LABEL = re.compile(r"(?P<label>[가-힣][가-힣 ]{0,14}?)\s*[=:]\s*")
_TEAM_WORDS = ("취재",)  # "공동취재단", "취재진"
_MAX_ITEM_WORDS = 5
_MAX_ROSTER_CHARS = 400


def _is_desk(word: str) -> bool:
    """"정치부", "사진", "영상팀", "태백주재": a desk or bureau of the newsroom."""
    return word in _DESK_WORDS or (2 <= len(word) <= 7 and is_syllable_word(word) and word.endswith(_DESK_ENDINGS))


def _rank(word: str) -> str | None:
    """The newsroom rank a word is or ends with after a desk ("차장", "영상팀장", "사회부장")."""
    for rank in _RANKS_LONGEST_FIRST:
        if word == rank or (word.endswith(rank) and _is_desk(word[: -len(rank)] or "-")):
            return rank
    return None


def _is_team_label(label: str) -> bool:
    """"특별취재팀", "기획취재반", "이동편집국", "공동취재단": the label names the team or desk that made
    the report."""
    label = label.replace(" ", "")
    if label in KO_LABELS:
        return False  # "사진=", "영상취재:": a role's label, which gives every name after it that role
    return _is_desk(label) or any(word in label for word in _TEAM_WORDS)


def _member(item: str) -> tuple[Credit, bool, bool] | None:
    """(the credit, whether a journalist's title says it, whether a desk or that title places it in a
    newsroom) of one roster item, or None."""
    words = item.split()
    if not 2 <= len(words) <= _MAX_ITEM_WORDS:
        return None
    name, last, middle = words[0], words[-1], words[1:-1]
    if not (2 <= len(name) <= 4 and is_korean_name(name)) or _is_desk(name) or _rank(name) or title_role(name):
        return None
    titled, rank = title_role(last), _rank(last)
    if (titled is None and rank is None) or not all(_is_desk(w) for w in middle):
        return None
    photo = any(mark in w for w in words[1:] for mark in _PHOTO_WORDS)
    role = "photographer" if photo else titled or _RANKS[rank or ""]
    placed = titled is not None or bool(middle) or rank != last or rank in _NEWSROOM_RANKS
    return Credit(role, name), titled is not None, placed


def parse_roster(line: str) -> list[Credit] | None:
    """The members of a roster line, in order, or None when the line is no roster."""
    if len(line) > _MAX_ROSTER_CHARS:
        return None
    m = _LABEL.match(line)
    if m and not _is_team_label(m["label"]):
        return None
    body = _GLOSS.sub("", line[m.end():] if m else line).strip()
    items = split_list_dots(body)
    if len(items) < 2:
        return None
    members = [_member(item) for item in items]
    if not all(members) or not any(titled for _, titled, _ in members):
        return None
    if m is None and not all(placed for _, _, placed in members):
        return None
    return [credit for credit, _, _ in members]
