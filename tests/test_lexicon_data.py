"""The built-in lexicon and transliteration tables: format, size, and Kiwi lemma keys.

The aligner looks Korean lemmas up in these tables, so a key that Kiwi never produces
(a compound it splits, a conjugated form) is dead weight; these tests catch such keys.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from conftest import repo_root

DATA = repo_root() / "toolkit" / "data"
LEXICON = DATA / "lexicon.tsv"
TRANSLIT = DATA / "transliterations.tsv"

KEY_RE = re.compile(r"^[가-힣A-Za-z0-9]+$")
LETTER_RE = re.compile(r"[가-힣A-Za-z]")
EN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .,'&/\-]*$")

NOUNISH = {"NNG", "NNP", "NNB", "NR", "NP", "MAG", "MAJ", "MM", "XR", "SL", "SN", "IC"}
VERBISH = {"VV", "VA", "VX", "VCN"}
# Isolated nouns are sometimes mis-split (포로 -> 포/NNG + 로/JKB); in a short phrase
# Kiwi segments them as it does in running text.
NOUN_FRAMES = ("그 {}에 대해", "{}의", "{}는")
# Verbs are checked on the stem in a phrase (알려지는 것), since Kiwi splits some
# citation forms (알려지다 -> 알리 + 어 + 지) that it keeps whole in running text.
VERB_FRAMES = ("{}는 것", "{}고 있다")


def read_pairs(path: Path) -> list[tuple[int, str, str]]:
    """(line number, ko, en) for every data line; comments and blank lines skipped."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 2, f"{path.name}:{n}: expected ko<TAB>en, got {line!r}"
        rows.append((n, fields[0], fields[1]))
    return rows


@cache
def lexicon() -> list[tuple[int, str, str]]:
    return read_pairs(LEXICON)


@cache
def transliterations() -> list[tuple[int, str, str]]:
    return read_pairs(TRANSLIT)


@pytest.mark.parametrize("table", [lexicon, transliterations], ids=["lexicon", "transliterations"])
def test_fields_are_clean(table):
    for n, ko, en in table():
        assert ko and en, f"line {n}: empty field"
        assert ko == ko.strip() and en == en.strip(), f"line {n}: stray whitespace"
        assert KEY_RE.match(ko) and LETTER_RE.search(ko), f"line {n}: key {ko!r} is not a Hangul/Latin word"
        assert EN_RE.match(en), f"line {n}: English {en!r} has unexpected characters"
        assert "  " not in en, f"line {n}: double space in {en!r}"


@pytest.mark.parametrize("table", [lexicon, transliterations], ids=["lexicon", "transliterations"])
def test_no_duplicate_pairs(table):
    counts = Counter((ko, en) for _, ko, en in table())
    dupes = [pair for pair, c in counts.items() if c > 1]
    assert not dupes, f"duplicate pairs: {dupes[:10]}"


def test_lexicon_english_is_lower_case_except_proper_nouns():
    """Common words are lower case; a word with capitals must start with one (Iraq, UN, McCain)."""
    bad = []
    for n, _, en in lexicon():
        for word in re.split(r"[ \-/]", en):
            if any(c.isupper() for c in word) and not word[0].isupper():
                bad.append((n, en))
    assert not bad, f"mixed-case words: {bad[:10]}"


def test_lexicon_english_is_lemma_not_passive():
    """'be reported' style renderings are not lemmas; the verb itself is."""
    bad = [(n, en) for n, _, en in lexicon() if en.startswith("be ") or en == "be not"]
    assert not bad, bad[:10]


def test_transliterations_are_proper_nouns():
    bad = [(n, en) for n, _, en in transliterations() if not any(c.isupper() for c in en)]
    assert not bad, f"transliteration without a capital: {bad[:10]}"


def test_size_floors():
    lex_keys = {ko for _, ko, _ in lexicon()}
    assert len(lex_keys) >= 2500
    assert len(lexicon()) >= 4000
    assert len(transliterations()) >= 800


