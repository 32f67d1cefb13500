"""English credit sentences -> credits.

A sentence is a credit sentence only when it *starts* with a credit clause and consists of
nothing but credit clauses: "<role words> [for <service>] by|: <agents>", joined by commas,
semicolons, "and", "and by", "with additional reporting by"; or a byline paragraph "By A and
B, staff reporters"; or "A contributed to this report". Anything else in the sentence makes
it ordinary text ("The letter, translated by a local activist, was posted online."), left in
place. Clauses are found on tokens, not with one large pattern, so the time is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.credits.agents import is_news_subject, is_person_name, looks_like_organization, organization_of, short_org
from toolkit.credits.intros import parse_intro
from toolkit.credits.listings import parse_listing
from toolkit.credits.lists import outlet_title, parse_agents, parse_service
from toolkit.credits.text import CLOSING_QUOTES, OPENING_QUOTES, Token, is_date_word, is_dating, tokens
from toolkit.credits.widgets import is_byline_name, is_common_word
from toolkit.credits.vocabulary import (CONTRIBUTION_WORDS, EN_GIVEN_NAMES_THAT_ARE_WORDS, LABEL_NOUNS, LANGUAGE_NAMES,
                                       OPENING_ROLE_WORDS, ROLE_WORDS)
from toolkit.model import Credit

_SEPARATORS = {",", ";", "and", "&", "/", "|", ".", "(", "—", "–", "-", ":"}
_IGNORED_ROLES = {"read", "narrated", "voiced"}  # "and read by an artificial voice": narration, no role here
_MAX_DATE_TOKENS = 12  # "on Thursday, 6 October 2011 06:53 by": a day and a time between a verb and its "by"
_MAX_ROLES = 6  # "Reported, translated and written in English by": a clause head is short
_MAX_SERVICE_TOKENS = 10
# words that qualify a label noun: "Series Editor: A", "Managing Editor: B", "Photo Editor: C"
_LABEL_QUALIFIERS = {"series", "managing", "executive", "senior", "chief", "deputy", "associate", "assistant",
                     "contributing", "staff", "photo", "copy", "guest", "lead", "consulting", "news", "video",
                     "web", "online", "digital"}  # "(Web editor: A, B)"
# a participle between a photo word and "by": "Images mixed by A", "Photo taken by B"
_PHOTO_PARTICIPLES = {"taken", "shot", "mixed", "remixed", "created", "provided", "supplied", "captured"}


@dataclass
class Head:
    """A clause head: the tokens [start, end) of "Reported and translated for X by"."""

    start: int
    end: int
    roles: list[str]
    service: str | None = None
    bare_by: bool = False  # a byline "By ..." or a continuation ", and by ..."


def _role_at(low: list[str], j: int) -> tuple[str | None, int]:
    """(role, next index) of one role word at j, with its "additional" / "copy" / "<Language> original" forms."""
    n = len(low)
    contribution = j < n and low[j] in CONTRIBUTION_WORDS
    if contribution:
        j += 1
    if j == 0 and j + 1 < n and low[j] in OPENING_ROLE_WORDS and low[j + 1] == "by":
        return OPENING_ROLE_WORDS[low[j]], j + 1  # "Shot by A", "Original(ly) by A", "Interview by A"
    if j + 1 < n and low[j] in LANGUAGE_NAMES and low[j + 1] == "original":
        j += 2
        if j < n and low[j] in {"text", "version", "article", "story"}:
            j += 1
        return "writer", j
    if j + 1 < n and low[j] == "photo" and low[j + 1] in {"editing", "edited"}:
        j += 1  # "Photo editing and production by A": the pictures' editor
    elif j + 1 < n and low[j] in {"copy", "video", "audio", "composite", "cover", "top", "header", "lead", "main",
                                  "authorised", "authorized"} and low[j + 1] in ROLE_WORDS:
        j += 1  # "composite image by B", "cover photo by C": which picture, then who made it; "Authorised translation"
    if j + 3 < n and low[j] in LANGUAGE_NAMES and low[j + 1] == "to" and low[j + 2] in LANGUAGE_NAMES \
            and low[j + 3] in ROLE_WORDS:
        j += 3  # "Korean to English translation by A"
    if j < n and low[j] in _IGNORED_ROLES:
        return "", j + 1
    if j < n and low[j] in ROLE_WORDS:
        role = ROLE_WORDS[low[j]]
        if contribution:
            role = "contributor" if role == "reporter" else role
        return role, j + 1
    return None, j


def _skip_modifiers(low: list[str], j: int) -> int:
    """Past "in English", "into English", "from the Russian", "and adapted"."""
    n = len(low)
    for _ in range(3):
        if j + 1 < n and low[j] in {"in", "into"} and low[j + 1] in LANGUAGE_NAMES:
            j += 2
        elif j + 1 < n and low[j] == "from":
            k = j + 1 + (low[j + 1] == "the")
            if k < n and low[k] in LANGUAGE_NAMES:
                j = k + 1 + (k + 1 < n and low[k + 1] in {"language", "original"})
            else:
                break
        elif j + 1 < n and low[j] == "and" and low[j + 1] == "adapted":
            j += 2
        else:
            break
    return j


def _head_at(s: str, toks: list[Token], low: list[str], i: int, previous: Head | None) -> Head | None:
    n = len(low)
    if i >= n:
        return None
    j = i + (low[i] == "with")
    if low[i] == "with" and low[j:j + 2] == ["files", "from"]:
        return Head(i, j + 2, ["contributor"])  # "With files from Reuters": a Canadian paper's wire material
    if low[j:j + 1] == ["by"] and (i == 0 or previous is not None):
        k = j + 1 + (j + 1 < n and toks[j + 1].text == ":")
        return Head(i, k, ["writer"] if previous is None else previous.roles, bare_by=True)
    if j + 1 < n and low[j] in LABEL_NOUNS and toks[j + 1].text == ":" and not low[j] in ROLE_WORDS:
        return Head(i, j + 2, [LABEL_NOUNS[low[j]]])
    if (i == 0 and j + 2 < n and low[j] in _LABEL_QUALIFIERS and low[j + 1] in LABEL_NOUNS
            and toks[j + 2].text == ":" and toks[j].text[:1].isupper()):
        return Head(i, j + 3, [LABEL_NOUNS[low[j + 1]]])  # "Series Editor: A"
    roles: list[str] = []
    while len(roles) < _MAX_ROLES:
        role, k = _role_at(low, j)
        if role is None:
            break
        roles.append(role)
        j = _skip_modifiers(low, k)
        if j < n and low[j] in {"and", ",", "&", "/"}:
            nxt = j + 1 + (low[j] == "," and j + 1 < n and low[j + 1] == "and")
            if _role_at(low, nxt)[0] is not None:
                j = nxt
                continue
        break
    if not roles:
        return None
    if roles == ["photographer"] and j + 1 < n and low[j] in _PHOTO_PARTICIPLES and low[j + 1] == "by":
        j += 1  # "Images mixed by A"
    elif roles == ["writer"] and j < n and low[j] == "on" and "by" in low[j + 1:j + 1 + _MAX_DATE_TOKENS]:
        by = low.index("by", j + 1)
        if is_dating([t.text for t in toks[j + 1:by]]):
            j = by  # "Posted on March 3, 2024 by A": a blog's footer, the day between the verb and its "by"
    service = None
    if j < n and low[j] == "for":
        k = j + 1
        while k < n and k - j <= _MAX_SERVICE_TOKENS and low[k] != "by":
            k += 1
        if k < n and low[k] == "by":
            service = _text(s, toks, j + 1, k)
            j = k
    if j < n and (low[j] == "by" or (low[j] == "from" and all(r == "contributor" for r in roles))):
        j += 1 + (j + 1 < n and toks[j + 1].text == ":")  # "with additional reporting from AFP"
    elif j < n and toks[j].text == ":":  # "Translation: A", "Photos: B"
        j += 1
    else:
        return None
    if low[i] == "with" and roles == ["reporter"]:
        roles = ["contributor"]  # "With reporting by AFP": reporting that was added to the story
    if low[i] == "with" and not all(r in {"contributor", ""} for r in roles):
        return None
    return Head(i, j, [r for r in roles if r], service)


def _text(s: str, toks: list[Token], a: int, b: int) -> str:
    """The text of tokens [a, b) as written in `s`."""
    return s[toks[a].start:toks[b - 1].end] if a < b else ""


def _word_at(toks: list[Token], k: int) -> str:
    """The text of the k-th token, "" past the end (an index, never a slice of the rest: linear)."""
    return toks[k].text if k < len(toks) else ""


def _heads(sentence: str, toks: list[Token], low: list[str], standalone: bool = False) -> list[Head]:
    """Clause heads, left to right. On a line of its own a role word right before "by" may
    follow any words ("Translation Tuesday: Three Poems by A"): parse_sentence then checks them."""
    heads: list[Head] = []
    i = 0
    while i < len(toks):
        if (i == 0 or low[i - 1] in _SEPARATORS or low[i] in _TITLE_ROLE_WORDS
                or (standalone and not heads and low[i] in ROLE_WORDS
                    and (any(t.text == "by" for t in toks[i + 1:i + 3])
                         or ROLE_WORDS[low[i]] == "writer" and _word_at(toks, _skip_modifiers(low, i + 1)) == "by"))
                # "A poem in Vietnamese by A"; not "Why I Report in English by A" (a title: _title_author)
                or (low[i] in ROLE_WORDS and is_date_word(low[i - 1]) and not low[i - 1].isalpha())):
            head = _head_at(sentence, toks, low, i, heads[-1] if heads else None)
            if head is not None and (head.roles or heads or head.bare_by):
                heads.append(head)
                i = head.end
                continue
        i += 1
    if standalone and not heads:  # "Title by A" when nothing else heads the line (_title_author checks it)
        k = next((k for k, t in enumerate(toks) if t.text == "by"), 0)
        before = toks[k - 1].text if k else ""
        quoted = before in CLOSING_QUOTES and toks[0].text in OPENING_QUOTES  # "“World’s End Girlfriend” by A"
        if k >= 2 and (quoted or before.isalpha() and not before.endswith("ed") and before.lower() not in ROLE_WORDS):
            heads.append(Head(k, k + 1, ["writer"], bare_by=True))  # not "…23Compiled by A": a participle names a job
        elif k >= 2 and is_dating([t.text for t in toks[:k]]):
            heads.append(Head(k, k + 1, ["writer"], bare_by=True))  # "March 3, 2024 by A": a listing's date, then its writer
    return heads


# --- sentences ---------------------------------------------------------------------------------


def _trim(sentence: str) -> str:
    s = sentence.strip().lstrip("-–—*•·─━═~»").strip()  # "─── by A": a rule drawn before the byline
    if s.startswith("(") and s.endswith(")") or s.startswith("[") and s.endswith("]"):
        s = s[1:-1]
    return s.rstrip(" .;").strip()


# a literary citation's "trans. by A" / "tr. A" (after a comma, a bracket or at the start): "translated by"
_TRANSLATOR_ABBREVIATION = re.compile(r"(^|[,;(]\s?)(?:[Tt]ransl?|[Tt]r)\.\s*(?:by:?\s+)?(?=[A-Z]|from )")


# a name's own Chinese or Japanese writing after it ("By Zhang Wei 张伟", "Translated by A (李明)",
# "by A – 郭天"): the same person written twice, not a second name (Hangul is the Korean readers')
_HAN_GLOSS = re.compile(r"(?<=[A-Za-z.])\s*(?:[–—-]\s*)?(?:[(（][\u3400-\u9fff\u3040-\u30ff]{1,8}[)）]"
                        r"|[\u3400-\u9fff\u3040-\u30ff]{1,8})(?=\s*(?:$|[,;&|]|and\b|\())")


def _translated(m: re.Match[str]) -> str:
    """The abbreviation written out: "tr. A" -> "translated by A", "Tr. from Ukrainian by A" ->
    "translated from Ukrainian by A"."""
    return m[1] + ("translated " if m.string.startswith("from ", m.end()) else "translated by ")


# the source language set off by commas: "Translated, from the Spanish, by A" (read as without them)
_COMMA_LANGUAGE = re.compile(r"^(Translated|Translation),\s+(from (?:the )?[A-Z][a-z]+),\s+by\b")


_NAME_FROM_OUTLET = re.compile(r"(?P<name>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){1,3}) from "
                               r"(?P<outlet>[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,4}):")


_FROM_WRITER = re.compile(r"from (?P<name>[A-Z][^:\n]{2,40}):")  # a blog listing's "from A B:" over each post
_HANDLE = re.compile(r"\s+@\w{2,30}$")  # a social account closing a byline
# nouns of the page itself ("This article was translated by A"): not learned.vocabulary.WORK_NOUNS, the works a story is about
_PAGE_NOUNS = {"article", "story", "report", "post", "piece", "essay", "interview", "column", "text", "letter", "entry"}


def parse_sentence(sentence: str, org_context: str | None, byline: bool = False) -> list[Credit] | None:
    """Credits of a whole English credit sentence, or None when it is not one.

    With `byline`, a bare "By A and B" (a paragraph of its own above or below the story)
    credits the English writers; elsewhere "By ..." opens ordinary sentences ("By 2012, ...").
    On a line of its own a credit clause may close on a description of its last agent
    ("Originally by A, a web author banned for her posts"): the clause before it is read.
    """
    found = _parse_sentence(sentence, org_context, byline)
    if found is None and byline and (m := _APPOSITIVE.search(sentence)) and m.start() > 0 \
            and _opens_on_role(sentence):
        found = _parse_sentence(sentence[:m.start()], org_context, byline)
        if found and not found[-1].name[:1].isupper():
            return None
    return found


# ", a Chinese entrepreneur", ", an exiled poet": a description of who the name is, in lower case after
# its article (", A Reuters reporter" is no description; "…, a Reuters reporter" is)
_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+(?=[a-zA-Z])(?:[A-Z][\w'’-]*\s+)?[a-z][^,;:()]*\.?\s*$")


def _opens_on_role(sentence: str) -> bool:
    """The line opens on its credit's cue ("By", "Originally by", "Translated by", "Photo by"), so a
    description after the name is the agent's; after "Title by A" it is the work's ("The Vegetarian by
    Han Kang, a novel about …": a book review's heading, no credit)."""
    first = sentence.split(None, 1)[0].lower() if sentence.strip() else ""
    return first == "by" or first in ROLE_WORDS or first in OPENING_ROLE_WORDS or first in CONTRIBUTION_WORDS


# a note's label before the page's own note on who made it ("Editor's note: This article was translated by A."):
# the note is read without it (what follows must still be a credit sentence, whole)
_NOTE_LABEL = re.compile(r"(?:(?:Editor|Translator)['’]?s['’]? [Nn]ote|EDITOR['’]?S NOTE|TRANSLATOR['’]?S NOTE|Note)\s*:\s*"
                         r"(?=(?:This|The) (?:article|story|report|piece|interview|essay|column|post|text) )")


def _parse_sentence(sentence: str, org_context: str | None, byline: bool) -> list[Credit] | None:
    s = _HAN_GLOSS.sub("", _trim(sentence))
    s = _NOTE_LABEL.sub("", s, count=1) if s[:1] in "ENT" else s
    s = _COMMA_LANGUAGE.sub(r"\1 \2 by", _TRANSLATOR_ABBREVIATION.sub(_translated, s))
    if byline and s[:3].lower() == "by " and (handle := _HANDLE.search(s)):
        s = s[:handle.start()]  # "By A B @ab_news": the writer's account after the name is no second name
    if not s:
        return None
    toks = tokens(s)
    low = [t.low for t in toks]
    found = _contributed(s, toks, low, org_context) or _reported_from(s)
    if found is not None:
        return found
    found = parse_intro(s) or parse_listing(s, byline)
    if found is not None:
        return found
    if (found := _originally_translated(s)) is not None:
        return found
    if low[:1] in (["this"], ["the"]) and low[1:2] and low[1] in _PAGE_NOUNS and low[2:3] in (["is"], ["was"]) \
            and low[3:4] in (["translated"], ["posted"]):
        # "This article was translated from Korean by A": a translator's note; "This entry was posted in
        # News, Asia by A.": a blog's footer, read as its "Posted in News, Asia by A"
        return parse_sentence(s[toks[3].start:].capitalize()[:1] + s[toks[3].start + 1:], org_context, byline)
    if low[:2] in (["this", "article"], ["this", "story"], ["this", "report"]) and low[2:3] in (["is"], ["was"]):
        k = 3 + (low[3:4] == ["written"])
        if low[k:k + 1] == ["by"]:
            toks, low, s = toks[k:], low[k:], s  # "This article is by A": A wrote it
            heads = _heads(s, toks, low)
            return _credits_of(s, toks, heads, org_context, byline=True) if heads and heads[0].start == 0 else None
    if byline and (found := _name_dash_outlet(s)) is not None:
        return found
    if byline and (m := _FROM_WRITER.fullmatch(sentence.strip())) and is_byline_name(m["name"]):
        return [Credit("writer", m["name"])]  # "from A B:" heading a blog's post in a listing
    if byline and (m := _NAME_FROM_OUTLET.fullmatch(sentence.strip())) and is_byline_name(m["name"]) \
            and (organization_of(m["outlet"]) or looks_like_organization(m["outlet"]) or m["outlet"].startswith("The ")):
        return [Credit("writer", m["name"], organization=short_org(m["outlet"]))]
    heads = _heads(s, toks, low, standalone=byline)
    if not heads:
        # "Xinhua, August 23, 2016", "EFE 02/22/2024": a wire service and a date, alone on their line
        cut = low.index(",") if "," in low else 1
        if byline and 0 < cut < len(toks) and organization_of(s[: toks[cut].start]) \
                and is_dating([t.text for t in toks[cut + (low[cut] == ","):]]):
            name = s[: toks[cut].start].strip()
            return [Credit("writer", name, organization=organization_of(name), agent="organization")]
        return None
    lead: list[Credit] = []
    if heads[0].start != 0:
        prefix = [t.text for t in toks[: heads[0].start]]
        if is_dating(prefix):  # "Last Updated on Thursday, 6 October 2011 06:53 Written by ..."
            pass
        elif heads[0].roles == ["translator"] and (writer := _writer_before(s, toks, heads[0].start)):
            lead = writer  # "A, translated by B" / "Rice Urn by A and B, translated by C"
        elif heads[0].roles in (["translator"], ["editor"]) and _is_title_case(toks[: heads[0].start]):
            pass  # "War and Visual Culture edited by A and B": a book's title, then who made it
        elif byline and heads[0].bare_by and toks[heads[0].start].text == "by" and len(prefix) <= _MAX_TITLE_PREFIX \
                and _is_title_case(toks[: heads[0].start]):
            return _title_author(s, toks, heads, org_context)  # "Why I Write in Two Languages by Mara Ellison"
        elif byline and heads[0].roles and len(prefix) <= _MAX_TITLE_PREFIX and _is_title_case(toks[: heads[0].start]):
            found = _credits_of(s, toks, heads, org_context, byline=False)  # "Rubric: Three Poems by A"
            return found if found and all(c.agent == "person" for c in found) else None
        else:
            return None
    if heads[0].bare_by and not byline and heads[0].start == 0 and not lead:
        return None
    found = _credits_of(s, toks, heads, org_context, byline=heads[0].bare_by)
    return None if found is None else lead + found


def _title_author(s: str, toks: list[Token], heads: list[Head], org_context: str | None) -> list[Credit] | None:
    """A title on a line of its own, then a lower-case "by" and its author: the author writes it when
    the name is a byline name by the strict test of widgets (no common word: "… Called Off by Dock
    Workers" stays a headline) or a desk of the outlet ("by Hanbit Editorial Team")."""
    found = _credits_of(s, toks, heads, org_context, byline=True)
    if not found or len(found) > 2:
        return None
    for credit in found:
        desk = credit.name.split()[-1] in _DESK_NOUNS and len(credit.name.split()) >= 2
        if not (desk or is_byline_name(credit.name)):
            return None
        if desk:
            credit.agent = "organization"
    return found


_DESK_NOUNS = {"Team", "Staff", "Desk", "Editors", "Board", "Newsroom"}
_MAX_TITLE_PREFIX = 12  # words of a title or rubric before "<role word> by" on a line of its own
# "translated" and "edited" may follow a title without a separator: "Rice Urn translated by A"
_TITLE_ROLE_WORDS = {"translated", "edited"}
# lower-case words a title in title case keeps: "War and Visual Culture", "Escape from North Korea"
_TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for",
                      "from", "with", "into", "as", "vs", "vs.", "about", "under", "over"}


