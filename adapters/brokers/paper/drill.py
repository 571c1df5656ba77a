"""A broker that lies on purpose: the paper broker (or, in a venue drill, any adapter) wrapped
with faults switched for drills."""

from __future__ import annotations

import threading

from domain.killswitch.drill import BrokerFault, BrokerFaults, VenueStep
from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.core.clock import Clock
from ports.safety.drills import BrokerFaultSwitch, DrillTape
from ports.trading.broker import (
    BrokerAccount,
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
    DeadlineBroker,
)


class FaultSwitch:
    """The faults switched on now; the kill switch's lane reads it from its own thread."""

    def __init__(self, faults: BrokerFaults | None = None) -> None:
        self._faults = faults or BrokerFaults()
        self._lock = threading.Lock()

    def current(self) -> BrokerFaults:
        with self._lock:
            return self._faults

    def set(self, faults: BrokerFaults) -> None:
        with self._lock:
            self._faults = faults


class FaultyBroker:
    """A BrokerPort over another that shows the switched-on faults, for kill-switch drills.

    Commands (submit, cancel, cancel_all, close_all) are acknowledged late (delay_acks) or
    not at all (drop_acks: carried out, then the answer is lost as a time-out); cancels can
    be acknowledged and not carried out (keep_on_cancel); new orders refused (reject_sends);
    every call can fail as unreachable (disconnect). Queries tell the truth unless
    disconnected: a kill switch must prove its halt by asking again. With a `tape`, the
    cancels sent and acknowledged and the first look that finds nothing open are noted.
    """

    def __init__(
        self,
        inner: BrokerPort,
        switch: BrokerFaultSwitch,
        clock: Clock,
        tape: DrillTape | None = None,
    ) -> None:
        self._inner = inner
        self._switch = switch
        self._clock = clock
        self._tape = tape
        self.name = inner.name

    @property
    def inner(self) -> BrokerPort:
        return self._inner

    async def submit(self, order: Order) -> BrokerOrder:
        faults = self._reachable("submit")
        if faults.has(BrokerFault.REJECT_SENDS):
            raise BrokerError(BrokerErrorCode.REJECTED, "submit rejected (drill fault)")
        placed = await self._inner.submit(order)
        await self._acknowledge(faults, "submit")
        return placed

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        self._note(VenueStep.CANCEL_SENT)
        faults = self._reachable("cancel")
        if faults.has(BrokerFault.KEEP_ON_CANCEL):
            result = CancelResult(broker_order_id, ok=True)
        else:
            result = await self._inner.cancel(account_id, broker_order_id)
        await self._acknowledge(faults, "cancel")
        self._acknowledged([result])
        return result

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        self._note(VenueStep.CANCEL_SENT)
        faults = self._reachable("cancel_all")
        if faults.has(BrokerFault.KEEP_ON_CANCEL):
            kept = await self._inner.open_orders(account_id)
            results = [CancelResult(o.broker_order_id, ok=True) for o in kept]
        else:
            results = await self._inner.cancel_all(account_id)
        await self._acknowledge(faults, "cancel_all")
        self._acknowledged(results)
        return results

    async def close_all(self, account_id: str) -> list[CloseResult]:
        faults = self._reachable("close_all")
        if faults.has(BrokerFault.REJECT_SENDS):
            held = await self._inner.positions(account_id)
            refused = BrokerErrorCode.REJECTED.value
            return [CloseResult(p.symbol, ok=False, error=refused) for p in held]
        results = await self._inner.close_all(account_id)
        await self._acknowledge(faults, "close_all")
        return results

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        self._reachable("open_orders")
        found = await self._inner.open_orders(account_id)
        if not found:
            self._note(VenueStep.NONE_OPEN)
        return found

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        self._reachable("positions")
        return await self._inner.positions(account_id)

    async def account(self, account_id: str) -> BrokerAccount:
        self._reachable("account")
        return await self._inner.account(account_id)

    async def fills(self, account_id: str) -> list[Fill]:
        self._reachable("fills")
        return await self._inner.fills(account_id)

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        self._reachable("order_by_client_id")
        return await self._inner.order_by_client_id(account_id, client_order_id)

    @property
    def acceptance_window_s(self) -> float:
        return self._inner.acceptance_window_s

    def _reachable(self, method: str) -> BrokerFaults:
        faults = self._switch.current()
        if faults.has(BrokerFault.DISCONNECT):
            raise BrokerError(
                BrokerErrorCode.UNAVAILABLE, f"{method}: broker unreachable (drill fault)",
                retryable=True,
            )  # fmt: skip
        return faults

    async def _acknowledge(self, faults: BrokerFaults, method: str) -> None:
        """The answer to a command already carried out: late, lost, or on time."""
        if faults.has(BrokerFault.DELAY_ACKS):
            await self._clock.sleep(faults.delay_ms / 1000)
        if faults.has(BrokerFault.DROP_ACKS):
            raise BrokerError(
                BrokerErrorCode.TIMEOUT, f"{method}: the answer was lost (drill fault)",
                retryable=True,
            )  # fmt: skip

    def _note(self, step: VenueStep) -> None:
        if self._tape is not None:
            self._tape.note(step)

    def _acknowledged(self, results: list[CancelResult]) -> None:
        if any(r.ok for r in results):
            self._note(VenueStep.CANCEL_ACKNOWLEDGED)


class FaultyDeadlineBroker(FaultyBroker):
    """A FaultyBroker over a DeadlineBroker (a real adapter in a venue drill): `within`
    bounds the adapter's own calls as the kill switch asks, the faults staying in front."""

    def within(self, deadline: float) -> BrokerPort:
        inner = self.inner
        assert isinstance(inner, DeadlineBroker)
        return FaultyBroker(inner.within(deadline), self._switch, self._clock, self._tape)


def faulty(
    inner: BrokerPort, switch: BrokerFaultSwitch, clock: Clock, tape: DrillTape | None = None
) -> FaultyBroker:
    """`inner` behind the switched faults, still bounding its calls by a deadline if it can."""
    kind = FaultyDeadlineBroker if isinstance(inner, DeadlineBroker) else FaultyBroker
    return kind(inner, switch, clock, tape)
