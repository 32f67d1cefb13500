"""The documentation cannot drift: every Schematron rule is in docs/tei-profile.md, every CLI
command and option is in the README's commands table, and no file of the repository points
at a file a user does not have."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

from conftest import repo_root

ROOT = repo_root()
PROFILE = ROOT / "docs" / "tei-profile.md"
SKIP_DIRS = {".git", ".venv", "build", "__pycache__", ".pytest_cache", ".hypothesis", "node_modules"}
TEXT_SUFFIXES = {".md", ".py", ".rng", ".sch", ".toml", ".ipynb", ".json", ".cfg", ".txt", ".tsv"}


def repo_files() -> list[Path]:
    """The repository's own files (what a user gets), whether or not git is there."""
    found = []
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        if path.is_file() and not any(p in SKIP_DIRS or p.endswith(".egg-info") for p in parts):
            found.append(path)
    return found


def schematron_rule_ids() -> list[str]:
    tree = etree.parse(str(ROOT / "schemas" / "transprov.sch"))
    ns = {"sch": "http://purl.oclc.org/dsdl/schematron"}
    return [e.get("id") for e in tree.iterfind(".//sch:assert", ns)] + [
        e.get("id") for e in tree.iterfind(".//sch:report", ns)]


def test_every_schematron_rule_is_documented_once_and_no_other():
    ids = schematron_rule_ids()
    assert ids and all(ids) and len(ids) == len(set(ids))
    section = PROFILE.read_text(encoding="utf-8").split("## Validation rules", 1)[1].split("\n## ", 1)[0]
    documented = dict(re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", section, re.MULTILINE))
    assert sorted(documented) == sorted(ids)
    assert all(len(text.split()) >= 4 for text in documented.values())


def test_every_command_and_option_is_in_the_readme_commands_table():
    import typer.main

    from toolkit.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    rows = {re.match(r"\| `transprov (\S+)", line).group(1).rstrip("`"): line
            for line in table.splitlines() if line.startswith("| `transprov ")}
    command = typer.main.get_command(app)
    assert set(command.commands) | {"--version"} == set(rows)
    for name, sub in command.commands.items():
        for param in sub.params:
            options = [o for o in param.opts if o.startswith("-")]
            if options:  # one of its spellings (-o or --output) is in the command's row
                assert any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", rows[name]) for o in options), (
                    name, options)


def test_markdown_links_resolve():
    broken = []
    for path in repo_files():
        if path.suffix != ".md":
            continue
        for target in re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            if not (path.parent / target.split("#")[0]).exists():
                broken.append(f"{path.relative_to(ROOT)} -> {target}")
    assert broken == []


def test_paths_named_in_markdown_exist():
    """`toolkit/…`, `schemas/…` and the like in backquotes name files or folders that are there."""
    missing = []
    for path in repo_files():
        if path.suffix != ".md":
            continue
        text = path.read_text(encoding="utf-8")
        for token in re.findall(r"`((?:toolkit|schemas|fixtures|docs|tests|benchmarks|notebooks)/[^`\s]*)`", text):
            if not any(c in token for c in "<*{") and not any(
                    (base / token).exists() for base in (ROOT, path.parent)):
                missing.append(f"{path.relative_to(ROOT)}: {token}")
    assert missing == []


def test_no_file_names_a_file_the_repository_does_not_have():
    """A Markdown file named but not shipped (a design note kept elsewhere), or a file path
    into ../shared, is a file the user does not have; saying that the evaluation material
    lives in ../shared (a folder) is fine. Quoted names are files a test writes itself."""
    names = {p.name for p in repo_files()}
    problems = []
    for path in repo_files():
        if path.suffix not in TEXT_SUFFIXES or path.stat().st_size > 2_000_000:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in set(re.findall(r"(?<![\w./<>*{\"'-])([A-Za-z][\w-]*\.md)\b", text)):
            if name not in names:
                problems.append(f"{path.relative_to(ROOT)}: {name}")
        for ref in set(re.findall(r"\.\./shared/[\w./-]*\.[A-Za-z]{2,5}\b", text)):
            problems.append(f"{path.relative_to(ROOT)}: {ref}")
    assert problems == []


def test_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    result = subprocess.run([sys.executable, "-m", "toolkit.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == f"transprov {version('transprov')}\n"


TYPE_NAMES = {"String": "string", "Int32": "int32", "Float64": "float64", "Boolean": "bool",
              "List(String)": "list[string]"}


def documented_columns() -> dict[str, dict[str, str]]:
    """Table -> {column: type} from the column tables of docs/tables.md."""
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    out: dict[str, dict[str, str]] = {}
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        name = section.split("\n", 1)[0].strip()
        rows = re.findall(r"^\| `(\w+)` \| ([\w\[\]]+) \| (.+) \|$", section, re.MULTILINE)
        if rows:
            assert all(len(meaning.split()) >= 2 for _, _, meaning in rows), name
            out[name] = {column: dtype for column, dtype, _ in rows}
    return out


def test_every_column_of_every_table_is_documented_with_its_type():
    from toolkit.metrics.tables import TABLES, schemas

    documented = documented_columns()
    assert sorted(documented) == sorted(TABLES)
    for table, schema in schemas().items():
        expected = {column: TYPE_NAMES[str(dtype)] for column, dtype in schema.items()}
        assert documented[table] == expected, table
