"""Wire datelines that open a paragraph: "(서울=연합뉴스) 홍길동 기자 = …", "[파주=뉴시스]배훈식 기자 = …",
"[코리아헤럴드=김아린 기자] …", "【평양=AP/뉴시스】…", "SEOUL (Yonhap) -- …", "PYONGYANG, North Korea (AP) — …",
"[Kyodo: Korea] …".

The dateline is removed and the rest of the paragraph kept: it is the lead. The reporters
named are credited with the agency as their organization; with no reporter named, the
agency itself is the reporter (agent organization). All patterns are anchored at the start
and bounded in length, so the work per paragraph is constant.
"""

from __future__ import annotations

import re

from toolkit.credits.agents import (
    is_capitalized_phrase, is_news_subject, is_person_name, looks_like_organization, organization_of, short_org,
)
from toolkit.credits.english import parse_sentence
from toolkit.credits.korean import (
    desk_credit, desk_name, is_outlet, is_place_word, ko_tokens, name_and_title, parse_bracket_byline, parse_unit,
    regional_station, title_role,
)
from toolkit.credits.text import is_date_word
from toolkit.credits.widgets import is_byline_name, is_common_word, is_romanized_name_word
from toolkit.credits.vocabulary import KO_LABELS, KO_NEWS_ENDINGS, PHOTO_AGENCIES
from toolkit.hangul import is_syllable_word
from toolkit.names import surnames
from toolkit.model import Credit

