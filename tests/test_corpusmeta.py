"""CORPUS/<id>/meta.json: strict reading, precedence over page metadata, and its way into the
TEI header and the articles table of a build."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import polars as pl
import pytest

from conftest import repo_root
from toolkit.archive import build_archive
from toolkit.corpusmeta import CorpusMeta, Publication, apply_meta, parse_meta, read_meta
from toolkit.errors import InputError
from toolkit.model import Article
from toolkit.tei import read_tei

CORPUS = repo_root() / "fixtures" / "corpus"
GOOD = {
    "url": "https://news.example/english/a-1.html", "published": "2012-03-01", "outlet": "Radio Free Asia",
    "ko_url": "https://news.example/korean/a-1.html", "ko_published": "2012-02-29T18:00:00+09:00",
    "ko_outlet": "자유아시아방송",
}


def meta_of(document) -> CorpusMeta:
    data = document if isinstance(document, bytes) else json.dumps(document, ensure_ascii=False).encode()
    return parse_meta(data, "c/a-1/meta.json")


def test_every_key_is_read():
    meta = meta_of(GOOD)
    assert meta.en == Publication("https://news.example/english/a-1.html", "2012-03-01", "Radio Free Asia")
    assert meta.ko == Publication("https://news.example/korean/a-1.html", "2012-02-29T18:00:00+09:00", "자유아시아방송")


def test_keys_are_optional_null_is_absent_and_a_bom_is_fine():
    assert meta_of({}) == CorpusMeta(Publication(), Publication())
    assert meta_of({"outlet": None, "published": "2024-02-29"}).en == Publication(published="2024-02-29")
    assert meta_of(b'\xef\xbb\xbf{"outlet": " Yonhap "}').en.outlet == "Yonhap"


@pytest.mark.parametrize("document, problem", [
    (b'{"url": "https://news.example/a",}', "not valid JSON (line 1"),
    (b"", "not valid JSON"),
    (b'{"published": NaN}', "NaN is not a JSON value"),
    (b'{"outlet": "A", "outlet": "B"}', "key 'outlet' is given twice"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b'["https://news.example/a"]', "must hold one JSON object, not a list"),
    ({"url": "https://news.example/a", "publised": "2012-03-01"}, "unknown key 'publised' (known: url, published"),
    ({"url": 12}, "url must be a string, not a number"),
    ({"published": ["2012-03-01"]}, "published must be a string, not a list"),
    ({"outlet": True}, "outlet must be a string, not true/false"),
    ({"outlet": "  "}, "outlet is empty"),
    ({"outlet": "Radio\u0000Free Asia"}, "outlet contains a control character"),
    ({"url": "www.rfa.org/english"}, "url must be an absolute http(s) URL"),
    ({"ko_url": "javascript:alert(1)"}, "ko_url must be an absolute http(s) URL"),
    ({"url": "https://news.example/a b"}, "url contains white space"),
    ({"published": "2012-02-30"}, "published must be a date YYYY-MM-DD"),
    ({"published": "March 1, 2012"}, "published must be a date YYYY-MM-DD"),
    ({"ko_published": "2012-03-01T25:00:00"}, "ko_published must be a date"),
    ({"published": "20120301"}, "published must be a date"),
])
def test_a_malformed_meta_json_is_one_clear_error(document, problem):
    with pytest.raises(InputError) as caught:
        meta_of(document)
    message = str(caught.value)
    assert message.startswith("c/a-1/meta.json: ") and problem in message
    assert "\n" not in message


def test_deep_nesting_and_size_are_refused_quickly():
    with pytest.raises(InputError, match="not valid JSON \\(nested too deeply\\)"):
        meta_of(b'{"url": ' + b"[" * 30000 + b"]" * 30000 + b"}")
    with pytest.raises(InputError, match="too large for a meta.json"):
        meta_of(b'{"outlet": "' + b"x" * 70000 + b'"}')


def test_meta_json_wins_over_page_metadata_and_page_fills_the_rest():
    en = Article("en.html", "en", url="https://page.example/og-url", date="2012-03-02", outlet="RFA")
    ko = Article("ko.html", "ko", url="https://page.example/ko", date="2012-02-28")
    apply_meta(meta_of({"published": "2012-03-01", "outlet": "Radio Free Asia"}), en, ko, "meta.json")
    assert (en.url, en.date, en.outlet) == ("https://page.example/og-url", "2012-03-01", "Radio Free Asia")
    assert (ko.url, ko.date, ko.outlet) == ("https://page.example/ko", "2012-02-28", None)


def test_korean_keys_without_a_korean_original_are_an_error():
    en = Article("en.txt", "en")
    with pytest.raises(InputError, match="meta.json: ko_published is given but the article folder has no Korean"):
        apply_meta(meta_of({"url": "https://news.example/a", "ko_published": "2012-02-29"}), en, None, "meta.json")
    apply_meta(meta_of({"url": "https://news.example/a"}), en, None, "meta.json")
    assert en.url == "https://news.example/a"


def test_read_meta_without_file_and_with_a_directory(tmp_path):
    assert read_meta(tmp_path) is None
    (tmp_path / "meta.json").mkdir()
    with pytest.raises(InputError, match="meta.json: is a directory"):
        read_meta(tmp_path)


@pytest.mark.parametrize("kind, problem", [("dangling", "dangling symbolic link"), ("loop", "symbolic link loop"),
                                            ("fifo", "named pipe")])
def test_a_meta_json_that_cannot_be_read_is_an_error_not_absent_metadata(tmp_path, kind, problem):
    """A dangling link named meta.json was taken for no metadata: the article built without it, exit 0."""
    path = tmp_path / "meta.json"
    {"dangling": lambda: path.symlink_to(tmp_path / "moved.json"), "loop": lambda: path.symlink_to(path),
     "fifo": lambda: os.mkfifo(path)}[kind]()
    with pytest.raises(InputError, match=problem):
        read_meta(tmp_path)


def test_fixture_corpus_meta_reaches_the_tei_header_and_the_articles_table(tmp_path):
    corpus = tmp_path / "corpus"
    for name in ("rfa-defectors", "dprk-floods", "english-only"):
        shutil.copytree(CORPUS / name, corpus / name)
    report = build_archive(corpus, tmp_path / "archive", progress=False)
    assert report.failures == []
    articles = pl.read_parquet(tmp_path / "archive" / "tables" / "articles.parquet")
    rows = {r["article_id"]: r for r in articles.iter_rows(named=True)}
    seed = json.loads((CORPUS / "rfa-defectors" / "meta.json").read_text(encoding="utf-8"))
    assert {k: rows["rfa-defectors"][k] for k in ("url", "published", "outlet")} == {
        k: seed[k] for k in ("url", "published", "outlet")}
    assert {k: rows["rfa-defectors"][f"{k}_ko"] for k in ("url", "published", "outlet")} == {
        k: seed[f"ko_{k}"] for k in ("url", "published", "outlet")}
    assert rows["dprk-floods"]["published"] == "2023-08-14T09:30:00+09:00"
    assert rows["dprk-floods"]["url_ko"] is None and rows["dprk-floods"]["published_ko"] == "2023-08-13"
    assert all(rows["english-only"][k] is None for k in ("url", "published", "outlet", "url_ko"))

    en, ko, _ = read_tei(tmp_path / "archive" / "tei" / "rfa-defectors.xml")
    assert (en.url, en.date, en.outlet) == (seed["url"], seed["published"], seed["outlet"])
    assert (ko.url, ko.date, ko.outlet) == (seed["ko_url"], seed["ko_published"], seed["ko_outlet"])


def test_a_bad_meta_json_fails_its_article_only(tmp_path):
    corpus = tmp_path / "corpus"
    for name in ("rfa-defectors", "english-only"):
        shutil.copytree(CORPUS / name, corpus / name)
    (corpus / "english-only" / "meta.json").write_text('{"published": "yesterday"}', encoding="utf-8")
    errors: list[str] = []
    report = build_archive(corpus, tmp_path / "archive", progress=False, on_error=errors.append)
    assert report.built == 1 and len(report.failures) == 1 == len(errors)
    assert errors[0].endswith("english-only/meta.json: published must be a date YYYY-MM-DD or a date-time "
                              "YYYY-MM-DDThh:mm:ss[Z|±hh:mm], not 'yesterday'")
    assert sorted(p.name for p in (tmp_path / "archive" / "tei").iterdir()) == ["rfa-defectors.xml"]


def test_a_meta_json_over_its_limit_says_the_limit_in_kilobytes(tmp_path):
    """The 64 KB limit was said as "file is over the 0.0625 MB limit"."""
    (tmp_path / "meta.json").write_text('{"url": "' + "x" * 70_000 + '"}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_meta(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'meta.json'}: file is over the 64 KB limit"
