"""Validate TEI files against the project's RELAX NG + Schematron (and optional extra schemas).

Archivists need every problem of every file, each with a line, a message and the rule
that caught it, so nothing stops at the first error and nothing raises for bad input.
Schemas are compiled once per process (tei_all takes ~10 s, the project's ~50 ms).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import InputError, one_line, printable
from toolkit.inputs import expand
from toolkit.tei.safe_xml import XMLProblem, read_xml_file

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
PROJECT_RNG = SCHEMA_DIR / "transprov.rng"
PROJECT_SCH = SCHEMA_DIR / "transprov.sch"
SVRL = "http://purl.oclc.org/dsdl/svrl"


@dataclass
class Problem:
    line: int
    message: str
    rule: str  # Schematron assert id, "rng", or "xml"

    def as_dict(self) -> dict:
        return {"line": self.line, "message": self.message, "rule": self.rule}


@dataclass
class FileReport:
    file: str
    errors: list[Problem] = field(default_factory=list)
    unreadable: str | None = None  # why the file could not be read at all (then `errors` is empty)

    @property
    def valid(self) -> bool:
        return not self.errors and self.unreadable is None

    def as_dict(self) -> dict:
        data = {"file": self.file, "valid": self.valid, "errors": [e.as_dict() for e in self.errors]}
        if self.unreadable is not None:
            data["unreadable"] = self.unreadable
        return data

    def lines(self) -> list[str]:
        """One `path:line: message [rule]` line per problem (control characters escaped)."""
        return [printable(f"{self.file}:{e.line}: {e.message} [{e.rule}]") for e in self.errors]


def _schema_tree(path: Path):
    """A schema is XML from elsewhere too: read it with the hardened parser, keeping its
    location so that relative includes still resolve."""
    tree = read_xml_file(path).getroottree()
    tree.docinfo.URL = str(path.resolve())
    return tree


_INCLUDES = {  # elements whose @href makes libxml2 or libxslt load another file when compiling
    "{http://relaxng.org/ns/structure/1.0}include", "{http://relaxng.org/ns/structure/1.0}externalRef",
    "{http://purl.oclc.org/dsdl/schematron}include", "{http://purl.oclc.org/dsdl/schematron}extends",
    "{http://www.w3.org/1999/XSL/Transform}include", "{http://www.w3.org/1999/XSL/Transform}import",
}


def _check_includes(path: Path, seen: set[Path] | None = None) -> None:
    """Read every file a schema includes, transitively, with the hardened reader first.

    libxml2 loads a RELAX NG include, and libxslt a Schematron one, with no size limit and
    no check of the kind of file: an include naming a FIFO would block the compilation for
    ever. Each include must be a local regular file the hardened parser accepts.
    """
    from urllib.parse import urlparse

    seen = set() if seen is None else seen
    path = path.resolve()
    if path in seen:
        return
    seen.add(path)
    for element in read_xml_file(path).iter(*_INCLUDES):
        href = (element.get("href") or "").strip()
        if not href:
            continue
        scheme = urlparse(href).scheme
        if scheme not in ("", "file"):
            raise InputError(str(path), f"line {element.sourceline}: include {href} is not a local file; refused")
        target = Path(urlparse(href).path if scheme == "file" else href)
        _check_includes(target if target.is_absolute() else path.parent / target, seen)


class _RelaxNG:
    def __init__(self, path: Path) -> None:
        from lxml import etree

        self.rule = "rng" if path == PROJECT_RNG else f"rng:{path.name}"
        self.schema = etree.RelaxNG(_schema_tree(path))

    def check(self, root) -> list[Problem]:
        if self.schema.validate(root):
            return []
        return [Problem(e.line or 1, e.message, self.rule) for e in self.schema.error_log]


_LINE_NS = "urn:transprov:schematron-location"


def _line_of(_context, nodes) -> str:
    """XSLT extension: the source line of a node (an attribute's or a text's: its element's)."""
    node = nodes[0] if nodes else None
    if node is not None and not hasattr(node, "sourceline"):
        node = node.getparent()
    return str(getattr(node, "sourceline", None) or 1)


def _with_line_locations(validator_xslt):
    """The compiled Schematron with `svrl:*/@location` = the source line of the node.

    The ISO skeleton writes an XPath location per failure, counting preceding siblings at
    every step: quadratic in the number of failures (20,000 dangling links took minutes),
    and finding the node again from that path was quadratic too. A line number is all the
    report needs, and lxml knows it for every node.
    """
    import copy

    from lxml import etree

    xsl = "http://www.w3.org/1999/XSL/Transform"
    stylesheet = copy.deepcopy(validator_xslt.getroot())
    for match, select in (("node()|@*", "tp:line(.)"), ("/", "1")):
        template = etree.SubElement(stylesheet, f"{{{xsl}}}template", nsmap={"tp": _LINE_NS},
                                    match=match, mode="schematron-get-full-path", priority="100")
        etree.SubElement(template, f"{{{xsl}}}value-of", select=select)
    return etree.XSLT(stylesheet, extensions={(_LINE_NS, "line"): _line_of},
                      access_control=etree.XSLTAccessControl.DENY_ALL)


class _Schematron:
    def __init__(self, path: Path) -> None:
        from lxml import isoschematron

        self.prefix = "" if path == PROJECT_SCH else f"{path.name}:"
        compiled = isoschematron.Schematron(_schema_tree(path), store_xslt=True)
        self.transform = _with_line_locations(compiled.validator_xslt)

    def check(self, root) -> list[Problem]:
        report = self.transform(root).getroot()
        if next(report.iter(f"{{{SVRL}}}failed-assert"), None) is None:
            return []  # valid (reports alone do not make a file invalid, as in lxml)
        problems = []
        for failed in report.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
            message = " ".join("".join(failed.itertext()).split())
            location = failed.get("location") or ""
            line = int(location) if location.isdigit() else 1
            problems.append(Problem(line, message, self.prefix + (failed.get("id") or "sch")))
        return problems


@functools.cache
def _validator(path: Path):
    """A compiled schema, by suffix: .sch is Schematron, anything else RELAX NG (XML syntax)."""
    from lxml import etree

    _check_includes(path)
    try:
        return _Schematron(path) if path.suffix.lower() == ".sch" else _RelaxNG(path)
    except (etree.LxmlError, OSError) as error:
        raise InputError(str(path), f"schema does not compile: {' '.join(str(error).split())}") from None


def load_schema(path: Path):
    """Compile (once per process) an extra schema; InputError if it cannot be used."""
    return _validator(Path(path).resolve())


def project_validators() -> list:
    return [_validator(PROJECT_RNG), _validator(PROJECT_SCH)]


def validate_tree(root, extra: tuple = ()) -> list[Problem]:
    """Problems of one parsed document under the project schemas and any `extra` validators."""
    problems: list[Problem] = []
    for validator in project_validators() + list(extra):
        problems.extend(validator.check(root))
    problems.sort(key=lambda p: p.line)
    return problems


def validate_file(path: Path, extra: tuple = ()) -> FileReport:
    """The report of one file; nothing it holds raises, so a batch always reaches its end."""
    from lxml import etree

    report = FileReport(str(path))
    try:
        root = read_xml_file(path)
    except XMLProblem as problem:
        report.errors.append(Problem(problem.line or 1, problem.message, "xml"))  # 1: the whole file
        return report
    except InputError as error:
        report.unreadable = error.problem
        return report
    try:
        report.errors.extend(validate_tree(root, extra))
    except (etree.LxmlError, MemoryError, RecursionError) as error:  # XSLTApplyError and kin: one line
        report.errors.append(Problem(1, f"validation could not finish ({type(error).__name__}: {one_line(error)})", "xml"))
    return report


def xml_paths(paths: list[Path]) -> list[Path]:
    """Files as given, directories expanded to the *.xml entries under them (recursive, sorted)."""
    return expand(paths, {".xml"})[0]


def validate_files(paths: list[Path], schema: Path | list[Path] | None = None) -> list[FileReport]:
    """Validate files and directories; `schema` adds RELAX NG (or .sch) schemas to the project's."""
    extras = [] if schema is None else [schema] if isinstance(schema, (str, Path)) else list(schema)
    extra = tuple(load_schema(Path(s)) for s in extras)
    return [validate_file(path, extra) for path in xml_paths([Path(p) for p in paths])]
