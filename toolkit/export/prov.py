"""The archive's credit chains as W3C PROV: PROV-O (Turtle, built with rdflib) and PROV-JSON.

What the graph says, per article <id> of the archive (IRIs under the base, `--base`):
- `article/<id>/en`, a prov:Entity: the English article (title, language, article id, the
  page URL as prov:atLocation, dcterms:issued, dcterms:publisher the outlet as an agent);
- `article/<id>/ko`, a prov:Entity: its Korean original when the archive has it; the
  English prov:wasDerivedFrom it;
- one prov:Activity per role of the English credit chain, `article/<id>/translation` and so
  on (reporting, translation, writing, editing, contribution, photography, production); the
  English article prov:wasGeneratedBy each (the credit line credits each role with the
  published article), each activity prov:wasInformedBy the one before it in the chain, and
  the translation prov:used the Korean original;
- every credited agent, `agent/<kind>/<name>`: prov:Person, prov:Organization or
  prov:SoftwareAgent by Credit.agent (also prov:Agent), its name as foaf:name and rdfs:label
  (and the Hangul form, @ko, when the Korean byline names the same person: the Korean
  original is then prov:wasAttributedTo them); an agent who works for an organization
  prov:actedOnBehalfOf it;
- per agent and activity, prov:wasAssociatedWith and a prov:qualifiedAssociation
  (`article/<id>/<activity>/<n>`) whose prov:hadRole is the MARC relator IRI of the role.
Times come from the `published` columns: dcterms:issued always (xsd:date or
xsd:dateTime), and prov:generatedAtTime (in PROV-JSON: the generations' prov:time) only
when `published` is a date-time, because PROV times are xsd:dateTime and a day is not one.
Credits that only the Korean article states are not in the tables, and so not here.

One model is built from the tables and rendered twice, so both formats say the same.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from toolkit.model import RELATOR_URI, ROLES

DEFAULT_BASE = "https://transprov.invalid/"  # .invalid (RFC 2606): a placeholder, never a real site
NAMESPACES = {
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "relator": RELATOR_URI,
}
ACTIVITIES = {
    "reporter": "reporting", "translator": "translation", "writer": "writing", "editor": "editing",
    "contributor": "contribution", "photographer": "photography", "producer": "production",
}
AGENT_CLASSES = {"person": "Person", "organization": "Organization", "software": "SoftwareAgent"}
KINDS = {"entity": "Entity", "activity": "Activity", "agent": "Agent"}
# relation -> (PROV-JSON field of its subject, of its object); the PROV-O property has its name
RELATIONS = {
    "wasGeneratedBy": ("prov:entity", "prov:activity"),
    "used": ("prov:activity", "prov:entity"),
    "wasInformedBy": ("prov:informed", "prov:informant"),
    "wasDerivedFrom": ("prov:generatedEntity", "prov:usedEntity"),
    "wasAttributedTo": ("prov:entity", "prov:agent"),
    "wasAssociatedWith": ("prov:activity", "prov:agent"),
    "actedOnBehalfOf": ("prov:delegate", "prov:responsible"),
}
EXTRA_HINT = "PROV-O export needs rdflib: pip install 'transprov[export]' (PROV-JSON needs nothing extra)"


@dataclass(frozen=True, order=True)
class Lit:
    """A literal: plain, language-tagged, or typed (datatype as a prefixed name, "xsd:date")."""

    value: str
    lang: str | None = None
    datatype: str | None = None


@dataclass(frozen=True, order=True)
class Ref:
    """A node of this archive's graph, by its path under the base."""

    path: str


@dataclass(frozen=True, order=True)
class Iri:
    """Any other IRI (a page URL)."""

    uri: str


@dataclass
class Node:
    kind: str  # entity | activity | agent
    types: set[str] = field(default_factory=set)  # PROV subclasses: Person, Organization, SoftwareAgent
    attrs: set[tuple[str, Lit | Ref | Iri]] = field(default_factory=set)  # ("dcterms:title", Lit(...))
    time: str | None = None  # entity: generation time (xsd:dateTime)


