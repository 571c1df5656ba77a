"""Alpaca's corporate actions (market data API `GET /v1/corporate-actions`) as ledger records.

The call: `symbols` (comma separated), `types`, `start` and `end` (dates, both included),
`limit` (at most 1000 a page) and `page_token`; the answer is
`{"corporate_actions": {"<type>s": [record, ...], ...}, "next_page_token": ...}`, followed
until the token is null. Each record has an `id`. The mapping, per documented type:

- forward_splits {symbol, new_rate, old_rate, ex_date}: SPLIT, ratio new_rate / old_rate.
- reverse_splits {symbol, new_rate, old_rate, ex_date}: REVERSE_SPLIT, ratio new / old (0.1
  for 1-for-10), no cash price: the fractional share is kept (the broker's cash in lieu is a
  CASH_IN_LIEU booked from its statement).
- stock_mergers {acquiree_symbol, acquiree_rate, acquirer_symbol, acquirer_rate,
  effective_date}: STOCK_MERGER of the acquiree into the acquirer, ratio acquirer_rate /
  acquiree_rate.
- cash_mergers {acquiree_symbol, rate, effective_date}: CASH_MERGER at `rate` per share.
- stock_and_cash_mergers {... as a stock merger, cash_rate}: MIXED_MERGER, cash per old share
  `cash_rate` (only when acquiree_rate is 1: otherwise what `cash_rate` is per is not said).
  Alpaca gives no fair market value of the new share, which the boot's gain needs
  (`new_price`): the import reports it skipped, to be booked from a file.
- spin_offs {source_symbol, source_rate, new_symbol, new_rate, ex_date}: SPIN_OFF, ratio
  new_rate / source_rate; Alpaca gives no basis allocation (Form 8937), so the import reports
  it skipped, to be booked from a file with its `allocation`.
- name_changes {old_symbol, new_symbol, process_date}: SYMBOL_CHANGE.

Skipped with a reason (no ledger kind says what they do to the lots without a guess):
unit_splits (one security into two: the basis split is not given), stock_dividends (taxable
or not, Pub 550 "Stock dividends"), redemptions (partial or whole), worthless_removals (IRC
165(g): a loss on the tax year's last day), rights_distributions, and any type not known here.
Cash dividends are not lot events: they are not asked for (and skipped if sent anyway).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from datetime import date
from typing import Any

import msgspec

from adapters.alpaca.http import AlpacaHttp, AlpacaHttpError, decode
from adapters.ledger_actions.records import (
    BadRecord,
    answer,
    day,
    number,
    symbol,
    text,
)
from domain.portfolio.transactions import TransactionKind
from ports.portfolio.corporate_action_source import (
    CorporateActionsUnavailable,
    SkippedAction,
    SourcedActions,
    VendorAction,
)

SOURCE = "alpaca"
PATH = "/v1/corporate-actions"
PAGE_LIMIT = 1000  # Alpaca's largest page
MAX_PAGES = 100
SYMBOLS_A_CALL = 100  # to keep the URL short
# What is asked for: every type but cash dividends (no lot event).
TYPES = (
    "forward_split",
    "reverse_split",
    "unit_split",
    "stock_dividend",
    "spin_off",
    "cash_merger",
    "stock_merger",
    "stock_and_cash_merger",
    "redemption",
    "name_change",
    "worthless_removal",
    "rights_distribution",
)
_SKIPPED_TYPES = {
    "unit_splits": ("old_symbol", "effective_date", "a unit split makes two securities; the "
                    "basis split between them is not given: book it from a file"),
    "stock_dividends": ("symbol", "ex_date", "a stock dividend may be taxable (Pub 550 'Stock "
                        "dividends'): book it from a file (a split of 1 + rate when it is not)"),
    "cash_dividends": ("symbol", "ex_date", "a cash dividend is not a lot event"),
    "redemptions": ("symbol", "payable_date", "a redemption may be partial: book it from a file "
                    "as a sale or a cash_merger"),
    "worthless_removals": ("symbol", "process_date", "a worthless security is a loss on the last "
                           "day of the tax year (IRC 165(g)): book it from a file"),
    "rights_distributions": ("source_symbol", "ex_date", "rights have no ledger kind: book them "
                             "from a file"),
}  # fmt: skip
_BODY = msgspec.json.Decoder()


class AlpacaCorporateActions:
    """A CorporateActionSource over Alpaca's market data API (module doc)."""

    name = SOURCE

    def __init__(self, http: AlpacaHttp, *, max_pages: int = MAX_PAGES) -> None:
        self._http = http
        self._max_pages = max_pages

    async def actions(self, symbols: Sequence[str], start: date, end: date) -> SourcedActions:
        wanted = sorted({s.upper() for s in symbols})
        found: list[VendorAction | SkippedAction] = []
        for at in range(0, len(wanted), SYMBOLS_A_CALL):
            chunk = wanted[at : at + SYMBOLS_A_CALL]
            async for page in self._pages(chunk, start, end):
                found.extend(records_of(page))
        return answer(found, wanted, start, end)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _pages(
        self, chunk: list[str], start: date, end: date
    ) -> AsyncIterator[dict[str, Any]]:
        params: dict[str, Any] = {
            "symbols": ",".join(chunk),
            "types": ",".join(TYPES),
            "start": start.isoformat(),
            "end": end.isoformat(),
            "limit": PAGE_LIMIT,
        }
        for _ in range(self._max_pages):
            try:
                response = await self._http.request("GET", PATH, params=params)
                body = decode(response, _BODY)
            except AlpacaHttpError as exc:
                wait = exc.retry_after if exc.retry_after is not None else 60.0
                raise CorporateActionsUnavailable(f"alpaca: {exc}", wait) from None
            if not isinstance(body, dict) or not isinstance(
                body.get("corporate_actions", {}), dict
            ):
                raise CorporateActionsUnavailable("alpaca: malformed corporate actions answer")
            yield body.get("corporate_actions") or {}
            token = body.get("next_page_token")
            if not token:
                return
            params = {**params, "page_token": str(token)}
        raise CorporateActionsUnavailable(f"alpaca: more than {self._max_pages} pages")


