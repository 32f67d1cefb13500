"""Consonant skeletons for matching transliterated words: 케플러 ~ Kepler, 컴퓨터 ~ computer.

Korean writes foreign names and loanwords by sound, so after dropping vowels (which
Korean adds to break up consonant clusters: 스키 ~ ski) the consonants of both spellings
fall into the same coarse classes.  This covers names the transliteration table does
not list.  Classes: K (k, hard c/g, q), T (t, d, th), P (p, b, f, v), S (s, sh, soft c),
J (j, ch, z, soft g), R (r, l), M, N; h, w, y and vowels are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from toolkit.hangul import decompose, is_syllable

__all__ = ["skeleton_ko", "skeleton_en", "similar"]

_INITIAL = ["K", "K", "N", "T", "T", "R", "M", "P", "P", "S", "S", "", "J", "J", "J", "K", "T", "P", ""]
_FINAL = ["", "K", "K", "K", "N", "N", "N", "T", "R", "K", "M", "R", "R", "R", "P", "R", "M", "P", "P", "T", "T", "N", "T", "T", "K", "T", "P", "T"]


def _collapse(classes: list[str]) -> str:
    out: list[str] = []
    for c in classes:
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=32768)
def skeleton_ko(word: str) -> str:
    """Consonant classes of a Hangul word ('' when it has no Hangul)."""
    classes: list[str] = []
    for ch in word:
        if not is_syllable(ch):
            continue
        i, _, f = decompose(ch)
        classes.append(_INITIAL[i])
        classes.append(_FINAL[f])
    return _collapse(classes)


_EN_RULES = [
    (re.compile(r"ph"), "f"), (re.compile(r"ck"), "k"), (re.compile(r"x"), "ks"),
    (re.compile(r"qu"), "k"), (re.compile(r"gh"), ""), (re.compile(r"ng"), "n"),
    # 'ch' before 'r' is hard (Chris 크리스, Christian 크리스천); 'ti' of the endings -tion, -tious,
    # -tial inside a word is soft (Association 어소시에이션, nation 네이션), not 'ti' elsewhere
    # (Tianjin 톈진, Croatia 크로아티아, Santiago 산티아고)
    (re.compile(r"ch(?=r)"), "k"), (re.compile(r"(?<=[a-z])t(?=i(?:on|ous|al))"), "S"),
    (re.compile(r"tch"), "J"), (re.compile(r"ch"), "J"), (re.compile(r"sh"), "S"),
    (re.compile(r"th"), "t"), (re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"g(?=[eiy])"), "J"),
    # non-rhotic: Gordon -> 고든, computer -> 컴퓨터; but an r before a w is sounded (Norway -> 노르웨이),
    # and is how a romanized Korean name writes ㄹ before ㅇ+ㅝ (철원 Cheorwon)
    (re.compile(r"r(?![aeiouyw])"), ""),
]
_EN_CLASS = {
    "k": "K", "c": "K", "g": "K", "q": "K", "t": "T", "d": "T", "p": "P", "b": "P", "f": "P",
    "v": "P", "s": "S", "S": "S", "j": "J", "J": "J", "z": "J", "r": "R", "l": "R", "m": "M", "n": "N",
}


@lru_cache(maxsize=32768)
def skeleton_en(word: str) -> str:
    """Consonant classes of an English word, read the way Korean transliterates it."""
    w = re.sub(r"[^a-z]", "", word.lower())
    w = re.sub(r"(.)\1", r"\1", w)
    for pattern, repl in _EN_RULES:
        w = pattern.sub(repl, w)
    return _collapse([_EN_CLASS.get(ch, "") for ch in w])


def within(a: str, b: str, k: int) -> bool:
    """Is the edit distance of a and b at most k? Only the diagonal band |i - j| <= k can
    hold such a path, and a row whose band is all above k ends the search (long articles
    compare hundreds of thousands of skeleton pairs)."""
    if abs(len(a) - len(b)) > k:
        return False
    big = k + 1
    prev = [j if j <= k else big for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        lo, hi = max(1, i - k), min(len(b), i + k)
        cur = [big] * (len(b) + 1)
        cur[0] = i if i <= k else big
        for j in range(lo, hi + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != b[j - 1]), big)
        if min(cur[max(0, lo - 1): hi + 1]) > k:
            return False
        prev = cur
    return prev[-1] <= k


@lru_cache(maxsize=131072)
def _close(a: str, b: str) -> bool:
    """Two consonant skeletons at least 74% alike (edit distance over the longer length)."""
    n = max(len(a), len(b))
    return within(a, b, int(0.26 * n + 1e-9))


@lru_cache(maxsize=32768)
def skeletons_en(word: str) -> tuple[str, ...]:
    """The skeletons of an English word's readings: an r before a w is sounded (Norway 노르웨이,
    Cheorwon 철원) or silent (Darwin 다윈, Sherwood 셔우드), so such a word has both."""
    sounded = skeleton_en(word)
    if not _R_BEFORE_W.search(word):
        return (sounded,)
    silent = skeleton_en(_R_BEFORE_W.sub("", word))
    return (sounded,) if silent == sounded else (sounded, silent)


_R_BEFORE_W = re.compile(r"(?<![rR])[rR]+(?=[wW])")  # from a run's first r only: linear on a long run of r


@lru_cache(maxsize=131072)
def similar(ko_word: str, en_word: str) -> bool:
    """True when a Hangul word plausibly transliterates an English word (in either reading of an
    r before a w: `skeletons_en`)."""
    a = skeleton_ko(ko_word)
    return any(_similar_skeletons(a, b) for b in skeletons_en(en_word))


def _similar_skeletons(a: str, b: str) -> bool:
    """`similar` on a Korean and an English skeleton."""
    n = max(len(a), len(b))
    if min(len(a), len(b)) < 2:
        return False
    if n <= 2:
        return a == b
    if a[0] != b[0] and a[-1] != b[-1] or abs(len(a) - len(b)) > n // 4:
        return False
    return _close(a, b)
