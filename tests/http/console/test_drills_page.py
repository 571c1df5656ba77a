"""`/console/drills`: the owner's drill schedules, the table of their drills and the chart of
the time to halt, to confirmed cancel and to flat over time; one drill's page with its venues;
another owner's drill is never listed and answers 404."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html import unescape

from application.drills.schedules import ScheduleDraft
from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User

PAGE = "/console/drills"


def chart(html: str, name: str) -> dict[str, object]:
    found = re.search(rf'id="{name}"[^>]*data-chart-data="([^"]+)"', html)
    assert found is not None, name
    data: dict[str, object] = json.loads(unescape(found.group(1)))
    return data


async def drills(
    harness: Harness, owner: User, *days: int, cron: str = "0 3 * * *", faults: str = "none"
) -> list[str]:
    """A drill schedule of `owner`'s, and the drills the job runs at 03:00 on each of `days` of
    January 2026 (every due schedule's)."""
    await harness.container.drills.schedules().create(
        ScheduleDraft(owner.principal, cron, faults=faults)
    )
    ran: list[str] = []
    for day in days:
        harness.clock.set(datetime(2026, 1, day, 3, 0, tzinfo=UTC))
        ran += [r.id for r in await harness.container.drills.scheduler().run_due()]
    return ran


async def test_the_page_shows_the_schedules_the_drills_and_their_timings_chart(
    harness: Harness, owner: User
) -> None:
    # Arrange: three drills that pass; then, on the 9th, one more and one on a broker that
    # keeps its orders (once a week, on Fridays)
    passed = await drills(harness, owner, 6, 7, 8)
    ninth = await drills(harness, owner, 9, cron="0 3 * * 5", faults="keep_on_cancel")
    records = [await harness.container.drills.records().get(owner.principal, i) for i in ninth]
    failed = [r.id for r in records if not r.passed]
    passed += [r.id for r in records if r.passed]

    # Act
    async with signed_in(harness, owner.username) as client:
        listing = await client.get(PAGE)
        one = await client.get(f"{PAGE}/{failed[0]}")

    # Assert
    assert listing.status_code == 200 and one.status_code == 200
    assert 'href="/console/drills" data-key="D"' in listing.text
    assert listing.text.count('<tr id="schedule-') == 2
    assert listing.text.count('class="drill-pass"') == 4
    assert listing.text.count('class="drill-fail"') == 1
    for run_id in passed + failed:
        assert f'href="/console/drills/{run_id}"' in listing.text
    timings = chart(listing.text, "drill-timings-chart")
    series: dict[str, list[float | None]] = timings["series"]  # type: ignore[assignment]
    assert timings["x"] == [
        int(datetime(2026, 1, day, 3, 0, tzinfo=UTC).timestamp()) for day in (6, 7, 8, 9, 9)
    ]
    assert list(series) == [
        "Time to halt (ms)", "Time to confirmed cancel (ms)", "Time to flat (ms)",
    ]  # fmt: skip
    assert all(v is not None for v in series["Time to flat (ms)"][:3])
    assert series["Time to confirmed cancel (ms)"].count(None) == 1  # the kept orders: never
    assert "UNCONFIRMED" in one.text and "did not hold at paper" in one.text


async def test_another_owners_drill_is_not_shown_and_answers_404(
    harness: Harness, owner: User
) -> None:
    # Arrange
    other = await harness.user()
    (theirs,) = await drills(harness, other, 6)

    # Act
    async with signed_in(harness, owner.username) as client:
        listing = await client.get(PAGE)
        foreign = await client.get(f"{PAGE}/{theirs}")

    # Assert
    assert theirs not in listing.text
    assert 'id="no-drills"' in listing.text and 'id="no-schedules"' in listing.text
    assert 'id="drill-timings-chart"' not in listing.text
    assert foreign.status_code == 404


async def test_a_viewer_sees_its_own_empty_page(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    async with signed_in(harness, viewer.username) as client:
        listing = await client.get(PAGE)

    # Assert
    assert listing.status_code == 200 and 'id="no-drills"' in listing.text
