"""Aggregated holdings as accounts of a household (the rebalance's view).

Each aggregated account of an item attached to the portfolio becomes one non-tradable
account: it counts in the household's value and drift, nothing is bought into it or sold
from it. Approximations (docs/aggregation.md):

- A holding with a ticker becomes one lot. Its basis is the institution's cost basis when
  given; otherwise the institution's value (no unrealised gain is assumed), and its
  acquisition date is the snapshot's date (the holding period is unknown to the aggregator).
- Cash-like securities (type "cash", or the "CUR:" tickers) count as the account's cash.
- Only equities, ETFs and mutual funds with a ticker become lots: a security without a
  ticker (a plan fund, a CD) or of another type (options, bonds, loans, crypto) cannot be
  priced by the market feed, and is left out of the household (it still lists as a holding).
- Tax treatment: accounts whose subtype names a retirement account (IRA, 401k, ...) are
  tax-advantaged; every other one is taxable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from domain.aggregation.model import AggregatedAccount, AggregatedHolding
from domain.rebalancing.model import AccountHoldings, Lot

PRICED_TYPES = frozenset({"equity", "etf", "mutual fund"})
SHELTERED_SUBTYPES = frozenset(
    {
        "401a", "401k", "403B", "403b", "457b", "529", "ira", "roth", "roth 401k", "sep ira",
        "simple ira", "sarsep", "keogh", "pension", "retirement", "rrsp", "rrif", "tfsa",
        "lira", "hsa", "non-custodial wallet",
    }
)  # fmt: skip


def _is_cash(holding: AggregatedHolding) -> bool:
    symbol = holding.symbol or ""
    return holding.security_type == "cash" or symbol.upper().startswith("CUR:")


def household_account(
    account: AggregatedAccount, holdings: Iterable[AggregatedHolding]
) -> AccountHoldings:
    """One aggregated account as a non-tradable household account (module doc)."""
    cash = Decimal(0)
    lots: list[Lot] = []
    for n, holding in enumerate(sorted(holdings, key=lambda h: h.security_id)):
        if holding.account_id != account.id or holding.quantity <= 0:
            continue
        if _is_cash(holding):
            cash += holding.institution_value
            continue
        if not holding.symbol or holding.security_type not in PRICED_TYPES:
            continue
        basis = holding.cost_basis if holding.cost_basis is not None else holding.institution_value
        lots.append(
            Lot(
                f"{account.id}:{n}",
                holding.symbol.upper(),
                holding.quantity,
                max(basis, Decimal(0)),
                holding.as_of,
            )
        )
    subtype = (account.subtype or "").lower()
    return AccountHoldings(
        account.id,
        cash,
        tuple(lots),
        {},
        tax_advantaged=subtype in {s.lower() for s in SHELTERED_SUBTYPES},
        tradable=False,
    )


def household_accounts(
    accounts: Sequence[AggregatedAccount], holdings: Sequence[AggregatedHolding]
) -> list[AccountHoldings]:
    """The investment accounts among `accounts`, by id (module doc)."""
    return [
        household_account(a, holdings)
        for a in sorted(accounts, key=lambda a: a.id)
        if a.type == "investment"
    ]
