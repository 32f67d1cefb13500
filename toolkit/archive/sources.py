"""The corpus: its article folders, the digests of their files, and reading one article pair.

A source is present when its name exists in the folder at all (`lexists`), whatever it is:
a directory, a FIFO, a dangling symlink or a symlink loop named `ko.txt` is an error for
its article (reported by `read_article`), never a reason to build the article English-only.
Digests never open anything but regular files, so a FIFO cannot hang a build.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import InputError
from toolkit.model import Article

EN_NAMES = ("en.txt", "en.html", "en.htm")
KO_NAMES = ("ko.txt", "ko.html", "ko.htm")


def corpus_articles(corpus: Path, exclude: Path | None = None) -> list[tuple[str, Path]]:
    """(article_id, folder) for every folder of CORPUS, sorted by id (`exclude`: an archive
    kept inside the corpus is not an article)."""
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise InputError(str(corpus), "corpus is not a directory")
    skip = exclude.resolve() if exclude is not None else None
    if skip is not None and (skip == corpus.resolve() or _same(exclude, corpus)):
        # its links tei/, tables/, current/ would be read as articles next time
        raise InputError(str(corpus), "the archive cannot be the corpus folder itself: give it a folder of its own")
    entries = sorted((p.name, p) for p in corpus.iterdir() if not p.name.startswith(".") and _is_article(p))
    is_archive = {name: skip is not None and (os.path.realpath(folder) == str(skip) or _same(folder, exclude))
                  for name, folder in entries}
    for name, folder in entries:  # realpath, not resolve(): a loop is an entry like any other
        if is_archive[name] and _source(folder, EN_NAMES):
            raise InputError(str(exclude), "the archive cannot be an article folder of the corpus (that article "
                                           "would be left out): give it a folder of its own")
    return [(name, folder) for name, folder in entries if not is_archive[name]]


def _same(a: Path, b: Path) -> bool:
    """One folder under two spellings (toolkit.files.file_identity); False when either does not exist (yet)."""
    from toolkit.files import file_identity

    found = file_identity(a)
    return found is not None and found == file_identity(b)


def _is_article(entry: Path) -> bool:
    """A folder, or a link that leads nowhere (dangling, a loop, a disk not mounted): that is
    its article's error, not a reason to drop the article from the archive in silence."""
    try:
        return stat.S_ISDIR(os.stat(entry).st_mode)
    except OSError:
        return entry.is_symlink()


# ARCHIVE/tei/<id>.xml is written through a temporary `.<id>.xml.XXXXXXXX.tmp`: 18 bytes
# more than the id, and a file name has at most 255 bytes
MAX_ID_BYTES = 255 - 18


def id_problem(article_id: str) -> str | None:
    """Why a folder name cannot be an article id (None: it can). A name that is not UTF-8
    (a Windows zip's CP949 names) cannot be written into the TEI and the tables, and a
    name too long cannot name the TEI file: either would fail the whole build."""
    try:
        size = len(article_id.encode("utf-8"))
    except UnicodeEncodeError:
        return "the folder name is not UTF-8 text; rename the folder"
    if size > MAX_ID_BYTES:
        return f"the folder name is {size} bytes long, too long for its TEI file (at most {MAX_ID_BYTES}); rename the folder"
    return None


def twin_ids(article_ids: list[str]) -> list[str]:
    """One line per group of ids that differ only in case or Unicode normalization ("Case" and
    "case", NFC and NFD "café"): built here, their TEI files are one file on a case-insensitive
    or normalizing file system (macOS, Windows), where a copy of the archive would lose one."""
    import unicodedata

    groups: dict[str, list[str]] = {}
    for article_id in article_ids:
        groups.setdefault(_folded(unicodedata.normalize("NFC", article_id)), []).append(article_id)
    return [f"article ids {_shown(sorted(ids))} differ only in case or Unicode normalization: on a "
            "case-insensitive file system (macOS, Windows) their TEI files would be one file; rename one"
            for ids in groups.values() if len(ids) > 1]


def _folded(name: str) -> str:
    """`name` in simple case folding, one character for one, as case-insensitive file systems
    compare names (APFS, NTFS): "Straße" is "straße" there, but not "strasse", which full case
    folding (str.casefold) would make of it."""
    return "".join(_fold_one(c) for c in name)