@dataclass(frozen=True, order=True)
class Relation:
    kind: str  # a key of RELATIONS
    subject: str  # node paths
    object: str
    role: str | None = None  # wasAssociatedWith: the relator IRI
    id: str | None = None  # wasAssociatedWith: the path of the qualified association


@dataclass
class Provenance:
    nodes: dict[str, Node] = field(default_factory=dict)
    relations: set[Relation] = field(default_factory=set)

    def node(self, path: str, kind: str) -> Node:
        return self.nodes.setdefault(path, Node(kind))


def _segment(text: str) -> str:
    """A path segment of an IRI: ASCII outside the unreserved characters percent-encoded;
    printable non-ASCII letters (Hangul names) kept as they are, as IRIs allow."""
    return "".join(c if ord(c) > 0xA0 and c.isprintable() and not c.isspace() else quote(c, safe="")
                   for c in text)


def _agent_path(kind: str | None, name: str) -> str:
    return f"agent/{kind if kind in AGENT_CLASSES else 'agent'}/{_segment(name)}"


def _add_agent(prov: Provenance, kind: str | None, name: str, name_ko: str | None = None) -> str:
    path = _agent_path(kind, name)
    agent = prov.node(path, "agent")
    if kind in AGENT_CLASSES:
        agent.types.add(AGENT_CLASSES[kind])
    agent.attrs |= {("foaf:name", Lit(name)), ("rdfs:label", Lit(name))}
    if name_ko:
        agent.attrs.add(("foaf:name", Lit(name_ko, lang="ko")))
    return path


def _publication(entity: Node, url: str | None, published: str | None) -> None:
    """URL and date attributes of an article entity, and its generation time when known."""
    from toolkit.tei.profile import uri_target, w3c_date

    if url:
        entity.attrs.add(("prov:atLocation", Iri(uri_target(url))))
    if not published or w3c_date(published) is None:
        return
    if len(published) == 10:
        entity.attrs.add(("dcterms:issued", Lit(published, datatype="xsd:date")))
    else:
        entity.attrs.add(("dcterms:issued", Lit(published, datatype="xsd:dateTime")))
        entity.time = published


def _article_entity(prov: Provenance, path: str, article_id: str, lang: str, title: str | None,
                    url: str | None, published: str | None, outlet: str | None) -> None:
    entity = prov.node(path, "entity")
    entity.attrs |= {("dcterms:identifier", Lit(article_id)), ("dcterms:language", Lit(lang))}
    if title:
        entity.attrs |= {("rdfs:label", Lit(title)), ("dcterms:title", Lit(title, lang=lang))}
    if outlet:
        entity.attrs.add(("dcterms:publisher", Ref(_add_agent(prov, "organization", outlet))))
    _publication(entity, url, published)


def _chain(prov: Provenance, article_id: str, en: str, ko: str | None, credits: list[dict]) -> None:
    """Activities, agents and associations of one article's English credit chain."""
    by_role: dict[str, list[dict]] = defaultdict(list)
    for credit in sorted(credits, key=lambda c: (c["order"] is None, c["order"] or 0)):
        if credit["role"] in ACTIVITIES and credit["name"]:
            by_role[credit["role"]].append(credit)
    previous = None
    for role, role_credits in by_role.items():  # in chain order: the first credit of each role
        activity = f"article/{_segment(article_id)}/{ACTIVITIES[role]}"
        prov.node(activity, "activity").attrs.add(("rdfs:label", Lit(f"{ACTIVITIES[role]} of {article_id}")))
        prov.relations.add(Relation("wasGeneratedBy", en, activity))
        if previous is not None:
            prov.relations.add(Relation("wasInformedBy", activity, previous))
        if role == "translator" and ko is not None:
            prov.relations.add(Relation("used", activity, ko))
        previous = activity
        seen: list[str] = []
        for credit in role_credits:
            agent = _add_agent(prov, credit.get("agent"), credit["name"], credit.get("name_ko"))
            if agent in seen:
                continue
            seen.append(agent)
            prov.relations.add(Relation("wasAssociatedWith", activity, agent,
                                        role=RELATOR_URI + ROLES[role], id=f"{activity}/{len(seen)}"))
            organization = credit.get("organization")
            if organization:
                responsible = _add_agent(prov, "organization", organization)
                if responsible != agent:
                    prov.relations.add(Relation("actedOnBehalfOf", agent, responsible))
            if credit.get("name_ko") and ko is not None:
                prov.relations.add(Relation("wasAttributedTo", ko, agent))


