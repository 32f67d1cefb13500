"""Side-by-side review of an alignment for translators (rich table from read_tei output)."""

from __future__ import annotations

from toolkit.errors import printable
from toolkit.model import Alignment, Article, Bead

LOW_CONFIDENCE = 0.5  # beads below this are highlighted for review


def _label(bead: Bead) -> str:
    if not bead.ko:
        return f"{bead.type} added"
    if not bead.en:
        return f"{bead.type} untranslated"
    return bead.type


def _style(bead: Bead) -> str:
    if not bead.ko:
        return "yellow"
    if not bead.en:
        return "magenta"
    return "red" if bead.cert < LOW_CONFIDENCE else ""


def _credits_line(en: Article, ko: Article | None) -> str:
    parts = []
    for credit in en.credits:
        name = f"{credit.name} ({credit.name_ko})" if credit.name_ko else credit.name
        parts.append(f"{credit.role}: {name}")
    joined = {c.name_ko for c in en.credits if c.name_ko}
    parts += [f"{c.role}: {c.name} (original only)" for c in (ko.credits if ko else []) if c.name not in joined]
    return "; ".join(parts) or "(no credits)"


def print_alignment(en: Article, ko: Article | None, alignment: Alignment | None, source: str) -> None:
    from rich.table import Table

    from toolkit.terminal import console as terminal_console

    console = terminal_console()
    # a TEI file may hold C1 controls and bidi overrides (XML allows them): escaped, not obeyed
    table = Table(title=printable(en.title or source), caption=printable(_credits_line(en, ko)), show_lines=True,
                  expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("bead", no_wrap=True)
    table.add_column("cert", justify="right", no_wrap=True)
    table.add_column("English", ratio=1, overflow="fold")
    table.add_column("Korean", ratio=1, overflow="fold")
    en_sentences = en.sentences
    ko_sentences = ko.sentences if ko is not None else []
    beads = alignment.beads if alignment is not None else [Bead((i,), ()) for i in range(len(en_sentences))]
    for number, bead in enumerate(beads, 1):
        english = printable(" ".join(en_sentences[i].text for i in bead.en))
        korean = printable(" ".join(ko_sentences[i].text for i in bead.ko))
        cert = f"{bead.cert:.2f}" if alignment is not None else ""
        table.add_row(str(number), _label(bead) if alignment is not None else "", cert, english, korean,
                      style=_style(bead) if alignment is not None else "")
    console.print(table)
    if ko is None:
        console.print(f"{len(en_sentences)} English sentences; no Korean original in this file")
    elif alignment is None:
        console.print("no alignment in this file")
    else:
        counts: dict[str, int] = {}
        for bead in alignment.beads:
            counts[bead.type] = counts.get(bead.type, 0) + 1
        linked = sum(len(b.en) for b in alignment.beads if b.en and b.ko)
        console.print(
            f"{len(beads)} beads ({', '.join(f'{n} {t}' for t, n in sorted(counts.items()))}); "
            f"{linked} of {len(en_sentences)} English sentences have a Korean counterpart"
        )
