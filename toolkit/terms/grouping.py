"""Renderings grouped as a terminologist reads them: word forms of one lemma together,
an acronym with the expansion its own article pairs it with.

Inflections group, derivations do not: "smuggling", "smuggled", "smuggles" and "smuggle"
are one rendering (the translator chose the same word; grammar chose the form), while
"smuggler" is another word with another meaning and stays apart, as do "defector" and
"defection". The key of a word folds case (an acronym keeps its capitals), a possessive,
the plural and the verb endings -ed and -ing; a phrase's key is its words' keys.

An acronym is grouped with its expansion only where the article itself pairs them,
"Ministry of State Security (MSS)" or "MSS (Ministry of State Security)": the same letters
stand for other bodies elsewhere. Each group is labelled with its most frequent form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from functools import lru_cache

from toolkit.align.english import STOPWORDS, irregular_base, singular, word_spans

# words that end in -s, -ed or -ing without being inflected forms
_UNINFLECTED = frozenset("""news series species politics economics physics headquarters means
    bus gas yes this his its was has does us thus always perhaps various serious famous previous
    need speed seed breed feed bleed greed exceed proceed succeed red bed shed hundred
    sacred naked wicked beloved kindred thing king ring wing sing spring string sting bring
    nothing something anything everything morning evening during ceiling daily""".split())
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def inflection_key(word: str) -> str:
    """The key every inflected form of a word shares ('smuggled', 'smuggling', 'smuggles' and
    'smuggle' -> 'smuggl'; 'MSS' -> 'MSS'), while derived words keep theirs ('smuggler'):
    finer than english.stem, since a derivation is another rendering. Not meant to be read.

    Case, a possessive, the plural, -ed and -ing (with a doubled consonant) and a final silent
    e are folded; the stemmer's irregular forms are followed (held -> hold, Chinese -> china:
    a country and its adjective are one choice, grammar picks the form)."""
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return word
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if w in _UNINFLECTED:
        return w
    base = irregular_base(w)
    if base:
        w = base
    else:
        w = singular(w)
        for suffix in ("ing", "ed"):
            root = w[: -len(suffix)]
            if w.endswith(suffix) and len(root) >= 2 and _VOWELS & set(root):
                if suffix == "ed" and root.endswith("i"):
                    root = root[:-1] + "y"  # carried -> carry
                elif len(root) >= 3 and root[-1] == root[-2] and root[-1] not in "lsz" + "".join(_VOWELS):
                    root = root[:-1]  # stopped -> stop
                w = root
                break
    while len(w) > 2 and w.endswith("e"):  # agree, agreed, agreeing -> agr
        w = w[:-1]
    return w



@lru_cache(maxsize=65536)
def phrase_key(text: str) -> str:
    """The key of a rendering: its words' inflection keys (`inflection_key`) joined by spaces
    (kept: the same renderings recur in row after row)."""
    return " ".join(inflection_key(w) for w, _, _ in word_spans(text))


def acronyms(text: str) -> dict[str, str]:
    """Acronym -> expansion for each pair the text makes itself, in either order:
    'Ministry of State Security (MSS)', 'State Security Department [SSD]', 'MSS (Ministry of
    State Security)'. The expansion's content words must start with the acronym's letters."""
    found: dict[str, str] = {}
    spans = word_spans(text)
    for k, (word, start, end) in enumerate(spans):
        if not (2 <= len(word) <= 6 and word.isupper() and word.isalpha()):
            continue
        before, after = text[:start].rstrip(), text[end:].lstrip()
        if before.endswith(("(", "[")) and after.startswith((")", "]")):
            expansion = _expansion_before(spans[:k], word)
        elif after.startswith(("(", "[")):
            expansion = _expansion_after(text, end, word)
        else:
            continue
        if expansion and word not in found:
            found[word] = expansion
    return found


def _initials_match(words: list[str], acronym: str) -> bool:
    content = [w for w in words if w.lower() not in STOPWORDS]
    return len(content) == len(acronym) and all(w[0].upper() == a for w, a in zip(content, acronym))


def _expansion_before(spans, acronym: str) -> str | None:
    """The words right before '(ACR)' whose initials spell it (function words may come between)."""
    content = 0
    for first in range(len(spans) - 1, -1, -1):
        if spans[first][0].lower() not in STOPWORDS:
            content += 1
        if content == len(acronym):
            words = [w for w, _, _ in spans[first:]]
            return " ".join(words) if _initials_match(words, acronym) else None
    return None


def _expansion_after(text: str, end: int, acronym: str) -> str | None:
    """The words inside the brackets right after 'ACR (', when their initials spell it."""
    m = re.match(r"\s*[(\[]([^)\]]{3,80})[)\]]", text[end:])
    if not m:
        return None
    words = [w for w, _, _ in word_spans(m.group(1))]
    return " ".join(words) if _initials_match(words, acronym) else None


def group_key(rendering: str, article_acronyms: dict[str, str]) -> str:
    """The group of a rendering in its article: an acronym the article expands joins its expansion."""
    stripped = rendering.strip()
    if stripped in article_acronyms:
        return phrase_key(article_acronyms[stripped])
    return phrase_key(stripped)


def form_label(form: str) -> str:
    """A rendering as a group label: lower case, acronyms kept ('MSS', 'UN')."""
    return " ".join(w if len(w) >= 2 and w.isupper() and w.isalpha() else w.lower()
                    for w, _, _ in word_spans(form))


def group_labels(keyed_forms: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Group key -> label: the most frequent form of the group (then the shortest, then the
    first alphabetically), so that a label always reads as something a translator wrote."""
    return labels_from_counts(Counter((key, form_label(form)) for key, form in keyed_forms))


def labels_from_counts(counts: Counter) -> dict[str, str]:
    """`group_labels` from counts of (group key, form label) gathered in parts."""
    best: dict[str, tuple[int, int, str]] = {}
    for (key, label), n in counts.items():
        rank = (-n, len(label), label)
        if key not in best or rank < best[key]:
            best[key] = rank
    return {key: rank[2] for key, rank in sorted(best.items())}
