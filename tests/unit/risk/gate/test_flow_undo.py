"""OrderFlow.undo: taking back the latest records leaves the flow as if they never happened."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.risk.flow import OrderFlow, Recorded, Signature
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side

HORIZON = 60.0
ORIGINS = (
    Origin(OriginKind.AGENT, "a"),
    Origin(OriginKind.AGENT, "b"),
    Origin(OriginKind.USER, "u"),
)
KEYS = ("account", *(f"{o.kind.value}:{o.id}" for o in ORIGINS))
PRICES = (None, Decimal("100"))
SIDES = (Side.BUY, Side.SELL)
QUANTITIES = (Decimal(1), Decimal(2))
SIGNATURES: tuple[Signature, ...] = tuple(
    (side, "AAPL", qty, price) for side in SIDES for qty in QUANTITIES for price in PRICES
)


@dataclass(frozen=True)
class Step:
    """One approved order, `dt` seconds after the previous one."""

    origin: Origin
    side: Side
    quantity: Decimal
    price: Decimal | None
    dt: float

    def order(self) -> Order:
        kind = OrderType.MARKET if self.price is None else OrderType.LIMIT
        return Order(
            "o",
            "c",
            "acc",
            "AAPL",
            self.side,
            self.quantity,
            self.origin,
            order_type=kind,
            limit_price=self.price,
        )


def steps(gaps: st.SearchStrategy[float], max_size: int = 25) -> st.SearchStrategy[list[Step]]:
    step = st.builds(
        Step,
        st.sampled_from(ORIGINS),
        st.sampled_from(SIDES),
        st.sampled_from(QUANTITIES),
        st.sampled_from(PRICES),
        gaps,
    )
    return st.lists(step, min_size=1, max_size=max_size)


# Gaps of at most 2 s over at most 25 steps: nothing ever leaves the 60 s horizon.
SHORT_GAPS = st.sampled_from([0.0, 0.0, 0.1, 0.5, 1.0, 2.0])
# Gaps that also jump past the horizon, so records prune what came before.
ANY_GAPS = st.sampled_from([0.0, 0.1, 1.0, 5.0, 30.0, 59.0, 61.0, 200.0])
T0 = 1_000_000.0


def timed(plan: list[Step]) -> list[tuple[Order, float]]:
    at, out = T0, []
    for step in plan:
        at += step.dt
        out.append((step.order(), at))
    return out


def answers(flow: OrderFlow, times: list[float]) -> tuple[object, ...]:
    """Everything a control can ask, at every edge that matters for these times."""
    sinces = sorted({T0 - 1.0, *times, *(t + 0.05 for t in times), *(t - 1.0 for t in times)})
    counts = tuple(flow.count_since(key, since) for key in KEYS for since in sinces)
    seen = tuple(flow.last_seen(signature) for signature in SIGNATURES)
    return counts, seen, flow.has_recent


def effective(flow: OrderFlow, now: float) -> tuple[object, ...]:
    """What the throttle and duplicate controls can see at `now`: the last `HORIZON` seconds.

    Entries older than the horizon (which a record may already have pruned) count for
    nothing: every window and duplicate period is at most the horizon.
    """
    sinces = [now - HORIZON + f * HORIZON for f in (0.0, 0.25, 0.5, 0.9, 0.99, 1.0)]
    counts = tuple(flow.count_since(key, since) for key in KEYS for since in sinces)
    seen = []
    for signature in SIGNATURES:
        at = flow.last_seen(signature)
        seen.append(at if at is not None and at >= now - HORIZON else None)
    return counts, tuple(seen)


def record_all(flow: OrderFlow, records: list[tuple[Order, float]]) -> list[Recorded]:
    return [flow.record(order, at) for order, at in records]


def undo_the_last(records: list[tuple[Order, float]], k: int) -> tuple[OrderFlow, OrderFlow]:
    """A flow that recorded every record and then undid the last k, newest first; and a
    reference flow that recorded only the records before them."""
    kept = records[: len(records) - k]
    undone_flow, reference = OrderFlow(HORIZON), OrderFlow(HORIZON)
    done = record_all(undone_flow, records)
    record_all(reference, kept)
    for entry in reversed(done[len(kept) :]):
        undone_flow.undo(entry)
    return undone_flow, reference


@given(plan=steps(SHORT_GAPS), data=st.data())
def test_undoing_the_last_k_records_answers_as_a_flow_that_recorded_only_the_rest(
    plan: list[Step], data: st.DataObject
) -> None:
    # Arrange
    records = timed(plan)
    k = data.draw(st.integers(0, len(records)), label="k")

    # Act
    undone_flow, reference = undo_the_last(records, k)

    # Assert
    times = [at for _, at in records]
    assert answers(undone_flow, times) == answers(reference, times)


@given(plan=steps(ANY_GAPS), more=steps(ANY_GAPS, max_size=8), data=st.data())
def test_after_undo_the_flow_sees_what_a_flow_without_those_records_sees_then_and_later(
    plan: list[Step], more: list[Step], data: st.DataObject
) -> None:
    # Arrange: records spread past the horizon, then the last k of them are undone
    records = timed(plan)
    k = data.draw(st.integers(0, len(records)), label="k")
    last = records[-1][1]

    # Act
    undone_flow, reference = undo_the_last(records, k)
    right_after = (effective(undone_flow, last), effective(reference, last))
    later = [(order, at - T0 + last) for order, at in timed(more)]
    record_all(undone_flow, later)
    record_all(reference, later)
    final = later[-1][1]

    # Assert
    assert right_after[0] == right_after[1]
    assert effective(undone_flow, final) == effective(reference, final)


@given(plan=steps(ANY_GAPS), data=st.data())
def test_has_recent_is_false_only_when_no_signature_is_remembered_after_undo(
    plan: list[Step], data: st.DataObject
) -> None:
    # Arrange
    records = timed(plan)
    k = data.draw(st.integers(0, len(records)), label="k")
    flow = OrderFlow(HORIZON)
    done = [flow.record(order, at) for order, at in records]

    # Act
    for entry in reversed(done[len(records) - k :]):
        flow.undo(entry)

    # Assert: the duplicate control skips its lookup when has_recent is False
    remembered = any(flow.last_seen(signature) is not None for signature in SIGNATURES)
    assert flow.has_recent == remembered


def test_undoing_the_only_record_leaves_an_empty_flow() -> None:
    # Arrange
    flow = OrderFlow(HORIZON)
    order = Step(ORIGINS[0], Side.BUY, Decimal(1), None, 0).order()
    entry = flow.record(order, T0)

    # Act
    flow.undo(entry)

    # Assert
    assert flow.has_recent is False
    assert [flow.count_since(key, T0 - HORIZON) for key in KEYS] == [0, 0, 0, 0]
    assert flow.last_seen(OrderFlow.signature(order, order.quantity)) is None


def test_undoing_a_repeat_restores_when_the_signature_was_last_seen_before() -> None:
    # Arrange
    flow = OrderFlow(HORIZON)
    order = Step(ORIGINS[2], Side.SELL, Decimal(2), Decimal("100"), 0).order()
    flow.record(order, T0)
    repeat = flow.record(order, T0 + 3)

    # Act
    flow.undo(repeat)

    # Assert
    assert flow.last_seen(OrderFlow.signature(order, order.quantity)) == T0
    assert flow.count_since("account", T0) == 1
    assert flow.count_since("user:u", T0) == 1
    assert flow.has_recent is True


def test_a_batch_recorded_at_one_instant_is_undone_in_reverse_to_nothing() -> None:
    # Arrange: a frozen clock stamps every order of a batch with one time
    flow = OrderFlow(HORIZON)
    orders = [Step(ORIGINS[n % 3], Side.BUY, Decimal(1), None, 0).order() for n in range(5)]
    done = [flow.record(order, T0) for order in orders]

    # Act
    for entry in reversed(done):
        flow.undo(entry)

    # Assert
    assert flow.has_recent is False
    assert [flow.count_since(key, T0) for key in KEYS] == [0, 0, 0, 0]
    assert flow.last_seen(OrderFlow.signature(orders[0], Decimal(1))) is None
