"""/console/options: the chain table, the aggregates and both charts, as the chain service has them.

The app's chain service is pointed at AAPL's seeded synthetic chain (tests/unit/analytics/options:
spot 190, ATM vol 30%), as in tests/http/test_options_chain.py; every figure on the page is
compared with what the same service answers directly.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest

from adapters.http.console.filters import money
from adapters.memory.iv_history import InMemoryIVHistoryStore
from application.market_data.options_chain import OptionsChainService
from domain.principals import Role
from domain.trading.instruments import OptionRight
from tests.http.console.helpers import chart_data, signed_in
from tests.http.harness import Harness, serving_market_data
from tests.unit.analytics.options.fakes import ChainProvider

pytestmark = pytest.mark.shares_app()

PAGE = "/console/options"
EXPIRY = "2026-02-20"  # the second monthly expiry after the harness's 2026-01-05


@pytest.fixture
async def chains(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[OptionsChainService]:
    service = OptionsChainService(
        ChainProvider(harness.clock), InMemoryIVHistoryStore(), harness.clock, rate=0.04
    )
    async with serving_market_data(harness, options_chain=service) as client:
        monkeypatch.setattr(harness, "client", client)
        monkeypatch.setattr(harness, "app", client.app)  # the console's client
        yield service


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{money(value * 100, 1)} %"


@pytest.mark.parametrize("role", [Role.OWNER, Role.VIEWER])
async def test_the_page_shows_the_services_chain_and_aggregates(
    harness: Harness, chains: OptionsChainService, role: Role
) -> None:
    user = await harness.user(role)
    expected = await chains.chain("AAPL", EXPIRY)

    async with signed_in(harness, user.username) as client:
        response = await client.get(f"{PAGE}?symbol=aapl&expiry={EXPIRY}")

    assert response.status_code == 200, response.text
    text = response.text
    assert f'id="spot">{money(expected.spot)}<' in text
    assert f'id="pcr-volume">{money(expected.put_call.by_volume)}<' in text
    assert f'id="pcr-oi">{money(expected.put_call.by_open_interest)}<' in text
    assert f'id="atm-iv-30d">{_pct(expected.atm_iv_30d)}<' in text
    (one,) = expected.expiries
    assert f'class="num max-pain">{money(one.max_pain)}<' in text
    assert f'<option value="{EXPIRY}" selected>' in text
    assert f'id="zero-gamma">{money(expected.zero_gamma)}<' in text
    rows = re.findall(r'<th scope="row" class="num strike">([\d,.]+)</th>', text)
    strikes = sorted({float(c.quote.strike) for c in expected.contracts})
    assert rows == [money(s) for s in strikes]
    atm = next(
        c for c in expected.contracts
        if float(c.quote.strike) == 190 and c.quote.right is OptionRight.CALL
    )  # fmt: skip
    assert atm.delta is not None and atm.theta_per_day is not None
    assert money(atm.delta, 3) in text and money(atm.theta_per_day, 3) in text


async def test_the_smile_and_gex_charts_carry_the_services_figures(
    harness: Harness, chains: OptionsChainService
) -> None:
    owner = await harness.user()
    expected = await chains.chain("AAPL", EXPIRY)

    async with signed_in(harness, owner.username) as client:
        response = await client.get(f"{PAGE}?symbol=AAPL&expiry={EXPIRY}")

    smile = chart_data(response.text, "data-chart-data", "smile-chart")
    assert list(smile["series"]) == ["Calls", "Puts"] and smile["time"] is False
    calls = {
        float(c.quote.strike): c.iv for c in expected.contracts if c.quote.right is OptionRight.CALL
    }
    assert smile["series"]["Calls"] == [
        None if calls[s] is None else pytest.approx(calls[s] * 100, abs=1e-4) for s in smile["x"]
    ]
    gex = chart_data(response.text, "data-chart-data", "gex-chart")
    assert gex["x"] == expected.gex.strikes.tolist() and gex["bars"] is True
    assert gex["series"]["Net GEX"] == [round(v, 2) for v in expected.gex.net.tolist()]
    zero = (
        [] if expected.zero_gamma is None else [{"x": expected.zero_gamma, "label": "zero gamma"}]
    )
    assert gex["markers"] == [{"x": expected.spot, "label": "spot"}, *zero]


async def test_the_whole_chain_lists_every_expiry_and_iv_rank_says_why_it_is_missing(
    harness: Harness, chains: OptionsChainService
) -> None:
    owner = await harness.user()
    expected = await chains.chain("AAPL")

    async with signed_in(harness, owner.username) as client:
        response = await client.get(PAGE)

    assert response.status_code == 200
    text = response.text
    for e in expected.expiries:
        assert f'<option value="{e.expiry.isoformat()}">' in text
        assert f"Expiry {e.expiry.isoformat()}" in text
    smile = chart_data(text, "data-chart-data", "smile-chart")
    assert len(smile["series"]) == 2 * len(expected.expiries)
    assert "<code>INSUFFICIENT_HISTORY</code>" in text  # no stored daily IV yet
    assert "not enough stored daily IVs yet" in text


async def test_an_unknown_symbol_or_expiry_is_said_on_the_page(
    harness: Harness, chains: OptionsChainService
) -> None:
    owner = await harness.user()

    async with signed_in(harness, owner.username) as client:
        unknown = await client.get(f"{PAGE}?symbol=NOPE")
        unlisted = await client.get(f"{PAGE}?symbol=AAPL&expiry=2030-01-01")
        malformed = await client.get(f"{PAGE}?symbol=AAPL&expiry=soon")

    assert unknown.status_code == 404 and 'id="chain-problem"' in unknown.text
    assert unlisted.status_code == 422 and "EXPIRY_NOT_LISTED" in unlisted.text
    assert malformed.status_code == 422 and "INVALID_OPTIONS_REQUEST" in malformed.text
    assert 'id="chain-picker"' in unknown.text  # the picker stays to try again
