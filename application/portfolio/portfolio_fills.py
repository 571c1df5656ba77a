"""The fill path into the portfolio ledger: one booked fill -> one BUY/SELL transaction.

Order booking (application/trading/order_booking.py) records a FillBooked event on the account for
every fill it books; the events leave with the unit of work's commit (after it, through the
outbox on SQL) and reach `PortfolioFillBooking.on_fills_booked` on the event bus
(bootstrap/portfolios.py subscribes it: a commit's fills together, the portfolios holding
their accounts read once for them). The transaction it books:

- lands in the portfolio holding the fill's trading account; none holds it: nothing booked;
- kind BUY or SELL by the fill's side, quantity = the fill's, price = fill price x the
  instrument's multiplier (per unit of quantity), fees = the commission, currency = the
  account's, trade_date = the fill's date in `trade_zone` (UTC unless wired otherwise);
- source FILL, external_id = the fill id: a replayed or redelivered fill is refused by the
  store (unique per portfolio) and books nothing the second time;
- a sale larger than the ledger's position of that account and symbol (a short sale, or
  shares bought before the account joined the portfolio and never transferred in) is not
  booked (the ledger holds long lots only): it is counted in `unbooked` and logged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import KW_ONLY, dataclass, field
from datetime import UTC, tzinfo
from decimal import Decimal

from application.portfolio.ledger_changes import LedgerChanges
from domain.errors import DuplicateTransaction, InvalidTransaction
from domain.portfolio.holdings import holdings
from domain.portfolio.transactions import (
    Transaction,
    TransactionKind,
    TransactionSource,
    validate_transaction,
)
from domain.trading.accounts import Account
from domain.trading.fills import Fill, FillBooked
from domain.trading.instruments import Instrument
from domain.trading.orders import Side
from ports.portfolio.portfolios import Portfolio, PortfolioStore, transaction_id

ONE = Decimal(1)
_log = logging.getLogger("bulwark.portfolio.fills")


def fill_events(
    account: Account,
    fills: Sequence[Fill],
    instruments: Mapping[str, Instrument],
    order_ids: Mapping[str, str] | None = None,
) -> list[FillBooked]:
    """The FillBooked events of fills just booked on `account` (what order booking records);
    `order_ids`: fill id -> Bulwark's order id, where known."""
    events = []
    for fill in fills:
        instrument = instruments.get(fill.symbol)
        multiplier = instrument.multiplier if instrument is not None else ONE
        order_id = (order_ids or {}).get(fill.id, "")
        events.append(
            FillBooked(account.id, fill, account.currency, multiplier, account.owner_id, order_id)
        )
    return events


@dataclass(eq=False)
class PortfolioFillBooking:
    """Books trading-core fills into the portfolio that holds their account (idempotent)."""

    store: PortfolioStore
    _: KW_ONLY
    trade_zone: tzinfo = UTC
    changes: LedgerChanges = field(default_factory=LedgerChanges)  # told after each booking
    booked: int = field(init=False, default=0)
    unbooked: int = field(init=False, default=0)

    async def on_fills_booked(self, events: Sequence[FillBooked]) -> None:
        """A commit's fills, in order: which portfolio holds each account is read once for
        the lot (one store read, where each fill read it again); one fill's failure is
        logged and the others are still booked."""
        holders = await self.store.portfolios_for_accounts({e.account_id for e in events})
        for event in events:
            portfolio = holders.get(event.account_id)
            if portfolio is None:
                continue
            try:
                await self._book_into(
                    portfolio, event.fill, currency=event.currency, multiplier=event.multiplier
                )
            except Exception:
                _log.exception("fill %s not booked into the ledger", event.fill.id)

    async def book(
        self, fill: Fill, *, currency: str = "USD", multiplier: Decimal = ONE
    ) -> Transaction | None:
        """The transaction booked for `fill`; None when no portfolio holds its account, when
        it is booked already, or when it would sell more than the ledger holds."""
        portfolio = await self.store.portfolio_for_account(fill.account_id)
        if portfolio is None:
            return None
        return await self._book_into(portfolio, fill, currency=currency, multiplier=multiplier)

    async def _book_into(
        self, portfolio: Portfolio, fill: Fill, *, currency: str, multiplier: Decimal
    ) -> Transaction | None:
        kind = TransactionKind.BUY if fill.side is Side.BUY else TransactionKind.SELL
        tx = validate_transaction(
            Transaction(
                id=transaction_id(),
                portfolio_id=portfolio.id,
                account_id=fill.account_id,
                kind=kind,
                trade_date=fill.at.astimezone(self.trade_zone).date(),
                currency=currency,
                symbol=fill.symbol,
                quantity=fill.quantity,
                price=fill.price * multiplier,
                fees=fill.commission,
                source=TransactionSource.FILL,
                external_id=fill.id,
                note=f"fill of order {fill.order_id}",
            )
        )
        if kind is TransactionKind.SELL:
            covered = await self._covered(tx)
            if covered is None:
                return None  # booked before: a replay
            if not covered:
                self.unbooked += 1
                _log.warning(
                    "fill %s sells %s %s in account %s, more than the ledger holds: not booked",
                    fill.id, fill.quantity, fill.symbol, fill.account_id,
                )  # fmt: skip
                return None
        try:
            await self.store.add_transactions(portfolio.id, [tx])
        except DuplicateTransaction:
            return None  # booked before: a replay
        self.changes.changed(portfolio.id)
        self.booked += 1
        return tx

    async def _covered(self, sale: Transaction) -> bool | None:
        """Whether the ledger holds the sale's quantity of that account and symbol; None when
        the sale's fill is booked already."""
        mine = []
        for t in await self.store.list_transactions(sale.portfolio_id):
            if t.external_id == sale.external_id:
                return None
            if t.account_id == sale.account_id and t.symbol == sale.symbol:
                mine.append(t)
        try:
            held = holdings(mine).quantity(sale.account_id, sale.symbol or "")
        except InvalidTransaction:
            return False
        return held >= sale.quantity
