"""`/console/macro`: the macro dashboard of a day as GET /api/v1/analytics/macro/dashboard
answers it, the net insider buying of a window as GET /api/v1/analytics/insiders answers it,
and a refused day or window shown beside its field. Market data, nobody's own: a viewer reads
it too. The shipped sample sets answer."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("markets", "console"), pytest.mark.shares_app()]

PAGE = "/console/macro"
DASHBOARD = "/api/v1/analytics/macro/dashboard"
INSIDERS = "/api/v1/analytics/insiders"
WINDOW = {"start": "2024-01-01", "end": "2024-12-31"}


async def test_the_dashboard_and_insiders_as_the_api(harness: Harness, owner: User) -> None:
    # Arrange
    dashboard = await harness.client.get(
        DASHBOARD, params={"date": "2024-12-31"}, headers=owner.headers
    )
    insiders = await harness.client.get(INSIDERS, params=WINDOW, headers=owner.headers)

    # Act
    async with signed_in(harness, owner.username) as client:
        response = await client.get(PAGE, params={"date": "2024-12-31", **WINDOW})

    # Assert
    assert response.status_code == 200, response.text
    text = response.text
    assert f'id="macro-date">{dashboard.json()["date"]}<' in text
    for series in dashboard.json()["series"]:
        row = text.split(f'data-series="{series["series_id"]}"')[1].split("</tr>")[0]
        if series["value"] is not None:
            assert f'<td class="num">{series["value"]} ' in row
    items = insiders.json()["items"]
    assert items, "the sample set has insider trades in 2024"
    for item in items:
        row = text.split(f'data-symbol="{item["symbol"]}"')[1].split("</tr>")[0]
        assert f'<td class="num">{item["net_value_usd"]}</td>' in row
    assert '<a href="/console/macro" data-key="N"' in text


async def test_a_refused_day_or_window_is_shown_beside_it(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        day = await client.get(PAGE, params={"date": "31/12/2024"})
        window = await client.get(PAGE, params={"start": "2024-12-31", "end": "2024-01-01"})

    assert day.status_code == 422 and 'data-field="date">date: ' in day.text
    assert 'id="insiders-form"' in day.text
    assert window.status_code == 422 and 'class="field-error"' in window.text
    assert 'id="insiders-table"' not in window.text


async def test_a_viewer_reads_the_dashboard(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        response = await client.get(PAGE, params={"date": "2024-12-31", **WINDOW})

    assert response.status_code == 200 and 'id="macro-table"' in response.text
