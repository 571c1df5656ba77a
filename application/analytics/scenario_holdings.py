"""A ledger portfolio's holdings as the scenario simulation's assets and weights.

The portfolio is the caller's (application/portfolio/portfolio_values.py; another owner's id
answers 404 PORTFOLIO_NOT_FOUND): its positions at their reference prices in the portfolio's
base currency, summed by symbol across its accounts; positions in another currency or without
a price are left out and named, and cash does not move. The weights are the positions' values
over their total (the invested part), as an account's are over its net market value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from application.portfolio.portfolio_values import valued_holdings
from application.portfolio.portfolios import PortfolioService
from domain.principals import Principal
from domain.risk.metrics import InvalidRiskInput

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class HeldWeights:
    """The assets (sorted), their weights adding up to 1, the invested value and what was
    left out ("SYMBOL: why")."""

    assets: tuple[str, ...]
    weights: list[float]
    value: Decimal
    currency: str
    left_out: tuple[str, ...]


async def portfolio_weights(
    portfolios: PortfolioService | None, principal: Principal, portfolio_id: str, max_assets: int
) -> HeldWeights:
    """The portfolio's weights (module doc); 422 INVALID_RISK_INPUT naming `portfolio_id`."""
    held = await valued_holdings(
        portfolios, principal, holdings=None, portfolio_id=portfolio_id, currency="USD",
        max_holdings=max_assets, error=InvalidRiskInput,
    )  # fmt: skip
    total = sum((v for _, v in held.values), ZERO)
    if not held.values or total <= ZERO:
        raise InvalidRiskInput(
            "the portfolio holds no priced position to simulate"
            + (f" (left out: {', '.join(held.left_out)})" if held.left_out else ""),
            field="portfolio_id",
        )
    assets = tuple(s for s, _ in held.values)
    weights = [float(v / total) for _, v in held.values]
    return HeldWeights(assets, weights, total, held.currency, held.left_out)
