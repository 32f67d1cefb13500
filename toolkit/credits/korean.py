"""Korean credit forms -> credits.

- bylines and sign-offs: "서울에서 김준호 기자가 보도합니다", "지금까지 워싱턴에서 자유아시아방송
  김준호입니다", "YTN 조수현입니다", the contracted "이현줍니다" (이현주 + ㅂ니다), "최문정 기자입니다";
  after a rubric ("북한 내부소식, 문성휘 기자가 보도합니다") or closing a lead sentence
  ("…관심을 끌고 있는데요, 서울에서 김현진 특파원이 보도합니다");
- credit blocks: "에디터 양성원, 웹팀 이경하", "영상취재: 홍길동·김철수", "[구성 : 손재일, 촬영 : 김두영]",
  "홍길동 기자 hong@paper.example", "이영종 중앙일보 정치부 기자 yjlee@…", a bare e-mail sign-off;
- caption credits: "ⓒ연합뉴스", "파주=뉴스1", "평양 AFP 연합뉴스", "사진공동취재단", "[사진=연합뉴스]".

A name must have the shape of a Korean name (toolkit.names) and every other word of the line
must be a credit word: "탈북자 김 씨는…" or "11년차 베테랑 조현용 기자가 … 취재했습니다" are story
text, never credits. Lines are read as words, not with backtracking patterns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from toolkit.credits.agents import looks_like_organization, organization_of, short_org
from toolkit.credits.text import find_emails
from toolkit.credits.vocabulary import (CHAINED_AGENCIES, KO_LABELS, KO_NEWS_ENDINGS, KO_SUBJECT_POSITIONS, KO_TITLES,
                                        KO_WRITER_TITLES, PHOTO_AGENCIES)
from toolkit.datafiles import lexicon_keys
from toolkit.hangul import has_syllable, is_syllable_word
from toolkit.model import Credit
from toolkit.names import is_korean_name, split_name, transliterations
from toolkit.rubrics import SPEAKER_NAMES

_PUNCT = set("()[]【】<>〈〉《》,·ㆍ/|=:;ⓒ©\"'“”‘’▶■▲△▣●•")
_STAMP_LABELS = ("기사입력", "최종수정", "송고시간", "입력", "수정", "업데이트", "승인", "송고", "등록", "작성일", "작성날짜", "작성시간",
                 "게재", "발행", "댓글", "조회수", "조회", "추천")
_STAMP_CHARS = set("0123456789.-/:")
_KO_ORG_ENDINGS = KO_NEWS_ENDINGS + ("신보", "프레스", "취재단", "뉴시스", "뉴스1", "경제", "이코노믹", "이코노미", "데일리",
                                     "투데이", "TV", "닷컴", "연구소", "재단", "협회")
# Korean outlets whose names carry none of those endings ("한겨레21", "시사IN", "오마이뉴스")
_KO_OUTLET_STEMS = ("한겨레", "경향", "오마이", "프레시안", "시사IN", "시사인", "시사저널", "주간조선", "월간조선",
                    "신동아", "주간동아", "노컷", "미디어오늘", "뉴스타파")
_DESK_ENDINGS = ("부", "팀", "국", "데스크", "센터", "반")
# what a broadcast reporter does in the anchor's hand-over, as the anchor says it (spaces dropped):
# a verb stem that only a report does, in its present, "tried" and future forms
_REPORT_VERBS = ("짚어보", "알아보", "살펴보", "들어보", "만나보", "따라가보", "가보", "둘러보", "들여다보", "돌아보",
                 "담아보")  # "… 표정을 A 기자가 담아봤습니다": the pictures the report brings
_REPORT_VERB_FORMS = tuple(stem[:-1] + end for stem in _REPORT_VERBS for end in ("봅니다", "봤습니다", "보겠습니다"))
# the humble intros, a report's and an intro's: "A 기자가 새 코너를 소개해 드립니다"
_HUMBLE_INTROS = ("소개해드립니다", "소개해드리겠습니다", "알려드립니다", "알려드리겠습니다")
_REPORT_ENDINGS = (
    "보도합니다", "보도했습니다", "보도입니다", "보도해드립니다", "전합니다", "전했습니다", "전해왔습니다",
    "전해드립니다", "취재했습니다", "정리했습니다", "소식을전해드립니다", "소식을전합니다",
    "전해드리겠습니다", "보도하겠습니다", "취재입니다", "리포트입니다", "정리합니다", "정리해드립니다", "취재합니다", "다녀왔습니다",
    "함께했습니다", "동행했습니다", "동행취재했습니다", "만났습니다", "소개합니다", "보여드립니다",
    "담았습니다", "담아왔습니다", "소개하겠습니다",  # "… 풍경을 홍길동 카메라기자가 담았습니다": the pictures he brought
    *_HUMBLE_INTROS,
    "전해주시죠", "전해주십시오", "전해주세요",  # the anchor calls on the reporter: "홍길동 기자 전해주시죠"
    "나와있습니다",  # the anchor hands over to the studio's reporter: "사회부 홍길동 기자 나와 있습니다"
) + _REPORT_VERB_FORMS
_STANDING_BY = ("나와있습니다",)
_COPULAS = ("이었습니다", "였습니다", "입니다")
# ("진행에 홍길동입니다" introduces the host of a programme, an anchor: not a credit)
_LEAD_WORDS = {"지금까지", "이상", "지금까지는", "담당에", "취재에", "보도에", "취재", "보도", "인터뷰에", "대담에",
               # an anchor's words before the byline: "자세한 소식 홍길동 기자입니다", "이어서 홍길동 기자입니다"
               "자세한", "소식", "소식은", "내용", "내용은", "이어서", "계속해서", "먼저", "다음", "관련", "첫",
               "오늘", "이번", "마지막"}  # "오늘 첫 소식은 홍길동 기자가 보도합니다"
# present-tense intros that may follow what the report is about: "자세한 소식을 서울에서 이현주 기자가
# 보도합니다" (a past "…를 김 기자가 보도했습니다" is story text, so only these)
_INTRO_ENDINGS = ("보도합니다", "전합니다", "전해드립니다", "전해드리겠습니다", "보도하겠습니다", "정리합니다",
                  "다녀왔습니다", "함께했습니다", "동행했습니다", "만났습니다", "소개합니다",
                  "담았습니다", "담아왔습니다", "소개하겠습니다", *_HUMBLE_INTROS) + _REPORT_VERB_FORMS
_OBJECT_PARTICLES = ("을", "를", "에", "에게", "와", "과", "으로", "로")
_MAX_BYLINE_WORDS = 6  # "서울에서 RFA 이현주 기자가 함께 했습니다": the byline closing an intro
_MAX_OBJECT_WORDS = 10
_WEEKDAYS = set("월화수목금토일")  # "2014.09.25 (목)"
_LABEL_TAILS = {"제공", "협조"}  # "사진 제공: 홍길동" is one label
_MAX_PLACE_TOKENS = 12  # "옐로나이프(캐나다)=": the words of a place before "=" (a bounded look back)
_PARTICLES = ("가", "이", "의")
# words of a byline widget around the name: "홍길동 기자 외 2명", "다른 기사 보기", "기자 구독"
_FILLERS = {"외", "및", "다른", "기사", "보기", "더보기", "다른기사", "기사보기", "구독", "구독하기", "기자페이지", "바로가기",
            "기자명", "정보", "기자정보", "프로필", "+", "목록"}  # a widget's buttons: "기자 정보", "기자페이지 +", "목록"
# nouns of the newsroom that have a name's shape (a surname syllable, then one or two more): "신문사 기자"
# is a widget's placeholder, not a reporter named 신문사
_NEWSROOM_NOUNS = {"신문사", "방송사", "통신사", "언론사", "기자명", "기자단", "편집자", "기고자", "필자"}
# people a story cites without naming them: a source, an official, a viewer who sent a video
_UNNAMED_SOURCES = ("소식통", "관계자", "제보자", "시청자", "누리꾼", "네티즌", "독자")
# Hangul words of the credit vocabulary and the unnamed sources: never the name a credit gives
# labels that are also given names with their surname ("이미지 기자": 이 미지): a name where a name stands
_NAME_LIKE_LABELS = frozenset({"이미지"})
NOT_CREDITED_WORDS = frozenset(_NEWSROOM_NOUNS | set(_FILLERS) | (set(KO_LABELS) - _NAME_LIKE_LABELS) | set(KO_TITLES)
                               | KO_SUBJECT_POSITIONS | set(_UNNAMED_SOURCES))
_SENTENCE_END = re.compile(r"(?:[다요죠까]|니다|네요)[.!?]?$")
_B_FINAL = 17  # index of ㅂ among the 28 Hangul final consonants
_MAX_TITLE_MIDDLE = 4  # "김진희인턴기자": up to four syllables between a name and its title
# words that open a bracket of a clip or a rubric, never an outlet: "[인터뷰 홍길동 기자]"
_CLIP_WORDS = {"인터뷰", "녹취", "현장음", "싱크", "영상", "자막", "앵커", "기자", "리포트", "화면", "사진", "출처", "제보",
               "단독", "속보", "종합", "포토", "르포", "현장", "이슈", "리포터", "대담", "질문", "답변", "SYNC", "INT"}


def ko_tokens(text: str) -> list[str]:
    """Words and punctuation of a Korean credit line; e-mail addresses stay whole."""
    out: list[str] = []
    for part in _chunk_tokens(text):
        out += part
    return out


def _chunk_tokens(text: str) -> Iterator[Sequence[str]]:
    """ko_tokens, one white-space-separated chunk at a time (a reader may stop early)."""
    for chunk in text.split():
        if "@" in chunk:
            spans = find_emails(chunk)
            if spans:
                out: list[str] = []
                pos = 0
                for a, b in spans:
                    out += _split_punct(chunk[pos:a])
                    out.append(chunk[a:b])
                    pos = b
                out += _split_punct(chunk[pos:])
                yield out
                continue
        yield _split_punct(chunk)


# one punctuation character, kept by the split: a single character class, so linear
_PUNCT_SPLIT = re.compile("([" + "".join(re.escape(ch) for ch in sorted(_PUNCT)) + "])")


@functools.lru_cache(maxsize=16_384)
def _split_punct(chunk: str) -> tuple[str, ...]:
    """Runs of other characters and each punctuation character, in order (the split leaves
    empty runs between adjacent marks: the filter below drops them with the bare dots). Kept:
    a 200-article build splits ~62,000 chunks, most of them words met before; a tuple, so that
    no caller can change what the next one gets."""
    out = _PUNCT_SPLIT.split(chunk)
    return tuple([w.rstrip(".") if not w[:1].isdigit() else w for w in out if w.rstrip(".") or w[:1].isdigit()])


_ISSUE = re.compile(r"제\d{1,5}호")  # "제697호": a magazine's issue number over a byline


def _is_stamp(token: str) -> bool:
    """A date, a time or a page counter ("2023-05-19", "03:00업데이트", "입력", "댓글0건", the "목" of "(목)")."""
    if token in _WEEKDAYS or _ISSUE.fullmatch(token) or token.startswith(_STAMP_LABELS) or token.endswith(_STAMP_LABELS):
        return True
    core = token.rstrip("건회명")
    return bool(core) and _STAMP_CHARS.issuperset(core) and any(map(str.isdigit, core))


_MAX_SURNAME_CHARS = 4  # Kim, Lee, Park, Choi: a title-case word this short is no outlet's name
# the metropolitan cities and provinces, as a broadcaster's regional station names itself ("MBC 경남")
_KO_REGIONS = frozenset({"서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북",
                         "충남", "전북", "전남", "경북", "경남", "제주"})
# a regional station of a national broadcaster, its place glued on: "광주MBC", "대구mbc", "KBS제주"
# (the place in two syllables, so that a glued name "홍길동MBC" is no station)
_REGIONAL_STATION = re.compile(r"(?:[가-힣]{2}(?P<after>[A-Za-z]{2,5})|(?P<before>[A-Za-z]{2,5})[가-힣]{2})")


def _is_station_region(words: list[str], k: int) -> bool:
    """words[k] is the region a broadcaster's station names itself by ("mbc 경남"): part of the
    outlet, so neither a name nor a word that ends the lead."""
    return k > 0 and words[k] in _KO_REGIONS and is_outlet(words[k - 1])


def regional_station(inner: str) -> str | None:
    """The broadcaster of "KBS 부산", "MBC 강원" (a national outlet and the region or city its station
    serves): the desk a relayed regional story is signed by; None for anything else ("KBS 단독")."""
    words = inner.split()
    if len(words) != 2 or not organization_of(words[0]):
        return None
    return organization_of(words[0]) if words[1] in _KO_REGIONS or is_place_word(words[1]) else None


_BRAND_OUTLET = re.compile(r"[a-z]?[A-Z]{2,5}(?P<section>[가-힣]{1,4})")


def is_outlet(token: str) -> bool:
    """A news organization or desk ("중앙일보", "정치부", "CBS국제부", "YTN", "News1")."""
    if organization_of(token) or token.lower() in PHOTO_AGENCIES:
        return True
    if (m := _REGIONAL_STATION.fullmatch(token)) and organization_of(m["after"] or m["before"]):
        return True
    if token.endswith(_KO_ORG_ENDINGS) and len(token) >= 2:
        return True
    if token.startswith(_KO_OUTLET_STEMS):
        return True
    if (m := _BRAND_OUTLET.fullmatch(token)) and m["section"] not in KO_TITLES and m["section"] not in KO_LABELS:
        return True  # "iMBC연예", "MBN스타", "YTN스타": a broadcaster's brand and its section, one word
    if token.startswith(("뉴스", "데일리", "채널", "TV")) and len(token) >= 3 and has_syllable(token):
        return True  # "뉴스컬처", "뉴스핌", "데일리안", "TV조선"
    if token.endswith(_DESK_ENDINGS) and len(token) >= 3 and not is_korean_name(token):
        return True
    core = token.replace("-", "")  # "NBC-1TV", "News1"
    latin = "".join(ch for ch in core if not ch.isdigit())
    if not latin.isupper() and latin == core and len(core) <= _MAX_SURNAME_CHARS:
        return False  # "Kim 이현줍니다": a romanized surname, not an outlet
    return bool(latin) and core.isascii() and core.isalnum() and (latin.isupper() or token[:1].isupper()) and len(token) <= 10


_TITLE_MODIFIERS = {"인턴", "수습", "선임", "수석", "객원", "사진", "영상", "촬영", "취재", "편집", "전문", "대",
                    "국민", "시민", "명예"}  # "국민기자", "시민기자": a citizen reporter signs as one


def _is_modifier(middle: str) -> bool:
    """A word that qualifies a title: 인턴(기자), 군사전문(기자), 선임(기자)."""
    return middle in _TITLE_MODIFIERS or (middle.endswith("전문") and len(middle) <= _MAX_TITLE_MIDDLE + 2)


_TITLES_LONGEST_FIRST = tuple(sorted(KO_TITLES, key=len, reverse=True))  # "인턴기자" is tried before "기자"


def title_role(token: str) -> str | None:
    """Role of a job title ("기자", "인턴기자", "군사전문기자", "특파원", "작가")."""
    if not token.endswith(_TITLES_LONGEST_FIRST):
        return None  # one test for the common case, a word no title ends (each branch below needs one)
    for title in _TITLES_LONGEST_FIRST:
        if token == title or (token.endswith(title) and _is_modifier(token[: -len(title)])):
            return KO_TITLES[title]
    return None


def name_and_title(token: str) -> tuple[str, str | None] | None:
    """("홍길동", None) for "홍길동"; ("안철민", "reporter") for "안철민기자", "김진희인턴기자".
    Words of the credit vocabulary are never names, whatever their shape ("인터뷰", "장관", "감수")."""
    if token in _CLIP_WORDS or (token in KO_LABELS and token not in _NAME_LIKE_LABELS) \
            or token in KO_SUBJECT_POSITIONS or token in KO_TITLES \
            or token in _FILLERS or token in _NEWSROOM_NOUNS or title_role(token) is not None:
        return None  # (a qualified title, "인턴기자", is no name 인턴 with its title)
    if is_korean_name(token):
        return token, None
    best: tuple[str, str | None] | None = None  # the longest name wins: "최영대기자" is 최영대 기자, not 최영 대기자
    for title in _TITLES_LONGEST_FIRST:
        if not token.endswith(title):
            continue
        head = token[: -len(title)]
        for k in range(min(len(head), 5), 1, -1):
            middle = head[k:]
            if (not middle or _is_modifier(middle)) and is_korean_name(head[:k]):
                if best is None or k > len(best[0]):
                    best = head[:k], KO_TITLES[title]
                break
    return best


def _strip_copula(token: str) -> str | None:
    """"조수현입니다" -> "조수현"; the contracted "이현줍니다" -> "이현주"; else None."""
    for ending in _COPULAS:
        if token.endswith(ending) and len(token) > len(ending):
            return token[: -len(ending)]
    if token.endswith("니다") and len(token) >= 4:
        code = ord(token[-3]) - 0xAC00
        if 0 <= code < 11172 and code % 28 == _B_FINAL and token[-3] != "합":  # "연결합니다" is a verb
            return token[:-3] + chr(ord(token[-3]) - _B_FINAL)
    return None


def _ko_credit(role: str, name: str, orgs: list[str]) -> Credit:
    org = next((short_org(o) for o in orgs), None)
    if org == "RFA":
        return Credit(role=role, name=name, service="Korean", organization="RFA", language="ko")
    return Credit(role=role, name=name, organization=org)


def is_place_word(word: str) -> bool:
    """A place or foreign word the transliteration table lists ("런던", "워싱턴"), not a person's name."""
    return word in transliterations() and not is_korean_name(word)