def test_core_news_vocabulary_present():
    """Keys the brief names must be there with the expected rendering."""
    pairs = {(ko, en) for _, ko, en in lexicon()}
    for pair in [("탈북자", "defector"), ("송환", "repatriation"), ("체포", "arrest"),
                 ("밝히다", "say"), ("숨지다", "die"), ("지난달", "last month"),
                 ("퍼센트", "percent"), ("대변인", "spokesman")]:
        assert pair in pairs, pair
    names = {(ko, en) for _, ko, en in transliterations()}
    for pair in [("부시", "Bush"), ("이라크", "Iraq"), ("김정은", "Kim Jong Un"), ("해주", "Haeju")]:
        assert pair in names, pair


@cache
def kiwi():
    kiwipiepy = pytest.importorskip("kiwipiepy")
    return kiwipiepy.Kiwi()


def base_tag(token) -> str:
    return token.tag.split("-")[0]  # VV-R, VA-I: irregular conjugation marks


def is_kiwi_lemma(key: str) -> bool:
    """True when Kiwi yields `key` as one content morpheme (verbs: the stem of key minus 다)."""
    k = kiwi()
    toks = k.tokenize(key)
    if len(toks) == 1 and toks[0].form == key and base_tag(toks[0]) in NOUNISH | VERBISH:
        return True
    if key.endswith("다") and len(key) > 1:
        if (len(toks) >= 3 and base_tag(toks[0]) in ("NNG", "XR") and toks[1].tag in ("XSV", "XSA")
                and key == toks[0].form + toks[1].form + "다"):
            return False  # 말하다 -> 말/NNG + 하/XSV: running text gives the noun, so key the noun
        stem = key[:-1]
        for frame in VERB_FRAMES:
            cand = k.tokenize(frame.format(stem))
            if cand and cand[0].form == stem and base_tag(cand[0]) in VERBISH:
                return True
        for cand, _ in k.analyze(key, top_n=4):
            if (cand and cand[0].form == stem and base_tag(cand[0]) in VERBISH
                    and all(t.tag.startswith("E") for t in cand[1:])):
                return True
        return False
    return any(
        t.form == key and base_tag(t) in NOUNISH
        for frame in NOUN_FRAMES
        for t in k.tokenize(frame.format(key))
    )


def is_joined_compound(key: str) -> bool:
    """True when Kiwi splits the noun `key` into two or three adjacent nouns (a noun first, then
    nouns or a noun suffix such as 꾼, 원, 성) that spell it: the aligner looks such joined forms up
    (scoring.ko_features), so a compound whose rendering is not the sum of its parts can be a key
    (보위원 'security agent' is 보 + 위원 to Kiwi, 일꾼 'official' is 일 + 꾼)."""
    k = kiwi()
    for frame in NOUN_FRAMES:
        toks = k.tokenize(frame.format(key))
        for start, tok in enumerate(toks):
            if tok.tag not in ("NNG", "NNP") or not key.startswith(tok.form) or tok.form == key:
                continue
            joined, end = tok.form, tok.start + tok.len
            for nxt in toks[start + 1:start + 3]:
                if nxt.tag not in ("NNG", "NNP", "XSN") or nxt.start != end:
                    break
                joined, end = joined + nxt.form, nxt.start + nxt.len
                if joined == key:
                    return True
    return False


def test_checker_rejects_non_lemmas():
    """The check itself must tell lemmas from compounds and conjugated forms."""
    assert is_kiwi_lemma("탈북자") and is_kiwi_lemma("밝히다") and is_kiwi_lemma("포로")
    assert is_kiwi_lemma("알려지다") and is_kiwi_lemma("불리다")  # whole VV in running text
    assert not is_kiwi_lemma("인권단체")  # split into 인권 + 단체
    assert not is_kiwi_lemma("체포하다")  # 체포/NNG + 하/XSV: the key is 체포
    assert not is_kiwi_lemma("말하다")  # likewise 말/NNG + 하/XSV
    assert not is_kiwi_lemma("밝혔다")  # conjugated
    assert is_joined_compound("인권단체") and is_joined_compound("보위원")  # looked up joined
    assert not is_joined_compound("체포하다") and not is_joined_compound("탈북자")


def test_every_lexicon_key_is_a_kiwi_lemma():
    """Every key is one Kiwi morpheme, or a compound of two or three that the aligner looks up joined."""
    keys = sorted({ko for _, ko, _ in lexicon()})
    failures = [key for key in keys if not is_kiwi_lemma(key) and not is_joined_compound(key)]
    assert not failures, f"{len(failures)}/{len(keys)} keys are neither Kiwi lemmas nor joined compounds: {failures[:20]}"
