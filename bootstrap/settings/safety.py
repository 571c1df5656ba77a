"""Safety: the kill switch, its own lane and port, the agents' heartbeats."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Seconds, Section


class SafetySettings(Section, frozen=True, kw_only=True):
    """The kill switch, its lane and the agents' heartbeats."""

    env_prefix: ClassVar[str] = ""

    kill_switch_deadline_seconds: Seconds = 1.5
    # With flatten, each position is closed by a limit order no further than this fraction
    # from its reference price (application/safety/killswitch_closes.py).
    kill_switch_flatten_collar: Annotated[float, msgspec.Meta(gt=0, lt=1)] = 0.05
    # An approved order still without its broker's acknowledgement after this long is in
    # doubt, and is looked up at its broker (application/trading/in_doubt.py).
    in_doubt_grace_seconds: Seconds = 5.0
    # An order a HOLD rule held waits this long for a person's approval, then expires unsent
    # (application/trading/held_orders.py).
    order_hold_seconds: Seconds = 900.0
    # How many different people must approve a held order (2: four eyes; the first approval is
    # recorded and the order stays held until the second). One rejection rejects.
    held_orders_approvals: Annotated[int, msgspec.Meta(ge=1, le=5)] = 1
    four_eyes_resume: bool = True
    # The kill switch runs on a thread and event loop of its own (bootstrap/killswitch_lane.py)
    # and listens on a port of its own: BULWARK_PORT + 1 unless set; 0 picks a free port.
    kill_switch_lane: bool = True
    kill_switch_port: Annotated[int, msgspec.Meta(ge=0, le=65535)] | None = None
    heartbeat_threshold_seconds: Seconds = 5.0
    # The order path keeps the scopes' trading states at most this long (ms) between reads of
    # the store; a change made by another process is seen here within it, at once when the
    # cluster's broadcast (Redis) is live, and a halt made here binds at once (the latch).
    # 0: read the store for every batch (application/trading/trading_state_cache.py).
    # The risk rules' revision is kept the same way, and a rule write answers once this bound
    # has passed since its commit (docs/pre-trade-gate.md, "When a rule is in force").
    trading_state_cache_ms: Annotated[float, msgspec.Meta(ge=0, le=5_000)] = 250.0
    # Each venue connection's accounts are compared with their venue this often (positions
    # and working orders; application/reconciliation/service.py); 0 turns it off.
    reconcile_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 60.0
    # The execution throttle (MiFID II RTS 6 Art. 15; application/safety/execution_throttle.py):
    # `throttle_breaches` orders denied ORDER_RATE within `throttle_window_seconds`, counted per
    # agent, strategy or (a person's orders) account, disable it until a person re-enables it
    # (the kill switch, trigger `throttle`; a strategy is turned off). `throttle_duplicates`:
    # DUPLICATE_ORDER denials count as breaches too. `throttle` false: nothing is counted.
    throttle: bool = True
    throttle_breaches: Annotated[int, msgspec.Meta(ge=1, le=1_000)] = 3
    throttle_window_seconds: Seconds = 60.0
    throttle_duplicates: bool = False
