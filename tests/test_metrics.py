"""Tables, checks and metrics on hand-built articles and alignments (no ingest or aligner needed)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import polars as pl
import pytest

from toolkit.archive import TableSink
from toolkit.hangul import has_hangul
from toolkit.metrics.checks import length_outliers, length_ratio, names_agree, numbers_agree, sets_agree
from toolkit.align.lexicon import Lexicon
from toolkit.metrics.consistency import repeated_sources
from toolkit.metrics.summary import article_metrics, summarize
from toolkit.metrics.tables import article_rows, schemas
from toolkit.model import Alignment, Article, Bead, Credit, Paragraph, Sentence
from toolkit.terms import terminology_consistency, write_term_tables


def make_article(lang: str, paragraphs: list[list[str]], credits=(), title=None) -> Article:
    article = Article(source=f"{lang}.txt", language=lang, title=title, credits=list(credits))
    n = 0
    for index, texts in enumerate(paragraphs):
        para = Paragraph(text=" ".join(texts), lang=lang)
        for text in texts:
            n += 1
            para.sentences.append(Sentence(id=f"{lang}-s{n}", text=text, lang=lang, paragraph=index))
        article.paragraphs.append(para)
    return article


def credits(translator: str, writer: str = "Parameswaran Ponnudurai") -> list[Credit]:
    return [
        Credit("reporter", "Kim Joon-Ho", "Korean", "RFA", "ko", 1, name_ko="김준호"),
        Credit("translator", translator, None, None, None, 2),
        Credit("writer", writer, None, None, None, 3),
    ]


def pair(translator: str = "Kang Min Kyung", ko_years: str = "5년"):
    en = make_article("en", [
        ["The court sentenced 31 defectors to five years in prison.",
         "Human rights groups have long criticized the court."],
        ["Kim Joon-Ho said the families were banished.", "They were sent to remote areas."],
    ], credits(translator), title="Court jails defectors")
    ko = make_article("ko", [
        [f"법원은 탈북자 31명에게 징역 {ko_years}을 선고했습니다.", "김준호 씨는 가족들이 추방돼 외딴 지역으로 보내졌다고 말했습니다."],
        ["주민들의 불안은 커지고 있습니다."],
    ], title="법원, 탈북자에 징역형")
    alignment = Alignment([
        Bead((0,), (0,), 0.9), Bead((1,), (), 0.8), Bead((2, 3), (1,), 0.7), Bead((), (2,), 0.6),
    ])
    return en, ko, alignment





LEXICON = Lexicon().extended([("탈북자", "defector"), ("탈북자", "refugee"), ("법원", "court"),
                              ("가족", "family"), ("징역", "prison")])


def build_tables(tmp_path: Path, articles: list[tuple], batch: int = 1) -> Path:
    """The tables of a build: row tables through the sink, then the terms step."""
    tables = tmp_path / "tables"
    tables.mkdir()
    sink = TableSink(tables, batch=batch)
    for article_id, en, ko, alignment in articles:
        sink.add(article_rows(article_id, en, ko, alignment))
    sink.finish()
    write_term_tables(tables, LEXICON)
    return tables


# ---------------------------------------------------------------- checks

def test_numbers_agree_on_words_counters_and_changes():
    assert numbers_agree("more than five years", "5년 이상") is True
    assert numbers_agree("more than five years", "3년 이상") is False
    assert numbers_agree("30,000 people", "3만 명") is True
    # the writer dropped a date: one side's numbers contain the other's, not a change
    assert numbers_agree("31 refugees arrested last month", "지난달 21일 체포된 31명") is True
    assert numbers_agree("refugees arrested last month", "5년") is None
    assert numbers_agree("no figures here", "숫자 없음") is None


def test_sets_agree_rule():
    assert sets_agree({"1"}, {"1", "2"}) is True
    assert sets_agree({"1", "3"}, {"1", "2"}) is False
    assert sets_agree(set(), {"2"}) is None


def test_names_agree():
    assert names_agree("Kim Joon-Ho reported the story.", "김준호 기자가 보도했습니다.") is True
    assert names_agree("Kim Jun-Su reported the story.", "김준호 기자가 보도했습니다.") is False
    assert names_agree("North Korea said so.", "김정은 위원장이 말했습니다.") is None
    assert names_agree("The story was reported.", "김준호 기자가 보도했습니다.") is None


def test_length_ratio_and_hangul():
    assert length_ratio(205, 100) == pytest.approx(2.05)
    assert length_ratio(0, 100) is None and length_ratio(10, 0) is None
    assert has_hangul("The word 탈북 was left") and not has_hangul("Pyongyang, Feb. 21")


def test_length_outliers_zscore():
    ratios = [2.0] * 50 + [2.1] * 49 + [20.0]
    links = pl.LazyFrame({"article_id": [f"a{i}" for i in range(100)], "length_ratio": ratios})
    found = length_outliers(links, threshold=3.0).collect()
    assert found["article_id"].to_list() == ["a99"]
    assert found["length_z"][0] > 3


# ---------------------------------------------------------------- rows

def test_article_rows_columns_and_origins():
    en, ko, alignment = pair()
    rows = article_rows("a1", en, ko, alignment)
    for table, table_rows in rows.items():
        for row in table_rows:
            assert list(row) == list(schemas()[table]), table
    origin = {r["sentence_id"]: r["origin"] for r in rows["sentences"]}
    assert origin == {"en-s1": "translated", "en-s2": "added", "en-s3": "translated",
                      "en-s4": "translated", "ko-s1": "translated", "ko-s2": "translated",
                      "ko-s3": "untranslated"}
    # links holds linked beads only, numbered as in the alignment; null beads are sentences with no bead
    links = rows["links"]
    assert [(link["bead"], link["bead_type"]) for link in links] == [(0, "1-1"), (2, "2-1")]
    assert links[1]["en_ids"] == ["en-s3", "en-s4"] and links[1]["ko_ids"] == ["ko-s2"]
    assert links[0]["numbers_match"] is True and links[1]["names_match"] is True
    assert all(link["length_ratio"] is not None for link in links)
    beads = {r["sentence_id"]: r["bead"] for r in rows["sentences"]}
    assert beads["en-s2"] is None and beads["ko-s3"] is None and beads["en-s4"] == 2
    assert "terms" not in rows  # the terms step runs over the whole archive, after the rows
    assert rows["articles"][0]["service"] == "Korean" and rows["articles"][0]["title_ko"]


def test_english_only_rows():
    en, _, _ = pair()
    rows = article_rows("solo", en, None, None)
    assert {r["origin"] for r in rows["sentences"]} == {"unaligned"}
    assert {r["lang"] for r in rows["sentences"]} == {"en"}
    assert rows["links"] == [] and rows["articles"][0]["has_original"] is False


# ---------------------------------------------------------------- tables and metrics

def test_tables_metrics_and_order(tmp_path):
    en, ko, alignment = pair()
    en3, ko3, alignment3 = pair(translator="Other Person", ko_years="3년")
    solo, _, _ = pair()
    tables = build_tables(tmp_path, [("b-3yr", en3, ko3, alignment3), ("a-seed", en, ko, alignment),
                                     ("c-solo", solo, None, None)])
    for name in ("articles", "credits", "sentences", "links", "terms", "glossary", "metrics"):
        df = pl.read_parquet(tables / f"{name}.parquet")
        assert df.schema == pl.Schema(schemas()[name]), name
    metrics = pl.read_parquet(tables / "metrics.parquet")
    assert metrics["article_id"].to_list() == ["a-seed", "b-3yr", "c-solo"]
    seed = metrics.row(0, named=True)
    assert seed["n_en"] == 4 and seed["n_ko"] == 3
    assert seed["en_translated_share"] == pytest.approx(3 / 4)
    assert seed["en_added_share"] == pytest.approx(1 / 4)
    assert seed["ko_untranslated_share"] == pytest.approx(1 / 3)
    assert seed["number_mismatches"] == 0 and seed["name_mismatches"] == 0
    assert seed["mean_cert"] == pytest.approx((0.9 + 0.7) / 2)  # the links' certainties (null beads are none)
    assert seed["translator"] == "Kang Min Kyung" and seed["writer"] == "Parameswaran Ponnudurai"
    assert seed["service"] == "Korean"
    assert metrics.row(1, named=True)["number_mismatches"] == 1
    solo_row = metrics.row(2, named=True)
    assert solo_row["n_ko"] == 0 and solo_row["en_translated_share"] is None
    assert solo_row["number_mismatches"] is None
    # parts are combined in the order the articles were added (a build adds them sorted)
    sentences = pl.read_parquet(tables / "sentences.parquet")
    assert sentences["article_id"].unique(maintain_order=True).to_list() == ["b-3yr", "a-seed", "c-solo"]
    for _, group in sentences.group_by("article_id", "lang"):
        assert group["position"].to_list() == sorted(group["position"].to_list())


def test_tables_read_by_pyarrow(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    en, ko, alignment = pair()
    tables = build_tables(tmp_path, [("a", en, ko, alignment), ("b", en, ko, alignment)])
    links = pq.read_table(tables / "links.parquet")
    en_ids = links.schema.field("en_ids").type
    assert pa.types.is_list(en_ids) or pa.types.is_large_list(en_ids)
    assert pa.types.is_string(en_ids.value_type) or pa.types.is_large_string(en_ids.value_type)
    assert links.num_rows == 4
    assert pq.read_table(tables / "articles.parquet").num_rows == 2


def test_summaries_by_translator(tmp_path):
    en, ko, alignment = pair()
    en2, ko2, alignment2 = pair(translator="Other Person", ko_years="3년")
    en3, ko3, alignment3 = pair()
    # a second article by the first translator with everything translated
    alignment3 = Alignment([Bead((0, 1), (0,), 0.5), Bead((2, 3), (1, 2), 0.5)])
    tables = build_tables(tmp_path, [("a", en, ko, alignment), ("b", en2, ko2, alignment2),
                                     ("c", en3, ko3, alignment3)], batch=2)
    by = summarize(tmp_path, by="translator")
    assert by["translator"].to_list() == ["Kang Min Kyung", "Other Person"]
    kang = by.row(0, named=True)
    assert kang["articles"] == 2 and kang["n_en"] == 8
    assert kang["en_translated_share"] == pytest.approx(7 / 8)
    assert kang["number_mismatches"] == 0
    assert by.row(1, named=True)["number_mismatches"] == 1
    assert summarize(tmp_path / "tables", by="article").height == 3
    with pytest.raises(ValueError):
        summarize(tmp_path, by="year")
    lazy = article_metrics(tables).collect()
    assert lazy["article_id"].to_list() == ["a", "b", "c"]


def test_an_archive_named_by_a_string_is_read_as_by_a_path(tmp_path):
    """A notebook passes the archive as a string: tables_dir did `archive / "tables"` and every
    public reader failed with "unsupported operand type(s) for /: 'str' and 'str'"."""
    build_tables(tmp_path, [("a", *pair()), ("b", *pair(translator="Other Person"))])
    assert summarize(str(tmp_path), by="translator").equals(summarize(tmp_path, by="translator"))
    assert repeated_sources(str(tmp_path)).equals(repeated_sources(tmp_path))
    assert terminology_consistency(str(tmp_path)).equals(terminology_consistency(tmp_path))


def test_article_metrics_of_a_tables_folder_polars_would_read_as_a_pattern_is_refused(tmp_path):
    """article_metrics (public, given the tables folder itself) scanned it without the check that
    tables_dir makes: under `news?` it read `newsX`'s tables too, every article twice."""
    import shutil

    from toolkit.errors import InputError

    built = build_tables(tmp_path, [("a", *pair())])
    for folder in ("news?", "newsX"):
        shutil.copytree(built, tmp_path / folder / "tables")
    tables = tmp_path / "news?" / "tables"
    with pytest.raises(InputError, match="has '\\?' in its name"):
        article_metrics(tables).collect()


