"""The corrections of the web app, each turned into the groups `relink_file` applies.

A form names an action and the selected sentence ids; bead actions name a bead by its number
on the page the reviewer saw (the digest in the same form guarantees the file is unchanged).
"""

from __future__ import annotations

from toolkit.review.beads import ReviewBead

Groups = list[tuple[list[str], list[str]]]
ACTIONS = ("link", "null", "confirm", "unlink", "merge", "split")


class BadAction(ValueError):
    """A request that does not make sense on this page; `str()` says why, for the reviewer."""


def _ids(bead: ReviewBead) -> tuple[list[str], list[str]]:
    return [s.id for s in bead.en], [s.id for s in bead.ko]


def action_groups(action: str, beads: list[ReviewBead], bead: int | None,
                  en: list[str], ko: list[str]) -> tuple[Groups, bool]:
    """(groups, confirm) for one action; BadAction when it cannot apply."""
    if action == "link":
        if not en or not ko:
            raise BadAction("select at least one English and one Korean sentence to link")
        return [(en, ko)], False
    if action == "null":
        if not en and not ko:
            raise BadAction("select the sentences to mark as added (English) or untranslated (Korean)")
        return [(en, []), ([], ko)] if en and ko else [(en, ko)], False
    if bead is None or not 0 <= bead < len(beads):
        raise BadAction("no such bead on this page")
    en_ids, ko_ids = _ids(beads[bead])
    if action == "confirm":
        return [(en_ids, ko_ids)], True
    if action == "unlink":
        if not en_ids or not ko_ids:
            raise BadAction(f"bead {bead} is not linked")
        return [(en_ids, []), ([], ko_ids)], False
    if action == "merge":
        if bead + 1 >= len(beads):
            raise BadAction(f"bead {bead} is the last: nothing to merge it with")
        next_en, next_ko = _ids(beads[bead + 1])
        return [(en_ids + next_en, ko_ids + next_ko)], False
    if action == "split":
        first_en = [i for i in en_ids if i in en]
        first_ko = [i for i in ko_ids if i in ko]
        rest_en = [i for i in en_ids if i not in first_en]
        rest_ko = [i for i in ko_ids if i not in first_ko]
        if (not first_en and not first_ko) or (not rest_en and not rest_ko):
            raise BadAction(f"select some (not all) sentences of bead {bead}: they become a bead of their own")
        return [(first_en, first_ko), (rest_en, rest_ko)], False
    raise BadAction(f"unknown action {action!r}")
