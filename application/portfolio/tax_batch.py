"""The tax-lot ledger of a large history in worker processes: one shard of identical-groups each.

Groups of substantially identical symbols are independent in `compute_tax_ledger` (lots,
sales and wash sales never cross a group), so `compute_tax_ledger_batch` splits one user's
transactions by `identical(symbol)`, balances the groups over `workers` shards by row count,
computes shard 0 in this process and the others in forked children at the same time, and
concatenates the shards into exactly the ledger one process makes (the engine emits group after
group in order of first appearance, and each shard holds a contiguous run of those groups), and
the same error, since any shard failing makes it run the whole history in one process again.

Processing order is the engine's: by trade date, the given order within a day; a shard keeps
its rows in the given order and the engine sorts each the same way. Rows of kinds the engine
ignores (cash) stay out of every shard. The split reads three attributes of every row here
(kind, symbol, trade date: domain.tax.fast_engine.read_known) and hands those columns on; each
shard reads the rest itself, in its own process.
Forking: POSIX `fork` only (no pickling of the input: the children inherit it); a child sends
back a kernel-made ledger as its integer columns (domain.tax.ledger.column_state: no row object
is built on either side, the rows refer to this process's transactions) and a Decimal-made one
as packed columns; where fork is unavailable, or for one shard, it is the single-process call.
Fork from a process with running threads (a web server) copies only the calling thread: this
is meant for batch jobs (the benchmark, a CLI), where it is the only thing running.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from multiprocessing.connection import Connection
from operator import attrgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from domain.portfolio.transactions import (
    CORPORATE_ACTION_KINDS,
    Transaction,
    TransactionKind,
    ledger_sorted,
)
from domain.tax.engine import TaxLedger, compute_tax_ledger, merge_ledgers
from domain.tax.fast_engine import KnownColumns, kernel_threads, read_known
from domain.tax.ledger import column_state, from_column_state
from domain.tax.lots import RealizedLot, TaxAccount, TaxLot, WashSale, make_realized, make_wash
from domain.tax.methods import LotMethod, Term

Identical = Callable[[str], str]
Shard = npt.NDArray[np.int64]  # positions in the caller's sequence
_kind = attrgetter("kind")


class _Codes(dict[Any, int]):
    def __missing__(self, key: object) -> int:
        code = self[key] = len(self)
        return code


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
    txs = transactions if isinstance(transactions, list) else list(transactions)
    kinds = set(map(_kind, txs))
    if not CORPORATE_ACTION_KINDS.isdisjoint(kinds):
        # mergers and spin-offs link groups (and the kernel's columns leave them out): the
        # single-process Decimal engine computes such a history
        return compute_tax_ledger(txs, accounts, identical=identical)
    if TransactionKind.SPLIT in kinds:  # a split opens its day: the kernel's order
        txs = ledger_sorted(txs)
    split = _split(txs, identical, workers)
    if split is None or len(split[0]) <= 1:
        return compute_tax_ledger(txs, accounts, identical=identical)
    shards, known = split
    context = multiprocessing.get_context("fork")
    children = []
    for shard in shards[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(txs, shard, known, accounts, identical, send))
        child.start()
        send.close()
        children.append((child, receive))
    parts: list[TaxLedger | None] = []
    try:
        parts.append(_shard_ledger(txs, shards[0], known, accounts, identical))
    except Exception:  # the single-process run below raises it in its place in the order
        parts.append(None)
    for (child, receive), shard in zip(children, shards[1:], strict=True):
        parts.append(_receive(receive, txs, shard))
        child.join()
    if any(part is None for part in parts):
        return compute_tax_ledger(txs, accounts, identical=identical)
    return merge_ledgers(part for part in parts if part is not None)


def _shard_ledger(
    txs: list[Transaction],
    shard: Shard,
    known: KnownColumns,
    accounts: Mapping[str, TaxAccount],
    identical: Identical | None,
) -> TaxLedger:
    rows = list(map(txs.__getitem__, shard.tolist()))
    with kernel_threads(1):  # the shards are the parallelism
        return compute_tax_ledger(rows, accounts, identical=identical, known=known.subset(shard))


def _split(
    txs: list[Transaction], identical: Identical | None, workers: int
) -> tuple[list[Shard], KnownColumns] | None:
    """Up to `workers` shards of share rows, each a contiguous run of groups in the engine's
    order (first appearance by trade date, then given order), balanced by row count, and the
    columns read to find them; None when there is nothing to split (no share row, or a share
    row without a symbol: the single-process run reports it)."""
    known = read_known(txs)
    share = known.share_rows()
    sym, names = known.symbol, known.symbols
    if not share.any() or (None in names and (share & (sym == names.index(None))).any()):
        return None
    rows = np.flatnonzero(share)
    rows = rows[np.argsort(known.day[rows], kind="stable")]  # the engine's processing order
    keys = _Codes()
    group_of = np.zeros(len(names), np.int64)
    for s in np.unique(sym[rows]).tolist():
        name = names[s]
        group_of[s] = keys[name if identical is None else identical(name)]
    group = group_of[sym[rows]]
    _, first = np.unique(group, return_index=True)
    rank = np.empty(len(keys), np.int64)
    rank[group[np.sort(first)]] = np.arange(first.shape[0])
    sizes = np.bincount(rank[group], minlength=first.shape[0])
    count = min(workers, first.shape[0])
    done = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    # The engine emits its rows group after group, groups in order of first appearance: so
    # each shard takes a CONTIGUOUS run of groups in that order (balanced by row count), and
    # the shards' ledgers concatenated in shard order are the single-process ledger.
    shard_of_rank = np.minimum(count - 1, done * count // max(1, rows.shape[0]))
    shard_of_row = np.full(len(txs), -1, np.int64)
    shard_of_row[rows] = shard_of_rank[rank[group]]
    return [np.flatnonzero(shard_of_row == k) for k in range(count)], known


def _child(
    txs: list[Transaction],
    shard: Shard,
    known: KnownColumns,
    accounts: Mapping[str, TaxAccount],
    identical: Identical | None,
    send: Connection,
) -> None:
    try:
        ledger = _shard_ledger(txs, shard, known, accounts, identical)
        payload: Any = column_state(ledger)
        if payload is None:
            payload = (
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


def _receive(receive: Connection, txs: list[Transaction], shard: Shard) -> TaxLedger | None:
    try:
        payload = pickle.loads(receive.recv_bytes())
    except EOFError:  # the child died before answering
        return None
    finally:
        receive.close()
    if payload is None:
        return None
    if isinstance(payload, dict):
        return from_column_state(payload, txs, shard)
    lots, realized, washes, moved = payload
    return TaxLedger(
        _unpack(lots, TaxLot),
        _unpack(realized, make_realized),
        _unpack(washes, make_wash),
        _unpack(moved, TaxLot),
    )