def _fold_one(char: str) -> str:
    for folded in (char.casefold(), char.lower()):  # "ẞ": casefold "ss", lower "ß"
        if len(folded) == 1:
            return folded
    return char


def hidden_folders(corpus: Path) -> list[str]:
    """The names of CORPUS's hidden folders (".drafts", ".git"), which are not articles: the build
    skips them and says so, so that an article whose folder a tool renamed so is not lost unheard."""
    try:
        return sorted(p.name for p in Path(corpus).iterdir() if p.name.startswith(".") and _is_article(p))
    except OSError:
        return []  # corpus_articles says what is wrong with the corpus itself


def _shown(ids: list[str]) -> str:
    """The ids quoted, escaped where they would print alike (NFC and NFD twins)."""
    import unicodedata

    shown = [repr(i) for i in ids]
    alike = len({unicodedata.normalize("NFC", s) for s in shown}) < len(shown)
    return ", ".join(map(ascii, ids) if alike else shown)


def _source(folder: Path, names: tuple[str, ...]) -> Path | None:
    return next((folder / n for n in names if os.path.lexists(folder / n)), None)


def load_pair(folder: Path) -> tuple[Article, Article | None]:
    """Read and segment one corpus folder; the English credits get their Korean names joined."""
    from toolkit.credits import join_korean_credits
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article

    en_path = _source(folder, EN_NAMES)
    if en_path is None:
        raise InputError(str(folder), "no en.txt or en.html in the article folder")
    en = segment_article(read_article(en_path))
    if not en.sentences:
        raise InputError(str(en_path), "no body sentences found")
    ko_path = _source(folder, KO_NAMES)
    ko = segment_article(read_article(ko_path)) if ko_path else None
    if ko is not None and not ko.sentences:
        raise InputError(str(ko_path), "no body sentences found in the Korean original")
    if ko is not None:
        from toolkit.align.pair import same_language

        problem = same_language(en, ko)
        if problem:
            raise InputError(str(en_path if problem[0] == "en" else ko_path), problem[1])
        en.credits = join_korean_credits(en.credits, ko.credits)
    # CORPUS/<id>/meta.json (url, published, outlet; ko_ for the original) wins over page metadata
    from toolkit.corpusmeta import apply_corpus_meta
    apply_corpus_meta(folder, en, ko)
    # the archive records sources relative to the corpus, so that the same corpus gives
    # byte-identical TEI wherever it lies and however its path was typed
    for article, path in ((en, en_path), (ko, ko_path)):
        if article is not None:
            article.source = f"{folder.name}/{path.name}"
    return en, ko


@dataclass(frozen=True)
class FolderDigest:
    """What an article is built from: each file's digest (or what the entry is, when it
    is not a regular file), and one digest over all of them and the article id."""

    digest: str
    files: dict[str, str]


def _file_digest(path: Path) -> str:
    """sha256 of a regular file (symlinks followed); for anything else, what it is (the
    kind is checked before opening, as toolkit.inputs does: opening a device can act)."""
    from toolkit.inputs import not_regular

    try:
        problem = not_regular(os.stat(path).st_mode)
        if problem:
            return problem
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return {errno.ELOOP: "symbolic link loop", errno.ENOENT: "dangling symbolic link"}.get(
            error.errno, f"unreadable ({error.strerror})")
    try:
        problem = not_regular(os.fstat(fd).st_mode)
        if problem:
            return problem
        h = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
        return h.hexdigest()
    except OSError as error:
        return f"unreadable ({error.strerror})"
    finally:
        os.close(fd)


def digest_folder(article_id: str, folder: Path) -> FolderDigest:
    """Digests of every file of an article folder (meta.json included; dotfiles are not sources)."""
    try:
        names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ELOOP):  # the folder is a link that leads nowhere
            from toolkit.inputs import open_problem

            raise InputError(str(folder), open_problem(folder, error)) from None
        raise InputError(str(folder), f"cannot list the article folder ({error.strerror or error})") from None
    files = {name: _file_digest(folder / name) for name in names}
    blob = json.dumps([article_id, files], ensure_ascii=False, sort_keys=True).encode("utf-8")
    return FolderDigest(hashlib.sha256(blob).hexdigest(), files)
