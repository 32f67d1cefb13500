"""Credit lines (English or Korean) -> the ordered chain of Credit(role, name, service, ...).

Why a parser and not a keyword search: "Translated by Kang Min Kyung." is a credit, but
"The letter, translated by a local activist, was posted online." is not. A sentence is a
credit sentence only when it *starts* with a credit verb phrase and consists of nothing but
credit clauses ("<verbs> [for <service>] by <agents> [for <service>]", joined by commas,
"and", "and by", "with additional reporting by") whose agents look like names. Anything
else in the sentence makes it ordinary text, left in place. Position in the paragraph plays
no part.

Korean: "서울에서 김준호 기자가 보도합니다." (reporter), "지금까지 워싱턴에서 자유아시아방송
김준호입니다." (reporter of RFA's Korean service), "에디터 양성원, 웹팀 이경하" (labelled staff).
"""

from __future__ import annotations

import re
from dataclasses import replace

from toolkit.hangul import has_syllable
from toolkit.model import Credit
from toolkit.names import is_korean_name, name_score
from toolkit.segment import period_is_abbreviation

# Language services -> BCP 47 code (RFA's services, and a few other broadcasters' ones)
SERVICE_LANGUAGES: dict[str, str] = {
    "korean": "ko",
    "mandarin": "zh",
    "chinese": "zh",
    "cantonese": "yue",
    "tibetan": "bo",
    "uyghur": "ug",
    "uighur": "ug",
    "khmer": "km",
    "cambodian": "km",
    "lao": "lo",
    "laotian": "lo",
    "vietnamese": "vi",
    "burmese": "my",
    "myanmar": "my",
    "english": "en",
    "thai": "th",
    "japanese": "ja",
    "russian": "ru",
    "indonesian": "id",
    "malay": "ms",
    "bengali": "bn",
    "urdu": "ur",
    "pashto": "ps",
    "dari": "prs",
    "farsi": "fa",
    "persian": "fa",
}

# Organizations named as agents or owners of a service; value = normalized short name
ORGANIZATIONS: dict[str, str] = {
    "rfa": "RFA",
    "radio free asia": "RFA",
    "자유아시아방송": "RFA",
    "voa": "VOA",
    "voice of america": "VOA",
    "benarnews": "BenarNews",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "xinhua": "Xinhua",
    "bloomberg": "Bloomberg",
    "nk news": "NK News",
    "daily nk": "Daily NK",
    "rfe/rl": "RFE/RL",
}

_ROLE_VERBS: list[tuple[str, str]] = [
    (r"additional\s+reporting", "contributor"),
    (r"reported|reporting", "reporter"),
    (r"translated|translation", "translator"),
    (r"written|writing", "writer"),
    (r"(?:copy[- ]?)?edited|editing", "editor"),
    (r"(?:video\s+|audio\s+)?produced|production", "producer"),
    (r"photographed|photographs?|photos?|photography", "photographer"),
]
_VERB = "|".join(f"(?:{v})" for v, _ in _ROLE_VERBS)
_MOD = r"(?:\s+(?:in|into)\s+english|\s+from\s+(?:the\s+)?[a-z]+(?:\s+language)?|\s+and\s+adapted)?"
_VERBS = rf"(?:{_VERB}){_MOD}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)(?:{_VERB}){_MOD})*"
_SEP = r"(?:^|\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\.\s+)"  # ". " when sentences were not split
_CLAUSE = re.compile(
    rf"{_SEP}(?:(?P<with>with\s+)?(?P<verbs>{_VERBS})(?:\s+for\s+(?P<prefor>[^,;]+?))?"
    rf"(?:\s+(?P<by>by|from)\s+|\s*:\s*)|(?P<contby>by)\s+)",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.IGNORECASE)
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
_PARTICLES = {
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "bin", "binti", "bint", "al", "el", "ibn", "y", "ben", "ter", "ten", "st.", "zu",
}
_NOT_NAME_WORDS = {
    "state", "media", "officials", "official", "authorities", "police", "sources", "source", "the",
    "it", "he", "she", "they", "we", "this", "that", "local", "government", "residents", "agency",
    "news", "television", "tv", "radio", "newspaper", "website", "staff", "correspondent", "reporters",
    "english", "korean", "u.n.", "china", "north", "south", "korea",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "tonight", "yesterday", "tomorrow", "now", "then", "far",
}