def _is_title_case(toks: list[Token]) -> bool:
    """Words of a work's title: each capitalized or a small word ("The Hard Road Out: One Woman's
    Escape from North Korea"), never a sentence ("The film was edited by")."""
    words = [t.text for t in toks if t.text[:1].isalpha()]
    if not words or words[0].lower() == "by":
        return False
    return any(w[:1].isupper() for w in words) and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _persons(region: str) -> list[Credit] | None:
    """Writers named in `region` ("A", "A and B"), persons only, or None."""
    found = parse_agents(region.strip().rstrip(","), ["writer"], None, None) if region.strip() else None
    return found if found and all(c.agent == "person" for c in found) else None


def _writer_before(s: str, toks: list[Token], end: int) -> list[Credit] | None:
    """The writers before a translator: "A, translated by B", "Title by A and B, translated by C"
    (a title in title case before "by": "It was written by A, translated by B" is a sentence)."""
    before = toks[:end]
    lows = [t.low for t in before]
    if before and before[-1].text == ",":
        name = _text(s, before, 0, len(before) - 1)
        if is_person_name(name):
            return [Credit("writer", name)]
        if "by" not in lows and (found := _persons(name)) and len(found) > 1:
            return found  # "A and B, translated by C"
    if "by" in lows:
        k = len(lows) - 1 - lows[::-1].index("by")
        name = _text(s, before, k + 1, len(before))
        if name and is_person_name(name):
            return [Credit("writer", name)]
        if _is_title_case(before[:k]):
            return _persons(name)
    return None


