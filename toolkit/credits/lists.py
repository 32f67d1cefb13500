"""The agents of one credit clause: "A, B and C for RFA's Lao Service", "A for X, and B for Y",
"A and B, staff reporters", "A | New York Times", "RFA's Mandarin and Cantonese services".

Names are checked for the shape of a name or an organization, job titles and locations after a
name are dropped, a service named after some agents also covers the ones listed before it, and
an outlet after the names (", Reuters") is their organization rather than one more agent.
"""

from __future__ import annotations

import re

from toolkit.credits.agents import (
    APOSTROPHES, NOT_NAME_WORDS, OUTLET_POSSESSIVE, agent_kind, is_capitalized_phrase, is_person_name, without_rank,
    looks_like_organization, organization_of, service_language, short_org,
)
from toolkit.credits.text import find_emails, is_dating, remove_spans, tokens, trailing_date_start
from toolkit.credits.vocabulary import CREDIT_VERBS, SERVICE_LANGUAGES
from toolkit.model import Credit

_LIST_SEPARATORS = {",", ";", "and", "&"}
_TITLE_WORDS = {
    "editor", "editors", "correspondent", "correspondents", "reporter", "reporters", "writer", "writers",
    "staff", "bureau", "chief", "senior", "diplomatic", "political", "economics", "economic", "foreign",
    "special", "national", "international", "investigative", "columnist", "contributor", "contributing",
    "analyst", "freelance", "journalist", "photographer", "producer", "deputy", "managing", "executive",
    "associate", "assistant", "affairs", "security", "defense", "defence", "culture", "business",
    "sports", "science", "technology", "health", "asia", "asia-pacific", "north", "korea", "seoul",
    "beijing", "tokyo", "washington", "news", "desk", "head", "of", "the", "and", "digital", "video",
    "photo", "photojournalist", "intern", "fellow", "researcher",
    "critic", "novelist", "poet", "scholar", "professor", "literary", "film", "art", "music",  # "A, Literary Critic"
    # cities a correspondent is posted to ("BBC Busan correspondent")
    "busan", "incheon", "daegu", "gwangju", "jeju", "pyongyang", "hong", "kong", "bangkok", "hanoi", "jakarta",
    "manila", "taipei", "shanghai", "moscow", "london", "paris", "berlin", "brussels", "sydney", "singapore",
    "delhi", "new", "york", "geneva", "dc", "china", "japan", "europe", "africa", "americas", "middle", "east",
}
_TITLE_ENDS = {
    "editor", "editors", "correspondent", "correspondents", "reporter", "reporters", "writer", "writers",
    "chief", "columnist", "analyst", "journalist", "photographer", "producer", "photojournalist", "intern",
    "fellow", "researcher", "contributor", "staff", "critic", "novelist", "poet", "scholar", "professor",
}
_AFFILIATION_MARKS = {"the", "times", "post", "news", "daily", "herald", "journal", "radio", "agency", "press"}
# a courtesy title before a name is not part of it: "By Dr. Go Myong-Hyun" credits Go Myong-Hyun
_HONORIFICS = {"dr.", "dr", "prof.", "prof", "professor", "mr.", "mr", "mrs.", "mrs", "ms.", "ms"}


_ASIDE = "\0"  # where an aside was: a name never runs across it
# an aside next to one of these needs no comma of its own: the list already parts the names there
# (or, "", nothing stands on that side)
_LIST_MARKS = ("", ",", ";", "&")


def _without_asides(region: str) -> str:
    """E-mail addresses and bracketed asides dropped; one standing between two words parts them
    like a comma ("Ferries a@b.example Translated" is no name "Ferries Translated")."""
    return _strip_brackets(remove_spans(region, find_emails(region), between=_ASIDE))


def _strip_brackets(text: str) -> str:
    """Bracketed asides dropped: "(ISCARSAH, ICOMOS Korea)", "[a@paper.example]" (one scan). An
    aside with text on both sides parts it like a comma: "Mandarin [HANBIT PHOTO] Honorary
    Reporter" is no name "Mandarin Honorary Reporter" (a name is never joined across an aside)."""
    out, depth = [], 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if not depth:
                out.append(_ASIDE)
        elif not depth:
            out.append(ch)
    pieces = [" ".join(piece.split()) for piece in "".join(out).split(_ASIDE)]
    joined = [pieces[0]]
    last = pieces[0][-1:]  # the last character so far (an empty piece leaves it as it was)
    for piece in pieces[1:]:
        parted = last not in _LIST_MARKS and piece[:1] not in _LIST_MARKS  # not "A (x), B" again
        joined.append(", " if parted else " ")
        joined.append(piece)
        last = piece[-1:] or last
    return " ".join("".join(joined).split())


