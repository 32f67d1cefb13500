"""Broadcast intros in English: the anchor hands the story over to the reporter.

"Our defense correspondent Choi Min-jung starts us off.", "Kwon Soa has our top story.",
"Press TV correspondent Frank Smith reports from the South Korean capital Seoul.",
"From Seoul, NPR's A reports", and at the end of a lead sentence "…, as VOA's Bill Gallo
reports from Seoul." (the lead keeps its text). The reporter is credited as reporter.

Why so narrow: "Kim reported the theft to police" and "as Reuters' A reported last week" are
story text. A sentence is an intro only when the name has the shape of a person's name and
stands right after "correspondent" / "reporter" / an outlet's possessive, or when the verb is
one only anchors use ("starts us off", "has our top story"). Matching is on a few words at
the end of one sentence, so the work is linear.
"""

from __future__ import annotations

import re

from toolkit.credits.agents import (
    APOSTROPHES, is_news_subject, is_person_name, looks_like_organization, organization_of, service_language, short_org,
)
from toolkit.credits.lists import parse_service
from toolkit.model import Credit
from toolkit.segment import quote_open

_BROADCAST_INTRO = re.compile(
    r"(?:(?:From|In) [A-Z][\w .'\-]{0,40}, )?(?P<org>[A-Z][\w&.\-]{1,24})'s "
    r"(?P<name>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,3}) (?:reports|reported)(?: (?:on|from) [^.]{0,80})?"
)
# verbs only an anchor uses: the name alone before them is enough
_ANCHOR_VERBS = (" starts us off", " has our top story", " has our lead story", " has our story", " has the story",
                 " has more", " has more on this", " has more on that", " has more on the story", " has the details",
                 " has the latest", " has this report", " has this story", " takes a closer look", " takes a look",
                 " with more", " with the details", " with this report")
# an anchor presenting the reporter: "Here's A with more", "Here is our correspondent A with the details"
_PRESENTERS = ("Here's ", "Here is ", "Here’s ")
_REPORTS = " reports"
_WRITES = " writes"  # "… the border. A writes from the Gaza Strip.": a teaser's sign-off for a written piece
_MAX_OUTLET_HEAD = 2  # words of an outlet's name before its possessive word ("Al Jazeera's")
# the place of a sign-off, perhaps after "the" and a word or two in lower case ("from the occupied Gaza Strip"),
# and nothing after it but the outlet: "A writes from Mokpo to her mother every week" is a story's sentence
_FROM_PLACE = re.compile(r" from (?:the (?:[a-z]+ ){0,2})?[A-Z][\w'’.\-]*(?:,? [A-Z][\w'’.\-]*){0,3}(?: [a-z]+)?"
                         r"(?: for [A-Z][\w'’.&\-]*(?: [A-Z][\w'’.&\-]*){0,3})?[.!]?")
_HANDOVER_WORDS = {"correspondent", "reporter", "bureau", "chief"}  # "... defense correspondent A reports"
# a reporter's own sign-in or sign-off: "This is Song Geum-han reporting.", "This is A reporting from
# Busan for KBS News.", "This is A, KBS News." (an outlet's name is needed when "reporting" is not said)
_THIS_IS = re.compile(
    r"(?:This is|I'm|I am) (?P<name>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){1,3})(?:,? reporting(?P<where> (?:from|for|in) [^.;]{1,60})?"
    r"|, (?P<org>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3})(?:,? (?:in|from) [A-Z][\w .'\-]{0,40})?)"
)
# the anchor's hand-over with no verb, or turning to the reporter: "First, our defense correspondent A.",
# "Let's go live to our A in Busan.", "Now we turn to our correspondent A at the border."
_HANDOVER_ONLY = re.compile(r"(?:(?:First|Next|Now|And now|Up next),? )?[Oo]ur (?:[A-Za-z]+ ){0,3}(?:correspondent|reporter)"
                            r" (?P<name>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){1,3})")
_TURN_TO = re.compile(r"(?:(?:First|Next|Now),? )?(?:[Ll]et's (?:go|turn|cross)|we (?:go|turn|cross))(?: live)?(?: over)? to"
                      r" our (?:(?:[A-Za-z]+ ){0,3}(?:correspondent|reporter) )?(?P<name>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){1,3})"
                      r"(?: (?:in|at|from) (?:the [a-z]+|(?:the )?[A-Z][\w .'\-]{0,40}))?")
_MAX_LEAD_WORDS = 8
_MAX_PLACE_CHARS = 80
_MAX_SENTENCE = 400


