"""In-process illiquid assets and valuations (the embedded store's and unit tests' store)."""

from __future__ import annotations

from collections.abc import Sequence

from domain.errors import Conflict, NotFound
from domain.portfolio.illiquid import DuplicateValuation, IlliquidAsset, Valuation


class InMemoryIlliquidAssetStore:
    """An IlliquidAssetStore in dicts (ports/portfolio/illiquid.py)."""

    def __init__(self) -> None:
        self._assets: dict[str, IlliquidAsset] = {}
        self._valuations: dict[str, dict[object, Valuation]] = {}

    async def add_asset(self, asset: IlliquidAsset) -> None:
        if asset.id in self._assets:
            raise Conflict(f"illiquid asset {asset.id!r} already exists", field="id")
        self._assets[asset.id] = asset
        self._valuations[asset.id] = {}

    async def get_asset(self, asset_id: str) -> IlliquidAsset | None:
        return self._assets.get(asset_id)

    async def list_assets(
        self,
        owner_id: str,
        *,
        portfolio_id: str | None = None,
        after: str | None = None,
        limit: int = 50,
    ) -> list[IlliquidAsset]:
        mine = sorted(
            (
                a
                for a in self._assets.values()
                if a.owner_id == owner_id and portfolio_id in (None, a.portfolio_id)
            ),
            key=lambda a: a.id,
        )
        return [a for a in mine if after is None or a.id > after][: max(limit, 0)]

    async def add_valuation(self, valuation: Valuation) -> None:
        held = self._valuations.get(valuation.asset_id)
        if held is None:
            raise NotFound(f"no illiquid asset {valuation.asset_id!r}", field="asset_id")
        if valuation.as_of in held:
            raise DuplicateValuation(
                f"the asset has a valuation as of {valuation.as_of} already", field="as_of"
            )
        held[valuation.as_of] = valuation

    async def valuations(self, asset_id: str) -> list[Valuation]:
        return sorted(self._valuations.get(asset_id, {}).values(), key=lambda v: v.as_of)

    async def latest_valuations(self, asset_ids: Sequence[str]) -> dict[str, Valuation]:
        latest = {}
        for asset_id in asset_ids:
            held = self._valuations.get(asset_id)
            if held:
                latest[asset_id] = max(held.values(), key=lambda v: v.as_of)
        return latest
