"""Filing calendar use cases (docs/13f.md): the deadlines of a window, an event's 13D / 13G
deadline, each user's reminders, and the reminder pass that notifies them.

Reminders: a user names the recurring filings (13F-HR, SC 13G/A, 1040-ES) and how many days
ahead to be told (0 to 60, at most 5 figures). The pass (`send_due`, run periodically by
bootstrap) finds, for each subscriber, the deadlines due within the largest lead; a lead
applies once `due - today <= lead`. One notification goes out per deadline for the tightest
applicable lead not yet sent, through the notification center's hook
`notify(user, "filing.due", data, source_id=...)`; every applicable lead is then recorded as
sent. The source id is derived from (user, filing, period, lead), so a pass repeated after a
crash between the notify and the record adds no second delivery (the center's outbox keys
deliveries by it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, TypeVar

from application.core.access import ensure_may_change
from application.markets.query_dates import parse_day
from domain.analytics.compliance.filing_calendar import (
    RECURRING,
    Deadline,
    FilerType,
    Filing,
    InvalidFilingInput,
    Trigger,
    event_deadline,
    recurring,
)
from domain.principals import Principal
from ports.core.clock import Clock
from ports.markets.filing_reminders import FilingReminderStore, ReminderSettings

DEFAULT_WINDOW_DAYS = 365
MAX_LEAD_DAYS = 60
MAX_LEADS = 5
DEFAULT_LEADS = (14, 3, 1)
PAGE = 200
EVENT = "filing.due"
E = TypeVar("E", Filing, Trigger, FilerType)


class Notify(Protocol):
    """The notification center's hook (NotificationCenter.notify)."""

    def __call__(
        self,
        user_id: str,
        event: str,
        data: Mapping[str, object],
        priority: str | None = None,
        *,
        source_id: str | None = None,
    ) -> Awaitable[object]: ...


@dataclass(frozen=True, slots=True)
class CalendarView:
    start: date
    end: date
    filings: tuple[Filing, ...]
    deadlines: tuple[Deadline, ...]


@dataclass(frozen=True, slots=True)
class ReminderPass:
    """What one pass did: users looked at and notifications sent."""

    subscribers: int
    sent: int


@dataclass(eq=False)
class FilingCalendarService:
    store: FilingReminderStore
    notify: Notify
    clock: Clock

    def today(self) -> date:
        return self.clock.now().date()

    def calendar(
        self, start_text: str | None, end_text: str | None, filings_text: str | None
    ) -> CalendarView:
        start = parse_day(start_text, "start", InvalidFilingInput) or self.today()
        end = parse_day(end_text, "end", InvalidFilingInput) or start + timedelta(
            days=DEFAULT_WINDOW_DAYS
        )
        filings = parse_filings(filings_text) if filings_text else RECURRING
        deadlines = recurring(set(filings), start, end)
        return CalendarView(start, end, filings, tuple(deadlines))

    def deadline(
        self, filing: str, trigger: str, event_date: date, filer_type: str | None
    ) -> Deadline:
        return event_deadline(
            _enum(Filing, filing, "filing"),
            _enum(Trigger, trigger, "trigger"),
            event_date,
            None if filer_type is None else _enum(FilerType, filer_type, "filer_type"),
        )

    async def reminders(self, principal: Principal) -> ReminderSettings:
        found = await self.store.get(principal.id)
        return found or ReminderSettings(principal.id, (), DEFAULT_LEADS, self.clock.now())

    async def put_reminders(
        self, principal: Principal, filings: Sequence[str], lead_days: Sequence[int] | None
    ) -> ReminderSettings:
        ensure_may_change(principal)
        chosen = parse_filings(",".join(filings)) if filings else ()
        leads = tuple(sorted(set(DEFAULT_LEADS if lead_days is None else lead_days), reverse=True))
        if not 1 <= len(leads) <= MAX_LEADS or any(not 0 <= d <= MAX_LEAD_DAYS for d in leads):
            raise InvalidFilingInput(
                f"lead_days: 1 to {MAX_LEADS} whole days, each 0 to {MAX_LEAD_DAYS}",
                field="lead_days",
            )
        settings = ReminderSettings(
            principal.id, tuple(f.value for f in chosen), leads, self.clock.now()
        )
        await self.store.put(settings)
        return settings

    async def send_due(self) -> ReminderPass:
        """One pass over every subscriber (module doc)."""
        today = self.today()
        users = sent = 0
        after = None
        while True:
            page = await self.store.subscribers(after, PAGE)
            for settings in page:
                users += 1
                sent += await self._remind(settings, today)
            if len(page) < PAGE:
                return ReminderPass(users, sent)
            after = page[-1].owner_id

    async def _remind(self, settings: ReminderSettings, today: date) -> int:
        filings = {Filing(f) for f in settings.filings if f in {r.value for r in RECURRING}}
        if not filings or not settings.lead_days:
            return 0
        horizon = today + timedelta(days=max(settings.lead_days))
        sent = 0
        for deadline in recurring(filings, today, horizon):
            days_left = (deadline.due - today).days
            applicable = sorted(d for d in settings.lead_days if days_left <= d)
            if not applicable:
                continue
            keys = {lead: reminder_key(deadline, lead) for lead in applicable}
            done = await self.store.sent(settings.owner_id, keys.values())
            if set(keys.values()) <= done:
                continue
            tightest = applicable[0]
            await self.notify(
                settings.owner_id,
                EVENT,
                {
                    "filing": f"{deadline.filing.value} for {deadline.period}",
                    "due_on": deadline.due.isoformat(),
                    "days_left": days_left,
                    "period_end": deadline.period_end.isoformat(),
                    "rule": deadline.rule,
                },
                source_id=f"filing-reminder:{settings.owner_id}:{keys[tightest]}",
            )
            await self.store.mark_sent(settings.owner_id, keys.values(), self.clock.now())
            sent += 1
        return sent


def reminder_key(deadline: Deadline, lead: int) -> str:
    return f"{deadline.filing.value}|{deadline.period}|{lead}"


def parse_filings(text: str) -> tuple[Filing, ...]:
    """Comma-separated recurring filings: 13F-HR, SC 13G/A, 1040-ES (in that spelling)."""
    found = []
    for part in (p.strip() for p in text.split(",")):
        filing = next((f for f in RECURRING if f.value.upper() == part.upper()), None)
        if filing is None:
            raise InvalidFilingInput(
                f"filings: {part[:20]!r} is not one of {', '.join(f.value for f in RECURRING)}",
                field="filings",
            )
        if filing not in found:
            found.append(filing)
    return tuple(found)


def _enum(kind: type[E], text: str, field: str) -> E:
    try:
        return kind(text)
    except ValueError:
        raise InvalidFilingInput(
            f"{field}: one of {', '.join(m.value for m in kind)}", field=field
        ) from None
