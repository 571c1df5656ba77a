"""What the API's WebSockets (/ws/events, /ws/quotes) share: their loops run together until
one ends, and a close that gives up on a client that stopped reading."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec
from litestar import WebSocket
from litestar.exceptions import WebSocketDisconnect

from adapters.wire.json_limits import JsonLimitError, JsonLimits

CLOSE_UNAUTHENTICATED = 4401
CLOSE_TIMEOUT_S = 2.0
M = TypeVar("M")


class BadMessage(Exception):
    """A client's message the socket cannot take; its text says why."""


def read_message(raw: str, limits: JsonLimits, decode: Callable[[str], M]) -> M:
    """A client's message within `limits`, decoded; BadMessage (`bad message: ...`) else."""
    try:
        limits.check(raw)
        return decode(raw)
    except JsonLimitError as exc:
        raise BadMessage(f"bad message: {exc.code}") from None
    except msgspec.ValidationError as exc:
        raise BadMessage(f"bad message: {exc}") from None
    except msgspec.DecodeError:
        raise BadMessage("bad message: not JSON") from None


async def until_one_ends(tasks: set[asyncio.Task[Any]]) -> set[asyncio.Task[Any]]:
    """The tasks that ended first, once the others are cancelled and have ended too: a
    connection's loops (send, receive, ping) live and die together."""
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, Exception):
                await task
    return done


async def close_socket(socket: WebSocket[Any, Any, Any], code: int, reason: str) -> None:
    """Closes `socket` with `code`. A client that stopped reading can leave the close frame
    waiting on a full buffer: give up after a moment rather than hold the task forever."""
    with contextlib.suppress(Exception):
        await asyncio.wait_for(socket.close(code=code, reason=reason), CLOSE_TIMEOUT_S)
