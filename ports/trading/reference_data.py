"""Reference data from a broker: the asset list an instrument import reads."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True, slots=True)
class BrokerAsset:
    """One tradable asset as the broker lists it (Alpaca's GET /v2/assets entry)."""

    symbol: str
    name: str
    asset_class: str  # the broker's word: "us_equity", "crypto", ...
    exchange: str
    tradable: bool
    marginable: bool
    shortable: bool
    active: bool
    tick_size: Decimal | None = None


class AssetDirectory(Protocol):
    """The broker's active assets of one class.

    `account_id` names the account whose linked credentials to use; None uses the
    deployment's own (settings) credentials. Failures raise ports.trading.broker.BrokerError.
    """

    async def assets(self, account_id: str | None, asset_class: str) -> list[BrokerAsset]: ...
