"""`transprov show` for review: flags with the values that differ, filters, formats, one numbering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from review_fixtures import run_cli as run
from toolkit.review.flags import Flag, bead_flags, name_difference, number_difference

PLANTED_EN = """Rice Prices Climb in Chongjin

A kilogram of rice now costs 4,700 won in the port city of Chongjin, a source in North Hamgyong province told RFA.

The price of corn has climbed as well, and more families are living on corn porridge, the source said.

North Korea has suffered chronic food shortages since a famine in the 1990s.

Reported by Seo Ji-yoon for RFA's Korean Service. Translated by Leejin Park. Written in English by Claire Benton.
"""
PLANTED_KO = """청진 쌀값 올라

함경북도 청진의 한 소식통은 자유아시아방송에 "쌀값이 킬로그램당 4,200원까지 올랐다"고 말했습니다.

이 소식통은 "옥수수 값도 덩달아 올라 옥수수죽으로 끼니를 때우는 집이 늘고 있다"고 전했습니다.

지금까지 자유아시아방송 서지윤입니다.
"""


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("planted")
    (folder / "en.txt").write_text(PLANTED_EN, encoding="utf-8")
    (folder / "ko.txt").write_text(PLANTED_KO, encoding="utf-8")
    out = folder / "planted.xml"
    result = run("align", folder / "en.txt", folder / "ko.txt", "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def test_json_flags_the_planted_number_change(planted: Path):
    result = run("show", planted, "--format", "json")
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)
    beads = record["beads"]
    assert [b["bead"] for b in beads] == list(range(len(beads)))  # numbered from 0
    flagged = [b for b in beads if any(f["kind"] == "number" for f in b["flags"])]
    assert len(flagged) == 1
    bead = flagged[0]
    assert bead["type"] == "1-1" and bead["reviewed_by"] is None
    assert [s["id"] for s in bead["en"]] == ["en-s1"] and "4,700 won" in bead["en"][0]["text"]
    assert [s["id"] for s in bead["ko"]] == ["ko-s1"] and "4,200원" in bead["ko"][0]["text"]
    number = next(f for f in bead["flags"] if f["kind"] == "number")
    assert number == {"kind": "number", "label": "number 4,700≠4,200", "en": ["4,700"], "ko": ["4,200"]}
    added = [b for b in beads if b["type"] == "1-0"]
    assert added and all(f["kind"] == "added" for b in added for f in b["flags"][:1])


def test_table_shows_flags_ids_and_legend(planted: Path):
    result = run("show", planted)
    assert result.returncode == 0, result.stderr
    assert "number 4,700≠4,200" in result.stdout
    assert "en-s1" in result.stdout and "ko-s1" in result.stdout
    assert "colours:" in result.stdout and "English first" in result.stdout


def test_only_issues_and_min_cert(planted: Path):
    every = json.loads(run("show", planted, "--format", "json").stdout)[0]["beads"]
    issues = json.loads(run("show", planted, "--format", "json", "--only-issues").stdout)[0]["beads"]
    assert issues == [b for b in every if b["flags"]]
    assert len(issues) < len(every)
    strict = json.loads(run("show", planted, "--format", "json", "--min-cert", "1").stdout)[0]["beads"]
    assert all(any(f["kind"] == "low-cert" for f in b["flags"]) for b in strict if b["cert"] < 1)
    assert run("show", planted, "--min-cert", "2").returncode == 2


def test_tsv_and_directory_argument(planted: Path, tmp_path: Path):
    (tmp_path / "a.xml").write_bytes(planted.read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.xml").write_bytes(planted.read_bytes())
    result = run("show", tmp_path, "--format", "tsv")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["file", "bead", "type", "cert", "en_ids", "ko_ids", "flags",
                                    "reviewed_by", "english", "korean"]
    files = {line.split("\t")[0] for line in lines[1:]}
    assert files == {str(tmp_path / "a.xml"), str(tmp_path / "sub" / "b.xml")}
    assert all(len(line.split("\t")) == 10 for line in lines)
    assert any("number 4,700≠4,200" in line for line in lines)


def test_a_bad_file_is_one_line_and_the_rest_is_shown(planted: Path, tmp_path: Path):
    (tmp_path / "bad.xml").write_text("<TEI", encoding="utf-8")
    (tmp_path / "good.xml").write_bytes(planted.read_bytes())
    result = run("show", tmp_path, "--format", "json", "--only-issues")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [r["source"] for r in json.loads(result.stdout)] == [str(tmp_path / "good.xml")]
    assert result.stderr.startswith(f"error: {tmp_path / 'bad.xml'}:") and len(result.stderr.splitlines()) == 1
    assert run("show", "--format", "yaml", planted).returncode == 2


def test_number_and_name_differences_list_the_values():
    assert number_difference("It cost 3 million won in 2012.", "2013년에 300만 원이었다.") == (["2012"], ["2013"])
    assert number_difference("Some 30,000 people came.", "3만 명이 왔다.") is None  # they agree
    assert number_difference("Some 30,000 people came.", "사람들이 왔다.") is None  # no evidence
    assert name_difference("Lee Min-Ho, a trader, said prices rose.", "상인 박정수 씨는 값이 올랐다고 말했습니다.") == (
        ["Lee Min-Ho"], ["박정수"])
    assert name_difference("Lee Min-Ho, a trader, said prices rose.", "상인 이민호 씨는 값이 올랐다고 말했습니다.") is None


def test_null_beads_and_low_cert_are_flagged():
    assert [f.kind for f in bead_flags("Added.", "", 0.9)] == ["added"]
    assert [f.label for f in bead_flags("", "빠졌다.", 0.2)] == ["untranslated", "low cert 0.20"]
    assert bead_flags("Added.", "", None) == []  # never aligned: nothing to flag
    assert Flag("low-cert", cert=0.25).as_dict() == {"kind": "low-cert", "label": "low cert 0.25", "cert": 0.25}
