"""Kill-switch DTOs: scopes, activation and resume requests, events and trading states."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output
from adapters.http.wire_format import AnalyticOut
from domain.killswitch.state import Scope, ScopeKind, TradingState
from domain.killswitch.switch import BrokerOutcome, KillSwitchEvent, ScopeState, UnconfirmedOrder

Passcode = Annotated[str, msgspec.Meta(min_length=1, max_length=256)]
ScopeId = Annotated[str, msgspec.Meta(min_length=1, max_length=128, pattern=r"^[^*\s]+$")]


class GlobalScopeIn(Input, tag_field="kind", tag="global"):
    """Everything: every account at every broker (`id`, when sent, is "*")."""

    id: Literal["*"] | None = None

    def to_domain(self) -> Scope:
        return Scope.global_()


class AccountScopeIn(Input, tag_field="kind", tag="account"):
    """One account."""

    id: ScopeId

    def to_domain(self) -> Scope:
        return Scope.account(self.id)


class AgentScopeIn(Input, tag_field="kind", tag="agent"):
    """One agent's orders, on whatever accounts it trades."""

    id: ScopeId

    def to_domain(self) -> Scope:
        return Scope.agent(self.id)


class BookScopeIn(Input, tag_field="kind", tag="book"):
    """One book: every member account, at every venue (an account added later too)."""

    id: ScopeId

    def to_domain(self) -> Scope:
        return Scope.book(self.id)


ScopeIn = GlobalScopeIn | AccountScopeIn | AgentScopeIn | BookScopeIn


class ActivateIn(Input):
    """Pull the switch: the caller's passcode, the scope, and whether to close positions too."""

    passcode: Passcode
    scope: ScopeIn
    flatten: bool = False
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500)] | None = None


class AgentHaltIn(Input):
    """An agent halts itself (no scope, or its own agent scope) or an account granted to it."""

    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    scope: AccountScopeIn | AgentScopeIn | None = None
    flatten: bool = False


class PasscodeChangeIn(Input):
    """A new kill-switch passcode (6 characters or more); `current_passcode` when one is set."""

    passcode: Passcode
    current_passcode: Passcode | None = None


class ResumeIn(Input):
    """Resume a halted scope; with four-eyes on, a risk officer approves with their passcode."""

    passcode: Passcode
    scope: ScopeIn
    approver_username: Annotated[str, msgspec.Meta(min_length=1, max_length=128)] | None = None
    approver_passcode: Passcode | None = None
    to_state: Literal["active", "reducing"] = "active"


class ScopeOut(Mirror[Scope]):
    kind: ScopeKind
    id: str
    key: str


class BrokerOutcomeOut(Output):
    """What one broker did: cancels asked and acknowledged, and what its order list still shows."""

    broker: str
    accounts: list[str]
    cancel_requested: int
    cancel_acknowledged: int
    remaining_open: int
    confirmed: bool
    attempts: int
    closing_orders: int
    errors: list[str]
    # With flatten: true only when the venue, asked again, showed no working order and no
    # position (null: not flattened); the closes still working; what is still held.
    flat: bool | None = None
    closing_open: int = 0
    positions_remaining: list[str] = msgspec.field(default_factory=list)

    @classmethod
    def from_domain(cls, outcome: BrokerOutcome) -> BrokerOutcomeOut:
        return cls.from_attributes(
            outcome,
            accounts=list(outcome.accounts),
            errors=list(outcome.errors),
            positions_remaining=list(outcome.positions_remaining),
        )


class UnconfirmedOrderOut(Mirror[UnconfirmedOrder]):
    """An order the store holds open that its broker did not confirm closed (in doubt)."""

    order_id: str
    account_id: str
    broker: str
    reason: str


class KillSwitchEventOut(Output):
    """One activation; `broker_confirmed` only when every broker's open orders came back empty
    and every order the store held open for the scope was accounted for at its broker."""

    id: str
    triggered_by: str
    trigger: str
    scope: ScopeOut
    reason: str
    flatten: bool
    orders_cancelled: int
    broker_confirmed: bool
    unconfirmed_brokers: list[str]
    brokers: list[BrokerOutcomeOut]
    triggered_at: datetime
    halted_at: datetime
    broadcast_at: datetime
    elapsed_ms: AnalyticOut
    cancel_sent_at: datetime | None = None
    confirmed_at: datetime | None = None
    unconfirmed_orders: list[UnconfirmedOrderOut] = msgspec.field(default_factory=list)
    # Done while the store was unreachable: halted in the process that answered and cancelled
    # at the brokers of the accounts it remembered; HALTED and this record stored afterwards.
    store_unavailable: bool = False
    # Orders held for a person's approval in the scope that the activation rejected
    # (TRADING_HALTED: canceled, never sent; none can be approved after a resume).
    held_rejected: int = 0

    @classmethod
    def from_domain(cls, event: KillSwitchEvent) -> KillSwitchEventOut:
        return cls.from_attributes(
            event,
            triggered_by=event.user_id,
            trigger=event.trigger_type.value,
            scope=ScopeOut.from_domain(event.scope),
            unconfirmed_brokers=list(event.unconfirmed_brokers),
            brokers=[BrokerOutcomeOut.from_domain(b) for b in event.brokers],
            elapsed_ms=round(event.elapsed_ms, 3),
            unconfirmed_orders=[
                UnconfirmedOrderOut.from_domain(o) for o in event.unconfirmed_orders
            ],
        )


class KillSwitchEventsOut(ItemsOut):
    items: list[KillSwitchEventOut]


class ScopeStateOut(Output):
    """The trading state of one scope and who changed it last, why and when."""

    scope: ScopeOut
    state: TradingState
    reason: str
    changed_by: str
    changed_at: datetime | None = None

    @classmethod
    def from_domain(cls, state: ScopeState) -> ScopeStateOut:
        return cls.from_attributes(state, scope=ScopeOut.from_domain(state.scope))


class KillSwitchStatusOut(Output):
    scopes: list[ScopeStateOut]
