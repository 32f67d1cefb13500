"""Results of pure functions of one sentence, kept: the aligner, the learner, the number check
and the terms step read the same sentences again and again."""

from __future__ import annotations

from functools import lru_cache, wraps
from typing import Callable, TypeVar

T = TypeVar("T")

KEPT_CHARS = 2000  # sentences are kept, not a whole page glued into one: the caches stay small


def kept_for_sentences(maxsize: int, long_maxsize: int = 0) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """An lru_cache of `maxsize` texts for a function of one text; texts over KEPT_CHARS go to a
    cache of only `long_maxsize` (none by default), so that a caller that reads a long text twice in
    a row keeps it without the cache holding many. The function must return an immutable value
    (callers share it)."""

    def wrap(function: Callable[[str], T]) -> Callable[[str], T]:
        kept = lru_cache(maxsize=maxsize)(function)
        long_kept = lru_cache(maxsize=long_maxsize)(function) if long_maxsize else function

        @wraps(function)
        def call(text: str) -> T:
            return kept(text) if len(text) <= KEPT_CHARS else long_kept(text)

        def cache_clear() -> None:  # a test starts from nothing kept
            kept.cache_clear()
            if long_maxsize:
                long_kept.cache_clear()  # type: ignore[attr-defined]

        call.cache_clear = cache_clear  # type: ignore[attr-defined]
        call.cache_info = kept.cache_info  # type: ignore[attr-defined]  # ... and sees what was kept
        return call

    return wrap
