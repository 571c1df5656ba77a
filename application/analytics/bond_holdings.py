"""Fixed-income analytics of the bonds a stored portfolio holds (GET
/api/v1/portfolios/{id}/fixed-income).

The portfolio is read through the ledger's use case (application/portfolio/portfolios.py): a
portfolio that is not the caller's answers 404 PORTFOLIO_NOT_FOUND. Its positions are summed
by symbol across its accounts; each symbol's stored instrument says whether it is a bond and
carries its terms. A bond's quantity is in hundreds of face and its reference price (the
mark) is its clean price per 100 of face (domain/fixedincome/terms.py). Every other holding is
listed under `skipped` with the reason (not a bond, no instrument, another currency than the
portfolio's base, matured ...). The figures are domain/fixedincome/holdings.py's, computed
within the compute budget; `settlement` defaults to today (UTC); the shocks to the posted
endpoints' default ladder (application/analytics/fixed_income.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from application.analytics.fixed_income import parse_shocks
from application.core.compute_budget import ComputeBudget
from application.core.stored_instruments import stored_instruments
from application.portfolio.portfolio_holdings import HoldingsView
from application.portfolio.portfolios import PortfolioService
from domain.errors import NotFound
from domain.fixedincome.holdings import (
    BondHolding,
    BookFigures,
    SkippedHolding,
    analyse_holdings,
)
from domain.principals import Principal
from domain.trading.instruments import AssetClass, Instrument
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class StoredBondsRequest:
    portfolio_id: str
    settlement: date | None = None
    shocks_bp: Sequence[float] | None = None


@dataclass(frozen=True, slots=True)
class StoredBondsResult:
    portfolio_id: str
    currency: str  # the portfolio's base currency: every money figure
    figures: BookFigures


@dataclass(frozen=True, slots=True)
class _Held:
    """One symbol of the portfolio: its quantity summed over the accounts, its mark."""

    quantity: Decimal
    price: Decimal | None


def held_in_base(view: HoldingsView) -> tuple[dict[str, _Held], list[SkippedHolding]]:
    """The positions held in the base currency, summed by symbol; those held in another
    currency skipped (a symbol held in both is analysed for its base-currency part and named
    in `skipped` for the rest)."""
    base = view.portfolio.base_currency
    held: dict[str, _Held] = {}
    skipped: dict[str, str] = {}
    for account in view.accounts:
        for position in account.positions:
            if position.currency != base:  # what is held in the base currency still counts
                reason = f"held in {position.currency}, not {base} (no FX): left out"
                skipped[position.symbol] = reason
                continue
            before = held.get(position.symbol, _Held(ZERO, position.price))
            held[position.symbol] = _Held(before.quantity + position.quantity, position.price)
    return held, [SkippedHolding(s, r) for s, r in sorted(skipped.items())]


def bond_holdings(
    held: dict[str, _Held], instruments: dict[str, Instrument], base: str
) -> tuple[list[BondHolding], list[SkippedHolding]]:
    """The bonds among `held` with their stored terms; the other symbols with the reason."""
    bonds: list[BondHolding] = []
    skipped: list[SkippedHolding] = []
    for symbol, position in sorted(held.items()):
        instrument = instruments.get(symbol)
        if instrument is None:
            skipped.append(SkippedHolding(symbol, "no instrument reference data"))
        elif instrument.asset_class is not AssetClass.BOND or instrument.bond is None:
            skipped.append(SkippedHolding(symbol, f"not a bond ({instrument.asset_class})"))
        elif instrument.currency != base:
            reason = f"a bond in {instrument.currency}, not {base} (no FX)"
            skipped.append(SkippedHolding(symbol, reason))
        else:
            bonds.append(BondHolding(symbol, instrument.bond, position.quantity, position.price))
    return bonds, skipped


@dataclass(eq=False)
class StoredBondsService:
    """The figures of a stored portfolio's bonds (module doc)."""

    budget: ComputeBudget
    portfolios: PortfolioService | None
    uow_factory: UnitOfWorkFactory
    clock: Clock

    async def analyse(self, principal: Principal, request: StoredBondsRequest) -> StoredBondsResult:
        shocks = parse_shocks(request.shocks_bp)
        if self.portfolios is None:
            raise NotFound("portfolios are not served by this instance")
        view = await self.portfolios.holdings(principal, request.portfolio_id)  # 404: not yours
        base = view.portfolio.base_currency
        held, skipped = held_in_base(view)
        instruments = await stored_instruments(self.uow_factory, sorted(held))
        bonds, not_bonds = bond_holdings(held, instruments, base)
        settlement = request.settlement or self.clock.now().date()
        passed = tuple(sorted([*skipped, *not_bonds], key=lambda s: s.symbol))
        figures = await self.budget.run(
            f"fixed-income figures of {len(bonds)} stored bonds",
            lambda: analyse_holdings(settlement, bonds, shocks, passed),
        )
        return StoredBondsResult(view.portfolio.id, base, figures)
