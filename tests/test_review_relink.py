"""`transprov relink`: one correction made a reviewed bead, the file rewritten valid, the change recorded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from review_fixtures import run_cli
from test_validate import NS, seed_tei
from toolkit.errors import InputError
from toolkit.model import Alignment, Bead
from toolkit.review.relink import ConflictError, digest, relink_alignment, relink_file
from toolkit.tei import read_tei
from toolkit.tei.safe_xml import parse_xml_safely
from toolkit.tei.validate import validate_tree

CLI = [sys.executable, "-m", "toolkit.cli"]
WHEN = "2024-05-01T09:30:00Z"


def run(*args, env: dict | None = None, cwd: Path | None = None):
    """In this process, unless the test needs its own working directory (git's config)."""
    if cwd is None:
        return run_cli(*args, env={"SOURCE_DATE_EPOCH": "1714555800", **(env or {})})
    base = {"PATH": os.environ["PATH"], "COLUMNS": "200", "SOURCE_DATE_EPOCH": "1714555800"}
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=180,
                          env={**base, **(env or {})}, cwd=cwd)


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.xml"
    path.write_bytes(seed_tei())  # gold alignment: en-s2 added, en-s3 = ko-s2
    return path


def beads_of(path: Path) -> list[dict]:
    result = run("show", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)[0]["beads"]


def test_an_added_sentence_and_its_neighbour_become_one_reviewed_bead(seed: Path):
    result = run("relink", seed, "--en", "en-s2,en-s3", "--ko", "ko-s2", "--reviewer", "Lee Min-ji")
    assert result.returncode == 0, result.stderr
    assert "linked en-s2 en-s3 = ko-s2 (was en-s2 = ∅; en-s3 = ko-s2)" in result.stdout
    root = parse_xml_safely(seed.read_bytes(), str(seed))
    assert validate_tree(root) == []
    [link] = root.xpath("//tei:link[@target='#en-s2 #en-s3 #ko-s2']", namespaces=NS)
    assert link.get("type") == "2-1" and link.get("cert") == "1"
    stmt = root.xpath(f"//tei:respStmt[@xml:id='{link.get('resp')[1:]}']", namespaces=NS)[0]
    assert stmt.find("tei:resp", NS).get("key") == "reviewer"
    assert stmt.find("tei:persName", NS).text == "Lee Min-ji"
    [change] = root.xpath("//tei:revisionDesc/tei:change", namespaces=NS)
    assert change.get("who") == link.get("resp") and change.get("when") == WHEN
    assert "en-s2 en-s3 = ko-s2" in change.text
    assert root.xpath("//tei:s[@xml:id='en-s2']/@resp", namespaces=NS) == []  # no longer added
    bead = next(b for b in beads_of(seed) if [s["id"] for s in b["en"]] == ["en-s2", "en-s3"])
    assert bead["reviewed_by"] == "Lee Min-ji" and bead["type"] == "2-1"


def test_confirm_marks_a_bead_reviewed_without_changing_it(seed: Path):
    before = [(b["en"], b["ko"], b["cert"]) for b in beads_of(seed)]
    result = run("relink", seed, "--en", "en-s5", "--ko", "ko-s4", "--confirm", env={"TRANSPROV_REVIEWER": "박서연"})
    assert result.returncode == 0, result.stderr
    after = beads_of(seed)
    assert [(b["en"], b["ko"], b["cert"]) for b in after] == before
    assert [b["reviewed_by"] for b in after if b["reviewed_by"]] == ["박서연"]
    assert "confirmed en-s5 = ko-s4" in seed.read_text(encoding="utf-8")
    # a confirmed null bead: the added sentence keeps the writer and gains the reviewer
    assert run("relink", seed, "--en", "en-s2", "--confirm", "--reviewer", "Lee Min-ji").returncode == 0
    root = parse_xml_safely(seed.read_bytes(), str(seed))
    assert validate_tree(root) == []
    assert root.xpath("//tei:s[@xml:id='en-s2']/@resp", namespaces=NS) == ["#resp-3 #resp-5"]
    assert [b["reviewed_by"] for b in beads_of(seed) if b["en"] and b["en"][0]["id"] == "en-s2"] == ["Lee Min-ji"]


def test_confirm_refuses_what_is_not_a_bead_and_leaves_the_file(seed: Path):
    data = seed.read_bytes()
    result = run("relink", seed, "--en", "en-s5", "--ko", "ko-s5", "--confirm", "--reviewer", "A")
    assert result.returncode == 1 and "cannot be confirmed" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert seed.read_bytes() == data


