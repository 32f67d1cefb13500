"""Validate TEI files against the project's RELAX NG + Schematron (and optional extra schemas).

Archivists need every problem of every file, each with a line, a message and the rule
that caught it, so nothing stops at the first error and nothing raises for bad input.
Schemas are compiled once per process (tei_all takes ~10 s, the project's ~50 ms).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import InputError
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

    @property
    def valid(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {"file": self.file, "valid": self.valid, "errors": [e.as_dict() for e in self.errors]}

    def lines(self) -> list[str]:
        """One `path:line: message [rule]` line per problem."""
        return [f"{self.file}:{e.line}: {e.message} [{e.rule}]" for e in self.errors]


def _schema_tree(path: Path):
    """A schema is XML from elsewhere too: read it with the hardened parser, keeping its
    location so that relative includes still resolve."""
    tree = read_xml_file(path).getroottree()
    tree.docinfo.URL = str(path.resolve())
    return tree


class _RelaxNG:
    def __init__(self, path: Path) -> None:
        from lxml import etree

        self.rule = "rng" if path == PROJECT_RNG else f"rng:{path.name}"
        self.schema = etree.RelaxNG(_schema_tree(path))

    def check(self, root) -> list[Problem]:
        if self.schema.validate(root):
            return []
        return [Problem(e.line or 1, e.message, self.rule) for e in self.schema.error_log]


class _Schematron:
    def __init__(self, path: Path) -> None:
        from lxml import isoschematron

        self.prefix = "" if path == PROJECT_SCH else f"{path.name}:"
        self.schema = isoschematron.Schematron(_schema_tree(path), store_report=True)

    def check(self, root) -> list[Problem]:
        if self.schema.validate(root):
            return []
        tree = root.getroottree()
        problems = []
        for failed in self.schema.validation_report.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
            message = " ".join("".join(failed.itertext()).split())
            problems.append(Problem(_line(tree, failed.get("location")), message, self.prefix + (failed.get("id") or "sch")))
        return problems


def _line(tree, location: str | None) -> int:
    """Source line of the node a Schematron location path names (1 when it cannot be found)."""
    if not location:
        return 1
    try:
        found = tree.xpath(location)
    except Exception:  # an unusual path from a foreign schema: the file is still reported
        return 1
    node = found[0] if isinstance(found, list) and found else None
    if node is not None and not hasattr(node, "sourceline"):
        node = node.getparent()
    return getattr(node, "sourceline", None) or 1


@functools.cache
def _validator(path: Path):
    """A compiled schema, by suffix: .sch is Schematron, anything else RELAX NG (XML syntax)."""
    from lxml import etree

    try:
        return _Schematron(path) if path.suffix.lower() == ".sch" else _RelaxNG(path)
    except (etree.LxmlError, OSError) as error:
        raise InputError(str(path), f"schema does not compile: {' '.join(str(error).split())}") from None


def load_schema(path: Path):
    """Compile (once per process) an extra schema; InputError if it cannot be used."""
    path = Path(path).resolve()
    if not path.is_file():
        raise InputError(str(path), "schema file not found")
    return _validator(path)


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
    report = FileReport(str(path))
    try:
        root = read_xml_file(path)
    except XMLProblem as problem:
        report.errors.append(Problem(problem.line or 1, problem.message, "xml"))  # 1: the whole file
        return report
    report.errors.extend(validate_tree(root, extra))
    return report


def xml_paths(paths: list[Path]) -> list[Path]:
    """Files as given, directories expanded to their *.xml files (recursive, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.xml") if p.is_file()))
        else:
            found.append(path)
    return found


def validate_files(paths: list[Path], schema: Path | list[Path] | None = None) -> list[FileReport]:
    """Validate files and directories; `schema` adds RELAX NG (or .sch) schemas to the project's."""
    extras = [] if schema is None else [schema] if isinstance(schema, (str, Path)) else list(schema)
    extra = tuple(load_schema(Path(s)) for s in extras)
    return [validate_file(path, extra) for path in xml_paths([Path(p) for p in paths])]
