"""HTTP option chains and IV rank: any signed-in user, units named, errors as problems."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from adapters.memory.iv_history import InMemoryIVHistoryStore
from application.market_data.options_chain import OptionsChainService
from domain.principals import Role
from ports.market_data.iv_history import DailyIV
from ports.market_data.marketdata import ProviderRateLimited
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User, serving_market_data
from tests.unit.analytics.options.fakes import ChainProvider

pytestmark = [pytest.mark.serves("analytics", "market_data"), pytest.mark.shares_app()]

OPTIONS = "/api/v1/analytics/options"


@pytest.fixture
def history() -> InMemoryIVHistoryStore:
    return InMemoryIVHistoryStore()


@pytest.fixture
async def provider(
    harness: Harness, history: InMemoryIVHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[ChainProvider]:
    """The app's chain service over AAPL's seeded synthetic chain (spot 190, ATM vol 30%)."""
    fake = ChainProvider(harness.clock)
    chains = OptionsChainService(fake, history, harness.clock, rate=0.04)
    async with serving_market_data(harness, options_chain=chains) as client:
        monkeypatch.setattr(harness, "client", client)
        yield fake


@pytest.mark.parametrize("role", [Role.OWNER, Role.TRADER, Role.VIEWER])
async def test_any_signed_in_user_reads_the_chain_with_computed_iv_and_greeks(
    harness: Harness, provider: ChainProvider, role: Role
) -> None:
    user = await harness.user(role)

    response = await harness.client.get(f"{OPTIONS}/aapl/chain", headers=user.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["underlying"], body["spot"], body["rate"]) == ("AAPL", 190.0, 0.04)
    assert len(body["contracts"]) == 78 and len(body["expiries"]) == 3
    atm = next(c for c in body["contracts"] if float(c["strike"]) == 190 and c["right"] == "call")
    assert atm["iv"] == pytest.approx(0.30, abs=0.002)
    assert atm["iv_reason"] == "OK"
    assert 0.4 < atm["delta"] < 0.6 and atm["gamma"] > 0
    assert atm["theta_per_day"] < 0 and atm["vega_per_point"] > 0
    assert atm["premium_notional"] == pytest.approx(atm["volume"] * atm["mid"] * 100, abs=0.01)
    assert body["atm_iv_30d"] == pytest.approx(0.30, abs=0.002)
    assert set(body["put_call"]) >= {"by_volume", "by_open_interest"}
    assert all(e["max_pain"] is not None for e in body["expiries"])
    gex = body["gex"]
    assert len(gex["by_strike"]) == 13
    assert gex["total"] == pytest.approx(sum(row["net"] for row in gex["by_strike"]), abs=1.0)
    assert body["whale_thresholds"] == {
        "volume_oi_ratio": 1.0,
        "min_volume": 500,
        "premium_notional": 1_000_000.0,
    }
    assert body["sweeps"] == []


async def test_one_listed_expiry(harness: Harness, provider: ChainProvider, owner: User) -> None:
    expiry = "2026-02-20"  # the second monthly expiry after 2026-01-05

    response = await harness.client.get(
        f"{OPTIONS}/AAPL/chain?expiry={expiry}", headers=owner.headers
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["expiry"] == expiry
    assert {c["expiry"] for c in body["contracts"]} == {expiry}
    assert [e["expiry"] for e in body["expiries"]] == [expiry]


@pytest.mark.parametrize(
    ("expiry", "code"),
    [("2026-02-30", "INVALID_OPTIONS_REQUEST"), ("tomorrow", "INVALID_OPTIONS_REQUEST"),
     ("2026-02-19", "EXPIRY_NOT_LISTED")],
)  # fmt: skip
async def test_a_bad_expiry_is_422_naming_the_field(
    harness: Harness, provider: ChainProvider, owner: User, expiry: str, code: str
) -> None:
    response = await harness.client.get(
        f"{OPTIONS}/AAPL/chain", params={"expiry": expiry}, headers=owner.headers
    )

    body = assert_problem(response, 422, code)
    assert body["errors"][0]["field"] == "expiry"


async def test_an_unknown_symbol_is_404(
    harness: Harness, provider: ChainProvider, owner: User
) -> None:
    chain = await harness.client.get(f"{OPTIONS}/NOPE/chain", headers=owner.headers)
    rank = await harness.client.get(f"{OPTIONS}/NOPE/iv-rank", headers=owner.headers)

    assert_problem(chain, 404, "SYMBOL_NOT_FOUND")
    assert_problem(rank, 404, "SYMBOL_NOT_FOUND")


async def test_a_rate_limited_provider_is_503_with_retry_after(
    harness: Harness, provider: ChainProvider, owner: User
) -> None:
    provider.failure = ProviderRateLimited("chains", retry_after_s=7)

    response = await harness.client.get(f"{OPTIONS}/AAPL/chain", headers=owner.headers)

    assert_problem(response, 503, "MARKET_DATA_UNAVAILABLE")
    assert response.headers["retry-after"] == "7"


async def test_the_chain_needs_credentials(harness: Harness, provider: ChainProvider) -> None:
    response = await harness.client.get(f"{OPTIONS}/AAPL/chain")

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_iv_rank_without_history_says_so(
    harness: Harness, provider: ChainProvider, owner: User
) -> None:
    response = await harness.client.get(f"{OPTIONS}/AAPL/iv-rank", headers=owner.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["current_iv"] == pytest.approx(0.30, abs=0.002)
    assert (body["rank"], body["percentile"], body["observations"]) == (None, None, 1)
    assert (body["reason"], body["window"]) == ("INSUFFICIENT_HISTORY", 252)


async def test_iv_rank_against_stored_days(
    harness: Harness, provider: ChainProvider, history: InMemoryIVHistoryStore, owner: User
) -> None:
    # Arrange: 20%, 40%, 25% on the three days before today; today's IV ~30%.
    today = harness.clock.now().date()
    for back, iv in ((3, 0.20), (2, 0.40), (1, 0.25)):
        entry = DailyIV("AAPL", today - timedelta(days=back), iv, harness.clock.now())
        await history.record(entry)

    # Act
    response = await harness.client.get(f"{OPTIONS}/AAPL/iv-rank", headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["rank"] == pytest.approx(0.5, abs=0.01)
    assert body["percentile"] == pytest.approx(2 / 3, abs=1e-6)
    assert (body["min"], body["max"], body["observations"]) == (0.2, 0.4, 4)
    assert body["reason"] == "OK"
    assert body["as_of"] == today.isoformat()
    assert body["history_from"] == (today - timedelta(days=3)).isoformat()
