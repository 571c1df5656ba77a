"""Illiquid assets of a portfolio and their manual valuations (docs/alternatives.md).

Owner scoping as for the ledger (application/portfolio/portfolios.py): an asset is its portfolio
owner's alone; another user's asset (or one that does not exist) answers 404
ILLIQUID_ASSET_NOT_FOUND, another's portfolio 404 PORTFOLIO_NOT_FOUND; a viewer changes nothing
(403). Writes are checked before the store is touched (422 INVALID_ILLIQUID_ASSET naming the field);
the valuation history is append-only (409 DUPLICATE_VALUATION for a second valuation on one day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from application.core.access import ensure_may_change, owned_by
from application.core.cursors import decode_text_cursor, encode_text_cursor
from application.core.paging import Page, page_of
from application.portfolio.portfolios import InvalidCursor, PortfolioService
from domain.errors import NotFound
from domain.portfolio.currencies import is_currency
from domain.portfolio.illiquid import (
    AppreciationHistory,
    IlliquidAsset,
    IlliquidKind,
    InvalidIlliquidAsset,
    Valuation,
    ValuationMethod,
    appreciation,
    check_asset,
    check_valuation,
)
from domain.principals import Principal
from ports.core.clock import Clock, IdGenerator
from ports.portfolio.illiquid import IlliquidAssetStore

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class IlliquidAssetNotFound(NotFound):
    """No such asset, or someone else's (answered the same way)."""

    code = "ILLIQUID_ASSET_NOT_FOUND"


@dataclass(frozen=True, slots=True)
class NewIlliquidAsset:
    portfolio_id: str
    name: str
    kind: str
    acquired: date
    cost: Decimal
    currency: str | None = None  # None: the portfolio's base currency
    note: str = ""


@dataclass(frozen=True, slots=True)
class NewValuation:
    as_of: date
    value: Decimal
    method: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class IlliquidView:
    """An asset with its valuations and appreciation history."""

    asset: IlliquidAsset
    valuations: tuple[Valuation, ...]
    history: AppreciationHistory


def _enum(kind: type[IlliquidKind] | type[ValuationMethod], value: str, field: str) -> str:
    names = [k.value for k in kind]
    if value not in names:
        raise InvalidIlliquidAsset(f"{field} is one of {', '.join(names)}", field=field)
    return value


@dataclass(eq=False)
class IlliquidAssetService:
    """The /api/v1/planning/illiquid-assets routes' use cases (module doc)."""

    store: IlliquidAssetStore
    portfolios: PortfolioService
    clock: Clock
    ids: IdGenerator

    async def add(self, principal: Principal, new: NewIlliquidAsset) -> IlliquidView:
        """A new asset in one of the caller's portfolios (404 for someone else's)."""
        portfolio = await self.portfolios.get(principal, new.portfolio_id)
        ensure_may_change(principal)
        currency = new.currency or portfolio.base_currency
        if not is_currency(currency):
            raise InvalidIlliquidAsset(
                f"currency must be an ISO 4217 code, got {currency[:8]!r}", field="currency"
            )
        asset = check_asset(
            IlliquidAsset(
                id=self.ids.new("il-"),
                portfolio_id=portfolio.id,
                owner_id=principal.id,
                name=new.name.strip(),
                kind=IlliquidKind(_enum(IlliquidKind, new.kind, "kind")),
                currency=currency,
                acquired=new.acquired,
                cost=new.cost,
                created_at=self.clock.now(),
                note=new.note,
            ),
            self._today(),
        )
        await self.store.add_asset(asset)
        return IlliquidView(asset, (), appreciation(asset, (), self._today()))

    async def get(self, principal: Principal, asset_id: str) -> IlliquidView:
        asset = await self._mine(principal, asset_id)
        valuations = await self.store.valuations(asset.id)
        return IlliquidView(
            asset, tuple(valuations), appreciation(asset, valuations, self._today())
        )

    async def value(self, principal: Principal, asset_id: str, new: NewValuation) -> IlliquidView:
        """Record a manual valuation (append-only: one a day)."""
        asset = await self._mine(principal, asset_id)
        ensure_may_change(principal)
        valuation = check_valuation(
            asset,
            Valuation(
                asset_id=asset.id,
                as_of=new.as_of,
                value=new.value,
                method=ValuationMethod(_enum(ValuationMethod, new.method, "method")),
                recorded_at=self.clock.now(),
                note=new.note,
            ),
            self._today(),
        )
        await self.store.add_valuation(valuation)
        return await self.get(principal, asset_id)

    async def list(
        self,
        principal: Principal,
        portfolio_id: str | None = None,
        cursor: str | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> Page[tuple[IlliquidAsset, Valuation | None]]:
        """The caller's assets (of one portfolio when named) with each one's latest valuation."""
        if portfolio_id is not None:
            await self.portfolios.get(principal, portfolio_id)
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidCursor(f"limit must be 1 to {MAX_LIMIT}", field="limit")
        after = None if not cursor else _decode(cursor)
        found = await self.store.list_assets(
            principal.id, portfolio_id=portfolio_id, after=after, limit=limit + 1
        )
        page = page_of(found, limit, lambda asset: _encode(asset.id))
        latest = await self.store.latest_valuations([a.id for a in page.items])
        return Page([(a, latest.get(a.id)) for a in page.items], page.next_cursor)

    async def _mine(self, principal: Principal, asset_id: str) -> IlliquidAsset:
        asset = await self.store.get_asset(asset_id)
        refusal = IlliquidAssetNotFound(f"illiquid asset {asset_id[:64]} not found")
        return owned_by(principal, asset, refusal)

    def _today(self) -> date:
        return self.clock.now().date()


def _encode(asset_id: str) -> str:
    return encode_text_cursor(asset_id)


def _decode(cursor: str) -> str:
    try:
        return decode_text_cursor(cursor)
    except ValueError:
        raise InvalidCursor("cursor is not one this listing made", field="cursor") from None
