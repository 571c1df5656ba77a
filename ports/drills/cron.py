"""The cron calendar: when a cron expression fires, read in a time zone."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class CronCalendar(Protocol):
    """Reads five-field cron expressions (minute hour day-of-month month day-of-week, the
    forms of crontab(5): lists, ranges, steps, names, and the @daily-style nicknames).

    - `check(expression)` raises InvalidDrillSchedule (field `cron`) for one it cannot read.
    - `after(expression, timezone, moment, count)` gives the next `count` times it fires
      strictly after `moment` (an aware datetime), as aware UTC datetimes in order, the
      expression read in the IANA `timezone` (its daylight-saving changes included).
    """

    def check(self, expression: str) -> None: ...

    def after(
        self, expression: str, timezone: str, moment: datetime, count: int = 1
    ) -> list[datetime]: ...
