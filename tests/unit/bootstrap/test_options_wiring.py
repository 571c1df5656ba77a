"""The IV recorder's wiring: which symbols it watches, and its loop in the server only."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

from adapters.memory.clock import FakeClock
from adapters.memory.iv_history import InMemoryIVHistoryStore
from adapters.memory.marketdata import InMemoryMarketData
from application.market_data.iv_recorder import IVRecorder
from application.market_data.options_chain import OptionsChainService
from bootstrap.options import record_ivs, watched_symbols
from bootstrap.periodic import serving_job
from bootstrap.settings import Settings, load_settings
from tests.unit.analytics.options.fakes import ChainProvider


def settings(**environ: str) -> Settings:
    return load_settings({"BULWARK_ENV": "test", **environ}, env_file=None)


def test_the_setting_wins_else_the_boards_symbols_at_each_pass() -> None:
    board = InMemoryMarketData(FakeClock())

    fixed = watched_symbols(settings(BULWARK_IV_SYMBOLS="SPY,QQQ"), board)
    live = watched_symbols(settings(), board)
    before = list(live())
    board.set_price("AAPL", Decimal("190"))

    assert list(fixed()) == ["SPY", "QQQ"]
    assert before == [] and list(live()) == ["AAPL"]


async def test_the_loop_records_at_start_in_the_server_and_not_in_consume() -> None:
    # Arrange
    clock = FakeClock()
    history = InMemoryIVHistoryStore()
    chains = OptionsChainService(ChainProvider(clock), history, clock)
    recorder = IVRecorder(chains, history, clock, lambda: ["AAPL"])
    every = settings(BULWARK_IV_RECORD_SECONDS="60").analytics.iv_record_seconds

    # Act
    consume = serving_job("iv_record", record_ivs, lambda: recorder, every, "consume")
    await consume.__anext__()
    idle = await history.last("AAPL", up_to=date(2026, 12, 31), limit=5)
    serve = serving_job("iv_record", record_ivs, lambda: recorder, every, "serve")
    await serve.__anext__()
    for _ in range(200):
        if await history.last("AAPL", up_to=date(2026, 12, 31), limit=5):
            break
        await asyncio.sleep(0.05)
    await serve.aclose()

    # Assert
    assert idle == []
    assert [e.day for e in await history.last("AAPL", up_to=date(2026, 12, 31), limit=5)] == [
        date(2026, 1, 5)
    ]
