"""The tax-lot engine: one user's transactions (all accounts) -> open lots, realized rows,
wash sales.

Processing order: by trade date; within a day, corporate actions first (a split or merger takes
effect as its ex-date opens: a trade of that day is of the new shares), then the order given
(the ledger's order; domain/portfolio/transactions.py, `ledger_sorted`). A BUY
opens a lot (id = the transaction's id; basis = quantity x price + fees); a SELL consumes lots
by the sale's `lot_picks` (specific identification), else its `lot_method`, else the
account's; a TRANSFER_OUT removes lots the same way at their basis (no gain; listed in
`TaxLedger.transferred_out`); a TRANSFER_IN opens a lot with acquired = `tx.acquired` (or the
trade date) and basis quantity x price; a SPLIT multiplies the quantities of the account's
lots of that symbol by `split_ratio`, keeping their total basis and dates; the other
corporate actions (reverse split with cash in lieu, mergers, spin-off, symbol change, cash in
lieu) act on the lots as domain/tax/corporate_actions.py describes. Cash kinds are
ignored. Transactions are expected to have passed `validate_transaction`; the engine raises
InvalidTransaction(field="quantity") for a disposal larger than the position and
(field="lot_picks") for an unknown lot or a pick larger than its lot, (field="currency") for
a disposal in another currency than its lots.

Wash sales: see domain.tax.wash_sales. Holding term: domain.tax.holding.

Basis identity (exact, property-tested): sum(open lots' cost_basis) + sum(realized
cost_basis) + sum(transferred_out cost_basis) == sum over BUYs of (quantity x price + fees) +
sum over TRANSFER_INs of quantity x price + sum of the NON-permanent wash sales'
disallowed_loss. (Permanently disallowed losses add no basis anywhere.)

Corporate actions that carry lots to another symbol (mergers, spin-offs, symbol changes) put
the old and new symbols' groups into one bucket, processed together in date order; each keeps
its own wash-sale purchase index (a symbol change joins the two into one group: the same
security). A ledger with corporate actions beyond SPLIT is always computed by this Decimal
pass: the kernel gives up on it (`kernel_ledger` returns None), so both entry points agree.

Output order: transactions are bucketed by substantially-identical group (groups in order of
first appearance) and each group is processed chronologically, so `realized`, `wash_sales`
and `open_lots` come group by group, chronological (lot order) within a group. Groups are
independent: callers may run `compute_tax_ledger` per chunk of whole groups in parallel and
concatenate the tuples (`merge_ledgers`).

Speed: one pass per group with local state, per-(account, symbol) lot lists, no per-share
loops, Decimal rounding only for partial lots, the cyclic GC paused during the pass.
Arithmetic runs in a local Decimal context: 34 significant digits, ROUND_HALF_EVEN. Large
inputs go to an exact numba kernel of the same algorithm (domain/tax/fast_engine.py, ~10x
less CPU): the same ledger, or, for inputs it cannot hold exactly, this pass (`decimal_ledger`,
the reference); `engine_mode` chooses (docs/tax-lots.md).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from operator import attrgetter, gt
from typing import TYPE_CHECKING, Literal

from domain.errors import InvalidTransaction
from domain.jit import NUMBA_ENABLED
from domain.numbers import ZERO
from domain.portfolio.transactions import (
    CORPORATE_ACTION_KINDS,
    NEW_SYMBOL_KINDS,
    START_OF_DAY_KINDS,
    Transaction,
    TransactionKind,
    ledger_sorted,
)
from domain.tax.corporate_actions import (
    boot_exchange,
    fractional_part,
    move_lots,
    scale_lots,
    spin_off,
)
from domain.tax.holding import anniversary
from domain.tax.ledger import TaxLedger, merge_ledgers_of
from domain.tax.lots import (
    BASIS_QUANTUM,
    OpenLot,
    RealizedLot,
    TaxAccount,
    TaxLot,
    WashSale,
    make_realized,
    plan_disposal,
)
from domain.tax.methods import AccountTaxType, LotMethod, Term
from domain.tax.wash_sales import ReplacementIndex

if TYPE_CHECKING:  # the kernel's modules load numba: imported when a large ledger runs it
    from domain.tax.fast_engine import KnownColumns

_BUY = TransactionKind.BUY
_SELL = TransactionKind.SELL
_SPLIT = TransactionKind.SPLIT
_IN = TransactionKind.TRANSFER_IN
_OUT = TransactionKind.TRANSFER_OUT
_SHORT = Term.SHORT
_LONG = Term.LONG
_SPECIFIC = LotMethod.SPECIFIC
_FIFO = LotMethod.FIFO
_LIFO = LotMethod.LIFO
_by_date = attrgetter("trade_date")
_SHARE_KINDS = frozenset({_BUY, _SELL, _SPLIT, _IN, _OUT}) | CORPORATE_ACTION_KINDS
_RENAME = TransactionKind.SYMBOL_CHANGE
_kind = attrgetter("kind")
__all__ = [
    "KERNEL_MIN_ROWS",
    "EngineMode",
    "TaxLedger",
    "compute_tax_ledger",
    "decimal_ledger",
    "engine_mode",
    "merge_ledgers",
]


def compute_tax_ledger(
    transactions: Iterable[Transaction],
    accounts: Mapping[str, TaxAccount],
    *,
    identical: Callable[[str], str] | None = None,
    known: KnownColumns | None = None,
) -> TaxLedger:
    """Lots, realized rows and wash sales of ONE user's transactions across all accounts.

    `accounts` gives each account's tax type and lot method (missing: taxable, FIFO);
    `identical(symbol)` the key of the symbol's substantially-identical group (default: the
    symbol itself). The kernel (domain/tax/fast_engine.py) computes it when the input fits and
    the engine mode allows (`engine_mode`), else the Decimal pass below; both give the same
    ledger. `known`: columns of these transactions the caller has read already (fast_engine's
    `read_known`), to spare the kernel reading them again."""
    txs = list(transactions)
    mode = _MODE[0]
    if mode == "kernel" or (mode == "auto" and NUMBA_ENABLED and len(txs) >= KERNEL_MIN_ROWS):
        from domain.tax.fast_engine import kernel_ledger

        ledger = kernel_ledger(txs, accounts, identical, known)
        if ledger is not None:
            return ledger
    return decimal_ledger(txs, accounts, identical=identical)


# Below this many rows "auto" keeps the Decimal pass: it takes well under a second there, and a
# process's first kernel call loads the compiled kernels from numba's cache (~1.5 s CPU) or,
# with a cold cache, compiles them (~45 s CPU) -- not a cost for a small request to carry.
KERNEL_MIN_ROWS = 5_000
EngineMode = Literal["auto", "kernel", "decimal"]
_MODE: list[EngineMode] = ["auto"]


@contextmanager
def engine_mode(mode: EngineMode) -> Iterator[None]:
    """Within the block, compute_tax_ledger runs: "auto" (the default) the kernel when numba
    is on and the input has KERNEL_MIN_ROWS rows or more; "kernel" the kernel whenever the
    input fits, numba on or off (tests); "decimal" always the Decimal pass. Process-wide."""
    before = _MODE[0]
    _MODE[0] = mode
    try:
        yield
    finally:
        _MODE[0] = before


def decimal_ledger(
    transactions: Iterable[Transaction],
    accounts: Mapping[str, TaxAccount],
    *,
    identical: Callable[[str], str] | None = None,
) -> TaxLedger:
    """compute_tax_ledger by the Decimal pass (the reference the kernel is held to)."""
    txs = list(transactions)
    days = list(map(_by_date, txs))
    if any(map(gt, days, days[1:])) or not START_OF_DAY_KINDS.isdisjoint(set(map(_kind, txs))):
        txs = ledger_sorted(txs)
    groups: dict[str, list[Transaction]] = {}
    wash_key: Callable[[str], str] | None = None
    bucket_key = identical
    if not NEW_SYMBOL_KINDS.isdisjoint(set(map(_kind, txs))):
        wash_key, bucket_key = _linked_keys(txs, identical)
    for tx in txs:
        if tx.kind in _SHARE_KINDS:
            symbol = tx.symbol
            assert symbol is not None
            key = symbol if bucket_key is None else bucket_key(symbol)
            bucket = groups.get(key)
            if bucket is None:
                groups[key] = [tx]
            else:
                bucket.append(tx)
    info = {a: (t.tax_type is AccountTaxType.IRA, t.lot_method) for a, t in accounts.items()}
    out = _Out()
    # The pass allocates a few objects per transaction and none in cycles: the cyclic GC would
    # rescan the growing heap again and again (measured: most of the run time), so pause it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with localcontext() as ctx:
            ctx.prec = 34
            ctx.rounding = ROUND_HALF_EVEN
            for bucket in groups.values():
                _run_group(bucket, info, out, wash_key)
    finally:
        if collecting:
            gc.enable()
    return TaxLedger(tuple(out.open_lots), tuple(out.realized), tuple(out.washes), tuple(out.moved))


def merge_ledgers(ledgers: Iterable[TaxLedger]) -> TaxLedger:
    """Concatenate ledgers computed on disjoint chunks of whole substantially-identical groups
    (e.g. in parallel processes): the same rows as one call on all the transactions."""
    return merge_ledgers_of(list(ledgers))


class _Out:
    __slots__ = ("moved", "open_lots", "realized", "washes")

    def __init__(self) -> None:
        self.open_lots: list[TaxLot] = []
        self.realized: list[RealizedLot] = []
        self.washes: list[WashSale] = []
        self.moved: list[TaxLot] = []


_Accounts = dict[str, tuple[bool, LotMethod]]
_DEFAULT_ACCOUNT = (False, LotMethod.FIFO)


def _linked_keys(
    txs: list[Transaction], identical: Callable[[str], str] | None
) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """(wash-sale group key, bucket key) of a symbol when corporate actions link symbols: a
    symbol change joins the two symbols' groups (one security); a merger or spin-off puts
    them in one bucket but keeps their groups apart."""
    base: Callable[[str], str] = (lambda s: s) if identical is None else identical
    same: dict[str, str] = {}
    together: dict[str, str] = {}
    for tx in txs:
        if tx.kind in NEW_SYMBOL_KINDS:
            assert tx.symbol is not None and tx.new_symbol is not None
            old, new = base(tx.symbol), base(tx.new_symbol)
            _union(together, old, new)
            if tx.kind is _RENAME:
                _union(same, old, new)

    def wash_key(symbol: str) -> str:
        return _root(same, base(symbol))

    def bucket_key(symbol: str) -> str:
        return _root(together, base(symbol))

    return wash_key, bucket_key


def _root(parent: dict[str, str], key: str) -> str:
    while (up := parent.get(key, key)) != key:
        key = up
    return key


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[rb] = ra


def _run_group(
    txs: list[Transaction],
    accounts: _Accounts,
    out: _Out,
    wash_key: Callable[[str], str] | None = None,
) -> None:
    """One substantially-identical group's transactions, in order (or, with `wash_key`, a
    bucket of groups linked by corporate actions, one purchase index per group)."""
    if wash_key is not None:
        _run_linked(txs, accounts, out, wash_key)
        return
    index = ReplacementIndex([tx for tx in txs if tx.kind is _BUY], accounts)
    book: dict[tuple[str, str], list[OpenLot]] = {}
    bi = 0
    for tx in txs:
        kind = tx.kind
        symbol = tx.symbol
        assert symbol is not None
        key = (tx.account_id, symbol)
        lots = book.get(key)
        if lots is None:
            lots = book[key] = []
        if kind is _BUY:
            quantity = tx.quantity
            day = tx.trade_date
            lot = OpenLot(
                tx.id,
                tx.account_id,
                symbol,
                quantity,
                quantity * tx.price + tx.fees,
                day,
                day,
                tx.currency,
                ZERO,
                quantity,
                bi,
                lots,
            )
            lots.append(lot)
            index.book(bi, lot)
            bi += 1
        elif kind is _SELL:
            _sell(tx, symbol, lots, accounts, index, out)
        elif kind is _SPLIT:
            ratio = tx.split_ratio
            assert ratio is not None
            for lot in lots:
                lot.qty *= ratio
                lot.cap *= ratio
        elif kind is _IN:
            _transfer_in(tx, symbol, lots)
        elif kind is _OUT:
            _transfer_out(tx, symbol, lots, accounts, out)
        else:
            _corporate_action(tx, symbol, lots, book, accounts, index, out)
    out.open_lots.extend(lot.frozen() for lots in book.values() for lot in lots)


def _run_linked(
    txs: list[Transaction],
    accounts: _Accounts,
    out: _Out,
    wash_key: Callable[[str], str],
) -> None:
    """_run_group for a bucket of groups linked by corporate actions."""
    buys: dict[str, list[Transaction]] = {}
    for tx in txs:
        if tx.kind is _BUY:
            assert tx.symbol is not None
            buys.setdefault(wash_key(tx.symbol), []).append(tx)
    indexes = {key: ReplacementIndex(group, accounts) for key, group in buys.items()}
    empty = ReplacementIndex([], accounts)
    booked: dict[str, int] = {}
    book: dict[tuple[str, str], list[OpenLot]] = {}
    for tx in txs:
        kind = tx.kind
        symbol = tx.symbol
        assert symbol is not None
        group = wash_key(symbol)
        index = indexes.get(group, empty)
        lots = book.setdefault((tx.account_id, symbol), [])
        if kind is _BUY:
            bi = booked.get(group, 0)
            booked[group] = bi + 1
            lot = OpenLot(
                tx.id,
                tx.account_id,
                symbol,
                tx.quantity,
                tx.quantity * tx.price + tx.fees,
                tx.trade_date,
                tx.trade_date,
                tx.currency,
                ZERO,
                tx.quantity,
                bi,
                lots,
            )
            lots.append(lot)
            index.book(bi, lot)
        elif kind is _SELL:
            _sell(tx, symbol, lots, accounts, index, out)
        elif kind is _SPLIT:
            assert tx.split_ratio is not None
            scale_lots(lots, tx.split_ratio)
        elif kind is _IN:
            _transfer_in(tx, symbol, lots)
        elif kind is _OUT:
            _transfer_out(tx, symbol, lots, accounts, out)
        else:
            _corporate_action(tx, symbol, lots, book, accounts, index, out)
    out.open_lots.extend(lot.frozen() for lots in book.values() for lot in lots)


def _corporate_action(
    tx: Transaction,
    symbol: str,
    lots: list[OpenLot],
    book: dict[tuple[str, str], list[OpenLot]],
    accounts: _Accounts,
    index: ReplacementIndex,
    out: _Out,
) -> None:
    """Apply one corporate action to the account's lots of `symbol`
    (domain/tax/corporate_actions.py)."""
    kind = tx.kind
    if kind is TransactionKind.CASH_IN_LIEU:
        _sell(tx, symbol, lots, accounts, index, out)
        return
    ratio = tx.split_ratio
    if kind is TransactionKind.REVERSE_SPLIT:
        assert ratio is not None
        scale_lots(lots, ratio)
        fraction = fractional_part(sum((lot.qty for lot in lots), ZERO))
        if fraction and tx.price:
            _sell(_disposal(tx, fraction, accounts), symbol, lots, accounts, index, out)
        return
    if kind is TransactionKind.CASH_MERGER:
        held = sum((lot.qty for lot in lots), ZERO)
        if held:
            sale = replace(tx, kind=_SELL, quantity=held, lot_method=_FIFO, lot_picks=())
            _sell(sale, symbol, lots, accounts, index, out)
        return
    new_symbol = tx.new_symbol
    assert new_symbol is not None
    target = book.setdefault((tx.account_id, new_symbol), [])
    if kind is TransactionKind.SYMBOL_CHANGE:
        move_lots(lots, target, new_symbol, None)
    elif kind is TransactionKind.STOCK_MERGER:
        assert ratio is not None
        move_lots(lots, target, new_symbol, ratio)
    elif kind is TransactionKind.SPIN_OFF:
        assert ratio is not None and tx.allocation is not None
        spin_off(lots, target, new_symbol, ratio, tx.allocation, tx.id)
    else:
        assert kind is TransactionKind.MIXED_MERGER and ratio is not None
        _boot_merger(tx, symbol, lots, accounts, out)
        move_lots(lots, target, new_symbol, ratio)


def _disposal(tx: Transaction, quantity: Decimal, accounts: _Accounts) -> Transaction:
    """A sale of `quantity` shares at `tx.price` standing for the action `tx` (same id): lots
    by the account's method, FIFO for specific identification (there are no picks)."""
    method = accounts.get(tx.account_id, _DEFAULT_ACCOUNT)[1]
    if method is _SPECIFIC:
        method = _FIFO
    return replace(
        tx, kind=_SELL, quantity=quantity, lot_method=method, lot_picks=(), split_ratio=None
    )


