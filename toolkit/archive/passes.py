"""The two passes over articles, as calls a worker runs on one chunk of articles.

Pass one (ingest, segmentation, first alignment with the given lexicon, the article's
learner counts) and pass two (alignment with the learned lexicon, TEI, table rows) are
pure functions of the sources and the lexicons: they write only under ARCHIVE/.work,
into files named by digests of everything they depend on, each written atomically and
the chunk's result file last. So a chunk either has a result that is right for these
inputs or is run again: a build killed at any moment resumes from the chunks it finished.

Models (Kiwi, the lexicons) are loaded once per worker process.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import InputError, internal_error
from toolkit.files import atomic_path, write_atomic

RESULT = "result.pickle"


@dataclass(frozen=True)
class Settings:
    """What every call of one build shares (small: it travels with each call)."""

    fingerprint: str
    lexicon_path: str | None
    lexicon_digest: str
    work: str  # ARCHIVE/.work, absolute
    previous_tei: str | None  # the current state's tei/ (untouched until the switch), absolute


@dataclass(frozen=True)
class Item:
    """One article of a chunk."""

    article_id: str
    folder: str
    digest: str


def read_given(path: Path | None):
    """The given lexicon and its digest ('builtin', or the user file's sha256; the built-in data
    is part of the toolkit's fingerprint), from one read of the file: read twice, a save in
    between would record the digest of bytes the build did not align with."""
    from toolkit.align.lexicon import MAX_LEXICON_BYTES, lexicon_of_bytes, load_lexicon
    from toolkit.inputs import read_input

    if path is None:
        return load_lexicon(), "builtin"
    data = read_input(path, MAX_LEXICON_BYTES)
    return lexicon_of_bytes(data, Path(path)), hashlib.sha256(data).hexdigest()


def chunk_key(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


def article_cache(settings: Settings, item: Item) -> Path:
    """Pass one's output for an article: (en, ko, first alignment, looked-up keys, Kiwi's
    analysis of each Korean sentence, so that pass two in another process need not redo it)."""
    return Path(settings.work) / "articles" / f"{chunk_key(settings.fingerprint, settings.lexicon_digest, item.digest)}.pickle"


@dataclass(frozen=True)
class Failure:
    """An article that could not be built: its one-line report, and whether the same
    sources would fail the same way again (bad input: the manifest remembers it, and the
    next build reports it without trying again) or not (an internal error: tried again)."""

    line: str
    lasting: bool


def failure(article_id: str, error: Exception) -> Failure:
    if isinstance(error, InputError):
        return Failure(str(error), True)
    # ValueError: an article the TEI profile cannot hold (e.g. an "original" in English)
    return Failure(f"{article_id}: {internal_error(error)}", isinstance(error, ValueError))


# ---------------------------------------------------------------- per-process models
def _check(settings: Settings) -> None:
    from toolkit.archive.manifest import fingerprint

    if fingerprint() != settings.fingerprint:
        raise RuntimeError(f"this worker runs another transprov ({fingerprint()}, the build's is "
                           f"{settings.fingerprint}): install the same toolkit on every worker")


@functools.lru_cache(maxsize=4)
def _given(path: str | None, digest: str):
    lexicon, found = read_given(Path(path) if path else None)
    if found != digest:
        raise InputError(str(path), "the lexicon changed during the build")
    return lexicon


def given_lexicon(settings: Settings):
    return _given(settings.lexicon_path, settings.lexicon_digest)


@functools.lru_cache(maxsize=4)
def _final(path: str | None, digest: str, learned: tuple[tuple[str, str], ...]):
    """The second pass's lexicon, and the Korean keys it answers differently from the given one."""
    from toolkit.archive.learning import changed_keys, extend

    given = _given(path, digest)
    final = extend(given, list(learned))
    return final, frozenset(changed_keys(given, final, {ko for ko, _ in learned}))


@dataclass
class Previous:
    """An article's TEI file in the current state: its digest (so that the state that
    replaces it knows what it replaced) and the reviewed beads it carries."""

    sha: str | None = None
    reviewed: object = None  # review.carry.Reviewed


def previous_of(settings: Settings, article_id: str) -> Previous:
    from toolkit.review.carry import reviewed_beads

    if settings.previous_tei is None:
        return Previous()
    try:
        data = (Path(settings.previous_tei) / f"{article_id}.xml").read_bytes()
    except OSError:
        return Previous()
    return Previous(hashlib.sha256(data).hexdigest(), reviewed_beads(data))


def _reviewed(article_id: str, en, ko, alignment, previous: Previous) -> tuple[object, list[str]]:
    """The alignment with the previous file's reviewed beads put back (in the TEI's bead
    order), and a warning for each review whose sentences changed."""
    from toolkit.review.carry import apply_reviewed, stale_reviews

    warnings = [f"{article_id}: reviewed bead {label} dropped: its sentences changed"
                for label in stale_reviews(en, ko, previous.reviewed)]
    return apply_reviewed(alignment, en, ko, previous.reviewed), warnings


