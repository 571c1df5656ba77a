"""Fill numba's on-disk cache with every cached kernel, before the test suite or a server starts.

The domain's kernels (`maybe_njit(cache=True)` and the market-data `njit(cache=True)` loops) are
compiled the first time something calls them, once per argument-type signature, and the result
is kept on disk (`__pycache__`, or NUMBA_CACHE_DIR). In a fresh clone that first call is a test
or a request, which then pays the compile: minutes over the suite (the options HTTP tests alone
take ~200 s with a cold cache, ~20 s with a warm one). This runs every kernel once,
in its own process, so no test and no request pays it: `make test` starts it on the idle core
while mypy runs; a deploy can run it before the server starts.

Each family calls the public entry points (the domain's functions, the application's request
checks, the CPU compute backend) on small inputs, with the argument types the application and
the tests give them: numba compiles one machine-code version per signature (a read-only array is
another type than a writeable one), so the options are warmed through the same request checks
as the HTTP API, each batch size that picks another kernel (serial or parallel) included.

One line per family with its seconds, then the total. A family that raises is reported on its
line and the others still run: a failed warm-up only costs the compile later. Exit status 1 only
when every family failed. With numba off (BULWARK_NUMBA=0) there is nothing to warm.

Usage: python -m tools.warm_kernels
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from domain.jit import NUMBA_ENABLED
from domain.portfolio.transactions import LotPick, Transaction, TransactionKind
from domain.tax.methods import LotMethod

Column = npt.NDArray[np.generic]
FloatArray = npt.NDArray[np.float64]
# spot, strike, years, vol, rate, dividend yield, is_call
OptionArrays = tuple[
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, npt.NDArray[np.bool_]
]

# The fields of an options request (application/analytics/options_compute.py).
OPTION_FIELDS = ("spot", "strike", "years", "vol", "rate", "dividend_yield", "right")
# Which fields a request sends as lists, the others as scalars: the request check gives the
# kernels writeable columns whatever the mix (one signature), warmed with a mix of each kind.
GREEKS_REQUEST_LISTS: tuple[tuple[str, ...], ...] = (OPTION_FIELDS, ("spot",))
# American requests: one option given as scalars (every column read-only), and a list of spots.
AMERICAN_REQUEST_LISTS: tuple[tuple[str, ...], ...] = ((), ("spot",))
SMALL_BATCH = 8  # options: every kernel's single-thread path
LARGE_BATCH = 4096  # options: past every kernel's threshold for its parallel path
TREE_STEPS = 100  # CRR steps of a small batch (8 x 100^2 / 2 nodes: the serial kernel)
LARGE_TREE_STEPS = 1000  # 8 x 1000^2 / 2 = 4M nodes: past _crr.SERIAL_NODES, the parallel one
BAW_LARGE_BATCH = 512  # past _baw.SERIAL_BELOW
MONTE_CARLO_PATHS = 1024  # one Student-t stream: its paths' block is contiguous
STUDENT_T_STREAMS_PATHS = 2048  # two Student-t streams: each writes a strided block
TAX_START = date(2023, 1, 3)


def warm_european_options() -> None:
    """BSM Greeks and implied volatilities on the CPU compute backend: a large batch of the
    domain's own arrays (the parallel kernels, as the backend's start-up warm-up runs them), a
    small one (the single-thread implied-vol solver), and each request mix of the Greeks."""
    from adapters.gpu.compute_cpu import CpuCompute
    from application.analytics.options_compute import greeks_batch

    compute = CpuCompute()
    spot, strike, years, vol, rate, dividend_yield, is_call = _option_arrays(LARGE_BATCH)
    prices = compute.greeks(spot, strike, years, vol, rate, dividend_yield, is_call).price
    for count in (SMALL_BATCH, LARGE_BATCH):
        compute.implied_vol(
            prices[:count],
            spot[:count],
            strike[:count],
            years[:count],
            rate[:count],
            dividend_yield[:count],
            is_call[:count],
        )
    for lists in GREEKS_REQUEST_LISTS:
        batch = greeks_batch(_option_columns(SMALL_BATCH, lists))
        assert batch.vol is not None
        compute.greeks(
            batch.spot,
            batch.strike,
            batch.years,
            batch.vol,
            batch.rate,
            batch.dividend_yield,
            batch.is_call,
        )


def warm_american_options() -> None:
    """CRR and BAW American prices: the serial and the parallel kernel of each, called with
    the domain's own arrays and through the American request check (scalars, a list of spots)."""
    from application.analytics.american_options import (
        AmericanRequest,
        american_batch,
        price_american,
    )
    from domain.analytics.options.american import baw_american, crr_american

    for count, steps in ((SMALL_BATCH, TREE_STEPS), (SMALL_BATCH, LARGE_TREE_STEPS)):
        columns = _option_arrays(count)
        crr_american(*columns, steps=steps)
        for lists in AMERICAN_REQUEST_LISTS:
            request = AmericanRequest(**_request_fields(count, lists), method="crr", steps=steps)
            price_american(american_batch(request), "crr", steps)
    baw_american(*_option_arrays(BAW_LARGE_BATCH))
    baw_american(*_option_arrays(SMALL_BATCH))
    request = AmericanRequest(**_request_fields(SMALL_BATCH, ("spot",)), method="baw")
    price_american(american_batch(request), "baw", request.steps)


