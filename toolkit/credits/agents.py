"""Who a credit names: a person, an organization (agency, desk, service) or software.

A credit keeps the name as the page writes it; `organization` holds the short name of the
outlet or agency it belongs to, and `agent` says what kind of agent the name is.
"""

from __future__ import annotations

import re
from functools import cache

from toolkit.credits.vocabulary import CREDIT_VERBS, KO_NEWS_ENDINGS, ORGANIZATIONS, SERVICE_LANGUAGES

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
PARTICLES = {
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "bin", "binti", "bint", "al", "el", "ibn", "y", "ben", "ter", "ten", "st.", "zu",
}
NOT_NAME_WORDS = {
    "state", "media", "officials", "official", "authorities", "police", "sources", "source", "the",
    "it", "he", "she", "they", "we", "this", "that", "local", "government", "residents", "agency",
    "news", "television", "tv", "radio", "newspaper", "website", "staff", "correspondent", "reporters",
    "english", "korean", "u.n.", "china", "north", "south", "korea", "japan", "seoul", "pyongyang",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "today", "tonight", "yesterday", "tomorrow", "now", "then", "far",
    "file", "pool", "handout", "reuters", "afp", "ap", "getty", "images", "photo", "photos", "by",
    "info", "information", "details",  # "CREDIT INFO": the heading of a credit block
} | CREDIT_VERBS  # "Translated Mara": the credit's verb glued before a name
# pronouns: "[Translated by Me, April 2016]" is a blogger's own translation, no name given. Only a name
# of pronouns alone is refused: "You Hee-yeol" spells the surname 유 so
PRONOUNS = frozenset({"me", "myself", "you", "yourself", "him", "himself", "herself", "us", "ourselves", "them",
                      "themselves"})
# an outlet's possessive before a name ("CNN's Mara Ellison"), found only at a word's start (a linear scan)
OUTLET_POSSESSIVE = re.compile(r"(?<!\S)(\S{1,40})['’]s ")
# Words that make a name an organization: "UPI Staff", "the Tibetan Service", "Editorial Board"
ORG_WORDS = {
    "service", "services", "agency", "news", "press", "staff", "desk", "bureau", "radio", "team", "board",
    "newsroom", "network", "times", "post", "journal", "herald", "daily", "television", "tv", "channel",
    "ministry", "university", "office", "department", "foundation", "institute", "group", "corporation",
    "company", "studio", "museum", "government", "council", "committee", "center", "centre", "magazine",
    "images", "media", "library", "archive", "archives", "pool", "association", "review", "monitor", "foto",
    "stock", "commons",
    # head nouns of outlet names no list knows: "Busan Ilbo", "Halla Shinmun", "Morung Express"
    "ilbo", "shinmun", "sinmun", "gazette", "tribune", "broadcasting", "express", "chronicle", "observer",
    "telegraph", "courier", "weekly", "wire", "photos", "photography", "pictures", "bizwire", "newswire",
    "navy", "army", "forces", "command", "embassy", "corps", "marines",  # "U.S. Navy" after a photographer
    "youtube", "facebook", "twitter", "instagram", "weibo", "telegram", "tiktok", "wechat", "flickr",  # platforms
}
_KO_ORG_ENDINGS = KO_NEWS_ENDINGS + ("취재단", "팀", "데스크", "통신사", "뉴시스", "뉴스1")
# institutions by their ending: "목포시", "문화재청", "국립중앙박물관" (three syllables or more; not 구, 도,
# 군 or 부, which end given names: 김민구, 박영도)
KO_INSTITUTION_ENDINGS = ("시", "청", "처", "위원회", "협회", "재단", "공사", "공단", "연구원",
                           "연구소", "센터", "본부", "사무소", "기념관", "박물관", "미술관", "대학교", "병원", "교회", "그룹")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&/\-]{1,7}|[A-Z][A-Za-z]*\d+[A-Za-z]*")


def organization_of(text: str) -> str | None:
    """The short name of a known organization ("Radio Free Asia" -> "RFA"), else None."""
    low = " ".join(text.translate(APOSTROPHES).split()).lower()
    return ORGANIZATIONS.get(low) or ORGANIZATIONS.get(low.removeprefix("the "))


def short_org(text: str) -> str:
    """The organization field for an outlet named in a credit: its short name if known."""
    text = " ".join(text.split()).strip(" ,;")
    return organization_of(text) or text


def is_capitalized_phrase(text: str, max_words: int = 6) -> bool:
    words = text.split()
    if not 1 <= len(words) <= max_words:
        return False
    for w in words:
        core = w.strip(".,")
        if not core:
            return False
        if core.lower() in PARTICLES:
            continue
        if not (core[0].isupper() or core[0].isdigit()):
            return False
    return True


