"""`/console/esg`: the data set named with its date, an issuer lookup (an unknown one answers
404 beside the field), a portfolio's score, screen and carbon as the API answers them from
typed holdings or a stored portfolio (another user's is not found), a bad field beside it, a
viewer may ask, and a POST without the CSRF token is refused."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import buy, deposit, portfolio_with

pytestmark = pytest.mark.shares_app()

PAGE = "/console/esg"
API = "/api/v1/analytics/esg"
TYPED = "AAPL 5000000\nSMKY 1000000\nEPIC 4000000"
HOLDINGS = [
    {"symbol": "AAPL", "value": "5000000"},
    {"symbol": "SMKY", "value": "1000000"},
    {"symbol": "EPIC", "value": "4000000"},
]
DEFAULT_THRESHOLDS = {
    "threshold_tobacco": "0",
    "threshold_alcohol": "0.05",
    "threshold_gambling": "0.05",
    "threshold_weapons": "0.05",
    "threshold_adult_entertainment": "0.05",
    "threshold_thermal_coal": "0.01",
}


async def test_the_dataset_and_an_issuer_as_the_api_names_them(
    harness: Harness, owner: User
) -> None:
    dataset = (await harness.client.get(f"{API}/dataset", headers=owner.headers)).json()
    issuer = (await harness.client.get(f"{API}/issuers/XOM", headers=owner.headers)).json()

    async with signed_in(harness, owner.username) as client:
        found = await client.get(PAGE, params={"symbol": "xom"})
        unknown = await client.get(PAGE, params={"symbol": "NOPE"})

    assert found.status_code == 200
    assert f'id="dataset-source">{dataset["source"]}<' in found.text
    assert f'id="dataset-as-of">{dataset["as_of"]}<' in found.text
    assert dataset["synthetic"] and 'id="dataset-synthetic"' in found.text
    assert f'id="issuer-score">{issuer["score"]}<' in found.text
    assert f'id="issuer-as-of">{issuer["as_of"]}<' in found.text
    assert unknown.status_code == 404 and 'data-field="symbol">symbol: ' in unknown.text
    assert 'id="esg-dataset"' in unknown.text  # the rest of the page still shows


async def test_typed_holdings_score_screen_and_carbon_as_the_api(
    harness: Harness, owner: User
) -> None:
    # Arrange
    body = {"holdings": HOLDINGS}
    score = (await harness.client.post(f"{API}/score", json=body, headers=owner.headers)).json()
    screen = (await harness.client.post(f"{API}/screen", json=body, headers=owner.headers)).json()
    carbon = (await harness.client.post(f"{API}/carbon", json=body, headers=owner.headers)).json()

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        answer = await client.htmx(
            "POST",
            f"{PAGE}/portfolio",
            data={"source": "", "holdings": TYPED, "currency": "USD", **DEFAULT_THRESHOLDS},
        )

    # Assert
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers
    assert f'id="esg-score">{score["score"]}<' in answer.text
    assert f'id="esg-footprint">{carbon["carbon_footprint"]}<' in answer.text
    assert f'id="esg-waci">{carbon["waci"]}<' in answer.text
    assert f'id="esg-excluded-weight">{screen["excluded_weight"]}<' in answer.text
    for excluded in screen["excluded"]:
        assert f'<th scope="row">{excluded["symbol"]}</th><td>{excluded["weight"]}</td>' in (
            answer.text
        )
    assert f'class="esg-as-of">{score["dataset"]["as_of"]}<' in answer.text


async def test_a_stored_portfolio_is_analysed_and_anothers_is_not_found(
    harness: Harness, owner: User
) -> None:
    await harness.instrument("AAPL", "190")
    await harness.instrument("XOM", "110", sector="Energy")
    mine = await portfolio_with(
        harness, owner, deposit("10000"), buy("AAPL", "10", "150"), buy("XOM", "10", "100")
    )
    score = await harness.client.post(
        f"{API}/score", json={"portfolio_id": mine}, headers=owner.headers
    )
    stranger = await harness.user()
    form = {"source": mine, "holdings": "", "currency": "USD", **DEFAULT_THRESHOLDS}

    async with signed_in(harness, owner.username) as client:
        listed = await client.get(PAGE)
        answer = await client.htmx("POST", f"{PAGE}/portfolio", data=form)
    async with signed_in(harness, stranger.username) as client:
        await client.get(PAGE)
        theirs = await client.htmx("POST", f"{PAGE}/portfolio", data=form)

    assert score.status_code == 200, score.text
    assert f'<option value="{mine}">portfolio Main' in listed.text
    assert f'id="esg-score">{score.json()["score"]}<' in answer.text
    assert f"from portfolio {mine}" in answer.text
    assert real_status(theirs) == 404 and 'id="esg-score"' not in theirs.text


async def test_bad_fields_are_shown_beside_them(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        typed = await client.post(
            f"{PAGE}/portfolio", {"holdings": "AAPL lots", "currency": "USD", **DEFAULT_THRESHOLDS}
        )
        by_service = await client.htmx(
            "POST",
            f"{PAGE}/portfolio",
            data={"holdings": "AAPL 100\nXOM -5", "currency": "USD", **DEFAULT_THRESHOLDS},
        )
        threshold = await client.htmx(
            "POST",
            f"{PAGE}/portfolio",
            data={"holdings": TYPED, **DEFAULT_THRESHOLDS, "threshold_tobacco": "2"},
        )
        euros = await client.htmx(
            "POST",
            f"{PAGE}/portfolio",
            data={"holdings": TYPED, "currency": "EUR", **DEFAULT_THRESHOLDS},
        )

    assert typed.status_code == 422
    assert 'data-field="holdings">holdings: line 1 is not' in typed.text
    assert real_status(by_service) == 422
    assert by_service.headers["X-Bulwark-Code"] == "INVALID_ESG_INPUT"
    assert 'data-field="holdings">holdings[1].value (line 2):' in by_service.text
    assert real_status(threshold) == 422 and 'data-field="threshold_tobacco"' in threshold.text
    assert euros.status_code == 200 and 'id="esg-carbon-error">currency: ' in euros.text
    assert 'id="esg-score"' in euros.text  # the score and screen still answer in EUR


async def test_a_viewer_asks_and_a_post_without_csrf_is_refused(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)
    form = {"holdings": TYPED, "currency": "USD", **DEFAULT_THRESHOLDS}

    async with signed_in(harness, viewer.username) as client:
        shown = await client.get(PAGE)
        answer = await client.post(f"{PAGE}/portfolio", form)
        forged = await client.http.post(f"{PAGE}/portfolio", data=form)

    assert shown.status_code == 200 and 'href="/console/esg" data-key="E"' in shown.text
    assert answer.status_code == 200 and 'id="esg-score"' in answer.text
    assert forged.status_code == 403
