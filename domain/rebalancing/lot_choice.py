"""Which lots a rebalance sells, cheapest in tax first: the "tax-aware" lot method.

Order of the candidate lots of one symbol across the household's accounts (module name of
the method: TAX_AWARE):

1. lots in tax-advantaged accounts (asset location: a sale there realises nothing taxable);
2. taxable lots at a loss, largest loss per share first (loss harvesting);
3. taxable long-term gains, highest basis per share first (smallest gain per share);
4. taxable short-term gains last, highest basis per share first (avoided where possible).
Ties: older acquisition, then lot id.

A taxable lot at a loss is never sold when the symbol was bought in any account of the
owner within WASH_DAYS days before the trade day, or is bought by the same proposal: that
sale would be a wash sale (IRC 1091; the window's other side, buys after the sale, is the
owner's to avoid for 30 days and the proposal says from when). Such a lot is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from domain.numbers import ZERO
from domain.rebalancing.model import AccountHoldings, Lot, RecentBuy
from domain.tax.holding import holding_term
from domain.tax.methods import Term

LOT_METHOD = "tax_aware"
WASH_DAYS = 30


@dataclass(frozen=True, slots=True)
class Candidate:
    account_id: str
    tax_advantaged: bool
    lot: Lot

    def gain_per_share(self, price: Decimal) -> Decimal:
        return price - self.lot.cost_basis / self.lot.quantity


def wash_window_start(today: date) -> date:
    return today - timedelta(days=WASH_DAYS)


def bought_recently(
    buys: Iterable[RecentBuy], today: date, also_bought: Iterable[str] = ()
) -> frozenset[str]:
    """Symbols bought within the window before `today` (or to be bought by the proposal)."""
    start = wash_window_start(today)
    return frozenset({b.symbol for b in buys if start <= b.day <= today} | set(also_bought))


def would_wash(candidate: Candidate, price: Decimal, washed: frozenset[str]) -> bool:
    return (
        not candidate.tax_advantaged
        and candidate.lot.symbol in washed
        and candidate.gain_per_share(price) < ZERO
    )


def _rank(candidate: Candidate, price: Decimal, today: date) -> tuple[object, ...]:
    lot = candidate.lot
    basis_per_share = lot.cost_basis / lot.quantity
    gain = price - basis_per_share
    if candidate.tax_advantaged:
        tier = 0
    elif gain < ZERO:
        tier = 1
    elif holding_term(lot.acquired, today) is Term.LONG:
        tier = 2
    else:
        tier = 3
    primary = gain if tier == 1 else -basis_per_share
    return (tier, primary, lot.acquired, candidate.account_id, lot.id)


def sale_order(
    accounts: Sequence[AccountHoldings], symbol: str, price: Decimal, today: date
) -> list[Candidate]:
    """Every lot of `symbol` in the household, in the order the rebalance sells them."""
    found = [
        Candidate(a.account_id, a.tax_advantaged, lot)
        for a in accounts
        if a.tradable
        for lot in a.lots
        if lot.symbol == symbol
    ]
    found.sort(key=lambda c: _rank(c, price, today))
    return found
