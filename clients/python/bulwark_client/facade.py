"""`Bulwark` and `AsyncBulwark`: the generated client with credentials, retries, typed errors
and idempotent order placement.

Every generated operation (bulwark_client.generated.api.<context>.<operation>) runs through
`call`, which answers the parsed body or raises the problem as a BulwarkError:

    from bulwark_client.generated.api.trading import list_agents
    agents = bulwark.call(list_agents)

The common trading calls have methods of their own.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol, TypeVar

import httpx

from bulwark_client.errors import error_for
from bulwark_client.events import EventStream, events_url
from bulwark_client.generated import Client
from bulwark_client.generated.api.safety import activate_kill_switch
from bulwark_client.generated.api.trading import (
    cancel_order,
    get_order,
    list_orders,
    list_positions,
    place_order,
)
from bulwark_client.generated.models import (
    ActivateIn,
    KillSwitchEventOut,
    OrderIn,
    OrderOut,
    OrderPageOut,
    OrderPlaced,
    PositionListOut,
    Problem,
)
from bulwark_client.generated.types import UNSET, Response
from bulwark_client.retries import AsyncRetryingTransport, RetryingTransport, RetryPolicy

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class SyncOperation(Protocol[T_co]):
    """A generated operation's module (its `sync_detailed`)."""

    @property
    def sync_detailed(self) -> Callable[..., Response[T_co]]: ...


class AsyncOperation(Protocol[T_co]):
    """A generated operation's module (its `asyncio_detailed`)."""

    @property
    def asyncio_detailed(self) -> Callable[..., Awaitable[Response[T_co]]]: ...


def new_idempotency_key() -> str:
    """A fresh Idempotency-Key: the one a placement sends unless given one."""
    return str(uuid.uuid4())


def _headers(api_key: str | None, token: str | None) -> dict[str, str]:
    if (api_key is None) == (token is None):
        raise ValueError("give exactly one of api_key (an agent's key) and token (a bearer token)")
    return {"X-API-Key": api_key} if api_key is not None else {"Authorization": f"Bearer {token}"}


def _order(order: OrderIn | dict[str, Any]) -> OrderIn:
    return order if isinstance(order, OrderIn) else OrderIn.from_dict(order)


def _parsed(response: Response[Any]) -> Any:
    """The answer's parsed body; its problem raised as a BulwarkError for 400 or more."""
    if response.status_code >= 400:
        raise error_for(response.status_code, response.content)
    return response.parsed


class _Base:
    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        token: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._auth = _headers(api_key, token)
        self._timeout = timeout
        self._retry = retry or RetryPolicy()

    def events(
        self, types: Sequence[str] = (), accounts: Sequence[str] = (), open_timeout: float = 10.0
    ) -> EventStream:
        """The live events of `/ws/events`, filtered by type (kill_switch, risk, order,
        heartbeat, margin) and account: use in `async with`, then `async for`."""
        return EventStream(events_url(self.base_url, types, accounts), self._auth, open_timeout)


class Bulwark(_Base):
    """A synchronous client: `Bulwark("https://bulwark.example", api_key="...")`."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        token: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(base_url, api_key=api_key, token=token, timeout=timeout, retry=retry)
        self.http = httpx.Client(
            base_url=self.base_url,
            headers=self._auth,
            timeout=timeout,
            transport=RetryingTransport(httpx.HTTPTransport(), self._retry),
        )
        self.client = Client(base_url=self.base_url).set_httpx_client(self.http)

    def __enter__(self) -> Bulwark:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def call(self, operation: SyncOperation[T | Problem], *args: Any, **kwargs: Any) -> T:
        """Runs a generated operation: its parsed answer, or its problem raised."""
        result: T = _parsed(operation.sync_detailed(*args, client=self.client, **kwargs))
        return result

    def place_order(
        self, order: OrderIn | dict[str, Any], *, idempotency_key: str | None = None
    ) -> OrderPlaced:
        """Submits an order through the pre-trade gate, with an Idempotency-Key (a fresh one
        unless given): a retry cannot place it twice. OrderDenied when the gate denies it."""
        key = idempotency_key or new_idempotency_key()
        return self.call(place_order, body=_order(order), idempotency_key=key)

    def get_order(self, order_id: str) -> OrderOut:
        return self.call(get_order, order_id)

    def cancel_order(self, order_id: str) -> OrderOut:
        return self.call(cancel_order, order_id)

    def list_orders(self, account_id: str | None = None, **filters: Any) -> OrderPageOut:
        """A page of orders, newest first (filters: status, symbol, side, cursor, limit)."""
        return self.call(list_orders, account_id=account_id or UNSET, **filters)

    def list_positions(self, account_id: str) -> PositionListOut:
        return self.call(list_positions, account_id)

    def activate_kill_switch(self, request: ActivateIn | dict[str, Any]) -> KillSwitchEventOut:
        body = request if isinstance(request, ActivateIn) else ActivateIn.from_dict(request)
        return self.call(activate_kill_switch, body=body)


class AsyncBulwark(_Base):
    """An asyncio client: `async with AsyncBulwark(url, api_key="...") as bulwark: ...`."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        token: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(base_url, api_key=api_key, token=token, timeout=timeout, retry=retry)
        self.http = httpx.AsyncClient(
            base_url=self.base_url,
            headers=self._auth,
            timeout=timeout,
            transport=AsyncRetryingTransport(httpx.AsyncHTTPTransport(), self._retry),
        )
        self.client = Client(base_url=self.base_url).set_async_httpx_client(self.http)

    async def __aenter__(self) -> AsyncBulwark:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.http.aclose()

    async def call(self, operation: AsyncOperation[T | Problem], *args: Any, **kwargs: Any) -> T:
        """Runs a generated operation: its parsed answer, or its problem raised."""
        result: T = _parsed(await operation.asyncio_detailed(*args, client=self.client, **kwargs))
        return result

    async def place_order(
        self, order: OrderIn | dict[str, Any], *, idempotency_key: str | None = None
    ) -> OrderPlaced:
        """Bulwark.place_order, awaited."""
        key = idempotency_key or new_idempotency_key()
        return await self.call(place_order, body=_order(order), idempotency_key=key)

    async def get_order(self, order_id: str) -> OrderOut:
        return await self.call(get_order, order_id)

    async def cancel_order(self, order_id: str) -> OrderOut:
        return await self.call(cancel_order, order_id)

    async def list_orders(self, account_id: str | None = None, **filters: Any) -> OrderPageOut:
        return await self.call(list_orders, account_id=account_id or UNSET, **filters)

    async def list_positions(self, account_id: str) -> PositionListOut:
        return await self.call(list_positions, account_id)

    async def activate_kill_switch(
        self, request: ActivateIn | dict[str, Any]
    ) -> KillSwitchEventOut:
        body = request if isinstance(request, ActivateIn) else ActivateIn.from_dict(request)
        return await self.call(activate_kill_switch, body=body)
