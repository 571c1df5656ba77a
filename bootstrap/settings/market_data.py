"""Market data: the failover feed, Alpaca's data API, synthetic data, the quote board."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import HttpUrl, PerMinute, Seconds, Secret, Section, SettingsError

# The vendors whose news the sentiment engine can read (bootstrap/market_vendors.py).
NewsVendor = Literal["polygon", "finnhub", "alphavantage"]
# The vendors' provider names (bootstrap/market_vendors.py VENDORS builds each one).
VENDOR_NAMES = ("polygon", "finnhub", "alphavantage", "twelvedata", "yahoo", "databento", "ccxt")
_URL = msgspec.Meta(pattern=r"^https?://")
_PER_MINUTE = msgspec.Meta(ge=1, le=1_000_000)
_VAULT_ID = r"^[A-Za-z0-9_-]{1,64}$"
_MONEY = r"^[0-9]{1,6}(\.[0-9]{1,8})?$"


class MarketDataSettings(Section, frozen=True, kw_only=True):
    """The market-data feed: providers, failover breakers, Alpaca's data API, synthetic data."""

    env_prefix: ClassVar[str] = "market_data_"
    env_names: ClassVar[Mapping[str, str]] = {
        "primary": "market_data",
        "alpaca_data_url": "alpaca_data_url",
        "alpaca_stream_url": "alpaca_stream_url",
        "alpaca_data_feed": "alpaca_data_feed",
        "synthetic_seed": "synthetic_seed",
        "synthetic_tick_seconds": "synthetic_tick_seconds",
        "bars_store": "bars_store",
        "bars_dir": "bars_dir",
        "bars_threads": "bars_threads",
        "twelvedata_api_key": "twelvedata_api_key",
        "twelvedata_vault_key": "twelvedata_vault_key",
        "twelvedata_base_url": "twelvedata_base_url",
        "twelvedata_calls_per_minute": "twelvedata_calls_per_minute",
        "twelvedata_cost_per_call": "twelvedata_cost_per_call",
        "yahoo_base_url": "yahoo_base_url",
        "yahoo_cookie_url": "yahoo_cookie_url",
        "yahoo_calls_per_minute": "yahoo_calls_per_minute",
        "yahoo_cost_per_call": "yahoo_cost_per_call",
        "databento_api_key": "databento_api_key",
        "databento_vault_key": "databento_vault_key",
        "databento_base_url": "databento_base_url",
        "databento_dataset": "databento_dataset",
        "databento_calls_per_minute": "databento_calls_per_minute",
        "databento_cost_per_call": "databento_cost_per_call",
        "books_vendor": "books_vendor",
        "ws_quotes_max_symbols": "ws_quotes_max_symbols",
        "ws_quotes_flush_ms": "ws_quotes_flush_ms",
    }

    # A built-in provider (synthetic, replay, alpaca) or a vendor of bootstrap/market_vendors.py.
    primary: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9_]{1,32}$")] = "synthetic"
    # The feed: the primary provider, then these fallbacks in order ("none": no fallback; the
    # primary is never repeated). Each call is bounded by the timeout; a provider's breaker
    # judges its last `window` calls once it has `minimum_calls`, opens at the failure or
    # slow-call rate, stays open `open_seconds`, then lets `half_open_calls` trials through.
    fallbacks: tuple[Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9_]{1,32}$")], ...] = (
        "synthetic",
    )
    replay_path: str | None = None
    call_timeout_seconds: Seconds = 2.0
    breaker_window: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 20
    breaker_minimum_calls: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 5
    breaker_failure_rate: Annotated[float, msgspec.Meta(gt=0, le=1)] = 0.5
    breaker_slow_call_seconds: Seconds = 1.0
    breaker_slow_rate: Annotated[float, msgspec.Meta(gt=0, le=1)] = 0.8
    breaker_open_seconds: Seconds = 30.0
    breaker_half_open_calls: Annotated[int, msgspec.Meta(ge=1, le=100)] = 3
    alpaca_data_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] = (
        "https://data.alpaca.markets"
    )
    alpaca_stream_url: Annotated[str, msgspec.Meta(pattern=r"^wss?://")] = (
        "wss://stream.data.alpaca.markets"
    )
    alpaca_data_feed: Literal["iex", "sip"] = "iex"
    # Synthetic market data: the seed of its bars, books and chains, and the seconds between
    # the GBM ticks it publishes to the quote board (0: prices move only when someone sets them).
    synthetic_seed: Annotated[int, msgspec.Meta(ge=0, le=2**32 - 1)] = 7
    synthetic_tick_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 0.0
    # The bar history store (docs/bar-store.md): "parquet" keeps bars in Parquet files under
    # bars_dir, read by DuckDB on a pool of bars_threads threads; "sql" keeps them in the
    # database (BULWARK_DATABASE_URL: `market_bars`, partitioned by year on PostgreSQL), shared
    # by every instance of a deployment; "memory" keeps them in this process only (tests,
    # throwaway runs).
    bars_store: Literal["parquet", "sql", "memory"] = "parquet"
    bars_dir: Annotated[str, msgspec.Meta(min_length=1)] = "var/bars"
    bars_threads: Annotated[int, msgspec.Meta(ge=1, le=64)] = 4
    # Market-data vendors (docs/market-data-vendors.md): keys, where their APIs are, their
    # calls-per-minute budget and the cost of one call (USD; reports only). Defaults are the
    # vendors' published free tiers: Twelve Data Basic 8 credits a minute, free; Yahoo free
    # and unpublished (about one call a second is tolerated); Databento bills by data volume,
    # not by call (0 here: set your own estimate).
    # A key in the environment, or the id of a vault key (its secret is the vendor's key, read
    # through the vault: audited) for `bulwark bars backfill` and `bars gaps --repair`.
    twelvedata_api_key: Secret | None = None
    twelvedata_vault_key: Annotated[str, msgspec.Meta(pattern=_VAULT_ID)] | None = None
    twelvedata_base_url: HttpUrl = "https://api.twelvedata.com"
    twelvedata_calls_per_minute: PerMinute = 8
    twelvedata_cost_per_call: Annotated[str, msgspec.Meta(pattern=_MONEY)] = "0"
    yahoo_base_url: HttpUrl = "https://query2.finance.yahoo.com"
    yahoo_cookie_url: HttpUrl | None = "https://fc.yahoo.com"
    yahoo_calls_per_minute: PerMinute = 60
    yahoo_cost_per_call: Annotated[str, msgspec.Meta(pattern=_MONEY)] = "0"
    databento_api_key: Secret | None = None
    databento_vault_key: Annotated[str, msgspec.Meta(pattern=_VAULT_ID)] | None = None
    databento_base_url: HttpUrl = "https://hist.databento.com"
    databento_dataset: Annotated[str, msgspec.Meta(pattern=r"^[A-Z0-9]+\.[A-Z0-9]+$")] = "XNAS.ITCH"
    databento_calls_per_minute: PerMinute = 100
    databento_cost_per_call: Annotated[str, msgspec.Meta(pattern=_MONEY)] = "0"
    # Where the depth-of-market screens read US equities' order books (bootstrap/book_sources.py):
    # "feed" (the feed above: Alpaca and the replay give one level a side) or "databento"
    # (MBP-10, ten levels; needs databento_api_key). Other symbols always come from the feed.
    books_vendor: Literal["feed", "databento"] = "feed"
    # /ws/quotes (docs/live-quotes.md): symbols one connection may follow, and the longest a
    # quote waits to be sent with the ones that follow it (0: as soon as the loop can).
    ws_quotes_max_symbols: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 100
    ws_quotes_flush_ms: Annotated[float, msgspec.Meta(ge=0, le=1000)] = 10.0
    # What one call to each provider costs ("alpaca=0.002,replay=0"): priced providers are
    # tried first, cheapest first, the unpriced after them in the configured order (none
    # priced: the configured order). Shown beside the sources' quality grades.
    provider_costs: str = ""

    @property
    def costs(self) -> dict[str, Decimal]:
        """BULWARK_MARKET_DATA_PROVIDER_COSTS as {provider: cost per call}."""
        costs: dict[str, Decimal] = {}
        for item in filter(None, (part.strip() for part in self.provider_costs.split(","))):
            name, sep, value = item.partition("=")
            try:
                cost = Decimal(value.strip())
            except InvalidOperation:
                cost = Decimal(-1)
            if not sep or name.strip() not in self.providers or not cost.is_finite() or cost < 0:
                raise SettingsError(
                    f"{self.var('provider_costs')}: expected provider=cost for the configured "
                    f"providers, a cost of 0 or more; got {item[:40]!r}"
                )
            costs[name.strip()] = cost
        return costs

    @property
    def providers(self) -> tuple[str, ...]:
        """The primary, then the fallbacks."""
        return (self.primary, *self.fallbacks)

    def check(self) -> None:
        """Known providers; a breaker that can judge; 'none' alone (the replay path is checked
        when the feed is built)."""
        known = {"synthetic", "replay", "alpaca", *VENDOR_NAMES}
        if self.primary not in known:
            raise SettingsError(
                f"{self.var('primary')}: expected one of {', '.join(sorted(known))}"
            )
        for kind in self.fallbacks:
            if kind not in known | {"none"}:
                raise SettingsError(
                    f"{self.var('fallbacks')}: {kind!r} is none of {', '.join(sorted(known))}"
                )
        if self.books_vendor == "databento" and self.databento_api_key is None:
            raise SettingsError(
                f"{self.var('books_vendor')}=databento: {self.var('databento_api_key')} is required"
            )
        for vendor in ("twelvedata", "databento"):
            if getattr(self, f"{vendor}_api_key") and getattr(self, f"{vendor}_vault_key"):
                raise SettingsError(
                    f"{self.var(f'{vendor}_api_key')} and {self.var(f'{vendor}_vault_key')}: "
                    "set one, not both"
                )
        if "none" in self.fallbacks and len(self.fallbacks) > 1:
            raise SettingsError(f"{self.var('fallbacks')}: 'none' stands alone")
        self.costs  # noqa: B018 - a malformed BULWARK_MARKET_DATA_PROVIDER_COSTS stops start-up
        if self.breaker_minimum_calls > self.breaker_window:
            raise SettingsError(
                f"{self.var('breaker_minimum_calls')}: expected at most "
                f"{self.var('breaker_window')}"
            )