def _role_of(verb: str) -> str:
    for pattern, role in _ROLE_VERBS:
        if re.fullmatch(pattern, verb.strip(), re.IGNORECASE):
            return role
    raise ValueError(verb)


def _roles(verbs: str) -> list[str]:
    """'Reported and translated' -> ['reporter', 'translator'] (modifiers like 'in English' dropped)."""
    words = re.findall(_VERB, verbs, re.IGNORECASE)
    return list(dict.fromkeys(_role_of(w) for w in words))


def _org(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    return ORGANIZATIONS.get(text.lower(), text)


def _is_capitalized_phrase(text: str, max_words: int = 6) -> bool:
    words = text.split()
    if not 1 <= len(words) <= max_words:
        return False
    for w in words:
        core = w.strip(".,")
        if not core:
            return False
        if core.lower() in _PARTICLES:
            continue
        if not (core[0].isupper() or core[0].isdigit()):
            return False
    return True


def _is_person_name(text: str) -> bool:
    """Looks like a personal name as written in a byline (Joshua Lipes, Nguyen Anh Tuan, J.P. Ho)."""
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    content = 0
    for w in words:
        if w.lower() in _PARTICLES:
            continue
        if re.fullmatch(r"(?:al|el|ad|an|as|at|bin|ibn)-\w[\w'.-]*", w):  # al-Assad
            content += 1
            continue
        if not w[0].isupper() or not re.fullmatch(r"[^\W\d_][\w'.\-]*", w):
            return False
        if w.lower().strip(".") in _NOT_NAME_WORDS:
            return False
        content += 1
    return content >= 1


_SERVICE_WORD = r"(?P<svc>[^\W\d_][\w-]*?)(?:-language)?"
_SVC_WITH_WORD = re.compile(
    rf"^(?:the\s+)?(?:(?P<org>.+?)(?:'s?)?\s+)?{_SERVICE_WORD}\s+(?:language\s+)?services?$", re.IGNORECASE
)
_ORG_LANG = re.compile(r"^(?:the\s+)?(?P<org>.+?)(?:'s?)?\s+(?P<svc>[^\W\d_]+)$", re.IGNORECASE)


def _service_name(word: str) -> str:
    """'korean' / 'KOREAN' -> 'Korean'; an unknown service keeps its spelling."""
    return word.capitalize() if word.lower() in SERVICE_LANGUAGES or word.islower() else word


def _parse_service(text: str, org_context: str | None) -> tuple[str | None, str | None] | None:
    """'RFA's Korean service' -> ('Korean', 'RFA'); 'the Mandarin Service' -> ('Mandarin', context org);
    'RFA Korean' -> ('Korean', 'RFA'); 'RFA' -> (None, 'RFA'). None when it is not a service."""
    text = re.sub(r"\s+", " ", text.strip().rstrip(".,;"))
    m = _SVC_WITH_WORD.match(text)
    if m and (m["svc"][0].isupper() or m["svc"].lower() in SERVICE_LANGUAGES):
        org = m["org"]
        if org is not None and not _is_capitalized_phrase(org, 5):
            return None
        return _service_name(m["svc"]), _org(org) if org else org_context
    m = _ORG_LANG.match(text)
    if m and m["svc"].lower() in SERVICE_LANGUAGES and _is_capitalized_phrase(m["org"], 5):
        return m["svc"].capitalize(), _org(m["org"])
    if text.lower() in SERVICE_LANGUAGES:
        return text.capitalize(), org_context
    if text.lower() in ORGANIZATIONS or _is_capitalized_phrase(text, 5):
        return None, _org(text)
    return None


def _credit_for_agent(agent: str, roles: list[str], service: tuple | None, org_context: str | None) -> list[Credit] | None:
    """Credits of one agent ("Kim Joon-Ho", "RFA's Tibetan Service", "Reuters", "Ha Nguyen/RFA")."""
    agent = re.sub(r"\s+", " ", agent.strip())
    if agent.startswith("the "):  # a lower-case article is not part of the name; "The Associated Press" keeps it
        agent = agent[4:]
    if not agent:
        return None
    svc, org = service if service else (None, None)
    name = agent
    if "/" in agent and agent.lower() not in ORGANIZATIONS:  # "Photo: Joshua Lipes/RFA"
        name, owner = (part.strip() for part in agent.rsplit("/", 1))
        if not _is_capitalized_phrase(owner, 4):
            return None
        org = _org(owner)
    plain = name.translate(_APOS)
    as_service = _parse_service(plain, org_context) if re.search(r"\bservices?$", plain, re.I) else None
    if as_service and as_service[0]:  # "RFA's Tibetan Service" as the agent
        svc, org = as_service
    elif plain.lower() in ORGANIZATIONS:
        org = org or _org(plain)
    elif (m := _ORG_LANG.match(plain)) and m["svc"].lower() in SERVICE_LANGUAGES and m["org"].lower() in ORGANIZATIONS:
        svc, org = m["svc"].capitalize(), _org(m["org"])  # "RFA Tibetan"
    elif not _is_person_name(plain):
        return None
    if svc and not org:
        org = org_context
    lang = SERVICE_LANGUAGES.get(svc.lower()) if svc else None
    return [Credit(role=r, name=name, service=svc, organization=org, language=lang) for r in roles]


_LOCATION = re.compile(r"\s+in\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*$")
_PLURAL_SERVICES = re.compile(
    r"(?:^|\s+(?:for|of)\s+)(?:the\s+)?(?:(?P<org>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*?)(?:'s?)?\s+)?"
    r"(?P<langs>[A-Z][\w-]+(?:\s*,\s*[A-Z][\w-]+)*,?\s+and\s+[A-Z][\w-]+)\s+(?:[Ll]anguage\s+)?[Ss]ervices$"
)
_AGENT_FOR = re.compile(r"^(?P<agent>.+?)\s+(?:for|of)\s+(?P<svc>.+)$")


def _parse_agents(region: str, plain: str, roles: list[str], service: tuple | None, org_context: str | None) -> list[Credit] | None:
    """Agents of one clause: "A, B and C for RFA's Lao Service", "A for X, and B for Y".

    `plain` is `region` with curly quotes straightened (same length), used for matching; names
    are taken from `region` as written. A service named after an agent also covers the agents
    listed before it that name none.
    """
    plural = _PLURAL_SERVICES.search(plain)
    if plural:  # "RFA's Mandarin and Cantonese services": one service per language
        org = _org(plural["org"]) if plural["org"] else org_context
        langs = [lang.capitalize() for lang in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", plural["langs"])]
        if not all(lang.lower() in SERVICE_LANGUAGES for lang in langs):
            return None
        if plural.start() == 0:  # the services themselves are the agent
            name = region.strip()
            return [Credit(role=r, name=name, service=lang, organization=org, language=SERVICE_LANGUAGES[lang.lower()])
                    for r in roles for lang in langs]
        found = _parse_agents(region[: plural.start()].rstrip(), plain[: plural.start()].rstrip(), roles, (None, org), org)
        if found is None:
            return None
        agents = list(dict.fromkeys(c.name for c in found))
        if len(agents) == len(langs):  # "A and B for the Mandarin and Cantonese services": respectively
            by_agent = dict(zip(agents, langs))
            for c in found:
                c.service = by_agent[c.name]
                c.language = SERVICE_LANGUAGES[c.service.lower()]
        return found
    chunks: list[tuple[str, tuple | None]] = []
    pos = 0
    pieces = []
    for m in _LIST_SPLIT.finditer(plain):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(plain)))
    for a, b in pieces:
        chunk, chunk_plain = region[a:b].strip(), plain[a:b].strip()
        if not chunk:
            return None
        svc = None
        if chunk_plain.lower() not in ORGANIZATIONS and (m := _AGENT_FOR.match(chunk_plain)):
            svc = _parse_service(m["svc"], org_context)
            if svc is None:
                return None
            chunk = chunk[: m.end("agent")]
        chunk = _LOCATION.sub("", chunk)
        chunks.append((chunk, svc))
    following = service
    resolved: list[tuple[str, tuple | None]] = []
    for chunk, svc in reversed(chunks):
        if svc is not None:
            following = svc
        resolved.append((chunk, svc if svc is not None else following))
    credits: list[Credit] = []
    for chunk, svc in reversed(resolved):
        if svc and svc[1]:
            org_context = svc[1]
        found = _credit_for_agent(chunk, roles, svc, org_context)
        if found is None:
            return None
        credits += found
        if found[0].organization and found[0].service:
            org_context = found[0].organization
    return credits