def name_after_place(word: str) -> str | None:
    """"서울-윤하정" (RFA's byline line: the city the report comes from, a dash, the reporter): the name."""
    place, dash, name = word.replace("–", "-").replace("—", "-").partition("-")
    if not dash or not is_place_word(place):
        return None
    found = name_and_title(name)
    return found[0] if found is not None and found[1] is None and is_korean_name(found[0]) else None


def _lead_ok(lead: list[str]) -> list[str] | None:
    """The words before the name of a byline or sign-off: "지금까지", "워싱턴에서", "런던", an outlet.
    Returns the outlets among them, None when some other word is there."""
    orgs = []
    for k, word in enumerate(lead):
        if word in _LEAD_WORDS or (word.endswith("에서") and 3 <= len(word) <= 12):
            continue
        if word == "이" and lead[k + 1:k + 2] and lead[k + 1] in {"소식", "소식은", "내용", "내용은"}:
            continue  # "이 소식 홍길동 기자가 전합니다": "this" before what the report is about
        if is_outlet(word):
            orgs.append(word)
            continue
        if (k == 0 and is_place_word(word)) or _is_station_region(lead, k):
            continue  # "서울", and "mbc 경남": the broadcaster's regional station
        return None
    return orgs


def parse_signoff(words: list[str]) -> list[Credit] | None:
    """"[지금까지] [워싱턴에서] [자유아시아방송] 김준호[ 기자]입니다" and "… 김준호 기자가 보도합니다"."""
    if not words:
        return None
    words = [w for w in words if w not in {",", "·"}]
    if not words:  # only separators ("서울에서 , ,")
        return None
    words[-1] = _uncontracted(words[-1])
    joined_tail = "".join(words[-3:])
    for ending in _ENDINGS_LONGEST_FIRST:  # "동행 취재했습니다" before "취재했습니다"
        if joined_tail.endswith(ending):
            # how many trailing words make up the ending ("전해 드립니다" is two)
            consumed, acc = 0, ""
            while len(acc) < len(ending) and consumed < len(words):
                consumed += 1
                acc = words[-consumed] + acc
            if acc == ending and (found := _byline(words[:-consumed], "reporter", needs_title=True)) is not None:
                return found
            # "A 기자가 단독 보도합니다", "A 기자가 현장 취재했습니다": a bare noun of manner before the verb
            if acc == ending and consumed < len(words) and _is_manner(words[-consumed - 1]) \
                    and (found := _byline(words[:-consumed - 1], "reporter", needs_title=True)) is not None:
                return found
    if joined_tail.endswith(_REPORT_ENDINGS):
        return None
    base = _strip_copula(words[-1])
    if base is None:
        return None
    return _byline(words[:-1] + [base], "reporter", needs_title=False)


_ENDINGS_LONGEST_FIRST = sorted(_REPORT_ENDINGS, key=len, reverse=True)
_MAX_MANNER = 3


def _is_manner(word: str) -> bool:
    """A short bare noun said of how the report was made ("단독", "현장", "집중"), no name nor title."""
    return len(word) <= _MAX_MANNER and _is_bare_noun(word) and title_role(word) is None \
        and name_and_title(word) is None


def _uncontracted(word: str) -> str:
    """"보돕니다" -> "보도입니다": a report noun ending in a vowel fuses with 입니다 as a name does
    ("이현줍니다"); only when the full form is a report ending."""
    if word.endswith("입니다") or (base := _strip_copula(word)) is None:
        return word
    full = base + "입니다"
    return full if full.endswith(_REPORT_ENDINGS) else word


def _byline(words: list[str], role: str, needs_title: bool) -> list[Credit] | None:
    """The lead words, a name and perhaps a title: "서울에서 김준호 기자가" / "자유아시아방송 김준호"."""
    if not words:
        return None
    last = words[-1]
    if last.endswith(_PARTICLES) and len(last) >= 2:  # "기자가", "특파원이", "홍길동기자가"
        stripped = last[:-1]
        if title_role(stripped) or (name_and_title(stripped) or (None, None))[1] is not None:
            last = stripped
    title = title_role(last) if not is_korean_name(last) else None
    if title is not None and len(words) >= 2 and name_and_title(words[-2]):
        name, _ = name_and_title(words[-2])
        lead = words[:-2]
    elif (found := name_and_title(last)) is not None:
        name, title = found
        lead = words[:-1]
    else:
        return None
    if needs_title and title is None:
        return None
    orgs = _lead_ok(lead)
    if orgs is None:
        return None
    if title is None and not orgs and not lead:
        return None  # "김준호입니다" alone: a speaker introducing himself, not a sign-off
    return [_ko_credit(title or role, name, orgs)]


_OPENERS, _CLOSERS = frozenset("([【"), frozenset(")]】")  # the brackets a label may be read inside


def parse_unit(words: list[str]) -> tuple[list[Credit], bool] | None:
    """A credit block: labels, names with titles, outlets, e-mails and time stamps only.

    Returns (credits, signed): `signed` when the block carries an e-mail address (a sign-off
    even when it names nobody). None when any word is not a credit word.
    """
    words = _provided_as_labelled(_labels_before_names(words))
    at_venue = _at_venue(words)
    if at_venue:
        words = words[2:]  # "잠실 | A 기자 a@b": where the picture was taken, then its photographer
    credits: list[Credit] = []
    pending: list[int] = []  # credits still waiting for a title ("홍길동 김철수 기자")
    label: str | None = None
    label_used = False
    orgs: list[str] = []
    signed = False
    photo = "ⓒ" in words or "©" in words  # "2025.12.7/뉴스1 ⓒ News1 허경 기자": a photo caption's credit
    joined: list[str] = []  # labels joined to the current one by "·" ("사진·글")
    places = _places_before_equals(words)
    named_at = -1  # where the last name stood: a title right after it is no new label
    loose = False  # a word before a pending name, unparted from it, is no bare name: no list of names
    depth = label_depth = 0  # brackets open now, and when the current label was read
    for k, word in enumerate(words):
        depth += (word in _OPENERS) - (word in _CLOSERS)
        if word in _CLOSERS and label is not None and label_depth > depth:
            label, joined = None, []  # "(영상취재 A) B 기자", "[영상취재 A] B 기자": a label read inside a bracket ends with it
        if word in _PUNCT or word in _FILLERS or re.fullmatch(r"\d+명", word) or k in places or not word.strip("-–—"):
            continue
        if word in _CLIP_WORDS and word not in KO_LABELS:
            return None  # "[인터뷰 한결 기자]": who speaks in a clip, not a credit block
        if word in _LABEL_TAILS and label is not None:  # "사진 제공: A", and "사진=A 제공" ("제공" is no name)
            continue
        if "@" in word:
            signed = True
            continue
        if _is_station_region(words, k):
            continue  # "mbc 경남 서윤식 기자": the broadcaster's regional station
        if _is_stamp(word):
            continue
        if pending and (role := title_role(word)) is not None:  # "홍길동 김철수 기자"
            if loose:
                return None
            for k in pending:
                credits[k].role = role
            pending = []
            continue
        if word not in KO_LABELS and k + 1 < len(words) and words[k + 1] in _LABEL_MARKS \
                and (base := _compound_label(word)) is not None:
            word = base  # "현장취재|윤다솜": a label with a qualifier before it, its value after a mark
        if word in KO_TITLES and label is not None and named_at == k - 1 \
                and not (k + 1 < len(words) and words[k + 1] in _LABEL_MARKS):
            continue  # "영상취재 : 박준영 기자 김현석 기자": a title after a labelled name, the label goes on
        if word in _RANKS and label is not None and named_at == k - 1:
            continue  # "사진=A 대리", "사진=A 연구원": the person's rank, no second name
        if word in KO_LABELS:  # a second label right after one ("번역 감수") names the job
            if label is not None and not label_used and k >= 2 and words[k - 1] in _LABELS_JOINED \
                    and words[k - 2] == label and label not in KO_TITLES:  # "… 기자 / 사진 B": a title, then a label
                joined.append(label)  # "사진·글 박승화 기자", "촬영, 편집 : A, B", "번역 및 감수": each job
            else:
                joined = []
            label, label_used, label_depth = word, False, depth
            pending = []
            continue
        if k > 0 and words[k - 1] in {"ⓒ", "©"} and not name_and_title(word):
            orgs.append(word)  # "ⓒ시사IN 조남진": the holder of the copyright, then the photographer
            continue
        role = title_role(word)  # before the name test: "선임기자" is a title, not 선임 + 기자
        if role is not None:
            for j in pending:
                credits[j].role = role
            pending = []
            continue
        # "선배 박지현 기자", "<서귀포=주민씨 제공>": who, not a name
        found = name_and_title(word) if word.removesuffix("씨") not in _NO_ONES_NAME else None
        if found is not None:
            name, title = found
            by_label = KO_LABELS[label] if label else ""
            if by_label and by_label != "reporter" and title is not None:
                # "[사진 - 통일뉴스 송정미기자]", "글/조재현기자", "작성자 A PD": the label says what the person
                # did here, the title is their job
                title = None
            # "(목포시 제공)", "(사진=목포시)": a city's office lent the picture
            credits.append(Credit(role=title or by_label, name=name,
                                  agent="organization" if by_label == "photographer" and title is None
                                  and _is_public_body(name) else "person"))
            named_at = k
            credits += [Credit(KO_LABELS[extra], name) for extra in joined if title is None]
            label_used = label is not None
            if title is None and label is None:
                if pending and words[k - 1] not in _LABEL_JOINS | {",", "ㆍ"} \
                        and not is_bare_name(credits[pending[-1]].name):
                    loose = True  # "팽목항 풍경 A 선임기자": words of a picture's title before the name, no list
                pending.append(len(credits) - 1)
            continue
        if not credits and label is None and k + 1 < len(words) and words[k + 1] in KO_LABELS \
                and is_syllable_word(word) and len(word) <= _MAX_DESK_WORD and not word.endswith(_NOT_OUTLET_ENDINGS) \
                and not any(w not in _PUNCT for w in words[:k]):
            continue  # "피처 에디터 A", "패션 에디터 A": the desk a magazine's label names, before the label
        if label in (_PROVIDED, "사진") and not label_used and _is_county_or_office(word):  # ("출처 : 통계청": a table's)
            credits.append(Credit("photographer", word, organization=short_org(word), agent="organization"))
            label_used = True  # "양구군 제공", "한빛군청 제공": a county or its office lent the picture
            continue
        if label in (_PROVIDED, "사진") and not label_used and word in _UNNAMED_SOURCES and "사진" in words[:k]:
            credits.append(Credit("photographer", word, agent="person"))  # "사진/독자 제공": as _LABELLED_UNNAMED
            label_used = True
            continue
        if is_outlet(word) or (not credits and not orgs and label is None and _unlisted_outlet(words, k)):
            if label == "출처" and not (organization_of(word) or word.lower() in PHOTO_AGENCIES):
                return None  # "출처 : 기획재정부": where a document comes from, not who took a picture
            if label is not None and label_used and k > 0 and words[k - 1] in ("·", "ㆍ") and credits \
                    and credits[-1].agent == "organization" and _is_agency(credits[-1].name) and _is_agency(word):
                # "사진=AP·연합뉴스": the agency that took the picture and the one that moved it on
                credits.append(Credit(role=credits[-1].role, name=word, organization=_agency_org(word), agent="organization"))
            if label is not None and not label_used and not _name_follows(words, k):
                # "출처: BBC", "사진=연합뉴스": the outlet is the agent ("사진 - 통일뉴스 송정미기자": its photographer is)
                # "(사진: 한빛일보 사진부)": the outlet's desk right after it is the one credited, as desks sign
                desk = desk_name(f"{word} {words[k + 1]}") if k + 1 < len(words) and is_syllable_word(words[k + 1]) else None
                credits.append(Credit(role=KO_LABELS[label], name=desk or word, organization=short_org(word),
                                      agent="organization"))
                label_used = True
            orgs.append(word)
            continue
        return None
    dated = "|" in words and any(_is_stamp(w) and _YEAR.search(w) for w in words)
    for c in credits:
        if not c.role:
            if dated and len(credits) == 1:
                c.role = "reporter"  # "김성원 | 2011-12-20 16:53": a list page's byline and its date
                continue
            if photo and orgs:
                c.role = "photographer"  # "ⓒ시사IN 조남진"
                c.organization = c.organization or short_org(orgs[0])
                continue
            if not signed:
                return None  # a bare name ("김정은") is not a credit
            c.role = "reporter"
        if photo and c.role == "reporter":
            c.role = "photographer"
    if not credits and not signed:
        return None
    if at_venue:
        for c in credits:
            if c.role == "reporter" and c.agent == "person":
                c.role = "photographer"
    if _REPORTER_FIELD in words:  # "기자명 A 편집국장": a byline widget's field names its reporter, whatever the rank
        for c in credits:
            if c.role == "writer" and c.agent == "person":
                c.role = "reporter"
    if orgs:
        org = short_org(orgs[0])
        for c in credits:
            if c.agent == "person" and c.organization is None and org == "RFA":
                c.service, c.organization, c.language = "Korean", "RFA", "ko"
    return credits, signed


_MAX_DESK_WORD = 4


def _at_venue(words: list[str]) -> bool:
    """"잠실 | A 기자 a@b", "상암|A 기자": a sports paper's photo credit opens with the venue and a bar, then
    the photographer's byline; the venue is a short Hangul word that is no outlet, desk, label or title,
    and a name with its title follows the bar."""
    if len(words) < 3 or words[1] != "|" or not is_syllable_word(words[0]) or not 2 <= len(words[0]) <= 4 \
            or is_outlet(words[0]) or words[0] in KO_LABELS or title_role(words[0]) or words[0] in _CLIP_WORDS \
            or is_bare_name(words[0]):  # ("홍길동 | 김철수 기자": two people, no venue)
        return False
    found = name_and_title(words[2])
    return found is not None and (found[1] is not None or (len(words) > 3 and title_role(words[3]) is not None))


_REPORTER_FIELD = "기자명"  # the field a Korean CMS prints before its byline ("기자명 A 기자 다른기사 보기")
_OUTLET_WORD = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9]{1,11}")
# endings no outlet's name has; "이" and "가" are left out of them: "머니투데이", "이투데이"
_NOT_OUTLET_ENDINGS = ("은", "는", "을", "를", "에", "의", "도", "로", "와", "과", "다", "요", "서", "께")


