"""`/console/illiquid-assets`: the caller's assets with their latest values as the API lists
them, one added from the form (its page follows), a valuation recorded and its history shown
as the API answers it with the chart's data, refused fields shown beside them (422; a second
valuation on one day 409), another user's asset and portfolio never shown (404), and a viewer
sees no form and is refused."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("portfolio", "console"), pytest.mark.shares_app()]

PAGE = "/console/illiquid-assets"
API = "/api/v1/planning/illiquid-assets"
APPRAISAL = {"as_of": "2024-06-01", "value": "1", "method": "appraisal"}


async def _asset(harness: Harness, owner: User, name: str = "Lake house") -> tuple[str, str]:
    """A portfolio of `owner` holding one asset valued once through the API: (portfolio, asset)."""
    portfolio_id, _ = await harness.manual_portfolio(owner)
    made = await harness.client.post(
        API,
        json={"portfolio_id": portfolio_id, "name": name, "kind": "real_estate",
              "acquired": "2020-06-01", "cost": "400000"},
        headers=owner.headers,
    )  # fmt: skip
    assert made.status_code == 201, made.text
    asset_id: str = made.json()["asset"]["id"]
    valued = await harness.client.post(
        f"{API}/{asset_id}/valuations",
        json={"as_of": "2024-06-01", "value": "520000", "method": "appraisal"},
        headers=owner.headers,
    )
    assert valued.status_code == 201, valued.text
    return portfolio_id, asset_id


async def test_the_list_and_an_assets_history_as_the_api(harness: Harness, owner: User) -> None:
    # Arrange
    _, asset_id = await _asset(harness, owner)
    detail = (await harness.client.get(f"{API}/{asset_id}", headers=owner.headers)).json()

    # Act
    async with signed_in(harness, owner.username) as client:
        listing = await client.get(PAGE)
        page = await client.get(f"{PAGE}/{asset_id}")

    # Assert
    assert listing.status_code == 200
    row = listing.text.split(f'data-asset="{asset_id}"')[1].split("</tr>")[0]
    assert "Lake house" in row and '<td class="num" data-latest>520000.00 USD</td>' in row
    assert '<a href="/console/illiquid-assets" data-key="W"' in listing.text
    assert page.status_code == 200
    assert f'id="asset-latest">{detail["latest_value"]}<' in page.text
    for point in detail["history"]:
        row = page.text.split(f'data-as-of="{point["as_of"]}">')[1].split("</tr>")[0]
        assert f'<td class="num">{point["value"]}</td>' in row
    chart = chart_data(page.text, "data-value-chart", "value-chart")
    assert chart["value"] == [float(p["value"]) for p in detail["history"]]
    assert chart["cost"] == [400000.0] * len(detail["history"]) and chart["currency"] == "USD"
    assert 'src="/console/static/illiquid.js"' in page.text


async def test_adding_an_asset_and_a_valuation_from_the_forms(
    harness: Harness, owner: User
) -> None:
    # Arrange
    portfolio_id, _ = await harness.manual_portfolio(owner)
    asset = {"portfolio_id": portfolio_id, "name": "Sketch", "kind": "art",
             "acquired": "2021-03-01", "cost": "12000", "currency": "", "note": ""}  # fmt: skip

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        added = await client.htmx("POST", PAGE, data=asset)
        to = added.headers["HX-Redirect"]
        await client.get(to)
        valued = await client.htmx(
            "POST", f"{to}/valuations",
            data={"as_of": "2025-03-01", "value": "15000", "method": "auction_estimate"},
        )  # fmt: skip
        shown = await client.get(to)
    listed = (await harness.client.get(API, headers=owner.headers)).json()["items"]

    # Assert
    (made,) = [a for a in listed if a["name"] == "Sketch"]
    assert to == f"{PAGE}/{made['id']}"
    assert valued.headers["HX-Redirect"] == to
    assert made["latest_value"] == "15000.00" and made["latest_as_of"] == "2025-03-01"
    assert 'id="asset-latest">15000.00<' in shown.text
    assert chart_data(shown.text, "data-value-chart", "value-chart")["value"] == [12000.0, 15000.0]


async def test_refused_fields_are_shown_beside_them(harness: Harness, owner: User) -> None:
    # Arrange
    portfolio_id, asset_id = await _asset(harness, owner)

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        asset = {"portfolio_id": portfolio_id, "name": "X", "acquired": "2021-01-01"}
        typo = await client.post(PAGE, {**asset, "kind": "boat", "cost": "-5"})
        future = {**asset, "kind": "art", "acquired": "2099-01-01", "cost": "5"}
        future_answer = await client.htmx("POST", PAGE, data=future)
        twice = await client.htmx("POST", f"{PAGE}/{asset_id}/valuations", data=APPRAISAL)
        bad = await client.post(
            f"{PAGE}/{asset_id}/valuations", {**APPRAISAL, "as_of": "soon", "value": "x"}
        )

    # Assert
    assert typo.status_code == 422
    assert 'data-field="kind">kind: must be one of' in typo.text
    assert real_status(future_answer) == 422
    assert future_answer.headers["X-Bulwark-Code"] == "INVALID_ILLIQUID_ASSET"
    assert 'data-field="acquired">acquired: ' in future_answer.text
    assert real_status(twice) == 409 and twice.headers["X-Bulwark-Code"] == "DUPLICATE_VALUATION"
    assert 'data-field="as_of">as_of: ' in twice.text
    assert bad.status_code == 422
    assert 'data-field="as_of">as_of: must be a date' in bad.text
    assert 'data-field="value">value: must be a number' in bad.text


async def test_another_users_assets_are_never_shown(harness: Harness, owner: User) -> None:
    # Arrange
    portfolio_id, asset_id = await _asset(harness, owner, name="Owner's vineyard")
    stranger = await harness.user(Role.OWNER)
    viewer = await harness.user(Role.VIEWER)

    # Act
    async with signed_in(harness, stranger.username) as client:
        listing = await client.get(PAGE)
        theirs = await client.get(f"{PAGE}/{asset_id}")
        value = await client.htmx("POST", f"{PAGE}/{asset_id}/valuations", data=APPRAISAL)
        mine = {"portfolio_id": portfolio_id, "name": "Mine", "kind": "art"}
        into = await client.htmx("POST", PAGE, data={**mine, "acquired": "2021-01-01", "cost": "5"})
    async with signed_in(harness, viewer.username) as client:
        viewed = await client.get(PAGE)
        refused = await client.htmx("POST", f"{PAGE}/{asset_id}/valuations", data=APPRAISAL)
    after = (await harness.client.get(f"{API}/{asset_id}", headers=owner.headers)).json()

    # Assert
    assert listing.status_code == 200 and asset_id not in listing.text
    assert "vineyard" not in listing.text and 'id="no-assets"' in listing.text
    assert theirs.status_code == 404 and "vineyard" not in theirs.text
    assert (
        real_status(value) == 404 and value.headers["X-Bulwark-Code"] == "ILLIQUID_ASSET_NOT_FOUND"
    )
    assert real_status(into) == 404 and into.headers["X-Bulwark-Code"] == "PORTFOLIO_NOT_FOUND"
    assert 'id="illiquid-form"' not in viewed.text and 'id="valuation-form"' not in viewed.text
    assert real_status(refused) == 403
    assert [v["as_of"] for v in after["valuations"]] == ["2024-06-01"]