def _boot_merger(
    tx: Transaction, symbol: str, lots: list[OpenLot], accounts: _Accounts, out: _Out
) -> None:
    """Per lot: recognize min(realized gain, boot) (no loss), report the boot as a realized
    row, lower the lot's basis to basis - boot + recognized (corporate_actions module doc)."""
    ira, method = accounts.get(tx.account_id, _DEFAULT_ACCOUNT)
    ratio = tx.split_ratio
    assert ratio is not None
    sold = tx.trade_date
    for lot in lots:
        exchange = boot_exchange(lot.qty, lot.basis, tx.price, ratio, tx.new_price)
        reported_basis = exchange.boot - exchange.recognized
        lot.basis = exchange.new_basis
        if lot.wash_adj > lot.basis:
            lot.wash_adj = lot.basis
        held = (sold - lot.acquired).days
        if held <= 365:
            term = _SHORT
        elif held > 366:
            term = _LONG
        else:
            term = _LONG if sold > anniversary(lot.acquired) else _SHORT
        out.realized.append(
            make_realized(
                tx.id,
                lot.id,
                tx.account_id,
                symbol,
                lot.qty,
                lot.acquired,
                sold,
                exchange.boot,
                reported_basis,
                ZERO,
                exchange.recognized,
                term,
                lot.currency,
                method,
                not ira,
            )
        )


