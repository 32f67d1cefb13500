"""`compare`: two English versions of one article, sentence-aligned and scored with sacrebleu."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sacrebleu.metrics import CHRF

from conftest import repo_root
from toolkit.metrics.compare import align_versions, compare_files, compare_texts, similarity

SEED = repo_root() / "fixtures" / "seed" / "en.txt"
CLI = [sys.executable, "-m", "toolkit.cli"]


def light_edit(text: str) -> str:
    """A copy editor's pass: a few words changed, one sentence split, one dropped."""
    edits = [
        ("has launched a campaign", "has begun a drive"),
        ("sources said.", "according to sources."),
        ("interrogating families", "questioning families"),
        ("Examinations of cases stretch for long periods", "Investigations can last a long time"),
        ("Families that are classified as those of defectors could be banished to remote areas, "
         "Min and Cho both said.", ""),
        ("are now treated as traitors worthy of severe retribution",
         "are now regarded as traitors. They face severe retribution"),
    ]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_similarity_is_sacrebleu_chrf():
    chrf = CHRF()
    for a, b in [("The cat sat on the mat.", "A cat sat on a mat."), ("abc", "xyz"),
                 ("Kim said so.", "Kim Joon-Ho said so on Monday.")]:
        assert similarity(a, b) == pytest.approx(chrf.sentence_score(b, [a]).score / 100)


def test_align_versions_split_insert_drop():
    a = ["The government launched a campaign against defectors.",
         "Families were questioned one at a time by the police.",
         "Observers said the probe was nationwide."]
    b = ["The government launched a campaign against defectors.",
         "A new sentence about something else entirely appears here.",
         "Families were questioned one at a time.", "It was done by the police.",
         ]
    beads = align_versions(a, b)
    assert beads == [((0,), (0,)), ((), (1,)), ((1,), (2, 3)), ((2,), ())]


def test_self_comparison_is_perfect():
    text = ["North Korea has launched a campaign to identify defectors' families.",
            "Families of defectors could be banished to remote areas, sources said."]
    result = compare_texts(text, text)
    assert result.bleu.score == 100.0 and result.ter.score == 0.0 and result.chrf.score == 100.0
    assert result.most_different() == []


def test_seed_against_itself_and_an_edited_copy(tmp_path):
    same = compare_files(SEED, SEED)
    assert same.bleu.score == 100.0 and same.ter.score == 0.0
    edited = tmp_path / "edited.txt"
    edited.write_text(light_edit(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    result = compare_files(SEED, edited)
    assert 60 < result.chrf.score < 100
    assert 0 < result.bleu.score < 100 and result.ter.score > 0
    assert result.chrf.signature.startswith("nrefs:1|") and "nw:2" in result.chrf.signature
    assert "tok:13a" in result.bleu.signature and "tok:tercom" in result.ter.signature
    worst = result.most_different(3)
    assert worst[0].chrf <= worst[-1].chrf
    # the dropped sentence has no counterpart: it is the most different pair
    assert worst[0].b == "" and worst[0].a.startswith("Families that are classified")


def test_cli_compare_json_and_errors(tmp_path):
    out = subprocess.run([*CLI, "compare", str(SEED), str(SEED), "--json"], capture_output=True,
                         text=True, cwd=repo_root())
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["bleu"]["score"] == 100.0 and data["ter"]["score"] == 0.0
    assert data["chrf"]["signature"].startswith("nrefs:1") and data["pairs"] == []
    table = subprocess.run([*CLI, "compare", str(SEED), str(SEED)], capture_output=True, text=True,
                           cwd=repo_root())
    assert table.returncode == 0 and "chrF++" in table.stdout
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03 not text")
    bad = subprocess.run([*CLI, "compare", str(SEED), str(binary)], capture_output=True, text=True,
                         cwd=repo_root())
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    usage = subprocess.run([*CLI, "compare", str(SEED)], capture_output=True, text=True, cwd=repo_root())
    assert usage.returncode == 2
