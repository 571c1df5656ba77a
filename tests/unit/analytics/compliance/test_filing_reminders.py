"""application/markets/filing_calendar.py: reminders through the real notification center (in
memory), each sent once, for the nearest lead reached."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.memory.filing_reminders import InMemoryFilingReminderStore
from application.markets.filing_calendar import FilingCalendarService
from domain.analytics.compliance.filing_calendar import InvalidFilingInput
from domain.errors import Forbidden
from domain.principals import Principal, Role
from ports.notifications.notification_store import Page
from tests.unit.notifications.world import World


@pytest.fixture
def world() -> World:
    world = World()
    # 2026-02-10: the 2025-Q4 13F is due Tuesday 2026-02-17 (7 days ahead)
    world.clock.set(datetime(2026, 2, 10, 12, 0, tzinfo=UTC))
    return world


def calendar_of(world: World) -> tuple[FilingCalendarService, InMemoryFilingReminderStore]:
    store = InMemoryFilingReminderStore()
    return FilingCalendarService(store, world.center.notify, world.clock), store


async def inbox(world: World, user_id: str) -> list[tuple[str, str]]:
    found = await world.store.in_app(Page(user_id))
    return sorted((n.event_type, n.title) for n in found)


async def test_a_reminder_goes_out_once_for_the_nearest_lead(world: World) -> None:
    # Arrange
    service, _ = calendar_of(world)
    alice = await world.user("alice", "alice@example.com")
    await service.put_reminders(alice, ["13F-HR"], [14, 7, 1])

    # Act: the pass runs twice today, then again the day before the deadline
    first = await service.send_due()
    again = await service.send_due()
    world.clock.set(datetime(2026, 2, 16, 12, 0, tzinfo=UTC))
    last = await service.send_due()

    # Assert: 7 days ahead (14 and 7 reached together: one notification), then the 1-day one
    assert (first.subscribers, first.sent, again.sent, last.sent) == (1, 1, 0, 1)
    titles = await inbox(world, "alice")
    assert titles == [("filing.due", "Filing due: 13F-HR for 2025-Q4")] * 2
    found = await world.store.in_app(Page("alice"))
    assert {n.body for n in found} == {"13F-HR for 2025-Q4 is due on 2026-02-17."}


async def test_a_crash_before_recording_sends_no_second_notification(world: World) -> None:
    # Arrange: the pass notified, then "crashed" before recording it: the store forgets
    service, store = calendar_of(world)
    bob = await world.user("bob", "bob@example.com")
    await service.put_reminders(bob, ["13F-HR"], [7])
    await service.send_due()
    store._sent.clear()  # what a crash between notify and mark_sent leaves behind

    # Act
    await service.send_due()

    # Assert: the same source id: the center's outbox kept one copy
    assert await inbox(world, "bob") == [("filing.due", "Filing due: 13F-HR for 2025-Q4")]


async def test_users_without_filings_or_far_from_a_deadline_get_nothing(world: World) -> None:
    # Arrange
    service, _ = calendar_of(world)
    carol = await world.user("carol")
    dave = await world.user("dave")
    await service.put_reminders(carol, [], [7])
    await service.put_reminders(dave, ["1040-ES"], [3])  # next: 2026-04-15, far away

    # Act
    done = await service.send_due()

    # Assert
    assert (done.subscribers, done.sent) == (1, 0)
    assert await inbox(world, "carol") == [] and await inbox(world, "dave") == []


async def test_settings_are_checked_and_a_viewer_cannot_change_them(world: World) -> None:
    # Arrange
    service, _ = calendar_of(world)
    owner = Principal("erin", Role.OWNER)

    # Act / Assert
    with pytest.raises(InvalidFilingInput) as unknown:
        await service.put_reminders(owner, ["10-K"], None)
    assert unknown.value.field == "filings"
    with pytest.raises(InvalidFilingInput):
        await service.put_reminders(owner, ["13F-HR"], [1, 2, 3, 4, 5, 6])
    with pytest.raises(Forbidden):
        await service.put_reminders(Principal("v", Role.VIEWER), ["13F-HR"], None)
    defaults = await service.reminders(owner)
    assert defaults.filings == () and defaults.lead_days == (14, 3, 1)
    saved = await service.put_reminders(owner, ["1040-es", "13f-hr"], None)
    assert saved.filings == ("1040-ES", "13F-HR")
    assert saved.updated_at == world.clock.now()