def _name_and_lead(before: str) -> tuple[str, list[str]] | None:
    """The reporter's name closing `before` (two to four words) and the words before it."""
    words = before.split()
    for size in (4, 3, 2):
        if len(words) >= size and is_person_name(" ".join(words[-size:])) \
                and not any(w.translate(APOSTROPHES)[-2:] == "'s" for w in words[-size:]) \
                and words[-size].lower() not in _HANDOVER_WORDS \
                and words[-size] not in {"Our", "Here's", "Here", "And", "Now", "Next"}:
            return " ".join(words[-size:]), words[:-size]
    return None


def _handed_over(lead: list[str]) -> str | None:
    """The outlet of a lead that hands over to a reporter ("Press TV correspondent", "VOA's",
    "Our defense correspondent": "" for no outlet), or None when the lead is something else."""
    if not lead or len(lead) > _MAX_LEAD_WORDS or any(w.endswith((".", ";", ":")) for w in lead):
        return None
    if lead == ["Our"] or lead == ["our"]:
        return ""  # "Our Mara Ellison has more"
    last = lead[-1].translate(APOSTROPHES)
    if last.endswith("'s") and last[:1].isupper():
        place = lead[:-1]  # only "From Seoul," may come before "NPR's"
        k = len(place)
        while k > 0 and len(place) - k < _MAX_OUTLET_HEAD and place[k - 1][:1].isupper() \
                and not place[k - 1].endswith(","):
            k -= 1  # "Al Jazeera's": the outlet's name runs over more than one word
        place, owner = place[:k], " ".join(place[k:] + [last[:-2]])
        if place and not (place[0] in {"From", "In"} and place[-1].endswith(",") and len(place) <= 5):
            return None
        return short_org(owner)
    if last.lower() in _HANDOVER_WORDS and lead[0][:1].isupper() and not any(w.endswith(",") for w in lead):
        owner = [w for w in lead[:-1] if w[:1].isupper()]
        return "" if lead[0] == "Our" or not owner else short_org(" ".join(owner))
    return None


def _reporter(name: str, outlet: str | None) -> list[Credit]:
    return [Credit("reporter", name, organization=outlet or None)]


def parse_intro(sentence: str) -> list[Credit] | None:
    """Credits of a whole intro sentence, or None."""
    s = sentence.strip().rstrip(".])").strip()
    if not s or len(s) > _MAX_SENTENCE:
        return None
    plain = s.translate(APOSTROPHES)  # straight quotes for the patterns; one mark for one, so offsets hold in s
    if (m := _BROADCAST_INTRO.fullmatch(plain)) and is_person_name(m["name"]):
        return _reporter(s[m.start("name"):m.end("name")], short_org(m["org"]))
    if s.startswith(("This is ", "I'm ", "I’m ", "I am ")) and (found := _signed_in(s)) is not None:
        return found
    if (found := _signed_off_after(s)) is not None:
        return found
    if (m := _HANDOVER_ONLY.fullmatch(plain) or _TURN_TO.fullmatch(plain)) and _is_reporters_name(m["name"]):
        return _reporter(s[m.start("name"):m.end("name")], None)  # the name as written: "O’Brien"
    presented = s.startswith(_PRESENTERS)
    if presented:
        s = s.split(" ", 2)[-1] if s.startswith("Here is ") else s.split(" ", 1)[-1]
    for verb in _ANCHOR_VERBS:
        if s.endswith(verb):
            if verb.startswith(" with ") and not presented:
                return None  # "… with more" hands over only after "Here's"
            found = _name_and_lead(s[: -len(verb)])
            if found is None:
                return None
            name, lead = found
            if not lead and (is_news_subject(name) or looks_like_organization(name)):
                return None  # "Kim Jong Un has more …" is no hand-over
            outlet = _handed_over(lead) if lead else ""
            return None if outlet is None else _reporter(name, outlet)
    if presented:
        return None
    role, k = "reporter", s.rfind(_REPORTS, max(0, len(s) - _MAX_PLACE_CHARS - len(_REPORTS) - 6))
    if k <= 0:
        role, k = "writer", s.rfind(_WRITES, max(0, len(s) - _MAX_PLACE_CHARS - len(_WRITES) - 6))
    if k <= 0:
        return None
    after = s[k + len(_REPORTS if role == "reporter" else _WRITES):]
    if after and not after.startswith((" from ", " on ")) or (role == "writer" and not after):
        return None  # ("A writes." alone says nothing of a piece)
    found = _name_and_lead(s[:k])
    if found is None:
        return None
    name, lead = found
    if not lead:  # "Mara Ellison reports." / "… reports from Seoul.": the name alone is the sentence
        if after and not _FROM_PLACE.fullmatch(after):
            return None  # "A reports on the economy for …" is a biography
        return [Credit(role, name)] if len(name.split()) >= 2 and not is_news_subject(name) \
            and not looks_like_organization(name) else None
    outlet = _handed_over(lead)
    return None if outlet is None else [Credit(role, name, organization=outlet or None)]


