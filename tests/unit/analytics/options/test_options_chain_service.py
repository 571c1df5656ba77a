"""The options-chain use case over a seeded synthetic chain: IVs from mids, Greeks, aggregates,
expiry and symbol errors, IV rank against stored days, sweeps across reads, the IV recorder."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.iv_history import InMemoryIVHistoryStore
from application.market_data.iv_recorder import IVRecorder
from application.market_data.market import MarketDataUnavailable, SymbolNotFound
from application.market_data.options_chain import OptionsChainService
from application.market_data.options_requests import ExpiryNotListed, InvalidOptionsRequest
from domain.analytics.options.iv_stats import IVRankReason
from ports.market_data.iv_history import DailyIV
from ports.market_data.marketdata import ProviderError
from tests.unit.analytics.options.fakes import VOLATILITY, ChainProvider


@pytest.fixture
def provider(clock: FakeClock) -> ChainProvider:
    return ChainProvider(clock)


@pytest.fixture
def history() -> InMemoryIVHistoryStore:
    return InMemoryIVHistoryStore()


@pytest.fixture
def service(
    provider: ChainProvider, history: InMemoryIVHistoryStore, clock: FakeClock
) -> OptionsChainService:
    return OptionsChainService(provider, history, clock, rate=0.04)


async def test_ivs_from_the_mids_recover_the_synthetic_smile_and_greeks_follow(
    service: OptionsChainService,
) -> None:
    # Act
    view = await service.chain("aapl")

    # Assert: 3 expiries x 13 strikes x 2 rights; quotes are rounded to cents, so the IV of
    # the mid is the provider's smile vol within a few tenths of a vol point.
    assert (view.underlying, len(view.contracts), len(view.expiries)) == ("AAPL", 78, 3)
    for contract in view.contracts:
        assert contract.iv_reason == "OK"
        assert contract.iv == pytest.approx(contract.quote.implied_volatility, abs=0.004)
        assert contract.delta == pytest.approx(contract.quote.delta, abs=0.002)
        assert contract.gamma is not None and contract.gamma > 0
        assert contract.theta_per_day is not None and contract.vega_per_point is not None
    assert view.atm_iv_30d == pytest.approx(VOLATILITY, abs=0.002)
    assert all(e.atm_iv == pytest.approx(VOLATILITY, abs=0.002) for e in view.expiries)
    assert all(e.max_pain is not None for e in view.expiries)
    assert view.put_call.by_volume is not None and view.put_call.by_open_interest is not None
    assert view.gex.strikes.size == 13


async def test_one_expiry_keeps_its_contracts_and_the_whole_chains_30_day_iv(
    service: OptionsChainService,
) -> None:
    whole = await service.chain("AAPL")
    second = whole.expiries[1].expiry

    view = await service.chain("AAPL", second.isoformat())

    assert {c.quote.expiry for c in view.contracts} == {second}
    assert len(view.contracts) == 26 and view.expiry == second
    assert view.atm_iv_30d == whole.atm_iv_30d


@pytest.mark.parametrize(
    ("expiry", "error"),
    [("2026-13-01", InvalidOptionsRequest), ("soon", InvalidOptionsRequest),
     ("2026-01-09", ExpiryNotListed)],
)  # fmt: skip
async def test_a_bad_expiry_names_the_field(
    service: OptionsChainService, expiry: str, error: type[InvalidOptionsRequest]
) -> None:
    with pytest.raises(error) as raised:
        await service.chain("AAPL", expiry)

    assert raised.value.field == "expiry"
    assert type(raised.value) is error


async def test_unknown_symbols_bad_symbols_and_provider_failures(
    service: OptionsChainService, provider: ChainProvider
) -> None:
    with pytest.raises(SymbolNotFound):
        await service.chain("NOPE")
    with pytest.raises(InvalidOptionsRequest) as raised:
        await service.chain("bad symbol!")
    assert raised.value.field == "symbol"
    provider.failure = ProviderError("chains", "down")
    with pytest.raises(MarketDataUnavailable):
        await service.chain("AAPL")


async def test_iv_rank_ranks_today_against_the_stored_days(
    service: OptionsChainService, history: InMemoryIVHistoryStore, clock: FakeClock
) -> None:
    # Arrange: three earlier days at 20%, 40% and 25%; today's 30-day IV is about 30%.
    today = clock.now().date()
    for back, iv in ((3, 0.20), (2, 0.40), (1, 0.25)):
        await history.record(DailyIV("AAPL", today - timedelta(days=back), iv, clock.now()))
    await history.record(DailyIV("AAPL", today, 0.99, clock.now()))  # today's: not history

    # Act
    view = await service.iv_rank("AAPL")

    # Assert: rank (0.30 - 0.20) / (0.40 - 0.20) ~ 0.5; 2 of the 3 prior days are below.
    rank = view.rank
    assert rank.reason is IVRankReason.OK
    assert rank.current == pytest.approx(VOLATILITY, abs=0.002)
    assert rank.rank == pytest.approx(0.5, abs=0.01)
    assert rank.percentile == pytest.approx(2 / 3)
    assert (rank.observations, rank.window) == (4, 252)
    assert view.history_from == today - timedelta(days=3)


async def test_a_fresh_install_has_one_observation_and_no_rank(
    service: OptionsChainService,
) -> None:
    view = await service.iv_rank("AAPL")

    assert view.rank.observations == 1
    assert view.rank.rank is None and view.rank.percentile is None
    assert view.rank.reason is IVRankReason.INSUFFICIENT_HISTORY


async def test_call_buying_across_strikes_between_two_reads_is_a_sweep(
    service: OptionsChainService, provider: ChainProvider, clock: FakeClock
) -> None:
    # Arrange: the first read is the baseline; then three calls trade 300 each at the ask.
    chain = await provider.option_chain("AAPL")
    provider.chains["AAPL"] = chain
    await service.chain("AAPL")
    calls = [c for c in chain.contracts if c.right.value == "call"][5:8]
    bumped = {c.symbol for c in calls}
    provider.chains["AAPL"] = dataclasses.replace(
        chain,
        contracts=tuple(
            dataclasses.replace(c, volume=c.volume + 300, last=c.ask) if c.symbol in bumped else c
            for c in chain.contracts
        ),
    )
    clock.advance(20)

    # Act
    view = await service.chain("AAPL")

    # Assert
    assert len(view.sweeps) == 1
    sweep = view.sweeps[0]
    assert sweep.is_call and set(sweep.symbols) == bumped and sweep.contracts == 900
    assert sweep.premium == pytest.approx(float(sum(c.ask for c in calls)) * 300 * 100)


async def test_the_recorder_stores_each_symbol_once_a_weekday(
    service: OptionsChainService, history: InMemoryIVHistoryStore, clock: FakeClock
) -> None:
    # Arrange
    recorder = IVRecorder(service, history, clock, lambda: ["aapl", "NOPE"])

    # Act
    first = await recorder.record()
    second = await recorder.record()
    clock.advance(timedelta(days=5))  # Saturday
    weekend = await recorder.record()

    # Assert
    day = clock.now().date() - timedelta(days=5)
    assert list(first.recorded) == ["AAPL"] and first.failed == {"NOPE": "SYMBOL_NOT_FOUND"}
    assert second.recorded == {} and second.skipped == ["AAPL"]
    assert weekend.weekend and weekend.recorded == {}
    stored = await history.last("AAPL", up_to=date(2026, 12, 31), limit=10)
    assert [(e.day, e.iv) for e in stored] == [(day, first.recorded["AAPL"])]
    assert Decimal(str(round(first.recorded["AAPL"], 3))) == Decimal("0.300")
