"""Names and small rules of the transprov TEI profile, shared by the writer and the reader.

Kept in one place so that the writer, the reader and the tests agree on every tag,
attribute value and phrase (the schemas in `schemas/` state the same profile).
"""

from __future__ import annotations

import re
from datetime import date, datetime

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_ID = f"{{{XML_NS}}}id"

# the phrase a credit line uses for each role (resp text)
RESP_PHRASES: dict[str, str] = {
    "reporter": "Reported by",
    "translator": "Translated by",
    "writer": "Written in English by",
    "editor": "Edited by",
    "contributor": "Additional reporting by",
    "photographer": "Photographed by",
    "producer": "Produced by",
}

# the reviewer of an alignment: not a credit of the article, so kept apart from model.ROLES;
# MARC relator "rev" (reviewer); its respStmt is the target of link/@resp and revisionDesc/change/@who
REVIEWER_ROLE = "reviewer"
REVIEWER_RELATOR = "rev"
REVIEWER_PHRASE = "Alignment reviewed by"

LANGUAGE_NAMES = {"en": "English", "ko": "Korean"}

DIV_TYPES = ("translation", "original")  # English div, Korean div
ORIGINAL_FORM_LANG = "ko"  # xml:lang of the Korean forms of a credit's names

_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def tei(tag: str) -> str:
    """Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


def is_language(code: str) -> bool:
    return bool(_LANG.match(code))


def is_ncname(value: str) -> bool:
    return bool(_NCNAME.match(value)) and ":" not in value


def language_id(code: str) -> str:
    """xml:id of a language's <language> element, the target of orgName/@corresp."""
    return f"lang-{code}"


def w3c_date(value: str) -> str | None:
    """`value` when it is a valid TEI @when (xsd:date or xsd:dateTime), else None."""
    try:
        if len(value) == 10:
            date.fromisoformat(value)
            return value
        if _DATETIME.match(value):
            datetime.fromisoformat(value.replace("Z", "+00:00"))
            return value
    except ValueError:
        return None
    return None


def format_cert(cert: float) -> str:
    """@cert as written: at most 4 decimals, clamped to [0, 1] (TEI teidata.probability)."""
    value = min(1.0, max(0.0, float(cert)))
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


_URI_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*$")


def uri_target(url: str) -> str:
    """`url` as a valid URI for @target: characters a URI cannot hold are percent-encoded
    (UTF-8), valid %XX escapes are kept, a second '#' and a colon that would read as a bad
    scheme are escaped. A well-formed URL comes back unchanged."""
    out, fragment = [], False
    for i, char in enumerate(url):
        if char == "%" and _ESCAPE.match(url, i):
            out.append(char)
        elif char == "#" and not fragment:
            fragment = True
            out.append(char)
        elif char in _URI_SAFE and char != "#":
            out.append(char)
        else:
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass")))
    text = "".join(out)
    first = re.search(r"[:/?#]", text)
    if first and first.group() == ":" and not _SCHEME.match(text[: first.start()]):
        end = re.search(r"[/?#]", text)
        cut = end.start() if end else len(text)
        text = text[:cut].replace(":", "%3A") + text[cut:]
    return text
