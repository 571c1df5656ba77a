"""What a user does with their price alerts: create, list, read, change the note, delete.

Owner-scoped: another user's alert answers NotFound, as an unknown one. Thresholds and
hysteresis are Decimal; a symbol is an exchange ticker (letters, digits, `.`, `-`, `/`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, replace
from decimal import Decimal

from application.core.access import ensure_may_change
from domain.errors import Conflict, DomainError, NotFound
from domain.notifications.price_alerts import Direction, Mode, PriceAlert
from domain.principals import Principal
from ports.core.clock import Clock, IdGenerator
from ports.price_alerts.price_alerts import PriceAlertStore

MAX_ALERTS_PER_USER = 100
MAX_NOTE = 200
_SYMBOL = re.compile(r"[A-Z0-9][A-Z0-9.\-/]{0,31}")


class InvalidPriceAlert(DomainError):
    """A field of a price alert is missing, malformed or out of range."""

    code = "INVALID_PRICE_ALERT"


class TooManyPriceAlerts(Conflict):
    code = "TOO_MANY_PRICE_ALERTS"


@dataclass(frozen=True, slots=True)
class CreatePriceAlert:
    symbol: str
    direction: Direction
    threshold: Decimal
    mode: Mode = Mode.ONCE
    hysteresis: Decimal = Decimal(0)
    note: str = ""


@dataclass(eq=False)
class PriceAlerts:
    store: PriceAlertStore
    clock: Clock
    ids: IdGenerator
    _: KW_ONLY
    max_per_user: int = MAX_ALERTS_PER_USER
    # The watch's nudge: re-read the active alerts before the next quote.
    changed: Callable[[], None] | None = None

    def on_change(self, changed: Callable[[], None]) -> None:
        self.changed = changed

    async def create(self, caller: Principal, command: CreatePriceAlert) -> PriceAlert:
        ensure_may_change(caller)
        symbol = command.symbol.strip().upper()
        if not _SYMBOL.fullmatch(symbol):
            raise InvalidPriceAlert("symbol must be a ticker like AAPL or BTC/USD", field="symbol")
        if command.mode is Mode.ONCE and command.hysteresis != 0:
            raise InvalidPriceAlert("a once alert takes no hysteresis", field="hysteresis")
        if await self.store.count_for(caller.id) >= self.max_per_user:
            raise TooManyPriceAlerts(f"at most {self.max_per_user} price alerts per user")
        try:
            alert = PriceAlert(
                id=self.ids.new("pal-"),
                owner_id=caller.id,
                symbol=symbol,
                direction=command.direction,
                threshold=command.threshold,
                mode=command.mode,
                hysteresis=command.hysteresis,
                created_at=self.clock.now(),
                note=_note(command.note),
            )
        except ValueError as exc:
            field = "hysteresis" if "hysteresis" in str(exc) else "threshold"
            raise InvalidPriceAlert(str(exc), field=field) from None
        await self.store.add(alert)
        self._nudge()
        return alert

    async def list_for(self, caller: Principal) -> list[PriceAlert]:
        return await self.store.list_for(caller.id)

    async def get(self, caller: Principal, alert_id: str) -> PriceAlert:
        found = await self.store.get(alert_id, caller.id)
        if found is None:
            raise NotFound("no such price alert", field="alert_id")
        return found

    async def set_note(self, caller: Principal, alert_id: str, note: str) -> PriceAlert:
        ensure_may_change(caller)
        current = await self.get(caller, alert_id)
        changed = replace(current, note=_note(note))
        if not await self.store.save(changed, current):
            # It fired in between: take the note onto what is stored now.
            latest = await self.get(caller, alert_id)
            changed = replace(latest, note=_note(note))
            if not await self.store.save(changed, latest):
                raise Conflict("the alert changed while it was being saved; try again")
        return changed

    async def delete(self, caller: Principal, alert_id: str) -> None:
        ensure_may_change(caller)
        if not await self.store.remove(alert_id, caller.id):
            raise NotFound("no such price alert", field="alert_id")
        self._nudge()

    def _nudge(self) -> None:
        if self.changed is not None:
            self.changed()


def _note(note: str) -> str:
    cleaned = note.strip()
    if len(cleaned) > MAX_NOTE or not cleaned.isprintable():
        raise InvalidPriceAlert(
            f"note must be at most {MAX_NOTE} printable characters", field="note"
        )
    return cleaned
