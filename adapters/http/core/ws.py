"""`/ws/events`: authenticated live stream of kill-switch, risk, order, heartbeat, margin events."""

from __future__ import annotations

import asyncio
from typing import Any

import msgspec
from litestar import WebSocket, websocket
from litestar.exceptions import NotAuthorizedException

from adapters.http.console.session import console_credential
from adapters.http.core import core_of
from adapters.http.deps import HttpConfigDep
from adapters.http.events import CATEGORIES, Audience, Subscription
from adapters.http.limits import json_limits
from adapters.http.security import authenticate, credentials, edge_of
from adapters.http.sockets import (
    CLOSE_UNAUTHENTICATED,
    BadMessage,
    close_socket,
    read_message,
    until_one_ends,
)
from adapters.wire.json_limits import JsonLimits

CLOSE_TOO_SLOW = 4408  # the client did not read fast enough; reconnect and read faster
CLOSE_BAD_MESSAGE = 4400


class SubscribeMessage(msgspec.Struct, forbid_unknown_fields=True):
    """A client's request to change its filters."""

    action: str
    types: list[str] = msgspec.field(default_factory=list)
    accounts: list[str] = msgspec.field(default_factory=list)


_decode_subscribe = msgspec.json.Decoder(SubscribeMessage).decode
_encode = msgspec.json.Encoder().encode


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


async def _audience(socket: WebSocket[Any, Any, Any]) -> Audience:
    # A token or API key (query or header), else the console's session cookie from its pages.
    credential = credentials(socket, allow_query=True) or console_credential(socket)
    caller = await authenticate(edge_of(socket), credential)
    seen = await core_of(socket).accounts.visibility(caller.principal)
    if seen is None:
        return Audience(caller.principal)
    return Audience(caller.principal, seen.account_ids, seen.agent_ids)


@websocket(
    "/ws/events",
    summary="Live events: ?token=<access token or API key>&types=kill_switch,order&accounts=a1",
    exclude_from_auth=True,
)
async def events_socket(socket: WebSocket[Any, Any, Any], http_config: HttpConfigDep) -> None:
    await socket.accept()
    try:
        audience = await _audience(socket)
    except NotAuthorizedException:
        await socket.close(code=CLOSE_UNAUTHENTICATED, reason="unauthenticated")
        return
    hub = core_of(socket).events
    types = _split(socket.query_params.get("types"))
    sub = hub.subscribe(audience, types, _split(socket.query_params.get("accounts")))
    try:
        await socket.send_text(_welcome(audience, sub))
        await _serve(socket, sub, http_config.ws_ping_seconds, json_limits(http_config))
    finally:
        hub.unsubscribe(sub)


def _welcome(audience: Audience, sub: Subscription) -> str:
    return _encode(
        {
            "type": "welcome",
            "principal": audience.principal.id,
            "role": audience.principal.role.value,
            "categories": list(CATEGORIES),
            "types": sorted(sub.types),
            "accounts": sorted(sub.accounts),
        }
    ).decode()


async def _serve(
    socket: WebSocket[Any, Any, Any], sub: Subscription, ping_seconds: float, limits: JsonLimits
) -> None:
    tasks = {
        asyncio.create_task(_send_loop(socket, sub)),
        asyncio.create_task(_receive_loop(socket, sub, limits)),
        asyncio.create_task(_ping_loop(socket, ping_seconds)),
        asyncio.create_task(sub.overflowed.wait()),
    }
    done = await until_one_ends(tasks)
    if sub.overflowed.is_set():
        await close_socket(socket, CLOSE_TOO_SLOW, "too slow: events were dropped")
        return
    for task in done:
        error = task.exception() if not task.cancelled() else None
        if isinstance(error, BadMessage):
            await close_socket(socket, CLOSE_BAD_MESSAGE, str(error)[:120])


async def _send_loop(socket: WebSocket[Any, Any, Any], sub: Subscription) -> None:
    while True:
        frame = await sub.queue.get()
        await socket.send_text(frame.decode())


async def _receive_loop(
    socket: WebSocket[Any, Any, Any], sub: Subscription, limits: JsonLimits
) -> None:
    while True:
        message = read_message(await socket.receive_text(), limits, _decode_subscribe)
        if message.action == "pong":
            continue
        if message.action != "subscribe":
            raise BadMessage(f"unknown action {message.action!r}")
        sub.refilter(message.types, message.accounts)
        await socket.send_text(
            _encode(
                {"type": "subscribed", "types": sorted(sub.types), "accounts": sorted(sub.accounts)}
            ).decode()
        )


async def _ping_loop(socket: WebSocket[Any, Any, Any], seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        await socket.send_text('{"type":"ping"}')
