"""Bulwark behind ccxt's asyncio unified API, laid out as ccxt's own `ccxt.async_support`:

    from bulwark_client.ccxt.async_support import bulwark     # instead of: ccxt.async_support
    exchange = bulwark({"apiKey": KEY, "urls": {"api": URL}, "options": {"account": "acc-1"}})
    order = await exchange.create_order("AAPL", "limit", "buy", 10, 185.5)
    await exchange.close()

The same methods, structures and errors as the synchronous `bulwark_client.ccxt.bulwark`,
each a coroutine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bulwark_client.ccxt import (
    _CLOSED,
    _INSTRUMENTS_PAGE,
    _OPEN,
    _ORDERS_PAGE,
    _Unified,
    ccxt_errors,
    unified_balance,
    unified_market,
    unified_order,
    unified_position,
)
from bulwark_client.facade import AsyncBulwark
from bulwark_client.generated.api.trading import get_account, get_margin_status, list_instruments
from bulwark_client.generated.models import OrderStatus

__all__ = ["bulwark"]


class bulwark(_Unified):
    """Bulwark as an asyncio ccxt exchange (see `bulwark_client.ccxt`)."""

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        super().__init__(config)
        self.client = AsyncBulwark(self.url, api_key=self.apiKey)

    async def close(self) -> None:
        await self.client.aclose()

    async def load_markets(
        self, reload: bool = False, params: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        if self.markets and not reload:
            return self.markets
        items: list[dict[str, Any]] = []
        cursor: str | None = None
        with ccxt_errors():
            while True:
                page = await self.client.call(
                    list_instruments, cursor=cursor, limit=_INSTRUMENTS_PAGE
                )
                items += page.to_dict()["items"]
                if not (cursor := page.to_dict().get("next_cursor")):
                    break
        self.markets = {m["symbol"]: m for m in map(unified_market, items)}
        return self.markets

    async def create_order(
        self, symbol: str, type: str, side: str, amount: Any, price: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        body = self._order_body(symbol, type, side, amount, price, params or {})
        with ccxt_errors(placing=True, account=body["account_id"]):
            placed = await self.client.place_order(body)
        return unified_order(placed.to_dict()["order"])

    async def cancel_order(
        self, id: str, symbol: str | None = None, params: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        with ccxt_errors():
            return unified_order((await self.client.cancel_order(id)).to_dict())

    async def fetch_order(
        self, id: str, symbol: str | None = None, params: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        with ccxt_errors():
            return unified_order((await self.client.get_order(id)).to_dict())

    async def _orders(
        self,
        statuses: list[OrderStatus],
        symbol: str | None,
        limit: int | None,
        params: Mapping[str, Any],
    ) -> list[dict[str, Any]]:
        orders: list[dict[str, Any]] = []
        cursor: str | None = None
        with ccxt_errors(account=self._account(params)):
            while limit is None or len(orders) < limit:
                listed = await self.client.list_orders(
                    self._account(params), status=statuses, symbol=symbol, cursor=cursor,
                    limit=_ORDERS_PAGE,
                )  # fmt: skip
                page = listed.to_dict()
                orders += page["items"]
                if not (cursor := page.get("next_cursor")):
                    break
        return [unified_order(o) for o in orders]

    async def fetch_open_orders(
        self,
        symbol: str | None = None,
        since: int | None = None,
        limit: int | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        return self._closed(await self._orders(_OPEN, symbol, limit, params or {}), since, limit)

    async def fetch_closed_orders(
        self,
        symbol: str | None = None,
        since: int | None = None,
        limit: int | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        return self._closed(await self._orders(_CLOSED, symbol, limit, params or {}), since, limit)

    async def fetch_positions(
        self, symbols: list[str] | None = None, params: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        with ccxt_errors(account=self._account(params or {})):
            listed = (await self.client.list_positions(self._account(params or {}))).to_dict()
        positions = [unified_position(p) for p in listed["items"]]
        return [p for p in positions if not symbols or p["symbol"] in symbols]

    async def fetch_balance(self, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        account_id = self._account(params or {})
        with ccxt_errors(account=account_id):
            account = (await self.client.call(get_account, account_id)).to_dict()
            margin = None
            if account.get("trading_type") != "cash":
                margin = (await self.client.call(get_margin_status, account_id)).to_dict()
        orders = await self._orders(_OPEN, None, None, params or {})
        return unified_balance(account, margin, [o["info"] for o in orders])
