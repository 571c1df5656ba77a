"""Risk rater port: turns pre-trade facts into SAFE / CAUTION / DANGER with reasons."""

from __future__ import annotations

from typing import Protocol

from domain.risk.analysis import RiskAssessment, TradeContext, TradeFacts


class RiskRater(Protocol):
    """Rates a prospective trade. Pure and fast; must not raise on valid facts.

    The default is domain.risk.analysis.HeadroomRater; a model-based rater
    (e.g. ONNX inference) can implement the same method.
    """

    def rate(self, facts: TradeFacts) -> RiskAssessment: ...


class TradeContextSource(Protocol):
    """Market context for a trade's rating (volatility, news sentiment). Must not raise for a
    symbol it knows nothing about: it answers an empty TradeContext instead."""

    async def context(self, symbol: str) -> TradeContext: ...
