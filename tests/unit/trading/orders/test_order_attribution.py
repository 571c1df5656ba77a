"""Every order attributed when placed (RTS 6 Art. 12): the algorithm and its version, the person
responsible and the client, for each kind of origin; the declared fields checked."""

from __future__ import annotations

import pytest

from bootstrap.embedded import Embedded
from domain.errors import NotFound
from domain.principals import Principal, Role
from domain.trading.attribution import (
    MAX_ALGORITHM,
    MAX_ALGORITHM_VERSION,
    Attribution,
    InvalidAttribution,
    check_declared,
)
from domain.trading.order_attribution import (
    APPROVED,
    DENIED,
    HELD,
    REDUCED,
    agent_of,
    attribute,
    gate_decision,
    strategy_of,
)
from domain.trading.orders import Channel, Order, Origin, OriginKind
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ID,
    AGENT_ORIGIN,
    BUY,
    OFFICER,
    OTHER_ACCOUNT,
    OWNER,
    STRANGER,
    D,
    add_agent,
    market,
    stored_order,
)

STRATEGY = Origin(OriginKind.STRATEGY, "strat-1", Channel.INTERNAL)


@pytest.mark.parametrize(
    ("origin", "declared", "expected"),
    [
        (Origin(OriginKind.USER, "u-1"), (None, None), (None, None)),
        (Origin(OriginKind.USER, "u-1"), ("my-bot", "1.2"), ("my-bot", "1.2")),
        (Origin(OriginKind.AGENT, "a-1"), (None, None), (None, None)),
        (Origin(OriginKind.AGENT, "a-1"), ("gpt-trader", "2026-11"), ("gpt-trader", "2026-11")),
        (STRATEGY, (None, None), ("strat-1", None)),
        (STRATEGY, ("strat-1", "7"), ("strat-1", "7")),
        (Origin(OriginKind.REBALANCE, "prop-1"), (None, None), ("rebalance", None)),
    ],
)
def test_the_algorithm_of_each_kind_of_origin(
    origin: Origin, declared: tuple[str | None, str | None], expected: tuple[str | None, ...]
) -> None:
    # Act
    made = attribute(origin, "u-9", "u-1", *declared)

    # Assert
    assert (made.algorithm, made.algorithm_version) == expected
    assert (made.responsible_id, made.client_id) == ("u-9", "u-1")


@pytest.mark.parametrize(
    ("algorithm", "version", "field"),
    [
        ("", None, "algorithm"),
        ("x" * (MAX_ALGORITHM + 1), None, "algorithm"),
        ("bot\nDROP", None, "algorithm"),
        ("bot\x00", None, "algorithm"),
        ("evil\u202etxt", None, "algorithm"),  # a bidi override reorders what people read
        (" bot", None, "algorithm"),
        ("bot", "", "algorithm_version"),
        ("bot", "1" * (MAX_ALGORITHM_VERSION + 1), "algorithm_version"),
        ("bot", "1.0\t", "algorithm_version"),
    ],
)
def test_a_declared_algorithm_out_of_shape_is_refused_naming_the_field(
    algorithm: str, version: str | None, field: str
) -> None:
    # Act
    with pytest.raises(InvalidAttribution) as refused:
        check_declared(algorithm, version)

    # Assert
    assert refused.value.field == field
    assert refused.value.code == "INVALID_ATTRIBUTION"


def test_printable_names_of_any_script_and_the_longest_allowed_pass() -> None:
    check_declared("modèle-é 株式 v2", "1" * MAX_ALGORITHM_VERSION)
    check_declared("x" * MAX_ALGORITHM, None)
    check_declared(None, None)


async def test_a_persons_order_names_them_and_the_accounts_owner(e: Embedded) -> None:
    # Act
    result = await e.orders.submit(market(BUY, 1))

    # Assert: stored as decided
    stored = await stored_order(e, result.order.id)
    assert stored.attribution == Attribution(OWNER.id, OWNER.id, None, None)


