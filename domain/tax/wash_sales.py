"""Wash sales (IRC section 1091, Treas. Reg. 1.1091-1, IRS Publication 550 "Wash Sales").

A sale at a loss in a TAXABLE account is a wash sale when substantially identical shares (the
same `identical(symbol)` group) are bought from 30 days before through 30 days after the sale
date (both ends included) in ANY of the user's accounts. Rules as implemented:

- Matching: replacement purchases in acquisition order (trade date, then ledger order); each
  replacement share absorbs at most one loss; the lot being sold (and any part split off its
  purchase) is never its own replacement. A purchase made before the sale counts with the
  shares of it still held at the sale; a purchase after the sale is found by look-ahead (the
  engine sees the whole history: per group, purchase dates sorted once, window by bisect,
  exhausted purchases skipped by path-compressed pointers).
- Amount: for a row of q shares with loss L matched with m <= q replacement shares, L x m / q
  is disallowed (rounded to 1e-10; a fully matched row disallows exactly L). Publication 550
  example: 100 shares sold at a $250 loss, 50 bought -> $125 disallowed, new basis
  $400 + $125 = $525.
- Taxable replacement: the disallowed loss is added to the replacement shares' basis and their
  holding-period start moves earlier by the sold shares' holding days (sale date - acquired).
  When only part of a lot is a replacement, that part is split off as lot `<id>:w<n>`.
  A replacement lot later sold at a loss washes again, its added basis travelling with it.
- IRA replacement (Rev. Rul. 2008-5): the loss is disallowed permanently (`permanent`), the
  IRA basis is NOT increased, no holding days are carried.
- Sales inside an IRA are not reported and trigger no wash sale. Transfers in are no purchases.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter

from domain.numbers import ZERO
from domain.portfolio.transactions import Transaction
from domain.tax.lots import BASIS_QUANTUM, OpenLot, WashSale, make_wash

WINDOW = timedelta(days=30)
_trade_date = attrgetter("trade_date")
_id = attrgetter("id")
_account_id = attrgetter("account_id")
_quantity = attrgetter("quantity")
_TAXABLE = (False, None)


def wash_window(day: date) -> tuple[date, date]:
    """First and last purchase dates (both included) that make a loss sale on `day` a wash."""
    return day - WINDOW, day + WINDOW


class Pending:
    """A wash-sale adjustment waiting for a purchase that comes after the sale."""

    __slots__ = ("days", "disallowed", "lot_id", "quantity")

    def __init__(self, quantity: Decimal, disallowed: Decimal, days: int, lot_id: str) -> None:
        self.quantity = quantity
        self.disallowed = disallowed
        self.days = days
        self.lot_id = lot_id


class ReplacementIndex:
    """The purchases (BUY transactions) of one substantially-identical group, in date order.

    `lots[i]` is purchase i's open lot once booked (the part still able to absorb a loss);
    `future_cap[i]` the shares of purchase i not yet used as replacement; `nxt` skip pointers
    over exhausted purchases; `pending[i]` adjustments for purchase i made before it was
    booked; `ira[i]` whether it was bought in an IRA."""

    __slots__ = (
        "accounts",
        "booked",
        "dates",
        "future_cap",
        "ids",
        "ira",
        "lots",
        "nxt",
        "pending",
        "quantity",
        "splits",
        "windows",
    )

    def __init__(
        self, buys: list[Transaction], accounts: Mapping[str, tuple[bool, object]]
    ) -> None:
        self.dates: list[date] = list(map(_trade_date, buys))
        self.ids: list[str] = list(map(_id, buys))
        self.accounts: list[str] = list(map(_account_id, buys))
        self.ira: list[bool] = [accounts.get(a, _TAXABLE)[0] for a in self.accounts]
        self.quantity: list[Decimal] = list(map(_quantity, buys))
        self.future_cap: list[Decimal] = self.quantity.copy()
        self.lots: list[OpenLot | None] = [None] * len(buys)
        self.nxt: list[int] = list(range(len(buys) + 1))
        self.pending: dict[int, list[Pending]] = {}
        self.splits: dict[int, int] = {}
        self.windows: dict[date, tuple[int, int]] = {}
        self.booked = 0

    def _find(self, i: int) -> int:
        nxt = self.nxt
        root = i
        while nxt[root] != root:
            root = nxt[root]
        while nxt[i] != root:
            nxt[i], i = root, nxt[i]
        return root

    def _split_id(self, i: int) -> str:
        k = self.splits.get(i, 0) + 1
        self.splits[i] = k
        return f"{self.ids[i]}:w{k}"

    def wash(
        self,
        sale_id: str,
        sold: OpenLot,
        sold_on: date,
        quantity: Decimal,
        loss: Decimal,
        out: list[WashSale],
        acquired: date | None = None,
    ) -> Decimal:
        """Match a loss row (`quantity` shares of lot `sold`, loss > 0) with replacements;
        apply the adjustments, append the WashSale records, return the disallowed total."""
        window = self.windows.get(sold_on)
        if window is None:
            dates = self.dates
            window = self.windows[sold_on] = (
                bisect_left(dates, sold_on - WINDOW),
                bisect_right(dates, sold_on + WINDOW),
            )
        lo, hi = window
        nxt = self.nxt
        i = lo if nxt[lo] == lo else self._find(lo)
        if i >= hi:
            return ZERO
        lots = self.lots
        future_cap = self.future_cap
        booked_upto = self.booked
        need = quantity
        disallowed_total = ZERO
        # The row's own holding start: an earlier row of the same sale may already have
        # washed into this lot's remainder and moved the live lot's `acquired` back.
        days = (sold_on - (sold.acquired if acquired is None else acquired)).days
        own = sold.bi
        while i < hi:
            if i == own:
                i += 1
                if nxt[i] != i:
                    i = self._find(i)
                continue
            lot = lots[i]
            if lot is not None:
                avail = lot.cap
                if lot.qty < avail:
                    avail = lot.qty
            elif i < booked_upto:
                avail = ZERO
            else:
                avail = future_cap[i]
            if avail <= ZERO:
                nxt[i] = i + 1
                i += 1
                if nxt[i] != i:
                    i = self._find(i)
                continue
            m = avail if avail < need else need
            need -= m
            if need:
                amount = (loss * m / quantity).quantize(BASIS_QUANTUM)
            else:
                amount = loss - disallowed_total
            disallowed_total += amount
            permanent = self.ira[i]
            if lot is not None:
                if permanent:
                    lot.cap -= m
                    target_id = lot.id
                elif m == lot.qty:
                    target_id = absorb(lot, m, amount, days, None)
                    lots[i] = None
                else:
                    target_id = absorb(lot, m, amount, days, self._split_id(i))
            else:
                future_cap[i] -= m
                if permanent:
                    target_id = self.ids[i]
                else:
                    whole = m == self.quantity[i]
                    target_id = self.ids[i] if whole else self._split_id(i)
                    self.pending.setdefault(i, []).append(Pending(m, amount, days, target_id))
            out.append(
                make_wash(
                    sale_id,
                    sold.id,
                    target_id,
                    self.accounts[i],
                    m,
                    amount,
                    0 if permanent else days,
                    permanent,
                )
            )
            if not need:
                break
        return disallowed_total

    def book(self, i: int, lot: OpenLot) -> None:
        """Purchase i is booked as `lot`: apply the adjustments that waited for it."""
        self.booked = i + 1
        if self.pending:
            pending = self.pending.pop(i, None)
            if pending:
                lot.cap = lot.qty
                for p in pending:
                    split_id = None if p.lot_id == lot.id else p.lot_id
                    absorb(lot, p.quantity, p.disallowed, p.days, split_id)
        lot.cap = self.future_cap[i]  # unwashed shares left (IRA: minus permanent matches)
        self.lots[i] = lot


def absorb(
    lot: OpenLot,
    quantity: Decimal,
    disallowed: Decimal,
    days: int,
    split_id: str | None,
) -> str:
    """`quantity` unwashed shares of taxable `lot` absorb `disallowed` and `days`: the whole
    lot in place (its id kept), else a part split off as `split_id` just before it. Returns
    the id of the lot that absorbed."""
    carried = timedelta(days=days)
    if split_id is None or quantity == lot.qty:
        lot.basis += disallowed
        lot.wash_adj += disallowed
        lot.acquired -= carried
        lot.cap = ZERO
        if split_id is not None:  # the last of several look-ahead parts: the name promised
            lot.id = split_id
        return lot.id
    taken = (lot.basis * quantity / lot.qty).quantize(BASIS_QUANTUM)
    wash_taken = ZERO
    if lot.wash_adj:
        wash_taken = (lot.wash_adj * quantity / lot.qty).quantize(BASIS_QUANTUM)
        lot.wash_adj -= wash_taken
    lot.basis -= taken
    lot.qty -= quantity
    lot.cap -= quantity
    part = OpenLot(
        split_id,
        lot.account_id,
        lot.symbol,
        quantity,
        taken + disallowed,
        lot.acquired - carried,
        lot.purchased,
        lot.currency,
        wash_taken + disallowed,
        ZERO,
        lot.bi,
        lot.home,
    )
    lots = lot.home
    lots.insert(lots.index(lot), part)
    return split_id
