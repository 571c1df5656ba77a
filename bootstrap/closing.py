"""Closing adapters at shutdown: every one is asked, one failing does not stop the rest."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Protocol

import structlog

_log = structlog.get_logger("bulwark.closing")


class _AsyncClosable(Protocol):
    async def aclose(self) -> None: ...


async def close_quietly(adapters: Iterable[object]) -> None:
    """Call each adapter's `aclose()` (or `close()`), awaiting it when it is a coroutine."""
    for adapter in adapters:
        close = getattr(adapter, "aclose", None) or getattr(adapter, "close", None)
        if close is None:
            continue
        try:
            result = close()
            if inspect.isawaitable(result):
                await result
        except Exception as exc:  # shutdown goes on; the failure is logged, not raised
            _log.warning("adapter_close_failed", adapter=type(adapter).__name__, error=str(exc))
        else:
            _log.debug("adapter_closed", adapter=getattr(adapter, "name", type(adapter).__name__))


async def client_lifetime(client: Callable[[], _AsyncClosable | None]) -> AsyncIterator[None]:
    """A container resource that closes a source's HTTP client (None: it has none) at stop."""
    try:
        yield
    finally:
        made = client()
        if made is not None:
            await made.aclose()
