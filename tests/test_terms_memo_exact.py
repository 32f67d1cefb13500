"""The bead memo (toolkit.terms.memo) is exact: over a corpus whose articles repeat beads in other
contexts (another article's paragraphs around them, an acronym defined elsewhere in one article and
not in the other, the English body reordered so that links and their certainty change), the terms
table a build writes with the memo is the one it writes with every bead's rows made afresh."""

from __future__ import annotations

import random
import shutil

import polars as pl
import pytest

from conftest import repo_root
from toolkit.archive import build_archive
from toolkit.terms import build as terms_build
from toolkit.terms import memo as memo_module

FIXTURES = repo_root() / "fixtures" / "corpus"

# two stories sharing one sentence pair: the second (in article order) defines MSS elsewhere, the first does not,
# so that the bead taken from the memo is grouped by acronyms its first meeting did not have
SHARED_EN = "The MSS arrested three smugglers in Hyesan last week, a resident told RFA."
SHARED_KO = "혜산의 한 주민은 보위부가 지난주 밀수꾼 세 명을 체포했다고 자유아시아방송에 말했습니다."
OWN = {
    "mss-defined": (
        ["Border Guards Tighten Watch on Smugglers",
         "North Korea's Ministry of State Security (MSS) has sent more agents to the border with China, sources said.",
         SHARED_EN,
         "Traders say the crackdown has pushed up the price of Chinese goods at local markets."],
        ["국경 밀수 단속 강화",
         "북한 국가보위성이 중국과의 국경에 요원들을 더 보냈다고 소식통들이 전했습니다.",
         SHARED_KO,
         "상인들은 이번 단속으로 장마당에서 중국산 물건값이 올랐다고 말합니다."]),
    "mss-bare": (
        ["Rain Cuts Roads in Ryanggang",
         "Heavy rain has damaged roads in Ryanggang province, residents said.",
         SHARED_EN,
         "Officials have not said when the roads will reopen."],
        ["양강도 폭우로 도로 끊겨",
         "양강도에서 폭우로 도로가 파손됐다고 주민들이 전했습니다.",
         SHARED_KO,
         "당국은 도로가 언제 다시 열릴지 밝히지 않았습니다."]),
}


def _corpus(root):
    """The fixtures' pairs, two of them run together, one with its English body shuffled, and OWN."""
    pairs = {d.name: ((d / "en.txt").read_text(encoding="utf-8"), (d / "ko.txt").read_text(encoding="utf-8"))
             for d in sorted(FIXTURES.iterdir()) if (d / "ko.txt").is_file()}
    out = {**pairs}
    names = sorted(pairs)
    for a, b in ((names[0], names[1]), (names[1], names[0])):
        out[f"{a}+{b}"] = tuple(x + "\n\n" + y.split("\n\n", 1)[-1] for x, y in zip(pairs[a], pairs[b]))
    head, *body = pairs[names[2]][0].split("\n\n")
    random.Random(7).shuffle(body)
    out[f"{names[2]}~shuffled"] = ("\n\n".join([head, *body]), pairs[names[2]][1])
    out.update((name, ("\n\n".join(en) + "\n", "\n\n".join(ko) + "\n")) for name, (en, ko) in OWN.items())
    for name, (en, ko) in out.items():
        (root / name).mkdir(parents=True)
        (root / name / "en.txt").write_text(en, encoding="utf-8")
        (root / name / "ko.txt").write_text(ko, encoding="utf-8")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("memo-exact")
    _corpus(root / "corpus")
    report = build_archive(root / "corpus", root / "archive", progress=False)
    assert report.ok
    return root / "archive"


def _terms(tables, monkeypatch, memo: bool) -> tuple[pl.DataFrame, int]:
    """The terms table written again from `tables`, with the memo or without, and its hits."""
    hits = []
    plain = memo_module.BeadMemo.rows

    def rows(self, key, bead, acronyms):
        found = plain(self, key, bead, acronyms) if memo else None
        hits.append(found is not None)
        return found

    monkeypatch.setattr(memo_module.BeadMemo, "rows", rows)
    terms_build.write_term_tables(tables)
    return pl.read_parquet(tables / "terms.parquet"), sum(hits)


def test_memoised_rows_equal_rows_made_afresh(archive, tmp_path, monkeypatch):
    tables = tmp_path / "tables"
    shutil.copytree(archive / "tables", tables)
    kept, hits = _terms(tables, monkeypatch, memo=True)
    fresh, none = _terms(tables, monkeypatch, memo=False)
    assert hits >= 20 and none == 0  # many beads were taken from the memo, and none in the second
    assert kept.height > 100
    assert kept.equals(fresh)
    assert kept.equals(pl.read_parquet(archive / "tables" / "terms.parquet"))  # the build's own