_CONTRIBUTED = re.compile(
    r"^(?P<agents>[A-Z][^,;]*?(?:(?:,\s*|\s+and\s+)[A-Z][^,;]*?)*)\s+(?:also\s+)?contributed"
    r"(?:\s+(?:to|reporting\s+to|additional\s+reporting\s+to))?\s+(?:this|the)\s+(?:report|story|article)$"
)


def _parse_english(sentence: str, org_context: str | None, byline: bool = False) -> list[Credit] | None:
    """Credits of a whole English credit sentence, or None when it is not one.

    With `byline`, a bare "By A and B" (a paragraph of its own above or below the story)
    credits the English writers; elsewhere "By ..." opens ordinary sentences ("By 2012, ...").
    """
    orig = sentence.strip()
    orig = re.sub(r"^[\s\-\u2013\u2014*•·(\[]+", "", orig)
    orig = re.sub(r"[\s.;)\]]+$", "", orig)
    s = orig.translate(_APOS)
    if not s:
        return None
    if contributed := _CONTRIBUTED.match(s):  # "Nisha David in Kuala Lumpur contributed to this report"
        agents = contributed["agents"]
        return _parse_agents(orig[: len(agents)], agents, ["contributor"], None, org_context)
    clauses = list(_CLAUSE.finditer(s))
    if not clauses or clauses[0].start() != 0 or (clauses[0]["contby"] and not byline):
        return None
    credits: list[Credit] = []
    roles: list[str] = ["writer"] if clauses[0]["contby"] else []
    for k, clause in enumerate(clauses):
        end = clauses[k + 1].start() if k + 1 < len(clauses) else len(s)
        start = clause.end()
        while start < end and s[start].isspace():
            start += 1
        if start >= end:
            return None
        if clause["verbs"]:
            roles = _roles(clause["verbs"])
            if clause["by"] and clause["by"].lower() == "from" and roles != ["contributor"]:
                return None
            if clause["with"] and roles != ["contributor"]:
                return None
        service = None
        if clause["prefor"]:
            service = _parse_service(clause["prefor"], org_context)
            if service is None:
                return None
        found = _parse_agents(orig[start:end].rstrip(), s[start:end].rstrip(), roles, service, org_context)
        if found is None:
            return None
        for credit in found:
            if credit.organization and credit.service:
                org_context = credit.organization
        credits += found
    return credits


