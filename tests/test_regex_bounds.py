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
    # 300,000 spaces: a search for the bracketed e-mail of a sign-off, or for a date after a name,
    # began again at every space of the run (its length squared: minutes)
    "bracketed_email_space_run": "from toolkit.credits.korean import _BRACKETED_EMAIL as p\n"
                                 "s = 'YTN 홍길동' + ' ' * 300_000\n"
                                 "assert p.sub('', s + '입니다') == s + '입니다'\n"
                                 "assert p.sub('', s + '[hong@ytn.example]입니다') == 'YTN 홍길동입니다'",
    "date_after_space_run": "from toolkit.terms.compounds import _DATE_AFTER as p\n"
                            "s = 'Ministry of Unification' + ' ' * 300_000\n"
                            "assert p.sub('', s + 'x') == s + 'x'\n"
                            "assert p.sub('', s + 'on Friday') == 'Ministry of Unification'",
    # 300,000 spaces in a roster or a list of suppliers with no list dot after them: the split began
    # again at every space of the run (its length squared: 20,000 spaces took 5.5 s)
    "list_dot_space_run": "from toolkit.credits.korean import split_list_dots as split\n"
                          "s = '한빛시' + ' ' * 300_000\n"
                          "assert split(s + '청') == [s + '청']\n"
                          "assert split(s + ' · 한빛군') == ['한빛시', '한빛군']\n"
                          "assert split(' ·한빛시ㆍ 한빛군·') == ['', '한빛시', '한빛군', '']",
    # an address of 50,000 characters made of "a@": every @ was tried as the one between the local
    # part and the domain, and the domain shortened by one character each time (its length squared)
    "bracketed_email_at_run": "from toolkit.credits.korean import _BRACKETED_EMAIL as p\n"
                              "s = 'YTN 홍길동 [' + 'a@' * 25_000\n"
                              "assert p.sub('', s + '입니다') == s + '입니다'\n"
                              "assert p.sub('', s + ']입니다') == 'YTN 홍길동입니다'\n"
                              "assert p.sub('', 'YTN 홍길동 [@hong@ytn.example]입니다') == 'YTN 홍길동입니다'",
}


@pytest.mark.parametrize("name", sorted(_CASES))
def test_pattern_answers_quickly_on_pathological_input(name: str) -> None:
    done = subprocess.run([sys.executable, "-c", _CASES[name]], capture_output=True, text=True,
                          cwd=repo_root(), timeout=30)
    assert done.returncode == 0, done.stderr