def _unlisted_outlet(words: list[str], k: int) -> bool:
    """words[k] opens a byline unit and stands right before a titled name ("머니투데이 안재석 기자",
    "한경닷컴 안재석기자"): the outlet the reporter writes for, though no list of outlets knows it.
    Only one word, the unit's first, and never one that ends in a particle or a sentence ending."""
    word = words[k]
    if any(w not in _PUNCT for w in words[:k]) or not _OUTLET_WORD.fullmatch(word) \
            or word.endswith(_NOT_OUTLET_ENDINGS) or word in _CLIP_WORDS or word in KO_LABELS \
            or word in _FILLERS or word in _NEWSROOM_NOUNS or word in _WHO_NOUNS or word in KO_SUBJECT_POSITIONS:
        return False
    rest = words[k + 1:k + 3]
    found = name_and_title(rest[0]) if rest else None
    if found is None or not is_korean_name(found[0]):
        return False
    return found[1] is not None or (len(rest) > 1 and title_role(rest[1]) is not None)


_PROVIDED = "사진제공"  # the label a provider's line is read with
_PUBLIC_BODY_ENDINGS = ("시", "군", "구", "도", "청", "처")  # 목포시, 강원도, 기상청: a public office, no person


def _is_county_or_office(word: str) -> bool:
    """"양구군", "한빛군청", "기상청": a county (a two-syllable place glued to 군; the honorific 군 follows a
    name spaced or makes four syllables of it) or a public office; no name test lets these through."""
    return has_syllable(word) and word.isalnum() and ((len(word) == 3 and word.endswith("군"))
                                                      or (len(word) >= 3 and word.endswith(("청", "처"))))


def _is_public_body(name: str) -> bool:
    """"목포시", "기상청": a place or an office with its suffix; not a person whose given name ends alike
    ("이영구", "김성구": a name, unless what comes before the suffix is a place, as in "인천시"). No given
    name ends in 시, so "하남시", "한빛시" (places no table lists) are cities too."""
    return name.endswith(_PUBLIC_BODY_ENDINGS) and (not is_korean_name(name) or name[:-1] in transliterations()
                                                    or (name.endswith("시") and len(name) >= 3))


def _provided_as_labelled(words: list[str]) -> list[str]:
    """"김덕진 제공", "(서울시 제공)", "채널A 제공": who provided the picture, read as the labelled
    "사진제공 김덕진" (a lender credited as a photo's source); "사진 제공 A" keeps its label as it is, and a
    provider of several words ("[한빛그룹 홍보팀 제공]") is the bracket readers'."""
    if "제공" not in words:
        return words
    out: list[str] = []
    for k, word in enumerate(words):
        # "윤서준 기자 제공": a colleague's picture, the provider named with a title
        head = len(out) - 2 if len(out) >= 2 and title_role(out[-1]) == "reporter" else len(out) - 1
        if word == "제공" and out and out[head] not in _PUNCT and out[head] not in KO_LABELS \
                and (head == 0 or out[head - 1] in _PUNCT) \
                and (k + 1 == len(words) or words[k + 1] in _PUNCT or "@" in words[k + 1] or _is_stamp(words[k + 1])):
            out.insert(head, _PROVIDED)
            continue
        out.append(word)
    return out


def _labels_before_names(words: list[str]) -> list[str]:
    """"이승환(취재) 010-…", "박민국(사진·영상)": a team list's name with its jobs in brackets after it,
    read as the labelled name "취재 이승환" (one pass, each bracket at most four words)."""
    if "(" not in words:
        return words
    out: list[str] = []
    k = 0
    while k < len(words):
        close = words.index(")", k) if ")" in words[k:k + 7] else -1
        if k + 2 < len(words) and words[k + 1] == "(" and close > k + 2 and name_and_title(words[k]) \
                and all(w in KO_LABELS or w in _LABEL_JOINS for w in words[k + 2:close]):
            out += words[k + 2:close] + [words[k]]
            k = close + 1
            continue
        out.append(words[k])
        k += 1
    return out


_LABEL_JOINS = {"·", "ㆍ", "/"}
_LABELS_JOINED = _LABEL_JOINS | {",", "및"}  # what joins two labels of one block: both jobs are credited
_LABEL_MARKS = {":", "|", "="}
_MAX_QUALIFIER = 2  # syllables before a label: "현지취재", "추가취재", "영상촬영"


def _compound_label(word: str) -> str | None:
    """The label a qualified label ends with ("현지취재" -> "취재"), or None."""
    for n in range(len(word) - 1, 1, -1):
        if word[-n:] in KO_LABELS and 1 <= len(word) - n <= _MAX_QUALIFIER and is_syllable_word(word[:-n]):
            return word[-n:]
    return None


_SPACED_LABEL = re.compile(r"(?P<lead>\W*)(?P<label>[가-힣](?: [가-힣]){1,3})(?=\s*[|:])")
# labels that also head a caption or a section on their own line: never a bare label line
_NOT_BARE_LABELS = {"사진", "영상", "그림", "글", "카메라", "출처", "기자", "도움", "인턴", "정리", "취재", "제작", "편집"}
_MAX_BARE_VALUE = 30


def join_spaced_label(line: str) -> str:
    """"기 획|김하늘": a widget spaces a short label's letters to align it; the label read whole."""
    m = _SPACED_LABEL.match(line)
    if m is None or m["label"].replace(" ", "") not in KO_LABELS:
        return line
    return m["lead"] + m["label"].replace(" ", "") + line[m.end():]


# a credit line opening on its label(s) and mark: "글·사진 = ", "사진:", "글/"
_MAX_LABEL_BLOCK_CHARS = 240  # a value column of a few titled names and their addresses
_LABEL_OPENING = re.compile(r"\W{0,2}(?P<labels>[가-힣]{1,5}(?:[·ㆍ][가-힣]{1,5})?)\s*[=:]")


def continues_label_block(above: str, line: str) -> bool:
    """`line` (indented under `above` on the page) carries on the value of the labelled credit line above:
    the line above opens on credit labels and reads whole as credits, and this one is only titled names
    (with their addresses), no label of its own ("글·사진 = A 기자 a@b" over "B 기자 b@b": both wrote and
    photographed)."""
    if len(above) > _MAX_LABEL_BLOCK_CHARS:
        return False  # (the block above is read whole for each line below: a bound keeps a long page linear)
    m = _LABEL_OPENING.match(above)
    if m is None or not all(label in KO_LABELS and label not in KO_TITLES for label in re.split("[·ㆍ]", m["labels"])):
        return False
    words = ko_tokens(line)
    if any(w in KO_LABELS and w not in KO_TITLES for w in words):
        return False
    below, read = parse_unit(words), parse_unit(ko_tokens(above))
    return bool(below and below[0] and read and read[0]) and all(c.role == "reporter" for c in below[0])


def is_bare_label(line: str, value: str) -> bool:
    """"지은이" alone on its line, a short value (a name) on the next one."""
    return line in KO_LABELS and line not in _NOT_BARE_LABELS and len(value) <= _MAX_BARE_VALUE


_YEAR = re.compile(r"(?:19|20)\d\d[-./]\d")


def _name_follows(words: list[str], k: int) -> bool:
    """A person's name (perhaps with a title) right after the outlet at k, across punctuation and the
    rest of an outlet's name ("사진=Studio A1 홍길동 작가": the studio, then its photographer); a list's
    dot right after it ("사진 제공=한빛복지재단·한빛시") joins another supplier, no photographer of it."""
    if words[k + 1:k + 2] in (["·"], ["ㆍ"]):
        return False
    for word in words[k + 1:k + 4]:
        if word in _LABEL_TAILS:
            return False  # "사진: 한빛일보 사진부 제공": the label's tail, no name
        if word in _PUNCT or (word.isascii() and is_outlet(word)) or desk_name(word):
            continue  # (and its desk: "사진=한빛일보 사진부 A 기자")
        return name_and_title(word) is not None and not is_outlet(word)
    return False


def _places_before_equals(words: list[str]) -> set[int]:
    """Indices of the place words before a "=" ("풍기·봉화=어수웅 기자", "옐로나이프(캐나다)=최홍렬 기자"),
    or before a "/" with a titled name after it ("부산/김하늘 기자": where the picture was taken)."""
    places: set[int] = set()
    for k, word in enumerate(words):
        if word != "=" and not (word == "/" and k == 1 and _placed_before_slash(words[0]) and _titled_after(words, k + 1)):
            continue
        j = k - 1
        while j >= 0 and k - j <= _MAX_PLACE_TOKENS:
            if words[j] in {"·", "(", ")"}:
                j -= 1
                continue
            if words[j] in _PUNCT or words[j] in KO_LABELS or is_outlet(words[j]):
                break
            places.add(j)
            if j >= 1 and words[j - 1] in {"·", "(", ")"}:
                j -= 1
                continue
            break
    return places


def _placed_before_slash(word: str) -> bool:
    """"부산", "강화" in "강화/김하늘 선임기자": a short Hangul word that is no name, label or title, so the
    place the picture was taken (a label, "사진/A 기자", is read as one). Nor a part the person played
    ("진행/A 기자", "출연/A 기자": the host, a guest), which no place is."""
    return 2 <= len(word) <= 5 and is_syllable_word(word) and not is_korean_name(word) and word not in KO_LABELS \
        and word not in _CLIP_WORDS and word not in SPEAKER_NAMES and word not in _PARTS_PLAYED and title_role(word) is None


# "속초/최 훈", "강릉/ 서영": a photo desk's closing credit, the place the picture was taken, a slash, then the
# photographer's bare name (a one-syllable given name may stand apart from the surname)
_PLACE_SLASH_NAME = re.compile(r"(?P<place>[가-힣]{2,5}) ?/ ?(?P<sur>[가-힣]{1,2}) ?(?P<given>[가-힣]{1,2})")


def placed_caption_name(sentence: str) -> str | None:
    """The photographer of a caption's closing "place/name" credit, written as printed ("최 훈"), or None.
    The place is a place's shape (no name, label or part played: `_placed_before_slash`), and the name a
    Korean name once its space is taken out; whether the text above is a caption, the caller judges."""
    m = _PLACE_SLASH_NAME.fullmatch(sentence.strip())
    if m is None or not _placed_before_slash(m["place"]):
        return None
    name, written = m["sur"] + m["given"], m.group()[m.start("sur") - m.start():].strip()
    if " " in written and split_name(name)[0] != m["sur"]:
        return None  # "서울/부산 간": a space in a name parts its surname ("최 훈", "남궁 민"), nothing else
    if m["place"] in _KO_REGIONS and len(written) == 2:
        return None  # "경남/김해", "강원/정선": a province, then a town in it, whose name has a name's shape
    return written if is_korean_name(name) else None


# what a person did, written before "/" and the name as a label is ("출연/A 기자"), though no credit label
_PARTS_PLAYED = {"출연", "조사", "자료", "문의", "제보", "도움말", "좌담", "토론", "패널"}


def _titled_after(words: list[str], k: int) -> bool:
    """A name with its title at k ("김하늘 기자", "김하늘기자")."""
    found = name_and_title(words[k]) if k < len(words) else None
    return found is not None and (found[1] is not None or (k + 1 < len(words) and title_role(words[k + 1]) is not None))


def _unglued(word: str) -> tuple[str, ...]:
    """A word of agencies printed together ("AP연합뉴스", "신화로이터연합") cut into them, else the word."""
    return _wire_chain(word) or (word,)


_MAX_CHAIN = 4  # "신화로이터연합": at most this many agencies glued in one word


@functools.lru_cache(maxsize=4096)
def _wire_chain(word: str) -> tuple[str, ...] | None:
    """The agencies a word is made of, in order, when it is two or more known ones glued together
    ("AP연합뉴스" -> AP, 연합뉴스; "신화로이터연합" -> 신화, 로이터, 연합): each agency that moved the
    picture on is credited, as the caption prints them. None when any piece is no agency. Longest
    piece first, with backtracking bounded by the word's length (at most a few dozen characters)."""
    if len(word) > 40 or word.lower() in PHOTO_AGENCIES:
        return None

    def cut(rest: str, depth: int) -> tuple[str, ...] | None:
        if not rest:
            return ()
        if depth == _MAX_CHAIN:
            return None
        for end in range(len(rest), 1, -1):
            if _is_agency(rest[:end], chained=True) and (tail := cut(rest[end:], depth + 1)) is not None:
                return (rest[:end], *tail)
        return None

    pieces = cut(word, 0)
    return pieces if pieces and len(pieces) > 1 and any(_is_agency(p) for p in pieces) else None


def _is_agency(word: str, chained: bool = False) -> bool:
    """A photo agency's name; with `chained`, also a short name that is one only beside another agency ("신화")."""
    return word.lower() in PHOTO_AGENCIES or (chained and word in CHAINED_AGENCIES)


def _agency_org(name: str) -> str:
    """The organization of an agency credited in a chain ("신화" -> Xinhua)."""
    return CHAINED_AGENCIES.get(name) or short_org(name)


def _agency_chain(name: str) -> list[str] | None:
    """"로이터 연합뉴스", "조선중앙통신·연합뉴스", "AP연합뉴스": two or more agencies, each credited; None
    for one agency or anything else."""
    pieces = [p for w in re.split(r"[\s·ㆍ]+", name) if w for p in _unglued(w)]
    if len(pieces) > 1 and all(_is_agency(p, chained=True) for p in pieces) and any(_is_agency(p) for p in pieces):
        return pieces
    return None


def parse_caption_source(words: list[str]) -> list[Credit] | None:
    """A caption's closing source line: "연합뉴스", "사진공동취재단", "파주=뉴스1", "평양 AFP 연합뉴스"."""
    if len(words) == 2 and _is_pool(words[1]) and is_syllable_word(words[0]) and 2 <= len(words[0]) <= _MAX_POOL_OWNER \
            and not _SENTENCE_END.search(words[0]):
        return [Credit("photographer", " ".join(words), organization="pool", agent="organization")]
    words = [w for w in words if w not in {"=", "/", "ⓒ", "©", "(", ")", "[", "]", "·", "ㆍ"}]
    words = [part for w in words for part in _unglued(w)]
    if not 1 <= len(words) <= 4:
        return None
    agencies = [w for w in words if w.lower() in PHOTO_AGENCIES or organization_of(w) or _is_pool(w)]
    if agencies:  # "신화 연합뉴스": a short name that is an agency only beside another
        agencies = [w for w in words if w in agencies or w in CHAINED_AGENCIES]
    if not agencies or words[-1] not in agencies:
        return None
    rest = [w for w in words if w not in agencies]
    if len(rest) > 1 or (rest and (words[0] != rest[0] or _SENTENCE_END.search(rest[0]))):
        return None  # at most one word, a place or the source, before the agencies
    # "조선중앙TV·연합뉴스", "평양 AFP 연합뉴스": the source and each agency that moved its picture on
    names = ([rest[0]] if rest and is_outlet(rest[0]) else []) + agencies
    return [Credit("photographer", name, organization=_agency_org(name), agent="organization") for name in names]


# "국회사진취재단": the Assembly's photo pool; "공동취재사진": a pool's picture, as papers credit it
_POOL_ENDINGS = ("공동취재단", "사진기자단", "사진취재단", "공동취재사진")
_MAX_POOL_OWNER = 6


def _is_pool(word: str) -> bool:
    """"공동취재단", "국회사진기자단": the press pool that shared a picture, known by its name's ending."""
    return word.endswith(_POOL_ENDINGS)


# "사진은 뉴스1 오현지 기자가 촬영했다.": a caption's sentence saying who took the picture
_PHOTO_TAKEN_BY = re.compile(r"사진은\s+(?:(?P<outlet>\S{2,12})\s+)?(?P<name>[가-힣]{2,4})\s*(?:사진)?기자가\s*"
                             r"(?:촬영했다|찍었다|촬영한 것이다|찍은 것이다)")
# endings of words that are no rubric: particles and verb endings ("오늘은", "소식을", "했다")
_RUBRIC_NOT_ENDINGS = ("은", "는", "이", "가", "을", "를", "에", "의", "도", "로", "와", "과", "다", "요", "서")
# a bracketed token with an @ neither first nor last; (?<!\s): a match starts only where a run of
# spaces starts, and the local part after its first character holds no @, so the @ that splits it is
# the first one and no other is retried: both keep the pattern linear (long space runs; "a@a@a@…")
_BRACKETED_EMAIL = re.compile(r"(?<!\s)\s*[\[(]\s*[^\[\]()\s][^\[\]()\s@]*@[^\[\]()\s]+\s*[\])]")


