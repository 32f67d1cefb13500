"""schemas/credits.schema.json describes `transprov credits --json` (skips without jsonschema)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import repo_root
from toolkit.model import ROLES, Article, Credit
from toolkit.report import credits_record

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((repo_root() / "schemas" / "credits.schema.json").read_text(encoding="utf-8"))


def _validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_roles_match_the_model():
    assert SCHEMA["$defs"]["credit"]["properties"]["role"]["enum"] == list(ROLES)


def test_records_built_by_hand():
    article = Article("a.txt", "en", title="T", credits=[
        Credit("reporter", "Kim Joon-Ho", "Korean", "RFA", "ko", 1, "김준호"), Credit("writer", "P. P.", order=2)])
    assert list(_validator().iter_errors([credits_record(article)])) == []
    bad = credits_record(article)
    bad["credits"][0]["role"] = "ghostwriter"
    bad["credits"][1]["order"] = 0
    del bad["title"]
    messages = " ".join(e.message for e in _validator().iter_errors([bad]))
    assert "ghostwriter" in messages and "title" in messages and "0" in messages


def test_cli_output_is_valid():
    root = repo_root()
    result = subprocess.run([sys.executable, "-m", "toolkit.cli", "credits", "--json",
                             "fixtures/articles", "fixtures/seed/en.txt", "fixtures/seed/ko.txt"],
                            capture_output=True, text=True, cwd=root, timeout=120)
    records = json.loads(result.stdout)
    assert len(records) >= 3
    errors = list(_validator().iter_errors(records))
    assert errors == [], [e.message for e in errors[:5]]
    assert any(c["name"] == "Kim Joon-Ho" for r in records for c in r["credits"])
