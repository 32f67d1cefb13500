"""The terms step of a build (the `terms` and `glossary` tables) as a map and a reduce.

- map (pass two, passes.py): each article's linked beads with Kiwi's units, its candidate
  words and acronyms (toolkit.terms.beads), made beside its rows by the worker that holds
  its analyses;
- reduce (`gather`, `plan`: this process): the beads of every article, those built now and
  those the previous state keeps (state/terms/), folded in article order into the archive's
  words and the model's training data (toolkit.terms.model); the model is trained here;
- map (pass three, passes.py): each article's term rows with that model;
- `write`: rows kept from the previous state merged in, labelled, and the glossary.

Incremental rule (exact): an article's rows depend on its own beads and acronyms and on the
TermModel alone (the archive's recurring words, the priors of joined words, the trained
model), and `Training.digest` covers everything those are made from. When a rebuild's
digest equals the previous state's, the previous model is loaded and only the articles
built now are rendered; every other article keeps its rows. When it differs (whenever a
confident bead, a recurring word, a joined word or an acronym changed anywhere), the model
is trained again and every article is rendered again, on the workers: EM moves every
probability a little when any of its data moves, and a rendering's confidence shows it.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from pathlib import Path

from toolkit.files import atomic_path, write_atomic

MATERIAL = ("beads", "words", "acronyms")
MODEL, MODEL_DIGEST, ROWS = "model.pickle", "model.json", "rows.parquet"
ROW_GROUP = 1024  # beads per row group: pass three's workers read only the groups of their articles


@dataclass
class TermsPlan:
    """What the reduce decided."""

    digest: str
    model: Path  # the pickled TermModel the workers load
    render: list[str]  # articles pass three renders
    keep: list[str]  # articles whose rows the previous state keeps


def gather(work: Path, parts: dict[str, list[Path]], previous: Path | None, kept: list[str], lexicon) -> set[str]:
    """work/terms/{beads,words,acronyms}.parquet: pass two's parts (in article order) and
    the previous state's rows of the `kept` articles. A kept article whose beads the
    previous state lacks (a state made before beads were kept) has them read from its
    tables, Kiwi analysing its sentences again. Returns those articles."""
    import polars as pl

    from toolkit.archive.sink import scan_parts, write_merged
    from toolkit.terms.beads import archive_beads, bead_rows, bead_schemas

    schemas = bead_schemas()
    old = previous / "terms" if previous is not None else None
    missing: list[str] = []
    if previous is not None and kept and (previous / "tables" / "links.parquet").is_file():
        linked = set(pl.scan_parquet(previous / "tables" / "links.parquet").select("article_id").unique()
                     .collect()["article_id"].to_list())
        have = set(pl.scan_parquet(old / "beads.parquet").select("article_id").unique().collect()["article_id"]
                   .to_list()) if old is not None and (old / "beads.parquet").is_file() else set()
        missing = sorted((linked & set(kept)) - have)
    extra = bead_rows(archive_beads(previous / "tables", missing, lexicon.entries)) if missing else None
    stored = sorted(set(kept) - set(missing))
    for table in MATERIAL:
        frames = [scan_parts(parts[table])] if parts[table] else []
        if old is not None and stored and (old / f"{table}.parquet").is_file():
            frames.append(pl.scan_parquet(old / f"{table}.parquet").filter(pl.col("article_id").is_in(stored)))
        if extra is not None:
            frames.append(pl.DataFrame(extra[table], schema=schemas[table]).lazy())
        write_merged(work / "terms" / f"{table}.parquet", schemas[table], frames, row_group_size=ROW_GROUP)
    return set(missing)


def previous_digest(previous: Path | None) -> str | None:
    if previous is None:
        return None
    try:
        return json.loads((previous / "terms" / MODEL_DIGEST).read_bytes())["digest"]
    except (OSError, ValueError, KeyError):
        return None


def plan(work: Path, lexicon, previous: Path | None, reuse: bool, built: set[str], run=None) -> TermsPlan:
    """The reduce: the archive's words and training data from work/terms/, their digest, the
    model (the previous state's when the digest is the same and `reuse`, else trained; `run`
    may train its two directions on the build's workers), and which articles pass three
    renders (`built`: those whose beads are new)."""
    import polars as pl

    from toolkit.terms.beads import KOREAN, units_of
    from toolkit.terms.korean import TermVocabulary
    from toolkit.terms.model import Training, archive_words, sampling
    from toolkit.terms.renderings import CONFIDENT_BEAD

    folder = work / "terms"
    counts = (pl.scan_parquet(folder / "words.parquet").group_by("word").agg(pl.len()).collect())
    words = TermVocabulary(lexicon.entries, archive_words(counts.iter_rows()))
    beads = pl.scan_parquet(folder / "beads.parquet")
    confident = beads.filter(pl.col("cert") >= CONFIDENT_BEAD).select(pl.len()).collect().item()
    training = Training(lexicon.entries, words, sampling(confident))
    for acronym, expansion in pl.read_parquet(folder / "acronyms.parquet", columns=["acronym", "expansion"]).iter_rows():
        training.add_acronyms({acronym: expansion})
    columns = ("cert", "stems", "words", "content", "joinable", *KOREAN)
    for batch in beads.select(columns).collect_batches(chunk_size=ROW_GROUP):
        for cert, stems, written, content, joinable, *korean in batch.iter_rows():
            surface = [written[k] for k in content]
            if joinable:
                training.add(cert, units_of(*korean), stems, surface)
            else:  # (nothing to join: no Unit objects needed)
                training.add_keys(cert, korean[KOREAN.index("keys")], stems, surface, korean[KOREAN.index("tags")],
                                  korean[KOREAN.index("bases")])
    digest = training.digest()
    ids = pl.scan_parquet(folder / "beads.parquet").select(pl.col("article_id").unique()).collect()
    every = sorted(ids["article_id"].to_list())
    if reuse and previous_digest(previous) == digest:
        return TermsPlan(digest, previous / "terms" / MODEL, [i for i in every if i in built],
                         [i for i in every if i not in built])
    path = folder / f"model-{digest[:32]}.pickle"
    if not path.is_file():  # (a killed build that got this far left it)
        model = training.model(run)
        with atomic_path(path) as tmp, open(tmp, "wb") as out:
            pickle.dump(model, out, protocol=pickle.HIGHEST_PROTOCOL)
    return TermsPlan(digest, path, every, [])


def write(state: Path, work: Path, terms: TermsPlan, parts: list[Path], previous: Path | None) -> int:
    """The new state's terms/ (beads, model, keyed rows) and its terms and glossary tables.
    Returns the number of term rows."""
    import polars as pl

    from toolkit.archive.sink import combine
    from toolkit.archive.state import link_or_copy
    from toolkit.terms.glossary import glossary_frame
    from toolkit.terms.rows import keyed_schema, write_labelled

    folder = state / "terms"
    for table in MATERIAL:
        link_or_copy(work / "terms" / f"{table}.parquet", folder / f"{table}.parquet")
    link_or_copy(terms.model, folder / MODEL)
    write_atomic(folder / MODEL_DIGEST, json.dumps({"digest": terms.digest}).encode())
    old_rows = previous / "terms" / ROWS if previous is not None and terms.keep else None
    combine(folder / ROWS, keyed_schema(), parts, old_rows, terms.keep)
    n = write_labelled(pl.scan_parquet(folder / ROWS), state / "tables" / "terms.parquet")
    with atomic_path(state / "tables" / "glossary.parquet") as tmp:
        glossary_frame(state / "tables").write_parquet(tmp)
    return n
