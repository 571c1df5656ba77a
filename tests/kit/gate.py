"""Builders for pre-trade gate tests: accounts, instruments, marks, views, orders, rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from domain.killswitch.state import TradingState
from domain.risk.flow import OrderFlow
from domain.risk.gate import Policy, compile_policy
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.risk.verdicts import Decision, Verdict
from domain.risk.view import AccountRiskView, build_risk_view
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderStatus, OrderType, Origin, OriginKind, Side
from domain.trading.positions import Position

D = Decimal
Num = str | int | Decimal

# Wednesday 2024-07-10 10:00 in New York (EDT, UTC-4): inside default trading hours.
NOW = datetime(2024, 7, 10, 14, 0, tzinfo=UTC)
NOW_TS = NOW.timestamp()
ACCOUNT_ID = "acc-1"
OWNER_ID = "owner-1"
USER = Origin(OriginKind.USER, OWNER_ID)
BUY, SELL = Side.BUY, Side.SELL


def strategy(strategy_id: str) -> Origin:
    return Origin(OriginKind.STRATEGY, strategy_id)


def agent(agent_id: str) -> Origin:
    return Origin(OriginKind.AGENT, agent_id)


def instrument(
    symbol: str, *, sector: str = "TECH", lot: Num = 1, tick: Num = "0.01", mult: Num = 1
) -> Instrument:
    return Instrument(symbol, sector=sector, lot_size=D(lot), tick_size=D(tick), multiplier=D(mult))


def instruments(*extra: Instrument) -> dict[str, Instrument]:
    """AAPL and MSFT (TECH), XOM (ENERGY), GME (RETAIL), all lot 1 tick 0.01; plus `extra`."""
    universe = {
        "AAPL": instrument("AAPL"),
        "MSFT": instrument("MSFT"),
        "XOM": instrument("XOM", sector="ENERGY"),
        "GME": instrument("GME", sector="RETAIL"),
    }
    universe.update({i.symbol: i for i in extra})
    return universe


def marks(**prices: Num) -> dict[str, Decimal]:
    """Default marks AAPL 100, MSFT 200, XOM 50, GME 20, overridden by `prices`."""
    result = {"AAPL": D(100), "MSFT": D(200), "XOM": D(50), "GME": D(20)}
    result.update({symbol: D(price) for symbol, price in prices.items()})
    return result


def order(
    symbol: str,
    side: Side,
    quantity: Num,
    *,
    limit: Num | None = None,
    stop: Num | None = None,
    origin: Origin = USER,
    reduce_only: bool = False,
    order_id: str = "new-1",
) -> Order:
    """A NEW order; its type follows from the prices given (none: MARKET)."""
    return Order(
        id=order_id,
        client_order_id=f"client-{order_id}",
        account_id=ACCOUNT_ID,
        symbol=symbol,
        side=side,
        quantity=D(quantity),
        origin=origin,
        order_type=_order_type(limit, stop),
        limit_price=None if limit is None else D(limit),
        stop_price=None if stop is None else D(stop),
        reduce_only=reduce_only,
    )


def resting(
    symbol: str,
    side: Side,
    quantity: Num,
    *,
    limit: Num | None = None,
    stop: Num | None = None,
    order_id: str = "open-1",
    origin: Origin = USER,
) -> Order:
    """An order already accepted by the broker and resting (status ACCEPTED)."""
    resting_order = order(
        symbol, side, quantity, limit=limit, stop=stop, origin=origin, order_id=order_id
    )
    resting_order.status = OrderStatus.ACCEPTED
    return resting_order


def account(
    cash: Num = 100_000,
    *positions: tuple[str, Num],
    open_orders: Iterable[Order] = (),
    start_of_day: Num = 0,
    peak: Num = 0,
    account_id: str = ACCOUNT_ID,
) -> Account:
    """An account with `cash`, (symbol, signed quantity) positions and resting orders."""
    held = {symbol: Position(symbol, D(qty), average_price=D(100)) for symbol, qty in positions}
    by_id: dict[str, Order] = {}
    for resting_order in open_orders:
        if resting_order.id in by_id:
            raise ValueError(f"duplicate open order id {resting_order.id}")
        by_id[resting_order.id] = resting_order
    return Account(
        id=account_id,
        owner_id=OWNER_ID,
        cash=D(cash),
        positions=held,
        open_orders=by_id,
        start_of_day_equity=D(start_of_day),
        peak_equity=D(peak),
    )


def view(
    acct: Account,
    prices: Mapping[str, Decimal] | None = None,
    *,
    universe: Mapping[str, Instrument] | None = None,
    state: TradingState | None = TradingState.ACTIVE,
    now: datetime = NOW,
    flow: OrderFlow | None = None,
    initial_rate: Callable[[Instrument], Decimal] | None = None,
) -> AccountRiskView:
    """build_risk_view at a fixed aware UTC `now` (default NOW) and the default marks."""
    return build_risk_view(
        acct,
        instruments() if universe is None else universe,
        marks() if prices is None else prices,
        now=now,
        trading_state=state,
        flow=flow,
        initial_rate=initial_rate,
    )


def rule(
    rule_type: RuleType,
    params: Mapping[str, Any] | None = None,
    *,
    action: Action = Action.BLOCK,
    scope: RuleScope = RuleScope.ACCOUNT,
    rule_id: str = "r-1",
    owner_id: str = OWNER_ID,
    account_id: str | None = None,
    strategy_id: str | None = None,
    agent_id: str | None = None,
    is_active: bool = True,
) -> RiskRule:
    return RiskRule(
        id=rule_id,
        owner_id=owner_id,
        rule_type=rule_type,
        params={} if params is None else dict(params),
        scope=scope,
        action=action,
        is_active=is_active,
        strategy_id=strategy_id,
        agent_id=agent_id,
        account_id=account_id,
    )


def policy(*rules: RiskRule, with_defaults: bool = False) -> Policy:
    """The policy of ACCOUNT_ID; without the default controls unless asked."""
    return compile_policy(ACCOUNT_ID, OWNER_ID, rules, with_defaults=with_defaults)


def decide(
    new_order: Order, risk_view: AccountRiskView, *rules: RiskRule, with_defaults: bool = False
) -> Decision:
    return policy(*rules, with_defaults=with_defaults).evaluate(new_order, risk_view)


def verdict(decision: Decision, control: str) -> Verdict:
    """The single verdict of the control named `control`."""
    found = [v for v in decision.verdicts if v.control == control]
    if len(found) != 1:
        raise AssertionError(f"{len(found)} verdicts of {control}: {decision.verdicts}")
    return found[0]


def controls(decision: Decision) -> list[str]:
    return [v.control for v in decision.verdicts]


def _order_type(limit: Num | None, stop: Num | None) -> OrderType:
    if limit is not None and stop is not None:
        return OrderType.STOP_LIMIT
    if limit is not None:
        return OrderType.LIMIT
    if stop is not None:
        return OrderType.STOP
    return OrderType.MARKET