# --- Korean ------------------------------------------------------------------------------------
_KO_ORG = r"(?:RFA\s*)?자유아시아방송(?:\s*RFA)?|RFA|알에프에이"
_KO_PLACE = r"(?:(?:[가-힣A-Za-z]+\s*)?[가-힣A-Za-z]+(?:에서|의)|보도에)"
_KO_REPORTS = re.compile(
    rf"^(?:(?:지금까지|이상)\s*,?\s*)?(?:{_KO_PLACE}\s*)?(?:(?P<org>{_KO_ORG})\s*)?(?P<name>[가-힣]{{2,5}}?)\s*기자(?:가|는|의)?\s*"
    r"(?:보도합니다|보도했습니다|보도입니다|전해\s*드립니다|전합니다|취재했습니다|소식을\s*전해\s*드립니다|정리했습니다|입니다|였습니다|이었습니다)$"
)
_KO_SIGNOFF = re.compile(
    rf"^(?:(?:지금까지|이상)\s*,?\s*)?(?:{_KO_PLACE}\s*)?(?P<org>{_KO_ORG})\s*(?P<name>[가-힣]{{2,5}}?)(?:\s*기자)?(?:입니다|였습니다|이었습니다)$"
)
_KO_LABELS: dict[str, str] = {
    "에디터": "editor",
    "편집": "editor",
    "웹팀": "producer",
    "웹편집": "producer",
    "제작": "producer",
    "번역": "translator",
    "영문번역": "translator",
    "영문 번역": "translator",
    "취재": "reporter",
    "기자": "reporter",
    "취재기자": "reporter",
    "사진": "photographer",
    "글": "writer",
}
_KO_LABEL = re.compile(
    r"(?:^|(?<=[\s,/·|]))(?P<label>" + "|".join(sorted(map(re.escape, _KO_LABELS), key=len, reverse=True)) + r")\s*[:：]?\s*"
)