def _tables(archive: Path):
    """The articles and credits tables of ARCHIVE as row dicts (missing newer columns: None)."""
    import polars as pl

    from toolkit.metrics.summary import require_table, tables_dir, unreadable_table
    from toolkit.metrics.tables import schemas

    tables = tables_dir(archive)
    frames = {}
    for name in ("articles", "credits"):
        path = require_table(tables, name)
        try:
            frame = pl.read_parquet(path)
        except Exception as error:  # noqa: BLE001 - a damaged table is one line, not a traceback
            raise unreadable_table(path, error) from None
        missing = [c for c in schemas()[name] if c not in frame.columns]  # an archive built by an older version
        frames[name] = frame.with_columns(pl.lit(None, dtype=schemas()[name][c]).alias(c) for c in missing)
    credits: dict[str, list[dict]] = defaultdict(list)
    for row in frames["credits"].iter_rows(named=True):
        credits[row["article_id"]].append(row)
    return frames["articles"].sort("article_id").iter_rows(named=True), credits


def collect_provenance(archive: Path) -> Provenance:
    """The PROV model of an archive, from its Parquet tables."""
    prov = Provenance()
    articles, credits = _tables(archive)
    for article in articles:
        article_id = article["article_id"]
        base_path = f"article/{_segment(article_id)}"
        en, ko = f"{base_path}/en", None
        _article_entity(prov, en, article_id, "en", article["title"], article["url"],
                               article["published"], article["outlet"])
        if article["has_original"]:
            ko = f"{base_path}/ko"
            _article_entity(prov, ko, article_id, "ko", article["title_ko"], article["url_ko"],
                            article["published_ko"], article["outlet_ko"])
            prov.relations.add(Relation("wasDerivedFrom", en, ko))
        _chain(prov, article_id, en, ko, credits.get(article_id, []))
    return prov


# ---------------------------------------------------------------- PROV-O (rdflib)

def prov_graph(prov: Provenance, base: str = DEFAULT_BASE):
    """An rdflib Graph of the model, IRIs under `base`."""
    try:
        from rdflib import RDF, Graph, Literal, Namespace, URIRef
    except ImportError:
        from toolkit.export import MissingExtra

        raise MissingExtra(EXTRA_HINT) from None

    namespaces = {prefix: Namespace(uri) for prefix, uri in NAMESPACES.items()}
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in namespaces.items():
        graph.bind(prefix, namespace)
    P = namespaces["prov"]

    def expand(name: str) -> URIRef:
        prefix, local = name.split(":", 1)
        return namespaces[prefix][local]

    def term(value: Lit | Ref | Iri):
        if isinstance(value, Ref):
            return URIRef(base + value.path)
        if isinstance(value, Iri):
            return URIRef(value.uri)
        return Literal(value.value, lang=value.lang, datatype=expand(value.datatype) if value.datatype else None)

    for path, node in prov.nodes.items():
        subject = URIRef(base + path)
        graph.add((subject, RDF.type, P[KINDS[node.kind]]))
        for cls in node.types:
            graph.add((subject, RDF.type, P[cls]))
        for name, value in node.attrs:
            graph.add((subject, expand(name), term(value)))
        if node.time is not None:
            graph.add((subject, P.generatedAtTime, Literal(node.time, datatype=expand("xsd:dateTime"))))
    for relation in prov.relations:
        subject, obj = URIRef(base + relation.subject), URIRef(base + relation.object)
        graph.add((subject, P[relation.kind], obj))
        if relation.kind == "wasAssociatedWith":
            association, role = URIRef(base + relation.id), URIRef(relation.role)
            graph.add((subject, P.qualifiedAssociation, association))
            graph.add((association, RDF.type, P.Association))
            graph.add((association, P.agent, obj))
            graph.add((association, P.hadRole, role))
            graph.add((role, RDF.type, P.Role))
            graph.add((role, expand("rdfs:label"), Literal(_role_name(relation.role))))
    return graph


