"""13F reference data and the information table's schema.

SecuritiesMasterPort: which of a portfolio's symbols are Section 13(f) securities, with the
CUSIP, issuer name and class title the SEC's Official List of Section 13(f) Securities gives
them (and a FIGI where known). The file adapter reads a CSV that maps symbols to the list's
entries (adapters/sec13f/official_list.py; a SYNTHETIC sample ships in data/sec13f/).

InformationTableSchema: validates an information-table document against the XSD this project
wrote from the SEC's Form 13F XML Technical Specification (adapters/sec13f/xsd.py).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Security13F:
    symbol: str
    cusip: str
    name_of_issuer: str
    title_of_class: str
    figi: str | None = None
    listed_13f: bool = True  # on the current Official List of Section 13(f) Securities


class SecuritiesMasterPort(Protocol):
    """`lookup(symbols)`: the entries of the symbols the source knows (others are absent);
    DataSourceUnavailable (ports/markets/data_files.py) when it cannot be read. `list_period`: the
    Official List's period the data comes from ("2024 Q4"), for responses."""

    name: str

    async def lookup(self, symbols: Collection[str]) -> dict[str, Security13F]: ...

    async def list_period(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SchemaViolation:
    """Where the document breaks the schema (an XPath-like path) and why."""

    path: str
    reason: str


class InvalidDocument(ValueError):
    """The bytes are not a well-formed, safe XML document (a DTD or entity declaration is
    refused): `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InformationTableSchema(Protocol):
    """`violations(document, limit)`: up to `limit` schema violations of the document ([]:
    valid); InvalidDocument when it is not well-formed XML. Synchronous, CPU-bound: the use
    case runs it off the event loop. `version`: which specification the schema follows."""

    version: str

    def violations(self, document: bytes, limit: int = 50) -> list[SchemaViolation]: ...
