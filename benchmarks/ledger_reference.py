"""The obvious tax-lot ledger, for the benchmark to check the engine against and to time beside it.

Lists of dict lots, every lookup a linear scan, Decimal everywhere; no care for speed. The
rules are IRS Publication 550's, as the engine (domain/tax/engine.py) applies them:

- rows in (trade_date, input order) order; a BUY opens a lot (id = the row's id) with basis
  quantity x price + fees; a SPLIT multiplies the quantities of the account's lots of the
  symbol by the ratio (basis and dates unchanged);
- a SELL relieves the account's lots of the symbol by the row's lot method or the account's:
  FIFO oldest purchase first, LIFO newest first, HIFO highest basis per share first (ties:
  oldest first); a lot's basis goes out pro rata to the shares taken (a whole lot: all of
  it), the sale's net proceeds (quantity x price - fees) pro rata to the shares (the last lot
  taken gets the remainder);
- wash sales (section 1091): a loss row of a taxable account is matched, earliest purchase
  first, against replacement shares: lots of a substantially identical symbol in any account
  purchased in the 30 days before the sale (inclusive) and still open, and buys in the 30 days
  after (the sale day included), never shares of the lot sold itself, each share replacing
  once. The disallowed loss is loss x matched / sold shares; a replacement in a taxable account
  gets it added to its basis and its holding period moved back by the days the sold shares
  were held (the matched shares split off into a lot of their own, same id); one in an IRA
  loses it for good (`permanent`).

`reference_ledger` answers plain dicts; `totals` sums what the benchmark compares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import Any

from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.methods import AccountTaxType, LotMethod

WINDOW = timedelta(days=30)
ZERO = Decimal(0)
QUANTUM = Decimal("1e-10")  # partial basis, fee shares and disallowed shares, as the engine

Row = dict[str, Any]


def holding_long(acquired: date, sold: date) -> bool:
    """Held more than one year: sold after the anniversary (Feb 29 -> Feb 28)."""
    try:
        anniversary = acquired.replace(year=acquired.year + 1)
    except ValueError:
        anniversary = date(acquired.year + 1, 2, 28)
    return sold > anniversary


def reference_ledger(
    transactions: Iterable[Transaction],
    accounts: Mapping[str, tuple[AccountTaxType, LotMethod]],
    identical: Callable[[str], str] | None = None,
) -> dict[str, list[Row]]:
    """{"open_lots": [...], "realized": [...], "wash_sales": [...]} as dicts."""
    ordered = sorted(enumerate(transactions), key=lambda pair: (pair[1].trade_date, pair[0]))
    book = Book([tx for _, tx in ordered], accounts, identical or (lambda s: s))
    with localcontext() as ctx:
        ctx.prec, ctx.rounding = 34, ROUND_HALF_EVEN
        for position, tx in enumerate(book.txs):
            if tx.kind is TransactionKind.BUY:
                book.buy(tx)
            elif tx.kind is TransactionKind.SPLIT:
                for lot in book.lots:
                    if lot["account_id"] == tx.account_id and lot["symbol"] == tx.symbol:
                        lot["quantity"] *= tx.split_ratio or Decimal(1)
                        lot["cap"] *= tx.split_ratio or Decimal(1)
            elif tx.kind is TransactionKind.SELL:
                book.sell(position, tx)
    return {"open_lots": book.lots, "realized": book.realized, "wash_sales": book.washes}


class Book:
    """The open lots (one list, every account, in booking order), the rows so far and the
    wash matches waiting for a later buy. A lot's `cap`: its shares that may still replace."""

    def __init__(
        self,
        txs: list[Transaction],
        accounts: Mapping[str, tuple[AccountTaxType, LotMethod]],
        same: Callable[[str], str],
    ) -> None:
        self.txs, self.accounts, self.same = txs, accounts, same
        self.lots: list[Row] = []
        self.realized: list[Row] = []
        self.washes: list[Row] = []
        self.pending: list[Row] = []
        self.parts: dict[str, int] = {}  # buy id -> lots split off it so far
        self.seq = 0

    def part_id(self, buy_id: str) -> str:
        self.parts[buy_id] = self.parts.get(buy_id, 0) + 1
        return f"{buy_id}:w{self.parts[buy_id]}"

    def buy(self, tx: Transaction) -> None:
        self.seq += 1
        lot = {
            "id": tx.id,
            "buy_id": tx.id,
            "account_id": tx.account_id,
            "symbol": tx.symbol,
            "quantity": tx.quantity,
            "cost_basis": tx.quantity * tx.price + tx.fees,
            "acquired": tx.trade_date,
            "purchased": tx.trade_date,
            "wash_adjustment": ZERO,
            "seq": self.seq,
            "cap": tx.quantity,
        }
        self.lots.append(lot)
        mine = [m for m in self.pending if m["buy_id"] == tx.id]
        for match in mine:
            self.pending.remove(match)
            if not match["permanent"]:
                self.absorb(lot, match, match["replacement_lot_id"])
        lot["cap"] = tx.quantity - sum((m["quantity"] for m in mine), ZERO)

    def sell(self, position: int, tx: Transaction) -> None:
        tax_type, default = self.accounts[tx.account_id]
        method = tx.lot_method or default
        pieces = self.relieve(tx, method)
        fees_left = tx.fees
        for i, (lot, take) in enumerate(pieces):
            if i == len(pieces) - 1:
                fee = fees_left
            else:
                fee = (tx.fees * take / tx.quantity).quantize(QUANTUM)
                fees_left -= fee
            proceeds = take * tx.price - fee
            row = {
                "sale_id": tx.id,
                "lot_id": lot["id"],
                "account_id": tx.account_id,
                "symbol": tx.symbol,
                "quantity": take,
                "acquired": lot["acquired"],
                "sold": tx.trade_date,
                "proceeds": proceeds,
                "cost_basis": lot["cost_basis"],
                "wash_disallowed": ZERO,
                "gain": proceeds - lot["cost_basis"],
                "long": holding_long(lot["acquired"], tx.trade_date),
                "lot_method": method,
                "reportable": tax_type is AccountTaxType.TAXABLE,
            }
            self.realized.append(row)
            if row["gain"] < ZERO and tax_type is AccountTaxType.TAXABLE:
                self.wash(position, tx, lot, row)

    def relieve(self, tx: Transaction, method: LotMethod) -> list[tuple[Row, Decimal]]:
        """The (piece sold, shares) of each lot the sale takes; the lots lose them."""
        mine = [
            lot
            for lot in self.lots
            if lot["account_id"] == tx.account_id and lot["symbol"] == tx.symbol
        ]
        if method is LotMethod.LIFO:
            mine.reverse()
        elif method is LotMethod.HIFO:
            mine.sort(key=lambda lot: -(lot["cost_basis"] / lot["quantity"]))
        left, pieces = tx.quantity, []
        for lot in mine:
            if left <= ZERO:
                break
            take = min(left, lot["quantity"])
            basis, wash = lot["cost_basis"], lot["wash_adjustment"]
            if take != lot["quantity"]:
                basis = (basis * take / lot["quantity"]).quantize(QUANTUM)
                if wash:
                    wash = (wash * take / lot["quantity"]).quantize(QUANTUM)
            pieces.append((dict(lot, quantity=take, cost_basis=basis), take))
            lot["quantity"] -= take
            lot["cost_basis"] -= basis
            lot["wash_adjustment"] -= wash
            lot["cap"] = min(lot["cap"], lot["quantity"])
            left -= take
        if left > ZERO:
            raise ValueError(f"{tx.id}: the sale is larger than the position")
        self.lots = [lot for lot in self.lots if lot["quantity"] > ZERO]
        return pieces

    def wash(self, position: int, tx: Transaction, sold: Row, row: Row) -> None:
        """Match the loss row against replacement shares, earliest purchase first."""
        group, day = self.same(tx.symbol or ""), tx.trade_date
        loss, need = -row["gain"], row["quantity"]
        candidates: list[tuple[Row | Transaction, Decimal]] = []
        for lot in sorted(self.lots, key=lambda lot: (lot["purchased"], lot["seq"])):
            if (
                lot["cap"] > ZERO
                and lot["buy_id"] != sold["buy_id"]
                and self.same(lot["symbol"]) == group
                and day - WINDOW <= lot["purchased"]
            ):
                candidates.append((lot, lot["cap"]))
        for index in range(position + 1, len(self.txs)):
            later = self.txs[index]
            if later.trade_date > day + WINDOW:
                break
            if later.kind is TransactionKind.BUY and self.same(later.symbol or "") == group:
                used = sum((m["quantity"] for m in self.pending if m["buy_id"] == later.id), ZERO)
                if later.quantity > used:
                    candidates.append((later, later.quantity - used))
        given = ZERO
        for target, capacity in candidates:
            if need <= ZERO:
                break
            matched = min(need, capacity)
            need -= matched
            if need == ZERO:
                disallowed = loss - given
            else:
                disallowed = (loss * matched / row["quantity"]).quantize(QUANTUM)
            given += disallowed
            if isinstance(target, dict):
                account, buy_id = target["account_id"], target["buy_id"]
            else:
                account, buy_id = target.account_id, target.id
            permanent = self.accounts[account][0] is AccountTaxType.IRA
            match = {
                "sale_id": tx.id,
                "sold_lot_id": sold["id"],
                "replacement_lot_id": buy_id,
                "replacement_account_id": account,
                "quantity": matched,
                "disallowed_loss": disallowed,
                "holding_days_carried": 0 if permanent else (day - sold["acquired"]).days,
                "permanent": permanent,
                "buy_id": buy_id,
            }
            if isinstance(target, dict):
                if permanent:
                    target["cap"] -= matched
                    match["replacement_lot_id"] = target["id"]
                else:
                    match["replacement_lot_id"] = self.absorb(target, match, None)
            else:
                if not permanent and matched != target.quantity:
                    match["replacement_lot_id"] = self.part_id(buy_id)
                self.pending.append(match)
            self.washes.append(match)
        row["wash_disallowed"] = given
        row["gain"] += given

    def absorb(self, lot: Row, match: Row, part_id: str | None) -> str:
        """The matched shares of taxable `lot` take the disallowed loss and the holding days:
        the whole lot in place, else a part split off just before it (id `<buy>:w<n>`)."""
        matched, carried = match["quantity"], timedelta(days=match["holding_days_carried"])
        if matched == lot["quantity"]:
            lot["cost_basis"] += match["disallowed_loss"]
            lot["wash_adjustment"] += match["disallowed_loss"]
            lot["acquired"] -= carried
            lot["cap"] = ZERO
            return str(lot["id"])
        basis = (lot["cost_basis"] * matched / lot["quantity"]).quantize(QUANTUM)
        wash = ZERO
        if lot["wash_adjustment"]:
            wash = (lot["wash_adjustment"] * matched / lot["quantity"]).quantize(QUANTUM)
        piece = dict(
            lot,
            id=part_id or self.part_id(lot["buy_id"]),
            quantity=matched,
            cost_basis=basis + match["disallowed_loss"],
            wash_adjustment=wash + match["disallowed_loss"],
            acquired=lot["acquired"] - carried,
            cap=ZERO,
        )
        lot["quantity"] -= matched
        lot["cost_basis"] -= basis
        lot["wash_adjustment"] -= wash
        lot["cap"] -= matched
        self.lots.insert(self.lots.index(lot), piece)
        return str(piece["id"])


def totals(realized: Iterable[Row], year: int) -> dict[str, Decimal | int]:
    """Sums over the year's reportable rows: count, proceeds, basis, disallowed, gain by term."""
    out: dict[str, Decimal | int] = {"rows": 0}
    for row in realized:
        if row["sold"].year != year or not row["reportable"]:
            continue
        term = "long" if row["long"] else "short"
        out["rows"] = int(out["rows"]) + 1
        for name in ("proceeds", "cost_basis", "wash_disallowed", "gain"):
            key = f"{term}_{name}"
            out[key] = Decimal(out.get(key, ZERO)) + row[name]
    return out