def _credits_of(s: str, toks: list[Token], heads: list[Head], org_context: str | None, byline: bool) -> list[Credit] | None:
    credits: list[Credit] = []
    for k, head in enumerate(heads):
        end = heads[k + 1].start if k + 1 < len(heads) else len(toks)
        while end > head.end and toks[end - 1].low in _SEPARATORS:
            end -= 1
        if end <= head.end:
            return None
        if not head.roles:  # narration: "and read by an artificial voice"
            continue
        service = None
        if head.service:
            service = parse_service(head.service, org_context)
            if service is None:
                return None
        found = parse_agents(_text(s, toks, head.end, end), head.roles, service, org_context, byline=byline)
        if found is None:
            return None
        for credit in found:
            if credit.organization and credit.service:
                org_context = credit.organization
        credits += found
    return credits or None


_CONTRIBUTED_TAILS = (
    [], ["reporting"], ["additional", "reporting"], ["to", "this", "report"], ["to", "this", "story"],
    ["to", "this", "article"], ["to", "the", "report"], ["to", "the", "story"], ["reporting", "to", "this", "report"],
    ["reporting", "to", "this", "story"], ["additional", "reporting", "to", "this", "report"],
    ["to", "this", "report", "from", "seoul"],
)


_MAX_PLACE_WORDS = 4


