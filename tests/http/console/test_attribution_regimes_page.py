"""`/console/attribution/regimes`: the attribution page's second form, a stored portfolio from
the bar store's closes with its regime shifts. The figures shown are the API's for the same
input (POST /api/v1/analytics/attribution, stored); refusals are shown beside their fields;
another user's portfolio answers 404. The data are tests/http/test_attribution_stored_api.py's.
"""

from __future__ import annotations

import re

import pytest

from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.test_attribution_stored_api import URL, regime_world, worked_example

pytestmark = pytest.mark.shares_app()

PAGE = "/console/attribution"


def _pct(value: float) -> str:
    return format(value * 100.0, ".4f")


def form_of(body: dict[str, object]) -> dict[str, str]:
    return {
        "r_portfolio_id": str(body["portfolio_id"]),
        "r_start": str(body["start"]),
        "r_end": str(body["end"]),
        "r_period": "monthly",
        "r_series": "benchmark",
        "r_benchmark": "IDX 1",
    }


async def test_the_regimes_shown_are_the_apis(harness: Harness, owner: User) -> None:
    # Arrange
    body = await regime_world(harness, owner)
    api = await harness.client.post(URL, json=body, headers=owner.headers)
    expected = api.json()

    # Act
    async with signed_in(harness, owner.username) as client:
        shown = await client.get(f"{PAGE}?portfolio_id={body['portfolio_id']}")
        answer = await client.htmx("POST", f"{PAGE}/regimes", data=form_of(body))

    # Assert
    assert 'id="regimes-form"' in shown.text
    assert f'<option value="{body["portfolio_id"]}" selected>' in shown.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers
    rows = re.findall(r'<tr class="segment" data-regime="(\w+)">(.*?)</tr>', answer.text, re.S)
    assert [r[0] for r in rows] == [s["regime"] for s in expected["regimes"]["segments"]]
    for (_, cells), segment in zip(rows, expected["regimes"]["segments"], strict=True):
        numbers = re.findall(r'<td class="num">([^<]*)</td>', cells)
        assert numbers[0] == str(segment["periods"])
        assert numbers[3] == _pct(segment["active_return"])
        assert numbers[4] == _pct(segment["linked"]["allocation"])
    changes = re.findall(r'<li data-on="([^"]+)">', answer.text)
    assert changes == [c["on"] for c in expected["regimes"]["changes"]]
    active = _pct(expected["linked"]["active_return"])
    assert f'id="regimes-active-return">{active} %' in answer.text


async def test_refusals_are_shown_beside_their_fields(harness: Harness, owner: User) -> None:
    # Arrange: the worked example has three closes, too few for the regime reading
    pid = await worked_example(harness, owner)
    short = {"r_portfolio_id": pid, "r_start": "2024-01-31", "r_end": "2024-03-31",
             "r_period": "monthly", "r_series": "benchmark",
             "r_benchmark": "T1 0.5\nE1 0.5"}  # fmt: skip
    typed = {**short, "r_benchmark": "T1 lots", "r_period": "daily"}

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        history = await client.htmx("POST", f"{PAGE}/regimes", data=short)
        refused = await client.htmx("POST", f"{PAGE}/regimes", data=typed)
        plain = await client.post(f"{PAGE}/regimes", typed)

    # Assert
    assert real_status(history) == 422
    assert history.headers["X-Bulwark-Code"] == "INSUFFICIENT_STORED_HISTORY"
    assert 'data-field="r_start"' in history.text and "needs 200" in history.text
    assert real_status(refused) == 422 and refused.headers["X-Bulwark-Code"] == "VALIDATION_ERROR"
    assert 'data-field="r_benchmark"' in refused.text and 'data-field="r_period"' in refused.text
    assert 'id="regime-segments"' not in refused.text
    assert plain.status_code == 422 and "<h1>Attribution</h1>" in plain.text


async def test_another_users_portfolio_answers_404(harness: Harness, owner: User) -> None:
    # Arrange
    body = await regime_world(harness, owner)
    stranger = await harness.user()

    # Act
    async with signed_in(harness, stranger.username) as client:
        await client.get(PAGE)
        htmx = await client.htmx("POST", f"{PAGE}/regimes", data=form_of(body))
        plain = await client.post(f"{PAGE}/regimes", form_of(body))

    # Assert
    assert real_status(htmx) == 404 and 'id="regime-segments"' not in htmx.text
    assert plain.status_code == 404