# names listed before the titled last one: "홍승연, 남정민 기자가 차례로 보도합니다", "A·B 기자"
_NAME_LIST = re.compile(r"(?:(?<=\s)|^)(?P<names>(?:[가-힣]{3} ?[,·] ?){1,3})(?=[가-힣]{2,4} ?(?:기자|특파원|캐스터))")
_MAX_LIST_TAIL = 60  # the list closes the sentence: "…, A, B 기자가 차례로 보도합니다" (a bounded look back)


def _name_list(sentence: str, pos: int = 0) -> tuple[int, int, list[str]] | None:
    """(start, end, names) of the names listed before a titled name, each of three syllables and not
    a noun; a word before them in the same run ("…있는지, 강하람, 오세린 기자") is left out."""
    m = _NAME_LIST.search(sentence, max(pos, len(sentence) - _MAX_LIST_TAIL))
    if m is None:
        return None
    start, names = m.start(), []
    for piece in re.finditer(r"([가-힣]{3}) ?[,·] ?", m["names"]):
        if is_bare_name(piece[1]) and piece[1] not in NOT_CREDITED_WORDS:
            names.append(piece[1])
        elif names:
            return None  # a word that is no name between two names: not a list of reporters
        else:
            start = m.start() + piece.end()
    return (start, m.end(), names) if names else None


def _listed_names(sentence: str) -> list[Credit] | None:
    """The credits of a byline naming several reporters before one title: the sentence read with
    the last name alone, then the listed names (three syllables, not a noun) get the same role."""
    listed = _name_list(sentence)
    if listed is None:
        return None
    start, end, names = listed
    found = _parse_one_byline(sentence[:start] + sentence[end:])  # one list a sentence: no recursion
    if not found or len(found) != 1 or found[0].agent not in (None, "person"):
        return None
    return [_ko_credit(found[0].role, n, [found[0].organization] if found[0].organization else []) for n in names] + found


# a caption naming who is pictured, from one side: "왼쪽부터 A, B, C 기자", "(사진 왼쪽부터) …", "앞줄 오른쪽 두 번째부터 …"
_PICTURED_FROM = re.compile(r"\W{0,2}(?:사진\s?)?(?:[앞뒷]줄\s?)?(?:왼쪽|오른쪽|좌측|우측)(?:\s?(?:[두세네]\s?번째|\d\s?번째))?\s?부터")


def names_pictured(sentence: str) -> bool:
    """The sentence lists the people in a picture by where they stand ("왼쪽부터 A, B 기자"): the titles say who
    they are, not who reported."""
    return bool(_PICTURED_FROM.match(sentence))


# a web board's author line: the poster's name (or desk) with its login in brackets, the posting time, perhaps
# the view count ("편집부(hanbitedit) 2019.05.01 10:20 조회 : 3512", "봉세아(bsa12) 2024-03-02 조회수 12")
_BOARD_AUTHOR = re.compile(r"(?P<name>[가-힣]{2,10}) ?\([A-Za-z][A-Za-z0-9_.\-]{2,20}\) (?:\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?)"
                           r"(?: \d{1,2}:\d{2}(?::\d{2})?)?(?: \| ?| )?(?:(?:조회수?|조회 수|댓글) ?:? ?[\d,]{1,9}(?: \| ?| )?){0,2}")


def parse_board_author(line: str) -> list[Credit] | None:
    """[the poster as writer] of a web board's author line: a person's name (the strict test of a name
    alone) or a newsroom desk, the login beside it and the posting date vouching for it."""
    m = _BOARD_AUTHOR.fullmatch(" ".join(line.split()))
    if m is None:
        return None
    if (desk := desk_name(m["name"])) is not None:
        return [Credit("writer", desk, organization=desk, agent="organization")]
    from toolkit.credits.widgets import is_lone_korean_name  # widgets reads this module: asked when first used

    return [Credit("writer", m["name"])] if is_lone_korean_name(m["name"]) else None


def parse_sentence(sentence: str) -> list[Credit] | None:
    """Credits of a whole Korean credit sentence, or None."""
    return _listed_names(sentence) or _parse_one_byline(sentence) or _translation_note(sentence) \
        or _stamped_bracket(sentence) or _rubric_byline(sentence)


# An opinion page's line: the column's rubric in brackets, then its writer, their affiliation and title
# ("[시론] A 한빛대 교수·정치학", "[언론 다시보기] A 계간 '한빛문화' 편집장", "[기자수첩] A 사회부 기자")
_RUBRIC_BYLINE = re.compile(r"\[(?P<rubric>[^\[\]]{2,12})\]\s*(?P<name>[가-힣]{2,4})\s+(?:(?P<affiliation>[^\[\]()]{1,40}?)\s+)?"
                            r"(?P<title>[가-힣]{2,6})(?:\s?[·ㆍ]\s?[가-힣]{2,8})?")
# rubric words of opinion columns: a professor or a poet after these signs the column
_OPINION_RUBRICS = ("칼럼", "시론", "논단", "기고", "시평", "수첩", "에세이", "단상", "논평", "오피니언", "시선", "포럼", "광장",
                    "다시보기", "읽기", "기자의 눈", "데스크", "아침을 열며", "세상보기", "편지")
# rubrics of news about a person, who is its subject ("[인물] A 한빛일보 편집장", "[부고] …", "[초대석] …")
_PERSON_NEWS_RUBRICS = ("인물", "피플", "동정", "인사", "부고", "화제", "초대석", "이사람", "이 사람", "얼굴", "만나", "수상")
# words of an affiliation between the name and the title: a periodical's kind, a former post
_AFFILIATION_WORDS = frozenset({"계간", "월간", "주간", "격월간", "전", "현", "前", "現", "객원", "명예"})
_SCHOOL_ENDINGS = ("대", "대학교", "대학", "대학원", "과", "학부", "연구소", "연구원", "학회", "재단")
_MAX_AFFILIATION_WORDS = 4


def _rubric_byline(sentence: str) -> list[Credit] | None:
    """[the writer] of a column's rubric line. A journalist's or writer's title after any rubric but news about
    a person or a clip ("[인터뷰] A 한빛대 교수" names the one interviewed); a title of other trades (교수,
    시인) only after an opinion rubric. Every word between the name and the title is an outlet, a desk, a
    school, a quoted title or an affiliation word."""
    m = _RUBRIC_BYLINE.fullmatch(sentence.strip().rstrip("."))
    if m is None:
        return None
    rubric, name, title = m["rubric"].strip(), m["name"], m["title"]
    if not is_korean_name(name) or name in NOT_CREDITED_WORDS or rubric in _CLIP_WORDS \
            or any(word in rubric for word in _PERSON_NEWS_RUBRICS):
        return None
    journalist = title_role(title) in ("reporter", "writer") and title not in KO_WRITER_TITLES - {"편집국장", "주필", "대기자"}
    # only an opinion rubric signs its writer: "[취임] A 한빛일보 편집국장", "[부음] A 전 한빛일보 기자" are news
    # about the person, and no list of such rubrics is ever whole
    if not (journalist or title in KO_WRITER_TITLES) or not any(word in rubric for word in _OPINION_RUBRICS):
        return None
    affiliation = (m["affiliation"] or "").split()
    if len(affiliation) > _MAX_AFFILIATION_WORDS or not all(
            word in _AFFILIATION_WORDS or is_outlet(word) or desk_name(word) or word.endswith(_SCHOOL_ENDINGS)
            or is_place_word(word) or word in _KO_REGIONS
            or (word[:1] in "'‘\"“「《<" and word[-1:] in "'’\"”」》>") for word in affiliation):
        return None
    return [Credit("writer", name)]


def _stamped_bracket(sentence: str) -> list[Credit] | None:
    """"2026.02.25 [워싱턴=AP/뉴시스]": a wire caption's date stamp, then its credit in brackets; the
    stamp goes with the credit, as it does printed after one ("(사진=청와대 제공) 2022.04.18.")."""
    stamp, _, rest = sentence.strip().partition(" ")
    if rest[:1] not in ("[", "(") or not _YEAR.match(stamp) or not _is_stamp(stamp):
        return None
    return _parse_one_byline(rest.strip())


# a note saying who translated the piece: "다음은 한빛뉴스가 번역한 기사 전문이다", "이 글은 A 씨가 번역했습니다"
_TRANSLATED_BY = re.compile(r"(?:다음은|이\s?(?:글은|기사는|칼럼은|기고는|기고문은))\s+(?P<who>[^\s,.]{2,15}?)(?:\s?씨)?(?:가|이|에서)\s+"
                            r"(?:우리말로\s+|한국어로\s+)?번역(?:한\s+(?:\S+\s+){0,3}?(?:전문|내용|기사|글)(?:이다|입니다)"
                            r"|했다|했습니다|하였다|하였습니다)\.?")


def _translation_note(sentence: str) -> list[Credit] | None:
    """The translator a note names: a person (by name) or an outlet or desk; nobody for a common noun
    ("다음은 외신이 번역한 …")."""
    m = _TRANSLATED_BY.fullmatch(sentence.strip())
    if m is None:
        return None
    who = m["who"]
    if is_korean_name(who):
        return [Credit("translator", who)]
    if is_outlet(who) or desk_name(who):
        return [Credit("translator", who, organization=short_org(who), agent="organization")]
    return None


def story_ending(s: str) -> bool:
    """An exact gate before the byline parses (most Korean body sentences end "…했다", "…밝혔다"): True
    when s's last word ends in a plain "다" and is no credit word. Every parse below needs its last word
    to be a sign-off or report verb (all end in "니다", "죠", "오" or "요"), a closing bracket, or a word a
    credit block reads (a name, title, label, filler, stamp or outlet); only "사진은 … 촬영했다" ends
    otherwise, and after "ⓒ" any word may stand as an outlet; an e-mail changes the words."""
    if "@" in s or "ⓒ" in s or "©" in s or s.startswith("사진은"):
        return False
    chunks = s.rsplit(None, 1)
    parts = _split_punct(chunks[-1]) if chunks else ()
    word = parts[-1] if parts else ""
    if not word.endswith("다") or word.endswith("니다"):
        return False
    # (no title ends in "다", so a name with a title glued on, "홍길동기자", never does either)
    return not (word in _FILLERS or word in _LABEL_TAILS or word in KO_LABELS or word in KO_TITLES
                or is_korean_name(word) or _is_stamp(word) or is_outlet(word))


def _parse_one_byline(sentence: str) -> list[Credit] | None:
    s = sentence.strip().rstrip(".!。").strip()
    if story_ending(s):
        return None
    if "@" in s and s.endswith("입니다"):
        s = _BRACKETED_EMAIL.sub("", s)  # "YTN 홍길동[hong@ytn.example]입니다": the address inside the sign-off
    if not s:
        return None
    words = ko_tokens(s)
    if not words:
        return None
    if len(words) >= 3 and words[-1] == "입니다" and is_syllable_word(words[-2]) and is_korean_name(words[-2]):
        words = words[:-2] + [words[-2] + "입니다"]  # "MBC NEWS 이상원 입니다": a copy's space before the copula
    if (taken := _PHOTO_TAKEN_BY.fullmatch(s)) and (found := name_and_title(taken["name"])) and found[1] is None \
            and (taken["outlet"] is None or is_outlet(taken["outlet"])):
        return [Credit("photographer", found[0], organization=short_org(taken["outlet"]) if taken["outlet"] else None)]
    if len(words) == 3 and words[0] in "<〈" and words[2] in ">〉" and (
            organization_of(words[1]) or (is_outlet(words[1]) and words[1] not in _CLIP_WORDS)):
        org = organization_of(words[1]) or short_org(words[1])  # "<연합>", "<스포츠조선닷컴>" closing a story
        return [Credit("reporter", words[1], organization=org, agent="organization")]
    if words[0] == "[" and words[-1] == "]" and (found := parse_bracket_byline(s[1:-1])) is not None:
        return found  # "[매일경제 스타투데이 김소연 인턴기자]"
    if words[0] == "[" and words[-1] == "]" and (found := _byline_and_photo_source(s[1:-1])) is not None:
        return found  # "[티브이데일리 김종은 기자 a@b.example / 사진=정엽 팬카페]"
    if words[0] in "[(【" and words[-1] in "])】":
        square = words[0] == "["
        words = words[1:-1]
        if square and len(words) >= 3 and words[1] == ":" and words[0] not in KO_LABELS and not organization_of(words[0]):
            return None  # "[SYNC: 이현수 기자]", "[인터뷰: 홍길동 기자]": who speaks in the clip, a label
        if square and len(words) == 2 and s.startswith("[ ") and s.endswith(" ]") \
                and (found := name_and_title(words[0])) and found[1] is None and (role := title_role(words[1])):
            return [Credit(role, found[0])]  # "[ 박소민 인턴기자 ]": a byline widget spaces its bracket
        if square and len(words) == 2 and name_and_title(words[0]) and title_role(words[1]):
            return None  # "[김현경 기자]" heads a speaker's words in a transcript: a label, not a credit
    found = parse_signoff(words) or _signoff_without_copula(words)
    if found is not None:
        return found
    # "북한 내부소식, 문성휘 기자가 보도합니다": a rubric of a few words before the byline
    if "," in words[:5]:
        k = words.index(",")
        if 1 <= k <= 4 and not any(_SENTENCE_END.search(w) for w in words[:k]):
            found = parse_signoff(words[k + 1:])
            if found is not None:
                return found
    # "북한 내부소식 김세원기자가 보도합니다": the same rubric without its comma (bare nouns, a titled byline)
    for k in range(1, 5):  # up to three words, "사건·사고" joined by a middle dot
        rubric = [w for w in words[:k] if w != "·"]
        if len(words) > k + 1 and 1 <= len(rubric) <= 3 and words[0] != "·" and words[k - 1] != "·" \
                and all(is_syllable_word(w) and not w.endswith(_RUBRIC_NOT_ENDINGS) for w in rubric) \
                and (found := parse_signoff(words[k:])):
            if any(w.endswith(_REPORT_ENDINGS) for w in words[-2:]) and not any(name_and_title(w) for w in rubric):
                return found
            # "주말 사건·사고 안진우 기자입니다": two-syllable rubric words may look like names; a three-syllable
            # name before the titled one would be a second reporter, not a rubric
            if _titled_copula(words[-2:]) and not any(is_bare_name(w) or len(w) < 2 or w in _WHO_NOUNS
                                                      or w in KO_SUBJECT_POSITIONS for w in rubric):
                return found
    # "현장에 김하늘 기자 나와 있습니다", "스튜디오에 …": where the anchor's reporter is, before the byline
    if len(words) > 3 and words[0].endswith("에") and is_syllable_word(words[0]) \
            and "".join(words[-3:]).endswith(_STANDING_BY) and (found := parse_signoff(words[1:])):
        return found
    found = _after_object(words) or _handover(words)
    if found is not None:
        return found
    unit = parse_unit(words)
    if unit is not None and unit[0]:
        return unit[0]
    return parse_caption_source(words)


_NOUN_ENDINGS = tuple("자단분진원들님")  # "시청자", "기자단", "여러분": words a name checker lets through


# nouns that say who someone is: "제 남편 김철수 기자입니다" identifies a person, it signs nothing off; so
# do kin, a prize's winners and (KO_SUBJECT_POSITIONS) an office: "신임 회장 A 기자입니다", "올해 수상자 A 기자입니다"
_WHO_NOUNS = {"사람", "남편", "아내", "아들", "딸", "친구", "동료", "선배", "후배", "동생", "주인공", "범인", "피해자",
              "당사자", "가해자", "제보자", "상대", "이분", "그분", "저분", "엄마", "아빠", "아버지", "어머니", "누나",
              "언니", "오빠", "할머니", "할아버지", "삼촌", "이모", "고모", "수상자", "우승자", "당선자", "입상자"}
# people of a place or on a trip, who send in pictures: "<서귀포=주민씨 제공>", "(유튜버 촬영)" name no one. Kept out
# of _WHO_NOUNS: a sign-off's rubric may be made of them ("교민 소식 A 기자입니다" signs off; "제 남편 A 기자입니다" not)
_PEOPLE_NOUNS = frozenset({"주민", "시민", "농민", "어민", "상인", "교민", "동포", "주부", "관광객", "등산객", "피서객",
                           "탐방객", "승객", "운전자", "목격자", "유튜버", "블로거"})
