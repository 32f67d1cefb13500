"""The hand-made fixtures: expected ingest output, declared encodings, and the gold alignments.

Every fixtures/articles/<name>.(txt|html) has a <name>.expected.json written by hand (the
`transprov ingest --json` object minus "source"); ingest must reproduce it field by field.
The gold files are checked for coverage (every body sentence exactly once on each side,
beads in document order) against the segmentation documented in fixtures/seed/README.md,
and, through the toolkit, against the sentences that segment_article actually produces.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import repo_root

FIXTURES = repo_root() / "fixtures"
ARTICLES = FIXTURES / "articles"
SEED = FIXTURES / "seed"
CORPUS = FIXTURES / "corpus"
ARTICLE_SUFFIXES = (".txt", ".html")
SUMMARY_KEYS = ["language", "title", "dek", "date", "captions", "paragraphs", "credit_paragraphs", "credits"]
CREDIT_KEYS = ["role", "name", "service", "organization", "language", "order", "agent"]
# encoding tag in a file name (<name>.<tag>.txt) -> how its bytes must decode
ENCODING_TAGS = {"utf8-bom", "utf16le", "cp949", "euc-kr"}

EXPECTED = sorted(ARTICLES.glob("*.expected.json"))


def article_for(expected: Path) -> Path:
    stem = expected.name[: -len(".expected.json")]
    found = [expected.with_name(stem + s) for s in ARTICLE_SUFFIXES if expected.with_name(stem + s).exists()]
    assert len(found) == 1, f"{expected.name}: expected exactly one article file {stem}.txt or {stem}.html"
    return found[0]


def encoding_tag(path: Path) -> str | None:
    parts = path.name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in ENCODING_TAGS else None


def article_files() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if p.suffix in ARTICLE_SUFFIXES)


# ----------------------------------------------------------------------------- fixture hygiene


def test_enough_fixture_articles_each_with_expected_json():
    articles = article_files()
    expected_for = {article_for(e) for e in EXPECTED}
    assert set(articles) == expected_for, (
        f"articles without expected JSON: {sorted(p.name for p in set(articles) - expected_for)}")
    assert len(articles) >= 17, f"only {len(articles)} fixture articles"
    assert (ARTICLES / "seed-rfa-defectors.txt").read_bytes() == (SEED / "en.txt").read_bytes()
    tags = {encoding_tag(p) for p in articles}
    assert ENCODING_TAGS <= tags, f"no fixture in encodings {sorted(ENCODING_TAGS - tags)}"
    assert {".txt", ".html"} <= {p.suffix for p in articles}


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name)
def test_expected_json_is_well_formed(expected: Path):
    data = json.loads(expected.read_text(encoding="utf-8"))
    assert list(data) == SUMMARY_KEYS, f"{expected.name}: keys {list(data)}"
    assert data["language"] in {"en", "ko"}
    assert data["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"])
    assert data["paragraphs"] and all(isinstance(p, str) and p == p.strip() for p in data["paragraphs"])
    from toolkit.model import ROLES

    for n, credit in enumerate(data["credits"], 1):
        assert list(credit) == CREDIT_KEYS, f"{expected.name}: credit {n} keys {list(credit)}"
        assert credit["order"] == n, f"{expected.name}: credit {n} has order {credit['order']}"
        assert credit["role"] in ROLES, f"{expected.name}: credit {n} role {credit['role']!r}"


# ----------------------------------------------------------------------------- ingest reproduces the expected JSON


def _first_difference(actual: list, expected: list) -> str:
    for i, (a, e) in enumerate(zip(actual, expected)):
        if a != e:
            return f"first difference at [{i}]:\n    got      {a!r}\n    expected {e!r}"
    if len(actual) != len(expected):
        extra = actual[len(expected):] or expected[len(actual):]
        who = "got" if len(actual) > len(expected) else "missing"
        return f"{len(actual)} items, expected {len(expected)}; {who} {extra[0]!r} …"
    return "equal"


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name)
def test_ingest_matches_expected(expected_path: Path):
    from toolkit.ingest import read_article
    from toolkit.report import article_summary

    path = article_for(expected_path)
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    actual = article_summary(read_article(path))
    actual.pop("source", None)
    problems = []
    for field in SUMMARY_KEYS:
        got, want = actual.get(field), expected[field]
        if got == want:
            continue
        if isinstance(want, list) and isinstance(got, list):
            problems.append(f"{field}: {_first_difference(got, want)}")
        else:
            problems.append(f"{field}: got {got!r}, expected {want!r}")
    assert not problems, f"{path.name}:\n  " + "\n  ".join(problems)


# ----------------------------------------------------------------------------- declared encodings


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _strict_euc_kr(data: bytes) -> bool:
    """Every non-ASCII byte pair is a KS X 1001 code (0xA1-0xFE both), no 8-byte jamo sequences."""
    i = 0
    while i < len(data):
        if data[i] < 0x80:
            i += 1
            continue
        if i + 1 >= len(data) or not (0xA1 <= data[i] <= 0xFE and 0xA1 <= data[i + 1] <= 0xFE):
            return False
        if data[i:i + 2] == b"\xa4\xd4":  # KS X 1001 filler: a syllable outside the standard
            return False
        i += 2
    return True


@pytest.mark.parametrize("path", article_files(), ids=lambda p: p.name)
def test_fixture_bytes_are_in_the_declared_encoding(path: Path):
    data = path.read_bytes()
    tag = encoding_tag(path)
    if tag is None:
        assert not data.startswith(b"\xef\xbb\xbf"), f"{path.name}: BOM but no utf8-bom tag"
        assert _is_utf8(data), f"{path.name}: untagged fixtures are UTF-8"
    elif tag == "utf8-bom":
        assert data.startswith(b"\xef\xbb\xbf") and _is_utf8(data)
    elif tag == "utf16le":
        assert data.startswith(b"\xff\xfe"), f"{path.name}: no UTF-16 LE BOM"
        text = data[2:].decode("utf-16-le")
        assert "\ufeff" not in text and not _is_utf8(data)
    elif tag == "cp949":
        text = data.decode("cp949")
        assert not _is_utf8(data), f"{path.name}: decodes as UTF-8"
        assert not _strict_euc_kr(data), f"{path.name}: is plain EUC-KR, nothing CP949-only in it"
        assert re.search("[\uac00-\ud7a3]", text)
    elif tag == "euc-kr":
        text = data.decode("euc_kr")
        assert not _is_utf8(data), f"{path.name}: decodes as UTF-8"
        assert _strict_euc_kr(data), f"{path.name}: bytes outside KS X 1001"
        assert re.search("[\uac00-\ud7a3]", text)
        if path.suffix == ".html":
            assert re.search(rb"charset=[\"']?euc-kr", data, re.I), f"{path.name}: no charset declaration"


# ----------------------------------------------------------------------------- gold alignments


def read_gold(path: Path) -> list[tuple[list[str], list[str]]]:
    beads = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        assert line.count("\t") == 1, f"{path.name}:{n}: not `en_ids<TAB>ko_ids`"
        en, ko = (side.split() for side in line.split("\t"))
        assert en or ko, f"{path.name}:{n}: empty bead"
        for i in en + ko:
            assert re.fullmatch(r"(en|ko)-s[1-9]\d*", i), f"{path.name}:{n}: bad id {i!r}"
        assert all(i.startswith("en-") for i in en) and all(i.startswith("ko-") for i in ko), f"{path.name}:{n}"
        beads.append((en, ko))
    return beads


def assert_covers(path: Path, beads, n_en: int, n_ko: int) -> None:
    """Each sentence 1..n exactly once on each side, in document order."""
    for side, lang, n in ((0, "en", n_en), (1, "ko", n_ko)):
        ids = [int(i.split("-s")[1]) for bead in beads for i in bead[side]]
        assert ids == list(range(1, n + 1)), (
            f"{path.name}: {lang} ids are not 1..{n} once each in order: {ids}")


def documented_segmentation() -> dict[str, list[tuple[int, str]]]:
    """fixtures/seed/README.md: `- en-s3 (paragraph 3): First words …` -> {"en": [(3, "First words")]}."""
    found: dict[str, list[tuple[int, str]]] = {"en": [], "ko": []}
    pattern = re.compile(r"^- (en|ko)-s(\d+) \(paragraph \d+\): (.+?) …$")
    for line in (SEED / "README.md").read_text(encoding="utf-8").splitlines():
        if m := pattern.match(line):
            found[m.group(1)].append((int(m.group(2)), m.group(3)))
    return found


def test_seed_gold_covers_the_documented_segmentation():
    doc = documented_segmentation()
    n_en, n_ko = len(doc["en"]), len(doc["ko"])
    assert [n for n, _ in doc["en"]] == list(range(1, n_en + 1)) and n_en == 22
    assert [n for n, _ in doc["ko"]] == list(range(1, n_ko + 1)) and n_ko >= 15
    beads = read_gold(SEED / "gold.tsv")
    assert_covers(SEED / "gold.tsv", beads, n_en, n_ko)
    # the documented first words occur in the seed texts, in order
    for lang, name in (("en", "en.txt"), ("ko", "ko.txt")):
        text = " ".join((SEED / name).read_text(encoding="utf-8").split())
        at = 0
        for n, words in doc[lang]:
            found = text.find(words, at)
            assert found >= 0, f"{lang}-s{n} {words!r} not found in {name} after position {at}"
            at = found + len(words)
    added = [bead[0][0] for bead in beads if bead[0] and not bead[1]]
    assert len(added) == 6, f"the six sentences added in English, got {added}"


def _gold_pairs() -> list[tuple[Path, Path, Path]]:
    pairs = [(SEED / "gold.tsv", SEED / "en.txt", SEED / "ko.txt")]
    for gold in sorted((FIXTURES / "gold").glob("*.tsv")):
        pairs.append((gold, CORPUS / gold.stem / "en.txt", CORPUS / gold.stem / "ko.txt"))
    return pairs


@pytest.mark.parametrize("gold,en,ko", _gold_pairs(), ids=lambda p: p.parent.name + "/" + p.name)
def test_gold_covers_every_body_sentence_the_toolkit_finds(gold: Path, en: Path, ko: Path):
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article

    en_sentences = segment_article(read_article(en)).sentences
    ko_sentences = segment_article(read_article(ko)).sentences
    assert [s.id for s in en_sentences] == [f"en-s{i}" for i in range(1, len(en_sentences) + 1)]
    assert_covers(gold, read_gold(gold), len(en_sentences), len(ko_sentences))
    if gold.parent == SEED:  # and they are the sentences the README lists
        doc = documented_segmentation()
        for lang, sentences in (("en", en_sentences), ("ko", ko_sentences)):
            for (n, words), sentence in zip(doc[lang], sentences):
                assert sentence.text.startswith(words), f"{lang}-s{n}: {sentence.text[:60]!r} vs {words!r}"


def test_gold_pairs_have_one_addition_and_one_omission_each():
    for gold, _, _ in _gold_pairs()[1:]:
        beads = read_gold(gold)
        assert sum(1 for e, k in beads if e and not k) == 1, gold.name
        assert sum(1 for e, k in beads if k and not e) == 1, gold.name


# ----------------------------------------------------------------------------- the fixture corpus


def test_corpus_layout():
    ids = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    assert {"rfa-defectors", "rfa-defectors-3yr", "english-only"} <= set(ids)
    assert len(ids) >= 6
    for article_id in ids:
        assert (CORPUS / article_id / "en.txt").is_file(), article_id
    assert not (CORPUS / "english-only" / "ko.txt").exists()
    seed_en, seed_ko = (SEED / "en.txt").read_bytes(), (SEED / "ko.txt").read_text(encoding="utf-8")
    assert (CORPUS / "rfa-defectors/en.txt").read_bytes() == seed_en
    assert (CORPUS / "rfa-defectors/ko.txt").read_text(encoding="utf-8") == seed_ko
    assert (CORPUS / "rfa-defectors-3yr/en.txt").read_bytes() == seed_en
    changed = (CORPUS / "rfa-defectors-3yr/ko.txt").read_text(encoding="utf-8")
    assert seed_ko.count("5년") == 1 and changed == seed_ko.replace("5년", "3년")
    assert "five years" in seed_en.decode("utf-8")