def test_terminology_consistency(tmp_path):
    en, ko, alignment = pair()
    en2, ko2, alignment2 = pair()
    en2.paragraphs[0].sentences[0].text = "The court sentenced 31 refugees to five years in prison."
    build_tables(tmp_path, [("a", en, ko, alignment), ("b", en2, ko2, alignment2),
                 ("c", en, ko, alignment)])
    df = terminology_consistency(tmp_path)
    row = df.filter(pl.col("ko_term") == "탈북자").row(0, named=True)
    assert row["translator"] == "Kang Min Kyung"
    assert row["occurrences"] == 3 and row["rendered"] == 3 and row["renderings"] == 2
    assert row["top_rendering"] == "defectors" and row["omitted"] == 0
    assert row["consistency"] == pytest.approx(2 / 3)
    terms = pl.read_parquet(tmp_path / "tables" / "terms.parquet")
    assert set(terms.filter(pl.col("ko_term") == "탈북자")["en_rendering"]) == {"defectors", "refugees"}
    court = df.filter(pl.col("ko_term") == "법원").row(0, named=True)
    assert court["consistency"] == 1.0


def test_repeated_sources(tmp_path):
    en, ko, alignment = pair()
    en2, ko2, alignment2 = pair()
    en2.paragraphs[0].sentences[0].text = "A court jailed 31 defectors for five years."
    ko2.paragraphs[0].sentences[0].text = "법원은 탈북자 31명에게 징역 5년을 선고했습니다"  # no full stop
    en3, ko3, alignment3 = pair()
    for s in ko3.sentences:
        s.text = "전혀 다른 내용의 문장으로 바꿔 썼습니다" + s.id
    build_tables(tmp_path, [("a", en, ko, alignment), ("b", en2, ko2, alignment2),
                 ("c", en3, ko3, alignment3)])
    df = repeated_sources(tmp_path)
    pairs = {(r["article_a"], r["ko_id_a"], r["article_b"], r["ko_id_b"]) for r in df.iter_rows(named=True)}
    assert ("a", "ko-s1", "b", "ko-s1") in pairs and ("a", "ko-s2", "b", "ko-s2") in pairs
    assert not any("c" in (p[0], p[2]) for p in pairs)
    first = df.filter((pl.col("article_a") == "a") & (pl.col("ko_id_a") == "ko-s1")).row(0, named=True)
    assert first["ko_similarity"] == 100.0 and 0 < first["en_chrf"] < 100
    same = df.filter((pl.col("article_a") == "a") & (pl.col("ko_id_a") == "ko-s2")).row(0, named=True)
    assert same["en_chrf"] == pytest.approx(100.0)
    assert df["en_chrf"].to_list() == sorted(df["en_chrf"].to_list())
    assert not math.isnan(first["en_chrf"])


