"""Corporate actions applied to tax lots (IRS Publication 550, "Stock Splits", "Nontaxable
Trades: Corporate reorganizations", "Cash in lieu"; IRC 354, 356, 358, 1223(1); the issuer's
Form 8937 for the numbers).

The records are ledger transactions of the corporate-action kinds
(domain.portfolio.transactions, `CORPORATE_ACTION_KINDS`); the engine (domain.tax.engine)
calls the functions here for each one, on the lots of `symbol` in the action's account, on its
effective date (`trade_date`), in ledger order with the other transactions of that day.

Treatment, per lot (every lot keeps its id, acquisition date and purchase date unless said):

- SPLIT / REVERSE_SPLIT: quantity x ratio, basis unchanged (Pub 550 "Stock Splits"). A reverse
  split with `price` > 0 pays cash for the fractional new share of the account's position
  (sum of its lots after the split, minus its whole part): that fraction is sold at `price`
  (Pub 550 "Cash in lieu": as if the fraction were issued and redeemed), taken from the lots
  by the account's lot method (FIFO when the account uses specific identification).
- CASH_MERGER: every share is sold at `price` on the effective date (a taxable sale).
- STOCK_MERGER: lots become lots of `new_symbol`, quantity x ratio; basis, dates and the
  wash-sale adjustment carry over (IRC 354, 358, 1223(1)).
- MIXED_MERGER (boot, IRC 356): per lot, boot = shares x cash per share; realized =
  boot + new shares x `new_price` - basis; recognized = min(realized, boot) if realized > 0,
  else 0 (a loss is not recognized); the new lot's basis = basis - boot + recognized (IRC 358).
  The boot is reported as one realized row per lot: proceeds = boot, cost basis = boot -
  recognized, gain = recognized, the lot's acquisition date and term. (Whether the gain is a
  dividend under IRC 356(a)(2) is not decided here: it is reported as capital gain.)
- SPIN_OFF (IRC 355, 358(c)): the parent lot keeps (1 - allocation) of its basis, a new lot
  of `new_symbol` of quantity x ratio gets allocation x basis (rounded to 1e-10, the parent
  keeps exactly the rest, so the two sum to the old basis), the same acquisition and purchase
  dates; id `<parent lot id>:<action id>`. The wash-sale adjustment is shared the same way.
- SYMBOL_CHANGE: lots renamed to `new_symbol`; nothing else changes. The two symbols are the
  same security, so they are one substantially-identical group for wash sales.
- CASH_IN_LIEU: a sale of `quantity` (< 1) shares at `price`, lots by the account's method.

Fractions and rounding: quantities stay exact Decimals (a merger at 0.7 new per old keeps
70.0 shares, or 0.35 of a share); cash for a fractional share is a separate CASH_IN_LIEU (or
the reverse split's `price`). Money is full Decimal (34 digits), rounded only where the
engine already rounds (partial lots and allocations to 1e-10); Form 8949 rounds to the cent.

Wash sales (Pub 550 "Wash Sales" is silent on reorganizations; kept simple): a merger or
spin-off is no purchase (Treas. Reg. 1.1091-1(a): only shares acquired by purchase, or in a
fully taxable exchange, are replacements), so the new shares replace nothing; shares of the
old symbol bought before the merger that already absorbed a disallowed loss carry it (basis
and holding start) into the new lots; after the merger the new symbol's purchases are
replacements for losses on the new lots. Old and new symbol of a merger or spin-off are not
treated as substantially identical (Rev. Rul. 56-406's pending-merger case is not modelled).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.numbers import ZERO
from domain.tax.lots import BASIS_QUANTUM, OpenLot


@dataclass(frozen=True, slots=True)
class BootExchange:
    """One lot's cash-and-stock exchange: `boot` cash received, `realized` gain (may be < 0),
    `recognized` gain (0 <= recognized <= boot), the new shares' `new_basis`."""

    boot: Decimal
    realized: Decimal
    recognized: Decimal
    new_basis: Decimal


def boot_exchange(
    shares: Decimal,
    basis: Decimal,
    cash_per_share: Decimal,
    new_per_old: Decimal,
    new_share_value: Decimal,
) -> BootExchange:
    """IRC 356 / 358 for `shares` old shares of total `basis` exchanged for `new_per_old` new
    shares worth `new_share_value` each plus `cash_per_share` cash each."""
    boot = shares * cash_per_share
    realized = boot + shares * new_per_old * new_share_value - basis
    recognized = min(realized, boot) if realized > ZERO else ZERO
    return BootExchange(boot, realized, recognized, basis - boot + recognized)


def spin_off_basis(basis: Decimal, allocation: Decimal) -> tuple[Decimal, Decimal]:
    """(parent keeps, spun-off shares get): allocation x basis rounded to 1e-10, the parent
    exactly the rest; the two always sum to `basis`."""
    spun = (basis * allocation).quantize(BASIS_QUANTUM)
    return basis - spun, spun


def fractional_part(quantity: Decimal) -> Decimal:
    """The fraction of a share in `quantity` (>= 0): 10.5 -> 0.5."""
    return quantity % 1


def scale_lots(lots: list[OpenLot], ratio: Decimal) -> None:
    """A split: each lot's shares (and shares able to absorb a wash loss) x ratio."""
    for lot in lots:
        lot.qty *= ratio
        lot.cap *= ratio


def move_lots(
    lots: list[OpenLot], target: list[OpenLot], new_symbol: str, ratio: Decimal | None
) -> None:
    """Move every lot of `lots` into `target` as `new_symbol` (x ratio when given), kept in
    purchase-date order; `lots` is emptied. A lot moved by a merger (`ratio` given) replaces
    nothing of its old symbol any more (cap 0, no purchase index); a renamed lot (`ratio`
    None, a symbol change) stays what it was."""
    for lot in lots:
        lot.symbol = new_symbol
        lot.home = target
        if ratio is not None:
            lot.qty *= ratio
            lot.cap = ZERO
            lot.bi = -1
    merged = target + lots
    merged.sort(key=_purchased)  # stable: equal dates keep the target's lots first
    target[:] = merged
    lots.clear()


def spin_off(
    lots: list[OpenLot],
    target: list[OpenLot],
    new_symbol: str,
    ratio: Decimal,
    allocation: Decimal,
    action_id: str,
) -> None:
    """Give each lot of `lots` a spun-off lot of `new_symbol` in `target` (module doc)."""
    born: list[OpenLot] = []
    for lot in lots:
        kept, spun = spin_off_basis(lot.basis, allocation)
        wash = ZERO
        if lot.wash_adj:
            wash = (lot.wash_adj * allocation).quantize(BASIS_QUANTUM)
            lot.wash_adj -= wash
        lot.basis = kept
        born.append(
            OpenLot(
                f"{lot.id}:{action_id}",
                lot.account_id,
                new_symbol,
                lot.qty * ratio,
                spun,
                lot.acquired,
                lot.purchased,
                lot.currency,
                wash,
                ZERO,
                -1,
                target,
            )
        )
    merged = target + born
    merged.sort(key=_purchased)
    target[:] = merged


def _purchased(lot: OpenLot) -> date:
    return lot.purchased