def _load_result(path: Path):
    with open(path, "rb") as data:
        return pickle.load(data)  # our own file, written by this build's code (same fingerprint)


def _dump(path: Path, value) -> None:
    with atomic_path(path) as tmp, open(tmp, "wb") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)


def timed_call(fn, *args):
    """(fn(*args), the CPU seconds it took in this process): the report's `cpu`."""
    import time

    started = time.process_time()
    result = fn(*args)
    return result, time.process_time() - started


# ---------------------------------------------------------------- pass one
def first_pass(settings: Settings, key: str, items: list[Item]) -> list[tuple[str, Failure | None, list[str]]]:
    """Ingest, segment and align each article with the given lexicon (reviewed beads of its
    previous TEI put back: the learner trusts them most); keep its learner counts.

    Writes .work/articles/<digest>.pickle per article, .work/pass1/<key>/counts.arrow and
    the result (article_id, Failure or None, warnings) per article, which it also returns.
    """
    from toolkit.archive.learning import align_recording, contribution
    from toolkit.archive.sink import COUNT_COLUMNS, PART, learning_schemas, write_columns
    from toolkit.archive.sources import load_pair
    from toolkit.segment import article_analyses, provided_tokens

    out = Path(settings.work) / "pass1" / key
    if (out / RESULT).is_file():
        return _load_result(out / RESULT)
    _check(settings)
    given = given_lexicon(settings)
    counts: dict[str, list] = {name: [] for name in ("article_id", *COUNT_COLUMNS)}
    results: list[tuple[str, Failure | None, list[str]]] = []
    for item in items:
        try:
            en, ko = load_pair(Path(item.folder))
            previous = previous_of(settings, item.article_id)
            alignment, keys, rows, tokens, warnings = None, [], [], {}, []
            if ko is not None:
                # each sentence as Kiwi read it in its paragraph (pure: the paragraph alone decides)
                tokens = article_analyses(ko)
                with provided_tokens(tokens):
                    alignment, keys = align_recording(en, ko, given)
                    alignment, warnings = _reviewed(item.article_id, en, ko, alignment, previous)
                    rows = contribution(en, ko, alignment, given)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch
            results.append((item.article_id, failure(item.article_id, error), []))
            continue
        warnings = [*en.warnings, *(ko.warnings if ko is not None else []), *warnings]  # what ingest left out
        # outside the try: a write that fails (a full disk) stops the build, not the article
        _dump(article_cache(settings, item), (en, ko, alignment, keys, tokens, previous))
        counts["article_id"] += [item.article_id] * len(rows)
        for name, values in zip(COUNT_COLUMNS, zip(*rows)):
            counts[name] += values
        results.append((item.article_id, None, warnings))
    write_columns(out / f"counts{PART}", learning_schemas()["counts"], counts)
    _dump(out / RESULT, results)
    return results


