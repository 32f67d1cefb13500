"""Errors that the CLI turns into one line naming the file and the problem."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional controls:
# a path or id holding one could break a message into two lines ("error: forged" at the start
# of the second), move the cursor, recolour the terminal, or reorder what the reader sees.
# Lone surrogates too: they are what os.fsdecode makes of a file name's bytes that are not
# UTF-8, and stdout cannot encode them. And the noncharacters U+FFFE/U+FFFF, which no XML holds.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
                          "\ufffe\uffff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` safe to print inside a one-line message: every control, line-breaking or bidi
    character is written as a Python-style escape (newline -> \\n, U+202E -> \\u202e).

    Idempotent (an escaped text has nothing left to escape), so layers that each escape what
    they print never double the backslashes."""
    return _UNPRINTABLE.sub(_escape, str(text))


def one_line(error: BaseException) -> str:
    """An exception's message on one line of at most 200 characters (its type's name when it
    says nothing): a library's multi-line message inside `error: FILE: …` would break the one-line
    report a batch prints per file."""
    return " ".join(str(error).split())[:200] or type(error).__name__


def internal_error(error: BaseException) -> str:
    """The problem, in one line, of an error no reader anticipated (a bug, or memory exhausted)."""
    return f"internal error ({type(error).__name__}): {one_line(error)}"


class InputError(Exception):
    """Raised for input that cannot be read; `str()` is the one-line report, safe to print."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{printable(source)}: {printable(problem)}")
        self.source = source
        self.problem = problem

    def __reduce__(self):
        # a build worker's error crosses to the build in a pickle, which would call __init__
        # with the one-line message alone (and break the process pool): rebuilt from its parts
        return type(self), (self.source, self.problem), self.__dict__