_NO_ONES_NAME = _WHO_NOUNS | _PEOPLE_NOUNS  # a who-noun, with or without 씨, where a supplier's name would stand


def _titled_copula(pair: list[str]) -> bool:
    """"안진우 기자입니다" (a name, then its reporter title with 입니다): after a rubric ("주말 사건·사고")
    only a titled sign-off counts, never "… 김하늘입니다" alone."""
    title = _strip_copula(pair[-1]) if pair else None
    return len(pair) == 2 and title is not None and title_role(title) == "reporter" and bool(name_and_title(pair[0]))


def is_bare_name(word: str) -> bool:
    """A name of three syllables that is not one of those nouns: the only name read with no
    title or label beside it."""
    return len(word) == 3 and not word.endswith(_NOUN_ENDINGS) and is_korean_name(word)


def is_caption_name(word: str) -> bool:
    """is_bare_name, and a given name in 진 too (최유진, 김현진) unless the word is a crew's collective noun
    (제작진, 연구진: the bare-name test refuses every 진 for their sake)."""
    return is_bare_name(word) or (len(word) == 3 and word.endswith("진") and word[:2] not in _CREW_STEMS
                                  and is_korean_name(word))


# the collective nouns in 진 a name checker lets through (제작진, 연구진, 경영진 …): a crew, not a person
_CREW_STEMS = frozenset({"제작", "연구", "취재", "의료", "경영", "교수", "강사", "임원", "선수", "출연", "수사", "조사",
                         "심사", "기획", "촬영", "편집", "운영", "지도", "집행", "간부", "자문", "투자", "협상", "구조"})


def _signoff_without_copula(words: list[str]) -> list[Credit] | None:
    """"런던에서 KBS뉴스 박장범": a sign-off whose 입니다 was left off; only with the place the
    report comes from and the outlet, and a name of three syllables that is not a noun."""
    if not 3 <= len(words) <= 4 or not (words[0].endswith("에서") and len(words[0]) >= 3):
        return None
    name = words[-1]
    if not is_bare_name(name):
        return None
    if not all(is_outlet(w) and not is_korean_name(w) for w in words[1:-1]):
        return None
    return [_ko_credit("reporter", name, words[1:-1])]


_MAX_SOURCE_WORDS = 3


def _byline_and_photo_source(inner: str) -> list[Credit] | None:
    """"티브이데일리 김종은 기자 a@b.example / 사진=정엽 팬카페": a bracketed byline, then after a slash
    who supplied the pictures (a label "사진=" and a short source of any kind: a fan café, a firm;
    "KBS2 '바람의 집'" and "MBC 방송화면 캡처" name the channel whose programme was captured)."""
    first, slash, second = inner.partition("/")
    label, equals, source = second.strip().partition("=")
    if not slash or not equals or label.strip() not in {"사진", "사진제공", "사진 제공"}:
        return None
    source = " ".join(source.split()).split("'")[0].split("‘")[0].strip()
    for tail in ("캡처", "갈무리", "제공", "방송화면", "방송 화면", "화면"):
        source = source.removesuffix(tail).strip()
    if not 1 <= len(source.split()) <= _MAX_SOURCE_WORDS or _SENTENCE_END.search(source) or any(ch in source for ch in "=/[]()"):
        return None
    unit = parse_unit(ko_tokens(first))
    if unit is None or not unit[0] or any(c.role != "reporter" for c in unit[0]):
        return None
    kind = "person" if is_korean_name(source) else "organization"
    return unit[0] + [Credit("photographer", source, organization=organization_of(source), agent=kind)]


def _after_object(words: list[str]) -> list[Credit] | None:
    """"자세한 소식을 서울에서 이현주 기자가 보도합니다", "취재 현장에 서영민 기자가 함께 했습니다": what
    the report is about, then the byline (a title is required: parse_signoff asks for it before a
    report verb). The words before the byline end with a case particle; none ends a sentence."""
    if not "".join(words[-3:]).endswith(_INTRO_ENDINGS):
        return None
    objects = [k for k, w in enumerate(words[:_MAX_OBJECT_WORDS]) if len(w) >= 2 and w.endswith(("을", "를"))]
    if objects and not any(_SENTENCE_END.search(w) for w in words[: objects[-1]]):
        found = parse_signoff(words[objects[-1] + 1:])
        if found is not None:
            return found
    for start in range(max(1, len(words) - _MAX_BYLINE_WORDS), len(words) - 1):
        before = words[start - 1]
        if len(before) >= 2 and before.endswith(_OBJECT_PARTICLES) \
                and not any(_SENTENCE_END.search(w) for w in words[:start]):
            found = parse_signoff(words[start:])
            if found is not None:
                return found
    return _byline_first(words)


_MAX_MIDDLE_WORDS = 4
# An anchor hands over to a reporter who is there with them or on the line (spaces dropped): "이 소식,
# 한빛방송 사회부 김하늘 기자와 자세히 알아보겠습니다", "현장에 박소민 기자가 나가 있습니다", "윤다솜
# 기자가 지금 자리를 같이 했습니다". The anchor's polite present or future, never a story's past "…했다".
_HANDOVER_ENDINGS = _REPORT_VERB_FORMS + (
    "나눠보겠습니다", "나눠봅니다", "연결합니다", "연결하겠습니다", "연결해보겠습니다", "연결돼있습니다", "연결되어있습니다",
    "나와있습니다", "나가있습니다", "자리를같이했습니다", "자리를함께했습니다", "자리했습니다", "함께합니다",
    "함께하겠습니다", "함께하고있습니다", "출연했습니다", "나오셨습니다",
    # "…기자와 함께 이야기를 나눠보도록 하겠습니다", "…기자와 하나씩 전해드리도록 하겠습니다"
    "보도록하겠습니다", "드리도록하겠습니다",
)
_HANDOVER_PARTICLES = ("와", "과", "가", "이")
_MAX_HANDOVER_TAIL = 6  # words between the byline and the end: "지금 자리를 같이 했습니다"
# after "…기자와 함께" the anchor may say what they will look at together: "양소연 기자와 함께 시청자
# 여러분께서 보내주신 제보 영상 보면서 피해 상황 살펴보겠습니다"
_MAX_TOGETHER_TAIL = 12


def _handover(words: list[str]) -> list[Credit] | None:
    """The reporter an anchor hands over to, named with a title and a particle (none, or the object's,
    before "연결…"), the anchor's verb closing the sentence (_HANDOVER_ENDINGS). The words before the
    name (desk, outlet, topic) stay unread; only the name with its title is the credit."""
    if not "".join(words[-_MAX_HANDOVER_TAIL:]).endswith(_HANDOVER_ENDINGS):
        return None
    for k in range(len(words) - 2, max(-1, len(words) - 2 - _MAX_TOGETHER_TAIL), -1):
        word = words[k]
        if _SENTENCE_END.search(word):
            continue
        if len(word) >= 3 and word.endswith(_HANDOVER_PARTICLES):
            base = word[:-1]
        elif words[k + 1].startswith("연결"):  # the anchor connects: "A 기자 연결합니다", "A 기자를 연결해 …"
            base = word[:-1] if len(word) >= 3 and word.endswith(("을", "를")) else word
        else:
            continue
        # a bracketed date in the anchor's words ("오늘(29일)") is no word of theirs
        spoken = sum(w not in _PUNCT and not w[:1].isdigit() for w in words[k + 1:-1])
        if spoken >= _MAX_HANDOVER_TAIL and not (word.endswith(("와", "과")) and words[k + 1] == "함께"):
            continue
        glued = name_and_title(base)
        if glued is not None and glued[1] is not None:
            return [Credit(glued[1], glued[0])]  # "김하늘기자와"
        role = title_role(base)
        if role is not None and k > 0 and (named := name_and_title(words[k - 1])) is not None and named[1] is None:
            return [Credit(role, named[0])]
    return None


# the anchor calls on the reporter by name and title, then asks: "배영진 기자, 지금은 상황이 어떻게
# 변했습니까?". The call opens the sentence, or follows an anchor's sentence that lost its full stop
# ("… 알아보겠습니다 박민경 기자, …던데요?") or the anchor's turn label ("[질문] 최다함 기자, …?", "앵커: …");
# a call inside quotes ("“김 기자! …”") is a story's quote.
_VOCATIVE = re.compile(r"(?:^|(?<=니다) |^(?:\[(?:앵커|질문|진행)\]|<(?:앵커|질문|진행)>|(?:앵커|진행) ?:) ?)"
                       r"(?P<name>[가-힣]{2,4}) ?(?P<title>[가-힣]{2,5}), (?=\S)")
_ASKING = re.compile(r"(?:까|요|죠|네요|나요|지요)[?.!]?$")
_MAX_VOCATIVE_START = 200  # characters before the call: an anchor's lead-in is a sentence at most
_MAX_VOCATIVE_CHARS = 500  # a longer sentence is a story's, not a spoken question


def split_vocative(sentence: str) -> tuple[str, list[Credit]] | None:
    """(the anchor's words without the call, [the reporter]) when the anchor addresses a reporter by
    name and title and asks them (a spoken question or polite ending closes the sentence)."""
    s = sentence.strip()
    m = _VOCATIVE.search(s[:_MAX_VOCATIVE_START + 12]) if len(s) <= _MAX_VOCATIVE_CHARS else None
    if m is None or m.start() > _MAX_VOCATIVE_START or not _ASKING.search(s):
        return None
    role = title_role(m["title"])
    named = name_and_title(m["name"])
    if role != "reporter" or named is None or named[1] is not None or not is_korean_name(named[0]):
        return None
    return f"{s[:m.start()]} {s[m.end():]}".strip(), [Credit(role, named[0])]


_CAPTURED = ("담았습니다", "담아왔습니다")  # a broadcast drops the object's particle: "… 나들이 풍경 담아 왔습니다"
_VERB_ENDS = tuple("고서며면다요게지")


def _is_bare_noun(word: str) -> bool:
    """A Hangul word with no particle or verb ending: the object the anchor names before "담았습니다"."""
    return is_syllable_word(word) and not word.endswith(_OBJECT_PARTICLES + _VERB_ENDS + _PARTICLES)


def _byline_first(words: list[str]) -> list[Credit] | None:
    """"김하늘 기자가 사고 현장에 다녀왔습니다": the byline opens the intro, a few words of where or
    whom (the last one with a case particle) stand before the report verb."""
    tail = "".join(words[-3:])
    ending = next((e for e in _INTRO_ENDINGS if tail.endswith(e)), None)
    if ending is None:
        return None
    consumed, acc = 0, ""
    while len(acc) < len(ending) and consumed < len(words):
        consumed += 1
        acc = words[-consumed] + acc
    if not acc.endswith(ending):
        return None
    head = acc[: len(acc) - len(ending)]  # "현장에다녀왔습니다" -> the middle word glued to the ending
    for j in range(min(3, len(words) - consumed)):
        if not words[j].endswith(_PARTICLES[:2]) or title_role(words[j][:-1]) is None:
            continue
        middle = words[j + 1:len(words) - consumed] + ([head] if head else [])
        if not 1 <= len(middle) <= _MAX_MIDDLE_WORDS or not (middle[-1].endswith(_OBJECT_PARTICLES)
                                                             or middle[-1] in {"소식", "내용", "이야기"}
                                                             or (ending in _CAPTURED and _is_bare_noun(middle[-1]))):
            return None
        return parse_signoff(words[:j + 1] + [ending])
    return None


def _copyright_holder(words: list[str]) -> list[Credit] | None:
    """"브레이크뉴스" after a caption's "©": an outlet (not a name) holds the picture's copyright."""
    if len(words) == 1 and (is_outlet(words[0]) or _unlisted_holder(words[0])) and not is_korean_name(words[0]):
        return [Credit("photographer", words[0], organization=short_org(words[0]), agent="organization")]
    return None


_NOT_HOLDERS = ("무단", "전재", "배포", "금지", "저작권")


def _unlisted_holder(word: str) -> bool:
    """"ⓒ미디어스" closing a caption: one Hangul word after the mark holds the picture, though no list knows
    it; not the notice's own words ("ⓒ무단전재")."""
    return is_syllable_word(word) and 2 <= len(word) <= 10 and not any(w in word for w in _NOT_HOLDERS)


_NOTICE_WORDS = ("저작권자", "copyright", "Copyright", "COPYRIGHT", "저작권")


def _caption_photographer(head: str, words: list[str]) -> list[Credit] | None:
    """"… 설경이와 함께 ⓒ 신은미": a person's name after the mark that closes a caption is who took
    the picture (a copyright notice, "저작권자 ⓒ …", names a publisher instead)."""
    head = head.strip()
    if len(words) != 1 or not head or head.endswith(_NOTICE_WORDS) or not is_bare_name(words[0]):
        return None
    return [Credit("photographer", words[0])]


# "ⓒ노봉훈2009.04.19": a photo page glues the date the picture was filed to its holder
_GLUED_DATE = re.compile(r"(?<=[가-힣])(?:19|20)\d\d\.\d{1,2}\.\d{1,2}\.?$")


# Broadcasters that title their clips "headline / KBS" (a video page's or a copy's title line)
_BROADCASTERS = ("KBS", "MBC", "SBS", "YTN", "JTBC", "MBN", "OBS", "EBS", "CBS", "TV조선", "채널A", "연합뉴스TV")
# "…1년 넘은 갈등 / KBS 2021.08.17.", "…\"상생 모델 찾아야\"ㅣMBC충북NEWS": the broadcaster after a bar or a slash,
# a regional station's place glued to it, its "NEWS" and the clip's date after it
_HEADLINE_SOURCE = re.compile(r"(?P<head>.{8,300}?) ?[/ㅣ|] ?(?P<outlet>[A-Za-z가-힣0-9]{2,10}?)(?:NEWS|News|뉴스)?"
                              r"(?: \d{4}[.\-]\d{1,2}[.\-]\d{1,2}\.?)?")


# what a clip's headline is not: a caption ending on its picture's noun ("… 단체 사진 / KBS": the broadcaster
# gave the picture), a listing of broadcasters ("중계 KBS / MBC / SBS", "… / KBS / MBC"), a bulleted item
# ("▲오후 8시 가요무대 / KBS") or a labelled line ("문의: …")
_ANY_BROADCASTER = "(?:" + "|".join(_BROADCASTERS) + r")\S{0,4}"
_NOT_A_HEADLINE = re.compile(r"(?:사진|모습|장면|캡처|캡쳐|화면|컷|전경|풍경)$"
                             rf"|(?:^|\s){_ANY_BROADCASTER} ?[/ㅣ|]|[/ㅣ|] ?{_ANY_BROADCASTER}$"
                             r"|^[▲■●◆△□○◇※-]|^[가-힣]{1,4} ?:")


def split_headline_source(line: str) -> tuple[str, list[Credit]] | None:
    """(the headline, [the broadcaster as writer]) for a clip's title line closed by its broadcaster.
    A headline has no full stop: "… 걷고 있다. / KBS" closes a caption (the picture's credit), and
    "…/연합뉴스" a copied photo's."""
    m = _HEADLINE_SOURCE.fullmatch(line.strip())
    if m is None or "\n" in line:
        return None
    outlet, head = m["outlet"], m["head"].rstrip()
    station = _REGIONAL_STATION.fullmatch(outlet)
    if not (outlet in _BROADCASTERS or (station and (station["after"] or station["before"]) in _BROADCASTERS)):
        return None
    if head.endswith((".", "다", "!", "?")) or not has_syllable(head) or _NOT_A_HEADLINE.search(head):
        return None
    return head, [Credit("writer", outlet, organization=short_org(outlet), agent="organization")]


