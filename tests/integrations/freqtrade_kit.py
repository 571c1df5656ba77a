"""freqtrade's own backtesting run offline against a served Bulwark: generated candles, a local
fake of the exchange's market list, a config, `freqtrade backtesting` in the integration's venv,
and its result read back.

Offline: freqtrade loads the exchange's markets once at start (ccxt's `load_markets`); the config
points ccxt's binance at `fake_binance`, a local server answering `GET /api/v3/exchangeInfo` in
Binance's documented shape, with spot markets only. The candles are freqtrade's JSON data files
(`<BASE>_<QUOTE>-<timeframe>.json`, rows of [ms, open, high, low, close, volume]); the fee is
given on the command line, so nothing else is asked of the exchange.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.kit.fake_server import HttpRequest, threaded_http
from tests.kit.venvs import Venv

PAIR = "AAPL/USD"
TIMEFRAME = "1h"
CANDLES = 300
START_MS = 1_704_067_200_000  # 2024-01-01T00:00Z
HOUR_MS = 3_600_000
RUN_TIMEOUT_S = 300

# Binance's GET /api/v3/exchangeInfo (spot) with one market, AAPL/USD: whole units (LOT_SIZE
# step 1, as Bulwark's AAPL trades), cent ticks.
EXCHANGE_INFO = {
    "timezone": "UTC",
    "serverTime": START_MS,
    "rateLimits": [],
    "exchangeFilters": [],
    "symbols": [
        {
            "symbol": "AAPLUSD",
            "status": "TRADING",
            "baseAsset": "AAPL",
            "baseAssetPrecision": 8,
            "quoteAsset": "USD",
            "quotePrecision": 8,
            "quoteAssetPrecision": 8,
            "baseCommissionPrecision": 8,
            "quoteCommissionPrecision": 8,
            "orderTypes": ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT"],
            "icebergAllowed": True,
            "ocoAllowed": True,
            "quoteOrderQtyMarketAllowed": True,
            "allowTrailingStop": True,
            "cancelReplaceAllowed": True,
            "isSpotTradingAllowed": True,
            "isMarginTradingAllowed": False,
            "filters": [
                {
                    "filterType": "PRICE_FILTER",
                    "minPrice": "0.01",
                    "maxPrice": "100000.00",
                    "tickSize": "0.01",
                },
                {"filterType": "LOT_SIZE", "minQty": "1", "maxQty": "100000", "stepSize": "1"},
                {
                    "filterType": "NOTIONAL",
                    "minNotional": "1.00",
                    "applyMinToMarket": True,
                    "maxNotional": "9000000.00",
                    "applyMaxToMarket": False,
                    "avgPriceMins": 5,
                },
            ],
            "permissions": [],
            "permissionSets": [["SPOT"]],
            "defaultSelfTradePreventionMode": "EXPIRE_MAKER",
            "allowedSelfTradePreventionModes": ["EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"],
        }
    ],
}

# The strategy freqtrade backtests, and the same strategy behind Bulwark's gate. It enters at
# every 20th candle, alternately small (an 800 USD stake: 4 shares near 190) and big (5000 USD:
# about 26 shares), leaves 10 candles later on its exit signal; 3 candles into a trade it adds
# 5000 USD and 6 candles in it takes half its stake off again.
STRATEGY = """
from datetime import timedelta

from pandas import DataFrame

from bulwark_freqtrade import BulwarkGated
from freqtrade.strategy import IStrategy


class EveryTwenty(IStrategy):
    timeframe = "1h"
    minimal_roi = {"0": 100}
    stoploss = -0.99
    startup_candle_count = 0
    position_adjustment_enable = True
    max_entry_position_adjustment = 1

    def populate_indicators(self, df: DataFrame, metadata: dict) -> DataFrame:
        df["n"] = range(len(df))
        return df

    def populate_entry_trend(self, df: DataFrame, metadata: dict) -> DataFrame:
        df.loc[df["n"] % 40 == 1, ["enter_long", "enter_tag"]] = (1, "small")
        df.loc[df["n"] % 40 == 21, ["enter_long", "enter_tag"]] = (1, "big")
        return df

    def populate_exit_trend(self, df: DataFrame, metadata: dict) -> DataFrame:
        df.loc[df["n"] % 20 == 11, "exit_long"] = 1
        return df

    def custom_stake_amount(self, pair, current_time, current_rate, proposed_stake, min_stake,
                            max_stake, leverage, entry_tag, side, **kwargs):
        return 5000.0 if entry_tag == "big" else 800.0

    def adjust_trade_position(self, trade, current_time, current_rate, current_profit,
                              min_stake, max_stake, current_entry_rate, current_exit_rate,
                              current_entry_profit, current_exit_profit, **kwargs):
        held = current_time - trade.open_date_utc
        if held == timedelta(hours=3):
            return 5000.0, "add"
        if held == timedelta(hours=6):
            return -trade.stake_amount / 2, "trim"
        return None


