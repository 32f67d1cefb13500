"""The console every command prints its tables through.

Markup and emoji codes are off: titles and sentences are data, and "[/b]" or ":flag:" in an
article must print as written, not be taken for styling (or end the command in an error).
"""

from __future__ import annotations

import os


def console(stderr: bool = False):
    """A rich Console; piped output gets 160 columns (unless COLUMNS says otherwise), not 80."""
    from rich.console import Console

    out = Console(stderr=stderr, markup=False, emoji=False, highlight=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out = Console(stderr=stderr, markup=False, emoji=False, highlight=False, width=160)
    return out
