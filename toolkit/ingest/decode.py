"""Bytes -> text: the encodings Korean and English news files come in, and nothing else.

Order matters. A byte-order mark is proof and is checked first. UTF-8 is tried before
CP949 because strict UTF-8 practically never accepts Korean legacy bytes by accident,
while CP949 (a superset of EUC-KR, so one try covers both) accepts some Latin-1 byte
pairs: a CP949 reading is therefore kept only when its non-ASCII characters are mostly
Korean. An HTML page's declared charset is honoured when neither fits. Anything else is
refused rather than guessed, with the reason in one line.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

from toolkit.errors import InputError
from toolkit.hangul import is_hangul, is_syllable

MAX_CONTROL_SHARE = 0.02  # more C0/C1 control characters than this: not text
_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_UNWRITABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# zero-width characters (the joiners ZWJ/ZWNJ and the soft hyphen too) and the bidirectional
# controls (Arabic letter mark, LRM/RLM, the embeddings and overrides U+202A-E, the isolates
# U+2066-9): invisible in English and Korean news, they split a credit's words for the parser
# and would reorder text in the TEI. toolkit.credits strips the same ones from text given to it
# directly, so the library and the command line read a credit line alike.
INVISIBLE_MARKS = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE_MARKS}]")


def has_unwritable(text: str) -> bool:
    """Does `text` hold a control character, a lone surrogate or a noncharacter (what
    strip_unwritable takes out, but the invisible ones)? A name given for the TEI is refused
    for these rather than written without them."""
    return bool(_CONTROL.search(text) or _UNWRITABLE.search(text))


def strip_unwritable(text: str) -> str:
    """`text` without what JSON escapes bring back after decoding and no XML can hold or reader
    sees: control characters, lone surrogates ("\\ud800"), noncharacters, invisible characters."""
    return strip_invisible(_UNWRITABLE.sub("", _CONTROL.sub("", text)))


def strip_invisible(text: str) -> str:
    """`text` without zero-width and bidirectional control characters, composed (NFC). HTML
    entities and JSON escapes (&rlm;, &#x1100;, \\u1161) become characters only after decoding,
    so the HTML and metadata readers call this too: Korean written in decomposed jamo there would
    otherwise reach the credit readers and the segmenter, which read composed syllables."""
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))  # (NFC text comes back at once: a quick check)


def decode_bytes(data: bytes, source: str, notes: list[str] | None = None) -> str:
    """Decode an article file to NFC text with "\\n" newlines; InputError if it is not text.
    `notes` gets a line when the text was not NFC (Korean in decomposed jamo, as macOS file
    systems and some CMS exports write it): what the archive holds is not the file's bytes."""
    if not data:
        raise InputError(source, "empty file")
    text = _decode(data, source)
    text = _NEWLINES.sub("\n", text)
    controls = len(_CONTROL.findall(text))
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(source, f"binary data, not text ({controls} control characters in {len(text)})")
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
    if unicodedata.is_normalized("NFC", text):
        return text
    composed = unicodedata.normalize("NFC", text)
    if notes is not None:
        notes.append(f"{source}: {_composed_what(text, composed)}")
    return composed


def _composed_what(text: str, composed: str) -> str:
    """What NFC changed in `text`, said as it was: sequences composed (decomposed jamo or accents:
    fewer characters), and characters NFC replaces one for one, which are no decomposition: the
    CJK compatibility ideographs CP949 decodes a Hanja KS X 1001 holds twice to (金 read 김,
    U+F90A -> U+91D1), the ohm and angstrom signs."""
    fewer = len(text) - len(composed)
    alone = {c for c in set(text) if unicodedata.normalize("NFC", c) != c}
    replaced = sum(text.count(c) for c in alone)
    said = [f"text in decomposed Unicode (NFD) was composed (NFC) on reading: {fewer:,} fewer characters "
            "than the file"] if fewer > 0 else []
    if replaced:
        said.append(f"{replaced:,} character{'s' if replaced > 1 else ''} replaced by canonical equivalents (NFC) on reading "
                    "(CJK compatibility ideographs, signs such as the ohm sign)")
    return "; ".join(said) or "text put in composed Unicode (NFC) on reading"


def _decode(data: bytes, source: str) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(source, f"invalid {name} after its byte-order mark (byte offset {error.start + len(bom)})") from None
    if b"\x00" in data:
        raise InputError(source, _nul_problem(data))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    if utf8_error.reason == "unexpected end of data":  # UTF-8 to the last character, which stops half-way
        raise InputError(source, f"cut short: UTF-8 text whose last character is incomplete (the last "
                                 f"{len(data) - utf8_error.start} of {len(data):,} bytes); the rest of the file is missing")
    korean = _try_cp949(data)
    if korean is not None:
        return korean
    declared = _declared_charset(data)
    if declared is not None:
        return declared
    bad = data[utf8_error.start]
    raise InputError(
        source,
        f"undecodable: not UTF-8 (byte 0x{bad:02x} at offset {utf8_error.start}), UTF-16 with BOM or CP949/EUC-KR",
    )


def _nul_problem(data: bytes) -> str:
    """Why NUL bytes are refused, with a hint when the file is UTF-16 missing its BOM."""
    head = data[:4096]
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    if max(odd, even) > 0.3 * (len(head) // 2) and min(odd, even) < 0.05 * (len(head) // 2):
        return "binary data (NUL bytes); looks like UTF-16 without a byte-order mark, save it with a BOM"
    return "binary data, not text (NUL bytes)"


def _try_cp949(data: bytes) -> str | None:
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 0x7F]
    korean = sum(1 for ch in wide if _is_korean_or_cjk(ch))
    # Real Korean text is written mostly with the 2,350 common syllables of EUC-KR; the
    # rare CP949-only syllables are what Latin-1 or Windows-1252 bytes turn into.
    common = _ks_x_1001_syllables()
    syllables = [ch for ch in wide if is_syllable(ch)]
    rare = sum(1 for ch in syllables if ch not in common)
    if korean < 0.8 * len(wide) or rare > 0.5 * len(syllables):
        return None
    return text


@functools.cache
def _ks_x_1001_syllables() -> frozenset[str]:
    """The 2,350 Hangul syllables of EUC-KR (KS X 1001 rows 0xB0-0xC8)."""
    pairs = bytes(b for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF) for b in (lead, trail))
    return frozenset(pairs.decode("euc-kr", errors="ignore"))


