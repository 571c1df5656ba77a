"""Tax-loss harvesting: the pure steps of POST /api/v1/tax/harvesting on a large book.

One seeded book: `--lots` open lots over `--symbols` symbols (a 1% share bought in the last 30
days, so windows block some), `--days` daily closes per symbol. Timed, best of `--repeats`:
screening (losses, thresholds, wash windows), the correlation matrix (Pearson on daily log
returns, pairwise-complete, one matrix product), replacements for every candidate symbol, the
savings of every candidate (the year's tax with and without it) and the five-scenario
projection. Targets (2 cores, shared): the whole plan <= 1 s for 20,000 lots / 500 symbols /
252 returns; the correlation matrix beside numpy.corrcoef on the same (complete) data.
Run: `.venv/bin/python -m benchmarks.bench_harvesting [--lots N] [--symbols S] [--days D]`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np

from benchmarks.timing import timed
from domain.tax.brackets import BRACKETS_2025_SINGLE
from domain.tax.harvesting import (
    RecentBuy,
    Threshold,
    YearPosition,
    correlations,
    project_year,
    replacements_for,
    savings_of,
    screen_lots,
)
from domain.tax.lots import TaxLot

TODAY = date(2025, 11, 20)
MOVES = tuple(Decimal(m) for m in ("-0.2", "-0.1", "0", "0.1", "0.2"))


def book(lots: int, symbols: int, days: int, seed: int = 19) -> tuple[Any, ...]:
    rng = np.random.default_rng(seed)
    names = [f"S{k:04d}" for k in range(symbols)]
    factor = rng.normal(0.0, 0.01, days)
    betas = rng.uniform(0.0, 1.2, symbols)
    returns = factor[:, None] * betas + rng.normal(0.0, 0.004, (days, symbols))
    closes = 100.0 * np.exp(np.cumsum(returns, axis=0))
    start = TODAY - timedelta(days=days)
    series = {
        n: [(start + timedelta(days=t), float(closes[t, j])) for t in range(days)]
        for j, n in enumerate(names)
    }
    prices = {n: Decimal(str(round(float(closes[-1, j]), 2))) for j, n in enumerate(names)}
    held: list[TaxLot] = []
    buys: list[RecentBuy] = []
    for k in range(lots):
        symbol = names[int(rng.integers(symbols))]
        age = int(rng.integers(1, 900))
        acquired = TODAY - timedelta(days=age)
        qty = Decimal(int(rng.integers(1, 200)))
        basis = prices[symbol] * Decimal(str(round(float(rng.uniform(0.6, 1.4)), 4))) * qty
        held.append(TaxLot(f"L{k}", "brk", symbol, qty, basis, acquired, acquired, "USD"))
        if age <= 30:
            buys.append(RecentBuy(f"L{k}", "brk", symbol, acquired))
    return held, prices, buys, series


def best(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    runs = timed(fn, repeats)
    return runs.best, runs.result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lots", type=int, default=20_000)
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--days", type=int, default=253)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    held, prices, buys, series = book(args.lots, args.symbols, args.days)
    position = YearPosition(Decimal(150_000), Decimal(12_000), Decimal(30_000))

    def screen() -> Any:
        return screen_lots(
            held,
            prices,
            today=TODAY,
            taxable_accounts=frozenset({"brk"}),
            recent_buys=buys,
            pending_buys=[],
            threshold=Threshold(Decimal(100), Decimal("0.05")),
        )

    t_screen, screening = best(screen, args.repeats)
    t_corr, table = best(lambda: correlations(series), args.repeats)
    wanted = sorted({c.lot.symbol for c in screening.candidates})
    t_repl, _ = best(lambda: [replacements_for(s, table) for s in wanted], args.repeats)
    t_save, _ = best(
        lambda: [savings_of(position, BRACKETS_2025_SINGLE, [c]) for c in screening.candidates],
        args.repeats,
    )
    t_proj, _ = best(
        lambda: project_year(
            position,
            BRACKETS_2025_SINGLE,
            tax_year=2025,
            harvest=screening.candidates,
            remaining=screening.candidates,
            moves=MOVES,
        ),
        args.repeats,
    )
    closes = np.array([[c for _, c in series[s]] for s in sorted(series)])
    t_np, _ = best(lambda: np.corrcoef(np.diff(np.log(closes), axis=1)), args.repeats)
    total = t_screen + t_corr + t_repl + t_save + t_proj
    print(
        f"book: {args.lots:,} lots, {args.symbols} symbols, {args.days} closes; "
        f"{len(screening.candidates):,} candidates, {len(screening.blocked):,} blocked"
    )
    print(f"  screening                {t_screen * 1e3:9.1f} ms")
    print(
        f"  correlation matrix       {t_corr * 1e3:9.1f} ms   (numpy.corrcoef {t_np * 1e3:.1f} ms)"
    )
    print(f"  replacements ({len(wanted)} syms) {t_repl * 1e3:9.1f} ms")
    print(f"  savings per candidate    {t_save * 1e3:9.1f} ms")
    print(f"  projection (5 moves)     {t_proj * 1e3:9.1f} ms")
    print(f"  total                    {total * 1e3:9.1f} ms   target <= 1000 ms")


if __name__ == "__main__":
    main()
