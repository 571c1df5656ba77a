"""Whale flags per contract and sweep-like bursts from successive chain polls."""

from __future__ import annotations

import math

import pytest

from domain.analytics.options.whales import (
    ContractPoll,
    Side,
    SweepDetector,
    SweepRule,
    WhaleThresholds,
    aggressor,
    whale_activity,
)


def test_volume_oi_ratio_premium_and_flags() -> None:
    # Arrange: (volume, OI, mid)
    volume = [600, 600, 100, 5, 0]
    interest = [500, 5000, 0, 0, 0]
    mid = [2.0, 20.0, 1.0, 1.0, 1.0]

    # Act
    activity = whale_activity(volume, interest, mid, WhaleThresholds(1.0, 500, 1_000_000.0))

    # Assert
    assert activity.volume_oi_ratio[:2].tolist() == pytest.approx([1.2, 0.12])
    assert math.isinf(activity.volume_oi_ratio[2]) and math.isnan(activity.volume_oi_ratio[4])
    assert activity.premium_notional.tolist() == [120_000.0, 1_200_000.0, 10_000.0, 500.0, 0.0]
    assert activity.unusual_volume.tolist() == [True, False, False, False, False]
    assert activity.large_premium.tolist() == [False, True, False, False, False]
    assert [f.value for f in activity.flags(0)] == ["UNUSUAL_VOLUME"]


def test_aggressor_reads_the_last_against_the_quote() -> None:
    assert aggressor(1.0, 1.2, 1.2) is Side.BUY
    assert aggressor(1.0, 1.2, 1.15) is Side.BUY
    assert aggressor(1.0, 1.2, 1.0) is Side.SELL
    assert aggressor(1.0, 1.2, 1.1) is None
    assert aggressor(0.0, 0.0, 0.0) is None


def poll(strike: float, volume: int, *, call: bool = True, last: float = 5.0) -> ContractPoll:
    flag = "C" if call else "P"
    return ContractPoll(f"XYZ{flag}{strike:g}", "2026-12-18", strike, call, volume, 4.9, 5.0, last)


RULE = SweepRule(window_s=60, min_contracts=3, min_contract_volume=50, min_premium=100_000)


def test_same_side_call_buying_across_three_strikes_is_one_burst() -> None:
    # Arrange: the first poll is the baseline.
    detector = SweepDetector("XYZ", RULE)
    detector.observe(0.0, [poll(100, 1000), poll(105, 1000), poll(110, 1000), poll(95, 10)])

    # Act: +100, +100, +200 bought at the ask (5.00): 400 * 5 * 100 = $200,000.
    bursts = detector.observe(10.0, [poll(100, 1100), poll(105, 1100), poll(110, 1200)])
    again = detector.observe(20.0, [poll(100, 1100), poll(105, 1100), poll(110, 1200)])

    # Assert
    assert len(bursts) == 1
    burst = bursts[0]
    assert (burst.is_call, burst.side, burst.strikes, burst.expiries) == (True, Side.BUY, 3, 1)
    assert burst.contracts == 400
    assert burst.premium == pytest.approx(200_000.0)
    assert burst.symbols == ("XYZC100", "XYZC105", "XYZC110")
    assert again == []  # reported once


def test_selling_small_prints_and_stale_prints_make_no_burst() -> None:
    detector = SweepDetector("XYZ", RULE)
    detector.observe(0.0, [poll(s, 1000) for s in (100, 105, 110)])

    sold = detector.observe(10.0, [poll(s, 1200, last=4.9) for s in (100, 105, 110)])
    small = detector.observe(20.0, [poll(s, 1210) for s in (100, 105, 110)])
    detector.observe(30.0, [poll(100, 1400)])
    late = detector.observe(200.0, [poll(105, 1400), poll(110, 1400)])  # the first one aged out

    assert sold == [] and small == [] and late == []


def test_a_volume_reset_rebaselines_and_memory_is_bounded() -> None:
    detector = SweepDetector("XYZ", SweepRule(max_contracts=2, max_prints=2, min_premium=0))
    detector.observe(0.0, [poll(100, 1000)])

    detector.observe(1.0, [poll(100, 10)])  # a new day: no print
    detector.observe(2.0, [poll(s, 1000 + s) for s in range(10)])

    assert detector.pending_prints == 0
    assert len(detector._volumes) == 2  # the bound is the point of the test
