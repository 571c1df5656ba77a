"""Fills told to their owners off the fill path: "order.filled" and "position.changed".

A broker's fills arrive on the order path: the bus hands OrderFilled and FillBooked to
`on_event`, which only notes them in a bounded queue and returns, so no order waits for a
notification to be planned, rendered and stored. A task of this process tells what queued
up, in turns (`turn_seconds` apart: BULWARK_NOTIFY_FILL_TURN_SECONDS, 0.25 s as served, so
a person's notice comes a quarter of a second after the fill), in arrival order:

- each account's events of a turn read the account once (its owner, its positions);
- up to `alone_up_to` fills of one account (or one account and symbol) are told one by
  one, as a person placing an order sees them; more than that in one turn — a strategy's
  or an agent's burst — are told as one digest per account ("12 orders filled on account
  a-1") and one per position ("7 fills of AAPL moved the position from 0 to 40"), with
  the orders and fills named in its data (the first `NAMED` of them). The digest uses the
  type's own preferences and channels: muting "order.filled" mutes its digests too.
- a position's change is worked out backwards from the account as read after the turn's
  fills: before = after - the turn's signed quantities; each fill told alone gets its own
  before and after. Fills booked after that read and told in a later turn can make a
  figure a later one's: the figures are the account's, the story of one turn.

Delivery is at most once per event here (the bus's at-least-once relay has handed the
event over once `on_event` returned): a crash with events queued loses their notices, and
a full queue (`capacity`, a burst far beyond what a person can read) skips them, counted
in `skipped` and logged once per burst. Replays of an event told alone map to the same
notification (its source is the event's identity) and add nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections import deque
from collections.abc import Awaitable, Sequence
from dataclasses import KW_ONLY, dataclass, field
from decimal import Decimal

from application.notifications.center import NotificationCenter, source_key
from application.notifications.sources import event_source, plain, position_change
from domain.events import DomainEvent
from domain.trading.accounts import Account
from domain.trading.fills import FillBooked
from domain.trading.orders import OrderFilled
from ports.core.unit_of_work import UnitOfWorkFactory

DEFAULT_CAPACITY = 50_000
ALONE_UP_TO = 2  # events of one account (or position) in one turn told one by one
NAMED = 20  # orders or fills a digest names in its text
LISTED = 200  # order or fill ids a digest keeps in its data
ZERO = Decimal(0)
_log = logging.getLogger("bulwark.notifications.fills")


@dataclass(eq=False)
class FillNotices:
    """Bus handler for the fill path's notices: noted at once, told on a task of its own."""

    center: NotificationCenter
    uow_factory: UnitOfWorkFactory
    _: KW_ONLY
    capacity: int = DEFAULT_CAPACITY
    alone_up_to: int = ALONE_UP_TO
    turn_seconds: float = 0.0
    _queue: deque[OrderFilled | FillBooked] = field(init=False, default_factory=deque)
    _running: asyncio.Task[None] | None = field(init=False, default=None)
    _hurry: bool = field(init=False, default=False)  # stopping: the turn in wait runs now
    _woken: asyncio.Event | None = field(init=False, default=None)
    skipped: int = field(init=False, default=0)  # events dropped because the queue was full
    # Groups whose telling raised (the store down): their notices lost.
    failed: int = field(init=False, default=0)
    told: int = field(init=False, default=0)  # notifications asked of the center (alone or digests)

    def subscriptions(self) -> list[type[DomainEvent]]:
        return [OrderFilled, FillBooked]

    async def on_event(self, event: DomainEvent) -> None:
        if not isinstance(event, (OrderFilled, FillBooked)):
            return
        if len(self._queue) >= self.capacity:
            if self.skipped == 0 or len(self._queue) == self.capacity:
                _log.warning("fill notices skipped: %d queued, the queue is full", self.capacity)
            self.skipped += 1
            return
        self._queue.append(event)
        if self._running is None or self._running.done():
            # Tells every caller's fills: a context of its own, not the first caller's
            # (whose request id and trace would label them all).
            self._running = asyncio.get_running_loop().create_task(
                self._run(), context=contextvars.Context()
            )

    async def idle(self) -> None:
        """Wait until what is queued has been told (shutdown, tests): a turn waiting for
        more events runs at once. A turn running on another event loop (an app served on a
        test client's loop, stopped from the test's) cannot be awaited from this one: it is
        left to finish there."""
        here = asyncio.get_running_loop()
        self._hurry = True
        running, woken = self._running, self._woken
        if woken is not None and running is not None and running.get_loop() is here:
            woken.set()
        try:
            await self._wait_here(here)
        finally:
            self._hurry = False

    async def _wait_here(self, here: asyncio.AbstractEventLoop) -> None:
        while (running := self._running) is not None and not running.done():
            if running.get_loop() is not here:
                return
            await asyncio.shield(running)

    async def _run(self) -> None:
        while self._queue:
            if self.turn_seconds > 0 and not self._hurry:
                # What comes meanwhile joins this turn; a stop cuts the wait short.
                self._woken = asyncio.Event()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.turn_seconds):
                        await self._woken.wait()
            turn = list(self._queue)
            self._queue.clear()
            await self.tell(turn)

    async def tell(self, events: Sequence[OrderFilled | FillBooked]) -> None:
        """Tell one turn's events (in order, grouped by account and position)."""
        orders: dict[str, list[OrderFilled]] = {}
        fills: dict[tuple[str, str], list[FillBooked]] = {}
        for event in dict.fromkeys(events):  # a replay within the turn: once (events are equal)
            if isinstance(event, OrderFilled):
                orders.setdefault(event.account_id, []).append(event)
            else:
                fills.setdefault((event.account_id, event.fill.symbol), []).append(event)
        try:
            accounts = await self._accounts({*orders, *(key[0] for key in fills)})
        except Exception as exc:
            self.failed += len(orders) + len(fills)
            _log.warning("fill notices lost: accounts unreadable (%s)", type(exc).__name__)
            return
        for account_id, filled in orders.items():
            account = accounts.get(account_id)
            if account is not None:
                await self._guarded(self._orders_filled(account, filled))
        for (account_id, _), booked in fills.items():
            account = accounts.get(account_id)
            if account is not None:
                await self._guarded(self._position_changed(account, booked))

    async def _accounts(self, ids: set[str]) -> dict[str, Account]:
        found: dict[str, Account] = {}
        async with self.uow_factory() as uow:
            for account_id in ids:
                account = await uow.accounts.get(account_id)
                if account is not None:
                    found[account_id] = account
        return found

    async def _guarded(self, telling: Awaitable[None]) -> None:
        try:
            await telling
        except Exception as exc:  # one group's failure loses that group only
            self.failed += 1
            _log.warning("fill notices lost for one group (%s)", type(exc).__name__)

    async def _orders_filled(self, account: Account, filled: list[OrderFilled]) -> None:
        if len(filled) <= self.alone_up_to:
            for event in filled:
                data = order_filled_data(event)
                await self._tell(account.owner_id, "order.filled", data, event_source(event, data))
            return
        named = [
            f"{e.side} {plain(e.filled_quantity)} {e.symbol} at {plain(e.price)} ({e.order_id})"
            for e in filled[:NAMED]
        ]
        if len(filled) > NAMED:
            named.append(f"and {len(filled) - NAMED} more")
        digest: dict[str, object] = {
            "account_id": account.id,
            "count": len(filled),
            "symbols": sorted({e.symbol for e in filled}),
            "orders": named,
            "order_ids": [e.order_id for e in filled[:LISTED]],
        }
        identity = "\x1f".join(f"{e.order_id}:{e.filled_quantity}:{e.status}" for e in filled)
        await self._tell(
            account.owner_id,
            "order.filled",
            digest,
            source_key("digest", "order.filled", identity),
            True,
        )

    async def _position_changed(self, account: Account, booked: list[FillBooked]) -> None:
        symbol = booked[0].fill.symbol
        held = account.positions.get(symbol)
        after = held.quantity if held is not None else ZERO
        before = after - sum((e.fill.signed_quantity for e in booked), ZERO)
        if len(booked) <= self.alone_up_to:
            for event in booked:
                fill = event.fill
                moved = before + fill.signed_quantity
                data: dict[str, object] = {
                    "account_id": account.id,
                    "fill_id": fill.id,
                    "symbol": fill.symbol,
                    "side": fill.side.value,
                    "quantity": plain(fill.quantity),
                    "price": plain(fill.price),
                    "position": plain(moved),
                    "change": position_change(before, moved),
                }
                # One notification per fill: the fill's id is the source.
                source = source_key(event.name, account.id, fill.id)
                await self._tell(account.owner_id, "position.changed", data, source)
                before = moved
            return
        bought = sum((e.fill.quantity for e in booked if e.fill.signed_quantity > 0), ZERO)
        sold = sum((e.fill.quantity for e in booked if e.fill.signed_quantity < 0), ZERO)
        data = {
            "account_id": account.id,
            "symbol": symbol,
            "fills": len(booked),
            "bought": plain(bought),
            "sold": plain(sold),
            "before": plain(before),
            "position": plain(after),
            "change": position_change(before, after),
            "price": plain(booked[-1].fill.price),  # the last fill's
            "fill_ids": [e.fill.id for e in booked[:LISTED]],
        }
        identity = "\x1f".join(e.fill.id for e in booked)
        await self._tell(
            account.owner_id,
            "position.changed",
            data,
            source_key("digest", "position.changed", account.id, identity),
            True,
        )

    async def _tell(
        self, user_id: str, kind: str, data: dict[str, object], source: str, digest: bool = False
    ) -> None:
        await self.center.notify(user_id, kind, data, source_id=source, digest=digest)
        self.told += 1


def order_filled_data(event: OrderFilled) -> dict[str, object]:
    """What an "order.filled" notice of one order says (quantities as plain decimals)."""
    return {
        "order_id": event.order_id,
        "account_id": event.account_id,
        "symbol": event.symbol,
        "side": event.side,
        "quantity": plain(event.quantity),
        "filled_quantity": plain(event.filled_quantity),
        "price": plain(event.price),
        "status": event.status,
    }