def _is_title(chunk: str) -> bool:
    """A job title after a name: "staff reporters", "Diplomatic Editor", "freelance writer in the U.S."."""
    low = [w.lower().strip(".,") for w in chunk.split()]
    if not low:
        return False
    if chunk[0].islower():  # "staff reporters", "senior editor at large", "freelance writer traveling in ..."
        return any(w in _TITLE_ENDS for w in low[:3]) and all(w in _TITLE_WORDS for w in low[: low.index(
            next(w for w in low[:3] if w in _TITLE_ENDS)) + 1])
    return low[-1] in _TITLE_ENDS and all(w in _TITLE_WORDS for w in low)


# an academic degree set after a writer's name by a comma ("A, Ph.D.", "B, MD")
_DEGREE = re.compile(r"(?:Ph\.? ?D|M\.? ?D|M\.? ?A|M\.? ?S|MBA|M\.? ?Phil|D\.? ?Phil|J\.? ?D|LL\.? ?M|Ed\.? ?D|DDS|RN|Esq)\.?")
# the roles whose clause may close on where the work was done from: "Reported by A from Seoul", "Translated by B
# from Korean"; not a byline's or a photo's ("By A from Reuters", "Photo: A from Seoul" name no such credit)
_FILED_ROLES = {"reporter", "contributor", "translator"}


def _drop_location(chunk: str, filed_from: bool = False) -> str:
    """"Nisha David in Kuala Lumpur" -> "Nisha David" (a place of up to four capitalised words); with
    `filed_from`, also where the report was filed from ("A from Seoul") or the language translated from."""
    words = chunk.split()
    for k in range(len(words) - 1, 0, -1):
        if words[k] == "in" or (filed_from and words[k] == "from"):
            place = words[k + 1:]
            if 1 <= len(place) <= 4 and all(w[:1].isupper() for w in place):
                return " ".join(words[:k])
            break
    return chunk


_GLUED_MONTH = re.compile(r"([a-z])((?:January|February|March|April|May|June|July|August|September|October|"
                          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? ?\d)")
_DATE_SECTION = re.compile(r"(\d)\s+in\s+[A-Z][A-Za-z&]+(?:\s[A-Z][A-Za-z&]+)?\s*$")
# "Alastair Wanklyn - Tokyo, Japan": a place (or an outlet) after a dash closing a byline
_DASH_TAIL = re.compile(r"\s[-–—]\s*(?P<tail>[A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*){0,2}"
                        r"(?:,\s*[A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*){0,2})?)\s*$")


def _without_dash_place(region: str) -> tuple[str, str | None]:
    """(the names, the outlet after the dash if it is one): "A - Tokyo, Japan" -> ("A", None)."""
    m = _DASH_TAIL.search(region)
    if m is None or not is_person_name(region[: m.start()].strip().split(",")[-1].strip() or "-"):
        return region, None
    tail = m["tail"]
    return region[: m.start()].strip(), organization_of(tail)


def _is_place_clause(chunk: str) -> bool:
    """"of China", "in Seoul": where the person before it works, not one more agent."""
    words = chunk.split()
    return len(words) in (2, 3, 4) and words[0] in {"of", "in", "from"} and all(w[:1].isupper() for w in words[1:])


def _is_closing_place(chunk: str) -> bool:
    """One capitalized word after a person's name in a byline ("Tokyo", "Kyiv"): a place, as a
    writer named by one word never follows a full name in a comma list; an agency's name ("AFP",
    "Reuters") is the outlet, read elsewhere."""
    word = chunk.strip()
    return " " not in word and word[:1].isupper() and not word.isupper() and word.replace("-", "").isalpha() \
        and organization_of(word) is None


def _without_title(plain: str) -> str | None:
    """"Mira Solberg Seoul Correspondent" -> "Mira Solberg": a capitalized job title glued after the name."""
    words = plain.split()
    k = len(words)
    while k > 2 and words[k - 1].lower() in _TITLE_WORDS:
        k -= 1
    if k == len(words) or words[-1].lower() not in _TITLE_ENDS or not all(w[:1].isupper() for w in words[k:]):
        return None
    name = " ".join(words[:k])
    return name if 2 <= k <= 4 and is_person_name(name) else None


