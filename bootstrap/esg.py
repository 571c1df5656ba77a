"""Wiring the ESG data (docs/esg.md): a CSV file, by default the SYNTHETIC sample."""

from __future__ import annotations

from pathlib import Path

import structlog

from adapters.esg.files import FileEsgData
from bootstrap.settings import Settings
from bootstrap.shipped import shipped_data
from ports.analytics.esg import EsgDataPort

# The shipped SAMPLE (synthetic, data/esg/README.md) when BULWARK_ESG_FILE is empty.
SHIPPED_ESG = shipped_data() / "esg" / "esg_sample.csv"

_log = structlog.get_logger("bulwark.esg")


def esg_data(settings: Settings) -> EsgDataPort:
    path = Path(settings.markets.esg_file) if settings.markets.esg_file else SHIPPED_ESG
    _log.info("esg_source", file=str(path), sample=not settings.markets.esg_file)
    return FileEsgData(path)
