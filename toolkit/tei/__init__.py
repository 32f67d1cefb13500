"""TEI room: Article (+ original + alignment) <-> TEI P5 XML, validation, hardened parsing.

lxml is imported inside the functions, so importing this package stays cheap.
"""

from toolkit.tei.reader import read_tei
from toolkit.tei.safe_xml import XMLProblem, parse_xml_safely, read_xml_file
from toolkit.tei.validate import FileReport, Problem, validate_files
from toolkit.tei.writer import write_tei

__all__ = [
    "read_tei", "write_tei", "validate_files", "FileReport", "Problem",
    "parse_xml_safely", "read_xml_file", "XMLProblem",
]
