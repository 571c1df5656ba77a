"""Venue connections opened with short pacing, for tests whose venues are local simulators.

A connection's adapter keeps to its venue's documented spacing of requests: ccxt's limiter
(Kraken's: 1 s a request, 3 s a private one) and IBKR's pacing of its polled endpoints (5 s).
Against a simulator on this machine those waits are most of a served test's time and none of
what it asserts. `short_venue_pacing()` opens the connections of the block as bootstrap/
connections.py opens them, with that spacing shortened (the limiters still on): Kraken's to
Binance's own 50 ms, IBKR's polled endpoints to 0.1 s. The pacing itself is tested where it is
the subject (tests/integration/trading/brokers/test_ibkr_broker.py, the ccxt vendor tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import adapters.brokers.ccxt as ccxt_brokers
import adapters.brokers.ibkr as ibkr_brokers

# ccxt's limiter spacing (ms) for the exchanges whose own is slow; the others keep theirs.
CCXT_SPACING_MS = {"kraken": 50.0}
IBKR_PACING_S = {"orders": 0.1, "trades": 0.1}


def _ccxt(connect: Callable[..., Any]) -> Callable[..., Any]:
    def connected(exchange_id: str, *args: Any, **kwargs: Any) -> Any:
        if exchange_id in CCXT_SPACING_MS:
            kwargs.setdefault("rate_limit_ms", CCXT_SPACING_MS[exchange_id])
        return connect(exchange_id, *args, **kwargs)

    return connected


def _ibkr(connect: Callable[..., Any]) -> Callable[..., Any]:
    def connected(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("pacing", IBKR_PACING_S)
        return connect(*args, **kwargs)

    return connected


@contextmanager
def short_venue_pacing() -> Iterator[None]:
    """Within the block, venue connections open with short pacing (the module's docstring);
    as before once it ends."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ccxt_brokers, "connect_ccxt_broker", _ccxt(ccxt_brokers.connect_ccxt_broker))
        patch.setattr(ibkr_brokers, "connect_ibkr_broker", _ibkr(ibkr_brokers.connect_ibkr_broker))
        yield