def outlet_title(chunk: str) -> str | None:
    """"Associated Press Writer", "BBC Seoul correspondent": a known outlet and a job title after a
    name, its affiliation (the short name of the outlet), not one more agent."""
    words = chunk.split()
    for k in range(1, min(len(words), 5)):
        org = organization_of(" ".join(words[:k]))
        if org and _is_title(" ".join(words[k:])):
            return org
    return None


# "translated from the Korean by Soje, Honford Star, 2021": a book's publisher and year close the list (a
# publisher's name ends in no day: "By A, B December 21, 2021" is a second writer and the byline's date)
_PUBLISHER_YEAR = re.compile(r",\s*[^,]{1,39}[^,\d\s],\s*(?:1[89]|20)\d\d\s*$")


def _without_publisher(region: str) -> str:
    """The region without a closing ", Publisher, 2021" (the names before it stay)."""
    m = _PUBLISHER_YEAR.search(region)
    return region[: m.start()] if m and m.start() > 0 else region


def _known_outlet_after(words: list[str]) -> int | None:
    """Index where a known outlet ("Associated Press", "Reuters") follows a person's name, or None."""
    for k in range(2, min(len(words), 5)):
        if organization_of(" ".join(words[k:])) and is_person_name(" ".join(words[:k])):
            return k
    return None


def _split_affiliation(chunk: str) -> tuple[str, str] | None:
    """"Geoffrey Cain PRI's The World" -> ("Geoffrey Cain", "PRI's The World")."""
    words = chunk.split()
    for k in range(2, min(len(words), 5)):
        rest = words[k:]
        first = rest[0].translate(APOSTROPHES)
        if (first.endswith("'s") or first.lower() in _AFFILIATION_MARKS or organization_of(" ".join(rest))) \
                and is_person_name(" ".join(words[:k])) and is_capitalized_phrase(" ".join(rest), 6):
            return " ".join(words[:k]), " ".join(rest)
    return None


_SVC_WORDS = {"service", "services"}


def slashed_service(owner: str) -> tuple[str, str] | None:
    """(service, organization) when one piece of a slash credit is a language service ("A/VOA Khmer",
    "RFA Korean/A"): the photographer works for that service, as a credit line's "for RFA Khmer" says. The
    service must name a language: "National Intelligence Service" is an agency, not its "Intelligence" service."""
    owner = owner.strip()
    found = parse_service(owner, None) if " " in owner else None
    return (found[0], found[1]) if found and found[0] and found[1] and service_language(found[0]) else None


def parse_service(text: str, org_context: str | None) -> tuple[str | None, str | None] | None:
    """'RFA's Korean service' -> ('Korean', 'RFA'); 'the Mandarin Service' -> ('Mandarin', context org);
    'RFA Korean' -> ('Korean', 'RFA'); 'RFA' -> (None, 'RFA'). None when it is not a service."""
    words = text.translate(APOSTROPHES).strip().rstrip(".,;").split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > 8:
        return None
    if words[-1].lower() in _SVC_WORDS and len(words) >= 2:
        body = words[:-1]
        if body[-1].lower() == "language" and len(body) >= 2:
            body = body[:-1]
        svc = body[-1].removesuffix("-language")
        org_words = body[:-1]
        if org_words and org_words[-1].endswith("'s"):
            org_words[-1] = org_words[-1][:-2]
        elif org_words and org_words[-1].endswith("'"):
            org_words[-1] = org_words[-1][:-1]
        if not (svc[:1].isupper() or svc.lower() in SERVICE_LANGUAGES) or not svc.replace("-", "").isalpha():
            return None
        org = " ".join(org_words)
        if org and not is_capitalized_phrase(org, 5):
            return None
        return _service_name(svc), short_org(org) if org else org_context
    if len(words) >= 2 and words[-1].lower() in SERVICE_LANGUAGES:
        org_words = words[:-1]
        if org_words[-1].endswith("'s"):
            org_words[-1] = org_words[-1][:-2]
        org = " ".join(org_words)
        if is_capitalized_phrase(org, 5):
            return words[-1].capitalize(), short_org(org)
    plain = " ".join(words)
    if plain.lower() in SERVICE_LANGUAGES:
        return plain.capitalize(), org_context
    if organization_of(plain) or is_capitalized_phrase(plain, 5):
        return None, short_org(plain)
    return None