def _from_place(toks: list[Token]) -> bool:
    """"… (additional) reporting / to this report from Tokyo [and Busan]": the tail names only where."""
    low = [t.low for t in toks]
    for head in (["reporting"], ["additional", "reporting"], ["to", "this", "report"], ["to", "this", "story"]):
        if low[:len(head)] == head and low[len(head):len(head) + 1] in (["from"], ["in"]):
            place = [t.text for t in toks[len(head) + 1:] if t.text not in {",", "and"}]
            return 1 <= len(place) <= _MAX_PLACE_WORDS and all(w[:1].isupper() for w in place)
    return False


def _contributed(s: str, toks: list[Token], low: list[str], org_context: str | None) -> list[Credit] | None:
    """"Nisha David in Kuala Lumpur contributed to this report", "A and B contributed reporting"."""
    if "contributed" not in low:
        return None
    k = low.index("contributed")
    tail = low[k + 1:]
    if tail not in _CONTRIBUTED_TAILS and not _from_place(toks[k + 1:]) or k == 0:
        return None
    end = k - (low[k - 1] == "also")
    end -= end > 0 and low[end - 1] == ","  # "A in Seoul, South Korea, contributed"
    if end <= 0 or not toks[0].text[:1].isupper():
        return None
    start, org = _staff_prefix(s, toks, low, end)
    if "in" in low[start:end]:  # "A and B in Seoul, South Korea": the country after the city goes
        last_in = end - 1 - low[start:end][::-1].index("in")
        if "," in low[last_in:end]:
            end = last_in + low[last_in:end].index(",")
    found = parse_agents(_text(s, toks, start, end), ["contributor"], None, org_context)
    for credit in found or []:
        if org and credit.agent == "person" and credit.organization is None:
            credit.organization = org
    return found


