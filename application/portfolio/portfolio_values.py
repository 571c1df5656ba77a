"""Holdings by value for the analytics screens: posted, or read from one of the caller's
portfolios (owner-scoped: another user's portfolio is 404 PORTFOLIO_NOT_FOUND).

From a portfolio: every position priced at its reference price and held in the portfolio's
base currency, summed by symbol across its accounts; cash is not a holding (not an issuer):
the base-currency cash is `cash`, cash in another currency is named in `left_out`; positions
without a price or in another currency are named in `left_out` (no FX).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from application.portfolio.portfolios import PortfolioService
from domain.errors import DomainError
from domain.portfolio.currencies import is_currency
from domain.principals import Principal

_SYMBOL = re.compile(r"^[A-Za-z0-9.\-_/:]{1,32}$")
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class PostedHolding:
    symbol: str
    value: Decimal


@dataclass(frozen=True, slots=True)
class ValuedHoldings:
    """Symbols (upper-case) with their value in `currency`, summed; what was left out; the
    stored cash in `currency` beside them (not a holding; ZERO for posted holdings)."""

    values: tuple[tuple[str, Decimal], ...]
    currency: str
    portfolio_id: str | None
    left_out: tuple[str, ...]  # "SYMBOL: why"
    account_id: str | None = None
    cash: Decimal = ZERO


async def valued_holdings(
    portfolios: PortfolioService | None,
    principal: Principal,
    *,
    holdings: Sequence[PostedHolding] | None,
    portfolio_id: str | None,
    currency: str,
    max_holdings: int,
    error: type[DomainError],
) -> ValuedHoldings:
    """Exactly one of `holdings` or `portfolio_id`; refusals are `error` naming the field."""
    if (holdings is None) == (portfolio_id is None):
        raise error("give either holdings or portfolio_id", field="holdings")
    if holdings is not None:
        return _posted(holdings, currency, max_holdings, error)
    assert portfolio_id is not None
    if portfolios is None:
        raise error("portfolios are not served by this instance", field="portfolio_id")
    view = await portfolios.holdings(principal, portfolio_id)
    base = view.portfolio.base_currency
    summed: dict[str, Decimal] = {}
    left_out = []
    cash = ZERO
    for account in view.accounts:
        for code, amount in account.cash.items():
            if code == base:
                cash += amount
            elif amount:
                left_out.append(f"CASH {code}: cash in {code}, not {base}")
        for position in account.positions:
            if position.currency != base:
                left_out.append(f"{position.symbol}: held in {position.currency}, not {base}")
            elif position.market_value is None:
                left_out.append(f"{position.symbol}: no reference price")
            elif position.market_value > ZERO:
                summed[position.symbol] = summed.get(position.symbol, ZERO) + position.market_value
    if len(summed) > max_holdings:
        raise error(f"the portfolio holds more than {max_holdings} symbols", field="portfolio_id")
    ordered = tuple(sorted(summed.items()))
    return ValuedHoldings(ordered, base, view.portfolio.id, tuple(sorted(set(left_out))), cash=cash)


def _posted(
    holdings: Sequence[PostedHolding], currency: str, cap: int, error: type[DomainError]
) -> ValuedHoldings:
    if not is_currency(currency):
        raise error("currency must be an ISO 4217 code such as USD", field="currency")
    if not 1 <= len(holdings) <= cap:
        raise error(f"holdings needs 1 to {cap:,} holdings", field="holdings")
    rows = []
    for i, holding in enumerate(holdings):
        if _SYMBOL.fullmatch(holding.symbol) is None:
            raise error(
                "a symbol is 1 to 32 letters, digits or . - _ / :", field=f"holdings[{i}].symbol"
            )
        if not holding.value.is_finite() or holding.value < ZERO:
            raise error("value must be 0 or more", field=f"holdings[{i}].value")
        rows.append((holding.symbol.upper(), holding.value))
    return ValuedHoldings(tuple(rows), currency, None, ())
