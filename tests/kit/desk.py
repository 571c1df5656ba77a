"""Builders for use-case tests: principals, order commands, rules and fake-clock access."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from adapters.memory.clock import FakeClock
from application.safety.killswitch import ActivateKillSwitch, ResumeTrading
from application.trading.orders import SubmitOrder
from bootstrap.embedded import Embedded, build_embedded
from domain.agents.heartbeat import Agent
from domain.killswitch.state import Scope, TradingState
from domain.principals import Principal, Role
from domain.risk.reasons import Action
from domain.risk.rules import RiskRule, RuleType
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side

D = Decimal
Num = str | int | Decimal

SYMBOL = "AAPL"
BID, ASK = D("99.90"), D("100.10")  # mid, the gate's reference price: 100.00
CASH = D("1000000")
PASSCODE = "correct-horse"
WRONG = "wrong-horse"

ACCOUNT = "acc-1"  # owned by OWNER
OTHER_ACCOUNT = "acc-2"  # owned by STRANGER
OWNER = Principal("u-1", Role.TRADER)
STRANGER = Principal("u-2", Role.TRADER)
OFFICER = Principal("ro-1", Role.RISK_OFFICER)
SECOND_OFFICER = Principal("ro-2", Role.RISK_OFFICER)
AGENT_ID = "agent-1"
AGENT = Principal(AGENT_ID, Role.AGENT)
USER_ORIGIN = Origin(OriginKind.USER, OWNER.id)
AGENT_ORIGIN = Origin(OriginKind.AGENT, AGENT_ID)
BUY, SELL = Side.BUY, Side.SELL


def market(
    side: Side,
    quantity: Num,
    *,
    principal: Principal = OWNER,
    account_id: str = ACCOUNT,
    origin: Origin = USER_ORIGIN,
    **extra: Any,
) -> SubmitOrder:
    """A market order on AAPL; `extra` goes to SubmitOrder (keys, client ids, reduce_only)."""
    return SubmitOrder(principal, account_id, SYMBOL, side, D(quantity), origin, **extra)


def limit(
    side: Side,
    quantity: Num,
    price: Num,
    *,
    principal: Principal = OWNER,
    account_id: str = ACCOUNT,
    origin: Origin = USER_ORIGIN,
    **extra: Any,
) -> SubmitOrder:
    """A DAY limit order on AAPL; a buy below the ask (or a sell above the bid) rests."""
    return SubmitOrder(
        principal,
        account_id,
        SYMBOL,
        side,
        D(quantity),
        origin,
        order_type=OrderType.LIMIT,
        limit_price=D(price),
        **extra,
    )


async def seed(e: Embedded) -> Embedded:
    """AAPL at 99.90 / 100.10; ACCOUNT (OWNER's) and OTHER_ACCOUNT (STRANGER's) with CASH."""
    await e.add_instrument(Instrument(SYMBOL), (BID + ASK) / 2)
    e.market.set_quote(SYMBOL, BID, ASK)
    await e.open_account(ACCOUNT, OWNER.id, CASH)
    await e.open_account(OTHER_ACCOUNT, STRANGER.id, CASH)
    return e


@pytest.fixture(name="e")
async def seeded_desk() -> Embedded:
    """A fresh embedded Bulwark per test, seeded by `seed`."""
    return await seed(build_embedded())


def fake_clock(e: Embedded) -> FakeClock:
    assert isinstance(e.clock, FakeClock)
    return e.clock


async def add_rule(
    e: Embedded,
    rule_type: RuleType,
    params: dict[str, Any],
    *,
    action: Action = Action.BLOCK,
    rule_id: str = "rule-1",
) -> None:
    """Store a rule of OWNER's (all of OWNER's accounts) and drop the compiled policies."""
    async with e.uow() as u:
        await u.risk_rules.add(RiskRule(rule_id, OWNER.id, rule_type, params, action=action))
        await u.commit()
    e.policies.invalidate()


async def add_agent(e: Embedded, *account_ids: str) -> None:
    """Register AGENT_ID, owned by OWNER, trading on `account_ids`."""
    async with e.uow() as u:
        await u.agents.add(Agent(AGENT_ID, OWNER.id, account_ids=account_ids))
        await u.commit()


async def set_passcodes(e: Embedded, *principals: Principal) -> None:
    for principal in principals:
        await e.killswitch.set_passcode(principal, PASSCODE)


def halt(
    scope: Scope,
    *,
    principal: Principal = OWNER,
    passcode: str = PASSCODE,
    flatten: bool = False,
) -> ActivateKillSwitch:
    return ActivateKillSwitch(principal, passcode, scope, flatten=flatten)


def resume(
    scope: Scope,
    *,
    principal: Principal = OWNER,
    approver: Principal | None = OFFICER,
    approver_passcode: str | None = PASSCODE,
    to_state: TradingState = TradingState.ACTIVE,
) -> ResumeTrading:
    return ResumeTrading(
        principal,
        PASSCODE,
        scope,
        approver=approver,
        approver_passcode=approver_passcode,
        to_state=to_state,
    )


async def stored_in_doubt(
    e: Embedded,
    order_id: str = "o-doubt-1",
    *,
    price: str | None = None,
    quantity: Num = 10,
    origin: Origin = USER_ORIGIN,
) -> Order:
    """An order decided and stored as PENDING_SUBMIT, as a process leaves it when it dies
    before booking its broker's answer (or before sending it at all)."""
    order = Order(
        id=order_id,
        client_order_id=f"c-{order_id}",
        account_id=ACCOUNT,
        symbol=SYMBOL,
        side=BUY,
        quantity=D(quantity),
        origin=origin,
        order_type=OrderType.MARKET if price is None else OrderType.LIMIT,
        limit_price=None if price is None else D(price),
        created_at=e.clock.now(),
    )
    order.mark_pending_submit()
    async with e.uow() as u:
        account = await u.accounts.get(ACCOUNT)
        assert account is not None
        account.track_order(order)
        await u.orders.add(order)
        await u.commit()
    return order


async def stored_order(e: Embedded, order_id: str) -> Order:
    """The order as the store holds it now."""
    async with e.uow() as u:
        order = await u.orders.get(order_id)
    assert order is not None
    return order


async def stored_account(e: Embedded, account_id: str = ACCOUNT) -> Account:
    """The account as the store holds it now."""
    async with e.uow() as u:
        account = await u.accounts.get(account_id)
    assert account is not None
    return account


async def open_orders_here(e: Embedded) -> list[str]:
    """The ids of ACCOUNT's open orders as the store holds them."""
    return list((await stored_account(e)).open_orders)