# "For KBS News, I'm A." / "Reporting from Seoul, I'm A.": the outlet or place first
_FOR_OUTLET_IM = re.compile(r"(?:For (?P<org>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3})|Reporting from [A-Z][\w .'\-]{0,40}),"
                            r" (?:I'm|I am) (?P<name>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){1,3})")


def _signed_off_after(s: str) -> list[Credit] | None:
    m = _FOR_OUTLET_IM.fullmatch(s.translate(APOSTROPHES))
    if m is None or not is_person_name(m["name"]):
        return None
    org = _outlet(m["org"]) if m["org"] else None
    return None if m["org"] and org is None else _reporter(m["name"], org)


def _outlet(text: str) -> str | None:
    """A known outlet, or a name ending like one ("KBS News", "Arirang TV"), by its short name."""
    text = text.strip()
    if organization_of(text):
        return short_org(text)
    words = text.split()
    return text if 2 <= len(words) <= 4 and words[-1] in {"News", "TV", "Radio"} and text[:1].isupper() else None


def _signed_in(s: str) -> list[Credit] | None:
    """"This is A reporting [from P] [for O]" / "This is A, O News": the reporter names himself.
    "… reporting for duty" and "This is A, Manchester United" are not sign-offs: after "for" and
    after the comma an outlet must stand."""
    m = _THIS_IS.fullmatch(s.translate(APOSTROPHES))
    if m is None or not is_person_name(m["name"]):
        return None
    if m["org"] is not None:
        org = _outlet(m["org"])
        return None if org is None else _reporter(m["name"], org)
    where = (m["where"] or "").strip()
    k = 0 if where.startswith("for ") else where.find(" for ") + 1 if " for " in where else -1
    if k < 0:
        place = where.split(" ", 1)[-1]
        return _reporter(m["name"], None) if not where or place[:1].isupper() else None
    outlet = _outlet(where[k + 4:])
    return None if outlet is None else _reporter(m["name"], outlet)


def split_intro_tail(sentence: str) -> tuple[str, list[Credit]] | None:
    """"The launch raised tension, as VOA's Bill Gallo reports from Seoul." -> (the lead, [Bill Gallo])."""
    s = sentence.strip()
    body = s.rstrip(".])").rstrip()
    k = body.rfind(", as ")
    if k <= 0 or len(body) - k > _MAX_PLACE_CHARS + 60:
        return None
    found = parse_intro(body[k + len(", as "):])
    if found is None or found[0].organization is None:
        return None  # "…, as correspondent A reports": only an outlet's reporter closes a lead
    return body[:k].rstrip() + ".", found


# the outlet's own reporter opening a sentence of the transcript ("Our correspondent A was outside the
# prison.", "Our Seoul correspondent A has been following the talks."), or a reporter the anchor says will
# speak next ("Reporter A will summarize …"): a named reporter of some other outlet is story ("Reporter A was
# detained") and "our" or a turn to come is what makes the name the piece's own; a former or late
# correspondent of ours is someone the story is about ("Our former correspondent A, who was expelled, said …")
_OUR_REPORTER = re.compile(r"(?:Our|And our|Now our) "
                           r"(?:(?:(?!(?:former|late|then|ex) )(?:[A-Z][a-z]+ |[a-z]+ )){0,2}(?:correspondent|reporter)"
                           r" (?P<name>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){1,3})(?=,? [a-z])"
                           # "Our A is live from Vientiane.": with no title, only an on-air verb makes A ours
                           r"|(?P<bare>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){1,3})(?= (?:is live|joins us|is standing by"
                           r"|is on the line|has been following|who has been following)\b))")
_OFFICES = frozenset({"President", "Prime", "Minister", "Chairman", "Chairwoman", "Leader", "General", "Secretary",
                      "Governor", "Mayor", "Ambassador", "Senator", "Director", "Chief", "King", "Queen", "Pope",
                      "Father", "Lady", "Lord", "Mr.", "Mrs.", "Ms.", "Dr.", "Professor", "Coach", "Captain"})
_NEXT_REPORTER = re.compile(r"(?:Reporter|Correspondent) (?P<name>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){1,3})"
                            r" will (?:summarize|explain|report|tell us|walk us|take us|bring us|look at|have more)\b")


