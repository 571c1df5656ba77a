"""Holdings read from what is stored, shared by the analytics that take posted figures or a
stored `portfolio_id` / `account_id` (optimisation, ESG, the liquidity stress).

- A ledger `portfolio_id` of the caller's (application/portfolio/portfolio_values.py):
  positions priced at their reference prices in the portfolio's base currency, summed by
  symbol across its accounts; positions in another currency or without a price are left out
  and named; `cash` is the base-currency cash of its accounts (cash in another currency is
  named in `left_out`).
- A trading `account_id` the caller may read: its open positions at their marks, signed (a
  short is negative), in the account's currency; a position without a mark is left out and
  named; `cash` is the account's cash.

Another owner's id answers 404 (PORTFOLIO_NOT_FOUND / NOT_FOUND). Each use case decides what
it weighs (ESG weighs long positions only, the optimisation signed values).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from application.analytics.value_at_risk import AccountValuation
from application.core.stored_instruments import stored_instruments
from application.portfolio.portfolio_values import PostedHolding, ValuedHoldings, valued_holdings
from application.portfolio.portfolios import PortfolioService
from domain.errors import DomainError
from domain.principals import Principal
from domain.trading.instruments import Instrument
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort

ZERO = Decimal(0)


@dataclass(eq=False)
class StoredHoldings:
    """Reads a portfolio's or an account's holdings by value (module doc)."""

    uow_factory: UnitOfWorkFactory | None
    market_data: MarketDataPort | None
    portfolios: PortfolioService | None

    async def read(
        self,
        principal: Principal,
        *,
        holdings: Sequence[PostedHolding] | None = None,
        portfolio_id: str | None = None,
        account_id: str | None = None,
        currency: str = "USD",
        max_holdings: int,
        error: type[DomainError],
    ) -> ValuedHoldings:
        """Exactly one of posted `holdings`, `portfolio_id` or `account_id`; refusals are
        `error` naming the field."""
        given = [n for n, v in (("holdings", holdings), ("portfolio_id", portfolio_id),
                                ("account_id", account_id)) if v is not None]  # fmt: skip
        if len(given) != 1:
            raise error(
                "give exactly one of holdings, portfolio_id or account_id"
                + (f" (not {' and '.join(given)})" if given else ""),
                field=given[0] if given else "holdings",
            )
        if account_id is not None:
            return await self.account(principal, account_id, max_holdings, error)
        return await valued_holdings(
            self.portfolios,
            principal,
            holdings=holdings,
            portfolio_id=portfolio_id,
            currency=currency,
            max_holdings=max_holdings,
            error=error,
        )  # NotFound (404) for a portfolio that is not the caller's

    async def account(
        self, principal: Principal, account_id: str, max_holdings: int, error: type[DomainError]
    ) -> ValuedHoldings:
        """The account's open positions at their marks, signed, and its cash (module doc)."""
        if self.uow_factory is None or self.market_data is None:
            raise error("trading accounts are not served by this instance", field="account_id")
        valuation = AccountValuation(self.uow_factory, self.market_data)
        account, _ = await valuation.load(principal, account_id)  # NotFound: not the caller's
        held = sorted(s for s, p in account.positions.items() if not p.is_flat)
        if len(held) > max_holdings:
            raise error(f"the account holds more than {max_holdings} symbols", field="account_id")
        marks = await valuation.marks(held) if held else {}
        values, left_out = [], []
        for symbol in held:
            mark = marks.get(symbol)
            if mark is None:
                left_out.append(f"{symbol}: no mark")
            else:
                values.append((symbol, account.positions[symbol].market_value(mark)))
        return ValuedHoldings(
            tuple(values), account.currency, None, tuple(left_out),
            account_id=account.id, cash=account.cash,
        )  # fmt: skip

    async def instruments(self, symbols: Sequence[str]) -> dict[str, Instrument]:
        """The stored instruments of `symbols` (those with none are absent)."""
        if self.uow_factory is None:
            return {}
        return await stored_instruments(self.uow_factory, symbols)


def longs_only(held: ValuedHoldings) -> ValuedHoldings:
    """The long positions (value > 0); shorts and zero values named in `left_out`."""
    kept = tuple((s, v) for s, v in held.values if v > ZERO)
    dropped = [f"{s}: short or zero value, not weighed" for s, v in held.values if v <= ZERO]
    if not dropped:
        return held
    return dataclasses.replace(held, values=kept, left_out=(*held.left_out, *dropped))