def _role_name(relator: str) -> str:
    code = relator.removeprefix(RELATOR_URI)
    return next(role for role, c in ROLES.items() if c == code)


def prov_o_bytes(prov: Provenance, base: str = DEFAULT_BASE) -> bytes:
    """Turtle of the model; rdflib's serializer sorts subjects and predicates, so it is deterministic."""
    return prov_graph(prov, base).serialize(format="turtle", encoding="utf-8")


# ---------------------------------------------------------------- PROV-JSON

# PROV-O terms that PROV-JSON names as PROV attributes
_JSON_ATTRIBUTES = {"rdfs:label": "prov:label", "prov:atLocation": "prov:location"}


def _json_value(value: Lit | Ref | Iri):
    if isinstance(value, Ref):
        return {"$": f"archive:{value.path}", "type": "xsd:QName"}
    if isinstance(value, Iri):
        return {"$": value.uri, "type": "xsd:anyURI"}
    if value.lang:
        return {"$": value.value, "lang": value.lang}
    if value.datatype:
        return {"$": value.value, "type": value.datatype}
    return value.value


def _json_attrs(node: Node) -> dict:
    grouped: dict[str, list] = defaultdict(list)
    for cls in sorted(node.types):
        grouped["prov:type"].append({"$": f"prov:{cls}", "type": "xsd:QName"})
    for name, value in sorted(node.attrs, key=lambda a: (a[0], type(a[1]).__name__, a[1])):
        grouped[_JSON_ATTRIBUTES.get(name, name)].append(_json_value(value))
    return {name: values[0] if len(values) == 1 else values for name, values in sorted(grouped.items())}


def prov_json_document(prov: Provenance, base: str = DEFAULT_BASE) -> dict:
    """The model as a PROV-JSON document (W3C Member Submission, 2013): prefixes, elements, relations."""
    document: dict = {"prefix": {**NAMESPACES, "archive": base}}
    for kind in KINDS:
        records = {f"archive:{path}": _json_attrs(node)
                   for path, node in sorted(prov.nodes.items()) if node.kind == kind}
        if records:
            document[kind] = records
    generated = {r.subject for r in prov.relations if r.kind == "wasGeneratedBy"}
    for kind, (subject_field, object_field) in RELATIONS.items():
        records = {}
        relations = sorted(r for r in prov.relations if r.kind == kind)
        if kind == "wasGeneratedBy":  # a time known without a credited activity: a generation of its own
            relations += [Relation(kind, path, "") for path, node in sorted(prov.nodes.items())
                          if node.time is not None and path not in generated]
        for n, relation in enumerate(relations, 1):
            record = {subject_field: f"archive:{relation.subject}"}
            if relation.object:
                record[object_field] = f"archive:{relation.object}"
            if kind == "wasGeneratedBy" and prov.nodes[relation.subject].time is not None:
                record["prov:time"] = prov.nodes[relation.subject].time
            if relation.role is not None:
                record["prov:role"] = {"$": "relator:" + relation.role.removeprefix(RELATOR_URI), "type": "xsd:QName"}
            records[f"archive:{relation.id}" if relation.id else f"_:{kind}{n}"] = record
        if records:
            document[kind] = records
    return document


def prov_json_bytes(prov: Provenance, base: str = DEFAULT_BASE) -> bytes:
    return (json.dumps(prov_json_document(prov, base), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------- files

def write_prov_o(archive: Path, output: Path, base: str = DEFAULT_BASE) -> None:
    """ARCHIVE's PROV-O graph as Turtle in OUTPUT (atomically)."""
    from toolkit.files import write_atomic

    prov = collect_provenance(archive)
    write_atomic(output, prov_o_bytes(prov, base))


def write_prov_json(archive: Path, output: Path, base: str = DEFAULT_BASE) -> None:
    """ARCHIVE's PROV graph as PROV-JSON in OUTPUT (atomically)."""
    from toolkit.files import write_atomic

    write_atomic(output, prov_json_bytes(collect_provenance(archive), base))
