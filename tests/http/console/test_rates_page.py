"""`/console/rates`: the Treasury curve of a day as GET /api/v1/analytics/rates/curve answers
it (its table and its chart's data), the inversion periods of the year before it as
/inversions answers them, and a day or method refused (or a day without a curve) shown beside
its field. Market data, nobody's own: a viewer reads it too. The shipped sample set answers."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import chart_data, signed_in
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("markets", "console"), pytest.mark.shares_app()]

PAGE = "/console/rates"
API = "/api/v1/analytics/rates"
DAY = "2024-06-28"


async def test_the_curve_and_its_inversions_as_the_api(harness: Harness, owner: User) -> None:
    # Arrange
    curve = (await harness.client.get(f"{API}/curve", params={"date": DAY},
                                      headers=owner.headers)).json()  # fmt: skip
    inversions = await harness.client.get(
        f"{API}/inversions",
        params={"end": curve["as_of"], "spreads": "false"},
        headers=owner.headers,
    )

    # Act
    async with signed_in(harness, owner.username) as client:
        response = await client.get(PAGE, params={"date": DAY})

    # Assert
    assert response.status_code == 200, response.text
    text = response.text
    assert f'id="curve-as-of">{curve["as_of"]}<' in text
    for point in curve["points"]:
        assert f'<th scope="row">{point["tenor"]}</th><td>{point["series_id"]}</td>' in text
        assert f'<td class="num">{point["yield_pct"]}</td>' in text
    chart = chart_data(text, "data-curve-chart", "curve-chart")
    observed = [y for y in chart["observed"] if y is not None]
    assert observed == [float(p["yield_pct"]) for p in curve["points"]]
    assert [y for y in chart["curve"] if y is not None] == [
        float(p["yield_pct"]) for p in curve["interpolated"]
    ]
    for measure in inversions.json()["measures"]:
        assert f'data-measure="{measure["measure"]}"' in text
        assert f"{measure['inverted_days']} of {measure['observed_days']} observed days" in text
    assert '<a href="/console/rates" data-key="Y"' in text


async def test_refused_days_and_methods_are_shown_beside_them(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        garbled = await client.get(PAGE, params={"date": "07/04/2024"})
        method = await client.get(PAGE, params={"date": DAY, "method": "spline"})
        too_early = await client.get(PAGE, params={"date": "1990-01-02"})

    assert garbled.status_code == 422 and 'data-field="date">date: ' in garbled.text
    assert method.status_code == 422 and 'data-field="method">method: ' in method.text
    assert too_early.status_code == 404 and 'data-field="date">date: no Treasury curve' in (
        too_early.text
    )
    assert 'id="rates-curve"' not in too_early.text and 'id="rates-form"' in too_early.text


async def test_a_viewer_reads_the_curve(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        response = await client.get(PAGE, params={"date": DAY})

    assert response.status_code == 200 and 'id="curve-chart"' in response.text
