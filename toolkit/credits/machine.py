"""Machine-translation notes: "This article was translated from Korean with the help of generative
AI tools and edited by Jane Roe.", "Translated by AI and edited by A.", "Machine-translated.".

The tool is credited as the translator with agent `software` (its name as the page writes
it: "generative AI tools", "DeepL"); people named as editing or reviewing the translation
are credited as editors. A note that names nobody ("It was then edited by a native
English-speaking editor.") is still removed from the body when it follows such a note.
"""

from __future__ import annotations

import re

from toolkit.credits.agents import agent_kind, is_person_name
from toolkit.model import Credit

_SOFTWARE = (
    r"(?:(?:generative|an?|the)\s+)?(?:artificial[- ]intelligence|A\.?I\.?|machine[- ]translation|machine|"
    r"DeepL|Google\s+Translate|Papago|ChatGPT|GPT-?\d?[\w.]*|Claude|Gemini|Microsoft\s+Translator|"
    r"(?:translation\s+)?software)(?:\s+(?:tools?|systems?|models?|software|translation|translator)){0,2}"
)
# "This story was produced with the help of an AI translation tool and reviewed by our editors": a
# note whose verb is not "translated"; the tool must then be named as a translation tool
_THING = r"(?:article|story|report|text|piece|content|page)"
# a multilingual site's note on its other languages: "The English, Chinese and French versions (of this article)"
_VERSIONS = (rf"(?:This|The|Its)\s+(?:[A-Z][a-z]+(?:,\s*(?:and\s+)?|\s+and\s+)){{0,8}}[A-Z][a-z]+\s+(?:language\s+)?"
             rf"versions?(?:\s+of\s+(?:this|the)\s+{_THING})?")
_PRODUCED = re.compile(
    rf"(?:(?:This|The)\s+{_THING}|(?P<version>{_VERSIONS}))\s+(?:was|were|has\s+been|have\s+been|is|are)\s+"
    rf"(?:automatically\s+)?(?:produced|prepared|created|written|generated)(?:\s+in\s+English)?\s+"
    rf"(?:with\s+the\s+(?:help|aid|assistance)\s+of|using|with|by)\s+(?P<tool>{_SOFTWARE})"
    rf"(?:\s*,?\s+and\s+(?:was\s+|then\s+)*(?:edited|reviewed|checked|verified|proofread)\s+by\s+(?P<editors>[^.]{{1,80}}))?",
    re.IGNORECASE,
)
# Korean notes: "이 기사는 AI 번역을 거쳐 편집자가 검수했습니다", "인공지능(AI)을 활용해 번역했습니다"
_KO_NOTE = re.compile(r"(?:이|본)\s?(?:기사|글|콘텐츠)[는은]\s?.{0,40}?(?P<tool>인공지능\s?\(AI\)|인공지능|AI|기계\s?번역|"
                      r"파파고|딥엘|DeepL|챗GPT|ChatGPT|구글\s?번역).{0,40}?번역(?:을\s?거쳐|했|됐|되었|하였|한\s?(?:것|기사)|된\s?(?:것|기사))")
# Anchored patterns with bounded repetitions only: constant work on any input
_NOTE = re.compile(
    rf"(?:(?:(?:This|The)\s+{_THING}|{_VERSIONS})\s+(?:was|has\s+been|is|were|are|have\s+been)\s+)?"
    rf"(?:(?:originally\s+)?(?:written|published|reported)\s+in\s+[A-Z][a-z]+\s+and\s+)?"
    rf"(?P<mt>machine[- ]|automatically\s+)?translated(?:\s+(?:from|into)\s+(?:the\s+)?[A-Z][a-z]+){{0,2}}"
    rf"(?:\s+(?:by\s+(?P<people>[^.]{{1,60}}?)\s+)?"
    rf"(?:with\s+the\s+(?:help|aid|assistance)\s+of|using|with|by|via)\s+(?P<tool>{_SOFTWARE}))?"
    rf"(?:\s*,?\s+and\s+(?:was\s+|then\s+)*(?:edited|reviewed|checked|proofread)(?:\s+and\s+\w+)?\s+by\s+(?P<editors>[^.]{{1,80}}))?",
    re.IGNORECASE,
)
_FOLLOW_UP = re.compile(
    r"(?:It|The\s+(?:translation|article|text)|All\s+(?:AI-assisted\s+|machine\s+)?translations)\s+"
    r"(?:was|were|are|is|has\s+been|have\s+been)\s+(?:then\s+)?(?:edited|reviewed|checked|proofread|refined)"
    r"(?:\s+and\s+\w+)?\s+by\s+(?P<editors>[^.]{1,80})",
    re.IGNORECASE,
)
_MAX_NOTE = 400


def _editors(text: str | None) -> list[Credit]:
    if not text:
        return []
    names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip().rstrip(".")) if n.strip()]
    return [Credit("editor", n, agent=agent_kind(n, None)) for n in names if is_person_name(n)]


# What a note may carry that is no part of its grammar: a footnote mark before it ("* This article …",
# "※", "Note:"), and an aside between its subject and its verb ("This article, published by Hanbit
# Daily, was translated …"; one comma-bounded clause, bounded length)
_MARK = re.compile(r"(?:[*※†#]+|(?:Editor'?s\s+)?[Nn]ote\s*:)\s*")
_ASIDE = re.compile(r"(?P<subject>(?:This|The)\s+(?:article|story|report|text|piece|content|page)),\s+[^,]{1,80},\s+"
                    r"(?=(?:was|has\s+been|is)\s)", re.IGNORECASE)


def _plain(sentence: str) -> str:
    s = " ".join(sentence.split()).rstrip(".").strip()
    s = s[m.end():] if (m := _MARK.match(s)) else s
    return _ASIDE.sub(r"\g<subject> ", s, count=1) if _ASIDE.match(s) else s


def parse_note(sentence: str) -> list[Credit] | None:
    """Credits of a machine-translation note, or None when `sentence` is not one."""
    s = _plain(sentence)
    if not s or len(s) > _MAX_NOTE:
        return None
    if (k := _KO_NOTE.match(s)) is not None:
        return [Credit("translator", k["tool"], agent="software")]
    m = _NOTE.fullmatch(s)
    if m is None or not (m["tool"] or m["mt"]):
        m = _PRODUCED.fullmatch(s)  # its tool is never empty: the shared reading below keeps it
        if m is None or not (m["version"] or re.search(r"translat|deepl|papago", m["tool"], re.IGNORECASE)):
            return None  # (a page's other language versions made by a tool: its translations, whatever the tool)
    tool = " ".join((m["tool"] or "machine translation").split())
    tool = re.sub(r"^(?:an?|the)\s+", "", tool, flags=re.IGNORECASE)
    # "Translated by A with the help of DeepL": A translated, the tool helped
    people = [Credit("translator", c.name, agent=c.agent) for c in _editors(m.groupdict().get("people"))]
    return people + [Credit("translator", tool, agent="software")] + _editors(m["editors"])


def parse_follow_up(sentence: str) -> list[Credit] | None:
    """"It was then edited by A." after a machine-translation note: the editors named ([] for none)."""
    s = " ".join(sentence.split()).rstrip(".").strip()
    if len(s) > _MAX_NOTE:
        return None
    m = _FOLLOW_UP.fullmatch(s)
    return None if m is None else _editors(m["editors"])
