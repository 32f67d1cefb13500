"""Short credit lines read by what their pieces are, not by the outlet's template.

A byline widget, an author list or a list entry is a short line standing alone: names, job
titles, outlets, dates, stamps, e-mail addresses and read times, joined by separators
("Anthony V. Rinna February 3, 2022", "Jean Mackenzie - BBC Seoul correspondent · 9 min read",
"A | B | C February 16, 2021", "김혜정 입력 09.26.2017 05:48 AM 조회 1,797", "2014.09.18 (목) |
박종인 여행문화 전문기자", "Choi Seon-U / Editor-in-Chief / a@b.example"). Every outlet prints a
different template, but the pieces are few. The line is split at separators into segments,
each segment is classified, and the line is a credit only when EVERY segment is one of these
pieces, at least one is a person's name and at least one is evidence that the line is a
byline (a date, a stamp, a job title, an e-mail address, a URL or a read time); an outlet
alone is no evidence ("Kim Jong Un | KCNA" is a caption).

Precision guards: English names must have two to four words, none of them a common English
word of the lexicon (toolkit/data/lexicon.tsv) unless it is also a spelling of a Korean
surname or given-name syllable ("Trump Meets Kim | June 12" is a headline, "Lee Young-ju"
is a name); Korean names must pass `is_korean_name` (a surname and a given name). A line
inside running text is never read here: only a whole paragraph line that nothing else read.

Role: a Korean name is a reporter unless its title says otherwise (작가/시인/발행인/편집장 ->
writer, 사진기자 -> photographer); an English byline name is a writer (a job title is not a
role), a photographer when the title says so. A line is read only up to 160 characters, and
each reading is a few passes over it, so a paragraph costs time linear in its length.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress

from toolkit.credits.agents import (is_news_subject, is_person_name, looks_like_organization, organization_of,
                                    service_language)
from toolkit.credits.korean import NOT_CREDITED_WORDS, is_bare_name, is_outlet, name_after_place, name_and_title, title_role
from toolkit.credits.lists import outlet_title, parse_service
from toolkit.credits.text import find_emails, is_dating, is_date_word, remove_spans
from toolkit.credits.vocabulary import (
    BYLINE_LABEL_WORDS, EN_GIVEN_NAMES_THAT_ARE_WORDS, EN_JOB_ROLES, EN_JOB_WORDS, KO_SUBJECT_POSITIONS, KO_WRITER_TITLES,
    NOT_PHOTO_SOURCES,
)
from toolkit.datafiles import lexicon_keys, lexicon_pairs
from toolkit.hangul import has_syllable
from toolkit.model import Credit
from toolkit.names import is_korean_name, surnames, syllable_spellings

_MAX_LINE = 160
_MAX_NAMES = 6
# separators between the pieces of a widget line; " - " and "," only with spaces around/after
_SEPARATORS = re.compile(r"\s*(?:[|/•·∙◆▪●]|\s[-–—]\s|[–—]|,\s|;\s|\s:\s)\s*")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_READ_TIME = re.compile(
    r"(?:\d{1,3}\s?(?:min|mins|minute|minutes)\s+read|\d{1,3}\s+(?:seconds?|minutes?|hours?|days?)\s+ago"
    r"|[\d,]{1,9}\s?(?:views|view|comments?|shares?)|조회(?:수)?\s?:?\s?[\d,]{1,9}|댓글\s?[\d,]{1,9})",
    re.IGNORECASE,
)
_STAMP_WORDS = {"published", "updated", "posted", "last", "modified", "update", "date", "on", "at",
                "입력", "수정", "기사입력", "최종수정", "승인", "등록", "송고", "업데이트", "am", "pm", "오전", "오후"}
_KO_DATE = re.compile(r"[\d.\-/:()월화수목금토일년월일시분\s]+")
_NUMBERS = re.compile(r"\d+")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d월", re.IGNORECASE)
_PORTRAIT_LABELS = {"기자이미지", "기자사진", "기자얼굴"}
_CLOSERS = {"[": "]", "(": ")", "<": ">", "【": "】", "〈": "〉"}
# the reading buttons a scraped page glues after its byline or source line ("… 2016 Adjust font size:",
# "… | Print | Share", "Text size A A A"): closing the line, they are none of its pieces
_BUTTONS_TAIL = re.compile(r"(?:\s*[|•·]?\s*(?:(?:adjust\s+)?(?:font|text)\s+size\s*:?(?:\s*a[+-]?){0,3}"
                           r"|print(?:\s+this\s+(?:page|article|story))?|share(?:\s+this)?|e-?mail(?:\s+this)?)){1,4}\s*$",
                           re.IGNORECASE)
_BRACKETS = str.maketrans("()[]", "    ")
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


@cache
def _common_words() -> frozenset[str]:
    """Lower-case English words of the news lexicon (proper nouns keep their capitals there)."""
    words: set[str] = set()
    for _ko, en in lexicon_pairs():
        for w in en.split():
            if w.islower() and w.isalpha():
                words.add(w)
    return frozenset(words)


@cache
def _korean_spellings() -> frozenset[str]:
    """Romanised surnames and given-name syllables: a name word even when it is an English word."""
    out = {s.lower() for spellings in surnames().values() for s in spellings}
    for spellings in syllable_spellings().values():
        out.update(spellings)
    return frozenset(out)


_LONE_NAME = re.compile(r"[가-힣]{3}")
_GROUP_ENDINGS = ("들", "님", "분", "단", "측")  # "시청자들", "여러분", "취재단": people, no one person


@cache
def _given_name_syllables() -> frozenset[str]:
    """The syllables given names are usually made of (toolkit/data/name_syllables.tsv)."""
    return frozenset(syllable_spellings())


def is_lone_korean_name(s: str) -> bool:
    """A paragraph that is one Korean name of three syllables and nothing else ("박동혁" under a story, as
    a broadcaster's page closes it). Nothing else backs it, so the name test is strict: both given-name
    syllables usual ones ("진달래", "강남역", "서울시" are refused), and no word of the lexicon ("정치국"),
    news subject or place, credit word or group."""
    return bool(_LONE_NAME.fullmatch(s)) and is_korean_name(s) and set(s[1:]) <= _given_name_syllables() \
        and s not in lexicon_keys() and not is_news_subject(s) and s not in NOT_CREDITED_WORDS \
        and not s.endswith(_GROUP_ENDINGS) and not (s[2] in _PARTICLE_SYLLABLES and s[:2] in lexicon_keys())


_PARTICLE_SYLLABLES = frozenset("은는이가을를의에도와과로")  # "한국은": a noun and its particle, no name


def is_romanized_name_word(word: str) -> bool:
    """A romanised Korean surname or given-name syllable ("Kim", "Park"): a person's, not an agency's."""
    return word.lower().strip(".,") in _korean_spellings()


def is_common_word(word: str) -> bool:
    """A word of the common lexicon (any of its plain inflections): "Group", "Dock", "Votes"."""
    low = word.lower().strip(".,")
    if "-" in low or low in _korean_spellings():
        return False
    common = _common_words()
    forms = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith(("ed", "es")) else low,
             low[:-3] if low.endswith("ing") else low}
    return bool(forms & common)


def is_participle_source(name: str) -> bool:
    """"Photo: Collected", "Image: Gathered": one word after a picture's label that is the regular -ed form
    of a common-lexicon word says how the picture came, and names no one. The stem is five letters or more,
    and a stem in -e takes -d alone: a name that merely ends in -ed is no such form, whether the lexicon
    knows the whole word ("Reed", "Seed") or a short stem ("Sayed": say; "Rashed": rash; "Fareed": fare).
    "Ahmed", "Fred" are no lexicon words at all."""
    low = name.lower()
    if " " in name or not low.endswith("ed") or not is_common_word(name):
        return False
    stems = (low[:-1], low[:-2]) if not low[:-2].endswith("e") else (low[:-1],)  # "capture-d", "collect-ed"
    return any(len(stem) >= 5 and stem in _common_words() for stem in stems)


def names_no_photo_source(name: str) -> bool:
    """Words after a picture's label that name nobody: a listed word ("Courtesy", "File", NOT_PHOTO_SOURCES)
    or how the picture came ("Collected"): the photo and the list readers refuse the same words."""
    return name.lower() in NOT_PHOTO_SOURCES or is_participle_source(name)


# words that open a blog's category or tag line, never a name
_NOT_NAME_OPENERS = {"in", "on", "at", "of", "for", "from", "to", "with", "posted", "filed", "tags", "tagged",
                     "categories", "category"}


def is_byline_name(text: str) -> bool:
    """A person's name by the strict test of a byline with no "By" label (2-4 words, no common word,
    nobody the news is about): what a line may credit when only its shape says it is a credit."""
    words = text.split()
    if not words or words[0].lower() in _NOT_NAME_OPENERS:
        return False  # "In Uncategorized on June 6, 2010": a blog's category, not a writer
    first_ok = words[0].lower() in EN_GIVEN_NAMES_THAT_ARE_WORDS  # "Grace Odum"
    return 2 <= len(words) <= 4 and is_person_name(text) and not looks_like_organization(text) \
        and not any(is_common_word(w) for w in words[first_ok:]) and not is_news_subject(text)


def _full_date(text: str) -> bool:
    """A day, not a year alone: two numbers ("2011-12-20", "09.26.2017") or a month and a number."""
    return len(_NUMBERS.findall(text)) >= 2 or (bool(_NUMBERS.search(text)) and bool(_MONTH.search(text)))


def _is_date_piece(segment: str) -> bool:
    """Date words only ("August 8", "2019", "2014.09.18 (목)"); whether the line prints a whole
    date is judged on all its date pieces together (`_full_date`)."""
    words = [w.strip(",():[]") for w in segment.split()]  # "2020/12/29 [13:46]"
    words = [w for w in words if w and w.lower() not in _STAMP_WORDS]
    return bool(words) and (is_dating(words) or (all(is_date_word(w) or _KO_DATE.fullmatch(w) for w in words)
                                                 and any(map(str.isdigit, segment))))


def _trailing_date(segment: str) -> tuple[str, bool]:
    """(the segment without a closing date, whether there was one): "Colin Zwirko September 29, 2021"."""
    words = segment.split()
    k = len(words)
    while k > 0 and (is_date_word(words[k - 1].strip(",()")) or words[k - 1].lower() in _STAMP_WORDS):
        k -= 1
    tail = [w.strip(",()") for w in words[k:] if w.lower() not in _STAMP_WORDS]
    if k < len(words) and _full_date(" ".join(words[k:])) and is_dating(tail):
        return " ".join(words[:k]).rstrip(","), True
    return segment, False


# the "and" before a list's last name after a serial comma: "By A, B, and C" splits into "and C"
_LIST_AND = re.compile(r"^(?:and|&)\s+", re.IGNORECASE)
_MAX_SECTION_WORDS = 3
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _stamped_end(segments: list[str], stamped: bool) -> int:
    """How many segments a widget line's reading covers: a page's section labels may follow its
    publication stamp ("By A / Jan 18, 2019 06:19 PM / Society & Culture", "… 15:00 | All, Japan,
    World"). After the last segment that is a dated year or a clock (or a read time already taken out),
    segments of one to three capitalised words are those labels, not names: dropped. A name always
    stands before the stamp in such a line; nothing after the stamp is dropped unless all of it is labels."""
    last = -1
    for k, segment in enumerate(segments):
        piece = segment.strip(" ,.;:()[]")
        if piece and _is_date_piece(piece) and (_CLOCK.search(piece) or (_full_date(piece) and _YEAR.search(piece))):
            last = k
    if last < 0 and not stamped:
        return len(segments)
    if last < 0:  # only a read time vouches for the line: labels may close it after the last empty piece
        last = max((k for k, seg in enumerate(segments) if not seg.strip(" ,.;:()[]")), default=-1)
    tail = [seg.strip(" ,.;:()[]") for seg in segments[last + 1:]]
    if last < 0 or not tail or not all(_is_section_label(seg) for seg in tail if seg):
        return len(segments)
    return last + 1


def _is_section_label(segment: str) -> bool:
    """"Society & Culture", "World", "All": a page's section, capitalised words that name no one."""
    words = [w for w in segment.split() if w != "&"]
    return 1 <= len(words) <= _MAX_SECTION_WORDS and all(w[:1].isupper() and w.isalpha() for w in words) \
        and not is_byline_name(segment)


def _english_title(segment: str) -> str | None:
    """The role a job title gives ("writer" for most, "photographer"), or None when it is no title."""
    low = [w.lower().strip(".,") for w in segment.replace("-", " ").split()]
    if not low:
        return None
    if outlet_title(segment):
        return "writer"
    words = segment.replace("-", " ").split()
    for k in range(_MAX_OUTLET_QUALIFIER + 1):  # "Nikkei staff writer": an outlet's name before the title
        if k and not (k < len(low) and words[k - 1][:1].isupper() and words[k - 1][:1].isalpha()):
            break
        title = low[k:]
        if title and all(w in EN_JOB_WORDS for w in title) and any(w in EN_JOB_ROLES for w in title):
            return next(EN_JOB_ROLES[w] for w in title if w in EN_JOB_ROLES)
    return None


_MAX_OUTLET_QUALIFIER = 3  # "Harbor Times Seoul staff writer" at most: a longer run is a clause


def _korean_segment(segment: str) -> tuple[list[tuple[str, str]], bool] | None:
    """((name, role) pairs, evidence) of a Korean segment of names, titles, outlets and stamps."""
    names: list[tuple[str, str]] = []
    evidence = False
    words = segment.translate(_BRACKETS).split()
    if KO_SUBJECT_POSITIONS.intersection(words):
        return None
    for k, word in enumerate(words):
        if word.lower() in _STAMP_WORDS or _KO_DATE.fullmatch(word) or is_date_word(word):
            evidence = evidence or any(ch.isdigit() for ch in word) or word in _STAMP_WORDS
            continue
        if word in _PORTRAIT_LABELS:
            evidence = True  # "기자이미지 김민찬": the alt text of the reporter's portrait beside the name
            continue
        if (role := _title_role(word)) is not None:
            evidence = True
            if title_role(word) is None and len(names) > 1:
                return None  # "A 한빛대 (경제학과) 교수": an affiliation before a writer's title is no second name
            if names:
                names[-1] = (names[-1][0], role)
            continue
        if (found := name_and_title(word)) is not None and not is_news_subject(found[0]):
            if names and k > 0 and names[-1][0] == words[k - 1] and not is_bare_name(words[k - 1]):
                return None  # "팽목항 풍경 A 선임기자": a picture's title before the name, no list of names
            names.append((found[0], found[1] or "reporter"))
            evidence = evidence or found[1] is not None
            continue
        if is_outlet(word):
            continue
        if (placed := name_after_place(word)) is not None:
            names.append((placed, "reporter"))  # "서울-윤하정 a@b.example"
            continue
        if names and k + 1 < len(words) and _title_role(words[k + 1]) and has_syllable(word) and len(word) <= 6:
            continue  # "박종인 여행문화 전문기자": a field between the name and its title
        return None
    return names, evidence


def _title_role(word: str) -> str | None:
    """The role of a Korean job title, "writer" for the titles of those who sign what they wrote."""
    return title_role(word) or ("writer" if word in KO_WRITER_TITLES else None)


def _unglue(s: str) -> str:
    """Pieces a scraped widget glued together, pulled apart by a separator: "ReutersJoyce Lee" (a
    lower-case letter, then a capital opening a word, after three letters: "McDonough" and
    "DeShawn" stay whole), "Connor7" / "2013Donald" (letters against digits). Only a capital or a
    digit opens a piece, so only those places are visited (found by C-level scans: a Korean line
    has few); the letters before a capital are read back from the text, counted from the last cut."""
    opens = sorted([*compress(range(len(s)), map(str.isupper, s)), *compress(range(len(s)), map(str.isdigit, s))])
    cuts: list[int] = []
    last = len(s) - 1
    for k in opens:
        if not k:
            continue
        ch, prev = s[k], s[k - 1]
        # three letters or more right before k, none of them before the last cut (a cut restarts the count)
        run3 = k >= 3 and s[k - 3:k].isalpha() and (not cuts or cuts[-1] <= k - 3)
        if ((ch.isupper() and prev.islower() and run3 and k < last and s[k + 1].islower())
                or (ch.isdigit() and prev.isalpha() and prev.isascii())
                or (ch.isalpha() and ch.isupper() and prev.isdigit())):
            cuts.append(k)
    if not cuts:
        return s
    return " | ".join(s[a:b] for a, b in zip([0, *cuts], [*cuts, len(s)]))


def evidence_kind(line: str) -> str | None:
    """What a line that only backs a byline is: "read" ("1 minute read", "2,301 views", a paywall's
    "Members Free to read"), "url" (the story's address), "stamp" (a publication time: "Updated:
    9:26am, 18 Aug, 2019", "Dec. 7, 2024, 8:35 a.m. ET"), "posted" (a Korean CMS's stamp: "승인 2021.06.28
    00:00"), "title" ("Staff Reporter"), "reporting" (a live post's "Reporting from Seoul") or "date" ("Oct 8,
    2022"); None for any other line."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE:
        return None
    if not _READ_TIME.sub(" ", s).strip(" |·-") or _ACCESS_LABEL.fullmatch(s):
        return "read"
    if _URL.fullmatch(s):
        return "url"
    if not has_syllable(s) and (_english_title(s.strip(" ,")) is not None or _AUTHOR_NOTE.match(s)):
        return "title"  # "Staff Reporter", "Korea Correspondent", "The author is a columnist …" below a name
    if (unclocked := _CLOCK.sub(" ", s)) != s and _is_date_piece(unclocked) and _full_date(unclocked):
        return "posted" if s.startswith(_KO_POSTED) else "stamp"
    if _EN_POSTED.match(s) and _is_date_piece(s) and _full_date(s):
        return "posted"  # "Published: March 3, 2024": the page's own label says the date is its publication
    if _REPORTING_FROM_LINE.fullmatch(s):
        return "reporting"  # "Reporting from outside the National Assembly in Seoul" under a live post's author
    return "date" if _is_date_piece(s) and _full_date(s) else None


# a column's note on its author, printed on the line under the author's name (credits._GLUED_AUTHOR_NOTE
# reads it run into the name): "The author is an editorial writer at the Tavren Ilbo.", "The writer is a
# professor of history at …"
AUTHOR_NOTE = r"The (?:author|writer)(?:, [^,\n]{3,40},)? is (?:a|an|the|former|a former) [a-z]"
_AUTHOR_NOTE = re.compile(AUTHOR_NOTE)
# a time of day in a publication stamp: "12:23am", "8:35 a.m. ET", "15:03"
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?)?(?:\s?(?:ET|EST|EDT|KST|JST|GMT|UTC|HKT)(?:[+-]\d{1,2})?)?"
                    r"(?=[\s,]|$)", re.IGNORECASE)
# a live post's dateline under its author, and a sign-off naming where the reporter is
_REPORTING_FROM_LINE = re.compile(r"Reporting from \S[^\n]{1,80}")
# the place is a name, capitalised word by word: "Mara Ellison reporting from Seoul in 2019" is a caption
_NAME_REPORTING_FROM = re.compile(r"(?P<name>[^,]{3,40}?),? reporting from (?:the |outside |inside |near )*"
                                  r"[A-Z][\w.'’-]{0,30}(?:[ -][A-Z][\w.'’-]{0,30}){0,4}")
# a paywall's label printed under a byline in listings: "Members Free to read", "Subscribers only"
_ACCESS_LABEL = re.compile(r"(?:members|subscribers)\s+(?:free to read|only)", re.IGNORECASE)
# what a column of bare names may stand on: a publication stamp, a read time or a paywall label
_COLUMN_BACKING = {"stamp", "posted", "read"}
# a Korean news CMS's publication stamp under its byline ("승인 2021.06.28 00:00", "입력 2024.01.01 10:00")
_KO_POSTED = ("승인", "입력", "등록", "기사입력", "송고")
_EN_POSTED = re.compile(r"(?:Published|Updated|Posted|Last updated)(?: on)?:? ", re.IGNORECASE)


def name_column(lines: list[str], kinds: list[str | None]) -> dict[int, int]:
    """{line of a bare byline name: the stamp line it stands on}: "SCMP\nKimmy Chung\nAlvin Lum\n
    Updated: 9:26am, 18 Aug, 2019", "Chang W. Lee\nDec. 7, 2024, 8:35 a.m. ET". The names run up from
    the stamp line with only blank lines between them. Above the column stands nothing, another widget
    line or an outlet's label: under a line of prose ("The winners were:") the names are a story's list.
    One pass up each column."""
    out: dict[int, int] = {}
    for k, kind in enumerate(kinds):
        if kind not in _COLUMN_BACKING:
            continue
        column: list[int] = []
        j = k - 1
        while j >= 0 and j not in out and kinds[j] is None:
            if lines[j].strip():  # blank lines between the names of a column are part of its layout
                if not is_byline_name(_HONORIFIC.sub("", lines[j].strip(), count=1)):
                    break
                column.append(j)
            j -= 1
        headed_by = lines[j].strip() if 0 <= j and j not in out and kinds[j] is None else ""
        if not column and headed_by and is_news_outlet(headed_by) and (j == 0 or not lines[j - 1].strip()):
            out[j] = k  # "Xinhua\n25 May 2023, 12:44 GMT+10": the outlet's own line on its stamp, the page's top
        elif not headed_by or looks_like_organization(headed_by):
            out.update(dict.fromkeys(column, k))
    return out


def _signing_outlet(line: str) -> bool:
    """An outlet's name that signs a copied story when it stands alone: a known agency, or a head noun
    after an acronym ("VOA News", "KBS News"); "World News" or "Latest News" is a page's section, and
    so is "WORLD NEWS": in a line all in capitals no word stands out as an acronym."""
    words = line.split()
    return bool(organization_of(line)) or (is_news_outlet(line) and words[0].isupper() and len(words[0]) >= 2
                                           and not all(w.isupper() for w in words[1:]))


# the head nouns of a news organization's name ("The Asahi Shimbun", "Radio Taiwan International", "VOA News")
_NEWS_HEADS = {"news", "shimbun", "times", "post", "herald", "daily", "ilbo", "journal", "tribune", "press", "radio",
               "television", "broadcasting", "agency", "guardian", "telegraph", "gazette", "chronicle", "newsroom"}
_MAX_OUTLET_WORDS = 5


def is_news_outlet(line: str) -> bool:
    """A news organization's name alone: a known agency ("Xinhua", "JIJI"), or a few capitalised words
    ending in a newsroom's head noun ("THE ASAHI SHIMBUN", "VOA News"; "Radio …" heads its name first);
    "Times Square", "Post Office" or a firm is none."""
    words = line.split()
    if organization_of(line):
        return True
    return 2 <= len(words) <= _MAX_OUTLET_WORDS and all(w[:1].isupper() for w in words) \
        and (words[-1].lower() in _NEWS_HEADS or words[0].lower() == "radio") and not any(ch.isdigit() for ch in line)


# the head nouns of a university's or institute's name: "University of Mokpo", "Harbor Institute"
_INSTITUTION_HEADS = {"university", "institute", "college", "school", "academy", "centre", "center", "foundation",
                      "observatory", "museum", "library", "hospital", "polytechnic"}
_INSTITUTION_SMALL = {"of", "for", "the", "and", "in", "on", "at", "de"}


def _is_institution(text: str) -> bool:
    """A few capitalised words naming a university or institute ("University of Mokpo", "Harbor Institute
    of Technology")."""
    words = text.split()
    return 1 <= len(words) <= _MAX_OUTLET_WORDS + 2 and words[0][:1].isupper() \
        and all(w[:1].isupper() or w in _INSTITUTION_SMALL for w in words) \
        and any(w.lower() in _INSTITUTION_HEADS for w in words)


def _institution_then_name(segment: str) -> tuple[str, str] | None:
    """(the institution, the next writer's name or "") of "University of Mokpo" or "University of Mokpo
    and Tomas Weller": an affiliation closing one writer, perhaps the next writer's name after it."""
    if _is_institution(segment) and " and " not in segment:
        return segment, ""
    head, _, name = segment.rpartition(" and ")
    if head and _is_institution(head) and is_byline_name(name.strip()):
        return head, name.strip()
    return None


_HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms)\. (?=[A-Z])")
# a byline's own label before its name: "By", "Written by", "Words by", "Story by"
_BYLINE_LABEL = re.compile(rf"(?:(?:{'|'.join(BYLINE_LABEL_WORDS)}) )?[Bb][Yy] ")
_MAX_NAME_WORDS = 4


def _name_then_title(segment: str) -> tuple[str, str] | None:
    """(name, role) of a byline name with its job title glued on after it ("Mara Ellison Staff Reporter",
    "Mara Ellison Seoul Correspondent" is read by the title's own test), or None."""
    words = segment.split()
    if len(words) < 3 or words[-1].lower().strip(".,") not in EN_JOB_WORDS:
        return None  # most segments: no title word closes them
    for k in range(2, min(_MAX_NAME_WORDS, len(words) - 1) + 1):
        title = [w.lower().strip(".,") for w in words[k:]]
        if all(w in EN_JOB_WORDS for w in title) and any(w in EN_JOB_ROLES for w in title) \
                and is_byline_name(name := " ".join(words[:k])):
            return name, next(EN_JOB_ROLES[w] for w in title if w in EN_JOB_ROLES)
    return None


def parse_widget_line(line: str, nearby: set[str] | frozenset[str] = frozenset()) -> list[Credit] | None:
    """Credits of a standalone short credit line, or None when some piece is not a credit piece.
    `nearby`: the evidence kinds of the nearest lines above and below it (`evidence_kind`), and what
    its place says: "alone" (the paragraph is this line), "column" (`name_column`), "signed" (a
    closing signature), "headed" (a listing's item: a headline above, a date below): a bare name is a
    byline only with such backing."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE or s.endswith(("?", "!")) or _CLOSERS.get(s[0]) == s[-1]:
        return None  # a whole bracket is a label or a speaker tag ("[A 기자]"), other readers know those
    if "alone" in nearby and (name := s.lstrip("-–— ").strip()).isascii() and is_byline_name(name):
        return [Credit("writer", name)]  # "Mara Ellison", "- Mara Ellison": a byline widget's name, a paragraph alone
    if "alone" in nearby and is_lone_korean_name(s):
        return [Credit("reporter", s)]  # "박동혁": the reporter's name alone under a broadcaster's web story
    if (m := _NAME_REPORTING_FROM.fullmatch(s)) and "alone" in nearby and is_byline_name(m["name"]):
        return [Credit("reporter", m["name"])]  # "Mara Ellison reporting from Mokpo": the whole paragraph
    if ("column" in nearby and is_news_outlet(s)) or ("alone" in nearby and s.isascii() and _signing_outlet(s)):
        # "THE ASAHI SHIMBUN" on its stamp line (name_column); "VOA News", "JIJI" as a paragraph of their own
        return [Credit("writer", s, organization=organization_of(s) or s, agent="organization")]
    if (buttons := _BUTTONS_TAIL.search(s)) is not None and buttons.start() > 0:
        s = s[:buttons.start()].rstrip()  # "Xinhua, August 23, 2016 Adjust font size:": the page's buttons, no piece
    evidence = False
    # what is taken out leaves a separator: the words on its two sides are never one name
    emails = find_emails(s)
    if emails:
        s, evidence = remove_spans(s, emails, " | "), True
    if _URL.search(s):
        s, evidence = _URL.sub(" | ", s), True
    read_time = False
    if (stripped := _READ_TIME.sub(" | ", s)) != s:
        s, evidence, read_time = stripped, True, True
    s = _unglue(s)
    korean = has_syllable(s)
    outlets = 0
    service: tuple[str | None, str | None] | None = None
    outlet_names: list[str] = []
    newsrooms: list[str] = []
    pieces: list[tuple[str, str]] = []
    title_roles: list[str] = []
    dates: list[str] = []
    segments = _SEPARATORS.split(s)
    stamped = _stamped_end(segments, evidence)
    for segment in segments[:stamped]:
        segment = segment.strip(" ,.;:()[]")
        if not segment:
            continue
        if _is_date_piece(segment):
            dates.append(segment)
            continue
        if korean and has_syllable(segment):
            read = _korean_segment(segment)
            if read is None:
                return None
            pieces += read[0]
            evidence = evidence or read[1]
            continue
        segment, dated = _trailing_date(segment)
        evidence = evidence or dated
        if not segment:
            continue
        if (glued := _name_then_title(segment)) is not None:
            pieces.append((glued[0], "writer"))  # "Mara Ellison Staff Reporter": the title printed on after the name
            title_roles.append(glued[1])
            evidence = True
            continue
        if (role := _english_title(segment)) is not None:
            title_roles.append(role)
            evidence = True
            continue
        if (label := _BYLINE_LABEL.match(segment)) is not None:
            segment = segment[label.end():]  # "By Mara Ellison • Published …", "Written by A · 5 min read": the byline's label
        segment = _HONORIFIC.sub("", segment, count=1)  # "Dr. Antonio Graceffo September 25, 2020"
        if not korean and (named := parse_service(segment, None)) and named[0] and named[1] \
                and organization_of(named[1]):
            service, evidence = named, True  # "A and B, VOA Khmer": a language service names a newsroom
            continue
        names = _AND.split(_LIST_AND.sub("", segment, count=1))  # "By A, B, and C": the list's last "and"
        if all(is_byline_name(n) for n in names):
            pieces += [(n, "writer") for n in names]
            continue
        if organization_of(segment) or (korean and is_outlet(segment)):
            outlets += 1
            outlet_names.append(segment)
            continue
        if not korean and pieces and is_news_outlet(segment) and not organization_of(segment):
            newsrooms.append(segment)  # "A and B, The Harbor Post": the newsroom the writers work for
            continue
        if not korean and pieces and "alone" in nearby and (read := _institution_then_name(segment)) is not None:
            # "A, University of Mokpo and B, Harbor Institute": each writer's institution (a republished
            # commentary's author line), perhaps with the next writer's name after it
            newsrooms.append(read[0])
            pieces += [(read[1], "writer")] if read[1] else []
            continue
        return None
    # a Korean CMS's publication stamp ("승인 2021.06.28 00:00") next to a bare name backs it; a date
    # line alone backs bare names only in a widget's shape: an outlet or several names
    # (a story's address below a name is its byline: "A\nhttps://…"; a caption never has one)
    evidence = evidence or _full_date(" ".join(dates)) or "url" in nearby or "title" in nearby or "signed" in nearby \
        or "column" in nearby or "reporting" in nearby or "posted" in nearby or "headed" in nearby \
        or (bool(nearby - {"alone"}) and (outlets > 0 or len(pieces) > 1))
    # a newsroom's name after the writers' names, the whole paragraph ("A and B, The Harbor Post"), is a byline
    # (or each writer's own institution: "A, University of Mokpo and B, Harbor Institute")
    evidence = evidence or (1 <= len(newsrooms) <= max(1, len(pieces)) and "alone" in nearby and not outlets)
    if newsrooms and not evidence:
        return None
    if not pieces and len(outlet_names) == 1 and not title_roles and "alone" in nearby \
            and (_full_date(" ".join(dates)) or (read_time and not korean)):
        # "Xinhua, July 6, 2016", "KYODO NEWS - 2 hours ago - 15:00": a copied story's source (a known
        # agency) and when it was published, the whole paragraph
        return [Credit("writer", outlet_names[0], organization=organization_of(outlet_names[0]), agent="organization")]
    if not pieces or not evidence or len(pieces) > _MAX_NAMES:
        return None
    if title_roles and len(pieces) == 1 and pieces[0][1] == "writer":
        pieces = [(pieces[0][0], title_roles[0])]
    if "reporting" in nearby and len(pieces) == 1 and pieces[0][1] == "writer":
        pieces = [(pieces[0][0], "reporter")]  # "John Yoon\nReporting from Seoul"
    if service is not None:
        return [Credit(role, name, service[0], service[1], service_language(service[0])) for name, role in pieces]
    return [Credit(role, name) for name, role in pieces]


# a dash, a name and its job title closing a text: "— Christopher Green, Co-editor" signs an editor's introduction
_DASH_SIGNATURE = re.compile(r"[—–]\s*(?P<name>[^,()]{3,40}),\s*(?P<title>[^,()]{2,40}?)\.?")


def parse_dash_signature(sentence: str) -> list[Credit] | None:
    """"— A, Co-editor" as the last sentence of a paragraph: the writer of what it closes; only with a job
    title after the name (a bare "— Mark Twain" under a line is a quotation's source, not a signature)."""
    m = _DASH_SIGNATURE.fullmatch(sentence.strip())
    name = m["name"].strip() if m else ""
    if m is None or not 2 <= len(name.split()) <= 4 or not is_person_name(name) or is_news_subject(name) \
            or (role := _english_title(m["title"].strip())) is None:
        return None  # (the title vouches for the name: "Green" may be a word, as in "Christopher Green")
    return [Credit(role, m["name"].strip())]
