"""Each Schematron rule of schemas/transprov.sch catches its fault (on the hand-built pair),
and validation stays linear in the size of a file."""

from __future__ import annotations

import time

import pytest
from lxml import etree

from test_tei_writer import sample_pair
from toolkit.model import Alignment, Article, Bead, Paragraph, Sentence
from toolkit.tei import write_tei
from toolkit.tei.safe_xml import parse_xml_safely
from toolkit.tei.validate import project_validators, validate_tree

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _set(path: str, attribute: str, value: str):
    def edit(tree):
        tree.xpath(path, namespaces=NS)[0].set(attribute, value)
    return edit


def _swap_heads(tree):
    div = tree.find(".//tei:div", NS)
    title, dek = div.findall("tei:head", NS)[:2]
    div.remove(title)
    dek.addnext(title)


CASES = {
    "link-type": _set("//tei:link[1]", "type", "2-1"),
    "link-both-languages": _set("//tei:link[1]", "target", "#en-s1 #en-s2"),
    "link-only-sentences": _set("//tei:link[1]", "target", "#en-s1 #resp-1"),
    "sentence-one-link": _set("//tei:link[3]", "target", "#en-s5 #ko-s1"),
    "sentence-resp": _set("//tei:s[@resp][1]", "resp", "#lang-en"),
    "lang-declared": _set("//tei:p[1]", XML_LANG, "ja"),
    "resp-relator": _set("//tei:resp[@key='translator']", "ref", "http://id.loc.gov/vocabulary/relators/rpt"),
    "change-who": _set("//tei:change[1]", "who", "#en"),
    "listchange-corresp": _set("//tei:listChange[1]", "corresp", "#resp-1"),
    "service-language": _set("//tei:orgName[@corresp][1]", "corresp", "#resp-1"),
    "div-heads": _swap_heads,
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_catches_its_fault(rule):
    tree = etree.fromstring(write_tei(*sample_pair()))
    assert validate_tree(tree) == []
    CASES[rule](tree)
    problems = validate_tree(parse_xml_safely(etree.tostring(tree), rule))
    assert rule in {p.rule for p in problems}, problems
    assert all(p.line >= 1 and p.message for p in problems)


def _long_pair(n: int) -> bytes:
    en = Article("en", "en", title="t", paragraphs=[
        Paragraph(f"Sentence {i}.", "en", [Sentence(f"en-s{i + 1}", f"Sentence {i}.", "en", i)]) for i in range(n)])
    ko = Article("ko", "ko", title="제목", paragraphs=[
        Paragraph(f"문장 {i}.", "ko", [Sentence(f"ko-s{i + 1}", f"문장 {i}.", "ko", i)]) for i in range(n)])
    return write_tei(en, ko, Alignment([Bead((i,), (i,), 0.5) for i in range(n)]))


@pytest.mark.parametrize("which, n", [(0, 4000), (1, 1000)])  # RELAX NG, Schematron
def test_validation_time_is_linear_in_file_size(which, n):
    """libxml2 validates some content models in quadratic time; the schemas avoid them."""
    validator = project_validators()[which]
    seconds = {}
    for size in (n, 4 * n):
        root = parse_xml_safely(_long_pair(size), f"long-{size}")
        runs = []
        for _ in range(2):  # CPU time, best of two: other processes on the machine do not count
            start = time.process_time()
            assert validator.check(root) == []
            runs.append(time.process_time() - start)
        seconds[size] = min(runs)
    assert seconds[4 * n] / seconds[n] < 9, seconds  # 4x the size: ~4-5x the time, not 16x


def test_every_role_of_the_model_is_valid_with_its_relator():
    from toolkit.model import ROLES, Credit

    en, ko, alignment = sample_pair()
    en.credits = [Credit(role, f"Person {n}", order=n) for n, role in enumerate(ROLES, 1)]
    tree = etree.fromstring(write_tei(en, ko, alignment))
    assert validate_tree(tree) == []
    assert set(tree.xpath("//tei:resp/@key", namespaces=NS)) == set(ROLES)
