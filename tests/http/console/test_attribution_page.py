"""`/console/attribution`: Brinson-Fachler attribution of a stored portfolio. The figures shown
are the API's for the same input (POST /api/v1/rebalancing/portfolios/{id}/attribution); a
field the form or the use case refuses is shown beside it; another user's portfolio answers
404; the viewer may ask (it changes nothing). The household is the worked example of
tests/http/test_rebalancing_api.py (today 2026-01-05)."""

from __future__ import annotations

import re

from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.test_rebalancing_api import household

PAGE = "/console/attribution"
FORM = {
    "start": "2025-12-01",
    "end": "2026-01-02",
    "step": "whole",
    "linking": "menchero",
    "benchmark": "VTI 0.5\nBND 0.5",
}
API_BODY = {
    "boundaries": ["2025-12-01", "2026-01-02"],
    "benchmark": [{"symbol": "VTI", "weight": 0.5}, {"symbol": "BND", "weight": 0.5}],
    "linking": "menchero",
}


def _pct(value: float) -> str:
    return format(value * 100.0, ".4f")


def _row(text: str, sector: str) -> list[str]:
    found = re.search(rf'<tr class="sector" data-sector="{sector}">(.*?)</tr>', text, re.S)
    assert found, f"no row for {sector}"
    return re.findall(r'<td class="num">([^<]*)</td>', found.group(1))


async def test_the_effects_shown_are_the_apis(harness: Harness, owner: User) -> None:
    # Arrange
    pid = await household(harness, owner)
    api = await harness.client.post(
        f"/api/v1/rebalancing/portfolios/{pid}/attribution", json=API_BODY, headers=owner.headers
    )
    expected = api.json()

    # Act
    async with signed_in(harness, owner.username) as client:
        form_page = await client.get(PAGE)
        answer = await client.htmx("POST", PAGE, data={**FORM, "portfolio_id": pid})

    # Assert
    assert form_page.status_code == 200 and f'<option value="{pid}" selected>' in form_page.text
    assert 'href="/console/attribution" data-key="A"' in form_page.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers
    for sector in ("Bonds", "Equity"):
        effects = expected["linked_by_sector"][sector]
        assert _row(answer.text, sector) == [
            _pct(effects[k]) for k in ("allocation", "selection", "interaction", "total")
        ]
    assert f'id="active-return">{_pct(expected["active_return"])} %' in answer.text
    assert f'id="portfolio-return">{_pct(expected["portfolio_return"])} %' in answer.text
    assert 'id="linking">Menchero<' in answer.text
    chart = chart_data(answer.text, "data-effects-chart")
    assert chart["labels"] == ["Bonds", "Equity"]
    assert chart["series"]["selection"][1] == round(
        expected["linked_by_sector"]["Equity"]["selection"] * 100, 6
    )


async def test_bad_fields_are_shown_beside_them(harness: Harness, owner: User) -> None:
    # Arrange
    pid = await household(harness, owner)
    typed = {**FORM, "portfolio_id": pid, "benchmark": "VTI lots", "start": "someday"}
    unpriced = {**FORM, "portfolio_id": pid, "benchmark": "NOPE 1"}

    # Act
    async with signed_in(harness, owner.username) as client:
        refused = await client.htmx("POST", PAGE, data=typed)
        plain = await client.post(PAGE, typed)
        no_close = await client.htmx("POST", PAGE, data=unpriced)

    # Assert
    assert real_status(refused) == 422 and refused.headers["X-Bulwark-Code"] == "VALIDATION_ERROR"
    assert 'data-field="benchmark"' in refused.text and 'data-field="start"' in refused.text
    assert "line 1" in refused.text and 'id="effects"' not in refused.text
    assert plain.status_code == 422 and "<h1>Attribution</h1>" in plain.text
    assert real_status(no_close) == 422
    assert no_close.headers["X-Bulwark-Code"] == "INVALID_ATTRIBUTION_INPUT"
    assert 'data-field="start"' in no_close.text and "NOPE" in no_close.text


async def test_another_users_portfolio_answers_404(harness: Harness, owner: User) -> None:
    # Arrange
    pid = await household(harness, owner)
    stranger = await harness.user()

    # Act
    async with signed_in(harness, stranger.username) as client:
        listing = await client.get(PAGE)
        plain = await client.post(PAGE, {**FORM, "portfolio_id": pid})
        htmx = await client.htmx("POST", PAGE, data={**FORM, "portfolio_id": pid})

    # Assert
    assert pid not in listing.text and 'id="no-portfolios"' in listing.text
    assert plain.status_code == 404
    assert real_status(htmx) == 404 and 'id="effects"' not in htmx.text


async def test_a_viewer_may_read_the_page(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        shown = await client.get(PAGE)
        asked = await client.htmx("POST", PAGE, data={**FORM, "portfolio_id": "nope"})

    assert shown.status_code == 200 and 'id="attribution-form"' in shown.text
    assert real_status(asked) == 404  # not refused as a viewer: the portfolio is not its own
