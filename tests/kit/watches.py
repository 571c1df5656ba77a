"""Builders for the watch and scheduler use-case tests: principals, holdings, services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from adapters.memory.clock import FakeClock
from application.safety.agents import AgentService, HeartbeatMonitor
from application.safety.killswitch import ResumeTrading
from application.safety.margin import MarginService, MarginWatch
from application.safety.succession import SuccessionScheduler, SuccessionService
from application.safety.triggers import LossLimitWatch
from application.trading.orders import OrderResult, SubmitOrder
from bootstrap.embedded import Embedded, build_embedded
from domain.killswitch.state import Scope, TradingState
from domain.principals import Principal, Role
from domain.risk.reasons import Action
from domain.risk.rules import RiskRule, RuleType
from domain.succession import EstateTaxSchedule
from domain.trading.instruments import Instrument
from domain.trading.orders import OrderType, Origin, OriginKind, Side
from domain.trading.positions import Position

D = Decimal

OWNER = Principal("u-1", Role.OWNER)
STRANGER = Principal("u-2", Role.OWNER)
OFFICER = Principal("ro-1", Role.RISK_OFFICER)
AGENT_ID = "agent-1"
AGENT = Principal(AGENT_ID, Role.AGENT)
ACCOUNT = "acc-1"  # OWNER's
OTHER_ACCOUNT = "acc-2"  # STRANGER's
PASSCODE = "correct-horse"
CASH = Decimal(100_000)


@pytest.fixture(name="e")
async def watch_desk() -> Embedded:
    """ACCOUNT (OWNER's) and OTHER_ACCOUNT (STRANGER's) each hold CASH and nothing else."""
    embedded = build_embedded()
    await embedded.add_instrument(Instrument("AAPL", sector="TECH"), Decimal(100))
    await embedded.add_instrument(Instrument("MSFT", sector="SOFTWARE"), Decimal(250))
    await embedded.open_account(ACCOUNT, OWNER.id, CASH)
    await embedded.open_account(OTHER_ACCOUNT, STRANGER.id, CASH)
    return embedded


def fake_clock(e: Embedded) -> FakeClock:
    assert isinstance(e.clock, FakeClock)
    return e.clock


async def hold(
    e: Embedded, account_id: str, symbol: str, quantity: Decimal, price: Decimal
) -> None:
    """Put a position bought at `price` on the account (cash pays for it) and at the broker."""
    async with e.uow() as uow:
        account = await uow.accounts.get(account_id)
        assert account is not None
        account.positions[symbol] = Position(symbol, quantity, price)
        account.touch(symbol)  # changed by hand, not through apply_fill: tell the risk book
        account.cash -= quantity * price
        await uow.commit()
    e.broker.seed_position(account_id, symbol, quantity, price)


async def place_limit(
    e: Embedded,
    side: Side,
    quantity: str,
    price: str,
    *,
    principal: Principal = OWNER,
    account_id: str = ACCOUNT,
    origin: Origin | None = None,
    symbol: str = "AAPL",
) -> OrderResult:
    """A DAY limit order through the gate; a buy below (or sell above) the market rests."""
    cmd = SubmitOrder(
        principal,
        account_id,
        symbol,
        side,
        D(quantity),
        origin or Origin(OriginKind.USER, principal.id),
        order_type=OrderType.LIMIT,
        limit_price=D(price),
    )
    return await e.orders.submit(cmd)


async def add_rule(
    e: Embedded,
    rule_type: RuleType,
    params: dict[str, Any],
    *,
    rule_id: str = "rule-1",
    owner: Principal = OWNER,
    action: Action = Action.BLOCK,
) -> None:
    async with e.uow() as uow:
        await uow.risk_rules.add(RiskRule(rule_id, owner.id, rule_type, params, action=action))
        await uow.commit()


async def state_of(e: Embedded, scope: Scope) -> TradingState:
    async with e.uow() as uow:
        state = await uow.trading_states.get(scope.key)
    return TradingState.ACTIVE if state is None else state.state


async def resume(e: Embedded, scope: Scope, to_state: TradingState = TradingState.ACTIVE) -> None:
    """OWNER resumes `scope` with OFFICER's four-eyes approval."""
    for principal in (OWNER, OFFICER):
        await e.killswitch.set_passcode(principal, PASSCODE)
    await e.killswitch.resume(
        ResumeTrading(OWNER, PASSCODE, scope, OFFICER, PASSCODE, to_state=to_state)
    )


def agents(e: Embedded) -> AgentService:
    return e.agents


def monitor(e: Embedded) -> HeartbeatMonitor:
    return e.heartbeat_monitor


def margin(e: Embedded) -> MarginService:
    return e.margin


def margin_watch(e: Embedded) -> MarginWatch:
    return e.margin_watch


def loss_watch(e: Embedded) -> LossLimitWatch:
    return e.loss_watch


def succession(e: Embedded) -> SuccessionService:
    return e.succession


def scheduler(e: Embedded, tax: EstateTaxSchedule | None = None) -> SuccessionScheduler:
    if tax is None:
        return e.succession_scheduler
    return SuccessionScheduler(
        e.uow, e.killswitch, e.market, e.bus, e.clock, e.audit, e.notifier, tax
    )
