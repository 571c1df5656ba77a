"""The information table's XSD (schemas/informationtable.xsd, written for this project from
the SEC's Form 13F XML Technical Specification) as an InformationTableSchema, on lxml.

lxml (libxml2's XML Schema validator) is used rather than a pure-Python validator because a
large manager's table has tens of thousands of rows: lxml validates them in a fraction of a
second where xmlschema took about 0.6 ms of CPU a row (benchmarks: docs/13f.md). Each
violation names its element by path (/informationTable/infoTable[3]/cusip), its line and the
reason, with the namespace left out.

Documents are parsed without network access and without expanding entities, and a document
carrying a DTD (DOCTYPE) is refused (InvalidDocument): no entity expansion, no external fetch.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ports.markets.sec13f import InvalidDocument, SchemaViolation

SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "informationtable.xsd"
SPECIFICATION = (
    "SEC EDGAR Form 13F XML Technical Specification, information table, as in force for "
    "filings from 2023-01-03 (values in dollars, optional FIGI)"
)
NS = "{http://www.sec.gov/edgar/document/thirteenf/informationtable}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class XsdInformationTableSchema:
    """Validates information-table documents; the schema is compiled once, here."""

    version = SPECIFICATION

    def __init__(self, path: Path = SCHEMA_PATH) -> None:
        self._schema = etree.XMLSchema(etree.parse(str(path), _parser()))

    def violations(self, document: bytes, limit: int = 50) -> list[SchemaViolation]:
        try:
            root = etree.fromstring(document, _parser())
        except etree.XMLSyntaxError as error:
            raise InvalidDocument(str(error)[:300] or "not well-formed XML") from None
        tree = root.getroottree()
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            raise InvalidDocument("a DTD (DOCTYPE) is not allowed in an information table")
        if self._schema.validate(tree):
            return []
        found = []
        for entry in list(self._schema.error_log)[:limit]:
            where = _readable(tree, entry.path)
            reason = entry.message.replace(NS, "")
            found.append(SchemaViolation(where, f"line {entry.line}: {reason}"))
        return found


def _readable(tree: etree._ElementTree, path: str | None) -> str:
    """/informationTable/infoTable[3]/cusip for libxml2's /*/*[3]/*[3]."""
    nodes = tree.xpath(path) if path else []
    if not nodes or not isinstance(nodes[0], etree._Element):
        return path or "/"
    parts = []
    node: etree._Element | None = nodes[0]
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        if parent is not None and name == "infoTable":
            index = [c for c in parent if etree.QName(c).localname == name].index(node) + 1
            name = f"{name}[{index}]"
        parts.append(name)
        node = parent
    return "/" + "/".join(reversed(parts))