BRACKET_CLOSERS = {"(": ")", "[": "]", "【": "】", "<": ">", "〈": "〉"}
_BYLINE_OPENERS = ("[", "【", "<", "〈")  # "[매체 A 기자] …", "【A 기자】 …", "<매체 A 기자> …": a byline opening the lead
CAPTION_MARKS = ("▲", "△")  # the mark a Korean page opens a picture's caption with
_MAX_BRACKET = 40
_EN_DATELINE = re.compile(
    r"(?P<place>[^()\[\]\n]{0,100}?)\s*\((?P<agency>[A-Za-z][A-Za-z .\-]{1,30}|[가-힣]{2,8})\)\s*(?:--|—|–|-|―|:(?=\s))\s*"
)  # "SEOUL (Yonhap) --", "HONG KONG (UCAN): ", "By A and B WASHINGTON (Reuters) –"
_BRACKET_AGENCY = re.compile(r"\[(?P<agency>[A-Za-z][A-Za-z .\-]{1,30})(?::[^\]]{0,30})?\]\s*")
_BRACKET_REPORTER = re.compile(  # "[Asia Economy Reporter Seo Mideum] It has been reported …"
    r"\[(?P<outlet>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,4}) (?:Staff )?(?:Reporter|Correspondent)"
    r" (?P<name>[A-Z][\w'\-]*(?: [A-Z][\w'\-]*){1,3})\]\s*"
)
# a dateline some agencies print without a dash: a place, a month and day, the agency, then the lead
_UNDASHED_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,3}, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})"
    r"\s*\((?P<agency>[A-Za-z][A-Za-z .\-]{1,30})\)\s+(?=[A-Z])"
)
# a wire's full dateline before its bracket: "BEIJING, Dec. 30", "SEOUL, March 3", and "Jakarta, Dec 29,
# 2018 (Antara) -": a place (in capitals or not), a month and day and perhaps a year vouch for the
# bracket after them as the wire, though no list knows it
_CAPS_PLACE_DATE = re.compile(r"(?:[A-Z]{3,}(?: [A-Z]{2,}){0,2}|[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){0,2}), "
                              r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?")
# a place and the agency both in capitals, a full stop between: "ANKARA. KAZINFORM - …"
_DOTTED_CAPS_DATELINE = re.compile(r"[A-Z]{3,}(?: [A-Z]{2,}){0,2}\. (?P<agency>[A-Z]{3,}(?: [A-Z]{2,}){0,2})"
                                   r" ?(?:—|–|--|-) ?(?=[A-Z\"“])")
# a writer's name and where they write from, a dash, then the lead: "Mara Ellison, Jakarta – Looking back …"
_NAME_PLACE_DATELINE = re.compile(r"(?P<name>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){1,2}), [A-Z][a-z]+(?: [A-Z][a-z]+)?"
                                  r" (?:—|–|--) ?(?=[A-Z\"“])")
# a place, a comma and the agency, then a dash straight into the lead: "Gaza and Jerusalem, Reuters—Israel …"
_COMMA_AGENCY_DATELINE = re.compile(
    r"[A-Z][\w'.\-]*(?: (?:and )?[A-Z][\w'.\-]*){0,4}, (?P<agency>[A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){0,2})"
    r" ?(?:—|–|--) ?(?=[A-Z])"
)
# a second dash before the sentence's stop: the agency's dash opened an aside, not the lead
_DASH_BEFORE_STOP = re.compile(r"[^.!?\n—–]{0,160}?(?:—|–|--)")
_CJK = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")
_PHOTO_LABELS = {"사진", "사진제공", "사진 제공", "자료사진", "그래픽", "이미지"}  # "[이미지=gettyimagesbank]": a stock picture


_AGENCY_PLACE_DATE = re.compile(r"(?P<agency>\S{2,12}) [가-힣]{2,8} \d{1,2}월 \d{1,2}일")


def _is_wire_agency(agency: str) -> bool:
    """The bracket of an English dateline names an agency: a known one, or a short acronym ("(HBN)")."""
    return bool(organization_of(agency)) or (agency.isupper() and agency.isalpha() and 2 <= len(agency) <= 6)


def _may_be_wire(agency: str) -> bool:
    """A name no list knows, vouched for only by where a dateline prints it: one word that is no common
    word, no person's and no place's ("KAZINFORM", "(Antara)"); "NORTH KOREA", "(Exclusive)", "(Kim)", "TOKYO.
    JAPAN -" are not wires."""
    if organization_of(agency):
        return True
    return len(agency.split()) == 1 and not is_common_word(agency) and not is_romanized_name_word(agency) \
        and not is_news_subject(agency.title())


def _agency_credit(name: str) -> Credit:
    return Credit("reporter", name, organization=short_org(name), agent="organization")


def _korean(paragraph: str) -> tuple[str, list[Credit]] | None:
    opener = paragraph[:1]
    close = paragraph.find(BRACKET_CLOSERS[opener], 1, _MAX_BRACKET + 2)
    if close < 0:
        return None
    inner = paragraph[1:close].strip()
    if not _CJK.search(inner):
        return None  # "(Photo: Ha Nguyen/RFA)" is a photo credit, not a Korean or Japanese dateline
    rest = paragraph[close + 1:]
    named = _reporters_after(rest)
    if "=" in inner or "/" in inner:
        left, right = (p.strip() for p in re.split(r"[=/]", inner, maxsplit=1))
        if left.split()[-1:] and left.split()[-1] in _PHOTO_LABELS or right in _PHOTO_LABELS or "사진" in inner.split("=")[0].split("/")[-1]:
            # "[사진=연합뉴스]", "(SBS 뉴스플랫폼부/사진=연합뉴스)": photo credits (korean.parse_unit reads them alone);
            # before a lede ("(사진=통일부)남북이 …") the picture's label is read here and the lede kept
            unit = parse_unit(ko_tokens(inner)) if rest.strip() else None
            photos = unit is not None and unit[0] and all(c.role == "photographer" for c in unit[0]) \
                and not any(c.agent == "person" and c.name in rest for c in unit[0])  # "(사진=A)A가 …": who is pictured
            return (rest.lstrip(), unit[0]) if photos else None
        if left in KO_LABELS:  # "(번역=A 기자)", "[정리=A 기자] 본문 …": a labelled credit, not an outlet's reporter
            unit = parse_unit(ko_tokens(inner)) if rest.strip() else None  # (alone, korean.parse_unit reads it)
            return (rest.lstrip(), unit[0]) if unit is not None and unit[0] else None
        words = [w for w in ko_tokens(right) if w not in _BYLINE_JOINS]  # "[매체=A·B 기자]"
        if (names := _titled_names(words)) is not None:
            # "[코리아헤럴드=김아린 기자]", "[서울/박기문기자]", "[매체=A 기자·B 기자]": the reporters inside the bracket
            return rest.lstrip(" =").lstrip(), [Credit("reporter", n, organization=short_org(left)) for n in names]
        # "[기사발신지=연합뉴스(창원)]": the bureau the wire filed from, in brackets after its name
        agency = _FILING_BUREAU.sub("", right.split("/")[0].strip())
        if not agency or len(left.split()) > 3 or not (is_outlet(agency) or (named and len(agency) <= 12)):
            return None
    elif opener in _BYLINE_OPENERS and rest.strip() and (bracketed := parse_bracket_byline(inner)) is not None:
        return rest.lstrip(), bracketed  # "[티브이데일리 김종은 기자] 그룹 …": the byline opens the lead
    elif opener in _BYLINE_OPENERS and _is_written_lede(rest) and (lone := _lone_reporter(inner)) is not None:
        return rest.lstrip(), lone  # "[안기한 기자]창원시는 … 밝혔다.": the reporter alone, then a written lede
    elif opener in "[(" and not named and _is_written_lede(rest, dated=False) and _is_lede_outlet(inner) \
            and (" " not in inner or (opener == "[" and _is_written_lede(rest))):
        # "[금요저널] 창원시는 … 밝혔다.": the outlet signs it; without the lede's day, only the outlet's name
        # alone ("(사진 한빛일보)", "(출처 한빛일보)" label a picture or a source, not the story's writer)
        return rest.lstrip(), [_agency_credit(inner)]
    elif opener == "[" and rest.strip() and (m := _AGENCY_PLACE_DATE.fullmatch(inner)) and is_outlet(m["agency"]):
        return rest.lstrip(), [_agency_credit(m["agency"])]  # "[신화사 평양 8월 22일] …": agency, place, date
    elif opener == "[" and rest.strip() and not named and (station := regional_station(inner)):
        return rest.lstrip(), [Credit("reporter", inner, organization=station, agent="organization")]  # "[KBS 부산]…"
    elif opener == "[" and (desk := desk_name(inner)) and rest.strip() and not named:
        return rest.lstrip(), [desk_credit(desk, "reporter")]  # "[연예팀] …", "[MBN스타 대중문화부] …"
    elif opener == "[" and rest.strip() and not named and (agencies := _place_agencies(inner)):
        return rest.lstrip(), [_agency_credit(a) for a in agencies]  # "[워싱턴 AP 연합] …": each wire reports
    elif named and len(inner) <= 15 and "=" in rest[:80]:
        agency = inner  # "[인사이트] 성보미 기자 = …": the outlet alone in the bracket, the reporter after it
    else:
        agency = next((a for a in sorted(PHOTO_AGENCIES | {"聯合ニュース", "共同通信"}, key=len, reverse=True)
                       if inner.lower().endswith(a) and len(inner) - len(a) <= 12), None)
        if agency is None or opener != "【":
            return None
        agency = inner[len(inner) - len(agency):]
    if named:
        names, after, role = named  # "한지웅 영상기자 =": a video journalist is the photographer
        return after, [Credit(role, n, organization=short_org(agency)) for n in names]
    after = rest.lstrip()
    after = after[1:].lstrip() if after.startswith("=") else after
    return after, [_agency_credit(agency)]


_MAX_RELAYS = 3
_FILING_BUREAU = re.compile(r" ?\([가-힣]{2,6}\)$")


def _place_agencies(inner: str) -> list[str] | None:
    """"워싱턴 AP 연합": the place a foreign wire's story comes from, the wire and the agency relaying it,
    each a known agency; None for anything else ("[단독]", "[워싱턴 특파원]")."""
    words = inner.split()
    if not 2 <= len(words) <= 1 + _MAX_RELAYS or is_outlet(words[0]) or not is_place_word(words[0]):
        return None
    return words[1:] if all(is_outlet(w) and organization_of(w) for w in words[1:]) else None


# the first sentence of a written news lede: a date ("22일") and a plain written ending ("밝혔다.", not a
# spoken "…습니다." of a transcript, where "[김현경 기자]" labels a speaker)
_WRITTEN_LEDE = re.compile(r"[^.?!\n]{0,300}?\d{1,2}일[^.?!\n]{0,200}?[^니]다\.")
# the same without the day: an outlet's name in the bracket vouches for the lede ("[한빛일보] 새해 첫 출근길부터 … 찾아왔다.")
_UNDATED_LEDE = re.compile(r"[^.?!\n]{10,300}?[^니]다\.")
# endings of an outlet's name that no rubric has ("[단독]", "[국방부]" and "[지역경제]" are no outlets)
_LEDE_OUTLET_ENDINGS = KO_NEWS_ENDINGS + ("저널", "타임즈", "타임스", "뉴시스", "뉴스1")


def _is_written_lede(rest: str, dated: bool = True) -> bool:
    """What follows a bracket opens a written news story (`_WRITTEN_LEDE`): only then does a bare
    "[name 기자]" or "[outlet]" sign the story rather than label a speaker or a rubric. A lone name
    needs the lede's day too; an outlet's name (`dated=False`) is told from a rubric by its ending."""
    return bool((_WRITTEN_LEDE if dated else _UNDATED_LEDE).match(rest.lstrip()))


def _lone_reporter(inner: str) -> list[Credit] | None:
    """The reporter of a bracket that holds a name and 기자 and nothing else ("안기한 기자",
    "안기한기자"); None for anything more (an outlet or a place is read by the other forms)."""
    words = inner.split()
    if len(words) == 2 and title_role(words[1]) == "reporter" and (found := name_and_title(words[0])) and found[1] is None:
        return [Credit("reporter", found[0])]
    if len(words) == 1 and (found := name_and_title(words[0])) and found[1] == "reporter":
        return [Credit("reporter", found[0])]  # "[안기한기자]"
    return None


def _is_lede_outlet(inner: str) -> bool:
    """A bracket that holds a short Hangul outlet name by its ending (금요저널, 경남일보), so that
    "[단독]" or "[국방부]" before a lede is never read as the outlet signing it."""
    return 3 <= len(inner) <= 12 and is_syllable_word(inner.replace(" ", "")) and inner.endswith(_LEDE_OUTLET_ENDINGS)


# "[전주=뉴시스]Reporter Lee Dong-min = …": a Korean wire story put into English by a machine
_TRANSLATED_REPORTER = re.compile(r"\s*(?:Reporter|Correspondent) (?P<name>[A-Z][\w'\-]*(?: [A-Z][\w'\-]*){1,3}) =\s*")


def _reporters_after(rest: str) -> tuple[list[str], str, str] | None:
    """Reporters named after a dateline bracket ("홍길동 기자 =", "김남희 이승주 기자 =") and the text after them."""
    if (m := _TRANSLATED_REPORTER.match(rest)) and is_person_name(m["name"]):
        return [m["name"]], rest[m.end():].lstrip(), "reporter"  # a machine translation's "Reporter Lee Dong-min ="
    words = ko_tokens(rest[:60])
    names: list[str] = []
    role = None
    k = 0
    while k < len(words) and len(names) < 4 and (found := name_and_title(words[k]) or _long_name(words, k)) is not None:
        names.append(found[0])
        k += 1
        if found[1] is None and k + 1 < len(words) and words[k] in _BYLINE_JOINS and name_and_title(words[k + 1]):
            k += 1  # "김민수·이지은 기자 =": names joined by a middle dot before their one title
        if found[1] is not None:
            role = found[1]
            break
    else:
        if names and k < len(words) and title_role(words[k]):
            role = title_role(words[k])
            k += 1
        elif names:
            names = []
    if not names:
        return None
    # "전형민 기자,이우연 기자 =", "A 기자·B 인턴기자 =", "A 기자 B 인턴기자 =": more bylines after the first
    while len(names) < 4 and (more := _next_byline(words, k)) is not None:
        names.append(more[0])
        k = more[1]
    consumed = 0  # cut the text after the title and the "=" that follows it
    for w in words[:k]:
        consumed = rest.find(w, consumed) + len(w)
    after = rest[consumed:].lstrip()
    return names, (after[1:].lstrip() if after.startswith("=") else after), role or "reporter"


_BYLINE_JOINS = {",", "·", "ㆍ"}


def _titled_names(words: list[str]) -> list[str] | None:
    """The names of a bracket's byline made of names and reporter titles only, each name titled by its
    own title or by the one after it ("A 기자", "A B 기자", "A 기자 B 기자", "A기자 B기자"); None when any
    word is something else or the last name has no title."""
    names: list[str] = []
    titled = 0  # how many of the names have their title
    for word in words:
        if (found := name_and_title(word)) is not None:
            names.append(found[0])
            titled = len(names) if found[1] is not None else titled
        elif names and title_role(word) is not None and titled < len(names):
            titled = len(names)
        else:
            return None
    return names if names and titled == len(names) else None


def _long_name(words: list[str], k: int) -> tuple[str, None] | None:
    """A name of four syllables after a one-syllable surname ("남빛나라", a native Korean given name the
    name shape test leaves out), accepted only where nothing else can stand: right before its title
    and the "=" that opens the lede ("남빛나라 기자 =")."""
    word = words[k]
    if len(word) != 4 or not is_syllable_word(word) or word[0] not in surnames() or k + 2 >= len(words) \
            or words[k + 2] != "=" or title_role(words[k + 1]) is None or is_outlet(word):
        return None  # ("경제신문 기자 =": an outlet's staff reporter, no name)
    return word, None


def _next_byline(words: list[str], k: int) -> tuple[str, int] | None:
    """(the name, where its byline ends) of one more titled name at words[k] of a dateline's byline:
    after a comma or a middle dot, or with nothing between them when "=" closes it; None otherwise."""
    joined = k < len(words) and words[k] in _BYLINE_JOINS
    j = k + 1 if joined else k
    found = name_and_title(words[j]) if j < len(words) else None
    if found is None:
        return None
    end = j + 1 if found[1] is not None else j + 2 if j + 1 < len(words) and title_role(words[j + 1]) else -1
    if end < 0 or not (joined or (end < len(words) and words[end] == "=")):
        return None
    return found[0], end


def _byline_before(place: str) -> tuple[list[Credit], str] | None:
    """"By A and B WASHINGTON", "By A SEOUL, June 25": a scraped byline glued to the dateline -> (writers,
    the place and its date)."""
    words = place.split()
    if len(words) < 3 or words[0].lower() != "by":
        return None
    end = len(words)
    while end > 1 and (words[end - 1].strip(",.").isdigit() or is_date_word(words[end - 1].strip(",."))):
        end -= 1  # "By A SEOUL, June 25": the date after the place
    k = end
    while k > 1 and words[k - 1].strip(",").replace("/", "").replace(".", "").isupper():
        k -= 1
    if k == end or k < 2:
        return None
    found = parse_sentence(" ".join(words[:k]), None, byline=True)
    if not found or any(c.role != "writer" for c in found):
        return None
    return found, " ".join(words[k:])


def _english(paragraph: str) -> tuple[str, list[Credit]] | None:
    if (m := _BRACKET_REPORTER.match(paragraph)) and paragraph[m.end():].strip() and is_person_name(m["name"]):
        return paragraph[m.end():], [Credit("reporter", m["name"], organization=short_org(m["outlet"]))]
    if (m := _BRACKET_AGENCY.match(paragraph)) and organization_of(m["agency"]):
        return paragraph[m.end():], [_agency_credit(m["agency"])]
    if (c := _COMMA_AGENCY_DATELINE.match(paragraph[:120])) and organization_of(c["agency"]) \
            and not _DASH_BEFORE_STOP.match(paragraph, c.end()):  # "Separately, Yonhap—South Korea's … agency—reported"
        return paragraph[c.end():], [_agency_credit(c["agency"])]  # "Gaza and Jerusalem, Reuters—Israel pounded …"
    if (d := _DOTTED_CAPS_DATELINE.match(paragraph[:120])) and _may_be_wire(d["agency"]):
        return paragraph[d.end():], [_agency_credit(d["agency"])]
    if (n := _NAME_PLACE_DATELINE.match(paragraph[:80])) and is_byline_name(n["name"]):
        return paragraph[n.end():], [Credit("writer", n["name"])]
    head = paragraph[:160]
    if (country := _BRACKETED_COUNTRY.match(head)) is not None:  # "New Delhi [India], March 3 (ANI): …"
        head = head[:country.start(1)] + " " + head[country.start(1) + 1:country.end(1) - 1] + " " + head[country.end(1):]
    m = _EN_DATELINE.match(head)
    if not m and (u := _UNDASHED_DATELINE.match(paragraph[:120])) and _is_wire_agency(u["agency"]):
        return paragraph[u.end():], [_agency_credit(u["agency"])]  # "Taipei, Dec. 31 (CNA) The …"
    if not m:
        return None
    agency = m["agency"].strip()
    if not (_is_wire_agency(agency) or (looks_like_organization(agency) and is_capitalized_phrase(agency, 4))
            or (_CAPS_PLACE_DATE.fullmatch(m["place"].strip()) and agency[:1].isupper() and len(agency.split()) <= 3
                and (_may_be_wire(agency) if len(agency.split()) == 1 else not is_person_name(agency)))):
        # not "MOKPO, April 9 (Nam Ji-woo) -": a person is no wire; one word, "(Antara)", may be a wire, not
        # "(Exclusive)" nor "(Kim)"
        # an agency no list knows is read by its head noun: "(Hanbit News)", "(Korea Bizwire)"; or by the
        # wire's full dateline before it, a place in capitals and a date: "BEIJING, Dec. 30 (Chinese media) --"
        return None
    writers: list[Credit] = []
    place_text = m["place"]
    if (glued := _byline_before(place_text)) is not None:
        writers, place_text = glued
    elif len(place_text) > 60:
        return None
    place = place_text.replace(",", " ").replace("/", " ").split()
    if place and not (
        any(w.isupper() and len(w) >= 3 and w.isalpha() for w in place)
        or any(is_date_word(w) and not w.isdigit() for w in place) and any(w.isdigit() for w in place)
        or all("\uac00" <= ch <= "\ud7a3" or ch.isdigit() for w in place for ch in w)
        or (organization_of(agency) and _is_titled_place(place_text) and not paragraph[m.end():m.end() + 1].islower())
        # "Seoul (AFP) - …", "Seoul, South Korea (AP) —": a wire the list knows, then a lede (not "Samsung
        # Electronics (SEC) - the chipmaker - said": a name, its acronym and an aside)
    ):
        return None
    if place and not all(w[:1].isupper() or w[:1].isdigit() or "\uac00" <= w[:1] <= "\ud7a3" or w.lower() in {"of", "de"} for w in place):
        return None
    return paragraph[m.end():], writers + [_agency_credit(agency)]


# a dateline's country in square brackets after its city, then the date (as ANI prints it): the brackets are
# read as the comma they stand for, the text's length kept
_BRACKETED_COUNTRY = re.compile(r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2} (\[[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2}\]),? "
                                r"(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d)")
