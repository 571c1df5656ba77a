"""The options-chain view and IV rank: time per request against the inline budget.

One seeded synthetic chain (adapters/market_data/synthetic_books.py: 3 expiries x 13 strikes x
2 rights) is widened to `--copies` x 78 contracts (expiries shifted by 35 days per copy), and
`OptionsChainService.chain` (IV of every mid, Greeks, PCR, max pain, GEX by strike, the
zero-gamma search, whale flags, sweep detection) and `.iv_rank` run on it `--repeats` times,
kernels warmed first. Printed: median and best ms per request beside the target (a chain is
answered inline, in a worker thread, while it stays under 50 ms up to 2,000 contracts).
Run: `.venv/bin/python -m benchmarks.bench_options_chain [--copies N] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import platform
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from adapters.market_data.synthetic_books import build_option_chain
from adapters.memory.clock import FakeClock
from adapters.memory.iv_history import InMemoryIVHistoryStore
from application.market_data.options_chain import OptionsChainService
from domain.market_data.options import OptionChain
from ports.market_data.iv_history import DailyIV

TARGET_MS = 50.0  # per request, up to 2,000 contracts


@dataclasses.dataclass
class FixedChains:
    """The part of a MarketDataProvider the chain service calls: one fixed chain."""

    chain: OptionChain
    name: str = "bench"

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        return self.chain

    def __getattr__(self, name: str) -> Any:  # the rest of the port is never called here
        raise AttributeError(name)

    def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Any]:
        raise NotImplementedError


def widened(copies: int, clock: FakeClock) -> OptionChain:
    base = build_option_chain(
        "AAPL", Decimal("190"), 0.3, at=clock.now(), expiry=None, seed=7, key=1
    )
    contracts = [
        dataclasses.replace(c, symbol=f"{c.symbol}{i}", expiry=c.expiry + timedelta(days=35 * i))
        for i in range(copies)
        for c in base.contracts
    ]
    contracts.sort(key=lambda c: (c.expiry, c.strike, c.right.value))
    return dataclasses.replace(base, contracts=tuple(contracts))


async def timed(call: Callable[[], Awaitable[object]], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    return times


async def main(copies: Sequence[int], repeats: int) -> None:
    print(f"options chain bench: {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cpus, numba={os.environ.get('BULWARK_NUMBA', '1')}")  # fmt: skip
    clock = FakeClock()
    history = InMemoryIVHistoryStore()
    for back in range(1, 252):
        day = clock.now().date() - timedelta(days=back)
        await history.record(DailyIV("AAPL", day, 0.2 + (back % 17) / 100, clock.now()))
    for n in copies:
        chain = widened(n, clock)
        service = OptionsChainService(FixedChains(chain), history, clock)  # type: ignore[arg-type]
        started = time.perf_counter()
        await service.chain("AAPL")
        first = (time.perf_counter() - started) * 1000
        chains = await timed(lambda s=service: s.chain("AAPL"), repeats)  # type: ignore[misc]
        ranks = await timed(lambda s=service: s.iv_rank("AAPL"), repeats)  # type: ignore[misc]
        size = len(chain.contracts)
        print(
            f"{size:>6} contracts  chain: median {statistics.median(chains):7.2f} ms, "
            f"best {min(chains):7.2f} ms (target <= {TARGET_MS:.0f} ms; "
            f"first call {first:.0f} ms)  "
            f"iv-rank (251 stored days): median {statistics.median(ranks):6.2f} ms"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 8, 26])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(main(args.copies, args.repeats))