class MarketVendorSettings(Section, frozen=True, kw_only=True):
    """The keyed market-data vendors (docs/market-data-vendors.md): keys, URLs, budgets, news.

    A vendor's key is its BULWARK_<VENDOR>_API_KEY, or the id of a vault key of that provider
    (BULWARK_<VENDOR>_VAULT_KEY, read through the vault when first needed). The budget is the
    calls per minute Bulwark allows itself (defaults: the vendors' free tiers); a call past it
    is refused at once (the failover asks the next provider). The cost per call (a decimal, in
    the account's currency) is what the providers' report counts.
    """

    polygon_api_key: Secret | None = None
    polygon_vault_key: str | None = None
    polygon_base_url: Annotated[str, _URL] = "https://api.massive.com"
    polygon_calls_per_minute: Annotated[int, _PER_MINUTE] = 5
    polygon_cost_per_call: Decimal = Decimal(0)
    finnhub_api_key: Secret | None = None
    finnhub_vault_key: str | None = None
    finnhub_base_url: Annotated[str, _URL] = "https://finnhub.io/api/v1"
    finnhub_calls_per_minute: Annotated[int, _PER_MINUTE] = 60
    finnhub_cost_per_call: Decimal = Decimal(0)
    alphavantage_api_key: Secret | None = None
    alphavantage_vault_key: str | None = None
    alphavantage_base_url: Annotated[str, _URL] = "https://www.alphavantage.co"
    alphavantage_calls_per_minute: Annotated[int, _PER_MINUTE] = 5
    alphavantage_cost_per_call: Decimal = Decimal(0)
    # News for the sentiment engine from these vendors, merged with BULWARK_NEWS_FILE (if set)
    # and deduplicated by URL; each vendor is asked about a symbol at most every
    # news_refresh_seconds.
    news_sources: tuple[NewsVendor, ...] = ()
    news_refresh_seconds: Annotated[float, msgspec.Meta(ge=1, le=86_400)] = 120.0

    def check(self) -> None:
        for vendor in ("polygon", "finnhub", "alphavantage"):
            cost = getattr(self, f"{vendor}_cost_per_call")
            if not cost.is_finite() or cost < 0:
                raise SettingsError(f"{self.var(f'{vendor}_cost_per_call')}: expected >= 0")
            if getattr(self, f"{vendor}_api_key") and getattr(self, f"{vendor}_vault_key"):
                raise SettingsError(
                    f"{self.var(f'{vendor}_api_key')} and {self.var(f'{vendor}_vault_key')}: "
                    "set one, not both"
                )