_MAX_PLACE_PARTS = 3  # "Gangneung, Gangwon Province, South Korea"
_MAX_PLACE_WORDS = 3


def _is_titled_place(text: str) -> bool:
    """A dateline's place written in title case, as many reprints of the wires print it ("Seoul", "Seoul, South
    Korea", "Tokyo/Seoul"): each part a place the transliteration table knows, or one to three capitalised words
    none of them a common word or a Korean name's syllable, nor a person's name ("Kim Vows Revenge (AFP) -" is
    a headline)."""
    parts = [p.strip() for p in re.split(r"[,/]", text) if p.strip()]
    if not 1 <= len(parts) <= _MAX_PLACE_PARTS:
        return False
    for part in parts:
        words = part.split()
        if is_news_subject(part):
            continue
        if not (1 <= len(words) <= _MAX_PLACE_WORDS and all(w[:1].isupper() and w.rstrip(".").isalpha() for w in words)) \
                or any(is_common_word(w) or is_romanized_name_word(w) for w in words) or is_byline_name(part):
            return False  # (nor a person: "Mara Ellison (AP) —" is no place)
    return True


_MAX_BARE_BYLINE = 40  # "한빛일보 홍길동 김철수 기자 =": an outlet and up to four names with their titles
_BARE_MARKS = ("=", "|", "ㅣ")  # the mark between the byline and the lede: "홍길동 기자 | 정부가 …"


