"""The HypeMeter by hand: engagement, velocity, the 5-sigma spike at and just past the line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.sentiment.errors import InvalidSentimentInput
from domain.analytics.sentiment.hype import (
    EngagementWeights,
    HypeSettings,
    engagement,
    hype_reading,
    spike_test,
    window_counts,
)
from domain.analytics.sentiment.market_inputs import breadth, momentum
from domain.analytics.sentiment.mentions import Mention

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
# Population standard deviation 2 around a mean of 5 (the textbook sample).
BASELINE = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]


def mention(minutes_ago: float, ident: str, **counts: int) -> Mention:
    at = NOW - timedelta(minutes=minutes_ago)
    return Mention(ident, ("ACME",), f"post {ident}", at, "x", "@a", **counts)


def test_an_engagement_score_by_hand() -> None:
    # Arrange: 120 likes, 15 comments, 8 shares, 4000 views
    post = mention(5, "p", likes=120, comments=15, shares=8, views=4000)

    # Act / Assert: 1*120 + 2*15 + 3*8 + 0.01*4000 = 120 + 30 + 24 + 40 = 214
    assert engagement(post) == pytest.approx(214.0)
    custom = EngagementWeights(likes=0.5, comments=1.0, shares=10.0, views=0.0)
    assert engagement(post, custom) == pytest.approx(60 + 15 + 80)


def test_a_spike_must_exceed_the_mean_by_more_than_five_standard_deviations() -> None:
    # Act: mean 5, std 2 -> the line is 5 + 5 * 2 = 15 mentions an hour
    at_the_line = spike_test(15.0, BASELINE)
    just_past = spike_test(15.001, BASELINE)
    below = spike_test(14.999, BASELINE)

    # Assert: exactly 5 standard deviations does not exceed them; just past the line does
    assert (at_the_line.baseline_mean, at_the_line.baseline_std) == (5.0, 2.0)
    assert at_the_line.z == 5.0 and not at_the_line.spike
    assert just_past.z == pytest.approx(5.0005) and just_past.spike
    assert below.z == pytest.approx(4.9995) and not below.spike
    assert not spike_test(15.001, BASELINE, sigma=5.5).spike


def test_a_flat_baseline_has_no_z_and_any_rise_is_a_spike() -> None:
    rise = spike_test(3.0, [1.0, 1.0, 1.0])
    same = spike_test(1.0, [1.0, 1.0, 1.0])
    too_few = spike_test(3.0, [1.0, 1.0, 1.0], enough=False)

    assert (rise.z, rise.spike) == (None, True)
    assert (same.z, same.spike) == (None, False)
    assert not too_few.spike


def test_windows_are_open_on_the_left_and_closed_on_the_right() -> None:
    # Arrange: at now, 1 minute ago, exactly one window ago, just past it, two windows ago
    posted = [
        NOW,
        NOW - timedelta(minutes=1),
        NOW - timedelta(hours=1),
        NOW - timedelta(minutes=61),
        NOW - timedelta(hours=2),
        NOW + timedelta(seconds=1),
    ]

    # Act
    counts = window_counts(posted, NOW, timedelta(hours=1), 3)

    # Assert: oldest first; (now-1h, now] holds 2, (now-2h, now-1h] holds 2 (one hour ago and 61
    # minutes ago), (now-3h, now-2h] holds the one two hours ago; the future is in none
    assert counts == [1, 2, 2]


def test_a_reading_by_hand_with_a_spike_just_past_five_sigma() -> None:
    # Arrange: baseline windows (oldest first) of 2, 4, 4, 4, 5, 5, 7, 9 mentions an hour
    # (mean 5, population std 2: the line is 5 + 5 * 2 = 15), then 16 in the current hour
    mentions, n = [], 0
    for age, count in enumerate(reversed([*BASELINE, 16.0])):
        for i in range(int(count)):
            n += 1
            mentions.append(mention(age * 60 + 1 + i, f"m{n}", likes=1))
    settings = HypeSettings(timedelta(hours=1), baseline_windows=8)

    # Act
    reading = hype_reading("ACME", mentions, NOW, settings)
    one_less = hype_reading("ACME", mentions[1:], NOW, settings)  # 15 now: on the line

    # Assert: z = (16 - 5) / 2 = 5.5 > 5: a spike; z = (15 - 5) / 2 = 5 exactly: not one
    assert (reading.mentions, reading.velocity) == (16, 16.0)
    assert reading.baseline_velocities == tuple(BASELINE)
    assert reading.spike.z == 5.5 and reading.spike.spike
    assert reading.engagement == pytest.approx(16.0)
    assert (one_less.velocity, one_less.spike.z, one_less.spike.spike) == (15.0, 5.0, False)


def test_velocity_is_mentions_per_hour_over_the_window() -> None:
    # Arrange: 6 mentions in the last 30 minutes
    mentions = [mention(i * 4, f"v{i}") for i in range(6)]
    settings = HypeSettings(timedelta(minutes=30), baseline_windows=4, min_mentions=1)

    # Act
    reading = hype_reading("ACME", mentions, NOW, settings)

    # Assert: 6 in half an hour is 12 an hour
    assert reading.velocity == pytest.approx(12.0)
    assert reading.spike.spike  # a flat (empty) baseline


def test_the_minimum_mentions_hold_back_a_spike_of_a_quiet_symbol() -> None:
    mentions = [mention(1, "a"), mention(2, "b")]

    reading = hype_reading("ACME", mentions, NOW, HypeSettings(min_mentions=5))

    assert reading.velocity == 2.0 and not reading.spike.spike


def test_settings_and_weights_refuse_what_cannot_be_used() -> None:
    with pytest.raises(InvalidSentimentInput):
        HypeSettings(timedelta(0))
    with pytest.raises(InvalidSentimentInput):
        HypeSettings(baseline_windows=1)
    with pytest.raises(InvalidSentimentInput):
        EngagementWeights(likes=-1.0)


@given(
    baseline=st.lists(st.integers(0, 40), min_size=3, max_size=12),
    current=st.integers(0, 60),
    sigma=st.sampled_from([1.0, 2.5, 5.0]),
)
def test_one_more_mention_now_never_lowers_velocity_or_z_nor_undoes_a_spike(
    baseline: list[int], current: int, sigma: float
) -> None:
    # Arrange: hourly baseline counts (oldest first) and `current` mentions this hour, then one
    # more this hour
    def posts(now_count: int) -> list[Mention]:
        out = [mention(1 + i * 0.5, f"now-{i}") for i in range(now_count)]
        for age, count in enumerate(reversed(baseline), start=1):
            out += [mention(age * 60 + 1 + i, f"b{age}-{i}") for i in range(count)]
        return out

    settings = HypeSettings(timedelta(hours=1), len(baseline), sigma, min_mentions=1)

    # Act
    before = hype_reading("ACME", posts(current), NOW, settings)
    after = hype_reading("ACME", posts(current + 1), NOW, settings)

    # Assert: the baseline is untouched; velocity rises by one an hour; z and the spike follow
    assert before.baseline_velocities == after.baseline_velocities == tuple(map(float, baseline))
    assert after.velocity == before.velocity + 1.0
    assert after.spike.spike or not before.spike.spike
    if before.spike.z is not None and after.spike.z is not None:
        assert after.spike.z > before.spike.z
    assert after.spike.spike == (after.velocity - after.spike.baseline_mean
                                 > sigma * after.spike.baseline_std)  # fmt: skip


def test_momentum_by_hand() -> None:
    # Arrange: 4 closes with a 4-day window: average 102.5, last 105
    closes = [100.0, 102.0, 103.0, 105.0]

    # Act / Assert: 105 / 102.5 - 1
    assert momentum(closes, window=4) == pytest.approx(105 / 102.5 - 1)
    assert momentum([1.0, *closes], window=4) == pytest.approx(105 / 102.5 - 1)
    with pytest.raises(InvalidSentimentInput, match="needs 4 closes"):
        momentum(closes[:3], window=4)
    with pytest.raises(InvalidSentimentInput, match="positive"):
        momentum([100.0, -1.0, 100.0, 100.0], window=4)


def test_breadth_by_hand() -> None:
    # Arrange: a 3-day window; A above (12 > 11), B below (9 < 10), C equal (not above), D short
    closes = {"A": [10.0, 11.0, 12.0], "B": [11.0, 10.0, 9.0], "C": [5.0, 5.0, 5.0], "D": [1.0]}

    # Act
    reading = breadth(closes, window=3)

    # Assert
    assert (reading.above, reading.counted, reading.skipped) == (1, 3, ("D",))
    assert reading.share == pytest.approx(1 / 3)
    assert breadth({"D": [1.0]}, window=3).share is None
