"""Configuration from BULWARK_* environment variables and an optional .env file."""

from __future__ import annotations

import base64
import binascii
import difflib
import hmac
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Final, Literal

import msgspec

from adapters.security.key_providers import KeyConfigError, keks_from_file, parse_keks

PREFIX: Final = "BULWARK_"
REDACTED: Final = "***"

_Positive = msgspec.Meta(gt=0)
PosInt = Annotated[int, _Positive]
Seconds = Annotated[float, msgspec.Meta(gt=0, le=86_400)]
PerMinute = Annotated[int, msgspec.Meta(ge=1, le=1_000_000)]

DEFAULT_DATABASE_URL: Final = "sqlite+aiosqlite:///var/bulwark.db"
_DATABASE_URL = r"^(memory://$|sqlite\+aiosqlite:///.+|postgresql\+asyncpg://.+)"
_REDIS_URL = r"^(redis|rediss|unix)://.+"
_CHECKPOINT_NAME = r"^[A-Za-z0-9._:-]{1,100}$"
_HINTS: Final = {
    "database_url": (
        "memory://, sqlite+aiosqlite:///<path> or postgresql+asyncpg://<user>:<password>@<host>/<db>"
    ),
    "redis_url": "a redis://, rediss:// or unix:// URL",
    "cors_origins": "a comma-separated list of origins",
    "equity_snapshot_time": "a UTC time of day as HH:MM (00:00 to 23:59)",
    "otlp_endpoint": "an http(s):// URL of an OTLP/HTTP collector, e.g. http://localhost:4318",
}
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"0", "false", "no", "off"})
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")
_ENV_LINE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


