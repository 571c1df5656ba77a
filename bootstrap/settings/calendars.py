"""Venue calendars: the symbols that trade by another venue's calendar than their class's."""

from __future__ import annotations

from typing import ClassVar

from bootstrap.settings.base import Section, SettingsError
from domain.calendars.venues import VENUES


class CalendarSettings(Section, frozen=True, kw_only=True):
    """The market's clock (docs/calendars.md)."""

    env_prefix: ClassVar[str] = "calendar_"

    # Symbols that trade by another venue's calendar than their asset class's, as SYMBOL=VENUE,
    # comma-separated (e.g. "QQQ=XNAS"); the venues are XNYS, XNAS, CMES, FX and CRYPTO.
    venues: tuple[str, ...] = ()
    # Where each venue's sessions are kept once built, so a later start reads them instead of
    # importing exchange_calendars and pandas (~70 MB); empty: built by every process.
    cache_dir: str = "var/calendars"

    def check(self) -> None:
        self.by_symbol()

    def by_symbol(self) -> dict[str, str]:
        """The SYMBOL=VENUE entries as a mapping (symbols and venues in upper case)."""
        chosen: dict[str, str] = {}
        for entry in self.venues:
            symbol, sep, venue = entry.partition("=")
            symbol, venue = symbol.strip().upper(), venue.strip().upper()
            if not sep or not symbol or venue not in VENUES:
                raise SettingsError(
                    f"{self.var('venues')}: {entry!r} is not SYMBOL=VENUE with a venue among "
                    f"{', '.join(VENUES)}"
                )
            chosen[symbol] = venue
        return chosen
