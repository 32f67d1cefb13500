"""benchmarks/remap_gold.py: gold written on one segmentation is carried to another, so a
segmentation change can be scored on real pairs whose gold names sentences by id."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from conftest import repo_root

sys.path.insert(0, str(repo_root() / "benchmarks"))

from remap_gold import find, place, remap  # noqa: E402

ENGLISH = "Prices fell. Farmers gave up.\nThe ministry will buy 3,000 tons."
KOREAN = '값이 떨어졌습니다 [김영수/농민 : "너무 힘들어요"] 정부가 3천 톤을 사들입니다.'
GOLD = "# made-up pair\nen-s1 en-s2\tko-s1\nen-s3\tko-s2\n"


def _spans(en: list[str], ko: list[str]) -> dict:
    return {"en": place(ENGLISH, [(f"en-s{n}", t) for n, t in enumerate(en, 1)]),
            "ko": place(KOREAN, [(f"ko-s{n}", t) for n, t in enumerate(ko, 1)])}


OLD = _spans(["Prices fell.", "Farmers gave up.", "The ministry will buy 3,000 tons."],
             ['값이 떨어졌습니다 [김영수/농민 : "너무 힘들어요"]', "정부가 3천 톤을 사들입니다."])


def test_the_same_segmentation_gives_the_gold_back_byte_for_byte() -> None:
    done = remap(GOLD, OLD, OLD)
    assert done.text == GOLD and done.changes == []


def test_a_split_sentence_keeps_both_parts_in_its_bead_and_later_ids_shift() -> None:
    new = _spans(["Prices fell.", "Farmers gave up.", "The ministry will buy 3,000 tons."],
                 ["값이 떨어졌습니다", '[김영수/농민 : "너무 힘들어요"]', "정부가 3천 톤을 사들입니다."])
    done = remap(GOLD, OLD, new)
    assert done.text == "# made-up pair\nen-s1 en-s2\tko-s1 ko-s2\nen-s3\tko-s3\n"
    assert done.changes == ["split: ko-s1 -> ko-s1 ko-s2"]


def test_sentences_joined_into_one_merge_their_beads() -> None:
    gold = "en-s1\tko-s1\nen-s2\t\nen-s3\tko-s2\n"
    new = _spans(["Prices fell. Farmers gave up.", "The ministry will buy 3,000 tons."],
                 ['값이 떨어졌습니다 [김영수/농민 : "너무 힘들어요"]', "정부가 3천 톤을 사들입니다."])
    done = remap(gold, OLD, new)
    assert done.text == "en-s1\tko-s1\nen-s2\tko-s2\n"
    assert "joined: en-s1 en-s2 -> en-s1" in done.changes


def test_text_the_old_segmenter_dropped_becomes_a_null_bead_to_check() -> None:
    old = _spans(["Prices fell.", "The ministry will buy 3,000 tons."],
                 ['값이 떨어졌습니다 [김영수/농민 : "너무 힘들어요"]', "정부가 3천 톤을 사들입니다."])
    done = remap("en-s1\tko-s1\nen-s2\tko-s2\n", old, OLD)
    assert done.text == "en-s1\tko-s1\nen-s3\tko-s2\nen-s2\t\n"
    assert done.changes == ["new: en-s2 lies under no old sentence (null bead: check it)"]


def test_a_sentence_with_a_label_taken_out_of_its_middle_is_still_placed() -> None:
    text = "정부가 나섰습니다 이수진 기자가 보도합니다 [리포트] 값이 떨어졌습니다"
    spans = place(text, [("ko-s1", "정부가 나섰습니다 [리포트]"), ("ko-s2", "값이 떨어졌습니다")])
    assert [s[0] for s in spans] == ["ko-s1", "ko-s2"] and spans[0][2] <= spans[1][1]


_TREE = '''
"""A toolkit shaped like the project's, for two segmentations of the same text."""
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Sentence:
    id: str
    text: str