def _transfer_in(tx: Transaction, symbol: str, lots: list[OpenLot]) -> None:
    start = tx.acquired or tx.trade_date
    lot = OpenLot(
        tx.id,
        tx.account_id,
        symbol,
        tx.quantity,
        tx.quantity * tx.price,
        start,
        start,
        tx.currency,
        ZERO,
        ZERO,
        -1,
        lots,
    )
    at = len(lots)
    while at and lots[at - 1].purchased > start:
        at -= 1
    lots.insert(at, lot)


_Taken = tuple[OpenLot, Decimal, Decimal, Decimal, date]


def _take(tx: Transaction, symbol: str, lots: list[OpenLot], method: LotMethod) -> list[_Taken]:
    """Consume the lots of a disposal: (lot, shares, basis taken, wash part, acquired).

    A disposal that fails half-way leaves the lots mutated: the error aborts the whole
    computation, so no half-applied state is ever returned."""
    quantity = tx.quantity
    currency = tx.currency
    fifo = method is _FIFO and not tx.lot_picks
    try:
        if fifo:
            plan: Iterable[tuple[OpenLot, Decimal]] = _fifo(lots, quantity, symbol)
        else:
            plan = plan_disposal(lots, quantity, method, tx.lot_picks, symbol)
    except InvalidTransaction as exc:
        raise InvalidTransaction(_where(tx, exc.message), field=exc.field) from None
    taken: list[_Taken] = []
    emptied = 0
    for lot, q in plan:
        if lot.currency != currency:
            raise InvalidTransaction(
                _where(tx, f"lot {lot.id!r} is in {lot.currency}, the disposal in {currency}"),
                field="currency",
            )
        have = lot.qty
        if q == have:
            taken.append((lot, q, lot.basis, lot.wash_adj, lot.acquired))
            lot.qty = ZERO
            emptied += 1
        else:
            basis = (lot.basis * q / have).quantize(BASIS_QUANTUM)
            wash = ZERO
            if lot.wash_adj:
                wash = (lot.wash_adj * q / have).quantize(BASIS_QUANTUM)
                lot.wash_adj -= wash
            lot.basis -= basis
            lot.qty = left = have - q
            if lot.cap > left:
                lot.cap = left
            taken.append((lot, q, basis, wash, lot.acquired))
    if emptied:
        if fifo:
            del lots[:emptied]
        elif method is _LIFO and not tx.lot_picks:
            del lots[len(lots) - emptied :]
        else:
            lots[:] = [lot for lot in lots if lot.qty]
    return taken


