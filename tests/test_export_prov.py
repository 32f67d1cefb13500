"""`transprov export --format prov-o|prov-json`: the W3C PROV graph of an archive, read back
with rdflib (SPARQL) and as JSON; built from the tables alone, deterministic, atomic."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import repo_root
from toolkit.archive import TableSink, build_archive
from toolkit.cli import app
from toolkit.export.prov import (ACTIVITIES, DEFAULT_BASE, collect_provenance, prov_json_bytes,
                                 prov_json_document, prov_o_bytes)
from toolkit.metrics.tables import article_rows
from toolkit.model import RELATOR_URI, Article, Credit, Paragraph, Sentence

rdflib = pytest.importorskip("rdflib")

CORPUS = repo_root() / "fixtures" / "corpus"
SEED_PEOPLE = {"Kim Joon-Ho": "rpt", "Kang Min Kyung": "trl", "Parameswaran Ponnudurai": "aut"}
PREFIXES = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
runner = CliRunner()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("export")
    for name in ("rfa-defectors", "dprk-floods", "english-only"):
        shutil.copytree(CORPUS / name, root / "corpus" / name)
    report = build_archive(root / "corpus", root / "archive", progress=False)
    assert report.failures == []
    (root / "archive" / "tei").unlink()  # the export reads the tables, never the TEI (tei/ is a link)
    return root / "archive"


def export(archive: Path, fmt: str, out: Path, *extra: str):
    result = runner.invoke(app, ["export", str(archive), "--format", fmt, "-o", str(out), *extra])
    return result


def graph_of(path: Path):
    return rdflib.Graph().parse(path, format="turtle")


def test_sparql_finds_the_seeds_credited_people_behind_a_derived_entity(archive, tmp_path):
    out = tmp_path / "archive.ttl"
    result = export(archive, "prov-o", out)
    assert result.exit_code == 0, result.output
    rows = graph_of(out).query(PREFIXES + """
        SELECT DISTINCT ?name ?role WHERE {
          ?english prov:wasDerivedFrom ?original ;
                   prov:wasGeneratedBy ?activity ;
                   dcterms:identifier "rfa-defectors" .
          ?original a prov:Entity .
          ?activity a prov:Activity ;
                    prov:wasAssociatedWith ?agent ;
                    prov:qualifiedAssociation ?association .
          ?association a prov:Association ; prov:agent ?agent ; prov:hadRole ?role .
          ?agent a prov:Person ; foaf:name ?name .
          FILTER (lang(?name) = "")
        }""")
    found = {str(name): str(role) for name, role in rows}
    assert found == {name: RELATOR_URI + code for name, code in SEED_PEOPLE.items()}


def test_chain_order_korean_byline_and_delegation(archive, tmp_path):
    out = tmp_path / "archive.ttl"
    export(archive, "prov-o", out)
    graph = graph_of(out)
    base = DEFAULT_BASE + "article/rfa-defectors/"
    chain = graph.query(PREFIXES + f"""
        SELECT ?later ?earlier WHERE {{ ?later prov:wasInformedBy ?earlier .
          FILTER (STRSTARTS(STR(?later), "{base}")) }}""")
    assert {(str(a).removeprefix(base), str(b).removeprefix(base)) for a, b in chain} == {
        ("translation", "reporting"), ("writing", "translation")}
    assert (rdflib.URIRef(base + "translation"), rdflib.URIRef("http://www.w3.org/ns/prov#used"),
            rdflib.URIRef(base + "ko")) in graph
    reporter = graph.query(PREFIXES + f"""
        SELECT ?hangul ?org WHERE {{ <{base}ko> prov:wasAttributedTo ?agent .
          ?agent foaf:name ?hangul ; prov:actedOnBehalfOf ?o . ?o a prov:Organization ; foaf:name ?org .
          FILTER (lang(?hangul) = "ko") }}""")
    assert [(str(h), str(o)) for h, o in reporter] == [("김준호", "RFA")]


def test_times_urls_and_publishers_from_the_tables(archive, tmp_path):
    out = tmp_path / "archive.ttl"
    export(archive, "prov-o", out)
    rows = graph_of(out).query(PREFIXES + """
        SELECT ?id ?issued ?time ?where ?publisher WHERE {
          ?e dcterms:identifier ?id ; dcterms:language "en" .
          OPTIONAL { ?e dcterms:issued ?issued }
          OPTIONAL { ?e prov:generatedAtTime ?time }
          OPTIONAL { ?e prov:atLocation ?where }
          OPTIONAL { ?e dcterms:publisher/foaf:name ?publisher }
        }""")
    got = {str(r[0]): r[1:] for r in rows}
    issued, time, where, publisher = got["dprk-floods"]
    assert issued.datatype == time.datatype == rdflib.XSD.dateTime
    assert str(time) == "2023-08-14T09:30:00+09:00" and str(publisher) == "Radio Free Asia"
    assert str(where) == "https://www.rfa.example/english/news/korea/floods-08142023.html"
    issued, time, where, publisher = got["rfa-defectors"]
    assert issued.datatype == rdflib.XSD.date and str(issued) == "2012-03-01"
    assert time is None  # a day is not an xsd:dateTime: no generation time is made up
    assert got["english-only"] == (None, None, None, None)


def test_prov_json_has_the_same_agents_and_well_formed_records(archive, tmp_path):
    ttl, js = tmp_path / "a.ttl", tmp_path / "a.json"
    assert export(archive, "prov-o", ttl).exit_code == 0
    assert export(archive, "prov-json", js).exit_code == 0
    document = json.loads(js.read_text(encoding="utf-8"))
    base = document["prefix"]["archive"]
    assert base == DEFAULT_BASE and set(document) >= {
        "prefix", "entity", "activity", "agent", "wasGeneratedBy", "wasDerivedFrom", "wasAssociatedWith"}
    graph = graph_of(ttl)
    rdf_agents = {str(a).removeprefix(base): str(n) for a, n in graph.query(PREFIXES + """
        SELECT ?a ?n WHERE { ?a a prov:Agent ; foaf:name ?n . FILTER (lang(?n) = "") }""")}
    json_agents = {key.removeprefix("archive:"): record["prov:label"] for key, record in document["agent"].items()}
    assert json_agents == rdf_agents and set(SEED_PEOPLE) <= set(json_agents.values())
    types = {record["prov:type"]["$"] for record in document["agent"].values()}
    assert types <= {"prov:Person", "prov:Organization", "prov:SoftwareAgent"}
    declared = set(document["entity"]) | set(document["activity"]) | set(document["agent"])
    for kind in ("wasGeneratedBy", "used", "wasInformedBy", "wasDerivedFrom", "wasAttributedTo",
                 "wasAssociatedWith", "actedOnBehalfOf"):
        for record in document.get(kind, {}).values():
            refs = [v for k, v in record.items() if k not in ("prov:role", "prov:time")]
            assert refs and all(ref in declared for ref in refs), (kind, record)
    roles = {r["prov:role"]["$"] for r in document["wasAssociatedWith"].values()}
    assert roles == {"relator:rpt", "relator:trl", "relator:aut"}
    derived = [r for r in document["wasDerivedFrom"].values()
               if r["prov:generatedEntity"] == "archive:article/rfa-defectors/en"]
    assert derived == [{"prov:generatedEntity": "archive:article/rfa-defectors/en",
                        "prov:usedEntity": "archive:article/rfa-defectors/ko"}]
    times = {r.get("prov:time") for r in document["wasGeneratedBy"].values()
             if r["prov:entity"] == "archive:article/dprk-floods/en"}
    assert times == {"2023-08-14T09:30:00+09:00"}


def test_prov_json_reads_with_the_prov_package(archive, tmp_path):
    """The reference Python implementation of PROV-JSON reads the file to the same records as
    rdflib finds in the Turtle (skips when the `prov` package is not installed)."""
    prov_model = pytest.importorskip("prov.model")
    js, ttl = tmp_path / "a.json", tmp_path / "a.ttl"
    export(archive, "prov-json", js)
    export(archive, "prov-o", ttl)
    document = prov_model.ProvDocument.deserialize(str(js), format="json")
    records = document.get_records()
    agents = {str(r.identifier.uri) for r in records if isinstance(r, prov_model.ProvAgent)}
    graph = graph_of(ttl)
    P = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert agents == {str(a) for a in graph.subjects(rdflib.RDF.type, P.Agent)}
    associations = [r for r in records if isinstance(r, prov_model.ProvAssociation)]
    assert len(associations) == len(set(graph.subjects(rdflib.RDF.type, P.Association)))


def test_agent_kinds_and_co_credits_from_hand_built_tables(tmp_path):
    sentence = Sentence("en-s1", "One.", "en", 0)
    en = Article("en.txt", "en", title="T", paragraphs=[Paragraph("One.", "en", [sentence])], credits=[
        Credit("reporter", "Desk of Seoul", order=1, agent="organization"),
        Credit("translator", "generative AI tools", order=2, agent="software"),
        Credit("translator", "Lee Ha-na", order=3),
        Credit("editor", "Lee Ha-na", order=4),
    ])
    tables = tmp_path / "tables"
    tables.mkdir()
    sink = TableSink(tables)
    sink.add(article_rows("a/b c", en, None, None))
    sink.finish()
    out = tmp_path / "x.ttl"
    assert export(tmp_path, "prov-o", out).exit_code == 0
    rows = graph_of(out).query(PREFIXES + """
        SELECT ?kind ?name ?activity WHERE { ?activity prov:wasAssociatedWith ?a . ?a a ?kind ; foaf:name ?name .
          FILTER (?kind != prov:Agent) }""")
    found = {(str(k).rsplit("#")[-1], str(n), str(a).rsplit("/", 1)[-1]) for k, n, a in rows}
    assert found == {("Organization", "Desk of Seoul", "reporting"), ("SoftwareAgent", "generative AI tools", "translation"),
                     ("Person", "Lee Ha-na", "translation"), ("Person", "Lee Ha-na", "editing")}
    # one agent however many roles; the article id is one IRI segment ("/" and space escaped)
    prov = collect_provenance(tmp_path)
    assert [p for p in prov.nodes if p.startswith("agent/person/")] == ["agent/person/Lee%20Ha-na"]
    assert "article/a%2Fb%20c/en" in prov.nodes and "article/a%2Fb%20c/ko" not in prov.nodes


def test_output_is_deterministic_and_old_archives_export(archive, tmp_path):
    import os
    import subprocess

    for fmt in ("prov-o", "prov-json"):  # two processes with different string hashing
        outputs = []
        for seed in ("1", "2"):
            out = tmp_path / f"{seed}.{fmt}"
            subprocess.run([sys.executable, "-m", "toolkit.cli", "export", str(archive), "--format", fmt,
                            "-o", str(out)], check=True, capture_output=True,
                           env={**os.environ, "PYTHONHASHSEED": seed})
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1] and len(outputs[0]) > 1000
    # an archive built before the publication columns existed still exports
    old = tmp_path / "old"
    shutil.copytree(archive, old)
    articles = pl.read_parquet(old / "tables" / "articles.parquet")
    articles.drop("url", "published", "outlet", "url_ko", "published_ko", "outlet_ko").write_parquet(
        old / "tables" / "articles.parquet")
    document = prov_json_document(collect_provenance(old))
    assert "dcterms:issued" not in json.dumps(document) and len(document["agent"]) >= 3


def test_errors_are_one_line(archive, tmp_path, monkeypatch):
    missing = export(tmp_path / "nothing", "prov-o", tmp_path / "x.ttl")
    assert missing.exit_code == 1 and "articles.parquet: missing; run `transprov build` first" in missing.output
    assert export(archive, "turtle", tmp_path / "x.ttl").exit_code == 2
    assert export(archive, "prov-o", tmp_path / "x.ttl", "--base", "not an iri").exit_code == 2
    assert export(archive, "prov-o", tmp_path / "x.ttl", "--base", "https://archive.example/rfa/").exit_code == 0
    assert "<https://archive.example/rfa/article/rfa-defectors/en>" in (tmp_path / "x.ttl").read_text(encoding="utf-8")
    monkeypatch.setitem(sys.modules, "rdflib", None)  # as if the `export` extra were not installed
    without = export(archive, "prov-o", tmp_path / "y.ttl")
    assert without.exit_code == 1 and "pip install 'transprov[export]'" in without.output
    assert not (tmp_path / "y.ttl").exists()
    assert export(archive, "prov-json", tmp_path / "y.json").exit_code == 0


NAMES = st.text(st.characters(exclude_categories=("Cs",), codec="utf-8"), min_size=1, max_size=20)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.tuples(st.sampled_from(sorted(ACTIVITIES)), NAMES,
                                st.sampled_from(["person", "organization", "software"])), min_size=1, max_size=4),
       article_id=NAMES, outlet=st.one_of(st.none(), NAMES))
def test_any_names_survive_both_formats(tmp_path_factory, names, article_id, outlet):
    """Names, ids and outlets with quotes, markup, Hangul, controls or newlines come back exactly."""
    tmp = tmp_path_factory.mktemp("names")
    sentence = Sentence("en-s1", "One.", "en", 0)
    en = Article("en.txt", "en", paragraphs=[Paragraph("One.", "en", [sentence])], outlet=outlet,
                 credits=[Credit(role, name, order=n, agent=agent) for n, (role, name, agent) in enumerate(names, 1)])
    (tmp / "tables").mkdir()
    sink = TableSink(tmp / "tables")
    sink.add(article_rows(article_id, en, None, None))
    sink.finish()
    prov = collect_provenance(tmp)
    graph = rdflib.Graph().parse(data=prov_o_bytes(prov).decode("utf-8"), format="turtle")
    P = rdflib.Namespace("http://www.w3.org/ns/prov#")
    expected = {name for _, name, _ in names} | ({outlet} if outlet else set())
    found = {str(o) for s in graph.subjects(rdflib.RDF.type, P.Agent) for o in graph.objects(s, rdflib.FOAF.name)}
    assert found == expected
    assert {str(o) for o in graph.objects(None, rdflib.DCTERMS.identifier)} == {article_id}
    document = json.loads(prov_json_bytes(prov))
    assert {r["prov:label"] for r in document["agent"].values()} == expected