def _is_reporters_name(name: str) -> bool:
    """A name the outlet's own reporter could bear: a person's shape, not someone the news is about, not a
    desk or bureau ("Let's go over to our Sports Desk.")."""
    return is_person_name(name) and not is_news_subject(name) and not looks_like_organization(name)


def split_our_reporter(sentence: str) -> tuple[str, list[Credit]] | None:
    """(the sentence, kept as text, [the reporter]) for a transcript's sentence naming the outlet's own
    reporter: "Our correspondent A was outside the prison in Yangon.", "Reporter A will summarize …"."""
    s = sentence.strip()
    m = _OUR_REPORTER.match(s) or _NEXT_REPORTER.match(s)
    name = m and (m["name"] or m.groupdict().get("bare"))
    if not name or not _is_reporters_name(name):
        return None
    if not m["name"] and (name.split()[0] in _OFFICES or len(name.split()) > 3):
        return None  # "Our President A is live from Washington": an office holder, not a reporter
    return s, _reporter(name, None)


def split_as_reports(sentence: str) -> tuple[str, list[Credit]] | None:
    """"As Thuy Ong reports, it's another setback …": a video script's lead names its reporter
    in an opening clause; the sentence stays body text. Only a bare person's name and a comma
    right after "reports" ("As Smith reports in his book, …" cites a work)."""
    s = sentence.strip()
    if not s.startswith("As "):
        return None
    k = s.find(" reports, ", 3, 3 + 40)
    if k < 0 or not s[k + len(" reports, "):].strip():
        return None
    name = s[3:k]
    if not 2 <= len(name.split()) <= 3 or not is_person_name(name) or "'" in name.translate(APOSTROPHES):
        return None
    return s, _reporter(name, None)


# who interviewed the people a story quotes, named with the outlet or language service they report for:
# "… recently told Shohret Hoshur of RFA's Uyghur Service about …", "… spoke with VOA's Eastern Europe bureau
# chief Mara Ellison about …" (a bare "told Radio Free Asia" names no one: no credit)
_TOLD_OF_SERVICE = re.compile(r"\b(?:told|spoke (?:to|with)|talked (?:to|with))\s+(?P<name>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3})"
                              r" of (?P<service>[A-Z][\w.&\-]*['’]s (?:[A-Z][\w\-]* ){1,3}[Ss]ervice)\b")
_WITH_OUTLET_TITLE = re.compile(r"\b(?:told|spoke (?:\S+ ){0,6}?(?:to|with)|talked (?:to|with))\s+(?P<outlet>[A-Z][\w.&\-]*)['’]s"
                                r" (?:[\w\-]+ ){0,4}?(?:bureau chief|correspondent|reporter|editor|host)\s+"
                                r"(?P<name>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,2})")


def split_interviewer(sentence: str) -> tuple[str, list[Credit]] | None:
    """(the sentence, [its interviewer]) when a story says who of a named outlet or service spoke with the
    people it quotes; the sentence stays body text. The outlet must be known (`organization_of`), a service
    must name its language (`service_language`)."""
    s = sentence.strip()
    if "told " not in s and "spoke " not in s and "talked " not in s:
        return None  # most sentences: one scan for the verbs
    if (m := _TOLD_OF_SERVICE.search(s)) is not None and not quote_open(s[:m.start()]) \
            and (service := parse_service(m["service"], None)) and service[1] and (language := service_language(service[0])) \
            and is_person_name(m["name"]) and not is_news_subject(m["name"]):
        # a language service ("RFA's Uyghur Service"), not an agency whose name ends so ("National Intelligence Service")
        return s, [Credit("reporter", m["name"], service[0], service[1], language)]
    if (m := _WITH_OUTLET_TITLE.search(s)) is not None and not quote_open(s[:m.start()]) and organization_of(m["outlet"]) \
            and is_person_name(m["name"]) and not is_news_subject(m["name"]):
        return s, _reporter(m["name"], organization_of(m["outlet"]))
    return None




# A broadcast transcript names each speaker in capitals with the job they do on air: "ANN LEE,
# BYLINE: The port reopened …" (a reporter's piece), "JOHN ROE, HOST:" (the anchor: no credit)
_SPEAKER = re.compile(r"(?P<name>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){1,3}), (?P<job>BYLINE|REPORTER|"
                      r"(?:[A-Z]+ )?CORRESPONDENT)\s*:\s*")


def split_speaker_label(sentence: str) -> tuple[str, list[Credit]] | None:
    """(the words spoken, [the reporter]) for a transcript line opened by a reporter's label."""
    m = _SPEAKER.match(sentence.strip())
    if m is None or not is_person_name(m["name"]):
        return None
    return sentence.strip()[m.end():], [Credit("reporter", m["name"])]