# ---------------------------------------------------------------- groups of people

def co_translated():
    """Three articles: a, translated by two people; b, by one of them; c, by nobody credited."""
    en, ko, alignment = pair()
    en.credits.insert(2, Credit("translator", "Lee Ha-na", None, None, None, 3))
    en.credits[-1].order = 4
    en.credits.append(Credit("editor", "Dana Whitaker", order=5))
    en.outlet = "Radio Free Asia"
    en2, ko2, alignment2 = pair(translator="Lee Ha-na", ko_years="3년")
    en3, ko3, alignment3 = pair()
    en3.credits = [Credit("reporter", "RFA's Korean Service", "Korean", "RFA", "ko", 1, agent="organization"),
                   Credit("photographer", "Yonhap", None, None, None, 2, agent="organization")]
    return [("a", en, ko, alignment), ("b", en2, ko2, alignment2), ("c", en3, ko3, alignment3)]


def test_every_credited_translator_counts_and_the_uncredited_are_one_null_group(tmp_path):
    build_tables(tmp_path, co_translated())
    by = summarize(tmp_path, by="translator")
    assert by["translator"].to_list() == ["Kang Min Kyung", "Lee Ha-na", None]
    rows = {r["translator"]: r for r in by.iter_rows(named=True)}
    assert rows["Kang Min Kyung"]["articles"] == 1 and rows["Lee Ha-na"]["articles"] == 2
    assert rows["Lee Ha-na"]["n_en"] == 8 and rows["Lee Ha-na"]["number_mismatches"] == 1
    assert rows[None]["articles"] == 1 and rows[None]["n_en"] == 4
    # bead means over the group's beads: Lee's two articles, four beads each
    assert rows["Lee Ha-na"]["mean_cert"] == pytest.approx((0.9 + 0.7) / 2)
    assert "(none)" not in str(by.to_dicts())
    # the per-article table names both translators
    metrics = pl.read_parquet(tmp_path / "tables" / "metrics.parquet")
    assert metrics["translator"].to_list() == ["Kang Min Kyung; Lee Ha-na", "Lee Ha-na", None]


