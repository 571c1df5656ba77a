"""A backtest's result as the stored JSON document: each trade's reasons come back, and a
trade stored before trades kept them reads with empty reasons."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from adapters.postgres.repos.backtest_codec import result_doc, result_of
from domain.backtests.model import BacktestResult, TradeRecord

T0 = datetime(2020, 1, 2, tzinfo=UTC)


def _result() -> BacktestResult:
    trade = TradeRecord(
        "ACME", "long", Decimal(10), T0, Decimal("101.123"), T0 + timedelta(days=1),
        Decimal("102.5"), Decimal("0.1"), Decimal("13.67"), "signal",
        "bullish signal +0.4232 >= entry threshold 0.3; learned +0.4232 = 2p - 1, ...",
        "opposite signal -0.5100 reaches the exit threshold 0.3",
    )  # fmt: skip
    return BacktestResult((), (trade,), (), None, bars=10, orders_sent=2)


def test_a_trades_reasons_round_trip() -> None:
    # Arrange
    original = _result()

    # Act
    loaded = result_of(json.loads(json.dumps(result_doc(original))))

    # Assert
    assert loaded.trades == original.trades


def test_a_trade_stored_without_reasons_reads_with_empty_ones() -> None:
    # Arrange: the document as stored before trades kept their reasons (ten fields)
    doc = json.loads(json.dumps(result_doc(_result())))
    doc["trades"] = [row[:10] for row in doc["trades"]]

    # Act
    loaded = result_of(doc)

    # Assert
    (trade,) = loaded.trades
    assert (trade.exit_reason, trade.entry_reason, trade.exit_detail) == ("signal", "", "")
    assert trade.pnl == Decimal("13.67")