def _service_name(word: str) -> str:
    """'korean' / 'KOREAN' -> 'Korean'; an unknown service keeps its spelling."""
    return word.capitalize() if word.lower() in SERVICE_LANGUAGES or word.islower() else word


def _plural_services(words: list[str]) -> tuple[int, str | None, list[str]] | None:
    """"... for RFA's Mandarin and Cantonese services": (index where "for"/"of" or the services
    start, organization, languages); None when the chunk does not end so."""
    if len(words) < 4 or words[-1].lower() != "services":
        return None
    k = len(words) - 1
    if words[k - 1].lower() == "language":
        k -= 1
    langs: list[str] = []
    while k > 0:
        word = words[k - 1].rstrip(",")
        if word.lower() in SERVICE_LANGUAGES:
            langs.append(word.capitalize())
            k -= 1
            if k > 0 and words[k - 1].lower() == "and":
                k -= 1
            continue
        break
    if len(langs) < 2:
        return None
    langs.reverse()
    end_org = k
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1].lower() not in {"for", "of"} and end_org - k < 5:
        k -= 1
    org_words = words[k:end_org]
    if org_words and org_words[0].lower() == "the":
        org_words = org_words[1:]
    org = " ".join(org_words).removesuffix("'s").removesuffix("'")
    if k > 0 and words[k - 1].lower() in {"the"}:
        k -= 1
    if k > 0 and words[k - 1].lower() in {"for", "of"}:
        k -= 1
    elif k != 0:
        return None
    return k, short_org(org) if org else None, langs


_JOB_BEFORE_NAME = re.compile(r"^(?:(?:Honorary|Staff|Senior|Contributing|Guest|Student|Citizen|Intern|Special) )?"
                              r"(?:Reporter|Writer|Correspondent|Columnist|Journalist) (?=[A-Z][a-z])")
_FROM_ORIGIN = re.compile(r"(?<=[a-z]) from (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$")


def parse_agents(region: str, roles: list[str], service: tuple | None, org_context: str | None,
                 byline: bool = False) -> list[Credit] | None:
    """Agents of one clause: "A, B and C for RFA's Lao Service", "A for X, and B for Y",
    "A and B, staff reporters", "A | New York Times". None when the region is not a list of agents."""
    region = _without_asides(region)
    affiliation = None
    if "|" in region:
        first, _, rest = region.partition("|")
        rest_words = [t.text for t in tokens(rest)]
        if rest_words and not is_dating(rest_words) and (organization_of(rest) or is_capitalized_phrase(rest.strip(), 5)):
            affiliation = short_org(rest)
        region = first
    region = re.split(r" via ", region, maxsplit=1)[0]
    region = _without_publisher(region)
    region = _DATE_SECTION.sub(r"\1", region)  # "AFP Sep 17, 2018 in World": the section after the date
    region = _GLUED_MONTH.sub(r"\1 \2", region)  # "Mira SolbergMarch 3, 2024": a byline glued to its date
    toks = tokens(region)
    cut = trailing_date_start(toks)
    if cut < len(toks):
        region = region[: toks[cut].start] if cut else ""
    region = region.strip().rstrip(" ,;:-–—")
    if byline:  # "By Honorary Reporter A from Algeria": the job before the name, where the writer is from after it
        region = _JOB_BEFORE_NAME.sub("", region, count=1)
        origin = _FROM_ORIGIN.search(region)
        if origin and not organization_of(origin[0].removeprefix(" from ")):
            region = region[:origin.start()]  # not "By A from Reuters": an outlet is an affiliation
    region, place_owner = _without_dash_place(region)
    affiliation = affiliation or place_owner
    contributing_agency: list[Credit] = []
    if byline and (m := _WITH_HELPER.search(region)):  # "A / Staff writer, with CNA"
        if organization_of(m["who"]):
            contributing_agency = [
                Credit("contributor", m["who"], organization=organization_of(m["who"]), agent="organization")]
        elif not _is_title(m["who"]):
            return None
        region = region[:m.start()]
    if not region:
        return None
    if contributing_agency:  # the byline's own steps are done: the rest is a plain list, read by one nested
        found = parse_agents(region, roles, service, org_context)  # call that (byline off) never nests again
        return found + contributing_agency if found else None
    plain = region.translate(APOSTROPHES)
    words = plain.split()
    plural = _plural_services(words)
    if plural is not None:
        k, org, langs = plural
        org = org or org_context
        if k == 0:  # the services themselves are the agent
            return [Credit(r, region, lang, org, SERVICE_LANGUAGES[lang.lower()], agent="organization")
                    for r in roles for lang in langs]
        before = " ".join(region.split()[:k])
        found = parse_agents(before, roles, (None, org), org, byline)
        if found is None:
            return None
        agents = list(dict.fromkeys(c.name for c in found))
        if len(agents) == len(langs):  # "A and B for the Mandarin and Cantonese services": respectively
            by_agent = dict(zip(agents, langs))
            for c in found:
                c.service = by_agent[c.name]
                c.language = SERVICE_LANGUAGES[c.service.lower()]
        return found
    chunks = _chunks(region, filed_from=bool(roles) and all(r in _FILED_ROLES for r in roles))
    if chunks is None:
        return None
    # a service named after an agent also covers the agents listed before it that name none
    resolved: list[tuple[str, tuple | None, str | None]] = []
    following = service
    for chunk, svc, org in reversed(chunks):
        if svc is not None:
            following = svc
        resolved.append((chunk, svc if svc is not None else following, org))
    credits: list[Credit] = []
    pending: list[Credit] = []  # credits of persons a following ", Reuters" belongs to
    for chunk, svc, org in reversed(resolved):
        if svc and svc[1]:
            org_context = svc[1]
        if byline and pending and _is_closing_place(chunk):
            # "By Ito Ken, Tokyo", "By A, Tokyo, and B, Seoul": where each writer filed, not one more writer
            continue
        if org is not None and org.startswith(","):
            if pending:  # ", Reuters" after persons: their outlet, not one more agent
                for c in pending:
                    c.organization = c.organization or short_org(chunk)
                pending = []
                continue
            org = None
        if credits and (_is_title(chunk) or _is_place_clause(chunk)):  # "A, Diplomatic Editor", "A, of China"
            continue
        if credits and (outlet := outlet_title(chunk)) is not None:  # "A, Associated Press Writer"
            for c in credits:
                if c.agent == "person":
                    c.organization = c.organization or outlet
            continue
        found = _credits_for_agent(chunk, roles, svc, org_context, org or affiliation)
        if found is None:
            return None
        credits += found
        pending = [c for c in found if c.agent == "person"]
        if found[0].organization and found[0].service:
            org_context = found[0].organization
    return credits or None