def test_groups_by_reporter_editor_organization_outlet_service(tmp_path):
    build_tables(tmp_path, co_translated())

    def groups(by):
        return {r[by]: r["articles"] for r in summarize(tmp_path, by=by).iter_rows(named=True)}

    assert groups("reporter") == {"Kim Joon-Ho": 2, "RFA's Korean Service": 1}
    assert groups("editor") == {"Dana Whitaker": 1, None: 2}
    assert groups("photographer") == {"Yonhap": 1, None: 2}
    # organizations: the one a credit names (RFA) and one credited by name (Yonhap)
    assert groups("organization") == {"RFA": 3, "Yonhap": 1}
    assert groups("outlet") == {"Radio Free Asia": 1, None: 2}
    assert groups("service") == {"Korean": 3}
    assert summarize(tmp_path, by="outlet")["outlet"].to_list() == ["Radio Free Asia", None]


def test_terminology_per_translator_counts_co_translators_and_the_null_group(tmp_path):
    build_tables(tmp_path, co_translated())
    df = terminology_consistency(tmp_path, min_occurrences=1)
    court = {r["translator"]: r["occurrences"] for r in df.filter(pl.col("ko_term") == "법원").iter_rows(named=True)}
    assert court == {"Kang Min Kyung": 1, "Lee Ha-na": 2, None: 1}
    assert df["translator"].to_list()[-1] is None  # the null group sorts last