# a picture's title as its caption (a noun phrase, no full stop), its credit after a spaced slash: "물안개 핀
# 호수 / 김하늘 기자", "숲길 걷는 등산객들 / 한빛군 제공", "월드컵 결승전 / AP"
_SLASHED_CAPTION = re.compile(r"(?P<head>[^/\n]{4,60}?) / ?(?P<credit>[^/\n]{2,30})")
_HEADLINE_MARKS = ".!?,:…\"'“”‘’"  # "여야, 예산안 합의 / A 기자": a headline's comma or quotes, no picture's title
_OPENING_RUBRIC = re.compile(r"[\[【<〈]\s*(?P<rubric>[^\]】>〉]{1,12})[\]】>〉]")
_PICTURE_RUBRICS = ("포토", "사진", "화보")  # "[포토] 첫눈 내린 설악산 / A 기자": the picture's own rubric
_MIN_CAPTION_WORDS = 2  # one word before the slash is a label or a part played ("사회 / A 기자"), no caption


def split_slash_caption(line: str) -> tuple[str, list[Credit]] | None:
    """(the caption, its photo credits) of a line made of a picture's title and, after " / ", who took or
    supplied the picture: a titled person, a provider ("… 제공") or an agency. The title ends in no full
    stop or particle and reads as no credit itself; a broadcaster after the slash is a clip's headline
    (split_headline_source), and a label after it ("… / 촬영 A") makes the line a credit block."""
    m = _SLASHED_CAPTION.fullmatch(line.strip())
    if m is None:
        return None
    head, words = m["head"].strip(), ko_tokens(m["credit"])
    if (rubric := _OPENING_RUBRIC.match(head)) is not None and not any(w in rubric["rubric"] for w in _PICTURE_RUBRICS):
        return None  # "[단독] 검찰 압수수색 착수 / A 기자": a story's headline and its reporter, no picture's title
    last = head.split()[-1] if head.split() else ""
    if len(head.split()) < _MIN_CAPTION_WORDS or not has_syllable(head) or any(ch in head for ch in _HEADLINE_MARKS) \
            or _SENTENCE_END.search(head) or last.endswith(_RUBRIC_NOT_ENDINGS) or not words \
            or any(w in KO_LABELS and w not in KO_TITLES and w != "제공" for w in words) or parse_unit(ko_tokens(head)) is not None:
        return None
    found = parse_caption_source(words)
    if found is None:
        unit = parse_unit(words)
        # a journalist's title ("A 기자", "A사진기자"): a caster or a PD after the slash presents, takes no picture
        titled = any(w.endswith("기자") and (title_role(w) or (name_and_title(w) or ("", None))[1]) for w in words)
        if unit is None or not unit[0] or not (titled or "제공" in words) \
                or any(c.role not in ("reporter", "photographer") for c in unit[0]):
            return None
        found = unit[0]
    if any(c.name in _BROADCASTERS for c in found):
        return None
    for credit in found:
        credit.role = "photographer"  # (a reporter's title: the staff who took the picture)
    return head, found


def is_credit_mark(sentence: str) -> bool:
    """"ⓒ 배성민", "ⓒ 옴부즈맨뉴스": the mark and one Korean word, a line that credits a picture; a
    notice ("ⓒ 한국경제TV, 무단 전재 및 재배포 금지") says more."""
    words = ko_tokens(_GLUED_DATE.sub("", sentence.strip()))  # "ⓒ박상규2008.09.16": the picture's date glued on
    return len(words) == 2 and words[0] in ("ⓒ", "©") and is_syllable_word(words[1])


def parse_copyright_tail(sentence: str) -> list[Credit] | None:
    """"©브레이크뉴스" closing a caption (the caption's last sentence before it ended with a full stop);
    "ⓒ노봉훈" on the caption's closing line: a person's name there is who took the picture."""
    words = ko_tokens(_GLUED_DATE.sub("", sentence.strip()).rstrip("."))
    if words[:1] not in (["ⓒ"], ["©"]):
        return None
    if len(words) == 2 and is_bare_name(words[1]):
        return [Credit("photographer", words[1])]
    return _copyright_holder(words[1:])


# A newsroom desk signing a story or a caption on the last line ("온라인뉴스팀", "디지털뉴스부"): the
# desk's subject before its ending says it is a newsroom's, not a ministry's ("국방부") or a club's
_DESK_SUBJECTS = ("뉴스", "온라인", "디지털", "편집", "취재", "기획", "특별", "사회", "정치", "경제", "국제", "문화",
                  "산업", "사건", "영상", "멀티미디어", "미디어", "연예", "사진", "보도", "이슈")
_DESK_SUFFIXES = ("팀", "부", "센터", "데스크", "국")
_BUREAU_SUBJECTS = ("뉴스", "보도")  # "디지털뉴스국", "보도국": "정치국" is a politburo, not a desk
# "SBS", "MBN스타", "JTBC", "iMBC연예": an outlet before its desk
_ACRONYM_OUTLET = re.compile(r"[a-z]?[A-Z][A-Za-z0-9]{1,5}[가-힣]{0,3}")
_DESK_WRAPS = ("[]", "()")


def desk_name(text: str) -> str | None:
    """The name of a newsroom desk, alone or after its outlet's ("온라인뉴스팀", "MBN스타 대중문화부",
    "SBS 뉴미디어부"; "SBS SBS연예뉴스팀" names the desk once), or None ("국방부", "정치국", "사회부장")."""
    words = text.split()
    if not 1 <= len(words) <= 2:
        return None
    desk = words[-1]
    hangul = desk.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    if not (3 <= len(hangul) <= 10 and is_syllable_word(hangul)):
        return None
    suffix = next((x for x in _DESK_SUFFIXES if hangul.endswith(x)), None)
    if suffix is None or not hangul[: -len(suffix)].endswith(_BUREAU_SUBJECTS if suffix == "국" else _DESK_SUBJECTS):
        return None
    if len(words) == 1:
        return desk
    outlet = words[0]
    if outlet in _DESK_SUBJECTS:
        return text.strip()  # "온라인 이슈팀": the desk's name in two words
    if desk.startswith(outlet):
        return desk  # "[SBS SBS연예뉴스팀]": the outlet printed again inside the desk's name
    return text.strip() if _ACRONYM_OUTLET.fullmatch(outlet) or is_outlet(outlet) else None


def desk_credit(name: str, role: str) -> Credit:
    """A desk as the credit's agent; a photo desk ("사진기획부", "사진팀") took the pictures."""
    return Credit("photographer" if "사진" in name else role, name, organization=name, agent="organization")


def parse_desk_line(sentence: str) -> list[Credit] | None:
    """[the desk as reporter] for a line that is only a newsroom desk's name, bracketed or not, or
    followed by the desk's e-mail ("[디지털뉴스국]", "(SBS 뉴미디어부)", "온라인뉴스팀 press@…",
    "[MBN 뉴스센터 / a@b.example]"), or None. The desk signs what it reported, as every studied gold has it."""
    line = sentence.strip().rstrip(".").rstrip(" |")  # "iMBC연예 취재팀 |": a widget's separator after it
    if line[:1] + line[-1:] in _DESK_WRAPS:
        line = line[1:-1].strip()
    if (spans := find_emails(line)) and spans[-1][1] == len(line):
        line = line[: spans[0][0]].strip().rstrip("/ ")  # the desk's address closes its sign-off
    name = desk_name(line)
    if name is None or "=" in name:
        return None  # "동대문야구장=동아닷컴 특별취재팀": a place and its desk under a picture, not a desk signing a story
    return [desk_credit(name, "reporter")]


def is_signed_block(sentence: str) -> bool:
    """A line that is only an e-mail sign-off and time stamps ("dahora83@newsis.com", "2021.9.28/뉴스1 a@b.kr")."""
    if "@" not in sentence:  # parse_unit signs a block only for a word with an "@"
        return False
    unit = parse_unit(ko_tokens(sentence.strip()))
    return unit is not None and unit[1]


def is_stamp_line(sentence: str) -> bool:
    """A line of dates and times only ("2021.01.03.", "입력 2023-05-19 03:00")."""
    seen = False
    for part in _chunk_tokens(sentence.strip()):  # most lines fail on their first word
        for word in part:
            if word in _PUNCT:
                continue
            if not _is_stamp(word):
                return False
            seen = True
    return seen


# an anchor's lede that names the station it is read on: "앵커: 자유아시아방송(RFA)은 …", "[앵커] … RFA …"
_RFA_ANCHOR = re.compile(r"\s*(?:앵커 ?:|\[앵커\]|<앵커>)[^\n]*?(?:자유아시아방송|\bRFA\b)")


# another station's anchor citing RFA as a source: "…고 미국 자유아시아방송(RFA)이 보도했습니다",
# "자유아시아방송, RFA에 따르면 …" (RFA's own anchor names itself otherwise: "…자유아시아방송 연속 기획")
_RFA_CITED = re.compile(
    r"(?:자유아시아방송|RFA)\)?(?:[ ,]*\(?RFA\)?)?\s*(?:에 따르면|[이가은는]\s[^.?!\n]{0,60}?(?:보도했|전했|밝혔))")
_RFA_MAIL = re.compile(r"@rfa\.org\b", re.IGNORECASE)


def is_rfa_own(text: str) -> bool:
    """The paragraph is RFA's anchor speaking (its label first) and naming RFA, not citing it, or signs
    with an rfa.org address ("워싱턴-이현기 a@rfa.org"): the Korean name credited there is the Korean
    service's, though the byline itself names no station."""
    anchor = _RFA_ANCHOR.match(text)
    return bool(anchor and not _RFA_CITED.search(text.split("\n", 1)[0])) or bool(_RFA_MAIL.search(text))


_WRITTEN_END = re.compile(r"[^니]다\.\s*$")


def closing_lone_byline(before: str, bracket: str) -> list[Credit] | None:
    """"… 늘리기로 했다. [홍길동 기자]": a name and 기자 alone in brackets after a written sentence sign it;
    after a spoken one ("…습니다. [홍길동 기자]") the bracket labels the next speaker's turn."""
    bracket = bracket.strip()
    if bracket[:1] != "[" or bracket[-1:] != "]":
        return None
    words = bracket[1:-1].split()
    if not _WRITTEN_END.search(before) or not 1 <= len(words) <= 2:
        return None
    found = name_and_title(words[0])
    role = found[1] if found is not None and len(words) == 1 else title_role(words[1]) if len(words) == 2 else None
    if found is None or role != "reporter" or (len(words) == 2 and found[1] is not None):
        return None
    return [Credit("reporter", found[0])]


# a label and its join right before another label: "글·", "글/", "기획, ", "번역 및 "
_JOINED_LABEL_BEFORE = re.compile(r"(?:^|(?<=[\s\-–—(\[]))([가-힣]{1,4})\s*(?:[·ㆍ/,]|\s및)\s*$")


# a note on who a credited person is, right after the name: "A(사진작가, 수필가)", "A(라희아빠)"
_NAME_NOTE = re.compile(r"(?<=[가-힣])\([^()=:@\d]{1,20}\)")


def _joined_labels_start(s: str, k: int) -> int:
    """Where a closing credit block starts when the label at k has other labels joined before it
    ("글·사진 A"): the first of them; else k. At most two labels back (a bounded look back)."""
    for _ in range(2):
        m = _JOINED_LABEL_BEFORE.search(s, max(0, k - 12), k)
        if m is None or m[1] not in KO_LABELS:
            break
        k = m.start(1)
    return k


_LABEL_END = (" ", "=", ":", "/")  # what follows a whole label word: "(촬영 A)", "(사진=A)", not "(사진작가"


def _closing_label_block(s: str, labels: tuple[str, ...]) -> tuple[str, list[Credit]] | None:
    """(the text before it, the credits) of a credit block closing `s` that opens on one of `labels`
    within its last 40 characters, perhaps in a bracket of its own ("… (사진 A)"); a label word inside a
    bracketed note on a person ("A(사진작가, 수필가)") opens nothing."""
    for label in labels:
        k = s.rfind(label, lo := max(0, len(s) - 40))
        while k > 0 and (opened := s.rfind("(", lo, k)) > s.rfind(")", lo, k) \
                and (s[opened + 1:k].strip() or s[k + len(label):k + len(label) + 1] not in _LABEL_END):
            k = s.rfind(label, lo, k)
        if k > 0:
            k = _joined_labels_start(s, k)  # "… - 글·사진 김가온": the labels joined to it are the block's too
            # "[캡처사진 - A]": the label's qualifier goes with it, no "[캡처" left in the caption
            cut = next((k - len(q) for q in _PICTURE_QUALIFIERS if s.endswith(q, 0, k)), k) if label == "사진" else k
            # "글·사진 A(사진작가, 수필가)": a note on who the person is, no part of the block
            unit = parse_unit(ko_tokens(_NAME_NOTE.sub("", s[k:].strip().rstrip("."))))
            if unit is not None and unit[0]:
                return s[:cut].rstrip(" [("), unit[0]
    return None


# glued before 사진, longest first: "[캡처사진 - 한빛신문]", "[화면캡처사진 - 한빛신문]" are picture labels
_PICTURE_QUALIFIERS = ("화면캡처", "화면캡쳐", "캡처", "캡쳐")


def split_tail(sentence: str) -> tuple[str, list[Credit]] | None:
    """(the sentence without its closing byline, the credits): "…있는데요, 서울에서 김현진 특파원이
    보도합니다." keeps "…있는데요."; "…전달하고 있다.ⓒ연합뉴스" keeps the caption."""
    s = sentence.strip()
    comma = s.rfind(",")
    if comma > 0 and (listed := _name_list(s, max(0, comma - 40))) is not None and listed[0] <= comma:
        comma = s.rfind(",", 0, listed[0])  # "…, 홍승연, 남정민 기자가 보도합니다": the list is the byline's
    if comma > 0:
        tail = s[comma + 1:].strip().rstrip(".!").strip()
        found = (_listed_names(tail) or parse_signoff(ko_tokens(tail))) if tail else None
        if found is not None:
            head = s[:comma].rstrip()
            # "…어떻게 지내는지, A 기자가 보도합니다": an anchor's question clause before a present intro
            if _SENTENCE_END.search(head) or (head.endswith("지") and tail.endswith(_INTRO_ENDINGS)):
                return head + ".", found
    if (block := _closing_label_block(s, ("출처", "사진", "사진제공", "자료"))) is not None:
        return block  # "…김지선씨 출처: BBC", "… [사진=연합뉴스]"
    if s.endswith("]") and (k := s.rfind("[", max(0, len(s) - 40))) > 0:  # "…보인다. [NBC-1TV 김종우 기자]"
        found = parse_bracket_byline(s[k + 1:-1]) or _column_rubric(s[k + 1:-1]) or _labelled_items(s[k + 1:-1]) \
            or teaser_signature(s[:k], s[k:]) or closing_lone_byline(s[:k], s[k:])
        if found is not None:
            return s[:k].rstrip(), found
    if s[:1] == "[" and s.endswith("]") and (found := _labelled_items(s[1:-1])) is not None:
        return "", found  # the bracket as a sentence of its own after the lead's last full stop
    if (block := _closing_label_block(s, ("촬영",))) is not None:
        return block  # "국회 앞 시위 현장 (촬영 A)": after the bracket readers ("[촬영/A, 번역/B]" is theirs)
    if (opening := _opening_rubric(s)) is not None:
        return opening
    if (found := _photo_source_tail(s)) is not None or (found := _shot_by_tail(s)) is not None:
        return found
    for mark in ("ⓒ", "©"):
        k = s.rfind(mark)
        if k > 0:
            words = ko_tokens(s[k + 1:].strip().rstrip("."))
            found = parse_caption_source(words) or _copyright_holder(words) or _caption_photographer(s[:k], words)
            if found is not None:  # "… 청사건물 ©브레이크뉴스": the copyright holder of the picture
                return s[:k].rstrip(), found
    return None


# "촬영/신화사 기자 루루이(陆睿)", "번역/왕범": a label, a slash, perhaps the outlet and 기자, a name
# (perhaps glossed in Hanzi)
_LABELLED_ITEM = re.compile(r"(?P<label>[가-힣]{2,4}) ?/ ?(?:(?P<outlet>\S{2,12}) 기자 )?(?P<name>[가-힣]{2,4})"
                            r"(?:\([\u4e00-\u9fff]{1,4}\))?")
_MAX_ITEMS = 4


_FINISHED = ("다", "요", "죠", "까", "!", "?", "\"", "”", "’", "'")  # a sentence or a quote ended before the dots