# a paper's tail on where each reporter filed from: "A reported from Seoul, and B from Tokyo."
_PLACE = r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}"
_REPORTED_FROM = re.compile(rf"(?P<who>[A-Z][\w'.\- ]{{2,80}}?) reported from {_PLACE}")
_ALSO_FROM = re.compile(rf"(?P<who>[A-Z][\w'.\- ]{{2,60}}?) (?:reported )?from {_PLACE}")
_PLACE_ONLY = re.compile(r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2}")
_CLAUSE_BREAK = re.compile(r"(\s*(?:;|,)\s+(?:and\s+)?|\s+and\s+)")


def _reported_from(s: str) -> list[Credit] | None:
    """"A reported from Seoul, and B from Tokyo.", "A and B reported from Kyiv.": the reporters, each clause a
    name (or names) and where they filed from, nothing else ("A reported from Seoul for a decade" is prose);
    each name a person's that no news is about ("Kim Jong Un reported from Pyongyang" is a story's)."""
    if " reported from " not in s or (first := _REPORTED_FROM.match(s)) is None:
        return None
    parts = _CLAUSE_BREAK.split(s[first.end():].rstrip(" ,;"))  # [text before the first joint, joint, clause, …]
    if parts[0].strip():
        return None  # "A reported from Seoul on Monday"
    found = parse_agents(first["who"], ["reporter"], None, None) or []
    placed = True
    for joint, clause in zip(parts[1::2], parts[2::2]):
        if placed and joint.strip() == "," and _PLACE_ONLY.fullmatch(clause):
            placed = False
            continue  # "…from Seoul, South Korea": the country after the city (not "…, and Arlo Venn")
        m = _ALSO_FROM.fullmatch(clause)
        if m is None:
            return None
        found += parse_agents(m["who"], ["reporter"], None, None) or [Credit("", "")]
        placed = True
    return found if found and all(_files_as_reporter(c) for c in found) else None