def test_cli_shows_the_null_group_as_uncredited(tmp_path):
    import json
    import subprocess
    import sys

    build_tables(tmp_path, co_translated())
    cli = [sys.executable, "-m", "toolkit.cli", "metrics", str(tmp_path)]
    env = {**os.environ, "COLUMNS": "200"}
    table = subprocess.run([*cli, "--by", "editor"], capture_output=True, text=True, env=env)
    assert table.returncode == 0, table.stderr
    lines = [line.split() for line in table.stdout.splitlines()]
    assert ["Dana", "Whitaker", "1"] in [line[:3] for line in lines]
    assert ["(no", "editor", "credited)", "2"] in [line[:4] for line in lines]
    rows = json.loads(subprocess.run([*cli, "--by", "outlet", "--json"], capture_output=True, text=True).stdout)
    assert [(r["outlet"], r["articles"]) for r in rows] == [("Radio Free Asia", 1), (None, 2)]
    csv = subprocess.run([*cli, "--by", "translator", "--csv"], capture_output=True, text=True).stdout
    assert csv.splitlines()[-1].startswith(",1,") and "(none)" not in csv


def _many_bead_tables(folder: Path) -> None:
    """Tables of 400 articles with 200 beads each and ratios whose float sums depend on order."""
    import random

    rng = random.Random(7)
    empty = {name: pl.DataFrame(schema=schema) for name, schema in schemas().items()}
    ids = [f"a{k:03d}" for k in range(400)]
    articles = pl.DataFrame({"article_id": ids, "service": ["Korean"] * 400, "has_original": [True] * 400,
                             "pair_score": [rng.random() for _ in ids], "pair_warning": [None] * 400})
    links = pl.DataFrame({"article_id": [i for i in ids for _ in range(200)],
                          "length_ratio": [rng.uniform(0.5, 4.0) for _ in range(80_000)],
                          "cert": [rng.random() for _ in range(80_000)]})
    folder.mkdir()
    for name, frame in (("articles", articles), ("links", links)):
        frame.select(pl.col(c).cast(empty[name].schema[c]) for c in frame.columns).join(
            empty[name].drop([c for c in frame.columns if c != "article_id"]), on="article_id", how="left"
        ).select(empty[name].columns).write_parquet(folder / f"{name}.parquet")
    for name in ("sentences", "credits"):
        empty[name].write_parquet(folder / f"{name}.parquet")


