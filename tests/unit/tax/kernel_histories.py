"""Random tax histories for the kernel-vs-Decimal tests: every transaction kind, valid
disposals (clamped to the position; lot picks drawn from the lots then open, `:w` parts
included), fractional quantities, fees, odd Decimal exponents, IRAs, same-day trades, two
currencies, now and then a row the engine rejects (the history ends there)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Any

from hypothesis import strategies as st

from domain.portfolio.transactions import LotPick, Transaction, TransactionKind
from domain.tax.engine import decimal_ledger
from domain.tax.ledger import TaxLedger
from domain.tax.lots import TaxAccount
from domain.tax.methods import AccountTaxType, LotMethod

K = TransactionKind
ACCOUNTS = {
    "fifo": TaxAccount("fifo"),
    "hifo": TaxAccount("hifo", lot_method=LotMethod.HIFO),
    "lifo": TaxAccount("lifo", lot_method=LotMethod.LIFO),
    "ira": TaxAccount("ira", AccountTaxType.IRA, LotMethod.FIFO),
}
SYMBOLS = ("AAA", "BBB", "CCC")
CURRENCY = {"AAA": "USD", "BBB": "USD", "CCC": "EUR"}  # totals per currency
START = date(2023, 12, 20)
KINDS = [K.BUY, K.BUY, K.BUY, K.SELL, K.SELL, K.SELL, K.SPLIT, K.TRANSFER_IN, K.TRANSFER_OUT]
RATIOS = ["2", "3", "0.5", "0.1", "1.5", "2.0", "4"]
METHODS = [None, None, LotMethod.FIFO, LotMethod.LIFO, LotMethod.HIFO]
GAPS = [0, 0, 0, 1, 1, 2, 3, 5, 8, 13]  # days to the next row; now and then a long one:
LONG_GAPS = [29, 30, 31, 45, 200, 365, 366]


def _number(draw: st.DrawFn, low: int, high: int, places: int) -> Decimal:
    """A Decimal in [low, high] with up to `places` decimals, sometimes with trailing zeros."""
    scale = 10 ** draw(st.integers(0, places))
    units = draw(st.integers(low * scale, high * scale))
    value = Decimal(units) / scale
    if draw(st.integers(0, 4)) == 0:  # e.g. 12.50: another exponent, the same value
        value = value.quantize(Decimal(1).scaleb(-draw(st.integers(0, places + 2))))
    return value


@st.composite
def histories(draw: st.DrawFn, max_ops: int = 40) -> list[Transaction]:
    """A valid history in trade-date order (same-day runs included). Big histories buy up
    to 200,000 shares at up to $500: bases near 10^18 units of 10^-10, whose partial-lot
    shares need the kernel's 128-bit products."""
    most = 200_000 if draw(st.booleans()) else 200
    ops = draw(st.integers(0, max_ops))
    day = START
    position: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    txs: list[Transaction] = []
    for n in range(ops):
        long_gap = draw(st.integers(0, 11)) == 0
        day += timedelta(days=draw(st.sampled_from(LONG_GAPS if long_gap else GAPS)))
        kind = draw(st.sampled_from(KINDS))
        account = draw(st.sampled_from(sorted(ACCOUNTS)))
        symbol = draw(st.sampled_from(SYMBOLS))
        key = (account, symbol)
        base: dict[str, Any] = {
            "id": f"x{n}",
            "portfolio_id": "p",
            "account_id": account,
            "kind": kind,
            "trade_date": day,
            "symbol": symbol,
            "currency": CURRENCY[symbol],
        }
        if kind is K.SPLIT:
            if not position[key]:
                continue
            ratio = Decimal(draw(st.sampled_from(RATIOS)))
            position[key] *= ratio
            txs.append(Transaction(**base, split_ratio=ratio))
            continue
        price = _number(draw, 1, 500, 3)
        fees = Decimal(0) if draw(st.booleans()) else _number(draw, 0, 5, 2)
        if kind in (K.BUY, K.TRANSFER_IN):
            quantity = _number(draw, 1, most, 3)
            position[key] += quantity
            acquired = None
            if kind is K.TRANSFER_IN and draw(st.booleans()):
                acquired = day - timedelta(days=draw(st.integers(0, 800)))
            txs.append(
                Transaction(
                    **base,
                    quantity=quantity,
                    price=price,
                    fees=fees if kind is K.BUY else Decimal(0),
                    acquired=acquired,
                )
            )
            continue
        if not position[key]:
            continue
        picks: tuple[LotPick, ...] = ()
        if draw(st.integers(0, 4)) == 0:
            picks = _picks(draw, txs, key)
        if picks:
            quantity = sum((p.quantity for p in picks), Decimal(0))
        else:
            share = draw(st.sampled_from(["1", "0.5", "0.25", "0.1", "0.333"]))
            quantity = (position[key] * Decimal(share)).quantize(Decimal("0.001"))
            quantity = min(max(quantity, Decimal("0.001")), position[key])
        position[key] -= quantity
        method = None if picks else draw(st.sampled_from(METHODS))
        rejected = draw(st.integers(0, 80)) == 0  # now and then a row the engine rejects
        if rejected:
            quantity, method = quantity + 1, draw(st.sampled_from([None, LotMethod.SPECIFIC]))
        txs.append(
            Transaction(
                **base,
                quantity=quantity,
                price=price if kind is K.SELL else Decimal(0),
                fees=fees if kind is K.SELL else Decimal(0),
                lot_method=method,
                lot_picks=picks,
            )
        )
        if rejected:  # the history ends at its first error
            break
    return txs


def _picks(draw: st.DrawFn, txs: list[Transaction], key: tuple[str, str]) -> tuple[LotPick, ...]:
    """Specific identification of lots open now in `key` (as the Decimal pass has them)."""
    open_now = [
        lot
        for lot in decimal_ledger(txs, ACCOUNTS).open_lots
        if (lot.account_id, lot.symbol) == key
    ]
    if not open_now:
        return ()
    chosen = draw(st.lists(st.sampled_from(open_now), min_size=1, max_size=3, unique_by=id))
    picks = []
    for lot in chosen:
        part = draw(st.sampled_from(["1", "0.5", "0.2"]))
        share = (lot.quantity * Decimal(part)).quantize(Decimal("0.001"), rounding=ROUND_DOWN)
        picks.append(LotPick(lot.id, share))
    return tuple(p for p in picks if p.quantity > 0)


def shown(ledger: TaxLedger) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every part as the text of each field: equal iff the same values, the same
    Decimal exponents, the same ids and the same order."""
    return {
        part: [
            tuple(str(getattr(row, f.name)) for f in fields(row)) for row in getattr(ledger, part)
        ]
        for part in ("open_lots", "realized", "wash_sales", "transferred_out")
    }