def _bare_byline(text: str) -> tuple[str, list[Credit]] | None:
    """"홍길동 기자 = 정부가 … 했다.", "한빛일보 홍길동 기자 | …": a wire's byline without its bracketed dateline,
    perhaps after the outlet's name, over a written lede; everything before the "=" must be that byline."""
    eq = next((k for k in (text.find(mark, 0, _MAX_BARE_BYLINE) for mark in _BARE_MARKS) if k > 0), -1)
    if eq < 0 or not _is_written_lede(text[eq + 1:], dated=False):
        return None  # (not "홍길동 특파원 = 워싱턴": the place after a byline line)
    head = text[:eq].strip()
    outlet, _, byline = head.partition(" ")
    if not (byline and is_outlet(outlet)):
        outlet, byline = "", head
    words = byline.split()
    if len(words) == 3 and is_place_word(words[1]) and title_role(words[2]):
        byline = f"{words[0]} {words[2]}"  # "홍길동 베이징 특파원 =": the correspondent's post between name and title
    named = _reporters_after(byline + " =")
    if named is None or named[1]:
        return None  # something besides the names and their titles before the "="
    names, _, role = named
    return text[eq + 1:].lstrip(), [Credit(role, n, organization=short_org(outlet) if outlet else None) for n in names]


# an anchor's turn opening a transcript ("[앵커]", "(앵커)", "◀ANC▶", "앵커:")
_ANCHOR_TURN = re.compile(r"\s*(?:[\[【<(]\s*(?:앵커|앵커멘트|ANC)\s*[\]】>)]|◀\s*(?:ANC|앵커)\s*▶|앵커\s*:)")


