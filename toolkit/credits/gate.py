"""A paragraph no credit reader can take anything from, told by one scan before any of them runs.

    may_hold_credit(paragraph)   False only when every rule reader and the learned pass leave it as it is

A build gives extract_credits every body paragraph, and almost none of them holds a credit; each one
still went through some fifty readers, the sentence split, the widget lines and the learned pass's
tokens. This gate answers False only for a paragraph where none of them can find anything, so
skipping them changes no output. It is deliberately narrow: only what every reader needs is tested.
A paragraph is passed on to the readers (True) unless all of these hold:

- one printable line of Latin text (no character past U+024F but curly quotes and the ellipsis):
  no Hangul or Han (every Korean reader, the Han name glosses), no line break or other white space
  but the space, no invisible control or separator form (hygiene's), no em or en dash (signatures,
  datelines, "—AFP");
- none of the punctuation a credit slot, label, bracket byline, dateline, e-mail sign-off,
  copyright mark, hashtag or bar list needs (`_MARKS`), no hyphen with a space beside it or
  doubled (" - AFP, March 3", "Mara Ellison, Jakarta --Looking back");
- no word of the credit vocabulary: "by" (glued ones cut apart first), role and label words, the
  verbs of credit clauses and notes, anchors' hand-overs and sign-ins, every known organization,
  agency and wire ("AFP" as a word, in capitals, or glued to the next sentence: "YonhapFarmers"),
  nor a Korean credit cue the learned pass looks for in any text ("PD");
- every sentence has a clause word in lower case (`PROSE_WORDS`: "said", "was", "that" …), which
  no bare name, outlet, acronym, title, date, stamp or widget line holds: so no sentence is a
  photo slot ("Kim Min-ji, USFK"), a caption's closing name, an agency alone or a widget line.
  Sentences are judged by pieces cut at every place the sentence split may cut (each sentence is
  whole pieces), so the abbreviation rules need not be repeated here.

tests/test_credits_gate_skip.py runs every reader with and without the gate over every paragraph of the
credit forms, the fixtures and the pseudo-articles, and over cases written to sit at each condition's edge.
"""

from __future__ import annotations

import re
from functools import cache

from toolkit.credits import intros
from toolkit.credits.learned.vocabulary import KO_CUES, ROLE_OF
from toolkit.credits.sentences import rough_pieces
from toolkit.credits.vocabulary import (
    CONTRIBUTION_WORDS, CREDIT_VERBS, DISTINCTIVE_AGENCIES, EN_JOB_ROLES, LABEL_NOUNS, OPENING_ROLE_WORDS,
    ORGANIZATIONS, PHOTO_AGENCIES, ROLE_WORDS,
)

_NOT_LATIN = re.compile("[^\x00-\u024f‘’“”…]")  # past U+024F only curly quotes and the ellipsis
_MARKS = frozenset("()[]{}<>/\\|:;=@#©®*&~+^_`·«»§¶•")
_SPACED_HYPHEN = re.compile(r"(?:^|\s)-|-(?:\s|$)|--")
# words of a clause, never of a credit line that has no credit word: a name, title, outlet, date or stamp
# holds none of them (tests check them against the readers' lists), so a sentence with one is no bare
# name, agency or widget line ("Kim Min-ji, USFK" is a photo credit; "Kim Min-ji said" is not). Only in
# lower case and as a whole word: "Will Ripley", "Han Do-yun", "Lee Min-it" are names
PROSE_WORDS = frozenset(
    "is was were are be been being has have had said says told added will would could should can might must "
    "that which who whom whose it its he she they them their his her him we us our you your not than also "
    "there when what where why how because if do does did these those this while very just only still however "
    "according against during between percent million billion some many most other such "
    "more less".split())
_TOKEN = re.compile(r"[\w'’\-]+")  # a word with its hyphens and apostrophes ("Do-yun" is one)
_WORD = re.compile(r"[^\W_]+")  # a word cut at every mark: never longer than a reader's token
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # text.unglue_credits cuts here: "YonhapFarmers", "ApFarmers"
_SHORT = 3  # names this short ("AP", "UPI") are also looked for in capitals anywhere ("APEC" too: conservative)

# looked for anywhere, inside words too: the stems the readers' patterns match ("Translate" of a tool's
# name, " translat" of a note), phrases of several words (anchors' hand-overs and sign-ins in intros.py;
# its own lists of them are read too, in _words, so that a phrase added there is never skipped)
_ANYWHERE = (
    "translat", "contribut", "correspond", "photo", "credit", "courtesy", "vimeo", "deepl", "papago",
    "this is", "i'm", "i’m", "i am", "here's", "here’s", "here is", "starts us off", "has our", "has more",
    "has the", "has this", "takes a", "with more", "with the details", "with this report",
)
# whole words besides the vocabulary's: "by" (glued ones are cut apart first, "…said.By A", "thereBy A",
# as unglue_credits cuts them; a reader's token is never finer than a word here), a reporter's or writer's
# sign-off ("A reports from Seoul", "A writes"), a newsroom's head nouns, a service's "Korean original"
_EXTRA_WORDS = ("by", "reports", "writes", "via", "news", "press", "agency", "wire", "original", "author", "staff")


@cache
def _words() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """(words matched as whole words, lower-cased: every word of the credit vocabulary, each known
    organization and agency; the short ones among them, matched in capitals anywhere; what is matched
    anywhere: `_ANYWHERE`, intros' hand-over phrases, the distinctive agencies and every entry that is not
    one plain word)."""
    every = {*_EXTRA_WORDS, *ROLE_OF, *ROLE_WORDS, *LABEL_NOUNS, *OPENING_ROLE_WORDS, *CONTRIBUTION_WORDS,
             *CREDIT_VERBS, *EN_JOB_ROLES, *PHOTO_AGENCIES, *ORGANIZATIONS}
    # (entries in another script are left out: a paragraph the gate may skip holds none; "Télam" is kept)
    every = {w.lower() for w in every if w and not _NOT_LATIN.search(w)}
    words = frozenset(w for w in every if w.isalnum())
    short = tuple(sorted(w.upper() for w in words if len(w) <= _SHORT))
    anchors = {p.strip().lower() for p in (*intros._ANCHOR_VERBS, *intros._PRESENTERS)}
    # an agency glued to the caption's last word is read in lower case too ("…Jong-ungettyimagesbank")
    return words, short, tuple(sorted({*_ANYWHERE, *anchors, *DISTINCTIVE_AGENCIES, *(every - words)}))


def may_hold_credit(paragraph: str) -> bool:
    """True unless the paragraph is a line of plain Latin prose with none of the marks, words and
    shapes any credit reader needs (module docstring): then the readers can be skipped."""
    text = paragraph.strip()
    if not text or _NOT_LATIN.search(text) or not _MARKS.isdisjoint(text) or not text.isprintable() \
            or _SPACED_HYPHEN.search(text):
        return True  # (cheapest first: a Korean paragraph is answered at its first syllable)
    # spaces collapsed as the readers' hygiene does ("has  more"), and case folded as their case-blind
    # patterns fold it (a long s is an "s" to re.IGNORECASE: "machine-tranſlated")
    low = " ".join(text.split()).casefold()
    words, short, anywhere = _words()
    if any(w in low for w in anywhere) or any(w in text for w in short) or any(c in text for c in KO_CUES):
        return True
    if not words.isdisjoint(_WORD.findall(_GLUE.sub(" ", text).lower())) or not words.isdisjoint(_WORD.findall(low)):
        return True
    return not all(PROSE_WORDS.intersection(_TOKEN.findall(piece)) for piece in rough_pieces(text) if piece.strip())
