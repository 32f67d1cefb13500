"""benchmarks/calibrate.py: the refit of the confidence weights can be repeated with one command
(after another change to the aligner's bead scores), and it writes what it fitted, with that
command, into confidence.py."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import repo_root

sys.path.insert(0, str(repo_root() / "benchmarks"))

FAKE = '''"""A module shaped like confidence.py."""

BEFORE = 1

# Fitted by `benchmarks/calibrate.py --tune old --l2 3` (logistic regression) on an
# older selection of pairs.
LINK_WEIGHTS: dict[str, float] = {
    'bias': -1.0, 'score': 0.5,
}
NULL_WEIGHTS: dict[str, float] = {
    'bias': -2.0, 'alt': -0.25,
}


AFTER = 2
'''


def _load(path) -> dict:
    names: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), names)
    return names


def test_write_weights_replaces_the_block_and_records_the_command(tmp_path) -> None:
    import calibrate

    target = tmp_path / "confidence.py"
    target.write_text(FAKE, encoding="utf-8")
    link = {"bias": -1.5, **{f"feature_{k}": k / 7 for k in range(12)}}
    null = {"bias": -3.25, "alt": -0.5, "facing_any": -1.125}
    command = "benchmarks/calibrate.py --tune ../realdata/validation/pairs13 --l2 3 --write"
    calibrate.write_weights(target, link, null, command, 3.0)
    text = target.read_text(encoding="utf-8")
    names = _load(target)
    assert names["LINK_WEIGHTS"] == link and names["NULL_WEIGHTS"] == null
    assert names["BEFORE"] == 1 and names["AFTER"] == 2  # the rest of the module kept
    assert "--tune old" not in text and "older selection" not in text
    comment = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    assert f"`{command}`" in comment
    assert max(len(line) for line in text.splitlines()) <= 100
    calibrate.write_weights(target, link, null, command, 3.0)  # the written block is found again
    assert target.read_text(encoding="utf-8") == text


def test_write_weights_refuses_a_file_without_one_block(tmp_path) -> None:
    import calibrate

    target = tmp_path / "confidence.py"
    target.write_text(FAKE.replace("# Fitted by", "# Set by hand, not"), encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        calibrate.write_weights(target, {"bias": 0.0}, {"bias": 0.0}, "x", 3.0)
    assert str(target) in str(stop.value)
    assert target.read_text(encoding="utf-8").startswith('"""A module shaped')


def test_the_shipped_weights_are_in_a_block_calibrate_can_rewrite(tmp_path) -> None:
    """`make calibrate WRITE=1` must find the block in confidence.py itself: rewriting it with the
    same weights changes nothing but the comment."""
    import calibrate

    from toolkit.align.confidence import LINK_WEIGHTS, NULL_WEIGHTS

    copy = tmp_path / "confidence.py"
    copy.write_text(calibrate.CONFIDENCE.read_text(encoding="utf-8"), encoding="utf-8")
    calibrate.write_weights(copy, LINK_WEIGHTS, NULL_WEIGHTS, "benchmarks/calibrate.py --same", 3.0)
    code = lambda text: [line for line in text.splitlines() if not line.startswith("#")]  # noqa: E731
    assert code(copy.read_text(encoding="utf-8")) == code(calibrate.CONFIDENCE.read_text(encoding="utf-8"))


def test_write_needs_a_fit() -> None:
    done = subprocess.run([sys.executable, str(repo_root() / "benchmarks" / "calibrate.py"), "--report-only",
                           "--write", "/nonexistent/confidence.py"], capture_output=True, text=True)
    assert done.returncode != 0 and "--write" in done.stderr and "nothing is fitted" in done.stderr


def test_make_calibrate_is_the_one_command_to_refit(tmp_path) -> None:
    """`make calibrate` scores the shipped weights on every set, then measures a refit on the same
    sets by leaving each out; only WRITE=1 writes the weights."""
    import shutil

    if shutil.which("make") is None:
        pytest.skip("make is absent")
    sets = [str(tmp_path / "one"), str(tmp_path / "two")]

    def commands(*extra: str) -> list[list[str]]:
        done = subprocess.run(["make", "-s", "-n", "-C", str(repo_root()), "calibrate",
                               f"CALIBRATION_SETS={' '.join(sets)}", "STAMP=Makefile", *extra],
                              capture_output=True, text=True, check=True)
        return [line.split() for line in done.stdout.splitlines() if "calibrate.py" in line]

    report, refit = commands()
    assert "--report-only" in report and [report[i + 1] for i, w in enumerate(report) if w == "--heldout"] == sets
    assert [refit[i + 1] for i, w in enumerate(refit) if w == "--tune"] == sets
    assert "--leave-one-out" in refit and "--write" not in refit and "--report-only" not in refit
    assert "--write" in commands("WRITE=1")[1]