def test_article_metrics_do_not_depend_on_polars_threads(tmp_path):
    import subprocess
    import sys

    _many_bead_tables(tmp_path / "tables")
    script = ("import sys; from pathlib import Path; from toolkit.metrics.summary import article_metrics;"
              "article_metrics(Path(sys.argv[1])).collect().write_parquet(sys.argv[2])")
    for threads in ("1", "8"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / "tables"), str(tmp_path / f"m{threads}.parquet")],
                       check=True, env={**os.environ, "POLARS_MAX_THREADS": threads})
    one, eight = (pl.read_parquet(tmp_path / f"m{t}.parquet") for t in ("1", "8"))
    assert one.height == 400
    assert one["mean_length_ratio"].to_list() == eight["mean_length_ratio"].to_list()
    assert one["mean_cert"].to_list() == eight["mean_cert"].to_list()


def test_group_metrics_do_not_depend_on_polars_threads(tmp_path):
    """The group means (pair score too) are the same on one thread as on eight: a plain polars
    mean moved the last digits of `metrics --by translator` from one run to the next."""
    import subprocess
    import sys

    from toolkit.metrics.summary import article_metrics

    tables = tmp_path / "tables"
    _many_bead_tables(tables)
    article_metrics(tables).collect().write_parquet(tables / "metrics.parquet")
    script = ("import sys; from pathlib import Path; from toolkit.metrics.summary import summarize;"
              "summarize(Path(sys.argv[1]), 'service').write_parquet(sys.argv[2])")
    for threads in ("1", "8"):
        subprocess.run([sys.executable, "-c", script, str(tables), str(tmp_path / f"g{threads}.parquet")],
                       check=True, env={**os.environ, "POLARS_MAX_THREADS": threads})
    one, eight = (pl.read_parquet(tmp_path / f"g{t}.parquet") for t in ("1", "8"))
    assert one.height == 1 and one["articles"][0] == 400
    assert one.rows() == eight.rows()


def test_exact_sums_do_not_wrap_on_large_ratios():
    from toolkit.metrics.summary import _exact_sum

    frame = pl.DataFrame({"article_id": ["a"] * 3, "length_ratio": [2e9, 2e9, 2e9]})
    total = frame.group_by("article_id").agg(_exact_sum(pl.col("length_ratio")))["length_ratio"][0]
    assert total == 6e9


@pytest.mark.parametrize("command", [["metrics", "--by", "translator"], ["terms", "--by", "translator"]])
def test_a_table_that_is_a_fifo_is_an_error_not_a_wait(tmp_path, command):
    """A named pipe in place of articles.parquet: `metrics` and `terms` waited on it for ever (polars
    opens it for reading, and no writer comes); now one line names it, exit 1."""
    import subprocess
    import sys

    from conftest import repo_root

    tables = build_tables(tmp_path, [("a", *pair())])
    (tables / "articles.parquet").unlink()
    os.mkfifo(tables / "articles.parquet")
    done = subprocess.run([sys.executable, "-m", "toolkit.cli", command[0], str(tmp_path), *command[1:]],
                          capture_output=True, text=True, timeout=60, cwd=repo_root(), stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == f"error: {tables / 'articles.parquet'}: is a named pipe (FIFO), not a file"


@pytest.mark.parametrize("fifo,command,answers", [
    ("articles", ["metrics"], True), ("articles", ["terms"], True), ("articles", ["terms", "--term", "법원"], True),
    ("metrics", ["metrics"], False), ("links", ["metrics", "--by", "translator"], False)])
def test_a_special_table_stops_only_the_commands_that_read_it(tmp_path, fifo, command, answers):
    """Every table was checked for every command, so a FIFO in place of articles.parquet made
    `metrics` refuse though it reads only metrics.parquet. A command now answers unless it reads
    the special table, which it still refuses in one line naming it rather than waiting on it."""
    import subprocess
    import sys

    from conftest import repo_root

    tables = build_tables(tmp_path, [("a", *pair())])
    article_metrics(tables).collect().write_parquet(tables / "metrics.parquet")
    (tables / f"{fifo}.parquet").unlink()
    os.mkfifo(tables / f"{fifo}.parquet")
    done = subprocess.run([sys.executable, "-m", "toolkit.cli", command[0], str(tmp_path), *command[1:], "--json"],
                          capture_output=True, text=True, timeout=60, cwd=repo_root(), stdin=subprocess.DEVNULL)
    if answers:
        assert done.returncode == 0, done.stderr
        assert isinstance(json.loads(done.stdout), list)
    else:
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            f"error: {tables / f'{fifo}.parquet'}: is a named pipe (FIFO), not a file"]
