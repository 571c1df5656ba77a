"""application.analytics.options_compute: broadcasting and the field named for the first bad
element."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from application.analytics.options_compute import (
    InvalidOptionsInput,
    OptionsTooMany,
    greeks_batch,
    implied_vol_batch,
)

GOOD = {"spot": 100.0, "strike": 100.0, "years": 0.5, "vol": 0.2}
# (field, a bad value) for each refusal the module documents
BAD = [
    ("spot", 0.0),
    ("spot", -1.0),
    ("strike", np.nan),
    ("years", 0.0),
    ("years", 101.0),
    ("vol", 0.0),
    ("vol", 10.5),
    ("rate", 1.01),
    ("dividend_yield", -np.inf),
]


def columns(**values: object) -> dict[str, np.ndarray]:
    return {name: np.asarray(value) for name, value in {**GOOD, **values}.items()}


@settings(max_examples=50, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=40),
    bad=st.sampled_from(BAD),
    data=st.data(),
)
def test_the_first_bad_element_is_named_with_its_index(
    n: int, bad: tuple[str, float], data: st.DataObject
) -> None:
    # Arrange: n good values of the field with bad ones from some index on
    field, value = bad
    first = data.draw(st.integers(min_value=0, max_value=n - 1))
    good = {"rate": 0.01, "dividend_yield": 0.0}.get(field, GOOD.get(field, 0.0))
    array = np.full(n, good)
    array[first:] = value

    # Act
    with pytest.raises(InvalidOptionsInput) as refused:
        greeks_batch(columns(**{field: array}))

    # Assert
    assert refused.value.field == f"{field}[{first}]"


@settings(max_examples=50, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=30),
    arrays=st.sets(st.sampled_from(["spot", "strike", "years", "vol", "rate"]), min_size=0),
)
def test_scalars_broadcast_to_the_arrays_length(n: int, arrays: set[str]) -> None:
    # Arrange: some fields as arrays of n, the rest scalars
    values = {name: np.full(n, GOOD.get(name, 0.01)) for name in arrays}

    # Act
    batch = greeks_batch(columns(**values))

    # Assert
    expected = n if arrays else 1
    assert batch.count == expected
    assert batch.vol is not None
    for array in (batch.spot, batch.strike, batch.years, batch.vol, batch.rate, batch.is_call):
        assert array.shape == (expected,)
        assert array.flags.c_contiguous
    assert batch.is_call.all()


def test_lengths_must_agree_and_the_cap_names_the_longest_field() -> None:
    with pytest.raises(InvalidOptionsInput) as mismatch:
        greeks_batch(columns(spot=np.ones(3), strike=np.ones(4)))
    with pytest.raises(OptionsTooMany) as too_many:
        greeks_batch(columns(spot=np.ones(3), vol=np.full(1_000_001, 0.2)))

    assert mismatch.value.field == "strike"
    assert too_many.value.field == "vol"


def test_rights_and_prices() -> None:
    batch = implied_vol_batch(
        {**columns(price=[1.0, 2.0]), "right": np.asarray(["put", "call"], dtype=object)}
    )
    with pytest.raises(InvalidOptionsInput) as wrong:
        greeks_batch({**columns(), "right": np.asarray(["call", "Call"])})
    with pytest.raises(InvalidOptionsInput) as negative:
        implied_vol_batch(columns(price=[1.0, -0.5]))

    assert batch.is_call.tolist() == [False, True]
    assert batch.price is not None and batch.price.tolist() == [1.0, 2.0]
    assert wrong.value.field == "right[1]"
    assert negative.value.field == "price[1]"


@pytest.mark.parametrize(
    "lists",
    [("spot", "strike", "years", "vol"), ("spot",), ("vol",), ()],
    ids=["all-lists", "spot-list", "vol-list", "scalars"],
)
def test_every_mix_of_lists_and_scalars_gives_writeable_contiguous_columns(
    lists: tuple[str, ...],
) -> None:
    """The kernels compile once per argument type, and a read-only view is another type: every
    request mix must reach them as the same (writeable, C-contiguous) columns."""
    # Arrange: the listed fields as lists of 3 (one read-only, as a zero-copy decode gives)
    given = columns(**{name: [GOOD[name]] * 3 for name in lists}) if lists else columns()
    given["right"] = np.asarray(["call"] * 3 if lists else "call")
    if lists:
        given[lists[0]].flags.writeable = False

    # Act
    batch = greeks_batch(given)

    # Assert
    assert batch.vol is not None
    for column in (batch.spot, batch.strike, batch.years, batch.vol, batch.rate, batch.is_call):
        assert column.flags.writeable and column.flags.c_contiguous
        assert column.shape == (batch.count,)