class GatedEveryTwenty(BulwarkGated, EveryTwenty):
    pass
"""


def candles() -> list[list[float]]:
    """CANDLES hourly candles of a price swinging 8 around 190 (a sine of period 44 hours)."""
    rows: list[list[float]] = []
    for i in range(CANDLES):
        open_ = round(190 + 8 * math.sin(i / 7), 2)
        close = round(190 + 8 * math.sin((i + 1) / 7), 2)
        high, low = round(max(open_, close) + 0.5, 2), round(min(open_, close) - 0.5, 2)
        rows.append([START_MS + i * HOUR_MS, open_, high, low, close, 1000.0])
    return rows


def _exchange_info(request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
    if request.path.split("?")[0] == "/api/v3/exchangeInfo":
        return 200, json.dumps(EXCHANGE_INFO).encode(), {}
    return 404, b'{"code": -1121, "msg": "Invalid symbol."}', {}


@contextmanager
def fake_binance() -> Iterator[str]:
    """Binance's spot market list on 127.0.0.1: the base URL of its /api/v3."""
    with threaded_http(_exchange_info) as url:
        yield f"{url}/api/v3"


def prepare(workdir: Path) -> None:
    """The user directory, the strategy and the candle file under `workdir`."""
    for sub in ("user_data/backtest_results", "user_data/logs", "strategies", "data/binance"):
        (workdir / sub).mkdir(parents=True, exist_ok=True)
    (workdir / "strategies" / "every_twenty.py").write_text(STRATEGY)
    base, quote = PAIR.split("/")
    (workdir / "data" / "binance" / f"{base}_{quote}-{TIMEFRAME}.json").write_text(
        json.dumps(candles())
    )


def config(exchange_api: str, bulwark: dict[str, Any]) -> dict[str, Any]:
    """A spot backtest of PAIR on the fake exchange, one trade at a time, and its `bulwark`."""
    ccxt = {"urls": {"api": {"public": exchange_api}}, "options": {"fetchMarkets": ["spot"]}}
    return {
        "max_open_trades": 1,
        "stake_currency": "USD",
        "stake_amount": 500,
        "dry_run": True,
        "dry_run_wallet": 100_000,
        "timeframe": TIMEFRAME,
        "trading_mode": "spot",
        "dataformat_ohlcv": "json",
        "exchange": {
            "name": "binance",
            "pair_whitelist": [PAIR],
            "ccxt_config": ccxt,
            "ccxt_async_config": ccxt,
        },
        "pairlists": [{"method": "StaticPairList"}],
        "entry_pricing": {"price_side": "same", "use_order_book": False},
        "exit_pricing": {"price_side": "same", "use_order_book": False},
        "bulwark": bulwark,
    }


def backtest(
    freqtrade: Venv,
    workdir: Path,
    settings: dict[str, Any],
    strategies: Sequence[str],
    api_key: str,
) -> dict[str, Any]:
    """`freqtrade backtesting` of `strategies` in the venv: each one's result by name, as
    freqtrade wrote it (the JSON inside its result zip)."""
    results = workdir / "user_data" / "backtest_results"
    for old in results.iterdir():
        old.unlink()
    (workdir / "config.json").write_text(json.dumps(settings))
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["BULWARK_API_KEY"] = api_key
    done = subprocess.run(
        [
            str(freqtrade.bin("freqtrade")),
            "backtesting",
            "--config", "config.json",
            "--userdir", "user_data",
            "--datadir", "data/binance",
            "--strategy-path", "strategies",
            "--strategy-list", *strategies,
            "--fee", "0.001",
            "--cache", "none",
            "--export", "trades",
        ],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )  # fmt: skip
    (workdir / "backtesting.log").write_text(done.stdout + done.stderr)  # to read after a failure
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    latest = json.loads((results / ".last_result.json").read_text())["latest_backtest"]
    with zipfile.ZipFile(results / latest) as archive:
        name = Path(latest).with_suffix(".json").name
        strategies_run: dict[str, Any] = json.loads(archive.read(name))["strategy"]
    return strategies_run


def orders(trade: dict[str, Any]) -> list[tuple[str, str, float]]:
    """A trade's filled orders as (side, tag, amount)."""
    return [(o["ft_order_side"], o["ft_order_tag"], o["amount"]) for o in trade["orders"]]