def _is_korean_or_cjk(ch: str) -> bool:
    """Characters a real CP949 Korean text is made of beyond ASCII."""
    o = ord(ch)
    return (
        is_hangul(ch)  # syllables and compatibility jamo (CP949 decodes to no other Hangul)
        or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF  # Hanja
        or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E  # CJK and full-width punctuation
        or 0x2010 <= o <= 0x203B or 0x2460 <= o <= 0x25FF  # quotes, dashes, circled numbers, shapes
        or ch in "·ⓒ©°±×÷¶§"
    )


def _declared_charset(data: bytes) -> str | None:
    """Decode by an HTML page's <meta charset>, when it names a codec that fits strictly."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii"))
    except LookupError:
        return None
    if codec.name.startswith(("utf-16", "utf-32", "utf-7")) or codec.name in _NO_PAGE_CODECS:
        # a page of 8-bit bytes (UTF-16/32 without a BOM has NULs, refused above) read as UTF-16LE or
        # UTF-32 decodes without error into CJK-looking nonsense; UTF-7 is a known smuggling route
        return None
    try:
        return data.decode(codec.name)
    except (UnicodeError, LookupError):  # LookupError: rot13, base64, zlib are codecs of no text
        return None


# Python's codecs of string literals, which read a page's "\u0041" as "A" (its text changed without a
# word), and "undefined", which raises a bare UnicodeError (it was an internal error)
_NO_PAGE_CODECS = frozenset({"unicode-escape", "raw-unicode-escape", "undefined"})
