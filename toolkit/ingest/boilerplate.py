"""Recognise the lines a news page wraps around an article: share stacks, site links,
copyright footers, photo captions and date lines.

Every test here looks at one whole line (or paragraph), never at words inside prose,
so a body sentence that mentions "email" or "copyright" is never dropped: a line is
boilerplate only when nothing but boilerplate is on it.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

MAX_BOILERPLATE_CHARS = 400  # no footer is longer; a longer paragraph is prose

# Buttons and links that may make up a line on their own (after bullets are stripped).
_SHARE_EN = r"""
    print|share|email|e-mail|mail|comment|comments|tweet|like|save|bookmark|copy\ link|link|
    listen|download|subscribe|follow|reprint|republish|pdf|rss|audio|video|menu|search|home|
    facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|line|kakaotalk|
    (print|share|email|e-mail|send|tweet|save|comment\ on|listen\ to|read)\ (this|the)?\ ?(story|article|page|post)|
    (share|email|tweet|post)\ (this|on\ \w+|via\ \w+)|
    (\d+\ )?comments?|leave\ a\ comment|add\ a\ comment|view\ comments|
    (a|text|font)\ ?size|[aA][+-]|
    more\ listening\ options|listening\ options|view\ full\ site|full\ site|mobile\ site|
    (back|return)\ to\ top|top|skip\ to\ (main\ )?content|related\ (stories|articles|links|news)|
    more\ (stories|news)|read\ more|see\ also|advertisement|sponsored|
    (download|listen\ to)\ (audio|mp3|the\ audio)|mp3|
    sign\ up(\ for\ (our|the)\ newsletter)?|newsletter|follow\ us(\ on\ \w+)?|
    previous|next|previous\ (story|article)|next\ (story|article)
"""
_SHARE_KO = r"""
    (인쇄|공유|기사\ ?공유|이메일|메일|댓글|스크랩|구독|추천|좋아요|북마크)(\ ?(하기|보내기|달기|쓰기|보기|\d+개?))?|
    글자\ ?크기|글씨\ ?크기|폰트\ ?크기|페이스북|트위터|카카오톡|카카오스토리|밴드|네이버\ ?밴드|
    (링크|url|주소)\ ?복사(하기)?|목록|기사\ ?듣기|듣기|오디오|다운로드|
    (pc|PC)\ ?(버전|화면)(\ ?보기)?|전체\ ?(사이트|화면)(\ ?보기)?|모바일\ ?(버전|화면)(\ ?보기)?|
    (맨\ ?)?위로|관련\ ?기사|이전\ ?기사|다음\ ?기사|많이\ 본\ 기사|광고
