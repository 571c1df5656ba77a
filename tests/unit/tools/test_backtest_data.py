"""The shipped backtest data is what the seeded generator writes, byte for byte."""

from __future__ import annotations

import hashlib

from adapters.market_data.replay_files import load_replay
from application.trading.instrument_csv import parse_instruments
from tools.backtest_data import SHIPPED_DIR, SHIPPED_SYMBOLS, shipped_files


def test_regenerating_gives_the_shipped_bytes() -> None:
    # Arrange
    on_disk = {p.name: p.read_bytes() for p in SHIPPED_DIR.glob("*.csv")}

    # Act
    regenerated = {name: text.encode() for name, text in shipped_files().items()}

    # Assert
    digest = {name: hashlib.sha256(data).hexdigest() for name, data in regenerated.items()}
    assert digest == {name: hashlib.sha256(data).hexdigest() for name, data in on_disk.items()}


def test_the_shipped_bars_load_as_replay_data_covering_five_years_or_more() -> None:
    # Act
    data = load_replay(SHIPPED_DIR)

    # Assert
    symbols = {bar.symbol for bar in data.bars}
    assert symbols == {symbol for symbol, *_ in SHIPPED_SYMBOLS}
    days = sorted({bar.start for bar in data.bars})
    assert (days[-1] - days[0]).days >= 5 * 365
    assert all(b.low <= min(b.open, b.close) and b.high >= max(b.open, b.close) for b in data.bars)


def test_the_shipped_instruments_csv_lists_every_shipped_symbol_with_its_own_sector() -> None:
    # Arrange: the file the walkthrough imports before a backtest over the shipped data
    text = (SHIPPED_DIR.parent / "instruments" / "backtest-symbols.csv").read_text()

    # Act
    rows = parse_instruments(text)

    # Assert
    assert {row.symbol for row in rows} == {symbol for symbol, *_ in SHIPPED_SYMBOLS}
    assert len({row.sector for row in rows}) == len(rows)  # no shared sector cap binds
