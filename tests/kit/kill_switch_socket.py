"""A `/ws/events` client of a served app's kill-switch events: each state one scope changes
to, handed on as it arrives."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import websockets


@contextlib.asynccontextmanager
async def kill_switch_states(
    api: str, token: str, scope_key: str, on_state: Callable[[str], None]
) -> AsyncIterator[dict[str, Any]]:
    """Subscribes to the kill switch's events of the app at `api`; yields the socket's welcome
    message, and until the block ends calls `on_state` with each state `scope_key` changes
    to (TradingStateChanged), in arrival order."""
    url = f"{api.replace('http', 'ws', 1)}/ws/events?token={token}&types=kill_switch"
    async with websockets.connect(url) as ws:
        welcome: dict[str, Any] = json.loads(await ws.recv())

        async def read() -> None:
            async for frame in ws:
                message = json.loads(frame)
                data = message.get("data") or {}
                if message.get("event") == "TradingStateChanged" and (
                    data.get("scope_key") == scope_key
                ):
                    on_state(data["state"])

        reading = asyncio.create_task(read())
        try:
            yield welcome
        finally:
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError, websockets.ConnectionClosed):
                await reading