def test_a_ted_share_splits_the_pseudo_articles_into_fitted_and_measured(monkeypatch) -> None:
    """`--ted-share N`: every Nth TED pseudo-article joins the fit and only the others measure
    TED, so the two never overlap and together are the whole split."""
    import calibrate

    class Aligned:
        def path(self):
            return []

        def features(self, path):
            return []

    seen: list[int] = []
    articles = [type("A", (), {"en": [k], "ko": [], "ko_analyses": {}})() for k in range(7)]
    monkeypatch.setattr(calibrate, "make_articles", lambda split: articles)
    monkeypatch.setattr(calibrate, "line_components", lambda art, beads: [])
    monkeypatch.setattr(calibrate, "aligner_of", lambda en, ko, lexicon, analyses: seen.append(en[0]) or Aligned())
    calibrate.line_rows("ted", None, 3, fitted=True)
    fitted, seen[:] = list(seen), []
    calibrate.line_rows("ted", None, 3)
    measured, seen[:] = list(seen), []
    calibrate.line_rows("ted", None)
    assert fitted == [0, 3, 6] and measured == [1, 2, 4, 5] and seen == list(range(7))


@pytest.mark.parametrize("n", ["1", "-3"])
def test_a_ted_share_that_leaves_nothing_to_measure_is_refused(n: str) -> None:
    """`--ted-share 1` fitted every TED pseudo-article and then reported TED on none: "ECE 0.000 over
    0 beads", a figure that reads as perfect. It is refused before any work, naming the option."""
    run = subprocess.run([sys.executable, str(repo_root() / "benchmarks" / "calibrate.py"), "--ted-share", n,
                          "--report-only", "--no-corpora"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--ted-share" in run.stderr and "2 or more" in run.stderr


def test_sets_of_one_domain_are_pooled_and_each_domain_counts_once() -> None:
    """A design is judged by the mean over domains of the left-out ECE: pairs13 and pairs14 pool
    into one domain however many beads each holds, and a large domain (news dev) weighs no more
    than a small one (TED share)."""
    import calibrate

    right = [(0.9, True, "link")] * 9 + [(0.9, False, "link")]  # cert 0.9, right 9 in 10: ECE 0
    wrong = [(0.9, False, "link")] * 10  # right 0 in 10: ECE 0.9
    by_set = {"/x/pairs13": right, "/y/pairs14": wrong, "/x/rewrites7": right,
              "news dev": right * 50, "TED share": wrong}
    errors = calibrate.domain_errors(by_set)
    assert set(errors) == {"pairs", "rewrites", "news dev", "TED share"}
    assert errors["pairs"] == (20, pytest.approx(0.45)) and errors["rewrites"] == (10, pytest.approx(0.0))
    assert errors["news dev"] == (500, pytest.approx(0.0)) and errors["TED share"][1] == pytest.approx(0.9)


def test_a_heldout_set_that_is_also_fitted_is_refused(tmp_path, monkeypatch, capsys) -> None:
    """The last line of a refit scores the --heldout sets "in no fit": a set given to --tune as well
    (or a --heldout folder holding a --tune pair) would be scored by a fit that saw it."""
    import calibrate

    pair = tmp_path / "sets" / "pairs13" / "p01"
    pair.mkdir(parents=True)
    for name in ("en.txt", "ko.txt", "gold.tsv"):
        (pair / name).write_text("x\n", encoding="utf-8")

    def no_work():
        raise AssertionError("the work began")

    monkeypatch.setattr(calibrate, "load_lexicon", no_work)
    for heldout in (pair.parent, tmp_path / "sets"):
        monkeypatch.setattr(sys, "argv", ["calibrate.py", "--no-corpora", "--tune", str(pair.parent),
                                          "--heldout", str(heldout)])
        with pytest.raises(SystemExit) as stop:
            calibrate.main()
        assert stop.value.code == 2 and str(heldout) in capsys.readouterr().err
    # with --report-only nothing is fitted: the same sets are refused nowhere
    monkeypatch.setattr(sys, "argv", ["calibrate.py", "--no-corpora", "--report-only", "--tune", str(pair.parent),
                                      "--heldout", str(pair.parent)])
    with pytest.raises(AssertionError, match="the work began"):
        calibrate.main()