@dataclass
class Article:
    text: str
    sentences: list = field(default_factory=list)


def read_article(path):
    # decoded as the project's reader does: CP949 when not UTF-8, NFC; a file of whitespace is refused
    data = Path(path).read_bytes()
    if not data.strip():
        raise ValueError(f"{path}: no text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp949")
    return Article(unicodedata.normalize("NFC", text))


def segment_article(article):
    lang = "ko" if any("\\uac00" <= c <= "\\ud7a3" for c in article.text) else "en"
    pieces = [p.strip() for p in re.split(SEPARATOR, article.text) if p.strip()]
    article.sentences = [Sentence(f"{lang}-s{n}", p) for n, p in enumerate(pieces, 1)]
    return article
'''


def _tree(root: Path, separator: str) -> Path:
    package = root / "toolkit"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "ingest.py").write_text(textwrap.dedent(_TREE) + f"\nSEPARATOR = {separator!r}\n")
    (package / "segment.py").write_text("from toolkit.ingest import segment_article  # noqa: F401\n")
    return root


def test_the_command_segments_with_both_trees_and_never_writes_the_original(tmp_path: Path) -> None:
    pair = tmp_path / "set" / "p01"
    pair.mkdir(parents=True)
    (pair / "en.txt").write_text("Prices fell.|Farmers gave up.|The ministry buys rice.", encoding="utf-8")
    (pair / "ko.txt").write_text("값이 떨어졌고 농민들은 포기했습니다.|정부가 쌀을 사들입니다.", encoding="utf-8")
    (pair / "gold.tsv").write_text("en-s1 en-s2\tko-s1\nen-s3\tko-s2\n", encoding="utf-8")
    old, new = _tree(tmp_path / "old", r"\|"), _tree(tmp_path / "new", r"\||(?<=고) ")
    done = subprocess.run([sys.executable, str(repo_root() / "benchmarks" / "remap_gold.py"), str(old), str(new),
                           str(tmp_path / "set"), "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    copy = tmp_path / "out" / "set" / "p01"
    # the new tree also cuts after a clause ending in 고: the Korean first sentence is two now
    assert (copy / "gold.tsv").read_text(encoding="utf-8") == "en-s1 en-s2\tko-s1 ko-s2\nen-s3\tko-s3\n"
    assert "set/p01: split: ko-s1 -> ko-s1 ko-s2" in done.stderr
    assert (copy / "en.txt").resolve() == (pair / "en.txt").resolve()
    assert (pair / "gold.tsv").read_text(encoding="utf-8") == "en-s1 en-s2\tko-s1\nen-s3\tko-s2\n"


def test_a_folder_of_links_to_pairs_is_read_as_align_quality_reads_it(tmp_path: Path) -> None:
    pair = tmp_path / "set" / "p01"
    pair.mkdir(parents=True)
    for name in ("en.txt", "ko.txt", "gold.tsv"):
        (pair / name).write_text("x\n", encoding="utf-8")
    pooled = tmp_path / "pooled"
    pooled.mkdir()
    (pooled / "set_p01").symlink_to(pair)
    assert [p.gold.parent.name for p in find([pooled], tmp_path / "out")] == ["set_p01"]


def _pair(folder: Path, en: bytes, ko: bytes, gold: bytes) -> Path:
    folder.mkdir(parents=True)
    for name, data in (("en.txt", en), ("ko.txt", ko), ("gold.tsv", gold)):
        (folder / name).write_bytes(data)
    return folder


def _remap(old: Path, new: Path, *args: Path | str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(repo_root() / "benchmarks" / "remap_gold.py"), str(old), str(new),
                           *map(str, args)], capture_output=True, text=True)


EN = "Prices fell.|Farmers gave up.|The ministry buys rice.".encode()
KO = "값이 떨어졌고 농민들은 포기했습니다.|정부가 쌀을 사들입니다.".encode()
BOM_GOLD = b"\xef\xbb\xbfen-s1 en-s2\tko-s1\nen-s3\tko-s2\n"  # an editor's "UTF-8 with BOM"


@pytest.mark.parametrize("gold", [b"# made-up pair\r\nen-s1 en-s2\tko-s1\r\n\r\nen-s3\tko-s2\r\n",
                                  BOM_GOLD])  # a byte-order mark was read as part of the first id ("\ufeffen-s1")
def test_a_gold_with_crlf_line_ends_or_a_bom_comes_back_byte_for_byte(tmp_path: Path, gold: bytes) -> None:
    _pair(tmp_path / "set" / "p01", EN, KO, gold)
    tree = _tree(tmp_path / "tree", r"\|")
    done = _remap(tree, tree, tmp_path / "set", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "set" / "p01" / "gold.tsv").read_bytes() == gold


def test_texts_are_placed_as_the_reader_decodes_them(tmp_path: Path) -> None:
    # a CP949 file and a decomposed (NFD) one: the segmenter's sentences are NFC Unicode
    gold = b"en-s1 en-s2\tko-s1\nen-s3\tko-s2\n"
    _pair(tmp_path / "set" / "p01", EN, KO.decode().encode("cp949"), gold)
    _pair(tmp_path / "set" / "p02", EN, unicodedata.normalize("NFD", KO.decode()).encode(), gold)
    tree = _tree(tmp_path / "tree", r"\|")
    done = _remap(tree, tree, tmp_path / "set", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    for name in ("p01", "p02"):
        assert (tmp_path / "out" / "set" / name / "gold.tsv").read_bytes() == gold


def test_a_text_that_cannot_be_read_is_named_and_the_other_pairs_are_remapped(tmp_path: Path) -> None:
    _pair(tmp_path / "set" / "p01", b" \n", KO, b"en-s1\tko-s1\n")
    _pair(tmp_path / "set" / "p02", EN, KO, b"en-s1 en-s2\tko-s1\nen-s3\tko-s2\n")
    tree = _tree(tmp_path / "tree", r"\|")
    done = _remap(tree, tree, tmp_path / "set", "--out", tmp_path / "out")
    assert done.returncode == 1
    assert f"error: {tmp_path / 'set' / 'p01' / 'gold.tsv'}: " in done.stderr and "no text" in done.stderr
    assert (tmp_path / "out" / "set" / "p02" / "gold.tsv").read_bytes() == b"en-s1 en-s2\tko-s1\nen-s3\tko-s2\n"


def test_an_out_folder_holding_the_originals_is_refused(tmp_path: Path) -> None:
    # --out at the folder above the set would put each copy over its original and each link over its text
    pair = _pair(tmp_path / "set" / "p01", EN, KO, b"en-s1\tko-s1 ko-s2\nen-s2 en-s3\t\n")
    tree = _tree(tmp_path / "tree", r"\|")
    done = _remap(tree, tree, tmp_path / "set", "--out", tmp_path)
    assert done.returncode == 1
    assert f"error: {pair / 'gold.tsv'}: " in done.stderr
    assert not (pair / "en.txt").is_symlink() and (pair / "en.txt").read_bytes() == EN
    assert not (pair / "ko.txt").is_symlink() and (pair / "ko.txt").read_bytes() == KO
    assert (pair / "gold.tsv").read_bytes() == b"en-s1\tko-s1 ko-s2\nen-s2 en-s3\t\n"


def test_align_quality_reads_a_gold_with_a_byte_order_mark(tmp_path: Path) -> None:
    """An editor's "UTF-8 with BOM": align_quality scored the first bead ("\\ufeffen-s1") a miss."""
    import align_quality

    (tmp_path / "gold.tsv").write_bytes(BOM_GOLD)
    assert align_quality.read_gold(tmp_path / "gold.tsv") == {
        (frozenset({"en-s1", "en-s2"}), frozenset({"ko-s1"})), (frozenset({"en-s3"}), frozenset({"ko-s2"}))}
