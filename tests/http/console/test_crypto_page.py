"""`/console/crypto`: the calculators answer the API's figures for the same input, the
impermanent-loss curve comes as chart data, a bad field is shown beside it, the chains and a
wallet of the synthetic fixture are read, a viewer may calculate, and a POST without the CSRF
token is refused."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User

pytestmark = pytest.mark.shares_app()

PAGE = "/console/crypto"
API = "/api/v1/analytics/crypto"
ALICE = "0x00000000000000000000000000000000000a11ce"
IL_FORM = {
    "entry_price": "2000",
    "deposit": "10000",
    "lower": "1500",
    "upper": "2500",
    "ratios": "0.5, 1, 1.2, 2",
}
_CHART = re.compile(r'id="il-chart"[^>]*data-chart-data="([^"]+)"')


async def test_impermanent_loss_shows_the_apis_figures_and_its_curve(
    harness: Harness, owner: User
) -> None:
    # Arrange
    prices = [str(Decimal("2000") * Decimal(r)) for r in ("0.5", "1", "1.2", "2")]
    api = await harness.client.post(
        f"{API}/impermanent-loss",
        headers=owner.headers,
        json={
            "entry_price": "2000",
            "deposit": "10000",
            "prices": prices,
            "range": {"lower": "1500", "upper": "2500"},
        },
    )

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        answer = await client.htmx("POST", f"{PAGE}/impermanent-loss", data=IL_FORM)

    # Assert
    assert api.status_code == 200, api.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers
    points = api.json()["points"]
    shown = re.findall(r'<td class="il">([^<]+)</td>', answer.text)
    assert shown == [p["impermanent_loss"] for p in points]
    assert 'id="il-model">concentrated v3<' in answer.text
    chart = json.loads(html.unescape(_CHART.search(answer.text).group(1)))  # type: ignore[union-attr]
    assert chart["x"] == [0.5, 1.0, 1.2, 2.0] and chart["time"] is False
    (curve,) = chart["series"].values()
    assert curve == [float(Decimal(p["impermanent_loss"]) * 100) for p in points]


async def test_a_bad_field_is_shown_beside_it(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        typed = await client.post(f"{PAGE}/impermanent-loss", {**IL_FORM, "ratios": "1, x"})
        by_service = await client.htmx(
            "POST", f"{PAGE}/impermanent-loss", data={**IL_FORM, "lower": "3000"}
        )
        drain = await client.htmx(
            "POST",
            f"{PAGE}/pool-drain",
            data={
                "series": "2026-01-01T00:00Z, 10\n2026-01-01T00:00Z, 5",
                "window_hours": "24",
                "threshold": "0.3",
            },
        )

    assert typed.status_code == 422 and "<h1>Crypto</h1>" in typed.text
    assert 'data-field="ratios">ratios: value 2' in typed.text
    assert 'id="il-answer"' not in typed.text
    assert real_status(by_service) == 422
    assert by_service.headers["X-Bulwark-Code"] == "INVALID_CRYPTO_INPUT"
    assert 'data-field="lower">range.lower: range.lower must be below' in by_service.text
    assert real_status(drain) == 422
    assert 'data-field="series">at[1] (line 2): timestamps must be strictly' in drain.text


async def test_pool_drain_and_gas_answer_as_the_api(harness: Harness, owner: User) -> None:
    # Arrange
    from adapters.http.console.crypto_page import DEFAULTS

    drain_form, gas_form = DEFAULTS["pool-drain"], DEFAULTS["gas"]
    rows = [line.split(", ") for line in gas_form["series"].splitlines()]
    gas_api = await harness.client.post(
        f"{API}/gas",
        headers=owner.headers,
        json={
            "at": [r[0].replace("Z", ":00Z") for r in rows],
            "gwei": [float(r[1]) for r in rows],
            "window": 24,
            "threshold": 3,
            "hours": 2,
        },
    )
    tvl = [line.split(", ") for line in drain_form["series"].splitlines()]
    drain_api = await harness.client.post(
        f"{API}/pool-drain",
        headers=owner.headers,
        json={
            "at": [r[0].replace("Z", ":00Z") for r in tvl],
            "tvl": [r[1] for r in tvl],
            "window_hours": 24,
            "threshold": "0.3",
        },
    )

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        drain = await client.htmx("POST", f"{PAGE}/pool-drain", data=drain_form)
        gas = await client.htmx("POST", f"{PAGE}/gas", data=gas_form)

    # Assert
    assert drain_api.status_code == 200 and gas_api.status_code == 200, gas_api.text
    assert f'id="drain-max">{drain_api.json()["max_drop"]}<' in drain.text
    assert 'id="drain-alerting"><span class="state-bad">yes' in drain.text
    assert f'id="gas-spikes">{gas_api.json()["spike_count"]}<' in gas.text
    assert gas_api.json()["latest_is_spike"] and "spike</span>" in gas.text


async def test_chains_and_a_wallet_from_the_synthetic_fixture(
    harness: Harness, owner: User
) -> None:
    api = await harness.client.post(
        f"{API}/wallets/balances",
        headers=owner.headers,
        json={"wallets": [{"chain_id": 1, "address": ALICE}]},
    )
    chains = await harness.client.get(f"{API}/chains", headers=owner.headers)

    async with signed_in(harness, owner.username) as client:
        shown = await client.get(PAGE)
        wallet = await client.htmx(
            "POST", f"{PAGE}/wallets", data={"chain_id": "1", "address": ALICE, "tokens": ""}
        )
        unknown = await client.htmx(
            "POST", f"{PAGE}/wallets", data={"chain_id": "1", "address": "0xabc", "tokens": ""}
        )

    for chain in chains.json()["chains"]:
        assert f'<th scope="row">{chain["name"]}</th>' in shown.text
    assert 'id="chain-source">Source: <strong>fixture</strong>' in shown.text
    assert "SYNTHETIC" in shown.text
    (asset,) = api.json()["wallets"][0]["assets"]
    assert f'<td class="amount">{asset["amount"]}</td>' in wallet.text
    assert f'id="wallet-total">{api.json()["total_value"]}<' in wallet.text
    assert real_status(unknown) == 422 and 'data-field="address"' in unknown.text


async def test_a_viewer_calculates_and_a_post_without_csrf_is_refused(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        shown = await client.get(PAGE)
        answer = await client.post(f"{PAGE}/impermanent-loss", IL_FORM)
        forged = await client.http.post(f"{PAGE}/impermanent-loss", data=IL_FORM)

    assert shown.status_code == 200 and 'href="/console/crypto" data-key="C"' in shown.text
    assert answer.status_code == 200 and 'id="il-answer"' in answer.text
    assert forged.status_code == 403


async def test_the_kept_wallets_and_their_portfolio_as_the_api_answers(
    harness: Harness, owner: User
) -> None:
    # Arrange: two wallets kept through the API, ETH priced
    await harness.instrument("ETH", "3000")
    for chain_id in (1, 8453):
        kept = await harness.client.post(
            "/api/v1/crypto/wallets",
            json={"chain_id": chain_id, "address": ALICE, "label": f"on {chain_id}"},
            headers=owner.headers,
        )
        assert kept.status_code == 201, kept.text
    api = (await harness.client.get("/api/v1/crypto/portfolio", headers=owner.headers)).json()

    # Act
    async with signed_in(harness, owner.username) as client:
        page = await client.get(PAGE)
        other = await harness.user()
    async with signed_in(harness, other.username) as client:
        empty = await client.get(PAGE)

    # Assert: 1.5 + 0.003 ETH x 3000 = 4509
    assert page.status_code == 200
    labels = re.findall(r'<th scope="row">(on \d+)</th>', page.text)
    assert sorted(labels) == ["on 1", "on 8453"]
    assert api["total_value"] == "4509"
    assert "<strong>4509</strong> over 2 wallets" in page.text
    assert re.findall(r'<td class="amount">([^<]+)</td>', page.text) == ["1.503"]
    assert 'id="no-kept"' in empty.text and 'id="portfolio-assets"' not in empty.text