def split_dateline(paragraph: str) -> tuple[str, list[Credit]] | None:
    """(the paragraph without its opening dateline, the credits), or None when it has none."""
    text = paragraph.lstrip()
    if text[:1] in CAPTION_MARKS and text[1:].lstrip()[:1] in BRACKET_CLOSERS:
        text = text[1:].lstrip()  # "▲ [서울=뉴시스] A 기자 = …": a picture's caption opened by its mark
    if text[:1] in BRACKET_CLOSERS:
        found = _korean(text)
        if found is not None and not (_ANCHOR_TURN.match(found[0]) and all(c.agent != "person" for c in found[1])
                                      and "=" not in text[:len(text) - len(found[0])]):
            return found  # (not "[KBS 대전] [앵커] …", "[뉴스데스크]◀ANC▶…": the programme's header over its transcript;
            # "(서울=연합뉴스) [앵커] …" is a wire's dateline still, which refused here read as a photo source)
    elif (found := _after_caption_source(text) or _bare_byline(text)) is not None:
        return found
    return _english(text) or _after_headline(text)


# A listing page glues the headline to the dated dateline of the lead: "Ferry lines reopen MOKPO,
# March 4 (HBN) -Ferries ran …". The place, the month and day and the agency in brackets together
# mark it; the search is bounded to the start of the paragraph.
_DATED_DATELINE = re.compile(
    r"\s(?P<place>[A-Z][A-Z.\-]+(?:[ /][A-Z][A-Z.\-]+){0,2}|[A-Z][a-z\-]+), (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.? \d{1,2} \((?P<agency>[A-Za-z][A-Za-z .\-]{1,30})\) ?(?:--|—|–|-)\s*")