def _files_as_reporter(credit: Credit) -> bool:
    """A person's name, not all of it common words (unless it opens on a given name: "Hope Yen"), that the news
    is not about: "Last Week reported from Seoul", "Kim Jong Un reported from Pyongyang" credit nobody."""
    words = credit.name.split()
    return credit.agent == "person" and bool(words) and words[0][:1].isupper() and not is_news_subject(credit.name) \
        and (words[0].lower() in EN_GIVEN_NAMES_THAT_ARE_WORDS or not all(map(is_common_word, words)))


_STAFF_WORDS = {"writer", "writers", "reporter", "reporters", "correspondent", "correspondents"}
_MAX_STAFF_PREFIX = 6  # "Associated Press staff writers": the outlet and its job word before the names


def _staff_prefix(s: str, toks: list[Token], low: list[str], end: int) -> tuple[int, str | None]:
    """"Associated Press writers A and B contributed": (index of the first name, "AP")."""
    for j in range(1, min(end, _MAX_STAFF_PREFIX)):
        if low[j] in _STAFF_WORDS:
            outlet = _text(s, toks, 0, j - (low[j - 1] == "staff"))
            org = organization_of(outlet)
            return (j + 1, org) if org else (0, None)
    return 0, None


def split_source_tail(sentence: str) -> tuple[str, list[Credit]] | None:
    """"... the newspaper reported. [Reuters, Ju-Min Park and James Pearson]": the wire and its
    reporters cited in brackets at the end of a quoted excerpt."""
    s = sentence.rstrip()
    if not s.endswith("]"):
        return None
    start = s.rfind("[", max(0, len(s) - 160))
    if start < 0:
        return None
    inner = s[start + 1:-1]
    first, _, rest = inner.partition(",")
    org = organization_of(first)
    if not org or not rest.strip():
        return None
    found = parse_agents(rest, ["reporter"], None, None)
    if not found or any(c.agent != "person" for c in found):
        return None
    for c in found:
        c.organization = org
    return s[:start].rstrip(), found


# "Ferries return to the island - AFP, March 3, 2009": a copied story's headline closed by its wire and date
_DASH_WIRE_DATE = re.compile(r"\s[-–—]\s(?P<wire>[A-Z][\w.&' -]{1,40}?),\s(?P<date>[^,]{3,20}(?:,\s\d{4})?)\.?$")


def split_dash_wire_date(sentence: str) -> tuple[str, list[Credit]] | None:
    """(the headline, [the wire as writer]) of a line closed by " - <known wire>, <date>": the date says
    it is a source line, a known agency that the wire wrote the story (a plain " - Name" may be a quote's)."""
    s = sentence.strip()
    m = _DASH_WIRE_DATE.search(s)
    if m is None or m.start() == 0 or not (org := organization_of(m["wire"])) \
            or not is_dating([t.text for t in tokens(m["date"])]):
        return None
    return s[:m.start()].rstrip(), [Credit("writer", m["wire"], organization=org, agent="organization")]


def _into_language(low: list[str], j: int) -> tuple[int, bool, bool]:
    """Past "from Japanese into English" at j: (next index, a source language named, a target named)."""
    k = _skip_modifiers(low, j)
    words = low[j:k]
    return k, "from" in words, "into" in words


def _name_until(s: str, toks: list[Token], j: int) -> tuple[str, int] | None:
    """The person named from token j to the next comma or the sentence's end: (name, end index)."""
    k = j
    while k < len(toks) and toks[k].text not in {",", ";", ".", "…"} and k - j < 7:
        k += 1
    name = _text(s, toks, j, k)
    return (name, k) if name and is_person_name(name) else None


def split_translated_prose(sentence: str) -> tuple[str, list[Credit]] | None:
    """Credits named in a sentence of prose that stays body text:
    "Ably translated from Japanese into English by A, the essay shows …" (an editor's opening
    clause: a judging adverb and both languages; "Translated into English by A, the novel won"
    is news about a book) and "Pillow is a poem by A, translated into English by B." (a work
    by a writer, its translation from or into a named language closing the sentence). The
    sentence is kept whole; a clause in the middle ("The novel, translated into English by A,
    won …") credits nobody."""
    s = sentence.strip()
    if "translated" not in s.lower():  # neither test below can pass: no tokens needed
        return None
    toks = tokens(s)
    low = [t.low for t in toks]
    if "translated" not in low[:2] and (", translated" not in s.lower()):
        return None
    if low[1:2] == ["translated"] and toks[0].text[:1].isupper() and low[0].endswith("ly") and low[0].isalpha():
        k, source, target = _into_language(low, 2)
        if source and target and low[k:k + 1] == ["by"] and (found := _name_until(s, toks, k + 1)) \
                and low[found[1]:found[1] + 1] == [","] and found[1] + 2 < len(toks):
            return s, [Credit("translator", found[0])]
        return None
    for i in range(1, len(low) - 1):
        if low[i] != "translated" or low[i - 1] != ",":
            continue
        k, source, target = _into_language(low, i + 1)
        found = _name_until(s, toks, k + 1) if (source or target) and low[k:k + 1] == ["by"] else None
        if found is None or any(t.text not in {".", "…"} for t in toks[found[1]:]):
            return None
        writer = _writer_suffix(s, toks, low, i - 1)
        return (s, writer + [Credit("translator", found[0])]) if writer else None
    return None