def _where(tx: Transaction, message: str) -> str:
    """`message` naming the transaction at fault (the engine runs groups apart: the first
    error raised is not necessarily the earliest one)."""
    return f"{tx.kind.value} {tx.id} of {tx.trade_date.isoformat()}: {message}"


def _fifo(lots: list[OpenLot], quantity: Decimal, symbol: str) -> Iterable[tuple[OpenLot, Decimal]]:
    """FIFO plan without copying the list; raises before anything is consumed."""
    first = lots[0] if lots else None
    if first is not None and first.qty >= quantity:
        return ((first, quantity),)
    return plan_disposal(lots, quantity, _FIFO, (), symbol)


def _sell(
    tx: Transaction,
    symbol: str,
    lots: list[OpenLot],
    accounts: _Accounts,
    index: ReplacementIndex,
    out: _Out,
) -> None:
    ira, method = accounts.get(tx.account_id, _DEFAULT_ACCOUNT)
    if tx.lot_picks:
        method = _SPECIFIC
    elif tx.lot_method is not None:
        method = tx.lot_method
    taken = _take(tx, symbol, lots, method)
    price = tx.price
    fees = tx.fees
    total = tx.quantity
    sold = tx.trade_date
    sale_id = tx.id
    account_id = tx.account_id
    currency = tx.currency
    reportable = not ira
    last = len(taken) - 1
    fees_left = fees
    append = out.realized.append
    for n, (lot, q, basis, _wash, acquired) in enumerate(taken):
        if n == last:
            fee = fees_left
        elif fees:
            fee = (fees * q / total).quantize(BASIS_QUANTUM)
            fees_left -= fee
        else:
            fee = ZERO
        proceeds = q * price - fee
        gain = proceeds - basis
        disallowed = ZERO
        if reportable and gain < ZERO:
            disallowed = index.wash(sale_id, lot, sold, q, -gain, out.washes, acquired)
            gain += disallowed
        held = (sold - acquired).days
        if held <= 365:
            term = _SHORT
        elif held > 366:
            term = _LONG
        else:
            term = _LONG if sold > anniversary(acquired) else _SHORT
        append(
            make_realized(
                sale_id,
                lot.id,
                account_id,
                symbol,
                q,
                acquired,
                sold,
                proceeds,
                basis,
                disallowed,
                gain,
                term,
                currency,
                method,
                reportable,
            )
        )


def _transfer_out(
    tx: Transaction, symbol: str, lots: list[OpenLot], accounts: _Accounts, out: _Out
) -> None:
    method = accounts.get(tx.account_id, _DEFAULT_ACCOUNT)[1]
    if tx.lot_picks:
        method = _SPECIFIC
    elif tx.lot_method is not None:
        method = tx.lot_method
    for lot, q, basis, wash, acquired in _take(tx, symbol, lots, method):
        out.moved.append(
            TaxLot(
                lot.id,
                lot.account_id,
                symbol,
                q,
                basis,
                acquired,
                lot.purchased,
                lot.currency,
                wash,
            )
        )
