"""The center's per-channel decision: CRITICAL, quiet hours, digests, rate limit, preferences."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from domain.notifications.catalogue import effective_priority
from domain.notifications.digest import digest_text, period_end
from domain.notifications.planning import Disposition, plan
from domain.notifications.preferences import Preferences
from domain.notifications.quiet_hours import QuietHours
from domain.notifications.rate_limit import RateLimit
from domain.notifications.templates import render_body, render_title

NIGHT = QuietHours(time(22), time(7), "Europe/London")
AT_NIGHT = datetime(2026, 1, 6, 23, 30, tzinfo=UTC)  # 23:30 GMT
MORNING = datetime(2026, 1, 7, 7, 0, tzinfo=UTC)


def always(channel: str, at: datetime) -> bool:
    return True


def never(channel: str, at: datetime) -> bool:
    return False


def loud(**extra: object) -> Preferences:
    channels = {
        "margin.call": frozenset({"email", "websocket", "webhook"}),
        "order.denied": frozenset({"in_app", "email", "websocket"}),
        "notice": frozenset({"in_app", "email"}),
    }
    return Preferences("u1", channels, **extra)  # type: ignore[arg-type]


def test_critical_during_quiet_hours_goes_now_to_every_enabled_channel_and_in_app() -> None:
    # Act
    plans = plan("margin.call", "critical", loud(quiet_hours=NIGHT), AT_NIGHT, never)

    # Assert: in-app added even though not chosen, nothing held, over the limit too.
    assert [p.channel for p in plans] == ["in_app", "email", "webhook", "websocket"]
    assert all(p.disposition is Disposition.SEND and p.not_before == AT_NIGHT for p in plans)


def test_normal_during_quiet_hours_is_held_until_the_window_ends_but_in_app_is_not() -> None:
    plans = {
        p.channel: p
        for p in plan("order.denied", "normal", loud(quiet_hours=NIGHT), AT_NIGHT, always)
    }
    assert plans["in_app"].not_before == AT_NIGHT
    assert plans["email"].not_before == MORNING
    assert plans["email"].reason == "quiet_hours"
    assert plans["websocket"].not_before == MORNING


def test_low_with_digests_on_is_held_for_the_period_end() -> None:
    now = datetime(2026, 1, 6, 10, 20, tzinfo=UTC)
    plans = {p.channel: p for p in plan("notice", "low", loud(digest_enabled=True), now, always)}
    assert plans["in_app"].disposition is Disposition.SEND
    assert plans["email"].disposition is Disposition.DIGEST
    assert plans["email"].not_before == datetime(2026, 1, 6, 11, 0, tzinfo=UTC)


def test_over_the_rate_limit_normal_is_dropped_and_low_waits_for_the_digest() -> None:
    now = datetime(2026, 1, 6, 10, 20, tzinfo=UTC)
    normal = {p.channel: p for p in plan("order.denied", "normal", loud(), now, never)}
    low = {p.channel: p for p in plan("notice", "low", loud(), now, never)}
    assert normal["email"].disposition is Disposition.DROPPED
    assert normal["email"].reason == "rate_limited"
    assert normal["in_app"].disposition is Disposition.SEND  # the inbox is not limited
    assert low["email"].disposition is Disposition.DIGEST


def test_a_type_turned_off_plans_nothing_unless_critical() -> None:
    off = Preferences("u1", {"order.denied": frozenset(), "margin.call": frozenset()})
    assert plan("order.denied", "normal", off, AT_NIGHT, always) == []
    assert [p.channel for p in plan("margin.call", "critical", off, AT_NIGHT, always)] == ["in_app"]


def test_defaults_come_from_the_catalogue() -> None:
    plans = plan("order.denied", "normal", Preferences("u1"), AT_NIGHT, always)
    assert {p.channel for p in plans} == {"in_app", "websocket"}


def test_the_named_critical_types_stay_critical_whatever_the_caller_says() -> None:
    assert effective_priority("margin.call", "low") == "critical"
    assert effective_priority("order.denied", None) == "normal"
    assert effective_priority("order.denied", "bogus") == "normal"
    assert effective_priority("something.new", None) == "normal"


def test_token_bucket_allows_a_burst_then_refills_at_the_rate() -> None:
    # Arrange
    limit = RateLimit(per_hour=60, burst=2)
    t0 = datetime(2026, 1, 6, tzinfo=UTC)

    # Act
    ok1, b = limit.take(None, t0)
    ok2, b = limit.take(b, t0)
    ok3, b = limit.take(b, t0 + timedelta(seconds=30))
    ok4, b = limit.take(b, t0 + timedelta(seconds=61))

    # Assert
    assert (ok1, ok2, ok3, ok4) == (True, True, False, True)


def test_templates_never_crash_on_missing_or_odd_fields() -> None:
    assert render_title("Order $order_id denied", {}) == "Order ? denied"
    assert render_body("$reasons", {"reasons": ["a", "b"]}) == "a, b"
    assert render_body("${a.b} $", {"a": 1}) == "${a.b} $"  # malformed: shown as written
    assert render_body("{0.__class__} $x", {"x": "{0.__class__}"}) == "{0.__class__} {0.__class__}"
    assert len(render_title("$t", {"t": "x" * 10_000})) == 200


def test_digest_periods_and_text() -> None:
    at = datetime(2026, 1, 6, 10, 20, tzinfo=UTC)
    assert period_end(at, 15) == datetime(2026, 1, 6, 10, 30, tzinfo=UTC)
    assert period_end(datetime(2026, 1, 6, 10, 30, tzinfo=UTC), 15) == datetime(
        2026, 1, 6, 10, 45, tzinfo=UTC
    )
    title, body = digest_text(["one", "two"])
    assert title == "2 notifications while you were away"
    assert body == "- one\n- two"
