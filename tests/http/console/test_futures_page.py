"""`/console/futures`: the products the source has, a product's term structure on a day as
GET /api/v1/analytics/futures/{root}/curve answers it (its table, its calendar spreads and its
chart's data), and a root or day refused shown beside its field. Market data, nobody's own: a
viewer reads it too. The shipped sample set (CL, RB, HO, NG) answers."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import chart_data, signed_in
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("markets", "console"), pytest.mark.shares_app()]

PAGE = "/console/futures"
API = "/api/v1/analytics/futures"
DAY = "2024-06-28"


async def test_a_term_structure_as_the_api(harness: Harness, owner: User) -> None:
    # Arrange
    api = await harness.client.get(f"{API}/CL/curve", params={"date": DAY}, headers=owner.headers)
    curve = api.json()
    contracts = (await harness.client.get(f"{API}/contracts", headers=owner.headers)).json()

    # Act
    async with signed_in(harness, owner.username) as client:
        response = await client.get(PAGE, params={"root": "cl", "date": DAY})

    # Assert
    assert response.status_code == 200, response.text
    text = response.text
    assert f'id="futures-as-of">{curve["as_of"]}<' in text
    assert f'id="futures-shape">{curve["shape"]}<' in text
    for point in curve["points"]:
        row = text.split(f'<th scope="row">{point["contract"]}</th>')[1].split("</tr>")[0]
        assert f'<td class="num">{point["price"]}</td>' in row
    for spread in curve["spreads"]:
        assert f'<td class="num">{spread["spread"]}</td>' in text
    chart = chart_data(text, "data-futures-chart", "futures-chart")
    prices = [float(p["price"]) for p in curve["points"]]
    assert chart["price"][-len(prices) :] == prices
    for product in contracts["items"]:
        assert f'<option value="{product["root"]}"' in text
    assert '<a href="/console/futures" data-key="U"' in text


async def test_a_refused_root_or_day_is_shown_beside_it(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        unknown = await client.get(PAGE, params={"root": "ZZ", "date": DAY})
        garbled = await client.get(PAGE, params={"root": "CL", "date": "28/06/2024"})
        too_early = await client.get(PAGE, params={"root": "CL", "date": "1990-01-02"})

    assert unknown.status_code == 404 and 'data-field="root">root: ' in unknown.text
    assert garbled.status_code == 422 and 'data-field="date">date: ' in garbled.text
    assert too_early.status_code == 404 and 'data-field="date">date: no CL settlements' in (
        too_early.text
    )
    assert 'id="futures-curve"' not in too_early.text


async def test_a_viewer_reads_a_curve(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        response = await client.get(PAGE, params={"root": "NG", "date": DAY})

    assert response.status_code == 200 and 'id="futures-chart"' in response.text
