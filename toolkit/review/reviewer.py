"""Who is reviewing: --reviewer, else TRANSPROV_REVIEWER, else git's user.name.

And when: a review's time stamp is now (UTC, whole seconds), or SOURCE_DATE_EPOCH when set,
so that a scripted review can be reproduced byte for byte.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone

from toolkit.errors import InputError

ENV = "TRANSPROV_REVIEWER"


class NoReviewer(Exception):
    """No reviewer name could be found; `str()` says how to give one."""


def _git_user() -> str | None:
    try:
        result = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def resolve_reviewer(given: str | None = None) -> str:
    """The reviewer's name, from the first source that names one. The name goes into the
    TEI, which cannot hold a control character or the lone surrogates that bytes of another
    encoding become in a command's arguments: such a name is refused, not half written."""
    from toolkit.ingest.decode import has_unwritable, strip_invisible

    for name in (given, os.environ.get(ENV), _git_user()):
        if name is not None and name.strip():
            name = " ".join(strip_invisible(name).split())
            if has_unwritable(name):
                raise NoReviewer("the reviewer name holds a control character or bytes that are not UTF-8: "
                                 "give it as plain text")
            if name:
                return name
    raise NoReviewer(f"no reviewer name: pass --reviewer NAME, set {ENV}, or set git's user.name")


def review_time() -> str:
    """Now as an ISO 8601 UTC date-time (SOURCE_DATE_EPOCH, when set, stands for now)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        moment = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit()
                  else datetime.now(timezone.utc))
    except (OverflowError, OSError, ValueError):
        raise InputError("SOURCE_DATE_EPOCH", f"{epoch[:40]} seconds is not a time this system can write") from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