_MONTH_GIVEN_NAMES = {"April", "June", "July", "August", "APRIL", "JUNE", "JULY", "AUGUST"}
_NAME_WORD = re.compile(r"[^\W\d_][\w'.\-]*")
_PREFIXED = re.compile(r"(?:al|el|ad|an|as|at|bin|ibn)-\w[\w'.-]*")


def is_person_name(text: str) -> bool:
    """Looks like a personal name as written in a byline (Joshua Lipes, Nguyen Anh Tuan, J.P. Ho,
    FOSTER KLUG, Di)."""
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    if len(words) == 1 and words[0].lower() in PARTICLES and words[0][:1].isupper():
        return True  # "By Di": a one-word name that is also a particle elsewhere
    if all(w.lower() in PRONOUNS for w in words):
        return False
    content = 0
    for k, w in enumerate(words):
        if k == 0 and w in _MONTH_GIVEN_NAMES and len(words) >= 2 and words[1].lower() not in NOT_NAME_WORDS:
            content += 1  # "June Teufel Dreyer": a month that is also a given name, a surname after it
            continue
        if w.lower() in PARTICLES:
            continue
        if _PREFIXED.fullmatch(w):  # al-Assad
            content += 1
            continue
        if not w[0].isupper() or not _NAME_WORD.fullmatch(w):
            return False
        if w.lower().strip(".") in NOT_NAME_WORDS:
            return False
        content += 1
    return content >= 1


# a rank or office before a name is not part of it: "Staff Sgt. Rusty Frank", "Army Col. Sam Lee", "Petty
# Officer 2nd Class A", "Rep. A" (military and public-service pages print the rank in every credit); ranks
# spelled out that are also words of names ("Major League", "General Motors", "Captain Marvel") are left out
_RANK = re.compile(
    r"(?:(?:U\.S\. )?(?:Army|Navy|Air Force|Marine Corps|Marine|Coast Guard|Space Force) )?"
    # one word an alternative, none two ("Senior Chief" is "Senior" then "Chief"): two ways to read a run of
    # them made a failed match backtrack exponentially ("Senior Chief " * 22: 1.4 s, each pair twice that)
    r"(?:(?:Staff|Master|Tech\.|Technical|Senior|Chief|First|1st|Gunnery|Lance|Command|Sergeant"
    r"|Lt\.|Lieutenant|Brig\.|Maj\.|Rear|Vice) )*"
    r"(?:Sgt\.|Sergeant|Cpl\.|Spc\.|Pfc\.|Pvt\.|Lt\.|Capt\.|Maj\.|Col\.|Gen\.|Adm\.|Ens\.|Cmdr\."
    r"|Petty Officer|Airman|Rep\.|Sen\.|Gov\.)"
    r"(?: (?:1st|2nd|3rd|First|Second|Third) Class)?(?: Maj\.)? "
)


def without_rank(name: str) -> str:
    """"Staff Sgt. Rusty Frank" -> "Rusty Frank": a rank or office before a person's name of two words
    or more is dropped; anything else ("General Motors", "Major League") comes back as it was."""
    m = _RANK.match(name)
    if m is None:
        return name
    rest = name[m.end():].strip()
    return rest if len(rest.split()) >= 2 and is_person_name(rest) else name


def looks_like_organization(name: str) -> bool:
    """An agency, outlet, desk or service rather than a person (UPI Staff, KCNA, 연합뉴스)."""
    plain = name.translate(APOSTROPHES).strip()
    if organization_of(plain):
        return True
    words = {w.strip(".,").lower() for w in plain.replace("'s", " ").split()}
    if words & ORG_WORDS:
        return True
    if plain.endswith(_KO_ORG_ENDINGS) or (len(plain) >= 3 and plain.endswith(KO_INSTITUTION_ENDINGS)):
        return True
    return len(plain.split()) == 1 and bool(_ACRONYM.fullmatch(plain))


def agent_kind(name: str, organization: str | None = None, service: str | None = None) -> str:
    low = name.strip().lower()
    if low and low in {(organization or "").lower(), (service or "").lower()}:
        return "organization"
    return "organization" if looks_like_organization(name) else "person"


def service_language(service: str | None) -> str | None:
    return SERVICE_LANGUAGES.get(service.lower()) if service else None


@cache
def _news_subjects() -> frozenset[str]:
    from toolkit.names import transliterations  # a data table: loaded on first use, not at import

    table = transliterations()
    return frozenset(table) | frozenset(en.lower() for spellings in table.values() for en in spellings)


def is_news_subject(name: str) -> bool:
    """A person or place the transliteration table lists (Kim Jong Un, 문재인, Seoul): what news is
    about, never who signs it ("Kim Jong Un\nMarch 3, 2023" is a caption)."""
    return name.strip().lower() in _news_subjects()
