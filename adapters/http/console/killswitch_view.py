"""What the kill-switch page shows: the scopes a caller may pull, what a halt would cancel, and
the phases of an activation with their times.

The page calls the same application services as /api/v1/kill-switch; this module only shapes
their answers for the templates (and counts open orders for the confirmation step, so the
person pulling the switch reads what it will do before it does it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from litestar.exceptions import ValidationException

from adapters.http.trading import TradingServices
from application.trading.accounts import MAX_PAGE, OrderQuery
from domain.errors import DomainError, Forbidden, NotFound
from domain.killswitch.state import Scope, ScopeKind, TradingState
from domain.killswitch.switch import KillSwitchEvent, ScopeState
from domain.principals import Principal
from domain.trading.orders import OPEN_STATUSES


class ConfirmationRequired(DomainError):
    """The activation was sent without its confirmation step (the page always shows one)."""

    code = "CONFIRMATION_REQUIRED"


@dataclass(frozen=True, slots=True)
class ScopeOption:
    """One choice of the scope <select>: `value` is the scope key the form posts."""

    value: str
    label: str


@dataclass(frozen=True, slots=True)
class HaltPreview:
    """What the confirmation step says before the command is sent."""

    scope: Scope
    question: str
    open_orders: int
    more: bool  # the count stopped at a page's worth: "at least"


@dataclass(frozen=True, slots=True)
class Phase:
    """One step of the live sequence: done or not, its time in ms since the command."""

    key: str
    label: str
    done: bool
    ms: float | None = None
    failed: bool = False


def parse_scope(value: str) -> Scope:
    """A scope key from a form ("global", "account:ID", "agent:ID"); 400 for anything else."""
    try:
        return Scope.parse(value.strip() or "?")
    except ValueError as exc:
        raise ValidationException(f"unknown scope {value!r}") from exc


def scope_label(scope: Scope) -> str:
    if scope.kind is ScopeKind.GLOBAL:
        return "ALL trading (global)"
    return f"{scope.kind.value} {scope.id}"


async def scope_options(
    trading: TradingServices, principal: Principal, desk: bool, books: Any | None = None
) -> list[ScopeOption]:
    """Global for the desk, then every book, account and agent the caller may act on (`books`:
    the books context's bundle, where this app serves it)."""
    options = [ScopeOption(Scope.global_().key, "Global: ALL trading")] if desk else []
    if books is not None:
        owned = await books.service.list(principal)
        options += [ScopeOption(Scope.book(b.id).key, f"Book {b.name} ({b.id})") for b in owned]
    accounts = await trading.accounts.list_accounts(principal)
    options += [ScopeOption(Scope.account(a.id).key, f"Account {a.id}") for a in accounts]
    agents = await trading.agents.status_all(principal)
    options += [ScopeOption(Scope.agent(a.agent_id).key, f"Agent {a.agent_id}") for a in agents]
    return options


async def preview(
    trading: TradingServices,
    principal: Principal,
    scope: Scope,
    desk: bool,
    books: Any | None = None,
) -> HaltPreview:
    """Count what a halt of `scope` cancels; another owner's account, agent or book is
    NotFound."""
    if scope.kind is ScopeKind.BOOK:
        if books is None:
            raise NotFound(f"book {scope.id} not found")
        standing = await books.service.show(principal, scope.id)
        members = set(standing.book.members)
        accounts = await trading.accounts.list_accounts(principal)
        count = sum(a.open_orders for a in accounts if a.id in members)
        question = f"Halt book {standing.book.name}: {len(members)} accounts at their venues?"
        return HaltPreview(scope, question, count, more=False)
    if scope.kind is ScopeKind.GLOBAL:
        if not desk:
            raise Forbidden("only a risk officer or an admin can halt everything")
        accounts = await trading.accounts.list_accounts(principal)
        count = sum(a.open_orders for a in accounts)
        return HaltPreview(scope, "Halt ALL trading?", count, more=False)
    if scope.kind is ScopeKind.ACCOUNT:
        account = await trading.accounts.account(principal, scope.id)
        question = f"Halt trading on account {scope.id}?"
        return HaltPreview(scope, question, account.open_orders, more=False)
    await trading.agents.status(principal, scope.id)  # NotFound unless the caller's
    page = await trading.accounts.orders(
        principal,
        OrderQuery(status=OPEN_STATUSES, origin_id=scope.id, limit=MAX_PAGE),
    )
    question = f"Halt agent {scope.id}?"
    return HaltPreview(scope, question, len(page.items), more=page.next_cursor is not None)


def _ms(at: datetime | None, start: datetime) -> float | None:
    return None if at is None else (at - start).total_seconds() * 1e3


def phases(event: KillSwitchEvent) -> list[Phase]:
    """halted -> broadcast -> cancels sent (n) -> broker-confirmed, in ms since the command."""
    start = event.triggered_at
    requested = sum(b.cancel_requested for b in event.brokers)
    sent_at = _ms(event.cancel_sent_at, start)
    confirmed = Phase(
        "confirmed",
        "Broker-confirmed: no open orders left",
        done=event.broker_confirmed,
        ms=_ms(event.confirmed_at, start),
    )
    if not event.broker_confirmed:
        brokers = ", ".join(event.unconfirmed_brokers) or "a broker"
        confirmed = Phase(
            "confirmed",
            f"UNCONFIRMED: {brokers} did not confirm in time",
            done=False,
            failed=True,
        )
    return [
        Phase("halted", "Halted: nothing new leaves", True, _ms(event.halted_at, start)),
        Phase("broadcast", "Halt broadcast", True, _ms(event.broadcast_at, start)),
        Phase(
            "cancels",
            f"Cancels sent ({requested})" if sent_at is not None else "No account to cancel at",
            True,
            sent_at,
        ),
        confirmed,
    ]


def resumable(states: list[ScopeState]) -> list[ScopeState]:
    """Scopes that are halted or reducing: what the resume form offers."""
    return [s for s in states if s.state is not TradingState.ACTIVE]
