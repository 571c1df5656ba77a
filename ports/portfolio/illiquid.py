"""IlliquidAssetStore: a portfolio's illiquid assets and their manual valuations.

The store keeps what the application checked (domain/portfolio/illiquid.py); memory, SQLite
and PostgreSQL alike (tests/integration/store/test_illiquid_contract.py):

- `add_asset(asset)`: Conflict when the id is taken.
- `get_asset(asset_id)`: the asset or None.
- `list_assets(owner_id, portfolio_id=None, after=None, limit=50)`: the owner's (of one
  portfolio when given), in id order after the id `after` (a keyset cursor), at most `limit`.
- `add_valuation(valuation)`: DuplicateValuation when the asset has one on that date (the
  history is append-only), NotFound when there is no such asset.
- `valuations(asset_id)`: the asset's valuations by date.
- `latest_valuations(asset_ids)`: each asset's latest valuation (absent: none yet).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.portfolio.illiquid import IlliquidAsset, Valuation


class IlliquidAssetStore(Protocol):
    async def add_asset(self, asset: IlliquidAsset) -> None: ...

    async def get_asset(self, asset_id: str) -> IlliquidAsset | None: ...

    async def list_assets(
        self,
        owner_id: str,
        *,
        portfolio_id: str | None = None,
        after: str | None = None,
        limit: int = 50,
    ) -> list[IlliquidAsset]: ...

    async def add_valuation(self, valuation: Valuation) -> None: ...

    async def valuations(self, asset_id: str) -> list[Valuation]: ...

    async def latest_valuations(self, asset_ids: Sequence[str]) -> dict[str, Valuation]: ...
