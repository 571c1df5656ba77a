"""Wiring the markets and planning screens: futures, macro, insiders,
scenarios, 13F and the filing calendar, each on its offline source (docs/markets-macro.md,
docs/scenarios.md, docs/13f.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import structlog

from adapters.marketfiles.futures import FileFutures
from adapters.marketfiles.insiders import FileInsiders
from adapters.marketfiles.scenarios import FileScenarios
from adapters.marketfiles.securities import FileSecuritiesMaster
from adapters.rates.files import FileRates
from adapters.rates.fred import FredRates
from application.markets.filing_calendar import FilingCalendarService
from application.notifications.center import NotificationCenter
from bootstrap.settings import Settings
from bootstrap.shipped import shipped_data
from ports.core.clock import Clock
from ports.markets.filing_reminders import FilingReminderStore
from ports.markets.macro import EconomicSeriesPort

if TYPE_CHECKING:  # lxml: loaded where the 13F schema is built
    from adapters.sec13f.xsd import XsdInformationTableSchema

DATA = shipped_data()
_log = structlog.get_logger("bulwark.markets")


def _dir(configured: str | None, shipped: str, what: str) -> Path:
    directory = Path(configured) if configured else DATA / shipped
    _log.info("data_source", what=what, directory=str(directory), sample=not configured)
    return directory


def economic_series(settings: Settings, client: httpx.AsyncClient | None) -> EconomicSeriesPort:
    """FRED's API when it is the rates source (same key and client), else FRED files."""
    if (
        settings.analytics.rates_source == "fred"
        and client is not None
        and settings.analytics.fred_api_key
    ):
        return FredRates(
            client,
            settings.analytics.fred_url,
            api_key=settings.analytics.fred_api_key.reveal(),
            cache_ttl_s=settings.analytics.fred_cache_seconds,
        )
    return FileRates(_dir(settings.markets.macro_dir, "macro", "economic series"))


def futures(settings: Settings) -> FileFutures:
    return FileFutures(_dir(settings.markets.futures_dir, "futures", "futures settlements"))


def insiders(settings: Settings) -> FileInsiders:
    return FileInsiders(_dir(settings.markets.insiders_dir, "insiders", "Form 4 transactions"))


def scenarios(settings: Settings) -> FileScenarios:
    return FileScenarios(_dir(settings.markets.scenarios_dir, "scenarios", "historical replays"))


def securities(settings: Settings) -> FileSecuritiesMaster:
    return FileSecuritiesMaster(_dir(settings.markets.sec13f_dir, "sec13f", "13F security master"))


def information_table_schema() -> XsdInformationTableSchema:
    """The XSD, compiled once at start-up (of a process that serves 13F filings)."""
    from adapters.sec13f.xsd import XsdInformationTableSchema

    return XsdInformationTableSchema()


def filing_calendar(
    store: FilingReminderStore, center: NotificationCenter, clock: Clock
) -> FilingCalendarService:
    """The calendar, its reminders notifying through the center's `filing.due` hook."""
    return FilingCalendarService(store, center.notify, clock)


async def send_due_reminders(calendar: FilingCalendarService) -> None:
    """Sends the due filing reminders (the server's job at start-up, then every
    BULWARK_FILING_REMINDER_SECONDS)."""
    done = await calendar.send_due()
    if done.sent:
        _log.info("filing_reminders_sent", subscribers=done.subscribers, sent=done.sent)
