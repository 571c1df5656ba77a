"""The provider watch: the risk desk hears of each market-data failover, once per change."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.memory.bus import InMemoryNotifier
from application.market_data.provider_watch import ProviderWatch
from domain.principals import Role
from ports.core.events import Severity
from tests.kit.users import staffed_store

T0 = datetime(2026, 3, 2, tzinfo=UTC)


class Feed:
    """Only what the watch reads of the failover feed: who serves now."""

    def __init__(self, active: str | None) -> None:
        self.serving = active

    def active(self) -> str | None:
        return self.serving


async def watch_over(feed: Feed) -> tuple[ProviderWatch, InMemoryNotifier]:
    uow = await staffed_store(gone=Role.RISK_OFFICER, at=T0)
    notifier = InMemoryNotifier()
    return ProviderWatch(feed, uow, notifier), notifier  # type: ignore[arg-type]


async def test_a_failover_is_told_to_active_admins_risk_officers_and_viewers_once() -> None:
    # Arrange
    feed = Feed("alpaca")
    watch, notifier = await watch_over(feed)
    await watch.check()  # learns the starting provider: nothing to tell

    # Act
    feed.serving = "synthetic"
    await watch.check()
    await watch.check()  # no change since: nothing new

    # Assert
    assert sorted(n.recipient for n in notifier.sent) == ["admin", "risk", "viewer"]
    assert {n.subject for n in notifier.sent} == {"Market data failover: alpaca -> synthetic"}
    assert {(n.severity, n.event_type) for n in notifier.sent} == {
        (Severity.WARNING, "provider.failover")
    }


async def test_every_provider_down_is_critical_and_the_recovery_is_told_too() -> None:
    # Arrange
    feed = Feed("alpaca")
    watch, notifier = await watch_over(feed)
    await watch.check()

    # Act
    feed.serving = None
    await watch.check()
    feed.serving = "alpaca"
    await watch.check()

    # Assert
    subjects = [n.subject for n in notifier.sent if n.recipient == "admin"]
    assert subjects == [
        "Market data down: alpaca failed and no provider serves",
        "Market data failover: no provider -> alpaca",
    ]
    assert [n.severity for n in notifier.sent if n.recipient == "admin"] == [
        Severity.CRITICAL,
        Severity.WARNING,
    ]
