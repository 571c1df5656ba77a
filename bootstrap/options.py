"""Options chain and IV history in the composition root: the store, the chain service, the
daily IV recorder and its background loop (docs/options-chain.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import structlog

from application.market_data.iv_recorder import IVRecorder
from application.market_data.options_chain import OptionsChainService
from bootstrap.settings import Settings
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore
from ports.market_data.iv_history import IVHistoryStore
from ports.market_data.marketdata import MarketDataProvider

_log = structlog.get_logger("bulwark.options")


def options_chain(
    settings: Settings,
    feed: MarketDataProvider,
    history: IVHistoryStore,
    clock: Clock,
    bars: Callable[[], BarStore] | None = None,
) -> OptionsChainService:
    """The chain service; with `bars` (the bar history store, built when first read) IV rank
    answers from the realised-vol proxy until daily IVs are recorded."""
    return OptionsChainService(
        feed, history, clock, rate=settings.analytics.options_risk_free_rate, bars=bars
    )


class _Board(Protocol):
    """What the recorder needs of the market board: the symbols it quotes."""

    def symbols(self) -> list[str]: ...


def watched_symbols(settings: Settings, board: _Board) -> Callable[[], Sequence[str]]:
    """BULWARK_IV_SYMBOLS, or (empty) every symbol the market board quotes at each pass."""
    if settings.analytics.iv_symbols:
        chosen = tuple(settings.analytics.iv_symbols)
        return lambda: chosen
    return board.symbols


def iv_recorder(
    settings: Settings,
    chains: OptionsChainService,
    history: IVHistoryStore,
    clock: Clock,
    board: _Board,
) -> IVRecorder:
    return IVRecorder(chains, history, clock, watched_symbols(settings, board))


async def record_ivs(recorder: IVRecorder) -> None:
    """Records today's IVs (the server's job at start-up, then every BULWARK_IV_RECORD_SECONDS)."""
    report = await recorder.record()
    if report.recorded or report.failed:
        _log.info(
            "iv_recorded",
            day=report.day.isoformat(),
            recorded=sorted(report.recorded),
            failed=report.failed,
        )