class SettingsError(Exception):
    """Configuration that cannot start Bulwark; the message names the variable and what it needs."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Secret:
    """A string that never prints: repr/str give '***', `reveal()` gives the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return REDACTED

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and hmac.compare_digest(
            other._value.encode(), self._value.encode()
        )

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __copy__(self) -> Secret:
        return self

    def __deepcopy__(self, memo: object) -> Secret:
        return self

    def __reduce__(self) -> Any:
        # Pickling would write the plain value wherever the pickle goes.
        raise TypeError("a Secret cannot be pickled")


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """Every setting of a Bulwark process; env name = BULWARK_ + the field name in upper case."""

    env: Literal["dev", "test", "prod"] = "dev"
    host: str = "127.0.0.1"
    port: Annotated[int, msgspec.Meta(ge=1, le=65535)] = 8000
    workers: Annotated[int, msgspec.Meta(ge=1, le=256)] = 1
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_format: Literal["auto", "json", "console"] = "auto"
    database_url: Annotated[str, msgspec.Meta(pattern=_DATABASE_URL)] = DEFAULT_DATABASE_URL
    db_pool_size: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 10
    db_max_overflow: Annotated[int, msgspec.Meta(ge=0, le=1000)] = 10
    db_pool_timeout_seconds: Seconds = 5.0
    db_statement_timeout_ms: Annotated[int, msgspec.Meta(ge=100, le=3_600_000)] = 10_000
    redis_url: Annotated[str, msgspec.Meta(pattern=_REDIS_URL)] | None = None
    quote_cache_ttl_seconds: Seconds = 1.0
    kafka_bootstrap: str | None = None
    kafka_client_id: str = "bulwark"
    # Empty: a fresh id per process (each instance reads every emergency broadcast).
    kafka_instance_id: str = ""
    kafka_group_id: str = "bulwark-commands"
    kafka_topic_orders: str = "bulwark.commands.orders"
    kafka_topic_control: str = "bulwark.commands.control"
    kafka_topic_heartbeats: str = "bulwark.heartbeats"
    kafka_topic_decisions: str = "bulwark.order-decisions"
    kafka_topic_events: str = "bulwark.events"
    kafka_topic_emergency: str = "bulwark.emergency"
    kafka_topic_dlq: str = "bulwark.dlq"
    kafka_partitions: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 6
    kafka_create_topics: bool = True
    # Off only for brokers without InitProducerId (the Tansu test broker); Apache Kafka has it.
    kafka_idempotent_producer: bool = True
    # A dead member's partitions move after this; 6000 is Apache Kafka's default minimum.
    kafka_session_timeout_ms: Annotated[int, msgspec.Meta(ge=1000, le=300_000)] = 6_000
    kafka_request_timeout_ms: Annotated[int, msgspec.Meta(ge=100, le=300_000)] = 10_000
    kafka_emergency_timeout_ms: Annotated[int, msgspec.Meta(ge=10, le=10_000)] = 250
    kafka_latency_alert_ms: Annotated[float, msgspec.Meta(gt=0)] = 200.0
    kafka_lag_alert: Annotated[int, msgspec.Meta(ge=1)] = 2000
    kafka_monitor_seconds: Seconds = 5.0
    broker: Literal["paper", "alpaca"] = "paper"
    alpaca_key_id: Secret | None = None
    alpaca_secret_key: Secret | None = None
    alpaca_paper: bool = True
    # Empty: Alpaca's paper or live trading API, as alpaca_paper says; set it for a test server.
    alpaca_trading_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] | None = None
    market_data: Literal["synthetic", "replay", "alpaca"] = "synthetic"
    alpaca_data_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] = (
        "https://data.alpaca.markets"
    )
    alpaca_stream_url: Annotated[str, msgspec.Meta(pattern=r"^wss?://")] = (
        "wss://stream.data.alpaca.markets"
    )
    alpaca_data_feed: Literal["iex", "sip"] = "iex"
    jwt_private_key_file: str | None = None
    jwt_issuer: str = "bulwark"
    jwt_audience: str = "bulwark-api"
    access_token_ttl_seconds: PosInt = 900
    refresh_token_ttl_days: PosInt = 30
    # Legacy Fernet key: only reads secrets sealed before envelope encryption (issue 16);
    # `bulwark keys rotate` re-seals them under a KEK, after which it may be removed.
    secret_key: Secret | None = None
    # Key-encryption keys (adapters/security/key_providers.py has the format): inline, or a
    # file; unset outside prod, a random KEK is made per process (secrets die with it).
    keks: Secret | None = None
    keks_file: str | None = None
    kill_switch_deadline_seconds: Seconds = 1.5
    # An approved order still without its broker's acknowledgement after this long is in
    # doubt, and is looked up at its broker (application/in_doubt.py).
    in_doubt_grace_seconds: Seconds = 5.0
    four_eyes_resume: bool = True
    # The kill switch runs on a thread and event loop of its own (bootstrap/killswitch_lane.py)
    # and listens on a port of its own: BULWARK_PORT + 1 unless set; 0 picks a free port.
    kill_switch_lane: bool = True
    kill_switch_port: Annotated[int, msgspec.Meta(ge=0, le=65535)] | None = None
    heartbeat_threshold_seconds: Seconds = 5.0
    max_body_bytes: PosInt = 1_048_576
    # Every JSON body, WebSocket message and Kafka command is refused above these, before decoding.
    json_max_depth: Annotated[int, msgspec.Meta(ge=2, le=512)] = 64
    json_max_string_bytes: PosInt = 65_536
    # The largest order accepted, as quantity x price x multiplier (money, whole units): above
    # it an order is refused with 422 INVALID_QUANTITY before the gate sees it.
    max_order_notional: Annotated[int, msgspec.Meta(ge=1, le=10**15)] = 1_000_000_000
    login_rate_per_minute: PerMinute = 10
    refresh_rate_per_minute: PerMinute = 30
    kill_switch_rate_per_minute: PerMinute = 30
    api_rate_per_minute: PerMinute = 1200
    ws_ping_seconds: Seconds = 20.0
    # The event loop blocked longer than this is logged with its stack, counted and alerted
    # (`bulwark serve` and `bulwark consume`); 0 turns the watchdog off.
    loop_watchdog_ms: Annotated[float, msgspec.Meta(ge=0, le=60_000)] = 100.0
    # After start-up (`bulwark serve` and `bulwark consume`): one collection, then gc.freeze()
    # (start-up objects are never scanned again) and these collector thresholds (CPython's
    # are 700, 10, 10; ours were measured with benchmarks/bench_latency.py, see gc_tuning).
    gc_freeze: bool = True
    gc_threshold_gen0: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 2000
    gc_threshold_gen1: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 10
    gc_threshold_gen2: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 100
    # The in-memory store (BULWARK_STORE=memory) keeps at most this many orders, fills and
    # command ids: the oldest finished ones go first (adapters/memory/retention.py).
    memory_max_orders: Annotated[int, msgspec.Meta(ge=100, le=100_000_000)] = 50_000
    ws_queue_size: PosInt = 1000
    cors_origins: tuple[str, ...] = ()
    demo: bool = False
    docs_enabled: bool = True
    # Signals: the pattern engine scans the symbols' closed bars every signal_scan_seconds
    # (0: no background scan) on each timeframe; |score| >= signal_min_score is kept.
    signal_scan_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 0.0
    signal_symbols: tuple[str, ...] = ("AAPL", "MSFT", "SPY")
    signal_timeframes: tuple[Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d"], ...] = ("5m",)
    signal_min_score: Annotated[float, msgspec.Meta(ge=0, le=1)] = 0.3
    signal_lookback_bars: Annotated[int, msgspec.Meta(ge=50, le=5000)] = 200
    # Market-data feed: market_data first, then these fallbacks in order ("none": no fallback;
    # the primary is never repeated). Each call is bounded by the timeout; a provider's breaker
    # judges its last `window` calls once it has `minimum_calls`, opens at the failure or
    # slow-call rate, stays open `open_seconds`, then lets `half_open_calls` trials through.
    market_data_fallbacks: tuple[Literal["synthetic", "replay", "alpaca", "none"], ...] = (
        "synthetic",
    )
    market_data_replay_path: str | None = None
    market_data_call_timeout_seconds: Seconds = 2.0
    market_data_breaker_window: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 20
    market_data_breaker_minimum_calls: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 5
    market_data_breaker_failure_rate: Annotated[float, msgspec.Meta(gt=0, le=1)] = 0.5
    market_data_breaker_slow_call_seconds: Seconds = 1.0
    market_data_breaker_slow_rate: Annotated[float, msgspec.Meta(gt=0, le=1)] = 0.8
    market_data_breaker_open_seconds: Seconds = 30.0
    market_data_breaker_half_open_calls: Annotated[int, msgspec.Meta(ge=1, le=100)] = 3
    # /api/v1/market answers (books, bars with indicators) are cached this long, never past
    # the current bar; a book level is a whale order from this z-score of its size on.
    market_cache_ttl_seconds: Seconds = 2.0
    market_whale_z: Annotated[float, msgspec.Meta(gt=0, le=1000)] = 3.0
    # Synthetic market data: the seed of its bars, books and chains, and the seconds between
    # the GBM ticks it publishes to the quote board (0: prices move only when someone sets them).
    synthetic_seed: Annotated[int, msgspec.Meta(ge=0, le=2**32 - 1)] = 7
    synthetic_tick_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 0.0
    # Quote pump (market_data other than synthetic): the feed's quotes are copied to the core's
    # quote board; one older than quote_max_age_seconds is no price (the gate denies). Quiet
    # symbols are polled every quote_pump_poll_seconds; the symbols are re-read every
    # quote_pump_refresh_seconds.
    quote_max_age_seconds: Seconds = 10.0
    quote_pump_poll_seconds: Seconds = 2.0
    quote_pump_refresh_seconds: Seconds = 30.0
    # With Redis: who shares the quote board (bootstrap/quote_board.py). "auto": a process
    # running a feed (a non-synthetic primary, synthetic ticks) or serving HTTP publishes,
    # `bulwark consume` without a feed follows; "local": no sharing. A follower's board is
    # down (no price) after quote_max_age_seconds without a word from a publisher.
    quote_board: Literal["auto", "publish", "follow", "local"] = "auto"
    quote_board_heartbeat_seconds: Seconds = 1.0
    # POST /api/v1/auth/signup creates `owner` users for anyone when true; off, it answers
    # 404 SIGNUP_CLOSED and people come in by an admin's invitation (docs/users.md).
    open_signup: bool = False
    # Daily equity snapshots (performance analytics, docs/performance.md): `bulwark serve`
    # values every account once at start-up and then daily at equity_snapshot_time (UTC,
    # HH:MM; the default is after the US close), equity_snapshot_batch accounts at a time
    # (their store reads overlap; the serving loop runs between batches).
    equity_snapshots: bool = True
    equity_snapshot_time: Annotated[str, msgspec.Meta(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] = (
        "21:00"
    )
    equity_snapshot_batch: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 4
    # Strategies (docs/strategies.md): run the active strategies on signals (off: the API still
    # serves them, nothing decides); holdings' brackets are checked on the closed bars read
    # every strategy_bracket_seconds (0: no bracket checks).
    strategies_enabled: bool = True
    strategy_bracket_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 5.0
    # Backtests (docs/backtests.md): the replay-format bars they read (empty: the shipped,
    # synthetic data/backtest/), runs at once (worker threads), unfinished runs per user, and
    # the size of one run.
    backtest_data_path: str | None = None
    backtest_workers: Annotated[int, msgspec.Meta(ge=1, le=64)] = 2
    backtest_per_user: Annotated[int, msgspec.Meta(ge=1, le=100)] = 2
    backtest_max_symbols: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 50
    backtest_max_bars: Annotated[int, msgspec.Meta(ge=1, le=100_000_000)] = 5_000_000
    # Key rotation (issue 16, docs/encryption.md): sealed records re-wrapped per batch (one
    # transaction and one checkpoint each) by `bulwark keys rotate` and the admin API.
    key_rotation_batch: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 500
    # --- notification channels (issue 16 part 5b; docs/notification-channels.md) ---
    # Email over SMTP: no host, no email channel (one line at start says so). STARTTLS on
    # the submission port by default; smtp_tls for implicit TLS (465); a CA file to trust a
    # private relay's certificate.
    smtp_host: str | None = None
    smtp_port: Annotated[int, msgspec.Meta(ge=1, le=65535)] = 587
    smtp_username: str | None = None
    smtp_password: Secret | None = None
    smtp_from: str = "bulwark@localhost"
    smtp_starttls: bool = True
    smtp_tls: bool = False
    smtp_timeout_seconds: Seconds = 10.0
    smtp_ca_file: str | None = None
    # Webhook, Slack and Telegram posts: their timeout; http:// URLs (always allowed in dev
    # and test); receivers on loopback/private/link-local addresses (the SSRF guard is off).
    webhook_timeout_seconds: Seconds = 10.0
    webhook_allow_http: bool = False
    webhook_allow_private: bool = False
    # The Telegram Bot API (a local server in tests).
    telegram_api_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] = (
        "https://api.telegram.org"
    )
    # KYC documents (docs/kyc.md): where their encrypted content is kept (a local directory,
    # or S3 / an S3-compatible server), the upload size cap, how long they are kept after
    # the decision (after the upload while pending), how often the purge runs (0: never).
    documents_store: Literal["local", "s3"] = "local"
    documents_dir: str = "var/documents"
    documents_s3_url: str | None = None
    documents_s3_bucket: str | None = None
    documents_s3_region: str = "us-east-1"
    documents_s3_access_key_id: str | None = None
    documents_s3_secret_access_key: Secret | None = None
    kyc_max_bytes: Annotated[int, msgspec.Meta(ge=1024, le=104_857_600)] = 10_485_760
    kyc_retention_days: Annotated[int, msgspec.Meta(ge=1, le=36_500)] = 1825
    kyc_purge_seconds: Annotated[float, msgspec.Meta(ge=0, le=604_800)] = 3600.0
    # API-key vault (docs/vault.md): how long a rotated-out key stays usable as a fallback
    # (0: not kept), and how often expiry warnings are sent and rotated-out keys purged.
    vault_rotation_grace_seconds: Annotated[int, msgspec.Meta(ge=0, le=30 * 86_400)] = 86_400
    vault_expiry_check_seconds: Annotated[float, msgspec.Meta(ge=1, le=86_400)] = 3600.0
    # Notifications (issue 16, docs/notifications.md): the dispatcher's retries (exponential
    # backoff with full jitter between base and cap; dead-lettered after max attempts), its
    # poll, and each user's rate limit per channel (in-app is not limited; CRITICAL never
    # held back).
    notify_dispatch: bool = True
    notify_poll_seconds: Seconds = 1.0
    notify_retry_base_seconds: Seconds = 2.0
    notify_retry_cap_seconds: Seconds = 600.0
    notify_max_attempts: Annotated[int, msgspec.Meta(ge=1, le=100)] = 8
    notify_rate_per_hour: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 30
    notify_rate_burst: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 10
    # --- Prometheus /metrics (issue 17; docs/observability.md) ---
    # A bearer token every scrape must bring. Unset: /metrics is open in dev and test, and
    # answers 404 in prod (one line at start-up says so).
    metrics_token: Secret | None = None
    # `bulwark consume` serves its own /metrics (gate decisions from Kafka commands, broker
    # calls, process figures) on this port; 0: none. Same token rule as the API's /metrics.
    consume_metrics_port: Annotated[int, msgspec.Meta(ge=0, le=65535)] = 0
    consume_metrics_host: str = "127.0.0.1"

    # --- OpenTelemetry traces (docs/tracing.md): off unless an OTLP/HTTP endpoint is set ---
    # The collector's base URL (http://host:4318; /v1/traces is added) or its full traces URL.
    otlp_endpoint: Annotated[str, msgspec.Meta(pattern=r"^https?://[^\s/]+(/\S*)?$")] | None = None
    otel_service_name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] = "bulwark"
    # Share of new traces kept (a caller's sampled flag is followed: ParentBased).
    otel_sample_ratio: Annotated[float, msgspec.Meta(ge=0, le=1)] = 1.0

    # --- Compute backend for the quant kernels (issue 18; docs/compute.md) ---
    # auto: CUDA when numba-cuda sees a GPU, else the CPU (numba); cpu: always the CPU;
    # cuda: the GPU or refuse to start. Each heavy request runs off the event loop within a
    # time budget (seconds) on at most `compute_slots` worker threads (503 past either).
    compute: Literal["auto", "cpu", "cuda"] = "auto"
    compute_budget_s: Annotated[float, msgspec.Meta(gt=0, le=3600)] = 10.0
    compute_slots: Annotated[int, msgspec.Meta(ge=1, le=64)] = 1
    # Load (or compile) the kernels on a background thread at start-up, so the first request
    # does not spend its budget doing it.
    compute_warmup: bool = True

    # --- Options chain and IV history (issue 18; docs/options-chain.md) ---
    # Underlyings whose 30-day ATM IV is recorded once per weekday for IV rank (empty: every
    # symbol the market board quotes, at most 200); how often the recorder looks (0: never;
    # `bulwark options record-iv` records on demand); the flat rate the chain's IVs use.
    iv_symbols: tuple[str, ...] = ()
    iv_record_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 300.0
    options_risk_free_rate: Annotated[float, msgspec.Meta(ge=-0.1, le=1)] = 0.04

    # --- Options compute endpoints (issue 18; docs/options-api.md) ---
    # Body limit of POST /api/v1/analytics/options/greeks and .../implied-vol only (JSON or
    # Arrow): a million options are ~100 MB of JSON; the rest of the API keeps max_body_bytes.
    analytics_max_body_bytes: Annotated[int, msgspec.Meta(ge=1024, le=1_073_741_824)] = 67_108_864

    # --- Rates: Treasury curve, inversions, FRED series (issue 19; docs/rates.md) ---
    # file: FRED CSV / JSON downloads in rates_dir (empty: the shipped SAMPLE set, synthetic,
    # data/rates/); fred: FRED's API at fred_url with fred_api_key (required then).
    rates_source: Literal["file", "fred"] = "file"
    rates_dir: str | None = None
    fred_api_key: Secret | None = None
    fred_url: Annotated[str, msgspec.Meta(pattern=r"^https?://[^\s/]+(/\S*)?$")] = (
        "https://api.stlouisfed.org/fred"
    )
    fred_timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=120)] = 10.0
    # How long a FRED answer is reused (FRED publishes once a business day); 0: not kept.
    fred_cache_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 3600.0

    # --- Markets and planning data (issue 22, h-mkt1; docs/markets-macro.md, docs/scenarios.md,
    # docs/13f.md) --- offline directories; empty: the shipped samples under data/ (SYNTHETIC,
    # except the scenarios' rounded historical figures and a few real CUSIPs). Economic series
    # come from FRED's API instead when rates_source=fred.
    macro_dir: str | None = None  # FRED CSV / JSON: CPIAUCSL, UNRATE, GDPC1 ...
    futures_dir: str | None = None  # contracts.csv and <ROOT>.csv settlements
    insiders_dir: str | None = None  # form4.csv
    scenarios_dir: str | None = None  # historical.json
    sec13f_dir: str | None = None  # securities.csv (symbol -> CUSIP, 13(f) list entry)
    # How often the filing-calendar reminders are looked for (0: never; serve process only).
    filing_reminder_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 3600.0
    # --- Inference: ONNX models, sentiment, keywords, model rater (issue 20; docs/inference.md) ---
    # models_dir: what `bulwark models build` writes and the service loads (make run builds it
    # when missing); inference_encoder: the encoder texts are embedded with (and the sentiment
    # head is trained on); inference_provider: auto (TensorRT -> CUDA -> CPU as onnxruntime
    # offers them), cpu, cuda, tensorrt, or tensorrt-engine (TensorRT engines, the gpu extra);
    # inference_threads: onnxruntime's intra-op threads (0: its default, one per core).
    inference_enabled: bool = True
    models_dir: str = "var/models"
    inference_encoder: Literal["minilm-l6-fp32", "minilm-l6-int8"] = "minilm-l6-fp32"
    inference_provider: Literal["auto", "cpu", "cuda", "tensorrt", "tensorrt-engine"] = "auto"
    inference_threads: Annotated[int, msgspec.Meta(ge=0, le=256)] = 0
    # Dynamic batching: rows per model call, how long the oldest waits for company, and the
    # queue's bound in rows (a caller past it gets 503 INFERENCE_BUSY + Retry-After).
    inference_batch_size: Annotated[int, msgspec.Meta(ge=1, le=1024)] = 32
    inference_wait_ms: Annotated[float, msgspec.Meta(ge=0, le=1000)] = 5.0
    inference_queue_bound: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 1024
    # How often the models directory is checked for a new build (0: loaded once at start).
    inference_reload_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 5.0
    # Load the models on a background thread at start-up (else on the first request).
    inference_warmup: bool = True
    # Pre-trade analysis' rater: rules (HeadroomRater) or model (the risk-rater model, the
    # rules as its fallback, reported in the analysis).
    risk_rater: Literal["rules", "model"] = "rules"
    # News for per-symbol sentiment: a JSON-lines file replayed against the clock (none: no
    # news); source weights as source=weight pairs (others weigh sentiment_default_weight).
    news_file: str | None = None
    sentiment_source_weights: tuple[str, ...] = ()
    sentiment_default_weight: Annotated[float, msgspec.Meta(ge=0, le=100)] = 0.5
    sentiment_half_life_hours: Annotated[float, msgspec.Meta(gt=0, le=8760)] = 24.0
    sentiment_max_age_hours: Annotated[float, msgspec.Meta(gt=0, le=8760)] = 168.0
    # --- Crypto wallets, ESG data (issue 22; docs/crypto-defi.md, docs/esg.md) ---
    # fixture: balances from chain_fixture_file (empty: the shipped SYNTHETIC sample,
    # data/crypto/wallets.json); rpc: EVM JSON-RPC endpoints, chain_rpc_urls = "1=https://...,
    # 137=https://..." (a secret: URLs usually carry an API key; never logged or echoed).
    chain_source: Literal["fixture", "rpc"] = "fixture"
    chain_fixture_file: str | None = None
    chain_rpc_urls: Secret | None = None
    chain_rpc_timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=120)] = 10.0
    # An ESG data CSV (docs/esg.md's columns); empty: the shipped SYNTHETIC sample, data/esg/.
    esg_file: str | None = None
    # --- Surveillance of our own order flow (issue 21; docs/surveillance.md) ---
    # Where the detectors run. auto: in the serving process without Kafka, else only in
    # `bulwark surveil`; inprocess; consumer (only `bulwark surveil`); off.
    surveillance: Literal["auto", "inprocess", "consumer", "off"] = "auto"
    # What a new HIGH alert does: pause the agents behind it (the kill switch's agent scope,
    # undone by the four-eyes resume) or warn only. Both notify and audit.
    surveillance_action: Literal["pause", "warn"] = "pause"
    # Threshold overrides, a JSON object: {"spoofing": {"size_ratio": 6}, "cooldown_s": 60}.
    surveillance_thresholds: str = ""
    # The session's close (local time, HH:MM) and its zone, for marking the close.
    surveillance_close: str = "16:00"
    surveillance_close_zone: str = "America/New_York"
    # How often a run's state and offsets are checkpointed (also with every new alert).
    surveillance_checkpoint_seconds: Seconds = 5.0
    # `bulwark surveil`: its checkpoint's name (one per independent reader), and where a
    # partition it has no checkpoint for starts (the events topic's beginning, or its end).
    surveillance_consumer_name: Annotated[
        str, msgspec.Meta(pattern=r"^[A-Za-z0-9._:-]{1,100}$")
    ] = "surveil"
    surveillance_start: Literal["earliest", "latest"] = "earliest"

    # --- Sentiment indices: Fear & Greed and the HypeMeter (issue 22 group 1, h-fg;
    # docs/sentiment-indices.md) --- the VIX and put/call series from the index's option chain
    # (chain) or from CSV files (file: fear_greed_dir, empty = the shipped SYNTHETIC sample);
    # momentum from the index's daily bars, breadth over the universe (empty: every symbol the
    # market board quotes), social from the news sentiment; weights as name=weight pairs
    # summing to 1 (empty: 0.2 each); below min_coverage of the weight the index answers 503.
    fear_greed_series: Literal["chain", "file"] = "chain"
    fear_greed_dir: str | None = None
    fear_greed_index: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,15}$")] = (
        "SPY"
    )
    fear_greed_universe: tuple[str, ...] = ()
    fear_greed_weights: tuple[str, ...] = ()
    fear_greed_window_days: Annotated[int, msgspec.Meta(ge=20, le=2520)] = 252
    fear_greed_min_history: Annotated[int, msgspec.Meta(ge=1, le=2520)] = 20
    fear_greed_max_stale_days: Annotated[int, msgspec.Meta(ge=0, le=366)] = 7
    fear_greed_min_coverage: Annotated[float, msgspec.Meta(gt=0, le=1)] = 0.5
    fear_greed_cache_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 60.0
    # How often the daily recorder looks (0: never; `bulwark fear-greed record` on demand).
    fear_greed_record_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 3600.0
    # Mentions for the HypeMeter: none (an empty in-memory feed), file (social_file, JSON
    # lines replayed against the clock) or kafka (social_kafka_topic on BULWARK_KAFKA_BOOTSTRAP,
    # bad records to BULWARK_KAFKA_TOPIC_DLQ); kept social_retention_hours, at most
    # social_max_mentions. Engagement weights as likes=,comments=,shares=,views= pairs.
    social_source: Literal["none", "file", "kafka"] = "none"
    social_file: str | None = None
    social_kafka_topic: str = "bulwark.social.mentions"
    social_retention_hours: Annotated[float, msgspec.Meta(gt=0, le=720)] = 48.0
    social_max_mentions: Annotated[int, msgspec.Meta(ge=1000, le=10_000_000)] = 200_000
    hype_engagement_weights: tuple[str, ...] = ()
    hype_window_minutes: Annotated[int, msgspec.Meta(ge=5, le=1440)] = 60
    hype_baseline_windows: Annotated[int, msgspec.Meta(ge=3, le=168)] = 24
    hype_spike_sigma: Annotated[float, msgspec.Meta(gt=0, le=100)] = 5.0
    hype_min_mentions: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 5

    def redacted(self) -> dict[str, object]:
        """All settings, safe to show: secrets as '***' and passwords inside URLs masked."""
        out: dict[str, object] = {}
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if isinstance(value, Secret):
                value = REDACTED
            elif isinstance(value, str):
                value = _URL_PASSWORD.sub(rf"\g<1>{REDACTED}@", value)
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out