def _writer_suffix(s: str, toks: list[Token], low: list[str], end: int) -> list[Credit] | None:
    """"a poem by the contest winner Lee Young-ju": the name closing the words after "by" (the
    longest run of capitalized words before `end` that reads as a name)."""
    if "by" not in low[:end]:
        return None
    by = end - 1 - low[:end][::-1].index("by")
    start = end
    while start > by + 1 and toks[start - 1].text[:1].isupper() and end - start < 4:
        start -= 1
    for a in range(start, end):
        name = _text(s, toks, a, end)
        if is_person_name(name):
            return [Credit("writer", name)]
    return None


def split_citation(sentence: str) -> tuple[str, list[Credit]] | None:
    """"AI Translation Triumphs … (Park Jin-seong, 2026.02.02, Chosun Daily)": a headline cited
    with its reporter, date and outlet in a closing bracket -> (the headline, [the reporter])."""
    s = sentence.strip().rstrip(".").rstrip()
    if not s.endswith(")"):
        return None
    k = s.rfind("(", max(0, len(s) - 100))
    if k <= 0:
        return None
    parts = [p.strip() for p in s[k + 1:-1].split(",")]
    if len(parts) != 3 or not is_person_name(parts[0]) or not is_dating([t.text for t in tokens(parts[1])]):
        return None
    if not (organization_of(parts[2]) or looks_like_organization(parts[2])):
        return None
    return s[:k].rstrip(), [Credit("reporter", parts[0], organization=short_org(parts[2]))]


def _name_dash_outlet(s: str) -> list[Credit] | None:
    """"Jean Mackenzie - BBC Seoul correspondent": a byline line of a name, a dash, then the
    outlet and the writer's job there (the outlet must be known, the job a job title)."""
    for dash in (" - ", " – ", " — "):
        name, sep, rest = s.partition(dash)
        if sep:
            break
    else:
        return None
    name = name.strip()
    if not 2 <= len(name.split()) <= 4 or not is_person_name(name):
        return None
    outlet = outlet_title(rest.strip())
    return None if outlet is None else [Credit("writer", name, organization=outlet)]


_MIN_HEADLINE_WORDS = 4
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ght", "ne", "ade", "id")  # "Attacked", "Taken", "Shown", "Caught", "Done", "Paid"
_MAX_GLUED_BYLINE_WORDS = 9


def split_glued_byline(sentence: str) -> tuple[str, list[Credit]] | None:
    """"… Prays for Natural Disaster Victims By YC.Dhardhowa, The Tibet Post": a headline and its
    byline run together on a scraped page. Only a capital "By" after a few words (prose writes
    "by"), and only persons after it, then perhaps an outlet or a date."""
    s = sentence.strip().rstrip(".")
    k = s.rfind(" By ")
    if k < 0:
        return None
    head, region = s[:k].strip(), s[k + 4:].strip()
    if (handle := _HANDLE.search(region)) and "," not in region:
        region = region[:handle.start()] + ", " + region[handle.start():].strip()  # "… By A B @ab": the handle vouches
    if len(head.split()) < _MIN_HEADLINE_WORDS or not 1 <= len(region.split()) <= _MAX_GLUED_BYLINE_WORDS:
        return None
    last = head.split()[-1].lower()
    if head[-1:] in ",;:(" or last in {"the", "a", "an", "and", "or", "of", "made", "led", "held", "run", "set"} \
            or last.endswith(_PARTICIPLE_ENDINGS):
        return None  # "Seoul Office Attacked By Kim": an agent in a headline, not its writer
    cut = min((k for k in (region.find(","), region.find(":"), region.find("|")) if k > 0), default=-1)
    tail = region[cut + 1:].strip() if cut > 0 else ""
    if not tail or not (is_dating([t.text for t in tokens(tail)]) or organization_of(tail) or _HANDLE.fullmatch(" " + tail)
                        or (tail.startswith("The ") and looks_like_organization(tail))):
        return None  # the byline widget's outlet or date must follow: "… Called Off By Dock Workers" is a headline
    handle = bool(_HANDLE.fullmatch(" " + tail))
    if handle:
        region = region[:cut]  # the account is the writer's, no name of its own
    found = parse_agents(region, ["writer"], None, None, byline=True)
    if not found or any(c.agent != "person" or handle and not is_byline_name(c.name) for c in found):
        return None  # an account vouches only for a name by the strict test: "… By Dock Workers @union" stays
    return head, found


