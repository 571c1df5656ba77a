"""Corporate actions imported from a vendor: the request and what the import did."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from adapters.http.schemas.common import Input, Mirror, Output, doc
from application.portfolio.corporate_action_import import ActionImport, BookedAction
from ports.portfolio.corporate_action_source import SkippedAction


class CorporateActionImportIn(Input):
    """Import the vendor's corporate actions of the symbols the portfolio's ledger names,
    effective from `start` to `end` (both included; `end` not after today, UTC)."""

    source: Annotated[
        Literal["alpaca", "polygon"],
        doc("alpaca: splits, mergers, spin-offs, name changes; polygon: splits, ticker changes"),
    ]
    start: date
    end: date


class BookedActionOut(Mirror[BookedAction]):
    """A vendor record's row in one account: added now, or booked already (`transaction_id`)."""

    enum_values = ("kind",)

    vendor_id: str
    symbol: str
    kind: str
    effective_date: date
    account_id: str
    transaction_id: str


class SkippedActionOut(Mirror[SkippedAction]):
    """A vendor record not booked, and why."""

    source: str
    vendor_id: str
    vendor_type: Annotated[str, doc("The vendor's name of the record's type")]
    symbol: str
    effective_date: date | None
    reason: str


class CorporateActionImportOut(Output):
    """What the import did. Importing the same window again adds nothing (`already_present`)."""

    source: str
    start: date
    end: date
    symbols: Annotated[list[str], doc("The symbols asked of the vendor")]
    added: list[BookedActionOut]
    already_present: list[BookedActionOut]
    skipped: list[SkippedActionOut]

    @classmethod
    def from_import(cls, done: ActionImport) -> CorporateActionImportOut:
        return cls.from_attributes(
            done,
            added=[BookedActionOut.from_domain(b) for b in done.added],
            already_present=[BookedActionOut.from_domain(b) for b in done.already_present],
            skipped=[SkippedActionOut.from_domain(s) for s in done.skipped],
        )