def _ko_credit(role: str, name: str, org: str | None) -> Credit:
    if org:
        return Credit(role=role, name=name, service="Korean", organization="RFA", language="ko")
    return Credit(role=role, name=name)


def _parse_korean(sentence: str) -> list[Credit] | None:
    s = re.sub(r"[\s.。!]+$", "", sentence.strip()).strip()
    for pattern in (_KO_SIGNOFF, _KO_REPORTS):
        m = pattern.match(s)
        if m and is_korean_name(m["name"]):
            return [_ko_credit("reporter", m["name"], m["org"])]
    labels = list(_KO_LABEL.finditer(s))
    if not labels or labels[0].start() != 0:
        return None
    credits: list[Credit] = []
    for k, lab in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(s)
        names = [n for n in re.split(r"[\s,/·|]+|\s*및\s*", s[lab.end() : end]) if n]
        if not names or not all(is_korean_name(n) for n in names):
            return None
        credits += [Credit(role=_KO_LABELS[lab["label"]], name=n) for n in names]
    return credits


_KO_TAIL = re.compile(
    rf"[,，]\s*(?P<tail>(?:{_KO_PLACE}\s*)?(?:(?:{_KO_ORG})\s*)?[가-힣]{{2,5}}\s*기자(?:가|의)\s*(?:보도합니다|보도입니다|전해\s*드립니다|전합니다)[.\s]*)$"
)


# --- sentences ---------------------------------------------------------------------------------
# Breaks as in toolkit.segment (whose abbreviation rules decide every full stop), plus a break
# at a full stop glued to a credit verb ("...News Service.Translated by"), and at line ends.
_BOUNDARY = re.compile(
    r"[.!?][\"'\u201d\u2019)\]]*\s+|\n+"
    r"|\.(?=(?:Reported|Translated|Written|Edited|Produced|Photos?|Additional|With)\b)"
)


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph; no break after initials (J. P.) or abbreviations (Dr.)."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(paragraph):
        if m.group().strip() and m.group()[0] == ".":
            word = re.search(r"(\S+)$", paragraph[start : m.start()])
            if period_is_abbreviation(word.group(1) if word else "", paragraph[m.end() :]):
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return [(a, b) for a, b in spans if paragraph[a:b].strip()]


def extract_credits(paragraph: str) -> tuple[str, list[Credit]]:
    """(the paragraph with credit sentences removed, possibly "", the credits in chain order).

    `order` is left 0: the caller numbers the chain across the article.
    """
    kept: list[str] = []
    credits: list[Credit] = []
    org_context: str | None = None
    spans = _sentence_spans(paragraph)
    for a, b in spans:
        sentence = paragraph[a:b].strip()
        if has_syllable(sentence):
            found = _parse_korean(sentence)
            if found is None and (tail := _KO_TAIL.search(sentence)):
                found = _parse_korean(tail["tail"])
                if found:
                    sentence = sentence[: tail.start()].rstrip() + "."
                    kept.append(sentence)
        else:
            found = _parse_english(sentence, org_context, byline=len(spans) == 1)
        if found is None:
            kept.append(sentence)
            continue
        for credit in found:
            if credit.organization and credit.service:
                org_context = credit.organization
        credits += found
    return " ".join(kept), credits


def join_korean_credits(en: list[Credit], ko: list[Credit], threshold: float = 0.85) -> list[Credit]:
    """The English chain, with name_ko set where a Korean credit names the same person.

    Pairs are taken best score first, one Korean name per English credit; a shared role
    lowers the bar (a Korean reporter byline is almost always the English reporter).
    """
    pairs: list[tuple[float, int, int]] = []
    for j, k in enumerate(ko):
        if not has_syllable(k.name):
            continue
        for i, e in enumerate(en):
            score = name_score(k.name, e.name)
            bar = threshold - (0.05 if e.role == k.role else 0.0)
            if score >= bar:
                pairs.append((score + (0.01 if e.role == k.role else 0.0), i, j))
    out = list(en)
    used_ko: set[int] = set()
    named: dict[str, str] = {}
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if j in used_ko or out[i].name_ko or out[i].name in named:
            continue
        used_ko.add(j)
        named[out[i].name] = ko[j].name
        out[i] = replace(out[i], name_ko=ko[j].name)
    # the same person in several roles ("Reported and translated by") gets the name everywhere
    return [replace(c, name_ko=named[c.name]) if c.name in named and not c.name_ko else c for c in out]

