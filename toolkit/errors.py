"""Errors that the CLI turns into one line naming the file and the problem."""

from __future__ import annotations


class InputError(Exception):
    """Raised for input that cannot be read; `str()` is the one-line report."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
