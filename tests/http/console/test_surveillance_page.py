"""`/console/surveillance`: alerts by role (the desk every one, an owner only their own) with
filters, one alert's case timeline and evidence, and the desk's review; others see no form
and their posts are refused."""

from __future__ import annotations

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness
from tests.http.test_surveillance_api import desk

PAGE = "/console/surveillance"


async def test_the_desk_sees_every_alert_and_an_owner_only_their_own(harness: Harness) -> None:
    cast = await desk(harness)
    theirs = cast["theirs"].id

    async with signed_in(harness, cast["officer"].username) as client:
        everyone = await client.get(PAGE)
    async with signed_in(harness, cast["owner"].username) as client:
        own = await client.get(PAGE)
        foreign = await client.get(f"{PAGE}/{theirs}")

    assert everyone.text.count('<tr id="alert-') == 4
    assert own.text.count('<tr id="alert-') == 3 and theirs not in own.text
    assert foreign.status_code == 404
    assert 'href="/console/surveillance" data-key="w"' in own.text


async def test_filters_narrow_the_list(harness: Harness) -> None:
    cast = await desk(harness)
    one = cast["mine"][0]

    async with signed_in(harness, cast["officer"].username) as client:
        by_symbol = await client.get(f"{PAGE}?symbol={one.detection.symbol.lower()}")
        closed = await client.get(f"{PAGE}?status=closed")

    assert one.id in by_symbol.text
    assert all(
        a.id in by_symbol.text for a in cast["mine"] if a.detection.symbol == one.detection.symbol
    )
    assert 'id="no-alerts"' in closed.text


async def test_the_desk_acknowledges_then_closes_with_a_note(harness: Harness) -> None:
    cast = await desk(harness)
    alert_id = cast["mine"][0].id
    case = f"{PAGE}/{alert_id}"

    async with signed_in(harness, cast["officer"].username) as client:
        first = await client.get(case)
        acknowledged = await client.post(
            f"{case}/review", {"status": "acknowledged", "version": "1"}
        )
        await client.get(case)
        no_note = await client.htmx("POST", f"{case}/review", data={"status": "closed"})
        closed = await client.post(f"{case}/review", {"status": "closed", "note": "benign"})
        after = await client.get(case)

    assert 'id="case-timeline"' in first.text and "Alert opened" in first.text
    assert 'id="review-form"' in first.text
    assert acknowledged.status_code == closed.status_code == 303
    assert real_status(no_note) == 422 and "closing an alert needs a note" in no_note.text
    assert 'id="alert-status">closed<' in after.text
    assert "Acknowledged by" in after.text and "Closed by" in after.text
    assert 'id="case-note">Note: benign<' in after.text
    assert 'id="review-form"' not in after.text


async def test_the_viewer_and_the_owner_see_no_review_and_may_not_post_one(
    harness: Harness,
) -> None:
    cast = await desk(harness)
    alert_id = cast["mine"][0].id
    answers = {}
    for who in ("viewer", "owner"):
        async with signed_in(harness, cast[who].username) as client:
            shown = await client.get(f"{PAGE}/{alert_id}")
            posted = await client.htmx(
                "POST", f"{PAGE}/{alert_id}/review", data={"status": "acknowledged"}
            )
            answers[who] = (
                shown.status_code,
                'id="review-form"' in shown.text,
                real_status(posted),
            )
    stored = await harness.container.surveillance.surveillance_store().get(alert_id)

    assert answers == {"viewer": (200, False, 403), "owner": (200, False, 403)}
    assert stored is not None and stored.status.value == "open"
    assert cast["viewer"].role is Role.VIEWER
