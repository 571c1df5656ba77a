"""The cron calendar on croniter (pallets-eco): five-field crontab(5) expressions and the
@daily-style nicknames, read in an IANA time zone, their next times in UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from croniter import CroniterError, croniter

from domain.drills.schedule import InvalidDrillSchedule

NICKNAMES = frozenset(
    {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}
)
FIELDS = 5  # minute hour day-of-month month day-of-week: no seconds, no year
_HELP = (
    "five fields (minute hour day-of-month month day-of-week, e.g. `0 3 * * 1-5`) or one of "
    + ", ".join(sorted(NICKNAMES))
)


class CroniterCalendar:
    """A CronCalendar (ports/drills/cron.py) on croniter."""

    def check(self, expression: str) -> None:
        text = _normal(expression)
        if text.startswith("@"):
            if text not in NICKNAMES:
                raise _refused(text, f"unknown nickname; expected {_HELP}")
            return
        if len(text.split()) != FIELDS:
            raise _refused(text, f"expected {_HELP}")
        try:
            croniter.expand(text, strict=True)
        except (CroniterError, TypeError, ValueError) as exc:
            raise _refused(text, str(exc)) from None

    def after(
        self, expression: str, timezone: str, moment: datetime, count: int = 1
    ) -> list[datetime]:
        self.check(expression)
        local = moment.astimezone(ZoneInfo(timezone))
        try:
            times = croniter(_normal(expression), local)
            return [times.get_next(datetime).astimezone(UTC) for _ in range(count)]
        except (CroniterError, TypeError, ValueError) as exc:  # e.g. a date that never comes
            raise _refused(expression, str(exc)) from None


def _normal(expression: str) -> str:
    text = " ".join(expression.split())
    return text.lower() if text.startswith("@") else text


def _refused(expression: str, why: str) -> InvalidDrillSchedule:
    return InvalidDrillSchedule(f"field `cron`: {expression!r}: {why}", field="cron")
