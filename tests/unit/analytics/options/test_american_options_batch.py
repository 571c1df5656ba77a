"""application/analytics/american_options.py: batch checks name the first bad element; caps;
pricing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from application.analytics.american_options import (
    MAX_TREE_NODES,
    AmericanRequest,
    InvalidOptionsInput,
    TreeTooLarge,
    american_batch,
    price_american,
)
from application.analytics.market_regime import closes
from domain.analytics.regime_detection import InvalidPriceHistory

GOOD = {"spot": 100.0, "strike": 100.0, "years": 1.0, "vol": 0.2}
BAD_VALUES = {
    "spot": [0.0, -1.0, math.inf, math.nan],
    "strike": [0.0, -5.0, math.nan],
    "years": [0.0, -0.5, 100.5, math.inf],
    "vol": [0.0, 10.5, -0.1, math.nan],
}


@given(
    field=st.sampled_from(sorted(BAD_VALUES)),
    n=st.integers(min_value=1, max_value=40),
    data=st.data(),
)
@settings(max_examples=60, deadline=None)
def test_the_first_bad_element_is_named(field: str, n: int, data: st.DataObject) -> None:
    # Arrange: a list of n good values with bad ones at some positions.
    bad_at = data.draw(st.sets(st.integers(0, n - 1), min_size=1))
    values = [GOOD[field]] * n
    for index in bad_at:
        values[index] = data.draw(st.sampled_from(BAD_VALUES[field]))
    request = AmericanRequest(**{**GOOD, field: values}, method="baw")  # type: ignore[arg-type]

    # Act
    with pytest.raises(InvalidOptionsInput) as caught:
        american_batch(request)

    # Assert
    assert caught.value.field == f"{field}[{min(bad_at)}]"


@given(n=st.integers(min_value=1, max_value=30), puts=st.booleans())
@settings(max_examples=30, deadline=None)
def test_scalars_broadcast_to_the_lists_length(n: int, puts: bool) -> None:
    # Arrange
    spots = list(np.linspace(50.0, 150.0, n))
    request = AmericanRequest(**{**GOOD, "spot": spots}, right="put" if puts else "call")

    # Act
    batch = american_batch(request)

    # Assert
    assert batch.count == n
    assert batch.strike.shape == (n,) and np.all(batch.strike == 100.0)
    assert np.all(batch.is_call == (not puts))


def test_the_tree_cap_is_options_times_half_the_steps_squared() -> None:
    # Arrange: exactly at the cap passes, one option more does not.
    steps = 1_000
    fits = int(MAX_TREE_NODES // (steps * steps / 2))
    at_cap = AmericanRequest(**{**GOOD, "spot": [100.0] * fits}, steps=steps)
    past_cap = AmericanRequest(**{**GOOD, "spot": [100.0] * (fits + 1)}, steps=steps)

    # Act / Assert
    assert american_batch(at_cap).count == fits
    with pytest.raises(TreeTooLarge) as caught:
        american_batch(past_cap)
    assert caught.value.field == "spot"


def test_a_deep_put_has_a_positive_premium_and_a_call_without_dividends_none() -> None:
    # Arrange
    request = AmericanRequest(
        spot=[60.0, 100.0], strike=100.0, years=1.0, vol=0.2, rate=0.08,
        right=["put", "call"], method="baw",
    )  # fmt: skip

    # Act
    result = price_american(american_batch(request), "baw", 500)

    # Assert: the put is exercised at once (worth 40); the call is the European.
    assert result.price[0] == pytest.approx(40.0, abs=1e-9)
    assert result.early_exercise_premium[0] > 0.5
    assert result.early_exercise_premium[1] == pytest.approx(0.0, abs=1e-12)


@given(
    n=st.integers(min_value=200, max_value=400),
    bad_at=st.integers(min_value=0, max_value=199),
    bad=st.sampled_from([0.0, -1.0, math.nan, math.inf]),
)
@settings(max_examples=30, deadline=None)
def test_a_history_names_its_first_bad_close(n: int, bad_at: int, bad: float) -> None:
    # Arrange
    prices = [100.0] * n
    prices[bad_at] = bad
    prices[-1] = bad

    # Act
    with pytest.raises(InvalidPriceHistory) as caught:
        closes(prices)

    # Assert
    assert caught.value.field == f"prices[{bad_at}]"
