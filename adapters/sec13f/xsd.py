"""The information table's XSD (schemas/informationtable.xsd, written for this project from
the SEC's Form 13F XML Technical Specification) as an InformationTableSchema, on xmlschema.

xmlschema (pure Python, XSD 1.0/1.1) is used rather than lxml because its errors carry the
element path and a reason a person can read, which the API hands back per violation.
Documents are parsed with defuse="always": a DTD or an entity declaration is refused
(InvalidDocument), so no entity expansion or external fetch can happen.
"""

from __future__ import annotations

import io
from pathlib import Path

import xmlschema

from ports.sec13f import InvalidDocument, SchemaViolation

SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "informationtable.xsd"
SPECIFICATION = (
    "SEC EDGAR Form 13F XML Technical Specification, information table, as in force for "
    "filings from 2023-01-03 (values in dollars, optional FIGI)"
)


class XsdInformationTableSchema:
    """Validates information-table documents; the schema is compiled once, here."""

    version = SPECIFICATION

    def __init__(self, path: Path = SCHEMA_PATH) -> None:
        self._schema = xmlschema.XMLSchema(str(path))

    def violations(self, document: bytes, limit: int = 50) -> list[SchemaViolation]:
        try:
            resource = xmlschema.XMLResource(io.BytesIO(document), defuse="always")
            found = []
            for error in self._schema.iter_errors(resource):
                found.append(SchemaViolation(error.path or "/", str(error.reason or error)))
                if len(found) >= limit:
                    break
            return found
        except xmlschema.XMLResourceError as error:
            raise InvalidDocument(_first_line(str(error))) from None
        except SyntaxError as error:  # ElementTree.ParseError raised while iterating
            raise InvalidDocument(_first_line(str(error))) from None


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or ["not a well-formed XML document"])[0][:300]