def teaser_signature(before: str, bracket: str) -> list[Credit] | None:
    """"…도 늘었다. 다만 철... [이소연]": a listing cuts the story's lede short and signs it with its
    reporter's bare name in brackets at the end; only after the cut ("..." or "…"), so "[김현경]"
    heading a speaker's words is no credit. The cut falls inside a sentence and the name has three
    syllables (all the studied ones): "…못했다... [정적]", "…외쳤다... [함성]" are a transcript's cues."""
    bracket, cut = bracket.strip(), before.rstrip()
    name = bracket[1:-1].strip()
    if bracket[:1] != "[" or bracket[-1:] != "]" or not cut.endswith(("...", "…")) \
            or cut.rstrip(".…").rstrip().endswith(_FINISHED) or name in NOT_CREDITED_WORDS or len(name) != 3:
        return None
    found = name_and_title(name)
    return [Credit("reporter", name)] if found is not None and found[1] is None and is_korean_name(name) else None


def _labelled_items(inner: str) -> list[Credit] | None:
    """"[촬영/신화사 기자 루루이(陆睿), 번역/왕범]": a closing bracket listing who did what, each item a
    label and a name. The label licenses a name no surname list knows (a transliterated foreign name),
    so two items at least are required unless the name reads as Korean."""
    items = [item.strip() for item in inner.split(",")]
    if len(items) > _MAX_ITEMS:
        return None
    found: list[Credit] = []
    for item in items:
        m = _LABELLED_ITEM.fullmatch(item)
        if m is None or m["label"] not in KO_LABELS or m["name"] in KO_LABELS or m["name"] in KO_TITLES \
                or is_outlet(m["name"]) or (m["outlet"] and not is_outlet(m["outlet"])):
            return None
        if len(items) == 1 and not is_korean_name(m["name"]):
            return None
        org = short_org(m["outlet"]) if m["outlet"] else None
        found.append(Credit(KO_LABELS[m["label"]], m["name"], organization=org))
    return found


_RUBRIC = re.compile(r"(?P<name>[가-힣]{2,4})\s?(?P<title>[가-힣]{2,5})의\s?[‘'\"“「<《]")


# "[특파원칼럼/박하늘]", "[기자수첩/윤다솜]", "[시론/김민재]": a column's kind, then its writer
_SLASHED_RUBRIC = re.compile(r"\s*(?P<kind>[가-힣 ]{0,8}(?:칼럼|시론|논단|기고|시평|수첩|에세이|단상|논평))\s?/\s?"
                             r"(?P<name>[가-힣]{2,4})(?:\s?(?P<title>[가-힣]{2,5}))?\s*")


def _column_rubric(inner: str) -> list[Credit] | None:
    """"주성하 기자의 ‘북에서 온 이웃’", "특파원칼럼/박하늘": the rubric of a column series names the
    columnist who writes it."""
    if (m := _SLASHED_RUBRIC.fullmatch(inner)) is not None:
        titled = m["title"] is None or title_role(m["title"]) is not None or m["title"] in KO_WRITER_TITLES
        return [Credit("writer", m["name"])] if is_korean_name(m["name"]) and titled else None
    m = _RUBRIC.match(inner)
    if m is None or not is_korean_name(m["name"]) or title_role(m["title"]) is None:
        return None
    return [Credit("writer", m["name"])]


def _opening_rubric(s: str) -> tuple[str, list[Credit]] | None:
    """"[특파원칼럼/박하늘]원칙만 남은 외교": a column's rubric opening its headline, the headline kept."""
    if s[:1] != "[" or (k := s.find("]", 0, 40)) < 0 or (found := _column_rubric(s[1:k])) is None:
        return None
    return s[k + 1:].strip(), found


def split_lead_byline(sentence: str) -> tuple[str, list[Credit]] | None:
    """"제697호 ▣ 임지선 기자 sun21@hani.co.kr “제발 …”": a byline that ends with the writer's
    e-mail address, then the lead on the same line. Only a whole credit unit before the address."""
    s = sentence.strip()
    spans = find_emails(s[:_MAX_LEAD_BYLINE_CHARS])
    if not spans:
        return None
    end = spans[0][1]
    head, rest = s[:end], s[end:].strip()
    if not rest:
        return None
    words = ko_tokens(head)
    titled = any(title_role(w) or (name_and_title(w) or ("", None))[1] or w in KO_LABELS for w in words)
    unit = parse_unit(words) if titled else None  # "문의: 홍길동 a@b.kr 로 …" is a tip line, not a byline
    if unit is None or not unit[0] or not unit[1]:
        return None
    return rest, unit[0]


_MAX_LEAD_BYLINE_CHARS = 90
_DESK_WORDS = ("투데이", "팀", "부", "데스크")  # "[매일경제 스타투데이 김소연 인턴기자]": a section between outlet and name
_MAX_BRACKET_WORDS = 5


def parse_bracket_byline(inner: str) -> list[Credit] | None:
    """"매일경제 스타투데이 김소연 인턴기자", "티브이데일리 김종은 기자": an outlet, perhaps its section,
    a name and a title (the inside of a bracket that opens or closes an article). The outlet is
    required: "[김현경 기자]" alone heads a speaker's words in a transcript. It may be one no list
    knows ("[더팩트|홍길동 기자] 정부가 …", "… 늘었다. [한빛타임즈 한결 기자]"): any first word that is
    no name, title, label or clip word, perhaps followed by "|" or "·"."""
    words = [w for w in ko_tokens(inner) if w not in {"|", "·", ","}]  # "[중앙방송, 홍길동기자]": a comma as the bar
    glued = name_and_title(words[-1]) if len(words) >= 2 else None
    if glued is not None and glued[1] is not None:
        words = words[:-1] + [glued[0], "기자"]  # "[한빛방송 홍길동기자]": the title glued to the name, read apart
    if not 3 <= len(words) <= _MAX_BRACKET_WORDS:
        return None
    if not is_outlet(words[0]) and not _unknown_outlet(words[0]):
        return None
    role = glued[1] if glued is not None and glued[1] is not None else title_role(words[-1])
    found = name_and_title(words[-2])
    if role is None or found is None or found[1] is not None:
        return None
    names, k = [found[0]], len(words) - 2  # "[매체 A·B 기자]": names listed before the title
    while k > 1 and is_bare_name(words[k - 1]) and (listed := name_and_title(words[k - 1])) and listed[1] is None:
        names.insert(0, listed[0])
        k -= 1
    if not all(is_outlet(w) or w.endswith(_DESK_WORDS) for w in words[1:k]):
        return None
    return [Credit(role, name, organization=short_org(words[0])) for name in names]


def _unknown_outlet(word: str) -> bool:
    return 2 <= len(word) <= 12 and word not in _CLIP_WORDS and word not in KO_LABELS and not _PUNCT.intersection(word) \
        and name_and_title(word) is None and title_role(word) is None and not word.isdigit()


# "(사진제공: JG엔터테인먼트)", "(사진=청와대 제공)", "(조선중앙TV 갈무리)", "…하고 있다./연합뉴스", "제공| 로엔 |"
_PHOTO_SOURCE = re.compile(
    r"(?:[(\[<〈]\s*(?:(?:캡처|캡쳐)?사진\s*(?:제공|출처|협조)?|(?:화면|영상|동영상|이미지)\s*(?:제공|출처|협조)|제공|이미지)"
    r"\s*(?:[:=/]|(?P<dash>-)(?=\s))"  # "[캡쳐사진 - 조선신보]": a spaced dash after the label as its mark
    r"\s*(?P<a>[^()\[\]<>〈〉=:/]{1,20}?)(?:\s*제공)?\s*[)\]>〉]"  # "(사진협조=A)", "<사진제공=A>", "(화면제공=A)"
    r"|(?:[(<〈]|(?:^|(?<=[.)]))\s*/\s*)(?P<b>[^()<>〈〉\s/=:]{2,15})\s*(?:(?:화면|영상)\s*)?(?:갈무리|캡처|캡쳐)[)>〉]?"  # "(조선중앙TV 화면 캡처)"
    # "[한빛타임스 웹사이트 캡처]": the site's owner, whoever it is, supplied the picture of its page
    r"|[(\[<〈]\s*(?P<l>[^()\[\]<>〈〉\s/=:]{2,15})\s*(?:웹사이트|홈페이지|누리집)\s*(?:갈무리|캡처|캡쳐)\s*[)\]>〉]"
    r"|(?:^|(?<=[.)]))\s*/\s*(?P<c>[^\s/]{2,12})"
    r"|(?:^|\s)제공\s*\|\s*(?P<d>[^|]{2,20}?)\s*\|"
    r"|[(\[]\s*사진\s+(?P<e>[^()\[\]=:/\s]{2,20})\s+제공\s*[)\]]"  # "(사진 외교부 제공)"
    # "…했다. /사진=외교부 제공", "…화제다. 사진=키이스트", "a@b.example/ 사진=태풍엔터테인먼트"
    r"|(?:/|(?:^|(?<=[.)]\s)|(?<=[.)]))(?=사진))\s*사진\s*[:=]\s*(?P<f>[^()\[\]=:/|]{2,20}?)(?:\s*제공)?(?<![.다])"
    r"|\((?P<k>[가-힣]{2,4} (?:트위터|인스타그램|페이스북))\)"  # "(정려원 트위터)": the account the picture came from
    r"|[(\[]\s*(?P<g>[^()\[\]=:/\s]{2,20}(?: [^()\[\]=:/\s]{1,20}){0,2})\s+제공\s*[)\]]"  # "(목포시 제공)"
    r"|(?:^|(?<=[.)]))\s*/\s*(?P<h>[^\s()\[\]=:/]{2,20}(?: [^\s()\[\]=:/]{1,20})?)\s+제공"  # "…있다. /목포시 제공"
    # "[연합뉴스 자료사진]", "[로이터 연합뉴스 자료사진]" (a chain of agencies)
    r"|(?:^|[(\[]\s*|(?<=[.)])\s*/?\s*)(?P<i>[^\s()\[\]=:/]{2,15}(?: [^\s()\[\]=:/]{2,15})?)\s*(?:자료\s?사진|DB)\s*[)\]]?"
    r"|(?:^|(?<=[.)]\s))[<〈](?P<j>[^<>〈〉\s]{2,15})[>〉]\s*제공"  # "… 촬영. <전북일보> 제공"
    r"|[(\[<〈]\s*(?P<place>[가-힣]{2,5})\s*=\s*(?P<n>[가-힣]{2,4}) ?씨\s*제공\s*[)\]>〉]"  # "<서귀포=A씨 제공>"
    # "한빛시청 플리커 계정 갈무리", "(A 인스타그램 캡처)": a capture of an account, credited to its holder
    r"|(?:[(\[<〈]|(?:^|(?<=[.)]\s)))\s*(?P<o>[^\s()\[\]<>〈〉/=:]{2,15}) (?P<p>[가-힣]{2,5})(?: (?:계정|채널))?"
    r" ?(?:갈무리|캡처|캡쳐)\s*[)\]>〉]?)$"
)
_SOCIAL_SITES = {"트위터", "인스타그램", "페이스북"}
_MAX_DB_OWNER = 6
_FILE_PHOTO = re.compile(r"\s+(?:자료\s?사진|DB)$")
_INSTITUTION_ENDINGS = tuple("시군구청부처원회사교관단소")  # 목포시, 해양수산부: three syllables that are no name
# "(홍길동 씨 제공)": a person's own picture; "(현지 소식통 제공)": nobody named, no picture label
_NOT_SUPPLIERS = ("씨", "님", "측", "가족", "유족", "본인") + _UNNAMED_SOURCES
# "/사진=대북 소식통 제공", "사진/독자 제공": an unnamed source that a picture label marks as the picture's
# supplier is its credit, as written (the study gold credits both such lines it holds); bare, "(독자 제공)"
# stays a caption's aside
_LABELLED_UNNAMED = re.compile(
    r"(?:^|(?<=[\s,.)/(\[<〈]))(?:사진|화면|영상)\s*(?:제공)?\s*[:=/]\s*"
    rf"(?P<who>(?:[가-힣]{{1,4}} ){{0,2}}(?:{'|'.join(_UNNAMED_SOURCES)}))\s*제공\s*[)\]>〉]?\.?$")


def _photo_source_tail(s: str) -> tuple[str, list[Credit]] | None:
    """A caption's closing source: the one who supplied the picture (an outlet, an agency, a firm);
    the date stamp a wire prints after it ("(사진=청와대 제공) 2022.04.18.") goes with it."""
    if "제공" in s[-60:] and (unnamed := _LABELLED_UNNAMED.search(s[-60:])) is not None:
        return s[: len(s) - len(unnamed.group())].rstrip(" /([<〈"), [
            Credit("photographer", unnamed["who"], agent="person")]
    m = _PHOTO_SOURCE.search(s[-60:])
    if m is None and s.endswith((").", "].", ">.", "〉.")):  # "…보도했다.(NK뉴스 갈무리).": the sentence's stop after it
        s = s[:-1]
        m = _PHOTO_SOURCE.search(s[-60:])
    if m is None and s.endswith(" |"):  # "/평양사진공동취재단 |": a widget's separator after the credit
        s = s.rstrip(" |")
        m = _PHOTO_SOURCE.search(s[-60:])
    if m is None and len(parts := s.rsplit(None, 1)) == 2 and is_stamp_line(parts[1]):
        s = parts[0]
        m = _PHOTO_SOURCE.search(s[-60:])
    if m is None and s.endswith(")") and (k := s.rfind("(")) >= 0 and (j := s.rfind("사진", k)) > k \
            and (inner := _photo_source_tail(s[j:-1])) is not None and not inner[0]:
        return f"{s[:k]} {s[k + 1:j]}".strip(), inner[1]  # "(최윤영 종영소감 사진=최윤영 트위터)": a caption in brackets
    if m is None:
        return None
    if (person := _labelled_resident(m)) is not None:
        return s[: len(s) - len(m.group())].rstrip(), [Credit("photographer", person, agent="person")]
    if m["n"] is not None:
        return None  # "<출연=A씨 제공>": no place before the "="
    if m["o"] is not None:
        return _account_capture(s[: len(s) - len(m.group())].rstrip(), m["o"], m["p"])
    name = (m["a"] or m["b"] or m["c"] or m["d"] or m["e"] or m["f"] or m["g"] or m["h"] or m["i"] or m["j"] or m["k"]
            or m["l"]).strip()
    name = _FILE_PHOTO.sub("", name) or name  # "(사진=연합뉴스 자료사진)": the agency's file picture
    holder, space, site = name.rpartition(" ")
    if space and site in _SOCIAL_SITES and holder:  # "사진=최윤영 트위터": the account's holder posted the picture
        kind = "person" if is_korean_name(holder) else "organization"
        return s[: len(s) - len(m.group())].rstrip(), [
            Credit("photographer", holder, organization=None if kind == "person" else short_org(holder), agent=kind)]
    place, equals, after = name.partition("=")
    if equals and is_place_word(place.strip()) and after.strip():
        name = after.strip()  # "/부산=뉴시스 |": the city the picture was taken in, then the agency
    if m["dash"] and not is_outlet(name):
        return None  # "[사진 - 지난해 모습]": after a dash, what the picture shows unless an outlet is named
    if (chain := _agency_chain(name)) is not None:  # "/AP연합뉴스", "/로이터 연합뉴스": each agency
        return s[: len(s) - len(m.group())].rstrip(), [
            Credit("photographer", n, organization=_agency_org(n), agent="organization") for n in chain]
    if (m["a"] or m["e"] or m["f"] or m["g"] or m["h"]) and (listed := _supplier_list(name)) is not None:
        return s[: len(s) - len(m.group())].rstrip(), listed  # "(사진 제공=한빛복지재단·한빛시)": each supplier
    if "|" in name or not any(ch.isalpha() for ch in name) or name.endswith(_NOT_SUPPLIERS):
        return None  # "/ 사진= ㅣ ·": a separator after the label names nobody; "대북 소식통": no one named
    if (ranked := _ranked_person(name)) is not None:
        person, firm = ranked  # "사진=홍길동 과장": a person, the rank no part of the name
        return s[: len(s) - len(m.group())].rstrip(), [
            Credit("photographer", person, organization=short_org(firm) if firm else None)]
    if m["c"] or m["b"] or m["i"] or m["j"]:  # only a known outlet after "./", before "갈무리" or "자료사진"
        # "[매경DB]", "[헤럴드DB]": an outlet's short name, vouched for by its picture database's "DB"
        outlet_db = bool(m["i"]) and m.group().rstrip(" )]").endswith("DB") and is_syllable_word(name) \
            and 2 <= len(name) <= _MAX_DB_OWNER and name not in NOT_CREDITED_WORDS and name not in _CLIP_WORDS \
            and name not in lexicon_keys() and not is_place_word(name) and not _shooter_name(name)
        # (a common word's database, "[게임DB]", "[포토DB]", a place's, "[서울DB]", or a person's, is no outlet's)
        if not (name.lower() in PHOTO_AGENCIES or is_outlet(name) or (m["b"] and name in CAPTURE_PLATFORMS) or outlet_db):
            return None
    elif m["g"] or m["h"]:
        if name.endswith(_NOT_SUPPLIERS) or not has_syllable(name):
            return None
        return s[: len(s) - len(m.group())].rstrip(), [_supplier(name)]  # "(목포시 제공)", "(홍길동 제공)"
    elif (is_korean_name(name) and not name.endswith(_INSTITUTION_ENDINGS)) or " 기자" in name or name.endswith("기자"):
        return None  # a person: parse_unit reads "사진=홍길동 기자"
    head = s[: len(s) - len(m.group())].rstrip()
    if _people(name):
        return head, [Credit("photographer", name, agent="person")]
    return head, [Credit("photographer", name, organization=short_org(name), agent="organization")]


