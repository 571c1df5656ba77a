"""`/console/notifications`: the inbox (filters, pages, mark read, delete, clear), the unread
badge and the preferences form with its field errors; only ever the signed-in user's own."""

from __future__ import annotations

import re

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.test_notifications import notify

pytestmark = pytest.mark.serves(
    "trading", "safety", "market_data", "devices", "notifications", "console"
)

INBOX = "/console/notifications"
PREFS = "/console/notifications/preferences"
_IDS = re.compile(r"/console/notifications/([0-9a-f]{64})/read")


async def _inbox_of(harness: Harness, user: User, count: int, event: str = "notice") -> None:
    """`count` notifications of `event`, and nothing else (a console sign-in from a new device
    leaves a security notice: the caller signs in first, then calls this)."""
    await harness.client.delete("/api/v1/notifications", headers=user.headers)
    for i in range(count):
        await notify(harness, user, event, title=f"{user.username}-{event}-{i}", body="b")
        harness.clock.advance(1)


async def test_the_inbox_lists_only_the_users_own_with_the_unread_count(
    harness: Harness, owner: User
) -> None:
    # Arrange
    other = await harness.user()
    await _inbox_of(harness, other, 1)

    async with signed_in(harness, owner.username) as client:
        await _inbox_of(harness, owner, 2)
        # Act
        page = await client.get(INBOX)
        badge = await client.htmx("GET", INBOX + "/badge")

    # Assert
    assert page.status_code == 200
    assert f"{owner.username}-notice-0" in page.text and f"{owner.username}-notice-1" in page.text
    assert other.username not in page.text
    assert '<span id="unread-total">2 unread</span>' in page.text
    assert 'href="/console/notifications" data-key="m"' in page.text  # the navigation entry
    assert 'id="unread-count">2<' in badge.text


async def test_filters_by_type_and_unread_and_pages_with_the_cursor(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        # Arrange: 30 notices (more than a page) and one of another type, the newest
        await _inbox_of(harness, owner, 30)
        await notify(harness, owner, "custom.ping", title="AAPL crossed", body="b")
        # Act
        first = await client.get(INBOX)
        older = re.search(r'href="([^"]+)" id="next-page"', first.text)
        assert older is not None
        second = await client.get(older.group(1).replace("&amp;", "&"))
        by_type = await client.get(INBOX + "?type=custom.ping")
        one = _IDS.findall(first.text)[0]
        await client.post(f"{INBOX}/{one}/read", {"return_to": INBOX})
        unread_only = await client.get(INBOX + "?unread=true")

    # Assert
    assert len(_IDS.findall(first.text)) == 25
    assert len(_IDS.findall(second.text)) == 6
    assert not set(_IDS.findall(first.text)) & set(_IDS.findall(second.text))
    assert "AAPL crossed" in by_type.text and "notice-" not in by_type.text
    assert one not in unread_only.text
    assert "30 unread" in unread_only.text


async def test_mark_read_delete_and_clear_act_only_on_the_users_own(
    harness: Harness, owner: User
) -> None:
    # Arrange
    other = await harness.user()
    async with signed_in(harness, other.username) as theirs:
        await _inbox_of(harness, other, 1)
        foreign = _IDS.findall((await theirs.get(INBOX)).text)[0]

    async with signed_in(harness, owner.username) as client:
        await _inbox_of(harness, owner, 3)
        mine = _IDS.findall((await client.get(INBOX)).text)
        # Act
        read = await client.post(f"{INBOX}/{mine[0]}/read", {"return_to": "https://evil.test/"})
        deleted = await client.post(f"{INBOX}/{mine[1]}/delete", {"return_to": INBOX})
        foreign_read = await client.htmx("POST", f"{INBOX}/{foreign}/read")
        foreign_delete = await client.post(f"{INBOX}/{foreign}/delete")
        after = await client.get(INBOX)
        cleared = await client.post(f"{INBOX}/clear")
        empty = await client.get(INBOX)

    # Assert
    assert read.status_code == deleted.status_code == cleared.status_code == 303
    assert read.headers["location"] == INBOX  # never back to another site
    assert real_status(foreign_read) == 404 and foreign_delete.status_code == 404
    assert "1 unread" in after.text and mine[1] not in after.text
    assert 'id="inbox-empty"' in empty.text
    theirs_after = await harness.client.get("/api/v1/notifications", headers=other.headers)
    assert [n["id"] for n in theirs_after.json()["items"]] == [foreign]
    assert theirs_after.json()["items"][0]["read_at"] is None


async def test_a_post_without_the_csrf_token_is_refused(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        await _inbox_of(harness, owner, 1)
        response = await client.http.post(f"{INBOX}/read-all")
        page = await client.get(INBOX)

    assert response.status_code == 403
    assert "1 unread" in page.text


async def test_preferences_save_channels_and_quiet_hours(harness: Harness, owner: User) -> None:
    # Arrange
    async with signed_in(harness, owner.username) as client:
        form = (await client.get(PREFS)).text
        checked = dict.fromkeys(re.findall(r'name="(ch\.[^"]+)" [^>]*checked', form), "on")
        checked.pop("ch.order.filled.web_push", None)  # turn one default channel off
        # Act
        saved = await client.post(
            PREFS,
            {**checked, "quiet_start": "22:00", "quiet_end": "07:00", "time_zone": "Europe/Paris",
             "digest_minutes": "60"},
        )  # fmt: skip
        shown = await client.get(saved.headers["location"])
    stored = await harness.container.core.notification_center().preferences(owner.id)

    # Assert
    assert saved.status_code == 303
    assert 'id="saved"' in shown.text and 'value="22:00"' in shown.text
    assert stored.quiet_hours is not None and stored.quiet_hours.time_zone == "Europe/Paris"
    assert "web_push" not in stored.enabled_channels("order.filled")
    assert list(stored.channels) == ["order.filled"]  # untouched types keep the defaults


async def test_preferences_answer_the_field_at_fault_inline(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PREFS)
        refused = await client.post(
            PREFS, {"quiet_start": "22:00", "quiet_end": "07:00", "time_zone": "Mars/Olympus"}
        )
    stored = await harness.container.core.notification_center().has_own_preferences(owner.id)

    assert refused.status_code == 422
    assert 'id="time_zone-error">not an IANA time zone<' in refused.text
    assert 'value="Mars/Olympus"' in refused.text  # what was typed stays
    assert stored is False


async def test_a_viewer_reads_and_manages_only_its_own_inbox(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)
    owner = await harness.user()
    await _inbox_of(harness, owner, 1)
    async with signed_in(harness, viewer.username) as client:
        await _inbox_of(harness, viewer, 1)
        page = await client.get(INBOX)
        mine = _IDS.findall(page.text)
        read = await client.post(f"{INBOX}/{mine[0]}/read")

    assert page.status_code == 200 and owner.username not in page.text
    assert read.status_code == 303  # the viewer's own profile, as on the API


async def test_a_refusal_posted_by_htmx_answers_200_with_the_real_status(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PREFS)
        refused = await client.htmx(
            "POST", PREFS, data={"quiet_start": "25:00", "quiet_end": "07:00", "time_zone": "UTC"}
        )

    assert refused.status_code == 200
    assert real_status(refused) == 422
    assert refused.headers["X-Bulwark-Code"] == "INVALID_NOTIFICATION_PREFERENCES"
    assert 'id="quiet_start-error">quiet_start must be HH:MM<' in refused.text
