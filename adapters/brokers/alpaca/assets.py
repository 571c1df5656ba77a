"""Alpaca's asset list (GET /v2/assets) as the AssetDirectory an instrument import reads.

Each call uses the named account's linked key pair (the credential vault), else the
deployment's own; the HTTP client lives for the one call (an import is rare).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import msgspec

from adapters.alpaca.http import AlpacaHttp, AlpacaHttpError, decode, trading_url
from adapters.brokers.alpaca.accounts import AlpacaKey, CredentialsLookup
from adapters.brokers.alpaca.errors import broker_error
from ports.core.clock import Clock
from ports.trading.broker import BrokerError, BrokerErrorCode
from ports.trading.reference_data import BrokerAsset


class AlpacaAsset(msgspec.Struct, rename={"asset_class": "class"}):
    """One entry of GET /v2/assets (fields Bulwark reads; the rest is ignored)."""

    symbol: str
    asset_class: str = "us_equity"
    name: str | None = ""
    exchange: str = ""
    status: str = "active"
    tradable: bool = False
    marginable: bool = False
    shortable: bool = False
    price_increment: Decimal | None = None

    def to_port(self) -> BrokerAsset:
        return BrokerAsset(
            symbol=self.symbol,
            name=self.name or "",
            asset_class=self.asset_class,
            exchange=self.exchange,
            tradable=self.tradable,
            marginable=self.marginable,
            shortable=self.shortable,
            active=self.status == "active",
            tick_size=self.price_increment,
        )


ASSETS = msgspec.json.Decoder(list[AlpacaAsset])


class AlpacaAssetDirectory:
    """AssetDirectory over Alpaca's trading API (see the module docstring)."""

    def __init__(
        self,
        credentials_for: CredentialsLookup,
        clock: Clock,
        *,
        fallback: AlpacaKey | None = None,
        url_for: Callable[[bool], str] = trading_url,
    ) -> None:
        self._credentials_for = credentials_for
        self._clock = clock
        self._fallback = fallback
        self._url_for = url_for

    async def assets(self, account_id: str | None, asset_class: str) -> list[BrokerAsset]:
        key = await self._credentials_for(account_id) if account_id is not None else None
        key = key or self._fallback
        if key is None:
            raise BrokerError(
                BrokerErrorCode.REJECTED,
                "no Alpaca credentials: link an account's keys and name it, or set "
                "BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY",
            )
        http = AlpacaHttp(
            self._url_for(key.paper), key.credentials, provider_name="alpaca", clock=self._clock
        )
        try:
            params = {"status": "active", "asset_class": asset_class}
            response = await http.request("GET", "/v2/assets", params=params)
            listed = decode(response, ASSETS)
        except AlpacaHttpError as exc:
            raise broker_error(exc, "assets") from exc
        finally:
            await http.aclose()
        return [a.to_port() for a in listed if a.asset_class == asset_class]