# ---------------------------------------------------------------- pass two
def second_pass(settings: Settings, key: str, items: list[Item],
                learned: tuple[tuple[str, str], ...]) -> list[tuple[str, Failure | None, dict, list[str]]]:
    """Align each article with the learned lexicon; write its TEI and table rows.

    An article pass one left in .work/articles is read back, and aligned again only when
    a Korean key its first alignment looked up has another answer in the learned lexicon
    (otherwise the aligner would ask the same questions, get the same answers and give
    the same beads: see learning.py). Any other article (kept from the previous build, but
    its keys meet a changed learned entry) is read from its sources again. Writes
    .work/pass2/<key>/tei/<id>.xml, one part per table, and the result: (article_id,
    Failure or None, {"tei": sha256 of the TEI, "replaced": that of the previous one, and
    "long_beads": how many beads are too long for term rows, when any}, warnings).
    """
    from toolkit.archive.learning import align_recording, carry_features, standing_keys
    from toolkit.archive.sink import PART, learning_schemas, write_columns, write_part
    from toolkit.archive.sources import load_pair
    from toolkit.metrics.tables import ROW_TABLES, article_rows, schemas
    from toolkit.segment import article_analyses, provided_tokens
    from toolkit.tei import write_tei
    from toolkit.terms.beads import article_beads, bead_rows, bead_schemas
    from toolkit.terms.rows import long_bead_warnings

    out = Path(settings.work) / "pass2" / key
    if (out / RESULT).is_file():
        return _load_result(out / RESULT)
    _check(settings)
    final, changed = _final(settings.lexicon_path, settings.lexicon_digest, learned)
    given = given_lexicon(settings)
    known = given.entries  # the terms step's lexicon is the given one
    rows: dict[str, list[dict]] = {t: [] for t in ROW_TABLES}
    terms: list = []  # each article's beads for the terms step (toolkit.archive.terms)
    probes: dict[str, list[str]] = {"article_id": [], "key": []}  # every key each article looked up
    results: list[tuple[str, Failure | None, dict, list[str]]] = []
    used: list[Path] = []
    for item in items:
        try:
            cache = article_cache(settings, item)
            warnings: list[str] = []
            if cache.is_file():
                en, ko, alignment, keys, tokens, previous = _load_result(cache)
                used.append(cache)
            else:
                (en, ko), alignment, keys = load_pair(Path(item.folder)), None, []
                tokens = article_analyses(ko) if ko is not None else {}
                previous = previous_of(settings, item.article_id)
            with provided_tokens(tokens):
                # the first alignment stands when none of the keys it looked up has changed
                if ko is not None and (alignment is None or not changed.isdisjoint(keys)):
                    carry_features(given, final, changed, (s.text for s in ko.sentences))
                    # or stands all the same when the changed answers change no score (reviewed beads in it)
                    standing = None if alignment is None else standing_keys(en, ko, given, final)
                    if standing is not None:
                        keys = standing
                    else:
                        alignment, keys = align_recording(en, ko, final)
                        alignment, stale = _reviewed(item.article_id, en, ko, alignment, previous)
                        warnings = [] if used and used[-1] == cache else stale  # pass one warned already
                data = write_tei(en, ko, alignment)
                article = article_rows(item.article_id, en, ko, alignment, final)
                beads = article_beads(item.article_id, article, known) if article["links"] else None
        except Exception as error:  # noqa: BLE001
            results.append((item.article_id, failure(item.article_id, error), {}, []))
            continue
        write_atomic(out / "tei" / f"{item.article_id}.xml", data)
        # --- pair check (align room): the files may not be a translation pair
        if article["articles"][0].get("pair_warning"):
            warnings.append(f"{item.article_id}: {article['articles'][0]['pair_warning']}")
        # ---
        for table, table_rows in article.items():
            rows[table].extend(table_rows)
        written = {"tei": hashlib.sha256(data).hexdigest(), "replaced": previous.sha}
        if beads is not None:
            terms.append(beads)
            long = long_bead_warnings(beads)  # pass three will leave them without term rows
            if long:
                warnings += long
                written["long_beads"] = len(long)  # the report's count (build.py takes it out)
        probes["article_id"] += [item.article_id] * len(keys)
        probes["key"] += keys
        results.append((item.article_id, None, written, warnings))
    for table, table_rows in rows.items():
        write_part(out / f"{table}{PART}", schemas()[table], table_rows)
    write_columns(out / f"probes{PART}", learning_schemas()["probes"], probes)
    for table, table_rows in bead_rows(terms).items():
        write_part(out / f"terms-{table}{PART}", bead_schemas()[table], table_rows)
    _dump(out / RESULT, results)
    for cache in used:  # pass one's output is read once; the chunk's result now stands for it
        cache.unlink(missing_ok=True)
    return results


# ---------------------------------------------------------------- pass three
@functools.lru_cache(maxsize=1)
def _term_model(path: str, digest: str):
    """The terms step's model (toolkit.archive.terms), loaded once per worker and build."""
    model = _load_result(Path(path))
    if model.digest != digest:
        raise RuntimeError(f"{path}: not the model of this build")
    return model


def third_pass(settings: Settings, key: str, items: list[Item], model_path: str,
               digest: str) -> list[tuple[str, int]]:
    """Each article's term rows with the archive's model (toolkit.terms.rows, group keys not
    yet labelled), from its beads in .work/terms/. Writes .work/pass3/<key>/terms.arrow and
    the result, (article_id, number of rows) per article, which it also returns."""
    import polars as pl

    from toolkit.archive.sink import PART, write_part
    from toolkit.terms.beads import stored_beads
    from toolkit.terms.rows import article_term_rows, keyed_schema

    out = Path(settings.work) / "pass3" / key
    if (out / RESULT).is_file():
        return _load_result(out / RESULT)
    _check(settings)
    model, given = _term_model(model_path, digest), given_lexicon(settings)
    ids = [item.article_id for item in items]
    folder = Path(settings.work) / "terms"

    def read(table: str):
        return pl.scan_parquet(folder / f"{table}.parquet").filter(pl.col("article_id").is_in(ids)).collect()

    rows: list[dict] = []
    results: list[tuple[str, int]] = []
    for article in stored_beads(read("beads").iter_rows(named=True), read("acronyms").iter_rows(named=True)):
        found = article_term_rows(article, model, given)
        rows += found
        results.append((article.article_id, len(found)))
    write_part(out / f"terms{PART}", keyed_schema(), rows)
    _dump(out / RESULT, results)
    return results