def test_an_empty_side_marks_sentences_added_and_orphans_stand_out(seed: Path):
    assert run("relink", seed, "--en", "en-s4", "--reviewer", "A").returncode == 0
    assert validate_tree(parse_xml_safely(seed.read_bytes(), "x")) == []
    beads = beads_of(seed)
    added = next(b for b in beads if b["en"] and b["en"][0]["id"] == "en-s4")
    assert added["type"] == "1-0" and added["reviewed_by"] == "A" and added["cert"] == 1
    orphan = next(b for b in beads if b["ko"] and b["ko"][0]["id"] == "ko-s3")
    assert orphan["type"] == "0-1" and orphan["reviewed_by"] is None
    assert [f["kind"] for f in orphan["flags"]] == ["untranslated", "low-cert"]


def test_bad_requests_are_one_line_and_change_nothing(seed: Path, tmp_path: Path):
    data = seed.read_bytes()
    for args, code in ((["--en", "en-s99", "--ko", "ko-s1"], 1), (["--en", "ko-s1"], 1),
                       (["--en", "en-s1,en-s1", "--ko", "ko-s1"], 1), ([], 2), (["--en", ","], 2)):
        result = run("relink", seed, *args, "--reviewer", "A")
        assert result.returncode == code, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert seed.read_bytes() == data
    assert run("relink", tmp_path / "missing.xml", "--en", "en-s1", "--reviewer", "A").returncode == 1


@pytest.mark.parametrize("damage", [b"<unclosed>", b'<TEI xmlns="urn:other"/>'])
def test_a_damaged_file_is_named_in_its_error_line(seed: Path, damage: bytes):
    """relink reads the file's bytes once and parsed them as "<bytes>": `error: <bytes>: line 2: …`."""
    seed.write_bytes(seed.read_bytes().split(b"\n")[0] + b"\n" + damage)
    result = run("relink", seed, "--en", "en-s1", "--ko", "ko-s1", "--reviewer", "A")
    assert result.returncode == 1 and result.stderr.startswith(f"error: {seed}: ")
    assert len(result.stderr.splitlines()) == 1


