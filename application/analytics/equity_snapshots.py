"""The daily equity snapshot job: every account valued at current marks, one row per day.

What a snapshot holds (ports.trading.equity.EquitySnapshot), and where each figure comes from:
- equity, cash, market value, gross exposure: the account aggregate at current marks.
  An account holding a symbol without a mark is skipped and reported, never valued at zero.
- The day's window runs from the previous day's snapshot (its `taken_at`) to now; without
  one, from the start of today (UTC). Re-taking a day's snapshot keeps that window, so the
  start-up run and the scheduled run of one day agree.
- traded notional and realized P&L: from the account's fills in the window (uow.fills), so
  no counter has to be kept in the order path; realized P&L replays every fill of the
  account through average-cost positions (domain.analytics.fills_replay).
- net external flow: the change of cash over the window that the window's fills do not
  explain (deposits, withdrawals, and also dividends or fees booked to cash, which are then
  treated as flows). The first snapshot of an account has none: it is the starting point.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from application.core.pacing import pause
from application.trading.snapshots import instrument_map
from domain.analytics.fills_replay import cash_effect, replay, traded_notional
from domain.trading.accounts import Account, MissingMark
from domain.trading.fills import Fill
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.trading.equity import EquityHistory, EquitySnapshot

ZERO = Decimal(0)
# Accounts valued at once: their store round trips overlap, and their valuations may share
# one loop step (an in-memory store never suspends), so the stall grows with it (measured:
# benchmarks/bench_snapshots.py).
DEFAULT_BATCH = 4


@dataclass(frozen=True, slots=True)
class SnapshotRun:
    """What one run did: the snapshots taken, the accounts skipped (unmarked) or failed."""

    day: date
    taken: tuple[EquitySnapshot, ...] = ()
    skipped: dict[str, str] = field(default_factory=dict)  # account id -> why
    failed: dict[str, str] = field(default_factory=dict)  # account id -> error


def next_run(now: datetime, at: time) -> datetime:
    """The first moment at `at` (UTC) strictly after `now`."""
    today = datetime.combine(now.astimezone(UTC).date(), at, tzinfo=UTC)
    return today if today > now else today + timedelta(days=1)


class EquitySnapshots:
    """Takes the accounts' daily snapshots, `batch_size` accounts at a time, yielding to the
    event loop between batches."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        market: MarketDataPort,
        history: EquityHistory,
        clock: Clock,
        *,
        batch_size: int = DEFAULT_BATCH,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._uow = uow_factory
        self._market = market
        self._history = history
        self._clock = clock
        self._batch = batch_size
        self.last_run: SnapshotRun | None = None

    async def take_all(self) -> SnapshotRun:
        """Snapshot every open account (a closed or archived one holds nothing and keeps its
        history); one account's failure is reported and the rest go on."""
        now = self._clock.now()
        async with self._uow() as uow:
            account_ids = sorted(a.id for a in await uow.accounts.list() if a.is_open)
        taken: list[EquitySnapshot] = []
        skipped: dict[str, str] = {}
        failed: dict[str, str] = {}
        for start in range(0, len(account_ids), self._batch):
            batch = account_ids[start : start + self._batch]
            results = await asyncio.gather(
                *(self.take(account_id, now) for account_id in batch), return_exceptions=True
            )
            for account_id, result in zip(batch, results, strict=True):
                if isinstance(result, EquitySnapshot):
                    taken.append(result)
                elif isinstance(result, MissingMark):
                    skipped[account_id] = f"no mark for {result}"
                elif isinstance(result, Exception):
                    failed[account_id] = f"{type(result).__name__}: {result}"
                else:  # a cancellation or an exit: not an account's failure to swallow
                    raise result
            await asyncio.sleep(0)  # the serving loop runs between batches
        run = SnapshotRun(now.date(), tuple(taken), skipped, failed)
        self.last_run = run
        return run

    async def take(self, account_id: str, now: datetime | None = None) -> EquitySnapshot:
        """Snapshot one account at current marks; MissingMark when a holding has none."""
        now = now or self._clock.now()
        day = now.astimezone(UTC).date()
        await asyncio.sleep(0)  # each batch's accounts start on a fresh loop step
        async with self._uow() as uow:
            account = await uow.accounts.get(account_id)
            if account is None:
                raise LookupError(f"account {account_id} not found")
            fills = await uow.fills.list(account_id)
            instruments = await instrument_map(uow)
        held = sorted(s for s, p in account.positions.items() if p.quantity)
        marks = await self._market.reference_prices(held) if held else {}
        multipliers = {s: p.multiplier for s, p in account.positions.items()}
        multipliers.update({s: i.multiplier for s, i in instruments.items()})
        previous = await self._history.latest(account_id, before=day)
        since = previous.taken_at if previous else datetime.combine(day, time(), tzinfo=UTC)
        snapshot = _snapshot(account, marks, fills, multipliers, previous, since, now)
        await self._history.upsert(snapshot)
        return snapshot

    async def run(
        self,
        at: time,
        stop: asyncio.Event,
        *,
        at_start: bool = True,
        start_delay_s: float = 0.0,
        on_run: Callable[[SnapshotRun], None] | None = None,
    ) -> None:
        """Take snapshots at start (when asked, after `start_delay_s`) and then every day at
        `at` UTC until `stop`."""
        if at_start:
            await pause(self._clock, start_delay_s, stop)
            if stop.is_set():
                return
            await self._run_once(on_run)
        while not stop.is_set():
            wait = (next_run(self._clock.now(), at) - self._clock.now()).total_seconds()
            await pause(self._clock, max(0.0, wait), stop)
            if stop.is_set():
                return
            await self._run_once(on_run)

    async def _run_once(self, on_run: Callable[[SnapshotRun], None] | None) -> None:
        try:
            run = await self.take_all()
        except Exception as exc:  # a store outage: the next day's run tries again
            run = SnapshotRun(
                self._clock.now().date(), failed={"*": f"{type(exc).__name__}: {exc}"}
            )
            self.last_run = run
        if on_run is not None:
            on_run(run)


def _snapshot(
    account: Account,
    marks: dict[str, Decimal],
    fills: Sequence[Fill],
    multipliers: dict[str, Decimal],
    previous: EquitySnapshot | None,
    since: datetime,
    now: datetime,
) -> EquitySnapshot:
    equity = account.equity(marks)  # MissingMark for an unmarked holding
    window = [f for f in fills if since < f.at <= now]
    # The replay (every fill of the account, for average costs) only when the day traded.
    realized = replay(fills, multipliers).realized_by_fill if window else {}
    flow = ZERO
    if previous is not None:
        flow = account.cash - previous.cash - cash_effect(window, multipliers)
    return EquitySnapshot(
        account_id=account.id,
        day=now.astimezone(UTC).date(),
        equity=equity,
        cash=account.cash,
        market_value=account.market_value(marks),
        gross_exposure=account.gross_exposure(marks),
        net_flow=flow,
        traded_notional=traded_notional(window, multipliers),
        realized_pnl=sum((realized[f.id] for f in window), ZERO),
        taken_at=now,
    )