def records_of(page: dict[str, Any]) -> Iterator[VendorAction | SkippedAction]:
    """Every record of one page's `corporate_actions`, mapped or skipped."""
    for vendor_type, records in page.items():
        if not isinstance(records, list):
            continue
        for raw in records:
            if isinstance(raw, dict):
                yield map_record(str(vendor_type), raw)


def map_record(vendor_type: str, raw: dict[str, Any]) -> VendorAction | SkippedAction:
    """One Alpaca record of `vendor_type` (the answer's key, "forward_splits") as a ledger
    record, or skipped with the reason (module doc)."""
    mapper = _MAPPERS.get(vendor_type)
    try:
        if mapper is not None:
            return mapper(vendor_type, raw)
        subject, when, reason = _SKIPPED_TYPES.get(
            vendor_type, ("symbol", "process_date", f"{vendor_type} has no ledger kind")
        )
        return _skip(vendor_type, raw, reason, subject, when)
    except BadRecord as exc:
        return _skip(vendor_type, raw, f"malformed record: {exc}")


def _forward_split(vendor_type: str, raw: dict[str, Any]) -> VendorAction | SkippedAction:
    ratio = number(raw, "new_rate") / number(raw, "old_rate")
    if ratio <= 1:
        return _skip(vendor_type, raw, f"a forward split of {ratio} new shares per old", "symbol")
    return _action(vendor_type, raw, symbol(raw, "symbol"), TransactionKind.SPLIT,
                   day(raw, "ex_date"), ratio=ratio)  # fmt: skip


def _reverse_split(vendor_type: str, raw: dict[str, Any]) -> VendorAction | SkippedAction:
    ratio = number(raw, "new_rate") / number(raw, "old_rate")
    if ratio >= 1:
        return _skip(vendor_type, raw, f"a reverse split of {ratio} new shares per old", "symbol")
    return _action(vendor_type, raw, symbol(raw, "symbol"), TransactionKind.REVERSE_SPLIT,
                   day(raw, "ex_date"), ratio=ratio)  # fmt: skip