def test_the_reviewer_comes_from_the_option_the_environment_or_git(seed: Path, tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    bare = {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(home / "none")}
    result = run("relink", seed, "--en", "en-s1", "--ko", "ko-s1", env=bare, cwd=tmp_path)
    assert result.returncode == 2 and "--reviewer" in result.stderr and "TRANSPROV_REVIEWER" in result.stderr
    (home / "gitconfig").write_text("[user]\n\tname = Choi Yu-na\n", encoding="utf-8")
    with_git = {**bare, "GIT_CONFIG_GLOBAL": str(home / "gitconfig")}
    assert run("relink", seed, "--en", "en-s1", "--ko", "ko-s1", env=with_git, cwd=tmp_path).returncode == 0
    assert run("relink", seed, "--en", "en-s3", "--ko", "ko-s2", env={**with_git, "TRANSPROV_REVIEWER": "Env Name"},
               cwd=tmp_path).returncode == 0
    reviewers = {b["reviewed_by"] for b in beads_of(seed)} - {None}
    assert reviewers == {"Choi Yu-na", "Env Name"}


@pytest.mark.parametrize("env, problem", [
    ({"TRANSPROV_REVIEWER": "Lee\x01Min-ji"}, "control character"),
    ({"TRANSPROV_REVIEWER": os.fsdecode(b"Lee \xc0\xcc")}, "not UTF-8"),  # a CP949 name in a UTF-8 shell
    ({"TRANSPROV_REVIEWER": "A", "SOURCE_DATE_EPOCH": "9" * 30}, "SOURCE_DATE_EPOCH"),
])
def test_a_reviewer_or_a_time_the_tei_cannot_hold_is_one_line_and_changes_nothing(seed: Path, env, problem):
    """Each was a traceback from lxml or datetime."""
    before = seed.read_bytes()
    result = run("relink", seed, "--en", "en-s1", "--ko", "ko-s1", env=env)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and problem in result.stderr
    assert seed.read_bytes() == before


def test_bidi_controls_are_dropped_from_a_reviewer_name(seed: Path):
    assert run("relink", seed, "--en", "en-s1", "--ko", "ko-s1", "--reviewer", "\u202eLee Min-ji").returncode == 0
    assert {b["reviewed_by"] for b in beads_of(seed)} - {None} == {"Lee Min-ji"}


def test_relink_of_a_link_rewrites_the_file_it_leads_to(seed: Path, tmp_path: Path):
    """The link was replaced by a new regular file, reported done, and the file it named kept no review."""
    (tmp_path / "work").mkdir()
    link = tmp_path / "work" / "seed.xml"
    link.symlink_to(os.path.relpath(seed, link.parent))  # a relative link, as `ln -s ../seed.xml` makes
    assert run("relink", link, "--en", "en-s1", "--ko", "ko-s1", "--reviewer", "Lee Min-ji").returncode == 0
    assert link.is_symlink() and {b["reviewed_by"] for b in beads_of(seed)} - {None} == {"Lee Min-ji"}


def test_a_changed_file_is_a_conflict_not_an_overwrite(seed: Path):
    stale = digest(seed.read_bytes())
    relink_file(seed, [(["en-s1"], ["ko-s1"])], "A", WHEN, expected=stale)
    changed = seed.read_bytes()
    with pytest.raises(ConflictError):
        relink_file(seed, [(["en-s3"], ["ko-s2"])], "B", WHEN, expected=stale)
    assert seed.read_bytes() == changed


def test_a_relink_racing_another_keeps_the_other_s_edit(seed: Path, monkeypatch):
    """Without `expected` (the CLI) the file was not read again before the write: a second
    relink finishing meanwhile (another terminal, a review save) had its edit undone, both
    reported done."""
    import toolkit.tei

    write_tei = toolkit.tei.write_tei
    calls = []

    def other_relink_meanwhile(*args):
        calls.append(args)
        if len(calls) == 2:  # after the check of the file as read, before the write
            monkeypatch.setattr(toolkit.tei, "write_tei", write_tei)
            relink_file(seed, [(["en-s3"], ["ko-s2"])], "B", WHEN)
        return write_tei(*args)

    monkeypatch.setattr(toolkit.tei, "write_tei", other_relink_meanwhile)
    with pytest.raises(ConflictError):
        relink_file(seed, [(["en-s1"], ["ko-s1"])], "A", WHEN)
    assert {b["reviewed_by"] for b in beads_of(seed)} - {None} == {"B"}


def test_a_relink_in_the_window_before_the_rename_waits_and_loses_nothing(seed: Path, monkeypatch):
    """Between a relink's last read of the file and its rename, another relink (a second
    terminal, a review save) could read the same file, write its edit, and have it renamed over:
    both reported done, one edit gone. Now the check and the rename hold a lock on the folder."""
    import threading

    import toolkit.files

    write_atomic, outcome = toolkit.files.write_atomic, {}

    def other_relink_in_the_window(path, data):
        monkeypatch.setattr(toolkit.files, "write_atomic", write_atomic)

        def other() -> None:
            try:
                relink_file(seed, [(["en-s3"], ["ko-s2"])], "B", WHEN)
                outcome["B"] = "done"
            except ConflictError:
                outcome["B"] = "conflict"

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(timeout=3)  # unlocked, B finishes here; locked, it waits for this write
        write_atomic(path, data)
        outcome["thread"] = thread

    monkeypatch.setattr(toolkit.files, "write_atomic", other_relink_in_the_window)
    relink_file(seed, [(["en-s1"], ["ko-s1"])], "A", WHEN)
    outcome["thread"].join(timeout=30)
    reviewed = {b["reviewed_by"] for b in beads_of(seed)} - {None}
    assert outcome["B"] == "conflict" and reviewed == {"A"}, (outcome, reviewed)


def test_a_file_transprov_did_not_write_is_refused(seed: Path):
    seed.write_bytes(seed.read_bytes().replace(b"<teiHeader>", b"<!-- hand edit --><teiHeader>", 1))
    with pytest.raises(InputError, match="not as transprov writes it"):
        relink_file(seed, [(["en-s1"], ["ko-s1"])], "A", WHEN)


def test_relink_alignment_takes_sentences_out_of_their_beads():
    alignment = Alignment([Bead((0, 1), (0,), 0.9, "A"), Bead((2,), (1, 2), 0.8), Bead((), (3,), 0.4)])
    out = relink_alignment(alignment, [((1,), (1,))], "B")
    assert out.beads == [Bead((0,), (0,), 0.9), Bead((1,), (1,), 1.0, "B"), Bead((2,), (2,), 0.8),
                         Bead((), (3,), 0.4)]
    with pytest.raises(ValueError):
        relink_alignment(alignment, [((1,), ()), ((1,), (2,))], "B")


def test_schematron_requires_link_resp_to_name_a_reviewer(seed: Path):
    relink_file(seed, [(["en-s1"], ["ko-s1"])], "A", WHEN)
    text = seed.read_text(encoding="utf-8")
    as_writer = text.replace('resp="#resp-4"/>', 'resp="#resp-3"/>', 1)
    rules = [p.rule for p in validate_tree(etree.fromstring(as_writer.encode()))]
    assert "link-resp" in rules
    history = text.replace('who="#resp-4"', 'who="#resp-3"', 1)
    assert "revision-reviewer" in [p.rule for p in validate_tree(etree.fromstring(history.encode()))]


def test_reviewed_file_round_trips(seed: Path):
    relink_file(seed, [(["en-s2", "en-s3"], ["ko-s2"]), (["en-s4"], [])], "A", WHEN)
    data = seed.read_bytes()
    from toolkit.tei import write_tei

    assert write_tei(*read_tei(data)) == data