# "This article was originally published in Korean and translated by A": a translator's note
_ORIGINALLY = re.compile(
    r"(?:This|The) (?:article|story|report|piece|interview|essay|column) (?:was|has been) (?:originally )?"
    r"(?:published|written) in (?:the )?[A-Z][a-z]+(?: by (?P<writers>[^.;]{2,80}?))?,? and (?:was |later )?"
    r"translated(?: (?:in)?to English)? by (?P<translators>[^.;]{2,80})"
)


# a note on this very page ("This article, …", "This story was first published in El Diario …"): its last
# clause, "and translated by A" / ", edited by B", credits the page's makers whatever the clauses before say
# the note's verb tells the page's own history ("was first published", "appeared", "originally ran"), not what it
# is about ("This article draws on a diary … translated by A": the diary's translator, not the page's)
_OWN_WORK = re.compile(r"This (?:article|story|report|post|piece|interview|essay|column|text|translation)\b"
                       r"(?:,[^,]{1,80},)? (?:was|were|has been|had been|first|originally|appeared|ran)\b")
_NOTE_CLAUSE = re.compile(r"(?:,| and) (?:was |has been |later |then )?(?=(?:translated|edited|adapted|written|reported)"
                          r"\b[^.;]{0,60}? by [A-Z])")


def _whole_note(rest: str) -> list[Credit] | None:
    """The credits of what follows a page note's verb when it is credit clauses alone, opening on a role
    word ("written by A and translated by B"), else None."""
    rest = rest.strip()
    if not rest or rest.split(None, 1)[0].lower() not in ROLE_WORDS:
        return None
    found = parse_sentence(rest[:1].upper() + rest[1:], None)
    return found if found and all(c.name[:1].isupper() for c in found) else None


def _own_work_note(s: str) -> list[Credit] | None:
    """The credits of a note on this page whose closing clause names who translated, edited or wrote it
    ("This article was originally published in Spanish in El Diario and translated by A"), or None;
    the clause must be credits alone ("… and translated by our staff" names nobody)."""
    if not s.startswith("This ") or not (own := _OWN_WORK.match(s)):
        return None
    if own[0].endswith((" was", " were", " has been", " had been")) and (whole := _whole_note(s[own.end():])):
        return whole  # "This article was written by A and translated by B": each clause from the verb on
    m = _NOTE_CLAUSE.search(s)
    if m is None:
        return None
    tail = s[m.end():]
    found = parse_sentence(tail[:1].upper() + tail[1:], None)
    return found if found and all(c.name[:1].isupper() for c in found) else None


def _originally_translated(s: str) -> list[Credit] | None:
    m = _ORIGINALLY.fullmatch(s)
    if m is None:
        return _own_work_note(s)
    found = parse_agents(m["translators"], ["translator"], None, None)
    writers = parse_agents(m["writers"], ["writer"], None, None) if m["writers"] else []
    if not found or writers is None or any(c.agent != "person" for c in found):
        return None  # "… translated by our staff": nobody is named
    return writers + found


# '“Love and Mistranslation” by Youn Kyung Hee (tr. Spencer Lee-Lenfield)': a quoted work, its writer
# and, in brackets, its translator (a literary magazine's way of crediting both)
_WORK_TR = re.compile(r"[”\"’'] by (?P<writer>[A-Z][\w'.\- ]{2,40}?) \((?:tr\.|trans\.|transl\.|translated by) "
                      r"(?P<translator>[A-Z][\w'.\- ]{2,40})\)$")


def split_work_translator(sentence: str) -> tuple[str, list[Credit]] | None:
    """A sentence that ends with a quoted work "by A (tr. B)": both are credited, the sentence stays."""
    s = sentence.strip().rstrip(".").rstrip()
    m = _WORK_TR.search(s[-_MAX_WORK_TAIL:])
    if m is None or not is_person_name(m["writer"]) or not is_person_name(m["translator"]):
        return None
    return sentence.strip(), [Credit("writer", m["writer"]), Credit("translator", m["translator"])]


_MAX_WORK_TAIL = 110
# a reading list's entry: the author on a line, then "- Title (translated by B)" or "“Title”
# (forthcoming, translated by B)"; the title stays as text
_LISTED_WORK = re.compile(r"(?P<lead>[-–—•*]\s*)?(?P<title>[^()]{2,120}?)\s*\((?:[^()]{0,30},\s*)?"
                          r"(?:[Tt]ranslated by|[Tt]rans\.|[Tt]r\.|[Tt]ranslation by)\s+(?P<translator>[^()]{2,40})\)\.?")


def split_listed_work(paragraph: str) -> tuple[str, list[Credit]] | None:
    """(the title, [writer, translator]) for a reading list's entry; the author line is optional
    when the entry is marked as one (a leading dash or bullet, or a quoted title)."""
    lines = paragraph.split("\n")
    if not 1 <= len(lines) <= 2:
        return None
    m = _LISTED_WORK.fullmatch(lines[-1].strip())
    if m is None or not is_person_name(m["translator"].strip()):
        return None
    title = m["title"].strip()
    credits = [Credit("translator", m["translator"].strip())]
    if len(lines) == 2:
        author = lines[0].strip()
        if not (is_byline_name(author) or is_person_name(author) and len(author.split()) == 2 and author.istitle()):
            return None
        credits.insert(0, Credit("writer", author))
    elif not (m["lead"] or title[:1] in "“\"‘'"):
        return None
    return title, credits