class QuoteSettings(Section, frozen=True, kw_only=True):
    """The core's quote board: the pump that fills it and who shares it."""

    env_prefix: ClassVar[str] = "quote_"

    # Quote pump (a primary other than synthetic): the feed's quotes are copied to the core's
    # quote board; one older than max_age_seconds is no price (the gate denies). Quiet
    # symbols are polled every pump_poll_seconds; the symbols are re-read every
    # pump_refresh_seconds.
    max_age_seconds: Seconds = 10.0
    pump_poll_seconds: Seconds = 2.0
    pump_refresh_seconds: Seconds = 30.0
    # With Redis: who shares the quote board (bootstrap/quote_board.py). "auto": a process
    # running a feed (a non-synthetic primary, synthetic ticks) or serving HTTP publishes,
    # `bulwark consume` without a feed follows; "local": no sharing. A follower's board is
    # down (no price) after max_age_seconds without a word from a publisher.
    board: Literal["auto", "publish", "follow", "local"] = "auto"
    board_heartbeat_seconds: Seconds = 1.0

    def check(self) -> None:
        if self.board_heartbeat_seconds >= self.max_age_seconds:
            # Followers would mark the board down between two heartbeats.
            raise SettingsError(
                f"{self.var('board_heartbeat_seconds')}: expected less than "
                f"{self.var('max_age_seconds')}"
            )
        if self.pump_poll_seconds >= self.max_age_seconds:
            # Polled less often than they age, quiet symbols would go stale between polls.
            raise SettingsError(
                f"{self.var('pump_poll_seconds')}: expected less than {self.var('max_age_seconds')}"
            )
