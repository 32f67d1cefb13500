"""Patterns that once took minutes or hours on odd input of a few thousand characters, each run in a
child process with a time limit, so that a regression fails here instead of hanging the suite (and a
build worker). The limits are generous: the fixed patterns answer in milliseconds."""
import subprocess
import sys

import pytest

from conftest import repo_root

_CASES = {
    # 40 digits and a stray character: every way of cutting the digits into numbers was retried (2^40)
    "ko_num_fullmatch": "from toolkit.align.numbers import _KO_NUM as p\n"
                        "assert p.fullmatch('1' * 40 + '\\x01') is None",
    # 50,000 digits and no 호/자 after them: looked for again from every digit of the run (its length squared)
    "not_quantity_ko_digit_run": "from toolkit.align.numbers import _NOT_QUANTITY_KO as p\n"
                                 "assert [m.span() for m in p.finditer('1' * 50_000 + '번 열차')] == []\n"
                                 "assert [m.span() for m in p.finditer('1' * 50_000 + '호 열차')] == [(0, 50_000)]",
}


@pytest.mark.parametrize("name", sorted(_CASES))
def test_pattern_answers_quickly_on_pathological_input(name: str) -> None:
    done = subprocess.run([sys.executable, "-c", _CASES[name]], capture_output=True, text=True,
                          cwd=repo_root(), timeout=30)
    assert done.returncode == 0, done.stderr
