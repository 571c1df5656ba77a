"""Rebalancing: one household of 10 accounts x 500 lots, drift and a tax-aware proposal.

A seeded household: 10 accounts (3 tax-advantaged), 500 lots each over 40 symbols, lots
bought over the last three years at prices around today's, each account with its own target
allocation over 12 symbols, 40 recent buys inside the wash-sale window; band 2 points so most
symbols trade. Timed: `propose` (household drift, the tax-aware order of every sold symbol's
lots, wash-sale screening, buys, the after-trade drift) and `drift_of` alone, best of
`--repeats`. Target: <= 1 s for the proposal, printed beside the figure.
Run: `.venv/bin/python -m benchmarks.bench_rebalance [--accounts N] [--lots N] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from decimal import Decimal

from benchmarks.timing import timed
from domain.rebalancing.model import AccountHoldings, Lot, RecentBuy, drift_of
from domain.rebalancing.proposal import RebalanceSettings, propose

TARGET_SECONDS = 1.0
TODAY = date(2026, 11, 25)
SYMBOLS = [f"S{n:02d}" for n in range(40)]


def household(
    accounts: int, lots: int, seed: int = 7
) -> tuple[list[AccountHoldings], dict[str, Decimal], list[RecentBuy]]:
    rng = random.Random(seed)
    prices = {s: Decimal(rng.randint(2_000, 40_000)) / 100 for s in SYMBOLS}
    result = []
    for a in range(accounts):
        held = []
        for k in range(lots):
            symbol = rng.choice(SYMBOLS)
            quantity = Decimal(rng.randint(1, 200))
            basis_per_share = prices[symbol] * Decimal(rng.uniform(0.6, 1.4)).quantize(
                Decimal("0.0001")
            )
            basis = (quantity * basis_per_share).quantize(Decimal("0.01"))
            acquired = TODAY - timedelta(days=rng.randint(0, 1100))
            held.append(Lot(f"a{a}l{k}", symbol, quantity, basis, acquired))
        chosen = rng.sample(SYMBOLS, 12)
        raw = [rng.randint(1, 10) for _ in chosen]
        target = {
            s: (Decimal(w) / Decimal(sum(raw))).quantize(Decimal("0.0001"), rounding="ROUND_DOWN")
            for s, w in zip(chosen, raw, strict=True)
        }
        result.append(
            AccountHoldings(
                f"acct{a}", Decimal(rng.randint(0, 50_000)), tuple(held), target,
                tax_advantaged=a % 3 == 0,
            )
        )  # fmt: skip
    recent = [
        RecentBuy(
            f"acct{rng.randrange(accounts)}",
            rng.choice(SYMBOLS),
            TODAY - timedelta(days=rng.randint(0, 30)),
        )
        for _ in range(40)
    ]
    return result, prices, recent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=10)
    parser.add_argument("--lots", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    accounts, prices, recent = household(args.accounts, args.lots)
    settings = RebalanceSettings(band=Decimal("0.02"))
    proposal = propose(accounts, prices, TODAY, recent, settings)
    seconds = timed(lambda: propose(accounts, prices, TODAY, recent, settings), args.repeats).best
    drift_seconds = timed(lambda: drift_of(accounts, prices, settings.band), args.repeats).best
    lots = sum(len(a.lots) for a in accounts)
    print(f"household: {len(accounts)} accounts, {lots} lots, {len(SYMBOLS)} symbols")
    print(
        f"proposal: {len(proposal.trades)} trades, {len(proposal.lot_sales)} lot sales, "
        f"turnover {proposal.turnover}, realised gain {proposal.realised_gain()}, "
        f"unresolved {len(proposal.unresolved)}"
    )
    verdict = "meets" if seconds <= TARGET_SECONDS else "MISSES"
    figure = f"{seconds:.3f} s  (target <= {TARGET_SECONDS:.1f} s: {verdict})"
    print(f"propose (tax-aware lot choice included): {figure}")
    print(f"drift_of alone: {drift_seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
