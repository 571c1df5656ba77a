"""Price alerts fire on crossings only: examples and a Hypothesis property against a model."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.notifications.price_alerts import AlertState, Direction, Mode, PriceAlert

T0 = datetime(2026, 1, 6, 14, 0, tzinfo=UTC)


def alert(
    direction: Direction = Direction.ABOVE,
    threshold: str = "100",
    mode: Mode = Mode.REARM,
    hysteresis: str = "2",
) -> PriceAlert:
    return PriceAlert(
        "pal-1", "u1", "AAPL", direction, Decimal(threshold), mode, Decimal(hysteresis), T0
    )


def run(start: PriceAlert, prices: list[Decimal]) -> list[int]:
    """The indexes of the prices that fired the alert."""
    fired_at, current = [], start
    for i, price in enumerate(prices):
        current, fired = current.observe(price, T0)
        if fired:
            fired_at.append(i)
    return fired_at


def D(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


def test_an_above_alert_fires_on_the_upward_crossing_only() -> None:
    # Arrange
    rule = alert(hysteresis="0")

    # Act
    fired = run(rule, D("99", "99.5", "100", "101", "102", "99.9"))

    # Assert
    assert fired == [2]


def test_an_alert_set_past_its_threshold_waits_for_the_price_to_come_back() -> None:
    # Arrange
    rule = alert(hysteresis="2")

    # Act
    fired = run(rule, D("105", "104", "99", "101", "97.9", "100"))

    # Assert: 99 is inside the band, 97.9 re-arms it
    assert fired == [5]


def test_hysteresis_keeps_a_hovering_price_from_firing_every_tick() -> None:
    # Arrange
    rule = alert(hysteresis="1")

    # Act
    fired = run(rule, D("98", "100", "99.5", "100.2", "99.01", "100", "98.99", "100"))

    # Assert
    assert fired == [1, 7]


def test_a_once_alert_is_done_after_its_first_fire() -> None:
    # Arrange
    rule = alert(mode=Mode.ONCE, hysteresis="0")

    # Act
    after = rule
    for price in D("90", "110", "90", "110"):
        after, _ = after.observe(price, T0)

    # Assert
    assert run(rule, D("90", "110", "90", "110")) == [1]
    assert after.state is AlertState.DONE and after.fired_count == 1 and not after.active


def test_a_below_alert_mirrors_the_above_one() -> None:
    # Arrange
    rule = alert(Direction.BELOW, threshold="50", hysteresis="1")

    # Act
    fired = run(rule, D("55", "50", "49", "50.5", "51.5", "49.99"))

    # Assert
    assert fired == [1, 5]


@pytest.mark.parametrize(
    ("threshold", "hysteresis"), [("0", "0"), ("-1", "0"), ("10", "-1"), ("10", "10")]
)
def test_impossible_thresholds_are_refused(threshold: str, hysteresis: str) -> None:
    with pytest.raises(ValueError, match=r"threshold|hysteresis"):
        alert(threshold=threshold, hysteresis=hysteresis)


def model_fires(
    direction: Direction, threshold: Decimal, band: Decimal, once: bool, prices: list[Decimal]
) -> list[int]:
    """The specification, written plainly: a fire is a price past the threshold after the
    price was on the near side (at the start: anywhere short of the threshold; after a fire
    or a start past it: beyond the band)."""
    sign = 1 if direction is Direction.ABOVE else -1
    past = [sign * (p - threshold) >= 0 for p in prices]
    beyond_band = [sign * (p - threshold) < -band for p in prices]
    fires: list[int] = []
    armed: bool | None = None
    for i in range(len(prices)):
        if armed is None:
            armed = not past[i]
            continue
        if armed and past[i]:
            fires.append(i)
            if once:
                break
            armed = False
        elif beyond_band[i]:
            armed = True
    return fires


prices = st.lists(
    st.decimals(min_value=Decimal("90"), max_value=Decimal("110"), places=1), max_size=60
)


@given(
    prices,
    st.sampled_from(list(Direction)),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("5"), places=1),
    st.booleans(),
)
def test_an_alert_fires_once_per_crossing_and_never_without_one(
    series: list[Decimal], direction: Direction, band: Decimal, once: bool
) -> None:
    # Arrange
    threshold = Decimal("100")
    rule = alert(direction, "100", Mode.ONCE if once else Mode.REARM, str(band))

    # Act
    fired = run(rule, series)

    # Assert: exactly the model's crossings
    assert fired == model_fires(direction, threshold, band, once, series)
    sign = 1 if direction is Direction.ABOVE else -1
    for i in fired:
        assert sign * (series[i] - threshold) >= 0  # a fire is always past the threshold
        assert (
            i > 0 and sign * (series[i - 1] - threshold) < 0
        )  # ... just after a price short of it
    # Never more fires than times the price went from short of the threshold to past it.
    crossings = sum(
        1 for a, b in pairwise(series) if sign * (a - threshold) < 0 <= sign * (b - threshold)
    )
    assert len(fired) <= crossings
    if once:
        assert len(fired) <= 1
