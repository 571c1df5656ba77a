"""A seeded ledger for the tax benchmark: buys, sells and splits of one user over two years.

`generate(spec)` returns the transactions in booking order ((trade_date, id) order, ids
`tx0000001`... sorting in that order) of one portfolio with a few accounts (three taxable ones
with FIFO, HIFO and LIFO relief, one IRA), over `spec.symbols` symbols: the year before the tax
year builds positions (so some sales in the tax year are long-term), the tax year trades
(`spec.prior_share` of the rows fall in the year before).

Prices: each symbol follows a daily geometric random walk (2 % daily volatility, no drift)
from a lognormal start around $50, in whole cents; a trade is done at the day's price with
+-0.5 % noise. A sale takes all of the account's position or a part of it (the chances are the
account's: a buy-and-hold FIFO account sells less and never all, so its tax-year sales reach
lots of the year before: long-term rows; 5 % of sales name HIFO themselves), so about half of
the sales realize a loss, and with a few trades per symbol and day across the accounts most
loss sales have a substantially identical purchase within 30 days: wash sales, IRA ones
included. Quantities are whole shares (1-100 per buy); fees are $0 or $1 per trade. Splits
(2-for-1 or 3-for-1, `spec.splits` symbols in the tax year) are booked in every account that
holds the symbol, before that day's trades, and the price path is divided by the ratio after.
Sales never exceed the account's position; no row is a transfer, dividend or cash movement.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import numpy as np

from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.methods import AccountTaxType, LotMethod

PORTFOLIO_ID = "pf-bench"
DAILY_VOL = 0.02
INTRADAY_NOISE = 0.005
WINNER_BIAS, LOSER_BIAS = 1.2, 0.5  # x the account's sale chance, above / below average cost
OVERRIDE_SHARE = 0.05  # chance that a sale names a lot method of its own (HIFO)


@dataclass(frozen=True)
class BenchAccount:
    id: str
    tax_type: AccountTaxType
    lot_method: LotMethod
    weight: float  # share of the trades booked in it
    sell_share: float  # chance that a trade in it, holding the symbol, is a sale
    sell_all: float  # chance that a sale takes the whole position (else a part of it)


ACCOUNTS: tuple[BenchAccount, ...] = (
    BenchAccount("brokerage", AccountTaxType.TAXABLE, LotMethod.FIFO, 0.40, 0.5, 0.3),
    BenchAccount("active", AccountTaxType.TAXABLE, LotMethod.HIFO, 0.30, 0.5, 0.3),
    BenchAccount("joint", AccountTaxType.TAXABLE, LotMethod.LIFO, 0.15, 0.5, 0.3),
    BenchAccount("ira", AccountTaxType.IRA, LotMethod.FIFO, 0.15, 0.45, 0.3),
    # buy and hold: bought early in the year before, sold in the tax year (long-term rows)
    BenchAccount("core", AccountTaxType.TAXABLE, LotMethod.FIFO, 0.0, 0.0, 0.0),
)
CORE = len(ACCOUNTS) - 1
CORE_BUY_DAYS = 40  # the core account buys in the first 40 weekdays of the year before


@dataclass(frozen=True)
class LedgerSpec:
    transactions: int = 1_000_000
    symbols: int = 1_000
    year: int = 2025
    seed: int = 19
    splits: int = 20  # symbols that split once in the tax year
    prior_share: float = 0.2


def symbol_name(index: int) -> str:
    return f"S{index:04d}"


def weekdays(start: date, end: date) -> list[date]:
    days, day = [], start
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def generate(spec: LedgerSpec) -> list[Transaction]:
    """`spec.transactions` rows in booking order (splits included in the count)."""
    rng = np.random.default_rng(spec.seed)
    prior = weekdays(date(spec.year - 1, 1, 2), date(spec.year - 1, 12, 31))
    current = weekdays(date(spec.year, 1, 2), date(spec.year, 12, 31))
    days = prior + current
    n_sym, n_days = spec.symbols, len(days)

    # Price paths in cents, splits dividing them after the split day.
    start = np.exp(rng.normal(np.log(50.0), 0.8, n_sym))
    steps = rng.normal(0.0, DAILY_VOL, (n_sym, n_days))
    paths = start[:, None] * np.exp(np.cumsum(steps, axis=1))
    core_events = _core_events(rng, n_sym, len(prior), n_days)
    split_syms = rng.choice(n_sym, size=min(spec.splits, n_sym), replace=False)
    split_days = rng.integers(len(prior) + 5, n_days - 5, size=len(split_syms))
    split_ratios = rng.choice(np.array([2, 3]), size=len(split_syms))
    splits_by_day: dict[int, list[tuple[int, int]]] = {}
    for sym, day_i, ratio in zip(split_syms, split_days, split_ratios, strict=True):
        paths[sym, day_i:] /= ratio
        splits_by_day.setdefault(int(day_i), []).append((int(sym), int(ratio)))
    paths = np.maximum(paths, 1.0)

    n_trades = spec.transactions  # draws for every row; the splits take a few of them
    n_prior = int(n_trades * spec.prior_share)
    day_idx = np.concatenate(
        [
            rng.integers(0, len(prior), n_prior),
            rng.integers(len(prior), n_days, n_trades - n_prior),
        ]
    )
    day_idx.sort()
    popularity = 1.0 / np.arange(1, n_sym + 1) ** 0.3  # some symbols trade more than others
    sym_idx = rng.choice(n_sym, size=n_trades, p=popularity / popularity.sum())
    weights = np.array([a.weight for a in ACCOUNTS])  # the core account takes no random trades
    acc_idx = rng.choice(len(ACCOUNTS), size=n_trades, p=weights / weights.sum())
    coin = rng.random(n_trades)
    part = rng.random(n_trades)
    buy_qty = rng.integers(1, 101, n_trades)
    fee_on = rng.random(n_trades) < 0.3
    noise = 1.0 + rng.uniform(-INTRADAY_NOISE, INTRADAY_NOISE, n_trades)
    cents = np.maximum(np.rint(paths[sym_idx, day_idx] * noise * 100.0), 1).astype(np.int64)

    symbols = [symbol_name(i) for i in range(n_sym)]
    dec_cache: dict[int, Decimal] = {}

    def money(c: int) -> Decimal:
        value = dec_cache.get(c)
        if value is None:
            value = dec_cache[c] = Decimal(c).scaleb(-2)
        return value

    qty_cache = [Decimal(q) for q in range(4096)]

    def shares(q: int) -> Decimal:
        return qty_cache[q] if q < 4096 else Decimal(q)

    fee = Decimal("1.00")
    zero = Decimal(0)
    positions = [[0] * n_sym for _ in ACCOUNTS]
    costs = [[0] * n_sym for _ in ACCOUNTS]  # cents paid for the position (average cost)
    out: list[Transaction] = []
    buy, sell, split = TransactionKind.BUY, TransactionKind.SELL, TransactionKind.SPLIT
    account_ids = [a.id for a in ACCOUNTS]
    sell_share = [a.sell_share for a in ACCOUNTS]
    sell_all = [a.sell_all for a in ACCOUNTS]
    hifo, override_l = LotMethod.HIFO, (rng.random(n_trades) < OVERRIDE_SHARE).tolist()
    last_day = -1
    days_l, sym_l, acc_l = day_idx.tolist(), sym_idx.tolist(), acc_idx.tolist()
    coin_l, part_l, qty_l = coin.tolist(), part.tolist(), buy_qty.tolist()
    fee_l, cents_l = fee_on.tolist(), cents.tolist()
    budget = spec.transactions
    for i in range(n_trades):
        d = days_l[i]
        if d != last_day:
            for skipped in range(last_day + 1, d + 1):
                for sym, kind, q in core_events.get(skipped, ()):
                    held = positions[CORE][sym]
                    if kind is sell:
                        q = held if q == 0 else min(held, max(1, held // 2))
                        if not q:
                            continue
                    positions[CORE][sym] = held + q if kind is buy else held - q
                    out.append(
                        Transaction(
                            id=f"tx{len(out) + 1:07d}",
                            portfolio_id=PORTFOLIO_ID,
                            account_id=account_ids[CORE],
                            kind=kind,
                            trade_date=days[skipped],
                            symbol=symbols[sym],
                            quantity=shares(q),
                            price=money(max(1, round(paths[sym, skipped] * 100.0))),
                        )
                    )
                for sym, ratio in splits_by_day.get(skipped, ()):
                    for a, account in enumerate(account_ids):
                        if positions[a][sym]:
                            positions[a][sym] *= ratio
                            out.append(
                                Transaction(
                                    id=f"tx{len(out) + 1:07d}",
                                    portfolio_id=PORTFOLIO_ID,
                                    account_id=account,
                                    kind=split,
                                    trade_date=days[skipped],
                                    symbol=symbols[sym],
                                    split_ratio=shares(ratio),
                                )
                            )
            last_day = d
        if len(out) >= budget:
            break
        s, a = sym_l[i], acc_l[i]
        held, price = positions[a][s], cents_l[i]
        method = None
        if held:  # the disposition effect: winners are sold more readily than losers
            winner = price * held >= costs[a][s]
            selling = coin_l[i] < sell_share[a] * (WINNER_BIAS if winner else LOSER_BIAS)
        else:
            selling = False
        if selling:
            q = held if part_l[i] < sell_all[a] else max(1, int(held * part_l[i] * 0.5))
            kind = sell
            positions[a][s] = held - q
            costs[a][s] -= costs[a][s] * q // held
            method = hifo if override_l[i] else None
        else:
            q = qty_l[i]
            kind = buy
            positions[a][s] = held + q
            costs[a][s] += q * price
        out.append(
            Transaction(
                id=f"tx{len(out) + 1:07d}",
                portfolio_id=PORTFOLIO_ID,
                account_id=account_ids[a],
                kind=kind,
                trade_date=days[d],
                symbol=symbols[s],
                quantity=shares(q),
                price=money(cents_l[i]),
                fees=fee if fee_l[i] else zero,
                lot_method=method,
            )
        )
    return out


def _core_events(
    rng: np.random.Generator, n_sym: int, n_prior: int, n_days: int
) -> dict[int, list[tuple[int, TransactionKind, int]]]:
    """Per day: the core account's (symbol, kind, shares) -- one or two buys of each symbol
    early in the year before; in the tax year a sale of half the position (shares 1) and
    one of all of it (shares 0), in that order."""
    events: dict[int, list[tuple[int, TransactionKind, int]]] = {}
    for sym in range(n_sym):
        for _ in range(int(rng.integers(1, 3))):
            day = int(rng.integers(0, CORE_BUY_DAYS))
            events.setdefault(day, []).append(
                (sym, TransactionKind.BUY, int(rng.integers(10, 201)))
            )
        half, rest = sorted(int(d) for d in rng.integers(n_prior, n_days, 2))
        events.setdefault(half, []).append((sym, TransactionKind.SELL, 1))
        events.setdefault(rest, []).append((sym, TransactionKind.SELL, 0))
    return events


def slice_symbols(txs: Sequence[Transaction], symbols: int) -> list[Transaction]:
    """The rows of the first `symbols` symbols (whole histories: a valid ledger of its own)."""
    keep = {symbol_name(i) for i in range(symbols)}
    return [tx for tx in txs if tx.symbol in keep]


CSV_HEADER = "date,account,type,symbol,quantity,price,fees,currency,split_ratio,reference\n"


def to_csv(txs: Sequence[Transaction]) -> str:
    """The rows as broker CSV text in the import's columns
    (application/portfolio/transaction_import.py;
    `reference` = the row's id; a sale's own lot method has no column and is left out)."""
    buf = io.StringIO()
    buf.write(CSV_HEADER)
    write = buf.write
    for tx in txs:
        ratio = "" if tx.split_ratio is None else str(tx.split_ratio)
        quantity = "" if tx.split_ratio is not None else str(tx.quantity)
        price = "" if tx.split_ratio is not None else str(tx.price)
        fees = "" if tx.split_ratio is not None else str(tx.fees)
        write(
            f"{tx.trade_date.isoformat()},{tx.account_id},{tx.kind.value},{tx.symbol},"
            f"{quantity},{price},{fees},{tx.currency},{ratio},{tx.id}\n"
        )
    return buf.getvalue()
