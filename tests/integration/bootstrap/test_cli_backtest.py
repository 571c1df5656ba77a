"""`bulwark backtest`: a run of a stored strategy with progress lines, its summary, errors."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bootstrap.cli import _parser
from bootstrap.cli_backtest import ProgressBar, run_backtest
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.settings import load_settings
from domain.backtests.model import BarsMissing, DataSource
from domain.errors import NotFound
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern
from domain.principals import Principal, Role
from domain.strategies.definition import SignalSource, SourceKind, Strategy
from tests.integration.bootstrap.test_cli import container
from tests.kit.backtests import series_of
from tests.kit.cli import run_cli
from tests.kit.sqlite_store import migrated_sqlite

__all__ = ["container"]


async def stored_strategy(container: ApplicationContainer) -> str:
    strategy = Strategy(
        "stg-cli", "u-cli", "cli trend", ("acc-cli",),
        (SignalSource(SourceKind.PATTERN, pattern=Pattern.EMA_CROSSOVER),),
    )  # fmt: skip
    await container.strategies.strategy_stores().strategies.add(strategy)
    return strategy.id


async def test_a_backtest_prints_progress_lines_on_stderr_and_the_metrics_on_stdout(
    container: ApplicationContainer, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    strategy_id = await stored_strategy(container)

    # Act
    code, output = await run_cli(
        container, "backtest", "--strategy", strategy_id, "--symbols", "acme,bolt",
        "--from", "2020-01-01", "--to", "2021-12-31", "--commission-bps", "1",
        "--slippage-bps", "5",
    )  # fmt: skip

    # Assert
    assert code == 0, output
    assert "progress 100%" in capsys.readouterr().err
    assert "progress" not in output
    assert ": succeeded" in output and "Sharpe" in output and "max drawdown" in output
    stored = await container.strategies.backtests().list_for(Principal("u-cli", Role.OWNER))
    assert len(stored) == 1 and stored[0].result is not None


async def test_an_unknown_strategy_is_refused(container: ApplicationContainer) -> None:
    # Act / Assert
    with pytest.raises(NotFound, match="strategy nope not found"):
        await run_cli(
            container, "backtest", "--strategy", "nope", "--symbols", "ACME",
            "--from", "2020-01-01", "--to", "2020-12-31",
        )  # fmt: skip


def test_bad_dates_and_numbers_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    # Act / Assert
    for argv in (
        ["--from", "2020-13-01", "--to", "2021-01-01"],
        ["--from", "2020-01-01", "--to", "2021-01-01", "--slippage-bps", "-1"],
    ):
        with pytest.raises(SystemExit):
            _parser().parse_args(["backtest", "--strategy", "s", "--symbols", "A", *argv])
    assert "is not a date" in capsys.readouterr().err


def test_the_bar_is_drawn_in_place_on_a_terminal() -> None:
    # Arrange
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    bar = ProgressBar(out)

    # Act
    bar.show(0.5)
    bar.show(1.0)
    bar.done()

    # Assert
    assert out.getvalue() == f"\r[{'#' * 15}{'.' * 15}]  50%\r[{'#' * 30}] 100%\n"


async def test_ctrl_c_cancels_the_run_and_says_so(container: ApplicationContainer) -> None:
    # Arrange: a long run (every shipped stock, six years), interrupted as Ctrl-C would
    strategy_id = await stored_strategy(container)
    args = _parser().parse_args(
        ["backtest", "--strategy", strategy_id, "--symbols", "ACME,BOLT,CRUX,DYNO,EPIC,FLUX,GRID",
         "--from", "2019-01-01", "--to", "2024-12-31"]
    )  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    task = asyncio.create_task(run_backtest(args, container, out, err))
    while "progress" not in err.getvalue():  # noqa: ASYNC110 (the bar writes to a buffer)
        await asyncio.sleep(0.01)

    # Act
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    # Assert
    stored = await container.strategies.backtests().list_for(Principal("u-cli", Role.OWNER))
    assert stored[0].status.value == "canceled"
    assert f"backtest {stored[0].id} canceled" in out.getvalue()


@pytest.fixture(params=["parquet", "sql"])
async def store_container(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[ApplicationContainer]:
    """The embedded store, with the Parquet bar store under tmp_path or the SQL one in it."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'var' / 'bulwark.db'}"
    settings = {
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": url,
        "BULWARK_BARS_STORE": request.param,
        "BULWARK_BARS_DIR": str(tmp_path / "bars"),
    }
    c = build_container(load_settings(settings, env_file=None))
    await migrated_sqlite(tmp_path / "var" / "bulwark.db")
    code, output = await run_cli(c, "migrate")
    assert code == 0, output
    yield c
    await c.core.engine().dispose()


async def test_a_store_backtest_reads_the_bar_store_and_says_so(
    store_container: ApplicationContainer,
) -> None:
    # Arrange: two symbols' daily bars written into the configured bar store
    store_kind = type(store_container.market_data.bar_store()).__name__
    series = series_of(symbols=2, bars=300)
    store = store_container.market_data.bar_store()
    for symbol, bars in series.items():
        await store.write_series(symbol, Timeframe.D1, bars)
    strategy_id = await stored_strategy(store_container)

    # Act
    code, output = await run_cli(
        store_container, "backtest", "--strategy", strategy_id, "--symbols", "t0,t1",
        "--from", "2020-01-01", "--to", "2021-02-01", "--source", "store", "--adjusted",
    )  # fmt: skip
    with pytest.raises(BarsMissing, match="T0 from 2015-01-01"):
        await run_cli(
            store_container, "backtest", "--strategy", strategy_id, "--symbols", "T0",
            "--from", "2015-01-01", "--to", "2021-02-01", "--source", "store",
        )  # fmt: skip

    # Assert
    assert code == 0, output
    assert "data: store bars (adjusted)" in output and ": succeeded" in output
    stored = await store_container.strategies.backtests().list_for(Principal("u-cli", Role.OWNER))
    assert len(stored) == 1 and stored[0].result is not None
    assert stored[0].result.source is DataSource.STORE and stored[0].result.adjusted
    assert store_kind in ("ParquetBarStore", "SqlBarHistoryStore")
