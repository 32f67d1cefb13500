"""A translator's note heading a translated text, and a book list's entry.

    split_translation_note(sentence)   "Hanbit Review has translated a poem by A …" -> the translator, the writer
    parse_book_entry(line)             "Title, by A, B (trans) (Press, May 2022)" -> the writer, the translators

Why a separate reader: a site that translates others' writing opens each post with one sentence
saying who translated what by whom, and for whom the writer first wrote it ("… written for the
Tibetan service of Radio Free Asia"). That sentence is the text's credit line in prose; the
rest of the paragraph (the translator's comment) stays body text. A sentence about someone
else's translation ("The ministry has translated the report into five languages") names no
writer after a text noun and credits nobody.
"""

from __future__ import annotations

import re

from toolkit.credits.agents import is_person_name, looks_like_organization
from toolkit.credits.vocabulary import SERVICE_LANGUAGES
from toolkit.model import Credit

_SUBJECT = r"(?P<subject>[A-Z][\w'&.\-]*(?: [A-Z][\w'&.\-]*){0,5})"
_TEXTS = (r"(?:blog ?post|poem|song|essay|article|story|short story|speech|letter|statement|commentary|"
          r"column|interview|open letter|post|novel|chapter|lyrics|testimony)")
_NAME = r"(?P<writer>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,4})"
# "X has translated (extracts from) a (new) blogpost by A", "X presents the English translation of a poem by A"
_NOTE = re.compile(
    _SUBJECT + r" (?:(?P<translated>has translated|have translated)|presents the English translation of|"
    r"presents the English-subtitled \w+(?: \w+)? to) (?:(?:extracts|excerpts|parts) (?:from|of) )?"
    r"(?:an? |the |this |these |two |three )?(?:\w+ ){0,3}?(?:" + _TEXTS + r"s?|“[^”]{1,80}”|\"[^\"]{1,80}\") "
    r"(?:originally )?(?:(?:written|posted|published) (?:in [A-Z][a-z]+ )?)?by (?:(?:a|an) [\w][^,.]{0,60}?|" + _NAME + r")"
    r"(?=[ ,.(]|$)")
_TRANSLATOR = re.compile(r", translated by (?P<translator>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,4})\.?$")
# "… written (…) for the Tibetan service of Radio Free Asia", "… published by the Mandarin service of Radio Free Asia"
_SERVICE = re.compile(r"\b(?:for|by) the (?P<language>[A-Z][a-z]+) [Ss]ervice of Radio Free Asia\b")
_SUBJECT_WORDS = {"The", "This", "These", "It", "He", "She", "They", "We", "I", "You", "Police", "Officials"}


def split_translation_note(sentence: str) -> tuple[str, list[Credit]] | None:
    """A translator's note opening a translated post -> ("", [writer, translator]); the note is
    a credit sentence, taken out whole."""
    s = sentence.strip()
    if " translat" not in s or " by " not in s:
        return None
    m = _NOTE.match(s)
    if m is None or m["subject"].split()[0] in _SUBJECT_WORDS:
        return None
    subject = m["subject"]
    found: list[Credit] = []
    if m["writer"]:
        if not is_person_name(m["writer"]):
            return None
        service = _SERVICE.search(s, m.end())
        language = service["language"] if service and service["language"].lower() in SERVICE_LANGUAGES else None
        found.append(Credit("writer", m["writer"], service=language))
    if m["translated"]:
        translator = Credit("translator", subject)
        if looks_like_organization(subject) or len(subject.split()) > 3:
            translator.agent = "organization"  # "High Peaks Pure Earth": a site, not a person
        found.append(translator)
    elif (tail := _TRANSLATOR.search(s)) is not None and is_person_name(name := _unstopped(tail["translator"])):
        found.append(Credit("translator", name))  # "… presents … by ANU, translated by B."
    if not found or not any(c.role == "translator" for c in found) and not m["writer"]:
        return None
    return "", found


def _unstopped(name: str) -> str:
    """The sentence's full stop off a name that closes it ("Bhuchung D. Sonam." -> "… Sonam"), an initial's kept."""
    return name[:-1] if name.endswith(".") and len(name.split()[-1]) > 2 else name


# "Saha, Cho Nam-Joo, Jamie Chang (trans) (WW Norton, September 2022)", "Title, by A, B (trans)",
# "One Left, Kim Soom, Bruce Fulton (trans), Ju-Chan Fulton (trans)"
_TRANS_MARK = r" \((?:trans|tr|transl)\.?\)"
_ENTRY = re.compile(
    r"(?P<title>[^,()]{2,80}), (?:by )?(?P<writer>[^,()]{3,40}), "
    r"(?P<translators>[^,()]{3,40}" + _TRANS_MARK + r"(?:,? (?:and )?[^,()]{3,40}" + _TRANS_MARK + r"){0,2})"
    r"(?: \((?P<imprint>[^()]{2,80})\))?\.?")


def parse_book_entry(line: str) -> tuple[str, list[Credit]] | None:
    """A book list's entry, one line: its title stays text, its writer and translators are credits.
    The "(trans)" mark after each translator is what makes the line an entry and not prose."""
    m = _ENTRY.fullmatch(line.strip())
    if m is None or not is_person_name(m["writer"].strip()):
        return None
    names = [n.strip().removeprefix("and ").strip() for n in re.split(_TRANS_MARK + r",?", m["translators"]) if n.strip()]
    if not names or not all(is_person_name(n) for n in names):
        return None
    return m["title"].strip(), [Credit("writer", m["writer"].strip())] + [Credit("translator", n) for n in names]