async def test_an_agents_order_names_the_agent_its_declared_model_and_its_owner(
    e: Embedded,
) -> None:
    # Arrange
    await add_agent(e, ACCOUNT)

    # Act
    result = await e.orders.submit(
        market(
            BUY, 1, principal=AGENT, origin=AGENT_ORIGIN,
            algorithm="momentum-llm", algorithm_version="2.3.1",
        )
    )  # fmt: skip

    # Assert
    stored = await stored_order(e, result.order.id)
    assert stored.attribution == Attribution(OWNER.id, OWNER.id, "momentum-llm", "2.3.1")
    assert agent_of(stored) == AGENT_ID and strategy_of(stored) is None


async def test_a_strategys_order_names_the_strategy_its_version_and_its_owner(
    e: Embedded,
) -> None:
    # Act: as the strategy processor sends it (application/strategies/strategy_processor.py)
    result = await e.orders.submit(
        market(
            BUY, 1, principal=Principal(OWNER.id, Role.OWNER), origin=STRATEGY,
            algorithm="strat-1", algorithm_version="4",
        )
    )  # fmt: skip

    # Assert
    stored = await stored_order(e, result.order.id)
    assert stored.attribution == Attribution(OWNER.id, OWNER.id, "strat-1", "4")
    assert strategy_of(stored) == "strat-1" and agent_of(stored) is None


async def test_a_risk_officers_order_on_someone_elses_account_names_both(e: Embedded) -> None:
    # Act
    result = await e.orders.submit(
        market(BUY, 1, principal=OFFICER, origin=Origin(OriginKind.USER, OFFICER.id))
    )

    # Assert: the officer answers for it; the client is the account's owner
    stored = await stored_order(e, result.order.id)
    assert stored.attribution == Attribution(OFFICER.id, OWNER.id, None, None)


async def test_an_order_with_a_bad_declared_version_is_refused_and_not_stored(
    e: Embedded,
) -> None:
    # Act
    with pytest.raises(InvalidAttribution) as refused:
        await e.orders.submit(market(BUY, 1, algorithm="bot", algorithm_version="1\r\n"))

    # Assert
    assert refused.value.field == "algorithm_version"
    async with e.uow() as uow:
        assert await uow.orders.list(ACCOUNT) == []


async def test_an_agent_not_granted_the_account_still_gets_not_found(e: Embedded) -> None:
    # Arrange: the agent trades ACCOUNT only
    await add_agent(e, ACCOUNT)

    # Act / Assert: who answers for the order is asked with the access check, as before
    with pytest.raises(NotFound):
        await e.orders.submit(
            market(BUY, 1, principal=AGENT, origin=AGENT_ORIGIN, account_id=OTHER_ACCOUNT)
        )
    with pytest.raises(NotFound):
        await e.orders.submit(market(BUY, 1, principal=STRANGER))


def _order(**kw: object) -> Order:
    fields: dict[str, object] = {
        "id": "o-1",
        "client_order_id": "c-1",
        "account_id": ACCOUNT,
        "symbol": "AAPL",
        "side": BUY,
        "quantity": D(10),
        "origin": Origin(OriginKind.USER, OWNER.id),
    }
    fields.update(kw)
    return Order(**fields)  # type: ignore[arg-type]


def test_the_gates_decision_read_from_a_stored_order() -> None:
    # Arrange
    approved = _order()
    approved.mark_pending_submit()
    reduced = _order()
    reduced.mark_pending_submit(D(4))
    denied = _order()
    denied.deny(("MAX_QTY",))
    held = _order()
    held.hold(("MAX_ORDER_NOTIONAL",))
    held_then_denied = _order()
    held_then_denied.hold(("MAX_ORDER_NOTIONAL",))
    held_then_denied.approve_held("ro-1")
    held_then_denied.deny(("TRADING_HALTED",))

    # Act
    decided = [gate_decision(o) for o in (approved, reduced, denied, held, held_then_denied)]

    # Assert
    assert decided == [APPROVED, REDUCED, DENIED, HELD, HELD]
