"""Hardened XML parsing: the one way the project reads XML that may come from anyone.

Archive files come from many hands, so the first reader must refuse what could hurt:
entity declarations (billion laughs, XXE) are refused before libxml2 sees them; the parser
itself never reads a DTD or any other external resource, whatever its options (a resolver
answers every request with nothing), so a DOCTYPE naming an external DTD (TMX files carry
one) is read as if it named none; files are read by toolkit.inputs (regular files only,
size capped while reading).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from toolkit.errors import InputError, one_line

MAX_BYTES = 50 * 1024 * 1024  # larger than any article file by three orders of magnitude

_DOCTYPE = re.compile(r"<!DOCTYPE")
_ENTITY = re.compile(r"<!ENTITY")
_ELEMENT = re.compile(r"<[A-Za-z_:]")


class XMLProblem(InputError):
    """An XML input refused or not well-formed; `line` is 1-based, None for whole-file problems."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        super().__init__(source, problem if line is None else f"line {line}: {problem}")
        self.line = line
        self.message = problem


def _head_text(data: bytes) -> str:
    """The document decoded loosely, enough to find a DOCTYPE in any common encoding."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if data[:2] == b"<\x00":
        return data.decode("utf-16-le", errors="replace")
    if data[:2] == b"\x00<":
        return data.decode("utf-16-be", errors="replace")
    # ASCII-compatible encodings (UTF-8, EUC-KR, Latin-1 …) keep markup bytes as they are
    return data.decode("latin-1")


def _refuse_entity_declarations(data: bytes, source: str) -> None:
    text = _head_text(data)
    doctype = _DOCTYPE.search(text)
    if doctype is None or _ELEMENT.search(text, 0, doctype.start()):
        return  # no DOCTYPE, or the text "<!DOCTYPE" inside the document (a comment, CDATA)
    entity = _ENTITY.search(text, doctype.end())
    if entity is not None:
        line = text.count("\n", 0, entity.start()) + 1
        raise XMLProblem(source, "entity declarations are refused (DOCTYPE declares an entity)", line)


def _parser():
    """A parser that reads nothing but the bytes it is given.

    collect_ids=False keeps a duplicated xml:id a finding of the Schematron (with IDs
    collected, libxml2 stops at the second one), but it also makes libxml2 load an external
    DTD despite load_dtd=False: /etc/passwd was opened, and a FIFO named as the DTD blocked
    for ever. So every external request goes to a resolver that answers with nothing (an
    empty DTD). Entities it would have defined stay references, which are refused.
    """
    from lxml import etree

    class _Nothing(etree.Resolver):
        def resolve(self, url, public_id, context):
            return self.resolve_string("", context)

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        attribute_defaults=False, huge_tree=False, remove_blank_text=False, collect_ids=False,
    )
    parser.resolvers.add(_Nothing())
    return parser


def parse_xml_safely(data: bytes, source: str):
    """Parse untrusted XML bytes into an lxml root element, or raise XMLProblem.

    Refused: more than MAX_BYTES, any DOCTYPE declaring entities, entity references left in
    the tree. An external DTD is never read. Not well-formed XML is reported with its line
    number.
    """
    from lxml import etree

    if len(data) > MAX_BYTES:
        raise XMLProblem(source, f"file is {len(data) / 1048576:.1f} MB, over the {MAX_BYTES // 1048576} MB limit")
    if not data.strip():
        raise XMLProblem(source, "file is empty")
    _refuse_entity_declarations(data, source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno or None
        message = (error.msg or str(error)).strip()
        message = re.sub(r", line \d+, column \d+$", "", message)
        raise XMLProblem(source, f"not well-formed: {message}", line) from None
    except ValueError as error:  # e.g. a str with an encoding declaration
        raise XMLProblem(source, f"not well-formed: {error}") from None
    except (etree.LxmlError, MemoryError) as error:  # anything else libxml2 gives up on: one line
        raise XMLProblem(source, f"cannot be parsed ({type(error).__name__}: {one_line(error)})") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise XMLProblem(source, "entity declarations are refused (DOCTYPE declares an entity)")
    for node in root.iter(etree.Entity):
        raise XMLProblem(source, f"entity reference {node.text} is refused", node.sourceline)
    return root


def read_xml_file(path: Path):
    """Read (toolkit.inputs: regular files only, at most MAX_BYTES) and parse an XML file safely.

    A file that cannot be read raises a plain InputError; a file read but refused or not
    well-formed raises XMLProblem (a subclass), so that callers can tell the two apart.
    """
    from toolkit.inputs import read_input

    return parse_xml_safely(read_input(path, MAX_BYTES), str(path))
