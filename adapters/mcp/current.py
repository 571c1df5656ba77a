"""The gateway of the MCP message being handled: the caller's credentials, set by the server's
middleware for the message's lifetime and read by the tools and resources."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from adapters.mcp.gateway import BulwarkGateway

_GATEWAY: ContextVar[BulwarkGateway] = ContextVar("bulwark_mcp_gateway")


@contextmanager
def serving(gateway: BulwarkGateway) -> Iterator[None]:
    """`gateway` is the current one inside the block."""
    token = _GATEWAY.set(gateway)
    try:
        yield
    finally:
        _GATEWAY.reset(token)


def bulwark() -> BulwarkGateway:
    """The gateway of the message being handled."""
    return _GATEWAY.get()
