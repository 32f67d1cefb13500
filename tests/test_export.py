"""`transprov export --format tmx|tsv`: the aligned beads of an archive as a TMX 1.4 memory and a bitext."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import repo_root
from toolkit.archive import build_archive
from toolkit.review.relink import relink_file
from toolkit.tei import read_tei
from toolkit.tei.safe_xml import parse_xml_safely

CLI = [sys.executable, "-m", "toolkit.cli"]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "archive"
    assert build_archive(repo_root() / "fixtures" / "corpus", out, progress=False).failures == []
    return out


def units(path: Path) -> list:
    root = parse_xml_safely(path.read_bytes(), str(path))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for name in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(name), name  # the attributes TMX 1.4 requires
    assert header.get("srclang") == "ko" and header.get("segtype") == "sentence"
    tus = root.findall("body/tu")
    for tu in tus:
        tuvs = tu.findall("tuv")
        assert [t.get(XML_LANG) for t in tuvs] == ["ko", "en"]
        assert all(len(t.findall("seg")) == 1 and t.find("seg").text for t in tuvs)
        assert [c.tag for c in tu][-2:] == ["tuv", "tuv"]  # props come before the variants
    return tus


def test_tmx_holds_the_seed_first_pair_with_its_translator(archive: Path, tmp_path: Path):
    out = tmp_path / "out.tmx"
    result = run("export", archive, "--format", "tmx", "-o", out)
    assert result.returncode == 0, result.stderr
    tus = units(out)
    assert result.stdout.strip() == f"{out}: tmx of {archive} ({len(tus)} beads)"
    en, ko, _ = read_tei(archive / "tei" / "rfa-defectors.xml")
    first = next(tu for tu in tus if tu.get("tuid") == "rfa-defectors:0")
    assert [t.find("seg").text for t in first.findall("tuv")] == [ko.sentences[0].text, en.sentences[0].text]
    assert en.sentences[0].text.startswith("The North Korean government has launched a campaign")
    assert first.get("creationid") == "Kang Min Kyung"
    props = {p.get("type"): p.text for p in first.findall("prop")}
    assert props["x-article"] == "rfa-defectors" and props["x-bead-type"] == "1-1" and props["x-reviewed"] == "no"
    again = tmp_path / "again.tmx"
    assert run("export", archive, "--format", "tmx", "-o", again).returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_min_cert_keeps_reviewed_beads(archive: Path, tmp_path: Path):
    reviewed = tmp_path / "archive"
    (reviewed / "tei").mkdir(parents=True)
    tei = reviewed / "tei" / "rfa-defectors.xml"
    tei.write_bytes((archive / "tei" / "rfa-defectors.xml").read_bytes())
    relink_file(tei, [(["en-s1"], ["ko-s1"])], "Lee Min-ji", "2024-05-01T09:30:00Z", confirm=True)
    assert read_tei(tei)[2].beads[0].cert < 1
    assert run("export", reviewed, "--format", "tmx", "-o", tmp_path / "all.tmx").returncode == 0
    assert run("export", reviewed, "--format", "tmx", "-o", tmp_path / "strict.tmx", "--min-cert", "1").returncode == 0
    strict = units(tmp_path / "strict.tmx")
    assert len(strict) < len(units(tmp_path / "all.tmx"))
    assert [tu.get("tuid") for tu in strict] == ["rfa-defectors:0"]
    assert strict[0].get("changeid") == "Lee Min-ji"


def test_tsv_bitext_and_a_bad_file(archive: Path, tmp_path: Path):
    folder = tmp_path / "tei"
    folder.mkdir()
    for name in ("rfa-defectors.xml", "dprk-floods.xml"):
        (folder / name).write_bytes((archive / "tei" / name).read_bytes())
    (folder / "broken.xml").write_text("<TEI", encoding="utf-8")
    out = tmp_path / "out.tsv"
    result = run("export", folder, "--format", "tsv", "-o", out)
    assert result.returncode == 1 and result.stderr.startswith(f"error: {folder / 'broken.xml'}:")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 2 for line in lines)
    en, ko, _ = read_tei(folder / "rfa-defectors.xml")
    assert f"{ko.sentences[0].text}\t{en.sentences[0].text}" in lines
    assert run("export", folder, "--format", "xliff", "-o", out).returncode == 2


@pytest.mark.parametrize("fmt,target", [("tsv", "tables/links.parquet"), ("prov-json", "tables/articles.parquet"),
                                        ("tmx", "tei/rfa-defectors.xml"), ("tsv", "current/manifest.json"),
                                        ("tsv", "orphans/hand-made.xml")])
def test_an_output_inside_the_archive_it_exports_is_refused(archive: Path, tmp_path: Path, fmt: str, target: str):
    """`-o ARCHIVE/tables/links.parquet` replaced the table with the bitext, rc 0: the archive lost it
    (and `-o ARCHIVE/orphans/…` a file the build had moved there to keep)."""
    import shutil

    copy = tmp_path / "archive"
    shutil.copytree(archive, copy, symlinks=True)
    (copy / "orphans").mkdir()  # a file found in tei/ that no build wrote: kept for its owner
    (copy / "orphans" / "hand-made.xml").write_text("<TEI/>", encoding="utf-8")
    before = (copy / target).read_bytes()
    result = run("export", copy, "--format", fmt, "-o", copy / target)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "inside the archive it reads" in result.stderr
    assert (copy / target).read_bytes() == before


@pytest.mark.parametrize("fmt", ["tmx", "tsv"])
def test_a_folder_with_no_tei_files_is_an_error_not_an_empty_memory(tmp_path: Path, fmt: str):
    """The corpus given for its archive (a slip) wrote an empty TMX and said "(0 beads)", rc 0."""
    out = tmp_path / f"out.{fmt}"
    result = run("export", repo_root() / "fixtures" / "corpus", "--format", fmt, "-o", out)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "no TEI files" in result.stderr and not out.exists()


@pytest.mark.parametrize("fmt,given,target", [("tsv", "tei", "tables/links.parquet"),
                                              ("prov-json", "tables", "tei/rfa-defectors.xml")])
def test_an_output_inside_the_archive_is_refused_when_its_tei_or_tables_folder_is_exported(
        archive: Path, tmp_path: Path, fmt: str, given: str, target: str):
    """`export ARCHIVE/tei --format tsv -o ARCHIVE/tables/links.parquet` (a folder of TEI files is
    a documented input) replaced the table with the bitext, rc 0: only ARCHIVE/tei was guarded."""
    import shutil

    copy = tmp_path / "archive"
    shutil.copytree(archive, copy, symlinks=True)
    before = (copy / target).read_bytes()
    result = run("export", copy / given, "--format", fmt, "-o", copy / target)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "inside the archive it reads" in result.stderr
    assert (copy / target).read_bytes() == before


def test_an_output_inside_the_archive_is_refused_when_a_link_to_its_tei_folder_is_exported(archive: Path,
                                                                                         tmp_path: Path):
    """`ln -s ARCHIVE/tei mytei; export mytei -o ARCHIVE/tables/links.parquet` replaced the table, rc 0:
    the guard knew the archive of a folder given only by its name `tei`."""
    import shutil

    copy = tmp_path / "archive"
    shutil.copytree(archive, copy, symlinks=True)
    (tmp_path / "mytei").symlink_to(copy / "tei")
    before = (copy / "tables" / "links.parquet").read_bytes()
    result = run("export", tmp_path / "mytei", "--format", "tsv", "-o", copy / "tables" / "links.parquet")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "inside the archive it reads" in result.stderr
    assert (copy / "tables" / "links.parquet").read_bytes() == before


@pytest.mark.parametrize("given,target", [("", "TABLES/links.parquet"), ("TEI", "tables/links.parquet"),
                                          ("", "TABLES/new/links.tsv")])
def test_an_output_inside_the_archive_by_another_spelling_is_refused(archive: Path, tmp_path: Path,
                                                                    monkeypatch, given: str, target: str):
    """On a case- or normalisation-insensitive file system (macOS), `ARCHIVE/TABLES` is `ARCHIVE/tables`
    but realpath keeps the spelling given, so comparing real paths as strings let `-o ARCHIVE/TABLES/…`
    through. Simulated here: `TABLES` and `TEI` are links to the real folders, and realpath is made to
    keep them as spelled (as Python's does for a case variant there); only the folders' (device, inode)
    can tell."""
    import os
    import shutil

    from toolkit.errors import InputError
    from toolkit.export import export_archive

    copy = tmp_path / "archive"
    shutil.copytree(archive, copy, symlinks=True)
    (copy / "TABLES").symlink_to("tables")
    (copy / "TEI").symlink_to("tei")
    before = (copy / "tables" / "links.parquet").read_bytes()
    monkeypatch.setattr(os.path, "realpath", os.path.abspath)
    with pytest.raises(InputError, match="inside the archive it reads"):
        export_archive(copy / given, "tsv", copy / target)
    assert (copy / "tables" / "links.parquet").read_bytes() == before
    assert not (copy / "tables" / "new").exists()


def test_file_identity_is_none_where_nothing_can_be_looked_at_and_equal_through_a_link(tmp_path) -> None:
    """The one (device, inode) helper of the export and build guards: a path not made yet, a link
    loop and a NUL byte give None (never equal to anything), a link gives its target's identity."""
    from toolkit.files import file_identity

    folder = tmp_path / "tables"
    folder.mkdir()
    (tmp_path / "alias").symlink_to(folder)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert file_identity(tmp_path / "alias") == file_identity(folder) != file_identity(tmp_path)
    assert file_identity(tmp_path / "not-yet" / "x") is None
    assert file_identity(tmp_path / "loop") is None
    assert file_identity("a\0b") is None


@pytest.mark.parametrize("fmt", ["tmx", "tsv"])
def test_an_article_whose_tei_file_is_gone_is_named_and_the_rest_exported(archive: Path, tmp_path: Path, fmt: str):
    """The tables list an article whose TEI file was deleted: the export left it out and exited 0,
    so the memory looked whole. Now one line names the missing file, exit 1, the others exported."""
    import shutil

    copy = tmp_path / "archive"
    shutil.copytree(archive, copy, symlinks=True)
    gone = (copy / "tei").resolve() / "dprk-floods.xml"
    gone.unlink()
    out = tmp_path / f"out.{fmt}"
    result = run("export", copy, "--format", fmt, "-o", out)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {copy / 'tei' / 'dprk-floods.xml'}: missing, though tables/articles.parquet lists the article"]
    text = out.read_text(encoding="utf-8")
    whole = tmp_path / f"whole.{fmt}"
    assert run("export", archive, "--format", fmt, "-o", whole).returncode == 0
    assert 0 < len(text.splitlines()) < len(whole.read_text(encoding="utf-8").splitlines())



def test_an_archive_under_a_folder_named_with_brackets_exports_with_exit_0(archive: Path, tmp_path: Path):
    """The check that every article of the tables has its TEI file handed the table's path to
    polars, which reads `[...]` as a pattern: an archive copied under `기사[2024]` exported every
    bead and still exited 1 with polars' "expanded paths were empty". The table is read as named."""
    import shutil

    copy = tmp_path / "기사[2024]" / "archive"
    shutil.copytree(archive, copy, symlinks=True)
    result = run("export", copy, "--format", "tmx", "-o", tmp_path / "out.tmx")
    assert (result.returncode, result.stderr) == (0, "")
    (copy / "tei" / "dprk-floods.xml").unlink()
    result = run("export", copy, "--format", "tsv", "-o", tmp_path / "out.tsv")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {copy / 'tei' / 'dprk-floods.xml'}: missing, though tables/articles.parquet lists the article"]


def test_a_tei_file_that_is_no_file_is_named_for_what_it_is(archive: Path, tmp_path: Path):
    """A TEI file replaced by a folder (or a link to nowhere) was reported "missing", though it is
    there: the line now says what it is, as every reader of an input says it."""
    import shutil

    copy = tmp_path / "archive"
    shutil.copytree(archive, copy, symlinks=True)
    tei = (copy / "tei").resolve()
    (tei / "dprk-floods.xml").unlink()
    (tei / "dprk-floods.xml").mkdir()
    (tei / "english-only.xml").unlink()
    (tei / "rfa-defectors.xml").unlink()
    (tei / "rfa-defectors.xml").symlink_to(tmp_path / "nowhere.xml")
    result = run("export", copy, "--format", "tsv", "-o", tmp_path / "out.tsv")
    assert result.returncode == 1
    listed = "though tables/articles.parquet lists the article"
    assert result.stderr.strip().splitlines() == [
        f"error: {copy / 'tei' / 'dprk-floods.xml'}: is a directory, not a file, {listed}",
        f"error: {copy / 'tei' / 'english-only.xml'}: missing, {listed}",
        f"error: {copy / 'tei' / 'rfa-defectors.xml'}: dangling symbolic link (its target "
        f"{tmp_path / 'nowhere.xml'} does not exist), {listed}"]


@pytest.mark.parametrize("damage", ["garbage", "fifo"])
def test_an_unreadable_article_list_is_an_error_after_every_tei_file_was_exported(archive: Path, tmp_path: Path,
                                                                                  damage: str):
    """tables/articles.parquet is what tells an export that an article's TEI file was lost. When it
    cannot be read, every bead of tei/ is written, and the exit status is 1 with a line saying which
    check could not be made: with exit 0 (and a warning) a lost TEI file went unnoticed by a script."""
    import shutil

    copy = tmp_path / "archive"
    shutil.copytree(archive, copy, symlinks=True)
    table = (copy / "tables").resolve() / "articles.parquet"
    table.unlink()
    if damage == "fifo":
        os.mkfifo(table)
    else:
        table.write_bytes(b"not a parquet file")
    out, whole = tmp_path / "out.tsv", tmp_path / "whole.tsv"
    result = run("export", copy, "--format", "tsv", "-o", out)
    assert result.returncode == 1, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {copy / 'tables' / 'articles.parquet'}: ")
    assert line.endswith(", so this export could not check that every article the archive lists has its TEI file; "
                         f"the {len(list((copy / 'tei').glob('*.xml')))} files in tei/ were exported")
    assert run("export", archive, "--format", "tsv", "-o", whole).returncode == 0
    assert out.read_bytes() == whole.read_bytes()
    # a TEI file lost as well: the same line, and the status says something is wrong
    next((copy / "tei").resolve().glob("*.xml")).unlink()
    assert run("export", copy, "--format", "tsv", "-o", out).returncode == 1
