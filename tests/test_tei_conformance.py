"""The project's TEI is TEI P5: valid against tei_all 4.12.0 (skips without ../shared).

tei_all takes ~10 s to compile: validate.load_schema compiles it once per process.
"""

from __future__ import annotations

import pytest

from conftest import shared_dir
from test_tei_writer import labelled_tei, sample_pair
from test_validate import seed_pair, seed_tei
from toolkit.tei import write_tei
from toolkit.tei.safe_xml import parse_xml_safely
from toolkit.tei.validate import load_schema, validate_tree


@pytest.fixture(scope="session")
def tei_all():
    return load_schema(shared_dir() / "schemas" / "tei_all-4.12.0.rng")


def _documents() -> dict[str, bytes]:
    en, ko, alignment = sample_pair()
    seed_en, _, _ = seed_pair()
    return {
        "speaker labels and rubric lines": labelled_tei(),
        "seed pair": seed_tei(),
        "hand-built pair": write_tei(en, ko, alignment),
        "English only": write_tei(en, None, None),
        "seed English only": write_tei(seed_en, None, None),
    }


def test_project_output_is_valid_tei_p5(tei_all):
    for name, data in _documents().items():
        root = parse_xml_safely(data, name)
        assert tei_all.check(root) == [], name
        assert validate_tree(root, (tei_all,)) == [], name


def test_tei_all_catches_what_it_should(tei_all):
    data = seed_tei().replace(b"<standOff>", b"<standOff><p>not here</p>", 1)
    problems = tei_all.check(parse_xml_safely(data, "bad"))
    assert problems and problems[0].rule == "rng:tei_all-4.12.0.rng"
