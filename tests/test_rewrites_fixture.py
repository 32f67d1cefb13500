"""The rewrite evaluation set: fixtures/rewrites/<id>/{en.txt, ko.txt, gold.tsv}.

These pairs tune and measure the aligner, so a gold file that drifts from the sentences the
toolkit produces would silently score the aligner against the wrong answer. Checked here:
the gold's shape (bead types, monotonic ids, a background block and an omission in every
pair, like the seed), its coverage of every body sentence once on each side in order as
ingest + segmentation produce them, and the README's sentence listing.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import repo_root

REWRITES = repo_root() / "fixtures" / "rewrites"
BEAD_TYPES = {"0-1", "1-0", "1-1", "1-2", "2-1", "1-3", "3-1", "2-2"}
PAIRS = sorted(p for p in REWRITES.iterdir() if p.is_dir()) if REWRITES.is_dir() else []
# translation-style pairs (README: "Translation-style pairs"): splits up to 4-1, crossing links
TRANSLATIONS = [p for p in PAIRS if p.name.startswith("tr-")]
REWRITE_SHAPED = [p for p in PAIRS if p not in TRANSLATIONS]
Beads = list[tuple[list[str], list[str]]]


def read_gold(path: Path) -> Beads:
    """`en_ids<TAB>ko_ids` lines (either side may be empty), '#' comments and blank lines skipped."""
    beads: Beads = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        assert line.count("\t") == 1, f"{path}:{n}: not `en_ids<TAB>ko_ids`"
        en, ko = (side.split() for side in line.split("\t"))
        for lang, ids in (("en", en), ("ko", ko)):
            for i in ids:
                assert re.fullmatch(rf"{lang}-s[1-9]\d*", i), f"{path}:{n}: bad {lang} id {i!r}"
        beads.append((en, ko))
    return beads


def numbers(ids: list[str]) -> list[int]:
    return [int(i.split("-s")[1]) for i in ids]


@functools.cache
def segmented(pair: Path) -> tuple[list, list]:
    """(English sentences, Korean sentences) of one pair as ingest + segmentation give them."""
    try:
        from toolkit.ingest import read_article
        from toolkit.segment import segment_article
    except ImportError as error:
        pytest.skip(f"toolkit.ingest / toolkit.segment not importable yet: {error}")
    en = segment_article(read_article(pair / "en.txt")).sentences
    ko = segment_article(read_article(pair / "ko.txt")).sentences
    return en, ko


def documented(pair: Path) -> dict[str, list[tuple[int, int, str]]]:
    """The README section of one pair: `- en-s3 (paragraph 2): First words …` -> (3, 2, words)."""
    text = (REWRITES / "README.md").read_text(encoding="utf-8")
    section = re.search(rf"^## {re.escape(pair.name)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert section, f"README.md has no section for {pair.name}"
    found: dict[str, list[tuple[int, int, str]]] = {"en": [], "ko": []}
    for m in re.finditer(r"^- (en|ko)-s(\d+) \(paragraph (\d+)\): (.+?) …$", section.group(1), re.M):
        found[m.group(1)].append((int(m.group(2)), int(m.group(3)), m.group(4)))
    return found


def test_the_set_has_eight_pairs_with_all_files():
    assert len(PAIRS) >= 8, f"expected at least 8 pairs in {REWRITES}, found {[p.name for p in PAIRS]}"
    for pair in PAIRS:
        for name in ("en.txt", "ko.txt", "gold.tsv"):
            assert (pair / name).is_file(), f"{pair.name}/{name} missing"


@pytest.mark.parametrize("pair", REWRITE_SHAPED, ids=lambda p: p.name)
def test_gold_shape_is_a_rewrite_like_the_seed(pair: Path):
    beads = read_gold(pair / "gold.tsv")
    types = Counter(f"{len(en)}-{len(ko)}" for en, ko in beads)
    assert set(types) <= BEAD_TYPES, f"{pair.name}: bead types {sorted(set(types) - BEAD_TYPES)} not allowed"
    for lang, side in (("en", 0), ("ko", 1)):
        ids = [n for bead in beads for n in numbers(bead[side])]
        assert ids == list(range(1, len(ids) + 1)), f"{pair.name}: {lang} ids not 1..n once each in order: {ids}"
    n_en = sum(len(en) for en, _ in beads)
    n_ko = sum(len(ko) for _, ko in beads)
    assert 12 <= n_en <= 28 and 10 <= n_ko <= 22, f"{pair.name}: {n_en} en / {n_ko} ko sentences"
    assert 1 <= types["0-1"] <= 3, f"{pair.name}: {types['0-1']} Korean sentences left out"
    assert types["2-1"] + types["3-1"] + types["2-2"] >= 1, f"{pair.name}: no Korean sentence split"
    assert types["1-2"] + types["1-3"] + types["2-2"] >= 1, f"{pair.name}: no Korean sentences merged"
    # a block of 2-6 consecutive English additions (background from news agencies)
    runs, run = [], 0
    for en, ko in beads + [([], ["end"])]:
        if en and not ko:
            run += 1
        elif run:
            runs.append(run)
            run = 0
    assert any(2 <= r <= 6 for r in runs), f"{pair.name}: no background block of 2-6 sentences (runs {runs})"


@pytest.mark.parametrize("pair", TRANSLATIONS, ids=lambda p: p.name)
def test_gold_shape_of_a_translation(pair: Path):
    """What real translators do: every Korean id once (a reordered lede crosses links, so in
    English order the Korean ids need not ascend) and at least one sentence split into three
    or four English sentences."""
    beads = read_gold(pair / "gold.tsv")
    types = Counter(f"{len(en)}-{len(ko)}" for en, ko in beads)
    assert set(types) <= BEAD_TYPES | {"4-1", "1-4", "3-2", "2-3"}, pair.name
    assert types["3-1"] + types["4-1"] >= 1, f"{pair.name}: no 3-1 or 4-1 split"
    en_ids = [n for en, _ in beads for n in numbers(en)]
    ko_ids = [n for _, ko in beads for n in numbers(ko)]
    assert en_ids == list(range(1, len(en_ids) + 1)), pair.name
    assert sorted(ko_ids) == list(range(1, len(ko_ids) + 1)), pair.name


def test_translation_pairs_hold_what_real_translators_do():
    beads = {p.name: read_gold(p / "gold.tsv") for p in TRANSLATIONS}
    types = Counter(f"{len(en)}-{len(ko)}" for bs in beads.values() for en, ko in bs)
    assert types["4-1"] >= 1 and types["3-1"] >= 2
    crossing = [name for name, bs in beads.items()
                if [n for _, ko in bs for n in numbers(ko)] != sorted(n for _, ko in bs for n in numbers(ko))]
    assert crossing, "no reordered lede"
    english = " ".join((p / "en.txt").read_text(encoding="utf-8") for p in TRANSLATIONS)
    korean = " ".join((p / "ko.txt").read_text(encoding="utf-8") for p in TRANSLATIONS)
    assert re.search(r"\(about (USD|US\$)", english) and "(한화 약" in korean  # conversions in parentheses
    assert "지난달 23일" in korean and "Feb. 23" in english and "on Tuesday" in english  # dates resolved
    assert "중국돈 1만 원" in korean and "CNY 10,000" in english  # 원 used for yuan


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_gold_covers_every_body_sentence_the_toolkit_finds(pair: Path):
    en, ko = segmented(pair)
    beads = read_gold(pair / "gold.tsv")
    assert [i for bead in beads for i in bead[0]] == [s.id for s in en], (
        f"{pair.name}: gold English ids differ from the segmentation "
        f"({len(en)} sentences: {[s.text[:40] for s in en]})")
    if pair in TRANSLATIONS:  # crossing links: every Korean sentence once, in any order
        assert sorted(i for bead in beads for i in bead[1]) == sorted(s.id for s in ko), pair.name
        return
    assert [i for bead in beads for i in bead[1]] == [s.id for s in ko], (
        f"{pair.name}: gold Korean ids differ from the segmentation "
        f"({len(ko)} sentences: {[s.text[:30] for s in ko]})")


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_readme_lists_the_sentences_the_toolkit_finds(pair: Path):
    en, ko = segmented(pair)
    doc = documented(pair)
    for lang, sentences in (("en", en), ("ko", ko)):
        listed = doc[lang]
        assert [n for n, _, _ in listed] == list(range(1, len(sentences) + 1)), (
            f"{pair.name}: README lists {lang} ids {[n for n, _, _ in listed]}, segmentation gives {len(sentences)}")
        for (n, paragraph, words), sentence in zip(listed, sentences):
            assert sentence.text.startswith(words), f"{pair.name} {lang}-s{n}: {sentence.text[:60]!r} vs {words!r}"
            assert sentence.paragraph + 1 == paragraph, f"{pair.name} {lang}-s{n}: paragraph {paragraph}"


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_credits_stay_out_of_the_body(pair: Path):
    """The English credit line, the Korean byline and the sign-off are credits, never body sentences."""
    en, ko = segmented(pair)
    assert not any(s.text.startswith("Reported by") for s in en), pair.name
    assert not any(re.search(r"기자가 보도합니다|자유아시아방송 \S+입니다\.$", s.text) for s in ko), pair.name
