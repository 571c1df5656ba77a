"""`/console/fixed-income`'s stored-portfolio card: with a portfolio chosen (`?portfolio_id=`
or its form) the page shows the figures GET /api/v1/portfolios/{id}/fixed-income answers for
it, the holdings, the shock table (in total and per holding) and the skipped holdings;
another user's portfolio is 404, a bad field is shown beside it."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in, text_of
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import buy, deposit, portfolio_with

PAGE = "/console/fixed-income"
TERMS = {
    "face_value": "1000", "coupon_rate": "0.0425", "frequency": 2,
    "issue_date": "2021-05-15", "maturity": "2031-05-15", "day_count": "ACT/ACT ICMA",
}  # fmt: skip


@pytest.fixture
async def bonds(harness: Harness, owner: User) -> str:
    """The owner's portfolio: 25 treasuries (250 units of 100 face) marked at 97.25, 10 AAPL."""
    admin = await harness.user(Role.ADMIN)
    made = await harness.client.post(
        "/api/v1/instruments",
        json={"symbol": "UST-2031", "asset_class": "bond", "bond": TERMS},
        headers=admin.headers,
    )
    assert made.status_code == 201, made.text
    harness.container.core.market().set_price("UST-2031", Decimal("97.25"))
    await harness.instrument("AAPL", "190")
    return await portfolio_with(
        harness, owner, deposit("100000"), buy("UST-2031", "250", "97"), buy("AAPL", "10", "150")
    )


async def test_a_chosen_portfolio_shows_the_apis_figures_and_shock_table(
    harness: Harness, owner: User, bonds: str
) -> None:
    # Arrange
    api = await harness.client.get(
        f"/api/v1/portfolios/{bonds}/fixed-income", headers=owner.headers
    )
    expected = api.json()
    totals = expected["totals"]

    # Act
    async with signed_in(harness, owner.username) as client:
        plain = await client.get(PAGE)
        chosen = await client.get(PAGE, params={"portfolio_id": bonds})

    # Assert: without a choice the card waits; with one it shows the stored figures
    assert plain.status_code == 200 and 'id="portfolio-bonds-form"' in plain.text
    assert 'id="portfolio-answer"' not in plain.text
    assert chosen.status_code == 200, chosen.text
    page = chosen.text
    assert f'<option value="{bonds}" selected>' in page
    assert text_of(page, "portfolio-market-value") == f"{totals['market_value']:,.2f}"
    assert text_of(page, "portfolio-dv01") == f"{totals['dv01']:,.2f}"
    assert text_of(page, "portfolio-face") == "25,000.00"
    assert text_of(page, "portfolio-yield") == f"{totals['yield_rate'] * 100:.6f} %"
    for element_id, key in (("portfolio-macaulay", "macaulay_duration"),
                            ("portfolio-modified", "modified_duration"),
                            ("portfolio-convexity", "convexity"),
                            ("portfolio-wal", "weighted_average_life")):  # fmt: skip
        assert text_of(page, element_id) == f"{totals[key]:.6f}", key
    assert page.count('<tr class="holding"') == 1 and 'data-symbol="UST-2031"' in page
    chart = chart_data(page, "data-chart-data", "portfolio-shock-chart")
    assert chart["x"] == [s["shift_bp"] for s in expected["shocks"]]
    assert chart["series"]["Full repricing"] == [
        round(s["full_change"], 6) for s in expected["shocks"]
    ]
    per_holding = re.search(r'id="portfolio-holding-shocks">(.*?)</table>', page, re.S)
    assert per_holding is not None
    first = expected["holdings"][0]["shocks"][0]
    assert f"{first['full_change']:,.2f} / {first['duration_convexity_estimate']:,.2f}" in (
        per_holding.group(1)
    )
    assert "AAPL: not a bond (equity)" in page


async def test_the_form_answers_the_card_with_its_shocks_and_refuses_a_bad_field(
    harness: Harness, owner: User, bonds: str
) -> None:
    # Arrange
    api = await harness.client.get(
        f"/api/v1/portfolios/{bonds}/fixed-income",
        params={"settlement": "2026-03-10", "shocks_bp": [-100, 100]},
        headers=owner.headers,
    )
    form = {"portfolio_id": bonds, "settlement": "2026-03-10", "shocks_bp": "-100 100"}

    # Act
    async with signed_in(harness, owner.username) as client:
        answer = await client.htmx("POST", f"{PAGE}/portfolio", data=form)
        too_far = await client.htmx(
            "POST", f"{PAGE}/portfolio", data={**form, "shocks_bp": "-6000"}
        )
        garbled = await client.htmx("POST", f"{PAGE}/portfolio", data={**form, "shocks_bp": "x"})

    # Assert
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers
    assert answer.text.lstrip().startswith('<section class="card" id="calc-portfolio"')
    chart = chart_data(answer.text, "data-chart-data", "portfolio-shock-chart")
    assert chart["x"] == [-100, 100]
    assert chart["series"]["Duration + convexity"] == [
        round(s["duration_convexity_estimate"], 6) for s in api.json()["shocks"]
    ]
    assert real_status(too_far) == 422
    assert too_far.headers["X-Bulwark-Code"] == "INVALID_BOND_INPUT"
    assert 'data-field="shocks_bp"' in too_far.text and 'id="portfolio-answer"' not in too_far.text
    assert real_status(garbled) == 422 and 'data-field="shocks_bp"' in garbled.text


async def test_another_users_portfolio_is_not_found(
    harness: Harness, owner: User, bonds: str
) -> None:
    # Arrange
    stranger = await harness.user()

    # Act
    async with signed_in(harness, stranger.username) as client:
        chosen = await client.get(PAGE, params={"portfolio_id": bonds})
        posted = await client.htmx("POST", f"{PAGE}/portfolio", data={"portfolio_id": bonds})

    # Assert
    assert chosen.status_code == 404
    assert real_status(posted) == 404
    assert "UST-2031" not in chosen.text and "UST-2031" not in posted.text
