"""`bulwark tour`: runs the embedded core end to end (no server) and prints what happens."""

from __future__ import annotations

from decimal import Decimal

from application.safety.killswitch import ActivateKillSwitch
from application.trading.orders import SubmitOrder
from application.trading.risk import RuleDraft
from bootstrap.embedded import build_embedded
from domain.killswitch.state import Scope
from domain.principals import Principal, Role
from domain.risk.rules import RuleType
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side

D = Decimal


async def tour() -> None:
    """A trader, a rule, an agent's orders, a denial, the kill switch and its confirmation."""
    e = build_embedded(fake_clock=False)
    owner = Principal("demo-owner", Role.OWNER)
    for symbol, sector, price in (
        ("AAPL", "Tech", 190),
        ("MSFT", "Tech", 410),
        ("XOM", "Energy", 110),
    ):
        await e.add_instrument(Instrument(symbol, sector=sector), D(price))
    await e.open_account("demo-account", owner.id, D(250_000))
    await e.killswitch.set_passcode(owner, "demo-passcode")
    await e.risk.create(owner, RuleDraft(RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 50_000}))
    agent = Origin(OriginKind.AGENT, "demo-agent")

    async def submit(
        symbol: str, qty: int, kind: OrderType = OrderType.MARKET, limit: int | None = None
    ) -> None:
        result = await e.orders.submit(
            SubmitOrder(
                owner,
                "demo-account",
                symbol,
                Side.BUY,
                D(qty),
                agent,
                kind,
                limit_price=D(limit) if limit else None,
            )
        )
        d = result.decision
        verdict = (
            "APPROVED"
            if d and d.approved
            else f"DENIED {[c.value for c in d.reasons]}"
            if d
            else "REPLAY"
        )
        print(
            f"  {symbol:5} buy {qty:>5} {kind.value:6} -> {verdict:40} "
            f"order {result.order.status.value}"
        )

    print("Orders through the pre-trade gate:")
    await submit("AAPL", 100)
    await submit("MSFT", 200)  # 82,000 notional > 50,000
    await submit("XOM", 150, OrderType.LIMIT, 100)  # rests below the market
    await submit("AAPL", 50, OrderType.LIMIT, 180)
    probe = Order("p", "p", "demo-account", "MSFT", Side.BUY, D(100), agent)
    analysis = await e.risk.analyze_trade(owner, "demo-account", probe)
    print(
        f"Pre-trade analysis of buying 100 MSFT: {analysis.assessment.rating.value} "
        f"({'; '.join(analysis.assessment.reasons)})"
    )
    print("Kill switch on the account:")
    event = await e.killswitch.activate(
        ActivateKillSwitch(owner, "demo-passcode", Scope.account("demo-account"), reason="demo")
    )
    print(
        f"  confirmed by broker: {event.broker_confirmed}, orders cancelled: "
        f"{event.orders_cancelled}, in {event.elapsed_ms:.2f} ms"
    )
    await submit("AAPL", 1)