def warm_monte_carlo() -> None:
    """Retirement (normal and Student-t returns, one and several random streams) and regime
    simulations: the compute backend's Monte Carlo warm-up plus a two-stream Student-t plan."""
    from adapters.gpu.compute_cpu import CpuCompute
    from adapters.gpu.warm_up import warm_monte_carlo as warm_backend
    from ports.core.compute import RetirementInputs

    compute = CpuCompute()
    warm_backend(compute, MONTE_CARLO_PATHS)
    plan = RetirementInputs(
        initial_wealth=1.0,
        monthly_contribution=0.0,
        retirement_month=1,
        monthly_withdrawal=0.0,
        horizon_months=2,
        annual_return=0.05,
        annual_volatility=0.1,
        student_t_dof=5.0,
        paths=STUDENT_T_STREAMS_PATHS,
    )
    compute.retirement(plan)
    compute.retirement(replace(plan, student_t_dof=None))


def warm_tax_lots() -> None:
    """The tax-lot kernel (every lot method, a split, transfers, a wash sale into an IRA and
    the taxable account) and the realized sums; the exact integer helpers compile with it."""
    from domain.tax.engine import compute_tax_ledger, engine_mode
    from domain.tax.lots import TaxAccount
    from domain.tax.methods import AccountTaxType

    buy, sell, split = TransactionKind.BUY, TransactionKind.SELL, TransactionKind.SPLIT
    rows = [
        _tax_row("b1", buy, 0, "10", "100.25", fees="1.5"),
        _tax_row("b2", buy, 10, "5", "120"),
        _tax_row("b3", buy, 20, "7.5", "90"),
        _tax_row("s1", sell, 30, "3", "110", lot_method=LotMethod.LIFO),
        _tax_row("s2", sell, 40, "2", "105", lot_method=LotMethod.HIFO),
        _tax_row("s3", sell, 50, "1", "95", lot_picks=(LotPick("b1", Decimal(1)),)),
        _tax_row("x1", split, 60, "0", "0", split_ratio="2"),
        _tax_row("o1", TransactionKind.TRANSFER_OUT, 70, "2", "0"),
        _tax_row("i1", TransactionKind.TRANSFER_IN, 80, "4", "60", acquired=0),
        _tax_row("s4", sell, 400, "6", "40"),  # a long-term loss, washed by the buys after it
        _tax_row("b4", buy, 410, "3", "42", account="ira"),
        _tax_row("b5", buy, 415, "2", "43"),
        _tax_row("s5", sell, 420, "1", "41", lot_method=LotMethod.FIFO),
    ]
    accounts = {
        "taxable": TaxAccount("taxable", lot_method=LotMethod.FIFO),
        "ira": TaxAccount("ira", tax_type=AccountTaxType.IRA),
    }
    with engine_mode("kernel"):
        ledger = compute_tax_ledger(rows, accounts)
    if ledger.computed_by != "kernel":
        raise RuntimeError(f"the history took the {ledger.computed_by} path, not the kernel")
    for year in (2023, 2024):
        ledger.year_totals(year)


def warm_indicators_and_signals() -> None:
    """Chart indicators (EMA, RSI, MACD, Bollinger, VWAP, ATR) and the signal score columns."""
    from domain.market_data.bars import BarSeries
    from domain.market_data.indicators import INDICATOR_NAMES, compute_tail, parse_indicators
    from domain.market_data.signal_columns import score_columns

    rows = 120
    rng = np.random.default_rng(0)
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0, 0.01, rows)))
    hours = np.arange(rows, dtype=np.float64)
    series = BarSeries(
        start=1_700_000_000.0 + 3600.0 * hours,  # hourly bars: several UTC days (VWAP sessions)
        open=close,
        high=close * 1.01,
        low=close * 0.99,
        close=close,
        volume=np.full(rows, 1000.0),
    )
    compute_tail(parse_indicators(",".join(INDICATOR_NAMES)), series, rows)
    score_columns(series)


