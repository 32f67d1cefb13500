"""Hardened XML parsing: entity bombs and XXE are refused at once, sizes are capped."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.tei import read_tei
from toolkit.tei.safe_xml import MAX_BYTES, XMLProblem, parse_xml_safely, read_xml_file

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>
"""


def billion_laughs(levels: int = 10) -> bytes:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", '  <!ENTITY lol0 "lol">']
    for n in range(1, levels):
        lines.append(f'  <!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">')
    lines += ["]>", f'<lolz a="&lol{levels - 1};">&lol{levels - 1};</lolz>', ""]
    return "\n".join(lines).encode()


def test_xxe_is_refused_and_never_read():
    with pytest.raises(XMLProblem) as caught:
        parse_xml_safely(XXE, "xxe.xml")
    assert "entity" in caught.value.message
    assert caught.value.line == 3  # the line of the entity declaration
    assert "root:" not in str(caught.value)


def test_entity_bomb_is_refused_at_once():
    start = time.perf_counter()
    with pytest.raises(XMLProblem, match="entity declarations are refused"):
        parse_xml_safely(billion_laughs(), "bomb.xml")
    assert time.perf_counter() - start < 0.5


def test_entity_declarations_are_found_in_utf16():
    data = XXE.decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
    with pytest.raises(XMLProblem, match="entity"):
        parse_xml_safely(data, "xxe16.xml")


def test_parameter_entities_and_external_dtds_are_not_fetched(tmp_path: Path):
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "LEAKED">')
    data = f'<?xml version="1.0"?><!DOCTYPE a SYSTEM "{secret.as_uri()}"><a>&leak;</a>'.encode()
    # no entity is declared in the document itself: the DTD is not loaded, &leak; stays undefined
    try:
        root = parse_xml_safely(data, "ext.xml")
    except XMLProblem as problem:
        assert "LEAKED" not in str(problem)
    else:
        assert "LEAKED" not in "".join(root.itertext())
    with pytest.raises(XMLProblem, match="entity"):
        parse_xml_safely(b'<!DOCTYPE a [<!ENTITY % p SYSTEM "http://example.invalid/x">%p;]><a/>', "pe.xml")


def test_doctype_without_entities_is_accepted():
    root = parse_xml_safely(b'<?xml version="1.0"?>\n<!DOCTYPE a>\n<a>ok</a>', "plain.xml")
    assert root.text == "ok"


def test_not_well_formed_reports_its_line():
    with pytest.raises(XMLProblem) as caught:
        parse_xml_safely(b"<a>\n<b>\n</a>\n", "broken.xml")
    assert caught.value.line in (3, 4)
    assert caught.value.message.startswith("not well-formed")
    assert isinstance(caught.value, InputError)


def test_empty_and_oversized_input(tmp_path: Path):
    with pytest.raises(XMLProblem, match="empty"):
        parse_xml_safely(b"  \n", "empty.xml")
    big = tmp_path / "big.xml"
    with big.open("wb") as out:  # sparse: over the limit without writing 50 MB
        out.truncate(MAX_BYTES + 1)
    start = time.perf_counter()
    with pytest.raises(InputError, match="over the 50 MB limit"):  # unreadable: not an XMLProblem
        read_xml_file(big)
    assert time.perf_counter() - start < 0.5


def test_read_tei_uses_the_hardened_parser(tmp_path: Path):
    path = tmp_path / "xxe.xml"
    path.write_bytes(XXE)
    with pytest.raises(InputError, match="entity"):
        read_tei(path)
    with pytest.raises(InputError, match="not a TEI document"):
        read_tei(b"<TEI/>")


def test_doctype_text_inside_the_document_is_not_a_doctype():
    data = b'<a><!-- <!DOCTYPE x [ <!ENTITY y "z"> ]> --><![CDATA[<!ENTITY q "r">]]></a>'
    assert parse_xml_safely(data, "comment.xml").tag == "a"