def _chunks(region: str, filed_from: bool = False) -> list[tuple[str, tuple | None, str | None]] | None:
    """The region cut at list separators; each chunk with its "for <service>" and "/Org"; with `filed_from`
    (a reporting or translating clause) a closing "from <Place>" too."""
    toks = tokens(region)
    pieces: list[str] = []
    joints: list[str] = [""]  # the separator before each piece
    start = 0
    for tok in toks:
        if tok.text.lower() in _LIST_SEPARATORS:
            pieces.append(region[start:tok.start])
            joints.append(tok.text.lower())
            start = tok.end
    pieces.append(region[start:])
    out: list[tuple[str, tuple | None, str | None]] = []
    for piece, joint in zip(pieces, joints):
        chunk = piece.strip()
        if not chunk:
            if out:  # ", and" leaves an empty piece
                continue
            return None
        svc = None
        words = chunk.split()
        for k in range(1, len(words)):
            if words[k] in {"for", "of"} and organization_of(chunk) is None:
                svc = parse_service(" ".join(words[k + 1:]), None)
                if svc is None:
                    return None
                chunk = " ".join(words[:k])
                break
        org = None
        if "/" in chunk and organization_of(chunk) is None:  # "Joshua Lipes/RFA"
            name, owner = (p.strip() for p in chunk.rsplit("/", 1))
            if _is_title(owner):
                chunk = name  # "Crystal Hsu / Staff reporter": the job after a slash, as a paper prints it
            elif not is_capitalized_phrase(owner, 4):
                return None
            else:
                chunk, org = name, short_org(owner)
        if joint == "," and out and _DEGREE.fullmatch(chunk):
            continue  # "By A, Ph.D.": the writer's degree after the name, no second writer
        if joint == "," and out and out[-1][2] and out[-1][2].startswith(",") and svc is None \
                and is_capitalized_phrase(chunk, 3):
            continue  # "A, BBC News, Seoul": the place after the outlet of a byline
        if joint == "," and out and svc is None and org is None and (
                organization_of(chunk) or (looks_like_organization(chunk) and is_capitalized_phrase(chunk, 5))):
            org = "," + chunk  # "A and B, Reuters", "A, Busan Ilbo": the outlet of the names before it
        elif joint == "," and out and svc is None and org is None and (named := parse_service(chunk, None)) \
                and named[0] and named[1] and organization_of(named[1]):
            svc, org = named, "," + chunk  # "A and B, VOA Khmer": the outlet's language service they report for
        out.append((_drop_location(chunk, filed_from), svc, org))
    return out


