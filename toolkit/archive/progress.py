"""The build's progress bar on stderr (one line per pass; off with --quiet)."""

from __future__ import annotations

from toolkit.terminal import console


def progress_bar(enabled: bool):
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeRemainingColumn)

    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), TextColumn("{task.fields[current]}", markup=False),
        console=console(stderr=True), disable=not enabled, transient=False,
    )