def _stock_merger(vendor_type: str, raw: dict[str, Any]) -> VendorAction | SkippedAction:
    ratio = number(raw, "acquirer_rate") / number(raw, "acquiree_rate")
    return _action(
        vendor_type, raw, symbol(raw, "acquiree_symbol"), TransactionKind.STOCK_MERGER,
        day(raw, "effective_date"), ratio=ratio, new_symbol=symbol(raw, "acquirer_symbol"),
    )  # fmt: skip


def _cash_merger(vendor_type: str, raw: dict[str, Any]) -> VendorAction | SkippedAction:
    return _action(
        vendor_type, raw, symbol(raw, "acquiree_symbol"), TransactionKind.CASH_MERGER,
        day(raw, "effective_date"), cash_per_share=number(raw, "rate"),
    )  # fmt: skip


def _stock_and_cash_merger(vendor_type: str, raw: dict[str, Any]) -> VendorAction | SkippedAction:
    old_rate = number(raw, "acquiree_rate")
    if old_rate != 1:
        return _skip(vendor_type, raw, f"acquiree_rate is {old_rate}, not 1: what cash_rate is "
                     "paid per is not said; book it from a file", "acquiree_symbol",
                     "effective_date")  # fmt: skip
    return _action(
        vendor_type, raw, symbol(raw, "acquiree_symbol"), TransactionKind.MIXED_MERGER,
        day(raw, "effective_date"), ratio=number(raw, "acquirer_rate"),
        new_symbol=symbol(raw, "acquirer_symbol"), cash_per_share=number(raw, "cash_rate"),
    )  # fmt: skip


def _spin_off(vendor_type: str, raw: dict[str, Any]) -> VendorAction | SkippedAction:
    ratio = number(raw, "new_rate") / number(raw, "source_rate")
    return _action(
        vendor_type, raw, symbol(raw, "source_symbol"), TransactionKind.SPIN_OFF,
        day(raw, "ex_date"), ratio=ratio, new_symbol=symbol(raw, "new_symbol"),
    )  # fmt: skip


def _name_change(vendor_type: str, raw: dict[str, Any]) -> VendorAction | SkippedAction:
    old, new = symbol(raw, "old_symbol"), symbol(raw, "new_symbol")
    if old == new:
        return _skip(vendor_type, raw, "a name change that keeps the symbol", "old_symbol")
    return _action(vendor_type, raw, old, TransactionKind.SYMBOL_CHANGE,
                   day(raw, "process_date"), new_symbol=new)  # fmt: skip


Mapper = Callable[[str, dict[str, Any]], VendorAction | SkippedAction]
_MAPPERS: dict[str, Mapper] = {
    "forward_splits": _forward_split,
    "reverse_splits": _reverse_split,
    "stock_mergers": _stock_merger,
    "cash_mergers": _cash_merger,
    "stock_and_cash_mergers": _stock_and_cash_merger,
    "spin_offs": _spin_off,
    "name_changes": _name_change,
}


def _vendor_id(vendor_type: str, raw: dict[str, Any]) -> str:
    found = text(raw, "id")
    if found:
        return f"{SOURCE}:{found[:80]}"
    # No id (older answers): the record's own fields, stable across imports.
    parts = [str(raw.get(k, "")) for k in sorted(raw) if not isinstance(raw.get(k), dict)]
    return f"{SOURCE}:{vendor_type}:{':'.join(parts)}"[:120]


def _action(
    vendor_type: str,
    raw: dict[str, Any],
    subject: str,
    kind: TransactionKind,
    effective: date,
    **fields: Any,
) -> VendorAction:
    return VendorAction(SOURCE, _vendor_id(vendor_type, raw), vendor_type, subject, kind,
                        effective, **fields)  # fmt: skip


def _skip(
    vendor_type: str,
    raw: dict[str, Any],
    reason: str,
    subject_key: str = "symbol",
    date_key: str = "ex_date",
) -> SkippedAction:
    subject = text(raw, subject_key).upper()
    for key in (subject_key, "symbol", "acquiree_symbol", "source_symbol", "old_symbol"):
        subject = subject or text(raw, key).upper()
    effective = None
    for key in (date_key, "ex_date", "effective_date", "process_date"):
        try:
            effective = day(raw, key)
            break
        except BadRecord:
            continue
    return SkippedAction(SOURCE, _vendor_id(vendor_type, raw), vendor_type, subject, effective,
                         reason)  # fmt: skip