_MAX_HEADLINE = 200


def _after_headline(text: str) -> tuple[str, list[Credit]] | None:
    m = _DATED_DATELINE.search(text, 0, _MAX_HEADLINE + 60)
    if m is None or m.start() > _MAX_HEADLINE or text[:m.start()].rstrip().endswith((".", "?", "!", ",")):
        return None
    agency = m["agency"].strip()
    if not _is_wire_agency(agency):
        return None
    return text[:m.start()].strip() + "\n" + text[m.end():], [_agency_credit(agency)]


_CAPTION_SOURCES = ("갈무리", "캡처", "제공")  # "로제, 뷔 SNS 갈무리 (서울=뉴스1) …": a caption glued before the dateline
_MAX_CAPTION = 80


def _after_caption_source(text: str) -> tuple[str, list[Credit]] | None:
    """A photo caption ending with its source, then the wire dateline of the story: the caption
    stays (it is text of the page), the dateline's credits are taken."""
    for opener in ("(", "["):
        k = text.find(" " + opener, 0, _MAX_CAPTION)
        if k > 0 and text[:k].rstrip(" .").endswith(_CAPTION_SOURCES):
            found = _korean(text[k + 1:])
            if found is not None and found[1] and "=" in text[k + 1:k + 2 + _MAX_BRACKET]:
                return text[:k].rstrip() + " " + found[0], found[1]
    return None
