"""The crypto use cases: checks the domain does not make (sizes, pairs, ranges, zones), the
compute budget, and wallet balances through the fixture port valued by the market data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.chain.fixture import FixtureChain
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from application.analytics.crypto import (
    MAX_PRICES,
    CryptoAnalyticsService,
    GasRequest,
    ImpermanentLossRequest,
    PoolDrainRequest,
)
from application.analytics.crypto_wallets import WalletBalanceService, WalletRequest
from application.core.compute_budget import ComputeBudget
from bootstrap.crypto import SHIPPED_WALLETS
from domain.analytics.crypto.errors import InvalidCryptoInput
from ports.analytics.chain import NotAToken, UnknownChain

D = Decimal
ALICE = "0x00000000000000000000000000000000000A11CE"
USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"
POLYGON_USDC = "0x3c499c542cef5e3811e1192ce70d8cc03d5c3359"
T0 = datetime(2025, 1, 6, tzinfo=UTC)  # a Monday


@pytest.fixture
def service() -> Iterator[CryptoAnalyticsService]:
    budget = ComputeBudget(budget_s=30.0)
    yield CryptoAnalyticsService(budget)
    budget.close()


async def test_impermanent_loss_runs_in_the_budget(service: CryptoAnalyticsService) -> None:
    # Act
    report = await service.impermanent_loss(
        ImpermanentLossRequest(D(4), [D(9)], D(2), lower=D(1), upper=D(16))
    )

    # Assert
    assert report.points[0].lp_value == D("2.75")


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (ImpermanentLossRequest(D(1), []), "prices"),
        (ImpermanentLossRequest(D(1), [D(1)] * (MAX_PRICES + 1)), "prices"),
        (ImpermanentLossRequest(D(1), [D(1)], lower=D(1)), "range.upper"),
        (ImpermanentLossRequest(D(1), [D(1)], upper=D(1)), "range.lower"),
    ],
)
async def test_impermanent_loss_refusals(
    service: CryptoAnalyticsService, request_: ImpermanentLossRequest, field: str
) -> None:
    with pytest.raises(InvalidCryptoInput) as caught:
        await service.impermanent_loss(request_)
    assert caught.value.field == field


async def test_pool_drain_needs_one_tvl_per_time(service: CryptoAnalyticsService) -> None:
    # Arrange
    request = PoolDrainRequest([T0, T0 + timedelta(hours=1)], [D(1)], timedelta(hours=1), D("0.3"))

    # Act
    with pytest.raises(InvalidCryptoInput) as caught:
        await service.pool_drain(request)

    # Assert
    assert caught.value.field == "tvl"


async def test_gas_buckets_hours_in_the_asked_time_zone(service: CryptoAnalyticsService) -> None:
    # Arrange: a week of hourly prices, cheap at 09:00 UTC on Monday = 04:00 in New York (EST)
    at = [T0 + timedelta(hours=h) for h in range(168)]
    gwei = [3.0 if h == 9 else 20.0 for h in range(168)]

    # Act
    utc = await service.gas(GasRequest(at, gwei, window=24))
    new_york = await service.gas(GasRequest(at, gwei, window=24, timezone="America/New_York"))

    # Assert
    assert utc.cheapest.start_hour_of_week == 9
    assert new_york.cheapest.start_hour_of_week == 4
    assert utc.spike_count == 0  # a dip is no spike
    assert utc.latest is not None and utc.latest.z is None  # the last window is flat


async def test_gas_lists_spikes_and_flags_the_latest(service: CryptoAnalyticsService) -> None:
    # Arrange
    at = [T0 + timedelta(minutes=5 * i) for i in range(30)]
    gwei = [10.0 + (i % 3) for i in range(29)] + [90.0]

    # Act
    report = await service.gas(GasRequest(at, gwei, window=12, threshold=4.0))

    # Assert
    assert report.spike_count == 1 and report.latest_is_spike
    assert report.spikes[0].at == at[-1] and report.spikes[0].gwei == 90.0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"gwei": [1.0, 2.0]}, "gwei"),
        ({"at": [T0, T0, T0]}, "at[1]"),
        ({"at": [datetime(2025, 1, 1), T0, T0 + timedelta(hours=1)]}, "at[0]"),
        ({"window": 20_000_000}, "window"),
    ],
)
async def test_gas_refusals(
    service: CryptoAnalyticsService, changes: dict[str, object], field: str
) -> None:
    # Arrange
    fields: dict[str, object] = {
        "at": [T0 + timedelta(hours=h) for h in range(3)],
        "gwei": [1.0, 2.0, 3.0],
        "window": 2,
        **changes,
    }

    # Act
    with pytest.raises(InvalidCryptoInput) as caught:
        await service.gas(GasRequest(**fields))  # type: ignore[arg-type]

    # Assert
    assert caught.value.field == field


def wallets() -> WalletBalanceService:
    market = InMemoryMarketData(FakeClock())
    market.set_price("ETH", D("3000"))
    return WalletBalanceService(FixtureChain(SHIPPED_WALLETS), market)


async def test_wallets_on_two_chains_are_read_and_valued() -> None:
    # Act
    balances = await wallets().balances(
        [
            WalletRequest(1, ALICE, (USDC, WETH)),
            WalletRequest(137, ALICE, (POLYGON_USDC,)),
        ]
    )

    # Assert: ETH priced (1.5 x 3000), the others unpriced (no instrument; a stablecoin is
    # not assumed to be worth 1)
    eth, usdc, weth = balances.wallets[0].assets
    assert (eth.symbol, eth.amount, eth.value) == ("ETH", D("1.5"), D("4500.0"))
    assert (usdc.amount, usdc.price, weth.amount) == (D(2500), None, D("0.25"))
    pol, pusdc = balances.wallets[1].assets
    assert (pol.symbol, pol.amount, pusdc.amount) == ("POL", D(120), D("75.5"))
    assert balances.wallets[1].block == 64_000_000
    assert balances.total_value == D("4500.0")
    assert balances.unpriced == ("POL", "USDC", "WETH")
    assert balances.wallets[0].address == ALICE.lower()


@pytest.mark.parametrize(
    ("asked", "error", "field"),
    [
        ([], InvalidCryptoInput, "wallets"),
        ([WalletRequest(1, "0x12")], InvalidCryptoInput, "wallets[0].address"),
        ([WalletRequest(0, ALICE)], InvalidCryptoInput, "wallets[0].chain_id"),
        ([WalletRequest(1, ALICE, (USDC, USDC.upper().replace("0X", "0x")))],
         InvalidCryptoInput, "wallets[0].tokens[1]"),
        ([WalletRequest(1, ALICE), WalletRequest(10, ALICE)], UnknownChain, "wallets[1].chain_id"),
        ([WalletRequest(1, ALICE), WalletRequest(1, ALICE, (USDC, POLYGON_USDC))],
         NotAToken, "wallets[1].tokens[1]"),
    ],
)  # fmt: skip
async def test_wallet_refusals_name_the_field(
    asked: list[WalletRequest], error: type[Exception], field: str
) -> None:
    with pytest.raises(error) as caught:
        await wallets().balances(asked)
    assert getattr(caught.value, "field", None) == field
