"""The Fear & Greed composite by hand, its bands and weights, and its invariants (Hypothesis)."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.analytics.sentiment.errors import (
    InsufficientInputs,
    InvalidSentimentInput,
    InvalidWeights,
    UnknownSeries,
)
from domain.analytics.sentiment.fear_greed import (
    DEFAULT_RULES,
    EQUAL_WEIGHTS,
    INPUTS,
    Band,
    FearGreedWeights,
    Method,
    NormalisationRule,
    band_of,
    composite,
    normalise,
    parse_weights,
)


def test_bounds_map_each_input_linearly_and_reverse_the_fear_inputs() -> None:
    # Act: VIX 19 between 12 and 40 is 25% of the way up, so 75 on the greed scale
    vix = normalise("vix", 19.0, [])
    put_call = normalise("put_call", 1.2, [])  # at the fear end: 0
    momentum = normalise("momentum", 0.05, [])  # -0.10 .. 0.10: three quarters up
    breadth = normalise("breadth", 0.95, [])  # past 0.8: clamped to 100

    # Assert
    assert vix.score == pytest.approx(75.0)
    assert vix.method is Method.BOUNDS and vix.observations == 0
    assert put_call.score == pytest.approx(0.0)
    assert momentum.score == pytest.approx(75.0)
    assert breadth.score == pytest.approx(100.0)


def test_the_percentile_is_the_midrank_among_the_earlier_observations() -> None:
    # Arrange: 20 earlier values 1..20 (the minimum history); 7 of them below 7.5
    history = [float(v) for v in range(1, 21)]

    # Act
    greed = normalise("momentum", 7.5, history)
    tied = normalise("momentum", 7.0, history)  # 6 below, 1 equal: (6 + 0.5) / 20
    fear = normalise("vix", 7.0, history)

    # Assert
    assert greed.method is Method.PERCENTILE and greed.observations == 20
    assert greed.score == pytest.approx(100 * 7 / 20)
    assert tied.score == pytest.approx(100 * 6.5 / 20)
    assert fear.score == pytest.approx(100 - 100 * 6.5 / 20)


def test_the_window_keeps_only_the_latest_observations() -> None:
    # Arrange: a window of 4 with a minimum of 2; the old values are all far below
    rule = NormalisationRule(0.0, 1.0, window=4, min_history=2)
    history = [-5.0] * 10 + [1.0, 2.0, 3.0, 4.0]

    # Act
    scored = normalise("breadth", 2.5, history, rule)

    # Assert: 2 of the last 4 below 2.5
    assert (scored.observations, scored.score) == (4, pytest.approx(50.0))


def test_a_composite_by_hand() -> None:
    # Arrange: the bounds rule on every input
    components = {
        "vix": normalise("vix", 26.0, []),  # (40 - 26) / 28 = 50
        "put_call": normalise("put_call", 0.64, []),  # (1.2 - 0.64) / 0.7 = 80
        "momentum": normalise("momentum", -0.04, []),  # (-0.04 + 0.1) / 0.2 = 30
        "breadth": normalise("breadth", 0.62, []),  # (0.62 - 0.2) / 0.6 = 70
        "social": normalise("social", 0.0, []),  # 50
    }
    weights = FearGreedWeights(
        {"vix": 0.3, "put_call": 0.2, "momentum": 0.2, "breadth": 0.1, "social": 0.2}
    )

    # Act
    result = composite(components, weights)

    # Assert: 0.3*50 + 0.2*80 + 0.2*30 + 0.1*70 + 0.2*50 = 15 + 16 + 6 + 7 + 10 = 54
    assert [c.score for c in result.components] == pytest.approx([50, 80, 30, 70, 50])
    assert result.score == pytest.approx(54.0)
    assert result.band is Band.NEUTRAL
    assert (result.coverage, result.missing) == (pytest.approx(1.0), ())


def test_missing_inputs_renormalise_the_weights_and_lower_the_coverage() -> None:
    # Arrange: VIX 50 and momentum 30 only, with weights 0.3 and 0.2 (coverage 0.5)
    weights = FearGreedWeights(
        {"vix": 0.3, "put_call": 0.2, "momentum": 0.2, "breadth": 0.1, "social": 0.2}
    )
    components = {"vix": normalise("vix", 26.0, []), "momentum": normalise("momentum", -0.04, [])}

    # Act
    result = composite(components, weights, min_coverage=0.5)

    # Assert: (0.3*50 + 0.2*30) / 0.5 = 42
    assert result.score == pytest.approx(42.0)
    assert result.coverage == pytest.approx(0.5)
    assert result.missing == ("put_call", "breadth", "social")
    with pytest.raises(InsufficientInputs, match="50% of the weight, below the 60%"):
        composite(components, weights, min_coverage=0.6)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.0, Band.EXTREME_FEAR),
        (19.999, Band.EXTREME_FEAR),
        (20.0, Band.FEAR),
        (39.999, Band.FEAR),
        (40.0, Band.NEUTRAL),
        (60.0, Band.NEUTRAL),
        (60.001, Band.GREED),
        (80.0, Band.GREED),
        (80.001, Band.EXTREME_GREED),
        (100.0, Band.EXTREME_GREED),
    ],
)
def test_bands_below_20_are_extreme_fear_and_above_80_extreme_greed(
    score: float, band: Band
) -> None:
    assert band_of(score) is band


def test_weights_must_be_within_0_and_1_and_sum_to_1() -> None:
    # Act / Assert
    with pytest.raises(InvalidWeights, match="sum to 1"):
        FearGreedWeights({"vix": 0.5, "put_call": 0.4})
    with pytest.raises(InvalidWeights, match=r"within \[0, 1\]"):
        FearGreedWeights({"vix": 1.5, "put_call": -0.5})
    with pytest.raises(UnknownSeries, match="unknown input 'gold'"):
        FearGreedWeights({"gold": 1.0})
    assert FearGreedWeights({"vix": 0.7, "social": 0.3}).of("breadth") == 0.0


def test_weights_parse_from_name_weight_pairs() -> None:
    # Act
    parsed = parse_weights("vix:0.4, put_call=0.1,momentum:0.5")

    # Assert
    assert dict(parsed.values) == {"vix": 0.4, "put_call": 0.1, "momentum": 0.5}
    for bad in ("vix", "vix:abc", "vix:nan", ",", "vix:0.5,vix:0.5"):
        with pytest.raises(InvalidWeights):
            parse_weights(bad)


def test_an_input_must_be_known_and_finite() -> None:
    with pytest.raises(UnknownSeries):
        normalise("gold", 1.0, [])
    with pytest.raises(InvalidSentimentInput, match="finite"):
        normalise("vix", math.inf, [])


# --- properties -------------------------------------------------------------------------------

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
histories = st.lists(finite, max_size=60)


@st.composite
def weight_sets(draw: st.DrawFn) -> FearGreedWeights:
    raw = draw(st.lists(st.floats(0.01, 1.0), min_size=5, max_size=5))
    total = sum(raw)
    return FearGreedWeights({name: w / total for name, w in zip(INPUTS, raw, strict=True)})


@given(
    values=st.lists(finite, min_size=5, max_size=5),
    history=st.lists(histories, min_size=5, max_size=5),
    weights=weight_sets(),
)
def test_the_composite_is_always_within_0_and_100(
    values: list[float], history: list[list[float]], weights: FearGreedWeights
) -> None:
    components = {
        name: normalise(name, value, past)
        for name, value, past in zip(INPUTS, values, history, strict=True)
    }

    result = composite(components, weights)

    assert 0.0 <= result.score <= 100.0
    assert all(0.0 <= c.score <= 100.0 for c in result.components)


@given(
    name=st.sampled_from(INPUTS),
    values=st.lists(finite, min_size=5, max_size=5),
    history=st.lists(histories, min_size=5, max_size=5),
    raise_by=st.floats(min_value=0.0, max_value=1e6, allow_nan=False),
    weights=weight_sets(),
    present=st.lists(st.booleans(), min_size=5, max_size=5),
)
def test_raising_a_fear_input_never_raises_the_score_and_a_greed_input_never_lowers_it(
    name: str,
    values: list[float],
    history: list[list[float]],
    raise_by: float,
    weights: FearGreedWeights,
    present: list[bool],
) -> None:
    # Arrange: the same other inputs (some missing), histories and weights twice
    given_inputs = dict(zip(INPUTS, values, strict=True))
    pasts = dict(zip(INPUTS, history, strict=True))
    kept = {n for n, keep in zip(INPUTS, present, strict=True) if keep} | {name}

    def score(raised: float) -> float:
        inputs = {**given_inputs, name: raised}
        components = {n: normalise(n, inputs[n], pasts[n]) for n in kept}
        return composite(components, weights, min_coverage=1e-9).score

    # Act
    before = score(given_inputs[name])
    after = score(given_inputs[name] + raise_by)

    # Assert
    if name in ("vix", "put_call"):
        assert after <= before + 1e-9
    else:
        assert after >= before - 1e-9


@given(weights=weight_sets(), factor=st.floats(min_value=0.5, max_value=2.0))
def test_weights_are_accepted_exactly_when_they_sum_to_1(
    weights: FearGreedWeights, factor: float
) -> None:
    scaled = {name: w * factor for name, w in weights.values.items()}
    assume(all(w <= 1.0 for w in scaled.values()))
    total = sum(scaled.values())
    if abs(total - 1.0) <= 1e-6:
        assert FearGreedWeights(scaled).values == scaled
    else:
        with pytest.raises(InvalidWeights):
            FearGreedWeights(scaled)


def test_equal_weights_and_the_default_rules_cover_every_input() -> None:
    assert set(EQUAL_WEIGHTS.values) == set(DEFAULT_RULES) == set(INPUTS)
    assert sum(EQUAL_WEIGHTS.values.values()) == pytest.approx(1.0)
