"""A bead's term rows, made once for every bead of a build that reads the same.

A corpus repeats sentence pairs (an updated story, a background paragraph, a sign-off), and a
bead's rows are a function of what the bead reads: its English, its Korean units (as Kiwi gave
them and as joined into the archive's words), whether it is confident enough to call a term
omitted (renderings.CONFIDENT_BEAD: the renderers read the certainty in no other way), and the
build's model, vocabulary and lexicon. The article, the bead's number and its sentence ids only
label the rows, and the article's acronyms only group their renderings (grouping.group_key): a
bead met again takes its rows from the first meeting with its own labels. An 800-article
benchmark build meets 6,644 beads that read as 2,313.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from toolkit.terms.grouping import group_key
from toolkit.terms.renderings import CONFIDENT_BEAD

if TYPE_CHECKING:
    from toolkit.terms.beads import Bead

# beads whose rows are kept; a kept bead holds its key too (its English words and Korean units), ~12 KB
# a bead over the 800-article benchmark build's beads: ~95 MB a process at the bound, whatever the corpus size
KEPT_BEADS = 8192

# a row as kept: (the index of its Korean sentence in the bead, ko_term, status, en_rendering, confidence, part_of)
Kept = tuple[tuple[int, str, str, str | None, float, str | None], ...]


class BeadKey:
    """What a bead's rows depend on of the bead itself (see the module's docstring): its English,
    whether it is confident, its Korean units and those of its `pieces` (as Kiwi gave them). Its
    hash is taken once: a key is looked up, then kept."""

    __slots__ = ("value", "hash")

    def __init__(self, bead: Bead, pieces: Bead | None) -> None:
        english = bead.english
        self.value = (english.text, english.spans, english.content, english.stems, bead.cert >= CONFIDENT_BEAD,
                      tuple(tuple(units) for _, units in bead.korean),
                      None if pieces is None else tuple(tuple(units) for _, units in pieces.korean))
        self.hash = hash(self.value)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BeadKey) and self.hash == other.hash and self.value == other.value


class BeadMemo:
    """Kept rows by `BeadKey`, the last KEPT_BEADS, valid for one context (`holds`: the build's
    model and its tables, vocabulary and lexicon): `rows` gives a kept bead's rows labelled for
    another bead, `keep` keeps a bead's rows once made."""

    def __init__(self, context: tuple) -> None:
        self.context = context
        self.kept: OrderedDict[BeadKey, Kept] = OrderedDict()

    def holds(self, context: tuple) -> bool:
        """Whether rows kept under `context` hold under this one: the very same objects (held, so
        that no id can be reused; an object equal but new starts a new memo)."""
        return len(context) == len(self.context) and all(a is b for a, b in zip(context, self.context))

    def rows(self, key: BeadKey, bead: Bead, acronyms: Mapping[str, str]) -> list[dict] | None:
        """The rows kept for `key`, as rows of `bead` (None when none are kept)."""
        kept = self.kept.get(key)
        if kept is None:
            return None
        self.kept.move_to_end(key)
        ids = [sentence_id for sentence_id, _ in bead.korean]
        return [{"article_id": bead.article_id, "bead": bead.bead, "sentence_id": ids[at], "ko_term": term,
                 "status": status, "en_rendering": text,
                 "rendering_group": group_key(text, acronyms) if text is not None else None,
                 "confidence": confidence, "part_of": part_of}
                for at, term, status, text, confidence, part_of in kept]

    def keep(self, key: BeadKey, bead: Bead, rows: Sequence[dict]) -> None:
        """Keep a bead's rows (not when a row names a sentence the bead does not hold)."""
        at = {sentence_id: n for n, (sentence_id, _) in enumerate(bead.korean)}
        if any(r["sentence_id"] not in at for r in rows):
            return
        self.kept[key] = tuple((at[r["sentence_id"]], r["ko_term"], r["status"], r["en_rendering"], r["confidence"],
                                r["part_of"]) for r in rows)
        while len(self.kept) > KEPT_BEADS:
            self.kept.popitem(last=False)


# [the memo of the last context]: kept across the articles of a build
_MEMO: list[BeadMemo] = []


def memo_for(*objects: object) -> BeadMemo:
    """The memo of a build whose rows are made with these objects (their attributes too: a model
    trained again sets new tables on the same object); a new one for other objects."""
    context = tuple(x for obj in objects
                    for x in (obj, *(v for kv in getattr(obj, "__dict__", {}).items() for v in kv)))
    if not _MEMO or not _MEMO[0].holds(context):
        _MEMO[:] = [BeadMemo(context)]
    return _MEMO[0]
