"""The tax-lot ledger of a large history in worker processes: one shard of identical-groups each.

Groups of substantially identical symbols are independent in `compute_tax_ledger` (lots,
sales and wash sales never cross a group), so `compute_tax_ledger_batch` splits one user's
transactions by `identical(symbol)`, balances the groups over `workers` shards by row count,
computes shard 0 in this process and the others in forked children at the same time, and
concatenates the shards into exactly the ledger one process makes (the engine emits group after
group in order of first appearance, and each shard holds a contiguous run of those groups), and
the same error, since any shard failing makes it run the whole history in one process again.

Processing order is the engine's: by trade date, the given order within a day. Rows without a
symbol (cash kinds) go to shard 0; the engine ignores them. Forking: POSIX `fork` only (no
pickling of the input: the children inherit it), results come back pickled as packed columns;
where fork is unavailable, or for one shard, it is the single-process call. Fork from a
process with running threads (a web server) copies only the calling thread: this is meant for
batch jobs (the benchmark, a CLI), where it is the only thing running.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from multiprocessing.connection import Connection
from operator import attrgetter, gt
from typing import Any

from domain.portfolio.transactions import Transaction
from domain.tax.engine import TaxLedger, compute_tax_ledger, merge_ledgers
from domain.tax.lots import RealizedLot, TaxAccount, TaxLot, WashSale, make_realized, make_wash
from domain.tax.methods import LotMethod, Term

_by_date = attrgetter("trade_date")
Identical = Callable[[str], str]


class _Shard:
    """One shard's transactions, in processing order."""

    __slots__ = ("txs",)

    def __init__(self) -> None:
        self.txs: list[Transaction] = []


def compute_tax_ledger_batch(
    transactions: Sequence[Transaction],
    accounts: Mapping[str, TaxAccount],
    *,
    identical: Identical | None = None,
    workers: int = 2,
) -> TaxLedger:
    """`compute_tax_ledger(transactions, accounts, identical=identical)`, on `workers`
    processes (the result and any error identical to the single-process call)."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return compute_tax_ledger(transactions, accounts, identical=identical)
    shards = _split(transactions, identical, workers)
    if len(shards) <= 1:
        return compute_tax_ledger(transactions, accounts, identical=identical)
    context = multiprocessing.get_context("fork")
    children = []
    for shard in shards[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(shard.txs, accounts, identical, send))
        child.start()
        send.close()
        children.append((child, receive))
    parts: list[TaxLedger | None] = []
    try:
        parts.append(compute_tax_ledger(shards[0].txs, accounts, identical=identical))
    except Exception:  # the single-process run below raises it in its place in the order
        parts.append(None)
    for child, receive in children:
        parts.append(_receive(receive))
        child.join()
    if any(part is None for part in parts):
        return compute_tax_ledger(transactions, accounts, identical=identical)
    return merge_ledgers(part for part in parts if part is not None)


def _split(
    transactions: Sequence[Transaction], identical: Identical | None, workers: int
) -> list[_Shard]:
    txs = list(transactions)
    days = list(map(_by_date, txs))
    if any(map(gt, days, days[1:])):
        txs.sort(key=_by_date)  # stable: the engine's processing order
    sizes: dict[str, int] = {}
    keys: list[str] = []
    for tx in txs:
        symbol = tx.symbol
        key = "" if symbol is None else symbol if identical is None else identical(symbol)
        keys.append(key)
        sizes[key] = sizes.get(key, 0) + 1
    n = min(workers, len([k for k in sizes if k])) or 1
    shards = [_Shard() for _ in range(n)]
    # The engine emits its rows group after group, groups in order of first appearance: so
    # each shard takes a CONTIGUOUS run of groups in that order (balanced by row count), and
    # the shards' ledgers concatenated in shard order are the single-process ledger.
    total = sum(size for key, size in sizes.items() if key) or 1
    home: dict[str, int] = {"": 0}
    done = 0
    for key, size in sizes.items():  # dicts keep first-appearance order
        if key:
            home[key] = min(n - 1, done * n // total)
            done += size
    for tx, key in zip(txs, keys, strict=True):
        shards[home[key]].txs.append(tx)
    return shards


def _child(
    txs: list[Transaction],
    accounts: Mapping[str, TaxAccount],
    identical: Identical | None,
    send: Connection,
) -> None:
    try:
        ledger = compute_tax_ledger(txs, accounts, identical=identical)
        payload: Any = (
            _columns(ledger.open_lots, TaxLot),
            _columns(ledger.realized, RealizedLot),
            _columns(ledger.wash_sales, WashSale),
            _columns(ledger.transferred_out, TaxLot),
        )
    except Exception:
        payload = None
    send.send_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    send.close()


def _columns(items: Sequence[Any], cls: type[Any]) -> tuple[int, list[tuple[str, Any]]]:
    """Frozen dataclasses as one column per field, each packed by its values' type: Decimals
    as one newline-joined text (exact: str() round-trips), dates as ordinals, enums as their
    values; pickling columns is ~5x faster than pickling the objects."""
    columns: list[tuple[str, Any]] = []
    for name in cls.__slots__:
        values = list(map(attrgetter(name), items))
        sample = values[0] if values else None
        if isinstance(sample, Decimal):
            columns.append(("decimal", "\n".join(map(str, values))))
        elif isinstance(sample, date):
            columns.append(("date", list(map(date.toordinal, values))))
        elif isinstance(sample, Enum):
            columns.append((type(sample).__name__, "\n".join(v.value for v in values)))
        else:
            columns.append(("plain", values))
    return len(items), columns


_ENUMS: dict[str, Callable[[str], Any]] = {
    "Term": {t.value: t for t in Term}.__getitem__,
    "LotMethod": {m.value: m for m in LotMethod}.__getitem__,
}


def _unpack(packed: tuple[int, list[tuple[str, Any]]], make: Callable[..., Any]) -> tuple[Any, ...]:
    count, columns = packed
    if not count:
        return ()
    values: list[Any] = []
    for kind, data in columns:
        if kind == "decimal":
            values.append(map(Decimal, data.split("\n")))
        elif kind == "date":
            values.append(map(date.fromordinal, data))
        elif kind == "plain":
            values.append(data)
        else:
            values.append(map(_ENUMS[kind], data.split("\n")))
    return tuple(map(make, *values))


def _receive(receive: Connection) -> TaxLedger | None:
    try:
        payload = pickle.loads(receive.recv_bytes())
    except EOFError:  # the child died before answering
        return None
    finally:
        receive.close()
    if payload is None:
        return None
    lots, realized, washes, moved = payload
    return TaxLedger(
        _unpack(lots, TaxLot),
        _unpack(realized, make_realized),
        _unpack(washes, make_wash),
        _unpack(moved, TaxLot),
    )
