"""Sentence pairs to learn a lexicon from, and the lexicon learned (`transprov lexicon learn`).

A translator's own parallel text comes in three shapes:
- a translation memory in TMX (every CAT tool writes one): each <tu> holds a <tuv> per
  language (xml:lang, or the older lang attribute), its text in <seg>;
- two line-aligned text files, one English and one Korean (which is which is told by
  script), line n of one translating line n of the other;
- an archive built by `transprov build`: its confident beads (cert >= MIN_CERT) from
  tables/links.parquet with their sentences' text.
Word alignment (wordalign.py, IBM Model 1 both ways) turns the pairs into entries
`ko<TAB>en`, the format `--lexicon` reads.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from toolkit.errors import InputError, one_line
from toolkit.ingest.decode import strip_invisible  # composed, no zero-width marks: as articles are read

__all__ = ["read_pairs_from", "learn_lexicon", "lexicon_tsv", "MIN_CERT"]

MIN_CERT = 0.9  # beads of an archive this likely right are taken as translations
MAX_TEXT_BYTES = 1 << 30  # a line-aligned text file: far beyond any translator's memory, short of /proc's endless files


def _tmx_pairs(path: Path) -> list[tuple[str, str]]:
    from toolkit.tei.safe_xml import read_xml_file

    root = read_xml_file(path)
    if root.tag != "tmx":
        raise InputError(str(path), "not a TMX file (root element is not <tmx>)")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    pairs = []
    for tu in root.iter("tu"):
        texts: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            lang = (tuv.get(xml_lang) or tuv.get("lang") or "").lower()
            seg = tuv.find("seg")
            if seg is not None:
                texts[lang.split("-")[0]] = strip_invisible("".join(seg.itertext())).strip()
        if texts.get("en") and texts.get("ko"):
            pairs.append((texts["en"], texts["ko"]))
    return pairs


def _read_text(path: Path) -> str:
    from toolkit.inputs import read_input

    data = read_input(path, MAX_TEXT_BYTES)  # regular files only: a FIFO must not block, /dev/zero not fill memory
    try:
        return strip_invisible(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(str(path), f"line {line}: not UTF-8 text") from None


def _line_pairs(first: Path, second: Path) -> list[tuple[str, str]]:
    from toolkit.align.pair import hangul_share

    a, b = _read_text(first).splitlines(), _read_text(second).splitlines()
    if len(a) != len(b):
        raise InputError(str(second), f"{len(b)} lines, but {first} has {len(a)}: the files are not line-aligned")
    en, ko = (a, b) if hangul_share(" ".join(a[:200])) < hangul_share(" ".join(b[:200])) else (b, a)
    return [(e.strip(), k.strip()) for e, k in zip(en, ko) if e.strip() and k.strip()]


def _archive_pairs(archive: Path) -> list[tuple[str, str]]:
    import polars as pl

    from toolkit.metrics.summary import damaged_table, require_table, tables_dir

    tables = tables_dir(archive)
    for name in ("links", "sentences"):
        require_table(tables, name)
    try:
        sentences = pl.read_parquet(tables / "sentences.parquet").select("article_id", "sentence_id", "text")
        text = {(a, s): t for a, s, t in sentences.iter_rows()}
        links = (pl.read_parquet(tables / "links.parquet")
                 .filter((pl.col("cert") >= MIN_CERT) & (pl.col("en_ids").list.len() > 0)
                         & (pl.col("ko_ids").list.len() > 0))
                 .sort("article_id", "bead"))
        return [(" ".join(text[(article, i)] for i in en_ids), " ".join(text[(article, j)] for j in ko_ids))
                for article, en_ids, ko_ids in links.select("article_id", "en_ids", "ko_ids").iter_rows()]
    except KeyError as error:
        raise InputError(str(tables / "links.parquet"), f"a link names sentence {error} that sentences.parquet lacks") from None
    except Exception as error:  # noqa: BLE001 - a damaged table is one line, not a traceback
        raise damaged_table(tables) or InputError(str(tables), f"cannot read the tables ({one_line(error)})") from None


def read_pairs_from(paths: list[Path], most: int | None = None) -> list[tuple[str, str]]:
    """(English, Korean) sentence pairs from TMX files, archives and pairs of text files
    (two consecutive text-file arguments are read as one line-aligned pair). More than `most` pairs
    is an InputError naming the input that passed the limit (not the first: the count is the sum)."""
    pairs: list[tuple[str, str]] = []
    pending: list[Path] = []
    for path in paths:
        read = len(pairs)
        if path.is_dir():
            pairs += _archive_pairs(path)
        elif path.suffix.lower() == ".tmx":
            pairs += _tmx_pairs(path)
        else:
            pending.append(path)
            if len(pending) == 2:
                pairs += _line_pairs(*pending)
                path, pending = pending[0], []
        if most is not None and len(pairs) > most:
            before = f" ({read:,} from the inputs before it)" if read else ""
            raise InputError(str(path), f"{len(pairs):,} sentence pairs{before}, more than --max-pairs {most:,}: "
                                        "give a larger --max-pairs to learn from them all")
    if pending:
        raise InputError(str(pending[0]), "a text file needs its line-aligned counterpart (give both files)")
    return pairs


def learn_lexicon(pairs: list[tuple[str, str]], min_count: int = 3, iterations: int = 5) -> list[tuple[str, str]]:
    """(Korean lemma, English word) entries learned from sentence pairs by word alignment."""
    from toolkit.align.wordalign import WordAligner, english_tokens, korean_tokens

    surface: Counter = Counter()
    data = [(korean_tokens(k), english_tokens(e, surface)) for e, k in pairs]
    model = WordAligner(iterations).train(data)
    written: dict[str, str] = {}
    for (s, w), _ in sorted(surface.items(), key=lambda kv: (-kv[1], kv[0])):
        written.setdefault(s, w)
    return [(k, written.get(e, e)) for k, e, _ in model.entries(min_count=min_count)]


def lexicon_tsv(entries: list[tuple[str, str]], sources: list[Path]) -> bytes:
    """The TSV `--lexicon` reads, with a comment naming what it was learned from."""
    head = f"# learned by transprov lexicon learn from {', '.join(p.name for p in sources)}: {len(entries)} entries\n"
    return (head + "".join(f"{k}\t{e}\n" for k, e in entries)).encode("utf-8")
