"""The kill switch's commands, its settings, and what it needs from the order service."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from application.trading.in_doubt import InDoubtReport
from domain.killswitch.state import Scope, TradingState
from domain.principals import Principal


class OrderSync(Protocol):
    """Books what a broker says of an account's orders (OrderService.sync), and resolves its
    orders in doubt (OrderService.resolve_in_doubt, application/trading/in_doubt.py)."""

    async def sync(self, account_id: str) -> int: ...

    async def resolve_in_doubt(
        self, account_id: str, only: frozenset[str] | None = None
    ) -> InDoubtReport: ...


@dataclass(frozen=True, slots=True)
class KillSwitchConfig:
    """Deadlines and policies of the kill switch (seconds)."""

    deadline: float = 1.5
    first_retry: float = 0.05
    backoff: float = 2.0
    lock_wait: float = 0.25  # at most this long for an account's broker sends in flight
    sync_grace: float = 0.25
    four_eyes: bool = True
    max_failures: int = 5
    lockout_minutes: int = 15
    # An order without its broker's acknowledgement for this long is in doubt (the setting
    # BULWARK_IN_DOUBT_GRACE_SECONDS): a younger one is a send on its way, refused by the latch.
    in_doubt_grace: float = 5.0
    # Records kept while the store was down are stored again this often (None: only when
    # the kill switch is next used).
    pending_retry: float | None = 2.0
    # With flatten, each close is a limit order no further than this fraction from the
    # position's reference price (BULWARK_KILL_SWITCH_FLATTEN_COLLAR); None: the broker's
    # own close-all (market orders). The kill switch needs reference prices for it.
    flatten_collar: Decimal | None = Decimal("0.05")


@dataclass(frozen=True, slots=True)
class ActivateKillSwitch:
    principal: Principal
    passcode: str
    scope: Scope
    flatten: bool = False
    reason: str = "manual activation"
    # A command message's id (Kafka): recorded with the halt, so a redelivery does nothing.
    message_id: str | None = None
    # When the request reached this process (Clock.monotonic): the deadline counts from here.
    received_at: float | None = None


@dataclass(frozen=True, slots=True)
class ResumeTrading:
    principal: Principal
    passcode: str
    scope: Scope
    approver: Principal | None = None
    approver_passcode: str | None = None
    to_state: TradingState = TradingState.ACTIVE
    # How a person names the approving colleague; resolved only after the caller's passcode.
    approver_username: str | None = None
    message_id: str | None = None
