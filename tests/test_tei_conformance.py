"""The project's TEI is TEI P5: valid against tei_all 4.12.0 (skips without ../shared).

tei_all takes ~10 s to compile: validate.load_schema compiles it once per process.
"""

from __future__ import annotations

import copy

import pytest

from conftest import shared_dir
from test_rubrics_bullets import subhead_tei
from test_tei_writer import labelled_tei, sample_pair
from test_validate import seed_pair, seed_tei
from toolkit.model import Credit
from toolkit.tei import write_tei
from toolkit.tei.safe_xml import parse_xml_safely
from toolkit.tei.validate import load_schema, validate_tree


@pytest.fixture(scope="session")
def tei_all():
    return load_schema(shared_dir() / "schemas" / "tei_all-4.12.0.rng")


def _reviewed_seed() -> bytes:
    """The seed with a relinked bead, a confirmed added sentence and their revisionDesc."""
    from toolkit.model import Revision
    from toolkit.review.relink import relink_alignment

    en, ko, alignment = seed_pair()
    alignment = relink_alignment(alignment, [((1, 2), (1,)), ((15,), ())], "Lee Min-ji")
    alignment.revisions.append(Revision("2024-05-01T09:30:00Z", "Lee Min-ji", "linked en-s2 en-s3 = ko-s2"))
    return write_tei(en, ko, alignment)


def _documents() -> dict[str, bytes]:
    en, ko, alignment = sample_pair()
    seed_en, _, _ = seed_pair()
    agents_en = copy.deepcopy(en)
    agents_en.credits += [
        Credit("translator", "generative AI tools", order=len(en.credits) + 1, agent="software"),
        Credit("reporter", "Yonhap", organization="Yonhap", order=len(en.credits) + 2, agent="organization"),
    ]
    return {
        "speaker labels and rubric lines": labelled_tei(),
        "subheads": subhead_tei(),
        "agents of three kinds": write_tei(agents_en, ko, alignment),
        "seed pair": seed_tei(),
        "reviewed seed pair": _reviewed_seed(),
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