def warm_vector_math() -> None:
    """The polynomial exp, log and N(x) on their own. The kernels inline them, so no public
    path compiles them alone; their tests (tests/unit/analytics/test_vecmath.py) call them."""
    from domain.analytics import _vecmath

    _vecmath.exp(0.5)
    _vecmath.log(2.0)
    _vecmath.norm_cdf(0.5, _vecmath.exp(-0.125))


# Each family's name on its progress line, and the function that warms it.
FAMILIES: tuple[tuple[str, Callable[[], None]], ...] = (
    ("indicators and signals", warm_indicators_and_signals),
    ("tax lots", warm_tax_lots),
    ("Monte Carlo (retirement, regime)", warm_monte_carlo),
    ("options (BSM, IV)", warm_european_options),
    ("options (American CRR, BAW)", warm_american_options),
    ("vector math (exp, log, N(x))", warm_vector_math),
)


def _option_arrays(count: int) -> OptionArrays:
    """Spot, strike, years, vol, rate, dividend yield and is_call of `count` options: fresh
    writeable arrays, as domain callers pass them (calls and puts alternate)."""
    strikes = np.linspace(80.0, 120.0, count)
    full = np.full
    return (
        full(count, 100.0),
        strikes,
        full(count, 0.5),
        full(count, 0.25),
        full(count, 0.03),
        full(count, 0.01),
        np.arange(count) % 2 == 0,
    )


def _request_fields(count: int, lists: Sequence[str]) -> dict[str, Any]:
    """A request's fields as JSON gives them: the named ones lists of `count`, the rest the
    first option's scalar (a request of scalars only is one option)."""
    values: dict[str, Column] = dict(zip(OPTION_FIELDS, _option_arrays(count), strict=True))
    values["right"] = np.where(values["right"], "call", "put")
    return {
        name: (column.tolist() if name in lists else column[0].item())
        for name, column in values.items()
    }


def _option_columns(count: int, lists: Sequence[str]) -> Mapping[str, Column]:
    """The columns the HTTP adapter decodes from such a request: float64 (0-d for a scalar)
    and the rights as strings."""
    fields = _request_fields(count, lists)
    columns: dict[str, Column] = {
        name: np.asarray(value, dtype=np.float64)
        for name, value in fields.items()
        if name != "right"
    }
    columns["right"] = np.asarray(fields["right"])
    return columns


def _tax_row(
    tx_id: str,
    kind: TransactionKind,
    day: int,
    quantity: str,
    price: str,
    *,
    account: str = "taxable",
    fees: str = "0",
    lot_method: LotMethod | None = None,
    lot_picks: tuple[LotPick, ...] = (),
    split_ratio: str | None = None,
    acquired: int | None = None,
) -> Transaction:
    """One transaction of XYZ, `day` days after TAX_START (`acquired` likewise)."""
    return Transaction(
        id=tx_id,
        portfolio_id="warm",
        account_id=account,
        kind=kind,
        trade_date=TAX_START + timedelta(days=day),
        symbol="XYZ",
        quantity=Decimal(quantity),
        price=Decimal(price),
        fees=Decimal(fees),
        split_ratio=None if split_ratio is None else Decimal(split_ratio),
        lot_method=lot_method,
        lot_picks=lot_picks,
        acquired=None if acquired is None else TAX_START + timedelta(days=acquired),
    )


def warm(families: Sequence[tuple[str, Callable[[], None]]] = FAMILIES) -> int:
    """Runs each family, one line each; returns how many failed."""
    failed = 0
    for name, family in families:
        began = time.perf_counter()
        try:
            family()
        except Exception as exc:  # a warm-up: report it, go on
            failed += 1
            message = " ".join(str(exc).split())  # one line, whatever the exception holds
            print(f"{name}: failed: {type(exc).__name__}: {message}", flush=True)
        else:
            print(f"{name}: {time.perf_counter() - began:.1f} s", flush=True)
    return failed


def main() -> int:
    if not NUMBA_ENABLED:
        print("warm kernels: numba is off (BULWARK_NUMBA=0): nothing to warm")
        return 0
    began = time.perf_counter()
    failed = warm()
    total = time.perf_counter() - began
    print(f"warm kernels: {len(FAMILIES) - failed} of {len(FAMILIES)} families in {total:.1f} s")
    return 1 if failed == len(FAMILIES) else 0


if __name__ == "__main__":
    raise SystemExit(main())