def env_name(field: str) -> str:
    """The environment variable that sets `field`."""
    return PREFIX + field.upper()


# BULWARK_* variables that are not settings: read straight from the process environment by
# code that runs before any settings exist (numba kernels decide at import), so a .env file
# cannot set them and the settings loader leaves them alone.
ENVIRONMENT_ONLY: Final = {
    "BULWARK_NUMBA": "the analytics kernels read it at import (0 = plain NumPy, no numba)",
}


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env"
) -> Settings:
    """Settings from BULWARK_* variables over an optional .env file, or SettingsError."""
    raw: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        raw.update(_read_env_file(Path(env_file)))
    source = os.environ if environ is None else environ
    raw.update(
        {k: v for k, v in source.items() if k.startswith(PREFIX) and k not in ENVIRONMENT_ONLY}
    )
    values = _to_fields(raw)
    try:
        settings = msgspec.convert(values, Settings, strict=False, dec_hook=_decode_secret)
    except msgspec.ValidationError as exc:
        raise SettingsError(_explain(exc)) from None
    _check(settings)
    return settings


def _read_env_file(path: Path) -> dict[str, str]:
    """BULWARK_* entries of a dotenv file: KEY=VALUE, optional `export`, quotes and # comments."""
    found: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _ENV_LINE.match(stripped)
        if match is None:
            # The line is not echoed: it may hold a secret.
            raise SettingsError(f"{path}:{number}: expected KEY=VALUE")
        key, value = match.groups()
        if key in ENVIRONMENT_ONLY:
            raise SettingsError(
                f"{path}:{number}: {key} cannot be set in a .env file: "
                f"{ENVIRONMENT_ONLY[key]}; set it in the process environment"
            )
        if key.startswith(PREFIX):
            found[key] = _unquote(value, f"{path}:{number}")
    return found