"""
_SHARE_ITEM = re.compile(rf"(?:{_SHARE_EN}|{_SHARE_KO})", re.I | re.X)
# Separators inside a one-line stack: "Print | Share | Email", "• Print • Share"
_STACK_SPLIT = re.compile(r"\s*[|•·▪▫◦‣∙/]\s*|\s{2,}")
_BULLET = re.compile(r"^[\s•·▪▫◦‣∙●○■□◆◇▶▷►*+\-–—>|]+")

_COPYRIGHT = re.compile(
    r"""^\W*(copyright\s*(©|\(c\)|\d{4}|by\b|:)|\(c\)\s*\d|[©ⓒⒸ])"""  # opens like a copyright notice
    r"""|all\ rights\ reserved|used\ with\ (the\ )?permission\ of|reproduced\ with\ permission"""
    r"""|무단\s*전재|재배포\s*금지|무단\s*복제|저작권자""",
    re.I | re.X,
)

# Photo captions: a caption marker, or a photo credit closing a short line.
_CAPTION_MARKED = re.compile(
    r"""^\W{0,2}(photo|caption|image|file\ photo|사진|자료\ ?사진)\s*[:=/]"""  # "Photo: ...", "사진=..."
    r"""|^[\[(<]\s*(사진|photo|자료\ ?사진)\b"""  # "[사진=연합뉴스] ...", "(Photo: ...)"
    r"""|^▲"""  # Korean caption marker
    r"""|(photo|image)\s+courtesy\s+of\s+[^.]{2,80}\.?\)?$""",
    re.X | re.I,
)
_CAPTION_AGENCY = re.compile(  # case-sensitive: "(AFP)", "/ Reuters", "RFA PHOTO"
    r"""[(/]\s*(AFP|AP|Reuters|EPA|Yonhap|RFA|KCNA|Getty\ Images|연합뉴스|뉴스1|뉴시스)(\s*([Pp]hoto|PHOTO|사진))?\s*\)?$"""
    r"""|\b(AFP|AP|RFA|EPA)\s+PHOTO\)?$""",
    re.X,
)
MAX_CREDITED_CAPTION_CHARS = 250  # a longer line ending "(AFP)" is a wire paragraph

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")]
    )
    for m in names
}
_DATE_PREFIX = (
    r"(?:(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+(?:on|at))?|date|작성|입력|수정|등록|승인|"
    r"업데이트|송고(?:\s*시간)?|기사\s*(?:입력|등록)|최종\s*수정)\s*[:：]?\s*)?"
)
_TIME = (
    r"(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:(?:[AP]M\s*)?[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z))?)?"
)
_SECOND_STAMP = re.compile(r"\s*(?=수정|업데이트|최종\s*수정)|\s(?=(?:Updated|Last\s+updated)\b)", re.I)
_DATE_FORMS = [
    re.compile(rf"^{_DATE_PREFIX}(?P<y>\d{{4}})[-./]\s*(?P<m>\d{{1,2}})[-./]\s*(?P<d>\d{{1,2}})\.?{_TIME}$", re.I),
    re.compile(rf"^{_DATE_PREFIX}(?P<y>\d{{4}})년\s*(?P<m>\d{{1,2}})월\s*(?P<d>\d{{1,2}})일(?:\s*\w요일)?{_TIME}$"),
    re.compile(rf"^{_DATE_PREFIX}(?:\w+day,?\s+)?(?P<mon>[A-Za-z]{{3,9}})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}}){_TIME}$", re.I),
    re.compile(rf"^{_DATE_PREFIX}(?:\w+day,?\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>[A-Za-z]{{3,9}})\.?,?\s+(?P<y>\d{{4}}){_TIME}$", re.I),
]


def _strip_bullets(line: str) -> str:
    return _BULLET.sub("", line).strip()


# a paragraph with no letter or digit is a separator ("* * *", "----", "■■■") and goes quietly; one
# this long is no separator but damaged or stuffed text, which assemble leaves out with a warning
LONGEST_SEPARATOR = 200


def is_share_stack(line: str) -> bool:
    """A line made only of share/print/email/comment buttons or site links."""
    text = _strip_bullets(line)
    if not text or len(text) > 120:
        return not text and 0 < len(line.strip()) < LONGEST_SEPARATOR  # a lone bullet is debris too
    parts = [p.strip(" :.,!?()[]") for p in _STACK_SPLIT.split(text)]
    parts = [p for p in parts if p]
    return bool(parts) and all(_SHARE_ITEM.fullmatch(p) for p in parts)


# A news tip line: "제보는 카톡 okjebo", "연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23"
_TIPLINE = re.compile(r"\W*(?:\S+\s+)?(?:기사\s*문의\s*및\s*)?제보(?:는|하기)?\s*[:：]?\s*(?:카톡|카카오톡|라인|이메일|전화|메일)")
# an outlet's appeal for tips closing its pages: "한빛일보는 24시간 여러분의 제보를 기다립니다."
_TIP_APPEAL = re.compile(r"여러분의\s*제보(?:를\s*기다립니다|가\s*세상을\s*바꿉니다)")
MAX_TIPLINE_CHARS = 80


def is_tipline(line: str) -> bool:
    line = line.strip()
    return len(line) <= MAX_TIPLINE_CHARS and bool(_TIPLINE.match(line) or _TIP_APPEAL.search(line))


def is_copyright(line: str) -> bool:
    """A copyright, permission or no-redistribution footer."""
    return len(line) <= MAX_BOILERPLATE_CHARS and bool(_COPYRIGHT.search(line.strip()))


# a wire's end mark under its story's last paragraph: "(END)" (Yonhap's English service)
_END_MARK = re.compile(r"\(\s*END\s*\)")


@functools.lru_cache(maxsize=8192)
def is_boilerplate(line: str) -> bool:
    """(Cached: the text reader and the assembler both ask about the same lines.)"""
    return is_share_stack(line) or is_copyright(line) or is_tipline(line) or bool(_END_MARK.fullmatch(line.strip()))


# the label a page prints over its list of other stories: "관련기사", "Related stories", "See also"
_RELATED_LABEL = re.compile(
    r"\W*(?:관련\s?기사|함께\s?(?:보면\s?좋은|읽으면\s?좋은)\s?기사|related\s(?:stories|articles|links|news)|"
    r"more\s(?:stories|news)|see\salso)\W*",
    re.I,
)


def is_related_label(line: str) -> bool:
    """A related-stories label: the lines under it in its block are other stories' headlines and
    bylines, which a credit reader would otherwise take for this story's credits."""
    return len(line) <= 40 and bool(_RELATED_LABEL.fullmatch(line.strip()))


def is_caption_line(line: str) -> bool:
    """A line marked as a photo caption ("Photo: ...", "▲ ...", "... (AFP)")."""
    return is_marked_caption(line) or is_agency_closed_line(line)


def is_marked_caption(line: str) -> bool:
    """A caption by its opening marker ("Photo: ...", "▲ ...", "[사진=연합뉴스] ..."), wherever it stands."""
    line = line.strip()
    return len(line) <= MAX_BOILERPLATE_CHARS and bool(_CAPTION_MARKED.search(line))


def is_agency_closed_line(line: str) -> bool:
    """A short line closed by an agency ("... (AFP)"): a caption, or a wire story's last paragraph."""
    line = line.strip()
    return len(line) <= MAX_CREDITED_CAPTION_CHARS and bool(_CAPTION_AGENCY.search(line))


def parse_date_line(line: str) -> str | None:
    """ISO 8601 date of a line that is nothing but a date (and perhaps a time), else None."""
    text = _strip_bullets(line).rstrip(" ,;|")
    if len(text) > 120 or not any(map(str.isdigit, text)):
        return None
    if text.endswith(("조회수", "조회")):  # "작성 2018.09.18 14:28 수정 … 조회수": a page counter closing the stamp
        text = text.rsplit(None, 1)[0] if " " in text else text
    second = _SECOND_STAMP.search(text, 5)
    if second:  # "입력 2023-05-19 03:00 업데이트 2023-05-19 11:42": two stamps, the first dates the article
        first, rest = text[: second.start()], text[second.end():]
        return parse_date_line(first) if parse_date_line(rest) is not None else None
    if len(text) > 60:
        return None
    for form in _DATE_FORMS:
        match = form.match(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else _MONTHS.get(parts["mon"].lower().rstrip("."))
        if month is None:
            return None
        try:
            return date(int(parts["y"]), month, int(parts["d"])).isoformat()
        except ValueError:
            return None
    return None


def normalise_date(value: str) -> str | None:
    """The calendar date (ISO 8601, as the page dates it: no time-zone shift) of a
    machine-readable date attribute, or None when it is not one. Articles are dated by
    day everywhere (text pages state no time), so one column compares across formats."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return parse_date_line(value)
