"""Markets and planning data: market answers' cache, offline data, crypto wallets, ESG."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Seconds, Secret, Section, SettingsError

_CHAIN_ENTRY = re.compile(r"^([0-9]{1,16})=(https?://\S+)$")


class MarketsSettings(Section, frozen=True, kw_only=True):
    """Market answers and planning data: caches, offline data, crypto wallets, ESG."""

    env_prefix: ClassVar[str] = ""

    # /api/v1/market answers (books, bars with indicators) are cached this long, never past
    # the current bar; a book level is a whale order from this z-score of its size on.
    market_cache_ttl_seconds: Seconds = 2.0
    market_whale_z: Annotated[float, msgspec.Meta(gt=0, le=1000)] = 3.0
    # Markets and planning data (docs/markets-macro.md, docs/scenarios.md, docs/13f.md):
    # offline directories; empty: the shipped samples under data/ (SYNTHETIC,
    # except the scenarios' rounded historical figures and a few real CUSIPs). Economic series
    # come from FRED's API instead when rates_source=fred.
    macro_dir: str | None = None  # FRED CSV / JSON: CPIAUCSL, UNRATE, GDPC1 ...
    futures_dir: str | None = None  # contracts.csv and <ROOT>.csv settlements
    insiders_dir: str | None = None  # form4.csv
    scenarios_dir: str | None = None  # historical.json
    sec13f_dir: str | None = None  # securities.csv (symbol -> CUSIP, 13(f) list entry)
    # How often the filing-calendar reminders are looked for (0: never; serve process only).
    filing_reminder_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 3600.0
    # fixture: balances from chain_fixture_file (empty: the shipped SYNTHETIC sample,
    # data/crypto/wallets.json); rpc: EVM JSON-RPC endpoints, chain_rpc_urls = "1=https://...,
    # 137=https://..." (a secret: URLs usually carry an API key; never logged or echoed).
    chain_source: Literal["fixture", "rpc"] = "fixture"
    chain_fixture_file: str | None = None
    chain_rpc_urls: Secret | None = None
    chain_rpc_timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=120)] = 10.0
    # An ESG data CSV (docs/esg.md's columns); empty: the shipped SYNTHETIC sample, data/esg/.
    esg_file: str | None = None

    def rpc_endpoints(self) -> dict[int, str]:
        """BULWARK_CHAIN_RPC_URLS as {chain id: URL}; SettingsError (never quoting a URL) when
        an entry is not `<chain id>=http(s)://...` or a chain id repeats."""
        text = self.chain_rpc_urls.reveal() if self.chain_rpc_urls is not None else ""
        found: dict[int, str] = {}
        for n, entry in enumerate(re.split(r"[,\s]+", text.strip()), start=1):
            match = _CHAIN_ENTRY.fullmatch(entry)
            if match is None or int(match.group(1)) == 0:
                raise SettingsError(
                    f"{self.var('chain_rpc_urls')}: entry {n} is not <chain id>=http(s)://... "
                    "(e.g. 1=https://eth.example/v3/KEY,137=https://polygon.example/KEY)"
                )
            chain_id = int(match.group(1))
            if chain_id in found:
                raise SettingsError(f"{self.var('chain_rpc_urls')}: chain {chain_id} given twice")
            found[chain_id] = match.group(2)
        return found

    def check(self) -> None:
        """Named directories and files exist; rpc needs endpoints (one line each)."""
        for name in ("macro_dir", "futures_dir", "insiders_dir", "scenarios_dir", "sec13f_dir"):
            value = getattr(self, name)
            if value and not Path(value).is_dir():
                raise SettingsError(f"{self.var(name)}: {value!r} is not a directory")
        if self.chain_source == "rpc":
            if self.chain_rpc_urls is None or not self.chain_rpc_urls.reveal().strip():
                raise SettingsError(
                    f"{self.var('chain_rpc_urls')} is required when "
                    f"{self.var('chain_source')}=rpc (<chain id>=<JSON-RPC URL>, "
                    f"comma-separated); or set {self.var('chain_source')}=fixture for the "
                    "offline file"
                )
            self.rpc_endpoints()
        for name in ("chain_fixture_file", "esg_file"):
            path = getattr(self, name)
            if path is not None and not Path(path).is_file():
                raise SettingsError(f"{self.var(name)}: expected a readable file, got {path!r}")
