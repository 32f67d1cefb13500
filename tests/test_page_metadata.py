"""Page metadata from HTML (issue 8, item 2): JSON-LD, OpenGraph, meta tags, stamp lines."""

from __future__ import annotations

import json

import pytest

from conftest import repo_root
from toolkit.ingest import parse_article, read_article
from toolkit.ingest.boilerplate import parse_date_line
from toolkit.ingest.metadata import read_metadata

ARTICLES = repo_root() / "fixtures" / "articles"
BODY = "".join(f"<p>The council met on Tuesday and voted on item {n} of the budget after a long debate.</p>" for n in range(3))


def _root(head: str, body: str = BODY):
    import lxml.html

    return lxml.html.document_fromstring(f"<html><head>{head}</head><body><article>{body}</article></body></html>")


def _ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "data",
    [
        {"@type": "NewsArticle", "headline": "H", "author": [{"@type": "Person", "name": "Ann Lee"},
                                                            {"@type": "Person", "name": "Bo Kim"}]},
        [{"@type": "WebSite", "name": "x"}, {"@type": "Article", "headline": "H", "author": ["Ann Lee", "Bo Kim"]}],
        {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
                                                      {"@type": ["NewsArticle"], "headline": "H",
                                                       "author": [{"name": "Ann Lee"}, {"name": "Bo Kim"}]}]},
    ],
    ids=["object", "list", "graph"],
)
def test_json_ld_article_in_any_wrapping(data):
    meta = read_metadata(_root(_ld(data)))
    assert meta.title == "H"
    assert [(a.name, a.agent) for a in meta.authors] == [("Ann Lee", "person"), ("Bo Kim", "person")]


def test_json_ld_fields_and_organization_author():
    data = {"@type": "ReportageNewsArticle", "headline": "H", "description": "D", "inLanguage": "ko",
            "datePublished": "2023-11-14T23:50:00-05:00", "author": {"@type": "Organization", "name": "Wire Desk"},
            "publisher": {"@type": "Organization", "name": "The Paper"},
            "mainEntityOfPage": {"@id": "https://paper.example/a/1"}}
    meta = read_metadata(_root(_ld(data)))
    assert (meta.description, meta.language, meta.date, meta.publisher, meta.url) == (
        "D", "ko", "2023-11-14", "The Paper", "https://paper.example/a/1")  # the day as the page dates it
    assert [(a.name, a.agent) for a in meta.authors] == [("Wire Desk", "organization")]


@pytest.mark.parametrize(
    "script",
    ["{not json", "[" * 100_000 + "]" * 100_000, json.dumps({"@type": "NewsArticle", "headline": "x" * 1_100_000})],
    ids=["malformed", "nested-past-the-parser", "huge"],
)
def test_bad_json_ld_is_skipped_and_meta_tags_still_read(script):
    head = (f'<script type="application/ld+json">{script}</script>'
            '<meta property="og:title" content="From OG"><meta name="author" content="Cara Moon">'
            '<meta property="article:published_time" content="2024-02-29T08:00:00+09:00">')
    meta = read_metadata(_root(head))
    assert (meta.title, [a.name for a in meta.authors], meta.date) == ("From OG", ["Cara Moon"], "2024-02-29")


@pytest.mark.parametrize("head", [
    '<meta name="author" content="' + "Cara Moon " * 50_000 + ', Ann Lee">',
    _ld({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Cara " * 50_000}, "Moon " * 50_000, "Ann Lee"]}),
], ids=["meta", "json-ld"])
def test_a_stuffed_author_field_is_no_credit(head):
    """A 500,000-character meta author became one writer credit (and a persName that size in the
    TEI); a name that long is no byline, and the name beside it still counts."""
    assert [a.name for a in read_metadata(_root(head)).authors] == ["Ann Lee"]


def test_a_content_system_login_is_not_an_author_and_time_dates_the_page():
    head = '<meta name="DC.creator" content="kwonl"><meta name="author" content="webadmin">'
    meta = read_metadata(_root(head, BODY + '<time datetime="2021-06-01T10:00:00Z">June 1</time>'))
    assert meta.authors == [] and meta.date == "2021-06-01"


def test_url_and_outlet_reach_the_article():
    article = read_article(ARTICLES / "en-rfa-plone-mine-flood.html")
    assert article.url == "https://www.rfa.org/english/news/korea/mine-flood-03142024101500.html"
    assert article.outlet == "Radio Free Asia"
    korean = read_article(ARTICLES / "ko-wire-subway-signal.html")
    assert (korean.url, korean.outlet) == ("https://www.wire.example/view/AKR20231114041200004", "연합뉴스")


def _page(ld_authors: list[str], printed: str) -> str:
    data = {"@type": "NewsArticle", "headline": "Budget vote", "author": [{"@type": "Person", "name": n} for n in ld_authors]}
    return f"<html><head>{_ld(data)}</head><body><article><h1>Budget vote</h1>{BODY}<p>{printed}</p></article></body></html>"


def test_printed_credits_come_first_and_metadata_fills_in_the_rest():
    html = _page(["Ann Lee", "Bo Kim"], "Reported by Ann Lee. Edited by Dan Ross.")
    article = parse_article(html.encode(), "page.html")
    assert [(c.role, c.name, c.order) for c in article.credits] == [
        ("reporter", "Ann Lee", 1), ("editor", "Dan Ross", 2), ("writer", "Bo Kim", 3)]


def test_a_metadata_author_in_another_script_is_the_same_person():
    body = "".join(f"<p>시의회는 화요일 예산안 {n}항을 두고 긴 토론 끝에 표결했다.</p>" for n in range(3))
    data = {"@type": "NewsArticle", "headline": "예산 표결", "author": {"@type": "Person", "name": "Hong Gil-dong"}}
    html = (f"<html><head>{_ld(data)}</head><body><article><h1>예산 표결</h1>"
            f"<p>(서울=연합뉴스) 홍길동 기자 = 시의회가 예산안을 통과시켰다.</p>{body}</article></body></html>")
    article = parse_article(html.encode(), "page.html")
    assert [(c.role, c.name) for c in article.credits] == [("reporter", "홍길동")]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("송고시간2023-11-14 10:21", "2023-11-14"),
        ("Published: 14 November 2023, 10:21 KST", "2023-11-14"),
        ("Updated Nov. 14, 2023 10:21 a.m. ET", "2023-11-14"),
        ("입력 2023-05-19 03:00업데이트 2023-05-19 11:42", "2023-05-19"),
        ("작성 2018.09.18 14:28 수정 2018.09.18 15:06 조회수", "2018-09-18"),
        ("Posted May. 22, 2013 03:07,", "2013-05-22"),
        ("The vote is set for 2023-05-19 in the council.", None),
    ],
)
def test_lines_that_only_carry_a_date_are_metadata(line, day):
    assert parse_date_line(line) == day