def _unquote(value: str, where: str) -> str:
    if value[:1] in {'"', "'"}:
        quote = value[0]
        end = value.find(quote, 1)
        if end == -1:
            raise SettingsError(f"{where}: unterminated {quote} quote")
        rest = value[end + 1 :].strip()
        if rest and not rest.startswith("#"):
            raise SettingsError(f"{where}: unexpected text after the closing quote")
        inner = value[1:end]
        return inner.replace("\\n", "\n") if quote == '"' else inner
    return re.split(r"\s+#", value, maxsplit=1)[0].strip()


def _to_fields(raw: Mapping[str, str]) -> dict[str, object]:
    fields = Settings.__struct_fields__
    unknown = sorted(k for k in raw if k[len(PREFIX) :].lower() not in fields)
    if unknown:
        name = unknown[0]
        close = difflib.get_close_matches(name, [env_name(f) for f in fields], n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise SettingsError(f"{name} is not a Bulwark setting{hint}")
    kinds = {f.name: f.type for f in _struct_info().fields}
    values: dict[str, object] = {}
    for key, text in raw.items():
        field = key[len(PREFIX) :].lower()
        text = text.strip()
        if not text:
            continue  # an empty value means "use the default"
        kind = _unwrap(kinds[field])
        if isinstance(kind, msgspec.inspect.VarTupleType):
            values[field] = [part.strip() for part in text.split(",") if part.strip()]
        elif isinstance(kind, msgspec.inspect.BoolType):
            lowered = text.lower()
            values[field] = True if lowered in _TRUE else False if lowered in _FALSE else text
        else:
            values[field] = text
    return values


def _decode_secret(kind: type, value: object) -> object:
    if kind is Secret and isinstance(value, str):
        return Secret(value)
    raise NotImplementedError


def _struct_info() -> msgspec.inspect.StructType:
    info = msgspec.inspect.type_info(Settings)
    assert isinstance(info, msgspec.inspect.StructType)
    return info


def _unwrap(kind: msgspec.inspect.Type) -> msgspec.inspect.Type:
    if isinstance(kind, msgspec.inspect.UnionType):
        others = [t for t in kind.types if not isinstance(t, msgspec.inspect.NoneType)]
        return others[0]
    return kind


def _explain(exc: msgspec.ValidationError) -> str:
    """Name the variable and what it expects; never echo the value (it may be a secret)."""
    match = re.search(r"at `\$\.([a-z0-9_]+)", str(exc))
    if match is None:
        return f"invalid settings: {exc}"
    field = match.group(1)
    kinds = {f.name: f.type for f in _struct_info().fields}
    return f"{env_name(field)}: expected {_describe(field, _unwrap(kinds[field]))}"


def _describe(field: str, kind: msgspec.inspect.Type) -> str:
    if field in _HINTS:
        return _HINTS[field]
    ins = msgspec.inspect
    if isinstance(kind, ins.LiteralType):
        return "one of " + ", ".join(str(v) for v in kind.values)
    if isinstance(kind, ins.BoolType):
        return "true or false (also 1/0, yes/no, on/off)"
    if isinstance(kind, ins.IntType | ins.FloatType):
        noun = "an integer" if isinstance(kind, ins.IntType) else "a number"
        bounds = [
            f"{op} {limit}"
            for op, limit in ((">", kind.gt), (">=", kind.ge), ("<", kind.lt), ("<=", kind.le))
            if limit is not None
        ]
        return f"{noun} {' and '.join(bounds)}".strip()
    if isinstance(kind, ins.CustomType) and kind.cls is Secret:
        return "a secret string"
    return "a string"


def _check(s: Settings) -> None:
    """Rules that span fields or touch the file system."""
    if s.env == "prod":
        if s.jwt_private_key_file is None:
            raise SettingsError(
                f"{env_name('jwt_private_key_file')} is required when BULWARK_ENV=prod "
                "(otherwise every token dies on restart)"
            )
        if s.keks is None and s.keks_file is None:
            raise SettingsError(
                f"{env_name('keks_file')} (or {env_name('keks')}) is required when "
                "BULWARK_ENV=prod (the key-encryption keys that protect secrets at rest)"
            )
        if s.demo:
            raise SettingsError("BULWARK_DEMO must be false when BULWARK_ENV=prod")
    if s.workers > 1 and s.database_url == "memory://":
        raise SettingsError("BULWARK_WORKERS > 1 needs a shared database, not memory://")
    if s.kill_switch_lane and s.kill_switch_port is None and s.port == 65535:
        raise SettingsError(f"{env_name('kill_switch_port')}: set it (BULWARK_PORT + 1 is no port)")
    if s.jwt_private_key_file is not None and not Path(s.jwt_private_key_file).is_file():
        raise SettingsError(f"{env_name('jwt_private_key_file')}: expected a readable PEM file")
    if s.secret_key is not None and not _is_fernet_key(s.secret_key.reveal()):
        raise SettingsError(
            f"{env_name('secret_key')}: expected a Fernet key (32 url-safe base64-encoded bytes, "
            "e.g. from cryptography.fernet.Fernet.generate_key())"
        )
    _check_keks(s)
    _check_notification_channels(s)
    _check_documents(s)
    # The broker can take each account's keys from the vault: its settings keys are optional,
    # but given, they come as a pair. Market data has no vault: it needs them.
    keys = (s.alpaca_key_id is not None) + (s.alpaca_secret_key is not None)
    if (s.market_data == "alpaca" and keys < 2) or (s.broker == "alpaca" and keys == 1):
        raise SettingsError(
            "BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY are required "
            "when the market data is alpaca (and go together when the broker is alpaca)"
        )
    _check_market_feed(s)
    _check_rates(s)
    _check_market_dirs(s)
    _check_inference(s)
    _check_chain(s)
    _check_surveillance(s)
    _check_sentiment_indices(s)
    if s.access_token_ttl_seconds >= s.refresh_token_ttl_days * 86_400:
        raise SettingsError(
            f"{env_name('access_token_ttl_seconds')}: expected less than the refresh token "
            f"lifetime ({env_name('refresh_token_ttl_days')})"
        )
    if s.signal_scan_seconds > 0 and not (s.signal_symbols and s.signal_timeframes):
        raise SettingsError(
            f"{env_name('signal_symbols')} and {env_name('signal_timeframes')} must not be "
            f"empty when {env_name('signal_scan_seconds')} is above 0"
        )
    for origin in s.cors_origins:
        if origin != "*" and not re.match(r"^https?://[^/\s]+$", origin):
            raise SettingsError(
                f"{env_name('cors_origins')}: expected '*' or origins like https://app.example.com"
            )


def _check_market_feed(s: Settings) -> None:
    """The failover feed: alpaca's keys, a breaker that can judge (the replay path is checked
    when the feed is built)."""
    fallbacks = s.market_data_fallbacks
    if "none" in fallbacks and len(fallbacks) > 1:
        raise SettingsError(f"{env_name('market_data_fallbacks')}: 'none' stands alone")
    feed = (s.market_data, *fallbacks)
    if "alpaca" in feed and (s.alpaca_key_id is None or s.alpaca_secret_key is None):
        raise SettingsError(
            "BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY are required "
            f"when {env_name('market_data_fallbacks')} names alpaca"
        )
    if s.market_data_breaker_minimum_calls > s.market_data_breaker_window:
        raise SettingsError(
            f"{env_name('market_data_breaker_minimum_calls')}: expected at most "
            f"{env_name('market_data_breaker_window')}"
        )
    if s.quote_board_heartbeat_seconds >= s.quote_max_age_seconds:
        # Followers would mark the board down between two heartbeats.
        raise SettingsError(
            f"{env_name('quote_board_heartbeat_seconds')}: expected less than "
            f"{env_name('quote_max_age_seconds')}"
        )
    if s.quote_pump_poll_seconds >= s.quote_max_age_seconds:
        # Polled less often than they age, quiet symbols would go stale between polls.
        raise SettingsError(
            f"{env_name('quote_pump_poll_seconds')}: expected less than "
            f"{env_name('quote_max_age_seconds')}"
        )


def _check_keks(s: Settings) -> None:
    """The KEK configuration parses (one line naming the entry at fault, never key bytes)."""
    if s.keks is not None and s.keks_file is not None:
        raise SettingsError(f"set {env_name('keks')} or {env_name('keks_file')}, not both")
    try:
        if s.keks is not None:
            parse_keks(s.keks.reveal(), env_name("keks"))
        elif s.keks_file is not None:
            keks_from_file(Path(s.keks_file))
    except KeyConfigError as error:
        raise SettingsError(str(error)) from None


def _is_fernet_key(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return False


def _check_notification_channels(s: Settings) -> None:
    """SMTP settings that could never send (one line naming the variable)."""
    if s.smtp_host is None:
        return
    if "@" not in s.smtp_from or any(c.isspace() for c in s.smtp_from):
        raise SettingsError(f"{env_name('smtp_from')}: expected an address like alerts@example.com")
    if s.smtp_starttls and s.smtp_tls:
        raise SettingsError(
            f"set {env_name('smtp_starttls')} or {env_name('smtp_tls')}, not both "
            "(STARTTLS upgrades a plain connection; TLS starts encrypted, port 465)"
        )
    if (s.smtp_username is None) != (s.smtp_password is None):
        raise SettingsError(
            f"{env_name('smtp_username')} and {env_name('smtp_password')} go together"
        )
    if s.smtp_ca_file is not None and not Path(s.smtp_ca_file).is_file():
        raise SettingsError(f"{env_name('smtp_ca_file')}: expected a readable PEM file")


def _check_documents(s: Settings) -> None:
    """The S3 document store needs its endpoint, bucket and key pair."""
    if s.documents_store != "s3":
        return
    needed = ("documents_s3_url", "documents_s3_bucket", "documents_s3_access_key_id",
              "documents_s3_secret_access_key")  # fmt: skip
    missing = [env_name(f) for f in needed if getattr(s, f) is None]
    if missing:
        raise SettingsError(f"{', '.join(missing)} required when {env_name('documents_store')}=s3")
    if not re.match(r"^https?://[^/\s]+/?$", s.documents_s3_url or ""):
        raise SettingsError(
            f"{env_name('documents_s3_url')}: expected http(s)://host[:port] (path-style S3)"
        )


def _check_rates(s: Settings) -> None:
    """FRED as the rates source needs its API key (one line naming the variable)."""
    if s.rates_source == "fred" and (s.fred_api_key is None or not s.fred_api_key.reveal()):
        raise SettingsError(
            f"{env_name('fred_api_key')} is required when {env_name('rates_source')}=fred "
            "(a free key: https://fred.stlouisfed.org/docs/api/api_key.html); "
            f"or set {env_name('rates_source')}=file for the offline files"
        )


def _check_market_dirs(s: Settings) -> None:
    """A data directory named in the settings must exist (one line naming the variable)."""
    for name in ("macro_dir", "futures_dir", "insiders_dir", "scenarios_dir", "sec13f_dir"):
        value = getattr(s, name)
        if value and not Path(value).is_dir():
            raise SettingsError(f"{env_name(name)}: {value!r} is not a directory")


def source_weight_pairs(s: Settings) -> dict[str, float]:
    """BULWARK_SENTIMENT_SOURCE_WEIGHTS as {source: weight}; SettingsError naming a bad pair."""
    weights: dict[str, float] = {}
    for pair in s.sentiment_source_weights:
        source, _, weight = pair.partition("=")
        try:
            value = float(weight)
        except ValueError:
            value = -1.0
        if not source.strip() or not 0 <= value <= 100:
            raise SettingsError(
                f"{env_name('sentiment_source_weights')}: expected source=weight pairs with "
                f"weights within [0, 100], e.g. newswire=1.0,blog=0.3 (got {pair!r})"
            )
        weights[source.strip()] = value
    return weights


def _check_inference(s: Settings) -> None:
    """The batching queue holds at least one batch; the source weights parse."""
    if s.inference_queue_bound < s.inference_batch_size:
        raise SettingsError(
            f"{env_name('inference_queue_bound')} must be at least "
            f"{env_name('inference_batch_size')} ({s.inference_batch_size})"
        )
    source_weight_pairs(s)


_CHAIN_ENTRY = re.compile(r"^([0-9]{1,16})=(https?://\S+)$")


def chain_rpc_endpoints(s: Settings) -> dict[int, str]:
    """BULWARK_CHAIN_RPC_URLS as {chain id: URL}; SettingsError (never quoting a URL) when
    an entry is not `<chain id>=http(s)://...` or a chain id repeats."""
    text = s.chain_rpc_urls.reveal() if s.chain_rpc_urls is not None else ""
    found: dict[int, str] = {}
    for n, entry in enumerate(re.split(r"[,\s]+", text.strip()), start=1):
        match = _CHAIN_ENTRY.fullmatch(entry)
        if match is None or int(match.group(1)) == 0:
            raise SettingsError(
                f"{env_name('chain_rpc_urls')}: entry {n} is not <chain id>=http(s)://... "
                "(e.g. 1=https://eth.example/v3/KEY,137=https://polygon.example/KEY)"
            )
        chain_id = int(match.group(1))
        if chain_id in found:
            raise SettingsError(f"{env_name('chain_rpc_urls')}: chain {chain_id} given twice")
        found[chain_id] = match.group(2)
    return found


def _check_chain(s: Settings) -> None:
    """rpc needs endpoints; a fixture or ESG file that is named must exist (one line each)."""
    if s.chain_source == "rpc":
        if s.chain_rpc_urls is None or not s.chain_rpc_urls.reveal().strip():
            raise SettingsError(
                f"{env_name('chain_rpc_urls')} is required when {env_name('chain_source')}=rpc "
                f"(<chain id>=<JSON-RPC URL>, comma-separated); or set "
                f"{env_name('chain_source')}=fixture for the offline file"
            )
        chain_rpc_endpoints(s)
    for name in ("chain_fixture_file", "esg_file"):
        path = getattr(s, name)
        if path is not None and not Path(path).is_file():
            raise SettingsError(f"{env_name(name)}: expected a readable file, got {path!r}")


def _check_surveillance(s: Settings) -> None:
    """The detectors' thresholds and close (bootstrap/surveillance_rules.py), once."""
    from bootstrap.surveillance_rules import RulesError, build_rules

    try:
        build_rules(s.surveillance_thresholds, s.surveillance_close, s.surveillance_close_zone)
    except RulesError as exc:
        raise SettingsError(str(exc)) from None


def _check_sentiment_indices(s: Settings) -> None:
    """Fear & Greed weights and the social source's needs (one line naming the variable)."""
    if s.fear_greed_min_history > s.fear_greed_window_days:
        raise SettingsError(
            f"{env_name('fear_greed_min_history')}: expected at most "
            f"{env_name('fear_greed_window_days')} ({s.fear_greed_window_days})"
        )
    if s.fear_greed_dir and not Path(s.fear_greed_dir).is_dir():
        raise SettingsError(
            f"{env_name('fear_greed_dir')}: {s.fear_greed_dir!r} is not a directory"
        )
    if s.social_source == "file" and not s.social_file:
        raise SettingsError(
            f"{env_name('social_file')} is required when {env_name('social_source')}=file"
        )
    if s.social_source == "kafka" and not s.kafka_bootstrap:
        raise SettingsError(
            f"{env_name('kafka_bootstrap')} is required when {env_name('social_source')}=kafka"
        )
    hype_window = s.hype_window_minutes * (s.hype_baseline_windows + 1) / 60
    if hype_window > s.social_retention_hours:
        raise SettingsError(
            f"{env_name('hype_window_minutes')} x ({env_name('hype_baseline_windows')} + 1) is "
            f"{hype_window:g} hours, more than {env_name('social_retention_hours')}"
        )
    fear_greed_weight_pairs(s)
    engagement_weight_pairs(s)


def _pairs(s: Settings, field: str, names: tuple[str, ...], top: float) -> dict[str, float]:
    values: dict[str, float] = {}
    for pair in getattr(s, field):
        name, _, number = pair.partition("=")
        try:
            value = float(number)
        except ValueError:
            value = -1.0
        if name.strip() not in names or not 0 <= value <= top or name.strip() in values:
            raise SettingsError(
                f"{env_name(field)}: expected name=weight pairs, each name once out of "
                f"{', '.join(names)}, weights within [0, {top:g}] (got {pair!r})"
            )
        values[name.strip()] = value
    return values


def fear_greed_weight_pairs(s: Settings) -> dict[str, float]:
    """BULWARK_FEAR_GREED_WEIGHTS as {input: weight} summing to 1 (empty: the defaults)."""
    names = ("vix", "put_call", "momentum", "breadth", "social")
    values = _pairs(s, "fear_greed_weights", names, 1.0)
    if values and abs(sum(values.values()) - 1.0) > 1e-6:
        raise SettingsError(
            f"{env_name('fear_greed_weights')}: the weights must sum to 1 "
            f"(they sum to {sum(values.values()):g})"
        )
    return values


def engagement_weight_pairs(s: Settings) -> dict[str, float]:
    """BULWARK_HYPE_ENGAGEMENT_WEIGHTS as {count: weight} (the others keep their defaults)."""
    return _pairs(s, "hype_engagement_weights", ("likes", "comments", "shares", "views"), 1000.0)