# "(2010년 10월 평안남도 김동철 촬영)", "… 모습. 김 동철 촬영", "… 촬영(아시아프레스)", "KBS화면 촬영": who took
# the picture closing a caption, then perhaps, in brackets, the agency that holds it
_SHOT_BY = re.compile(r"(?P<open>[(\[])?(?P<who>[^()\[\]]{2,60}?) ?촬영 ?(?:\((?P<org>[^()\s]{2,15})\))?"
                      r"(?(open)\s*[)\]])\.?$")
_TIME_WORDS = ("지난", "이번", "올해", "작년", "당시")  # "(지난달 촬영)": when, not who ("지난달" has a name's shape)


def _shooter_name(word: str) -> bool:
    """One word before 촬영 as who took the picture: only by the strict test of a name standing alone. Words
    of a name's shape say how or when the picture was taken ("(초고속 촬영)", "(장노출 촬영)", "(해질녘 촬영)"),
    of what ("(기념식 촬영)") or by whom of no name ("(여행객 촬영)", "(소방관 촬영)", "(유튜버 촬영)")."""
    from toolkit.credits.widgets import is_lone_korean_name  # widgets reads this module: asked when first used

    return is_lone_korean_name(word) and not word.startswith(_TIME_WORDS) and word not in _NO_ONES_NAME


def _shot_by_tail(s: str) -> tuple[str, list[Credit]] | None:
    """(the caption, [who took the picture, the agency holding it]) of a closing "… 촬영" credit. The name
    is tested before the cut: a surname spaced from its given name ("김 동철", not "한 주민") or one word
    that passes as a name standing alone ("김동철"; never "지난달", "초고속", "여행객"); a screen's owner
    ("KBS화면") or a bracketed agency after it is an organization. None when nobody is named ("(드론 촬영)")."""
    m = _SHOT_BY.search(s[-90:]) if "촬영" in s[-90:] else None  # (most sentences have no 촬영: no search)
    if m is None:
        return None
    words = m["who"].split()
    credits: list[Credit] = []
    start = m.start("who") + len(s) - len(s[-90:])
    if len(words) >= 2 and len(words[-2]) <= 2 and 1 <= len(words[-1]) <= 2 \
            and words[-1] not in KO_SUBJECT_POSITIONS and words[-1] not in _NO_ONES_NAME \
            and words[-1] not in lexicon_keys() \
            and split_name(joined := words[-2] + words[-1])[0] == words[-2] and is_korean_name(joined):
        credits.append(Credit("photographer", f"{words[-2]} {words[-1]}", agent="person"))  # not "(한 주민 촬영)"
        named = 2
    elif words and _shooter_name(words[-1]):
        credits.append(Credit("photographer", words[-1], agent="person"))
        named = 1
    elif words and words[-1].endswith("화면") and is_outlet(owner := words[-1][:-2]):
        credits.append(Credit("photographer", owner, organization=short_org(owner), agent="organization"))
        named = 1
    else:
        named = 0
    if m["org"] and (is_outlet(m["org"]) or looks_like_organization(m["org"])):
        credits.append(Credit("photographer", m["org"], organization=short_org(m["org"]), agent="organization"))
    if not credits or (not m["open"] and named and len(words) > named and not words[-named - 1].endswith(".")):
        return None  # "… 김동철 촬영" inside a sentence: the name must open the credit after a full stop
    head = len(s) - len(m.group())  # where the match starts in s
    if m["open"]:
        return s[:head].rstrip(), credits  # the whole bracket is the credit's
    if named:  # "… 모습. 김 동철 촬영": the credit starts at the name
        return s[:start + m["who"].rfind(words[-named])].rstrip(), credits
    return s[:head + m.start("org") - m.start() - 1].rstrip(), credits  # "… 협력자 촬영(A)": the bracket only


# the platforms whose accounts a picture is captured from ("백악관 플리커 계정 갈무리")
_ACCOUNT_PLATFORMS = frozenset({"유튜브", "페이스북", "인스타그램", "트위터", "틱톡", "플리커", "텔레그램", "엑스",
                                "블로그"})


# words before a platform that say what account it is, not whose: "해당 유튜브 채널", "공식 인스타그램"
_NOT_ACCOUNT_HOLDERS = frozenset({"해당", "공식", "관련", "개인", "소셜미디어", "SNS", "온라인"})


def _account_capture(head: str, owner: str, platform: str) -> tuple[str, list[Credit]] | None:
    """(the caption, [the holder]) of a capture taken from an account on a platform; an unnamed
    holder ("누리꾼 유튜브 캡처") or a platform that is none gives no credit."""
    if platform not in _ACCOUNT_PLATFORMS or owner.endswith(_NOT_SUPPLIERS) or owner in NOT_CREDITED_WORDS \
            or owner in _NOT_ACCOUNT_HOLDERS or owner in _CLIP_WORDS or owner in CAPTURE_PLATFORMS:
        return None  # "해당 유튜브 채널", "화면 유튜브", "네이버 블로그": whose account it is, unsaid
    return head, [_supplier(owner)]


_LIST_DOT = re.compile("[·ㆍ]")


def split_list_dots(text: str) -> list[str]:
    """The items of a list written with middle dots ("한빛시 · 한빛군ㆍ문태오"), each without the spaces
    beside its dots: what re.split(r"\\s*[·ㆍ]\\s*") gives, in linear time (that pattern began again at
    every space of a run no dot ends: 20,000 spaces took 5.5 s)."""
    parts = _LIST_DOT.split(text)
    items = []
    for i, part in enumerate(parts):
        if i > 0:
            part = part.lstrip()
        if i < len(parts) - 1:
            part = part.rstrip()
        items.append(part)
    return items


def _supplier_list(name: str) -> list[Credit] | None:
    """"한빛복지재단·한빛시", "한빛군청·문태오": several who supplied one picture, a credit each. Each part
    one word, a body by its name or a person's name, and at least one a body: "사진=왼쪽부터 A·B" names
    who is pictured, "사진=여름·가을 풍경" what. None when the name is no such list."""
    parts = split_list_dots(name.strip())
    bodies = [len(part) >= 2 and (is_outlet(part) or looks_like_organization(part) or _is_county_or_office(part))
              for part in parts]
    if len(parts) < 2 or not any(bodies) or any(
            " " in part or not (body or is_korean_name(part)) for part, body in zip(parts, bodies)):
        return None
    return [_supplier(part) for part in parts]


def _supplier(name: str) -> Credit:
    """Who supplied or posted a picture, its photographer credit: a person where the word has a name's
    shape and no office's ending ("홍길동"; "목포시", "한빛시청" are bodies), else an organization."""
    kind = "person" if (is_korean_name(name) and not name.endswith(_INSTITUTION_ENDINGS)) or _people(name) \
        else "organization"
    return Credit("photographer", name, organization=None if kind == "person" else short_org(name), agent=kind)


def _people(name: str) -> bool:
    """"주민", "현지 주민", "관광객": people who sent in a picture, no body ("(사진=현지 주민 제공)" is a person's
    credit, as "(사진=현지 소식통 제공)" is)."""
    return name.rpartition(" ")[2] in _PEOPLE_NOUNS


def _labelled_resident(m: re.Match[str]) -> str | None:
    """"(화면제공=A 씨)", "<서귀포=A씨 제공>": a resident's own picture or footage, credited where a picture
    label or the place it was taken marks the bracket as a photo credit (a bare "(A 씨 제공)" stays a
    caption's aside). The person's name without 씨, or None."""
    if m["n"] is not None:
        place = m["place"]  # before "=" any place, as a dateline's ("서귀포=", though 서 is a surname)
        placed = place not in KO_LABELS and place not in _PARTS_PLAYED and title_role(place) is None
        return m["n"] if placed and is_korean_name(m["n"]) and m["n"] not in _NO_ONES_NAME else None
    stem = (m["a"] or "").strip().removesuffix("씨").strip()
    return stem if m["a"] and m["a"].strip().endswith("씨") and is_korean_name(stem) and stem not in _NO_ONES_NAME \
        else None


# a picture taken off a screen: "조선중앙TV 영상 캡처", "SBS 방송화면 캡처", "사진 KBS 캡처", "유튜브 캡쳐"
_SCREEN_CAPTURE = re.compile(r"(?:사진\s*)?(?P<source>\S.*?)\s*(?:(?:영상|화면|방송\s?화면|방송)\s*)?(?:캡처|캡쳐|갈무리)")
# the platforms a screen is captured from, named as a picture's source as an outlet is ("<네이버 캡처>")
CAPTURE_PLATFORMS = frozenset({"유튜브", "네이버", "다음", "구글", "페이스북", "인스타그램", "트위터", "틱톡", "카카오톡"})
# ranks and jobs after a person's name in a picture's credit ("사진=홍길동 과장", "사진=홍길동 작가"): not the name
_RANKS = frozenset({"과장", "차장", "부장", "대리", "사원", "주임", "팀장", "실장", "본부장", "국장", "이사", "작가",
                    "연구원", "선임연구원", "교수"})


def captured_source(name: str) -> str | None:
    """The source of a screen capture credited as a name ("SBS 방송화면 캡처" -> "SBS"): an outlet, an
    agency or a platform; "" when the name is a capture of something no one is credited for ("휴대전화
    캡처"); None when the name is no capture at all."""
    m = _SCREEN_CAPTURE.fullmatch(name.strip())
    if m is None:
        return None
    source = m["source"].strip()
    return source if is_outlet(source) or source.lower() in PHOTO_AGENCIES or source in CAPTURE_PLATFORMS else ""


def _ranked_person(name: str) -> tuple[str, str | None] | None:
    """(the person, their firm) of a picture's credit naming a person with a rank or a journalist's
    title ("홍길동 과장", "한빛전자 홍길동 대리", "홍길동 기자 제공"), or None."""
    words = name.split()
    if len(words) in (2, 3) and (words[-1] in _RANKS or title_role(words[-1])) and is_korean_name(words[-2]) \
            and (len(words) == 2 or not is_korean_name(words[0])):
        return words[-2], words[0] if len(words) == 3 else None
    return None


# a titled name with a case particle, the sentence going on: "A 기자가 …", "A 기자와 B PD는 …"
_TITLED_IN_SENTENCE = re.compile(r" ?(?:기자|특파원|PD|피디|앵커|캐스터)(?:가|와|과|는|도|를|을|의|에게|이) ")
_SENTENCE_STOP = re.compile(r"(?<=[다요죠까])[.!?]")


def is_named_in_story(after: str) -> bool:
    """The text after a name makes the titled person the subject or object of a story's sentence
    ("A 기자가 … 보도상을 수상했습니다", "A 기자가 합류했습니다": a prize, a staff move), not a byline:
    the sentence ends in no report or intro verb ("A 기자가 보도합니다" is a byline)."""
    m = _TITLED_IN_SENTENCE.match(after)
    if m is None:
        return False
    sentence = _SENTENCE_STOP.split(after[m.end():m.end() + 300], maxsplit=1)[0].replace(" ", "")
    if sentence.endswith(_REPORT_ENDINGS + _INTRO_ENDINGS + _TRIED):
        return False
    return bool(_PAST_END.search(sentence))  # what the person did ("합류했습니다", "수상했다"), told as news


# an intro's "tried" form, whatever the verb: "… 표정을 A 기자가 담아봤습니다", "… 만나봤습니다"
_TRIED = ("봤습니다", "보았습니다")
_PAST_END = re.compile(r"(?:았|었|였|했|됐|웠)(?:습니다|다)$")


def split_hashtags(text: str) -> tuple[str, list[str]]:
    """(the text before a closing run of hashtags, the tags): a video page's "… 기자입니다 (영상편집: A)
    #북한 #코로나 #VOA뉴스" ends in page furniture that would hide the credits before it. One tag
    alone closes a sentence ("…에 참여하세요 #투표"), so a run needs two tags or the whole line."""
    words = text.rstrip().split(" ")
    k = len(words)
    while k > 0 and words[k - 1].startswith("#") and len(words[k - 1]) > 1 and "\n" not in words[k - 1]:
        k -= 1
    tags = words[k:]
    if len(tags) < 2 and k > 0:
        return text, []
    return " ".join(words[:k]), tags


def hashtag_credit(tag: str) -> Credit | None:
    """"#유미혜기자": a broadcaster tags its reporter by name and title."""
    found = name_and_title(tag[1:])
    if found is None or found[1] != "reporter" or not is_korean_name(found[0]):
        return None
    return Credit("reporter", found[0])


# A book listing's credit line: "김혜진 지음·문학동네·1만6800원", "서은혜 옮김/청어람미디어·1만2000원",
# "대니 샤피로 저 / 한유주 역 | 마티": author and translator by their markers, then the publisher
_BOOK_NAME = r"[가-힣]{2,5}(?: [가-힣]{1,6}){0,2}"
_BOOK_SEP = r"\s*(?:[·/|ㅣ]|(?<=\s)l(?=\s))\s*"  # "김재성 옮김 l 민음사": a lower-case L as a bar
_BOOK_LINE = re.compile(
    rf"(?:(?P<author>{_BOOK_NAME}) (?P<by>지음|글|저)(?:{_BOOK_SEP}|\s*,\s*))?"
    rf"(?:(?P<translator>{_BOOK_NAME}) (?P<tr>옮김|번역|역)(?:{_BOOK_SEP}|\s*,\s*))?"
    rf"(?P<publisher>[^\s\d·/|ㅣ][^·/|ㅣ]{{0,14}}?)(?:{_BOOK_SEP}(?P<price>\d[\d,.]*만?[\d,]*원))?\.?")


def split_book_credits(sentence: str) -> tuple[str, list[Credit]] | None:
    """("", [author as writer, translator]) for a book listing's credit line. The markers that are also
    common words (저, 역, 글, 번역) name an author or a translator only beside each other or before a
    price: "홍길동 역 | 배우" casts a role, "영문 번역 / 한국문학번역원" says what kind of translation. A
    name of one word is a Korean name ("서울 역 | 공항철도 | 4,150원" is a station's fare)."""
    m = _BOOK_LINE.fullmatch(sentence.strip())
    if m is None or not (m["author"] or m["translator"]) or m["publisher"].strip() in ("", "l"):
        return None
    if any(name and " " not in name and not is_korean_name(name) for name in (m["author"], m["translator"])):
        return None
    short = {m["by"], m["tr"]} & {"저", "역", "글", "번역"}
    if short and not (m["price"] or (m["author"] and m["translator"])):
        return None
    credits = [Credit("writer", m["author"])] if m["author"] else []
    return "", credits + ([Credit("translator", m["translator"])] if m["translator"] else [])