_AGENCY_HEADS = {"agency", "press"}  # the head noun of an agency's full name ("Central News Agency")
# a byline's closing helper: "…, with staff writer" (a title, dropped), "…, with CNA" (an agency that contributed)
_WITH_HELPER = re.compile(r",\s*with (?P<who>[^,]{2,40})$")


def _names_no_photo_source(agent: str) -> bool:
    from toolkit.credits.widgets import names_no_photo_source  # widgets reads this module: asked when first used

    return names_no_photo_source(agent)


def _credits_for_agent(agent: str, roles: list[str], service: tuple | None, org_context: str | None,
                       org: str | None = None) -> list[Credit] | None:
    """Credits of one agent ("Kim Joon-Ho", "RFA's Tibetan Service", "Reuters", "UPI Staff")."""
    agent = " ".join(agent.split())
    if agent.startswith("the "):  # a lower-case article is not part of the name; "The Associated Press" keeps it
        agent = agent[4:]
    first, _, rest = agent.partition(" ")
    if first.lower() in _HONORIFICS and is_person_name(rest) and len(rest.split()) >= 2:
        agent = rest
    agent = without_rank(agent)
    if not agent or (set(roles) == {"photographer"} and _names_no_photo_source(agent)) \
            or agent.split()[0].lower() in CREDIT_VERBS:
        return None  # "(Photo: Courtesy)", "Photo: Collected" name nobody
    svc, owner = service if service else (None, None)
    owner = org or owner
    plain = agent.translate(APOSTROPHES)
    words = plain.split()
    as_service = parse_service(plain, org_context) if words[-1].lower() in _SVC_WORDS else None
    if as_service and as_service[0]:  # "RFA's Tibetan Service" as the agent
        svc, owner = as_service
    elif outlets := [m for m in OUTLET_POSSESSIVE.finditer(plain) if organization_of(m[1])]:
        rest = agent[outlets[0].end():]
        if len(outlets) > 1 or outlets[0].start() or not is_person_name(rest):
            return None  # "CNN's Mara CNN's Mara" is no one's name
        agent, owner = rest, owner or organization_of(outlets[0][1])  # "CNN's Mara Ellison": the outlet's person
    elif organization_of(plain):
        owner = owner or organization_of(plain)
    elif len(words) >= 2 and words[-1].lower() in SERVICE_LANGUAGES and organization_of(" ".join(words[:-1]).removesuffix("'s")):
        svc, owner = words[-1].capitalize(), organization_of(" ".join(words[:-1]).removesuffix("'s"))  # "RFA Tibetan"
    elif words[-1].lower() in {"staff", "desk", "bureau", "team", "board", "newsroom", "editorial"} \
            and is_capitalized_phrase(plain, 5):
        owner = owner or short_org(" ".join(words[:-1])) or None
    elif (outlet := _known_outlet_after(words)) is not None:  # "HYUNG-JIN KIM Associated Press"
        agent, owner = " ".join(words[:outlet]), short_org(" ".join(words[outlet:]))
    elif len(words) >= 2 and words[-1].lower() in _AGENCY_HEADS and is_capitalized_phrase(plain, 5) \
            and not is_dating(words[:1]) and words[0].lower() not in NOT_NAME_WORDS:
        owner = owner or short_org(plain)  # "By Central News Agency": an agency by its full name
    elif not is_person_name(plain) and (titled := _without_title(plain)) is not None:
        agent = titled  # "Mira Solberg Seoul Correspondent"
    elif not is_person_name(plain) and looks_like_organization(plain) and is_capitalized_phrase(plain, 5) \
            and not is_dating(words[:1]):
        owner = owner or short_org(plain)  # "By Korea Herald": the outlet by its head noun, its name a place's
    elif not is_person_name(plain):
        split = _split_affiliation(agent)
        if split is None:
            return None
        agent, owner = split[0], short_org(split[1])
    if svc and not owner:
        owner = org_context
    kind = agent_kind(agent, owner, svc)
    return [Credit(role=r, name=agent, service=svc, organization=owner, language=service_language(svc), agent=kind)
            for r in roles]
