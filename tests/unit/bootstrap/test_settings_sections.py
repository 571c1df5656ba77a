"""Settings by section: every BULWARK_* name belongs to one field, each section's own rules,
the rules across sections, and the loader's errors, suggestions and redaction over sections."""

from __future__ import annotations

import base64
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
import pytest

from bootstrap.settings import (
    FLAT_FIELDS,
    SECTIONS,
    Secret,
    Section,
    Settings,
    SettingsError,
    env_name,
    load_settings,
)
from bootstrap.settings.analytics import AnalyticsSettings
from bootstrap.settings.brokers import BrokerSettings
from bootstrap.settings.core import CoreSettings, HttpSettings
from bootstrap.settings.identity import IdentitySettings, KeySettings, KycSettings
from bootstrap.settings.inference import InferenceSettings, NewsSettings
from bootstrap.settings.market_data import MarketDataSettings, MarketVendorSettings, QuoteSettings
from bootstrap.settings.markets import MarketsSettings
from bootstrap.settings.notifications import ChannelSettings
from bootstrap.settings.oauth import OAuthSettings
from bootstrap.settings.sentiment import FearGreedSettings, HypeMeterSettings
from bootstrap.settings.strategies import StrategySettings
from bootstrap.settings.surveillance import SurveillanceSettings

ins = msgspec.inspect
KEKS = "main 1 " + base64.b64encode(bytes(range(32))).decode()
FERNET_KEY = "MOp7xpFZPTvmIYoJBmWwSEVL_1H_k47zPfEmctDmydY="  # generated once for these tests


def field_type(kind: type[Section], field: str) -> ins.Type:
    info = ins.type_info(kind)
    assert isinstance(info, ins.StructType)
    found = next(f.type for f in info.fields if f.name == field)
    if isinstance(found, ins.UnionType):
        found = next(t for t in found.types if not isinstance(t, ins.NoneType))
    return found


def other_value(kind: ins.Type, default: object) -> tuple[str, object] | None:
    """A valid value unlike the default, as its variable's text and as the field holds it."""
    if isinstance(kind, ins.BoolType):
        return ("false", False) if default else ("true", True)
    if isinstance(kind, ins.LiteralType):
        choice = next(v for v in kind.values if v != default)
        return str(choice), choice
    if isinstance(kind, ins.IntType):
        least = kind.ge if kind.ge is not None else (kind.gt + 1 if kind.gt is not None else 0)
        most = kind.le if kind.le is not None else least + 10**6
        whole = least if default != least else min(least + 1, most)
        return str(whole), whole
    if isinstance(kind, ins.FloatType):
        low = float(kind.ge if kind.ge is not None else (kind.gt if kind.gt is not None else 0))
        high = float(kind.le) if kind.le is not None else low + 1000.0
        number = (low + high) / 2 if default != (low + high) / 2 else (low + high) / 3
        return repr(number), number
    if isinstance(kind, ins.VarTupleType) and isinstance(kind.item_type, ins.StrType):
        return "alpha,beta", ("alpha", "beta")
    if isinstance(kind, ins.StrType) and kind.pattern is None:
        return "round-trip", "round-trip"
    return None  # a pattern, a secret or a literal tuple: given explicitly below


# Values for the fields `other_value` cannot make, and for those whose sections' rules need
# company (context variables set beside them).
TWILIO_SID = "AC" + "0" * 32
EXPLICIT: dict[str, tuple[str, object, dict[str, str]]] = {
    "env": ("test", "test", {}),
    "wealth_terms_version": ("2027-02", "2027-02", {}),
    "served_contexts": ("trading,safety", ("trading", "safety"), {}),
    "calendar_venues": ("QQQ=XNAS", ("QQQ=XNAS",), {}),
    "review_api_key": ("rk-1", Secret("rk-1"), {}),
    "review_endpoint": ("http://llm.test/v1", "http://llm.test/v1", {}),
    "review_caution_move": ("0.03", 0.03, {}),
    "review_danger_move": ("0.06", 0.06, {}),
    "market_data_provider_costs": ("synthetic=0.001", "synthetic=0.001", {}),
    "database_url": ("sqlite+aiosqlite:///x.db", "sqlite+aiosqlite:///x.db", {}),
    "redis_url": ("redis://cache:6379/1", "redis://cache:6379/1", {}),
    "db_lease_url": ("postgresql+asyncpg://db/x", "postgresql+asyncpg://db/x", {}),
    "alpaca_key_id": ("AK", Secret("AK"), {"BULWARK_ALPACA_SECRET_KEY": "s"}),
    "alpaca_secret_key": ("s", Secret("s"), {"BULWARK_ALPACA_KEY_ID": "AK"}),
    "plaid_client_id": ("cid", Secret("cid"), {"BULWARK_PLAID_SECRET": "s"}),
    "plaid_secret": ("s", Secret("s"), {"BULWARK_PLAID_CLIENT_ID": "cid"}),
    "alpaca_trading_url": ("http://broker.test", "http://broker.test", {}),
    "ccxt_api_key": ("ck", Secret("ck"), {}),
    "ccxt_secret": ("cs", Secret("cs"), {}),
    "ccxt_password": ("cp", Secret("cp"), {}),
    "ccxt_quote": ("USDC", "USDC", {}),
    "ccxt_api_url": ("http://venue.test", "http://venue.test", {}),
    "ibkr_gateway_url": ("https://gateway.test/v1/api", "https://gateway.test/v1/api", {}),
    "ibkr_account_id": ("DU1234567", "DU1234567", {}),
    "tradier_token": ("tt", Secret("tt"), {}),
    "tradier_account_id": ("VA1234", "VA1234", {}),
    "tradier_api_url": ("http://tradier.test/v1", "http://tradier.test/v1", {}),
    "paper_faults": ("keep_on_cancel,delay_acks=40", "keep_on_cancel,delay_acks=40", {}),
    "market_data": ("replay", "replay", {}),
    "market_data_fallbacks": ("replay", ("replay",), {}),
    "alpaca_data_url": ("http://data.test", "http://data.test", {}),
    "twelvedata_api_key": ("td-key", Secret("td-key"), {}),
    "twelvedata_base_url": ("http://td.test", "http://td.test", {}),
    "twelvedata_cost_per_call": ("0.0125", "0.0125", {}),
    "yahoo_base_url": ("http://yahoo.test", "http://yahoo.test", {}),
    "yahoo_cookie_url": ("http://cookie.test", "http://cookie.test", {}),
    "yahoo_cost_per_call": ("0.5", "0.5", {}),
    "databento_api_key": ("db-key", Secret("db-key"), {}),
    "databento_vault_key": ("vk-2", "vk-2", {}),
    "books_vendor": ("databento", "databento", {"BULWARK_DATABENTO_API_KEY": "db-key"}),
    "twelvedata_vault_key": ("vk-1", "vk-1", {}),
    "databento_base_url": ("http://db.test", "http://db.test", {}),
    "databento_dataset": ("GLBX.MDP3", "GLBX.MDP3", {}),
    "databento_cost_per_call": ("0.01", "0.01", {}),
    "alpaca_stream_url": ("ws://stream.test", "ws://stream.test", {}),
    "polygon_api_key": ("pk", Secret("pk"), {}),
    "finnhub_api_key": ("fk", Secret("fk"), {}),
    "alphavantage_api_key": ("ak", Secret("ak"), {}),
    "polygon_base_url": ("http://polygon.test", "http://polygon.test", {}),
    "finnhub_base_url": ("http://finnhub.test", "http://finnhub.test", {}),
    "alphavantage_base_url": ("http://av.test", "http://av.test", {}),
    "polygon_cost_per_call": ("0.004", Decimal("0.004"), {}),
    "rebalance_band": ("0.02", Decimal("0.02"), {}),
    "default_max_order_notional": ("100000", Decimal(100000), {}),
    "default_max_daily_loss_pct": ("0.05", Decimal("0.05"), {}),
    "finnhub_cost_per_call": ("0.001", Decimal("0.001"), {}),
    "alphavantage_cost_per_call": ("0.01", Decimal("0.01"), {}),
    "news_sources": ("finnhub,polygon", ("finnhub", "polygon"), {}),
    "jwt_private_key_file": ("{file}", "{file}", {}),
    "secret_key": (FERNET_KEY, Secret(FERNET_KEY), {}),
    "device_key": ("d" * 43, Secret("d" * 43), {}),
    "device_anomaly_window": ("900", 900, {}),
    "keks": (KEKS, Secret(KEKS), {}),
    "keks_file": ("{file}", "{file}", {}),
    "equity_snapshot_time": ("09:30", "09:30", {}),
    "rates_source": ("fred", "fred", {"BULWARK_FRED_API_KEY": "k"}),
    "fred_api_key": ("k", Secret("k"), {}),
    "fred_url": ("http://fred.test", "http://fred.test", {}),
    "telegram_api_url": ("http://telegram.test", "http://telegram.test", {}),
    "smtp_password": ("pw", Secret("pw"), {"BULWARK_SMTP_USERNAME": "u"}),
    "smtp_username": ("u", "u", {"BULWARK_SMTP_PASSWORD": "pw"}),
    "smtp_tls": ("true", True, {"BULWARK_SMTP_STARTTLS": "false"}),
    "smtp_ca_file": ("{file}", "{file}", {"BULWARK_SMTP_HOST": "mail.test"}),
    "sms_twilio_account_sid": (
        TWILIO_SID,
        TWILIO_SID,
        {"BULWARK_SMS_TWILIO_AUTH_TOKEN": "t", "BULWARK_SMS_FROM": "+15005550006"},
    ),
    "sms_twilio_auth_token": (
        "t",
        Secret("t"),
        {"BULWARK_SMS_TWILIO_ACCOUNT_SID": TWILIO_SID, "BULWARK_SMS_FROM": "+15005550006"},
    ),
    "sms_from": (
        "+15005550006",
        "+15005550006",
        {"BULWARK_SMS_TWILIO_ACCOUNT_SID": TWILIO_SID, "BULWARK_SMS_TWILIO_AUTH_TOKEN": "t"},
    ),
    "sms_twilio_api_url": ("http://twilio.test", "http://twilio.test", {}),
    "web_push_subject": ("mailto:ops@example.com", "mailto:ops@example.com", {}),
    "web_push_vapid_private_key": ("k", Secret("k"), {"BULWARK_WEB_PUSH_VAPID_PUBLIC_KEY": "p"}),
    "web_push_vapid_public_key": ("p", "p", {"BULWARK_WEB_PUSH_VAPID_PRIVATE_KEY": "k"}),
    "documents_store": (
        "s3",
        "s3",
        {
            "BULWARK_DOCUMENTS_S3_URL": "http://s3.test",
            "BULWARK_DOCUMENTS_S3_BUCKET": "b",
            "BULWARK_DOCUMENTS_S3_ACCESS_KEY_ID": "a",
            "BULWARK_DOCUMENTS_S3_SECRET_ACCESS_KEY": "s",
        },
    ),
    "documents_s3_url": ("http://s3.test", "http://s3.test", {}),
    "documents_s3_secret_access_key": ("s", Secret("s"), {}),
    "persona_api_url": ("http://persona.test", "http://persona.test", {}),
    "persona_api_key": ("pk", Secret("pk"), {"BULWARK_PERSONA_TEMPLATE_ID": "itmpl_1"}),
    "persona_webhook_secret": ("ws", Secret("ws"), {}),
    "metrics_token": ("t", Secret("t"), {}),
    "alertmanager_token": ("t", Secret("t"), {}),
    "otlp_endpoint": ("http://otel.test:4318", "http://otel.test:4318", {}),
    "chain_source": ("rpc", "rpc", {"BULWARK_CHAIN_RPC_URLS": "1=https://rpc.test"}),
    "chain_rpc_urls": ("1=https://rpc.test", Secret("1=https://rpc.test"), {}),
    "chain_fixture_file": ("{file}", "{file}", {}),
    "esg_file": ("{file}", "{file}", {}),
    "backtest_data_path": ("{dir}", "{dir}", {}),
    "fear_greed_dir": ("{dir}", "{dir}", {}),
    "macro_dir": ("{dir}", "{dir}", {}),
    "futures_dir": ("{dir}", "{dir}", {}),
    "insiders_dir": ("{dir}", "{dir}", {}),
    "scenarios_dir": ("{dir}", "{dir}", {}),
    "sec13f_dir": ("{dir}", "{dir}", {}),
    "market_data_breaker_window": ("40", 40, {}),
    "signal_timeframes": ("1m,1h", ("1m", "1h"), {}),
    "sentiment_source_weights": ("wire=1", ("wire=1",), {}),
    "surveillance_thresholds": ('{"cooldown_s": 60}', '{"cooldown_s": 60}', {}),
    "surveillance_close": ("15:30", "15:30", {}),
    "surveillance_close_zone": ("Europe/London", "Europe/London", {}),
    "surveillance_consumer_name": ("audit-2", "audit-2", {}),
    "fear_greed_index": ("QQQ", "QQQ", {}),
    "fear_greed_weights": ("vix=0.5,momentum=0.5", ("vix=0.5", "momentum=0.5"), {}),
    "kill_switch_flatten_collar": ("0.02", 0.02, {}),
    "hype_engagement_weights": ("likes=2", ("likes=2",), {}),
    "social_source": ("file", "file", {"BULWARK_SOCIAL_FILE": "mentions.jsonl"}),
    "smtp_from": ("alerts@example.com", "alerts@example.com", {}),
    "cors_origins": ("https://a.example.com", ("https://a.example.com",), {}),
    "drop_copy_webhook_url": (
        "https://desk.example.com/drop-copy",
        "https://desk.example.com/drop-copy",
        {"BULWARK_DROP_COPY_WEBHOOK_SECRET": "whsec-desk"},
    ),
    "drop_copy_webhook_secret": (
        "whsec-desk",
        Secret("whsec-desk"),
        {"BULWARK_DROP_COPY_WEBHOOK_URL": "https://desk.example.com/drop-copy"},
    ),
    "drop_copy_kafka_topic": (
        "desk.drop-copy",
        "desk.drop-copy",
        {"BULWARK_KAFKA_BOOTSTRAP": "k:9092"},
    ),
    "drop_copy_retry_base_seconds": ("1.5", 1.5, {}),
    "public_url": ("https://bulwark.example.com", "https://bulwark.example.com", {}),
    # Bounded by a neighbour (rules within the section): a value that keeps the rule.
    "market_data_breaker_minimum_calls": ("2", 2, {}),
    "quote_board_heartbeat_seconds": ("2", 2.0, {}),
    "quote_pump_poll_seconds": ("3", 3.0, {}),
    "quote_max_age_seconds": ("60", 60.0, {}),
    "access_token_ttl_seconds": ("600", 600, {}),
    "oauth_access_token_ttl_seconds": ("600", 600, {}),
    "oauth_refresh_token_ttl_days": ("2", 2, {}),
    "refresh_token_ttl_days": ("2", 2, {}),
    "inference_batch_size": ("16", 16, {}),
    "inference_queue_bound": ("2048", 2048, {}),
    "fear_greed_min_history": ("30", 30, {}),
    "fear_greed_window_days": ("300", 300, {}),
    "social_retention_hours": ("200", 200.0, {}),
    "hype_window_minutes": ("30", 30, {}),
    "hype_baseline_windows": ("10", 10, {}),
    "workers": ("2", 2, {}),
    "kill_switch_port": ("9100", 9100, {}),
    "throttle": ("false", False, {}),
    "throttle_breaches": ("5", 5, {}),
    "throttle_window_seconds": ("30", 30.0, {}),
    "throttle_duplicates": ("true", True, {}),
    "port": ("9000", 9000, {}),
}


def value(settings: Settings, flat: str) -> object:
    section, field = FLAT_FIELDS[flat]
    return getattr(getattr(settings, section), field)


def test_every_field_of_every_section_has_one_variable_and_no_two_share_one() -> None:
    # Arrange
    claimed: dict[str, list[tuple[str, str]]] = {}
    for name, kind in SECTIONS.items():
        for field, flat in kind.flat_names().items():
            claimed.setdefault(env_name(flat), []).append((name, field))

    # Assert
    assert {var: owners for var, owners in claimed.items() if len(owners) > 1} == {}
    assert sum(len(k.__struct_fields__) for k in SECTIONS.values()) == len(FLAT_FIELDS)
    assert list(SECTIONS) == list(Settings.__struct_fields__)
    assert all(var.startswith("BULWARK_") and var.isupper() for var in claimed)


@pytest.mark.parametrize("flat", sorted(FLAT_FIELDS))
def test_the_loader_takes_each_variable_to_its_field(flat: str, tmp_path: Path) -> None:
    # Arrange: "{file}" and "{dir}" stand for a file (a KEK line in it) and a directory
    (tmp_path / "file").write_text(KEKS + "\n")
    places = {"{file}": str(tmp_path / "file"), "{dir}": str(tmp_path)}
    section, field = FLAT_FIELDS[flat]
    default = getattr(getattr(Settings(), section), field)
    if flat in EXPLICIT:
        text, expected, company = EXPLICIT[flat]
    else:
        made = other_value(field_type(SECTIONS[section], field), default)
        assert made is not None, f"give {flat} a value in EXPLICIT"
        (text, expected), company = made, {}
    text = places.get(text, text)
    expected = places.get(expected, expected) if isinstance(expected, str) else expected

    # Act
    settings = load_settings({env_name(flat): text, **company}, env_file=None)

    # Assert: the field moved, to the value given (and no other field took it)
    got = value(settings, flat)
    assert (got.reveal() if isinstance(got, Secret) else got) == (
        expected.reveal() if isinstance(expected, Secret) else expected
    )
    assert got != default


@pytest.mark.parametrize(
    ("section", "named"),
    [
        (CoreSettings(env="prod", demo=True), "BULWARK_DEMO"),
        (HttpSettings(cors_origins=("ftp://x",)), "BULWARK_CORS_ORIGINS"),
        (HttpSettings(public_url="https://b.example/app"), "BULWARK_PUBLIC_URL"),
        (
            OAuthSettings(access_token_ttl_seconds=86_400, refresh_token_ttl_days=1),
            "BULWARK_OAUTH_ACCESS_TOKEN_TTL_SECONDS",
        ),
        (BrokerSettings(broker="alpaca", alpaca_key_id=Secret("AK")), "BULWARK_ALPACA_KEY_ID"),
        (MarketDataSettings(fallbacks=("none", "replay")), "BULWARK_MARKET_DATA_FALLBACKS"),
        (
            MarketDataSettings(breaker_minimum_calls=9, breaker_window=3),
            "BULWARK_MARKET_DATA_BREAKER_MINIMUM_CALLS",
        ),
        (
            MarketVendorSettings(polygon_cost_per_call=Decimal(-1)),
            "BULWARK_POLYGON_COST_PER_CALL",
        ),
        (
            MarketVendorSettings(finnhub_api_key=Secret("k"), finnhub_vault_key="v"),
            "BULWARK_FINNHUB_API_KEY",
        ),
        (MarketDataSettings(books_vendor="databento"), "BULWARK_BOOKS_VENDOR"),
        (QuoteSettings(board_heartbeat_seconds=10.0), "BULWARK_QUOTE_BOARD_HEARTBEAT_SECONDS"),
        (QuoteSettings(pump_poll_seconds=10.0), "BULWARK_QUOTE_PUMP_POLL_SECONDS"),
        (IdentitySettings(jwt_private_key_file="/absent.pem"), "BULWARK_JWT_PRIVATE_KEY_FILE"),
        (
            IdentitySettings(access_token_ttl_seconds=86_400, refresh_token_ttl_days=1),
            "BULWARK_ACCESS_TOKEN_TTL_SECONDS",
        ),
        (KeySettings(secret_key=Secret("not-fernet")), "BULWARK_SECRET_KEY"),
        (KeySettings(keks=Secret("main 1 x"), keks_file="/k"), "BULWARK_KEKS"),
        (KeySettings(keks=Secret("main 1 not-base64!")), "BULWARK_KEKS"),
        (KycSettings(documents_store="s3"), "BULWARK_DOCUMENTS_S3_URL"),
        (KycSettings(persona_api_key=Secret("pk")), "BULWARK_PERSONA_TEMPLATE_ID"),
        (KycSettings(persona_api_url="ftp://persona.test"), "BULWARK_PERSONA_API_URL"),
        (ChannelSettings(smtp_host="mail", smtp_from="nobody"), "BULWARK_SMTP_FROM"),
        (ChannelSettings(smtp_host="mail", smtp_tls=True), "BULWARK_SMTP_STARTTLS"),
        (ChannelSettings(smtp_host="mail", smtp_username="u"), "BULWARK_SMTP_USERNAME"),
        (ChannelSettings(sms_twilio_account_sid="AC" + "0" * 32), "BULWARK_SMS_TWILIO_ACCOUNT_SID"),
        (
            ChannelSettings(
                sms_twilio_account_sid="SID", sms_twilio_auth_token=Secret("t"), sms_from="+1"
            ),
            "BULWARK_SMS_TWILIO_ACCOUNT_SID",
        ),
        (ChannelSettings(web_push_vapid_public_key="p"), "BULWARK_WEB_PUSH_VAPID_PRIVATE_KEY"),
        (ChannelSettings(web_push_subject="ops@example.com"), "BULWARK_WEB_PUSH_SUBJECT"),
        (AnalyticsSettings(rates_source="fred"), "BULWARK_FRED_API_KEY"),
        (MarketsSettings(macro_dir="/absent-dir"), "BULWARK_MACRO_DIR"),
        (MarketsSettings(chain_source="rpc"), "BULWARK_CHAIN_RPC_URLS"),
        (MarketsSettings(esg_file="/absent.csv"), "BULWARK_ESG_FILE"),
        (StrategySettings(signal_scan_seconds=5.0, signal_symbols=()), "BULWARK_SIGNAL_SYMBOLS"),
        (InferenceSettings(batch_size=64, queue_bound=8), "BULWARK_INFERENCE_QUEUE_BOUND"),
        (NewsSettings(source_weights=("wire=x",)), "BULWARK_SENTIMENT_SOURCE_WEIGHTS"),
        (SurveillanceSettings(thresholds="{not json"), "BULWARK_SURVEILLANCE_THRESHOLDS"),
        (FearGreedSettings(min_history=300), "BULWARK_FEAR_GREED_MIN_HISTORY"),
        (FearGreedSettings(weights=("vix=0.5",)), "BULWARK_FEAR_GREED_WEIGHTS"),
        (HypeMeterSettings(social_source="file"), "BULWARK_SOCIAL_FILE"),
        (HypeMeterSettings(hype_window_minutes=600), "BULWARK_HYPE_WINDOW_MINUTES"),
        (HypeMeterSettings(hype_engagement_weights=("hugs=1",)), "BULWARK_HYPE_ENGAGEMENT_WEIGHTS"),
    ],
    ids=lambda p: p if isinstance(p, str) else type(p).__name__,
)
def test_each_sections_check_refuses_its_bad_values_in_one_line(
    section: Section, named: str
) -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        section.check()

    # Assert
    assert named in raised.value.message
    assert "\n" not in raised.value.message


@pytest.mark.parametrize("name", list(SECTIONS))
def test_each_sections_defaults_pass_its_check(name: str) -> None:
    # Act / Assert: no error
    SECTIONS[name]().check()


@pytest.mark.parametrize(
    ("flat", "named"),
    [
        ({"workers": 2, "database_url": "memory://"}, "BULWARK_WORKERS"),
        ({"port": 65535}, "BULWARK_KILL_SWITCH_PORT"),
        ({"market_data": "alpaca"}, "BULWARK_ALPACA_KEY_ID"),
        ({"market_data_fallbacks": ("alpaca",)}, "BULWARK_MARKET_DATA_FALLBACKS"),
        ({"social_source": "kafka"}, "BULWARK_KAFKA_BOOTSTRAP"),
        ({"env": "prod"}, "BULWARK_JWT_PRIVATE_KEY_FILE"),
    ],
)
def test_rules_across_sections_are_checked_by_settings(flat: dict[str, Any], named: str) -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        Settings.from_flat(**flat)

    # Assert
    assert named in raised.value.message
    assert "\n" not in raised.value.message


def test_from_flat_places_flat_names_in_their_sections_and_refuses_unknown_ones() -> None:
    # Act
    settings = Settings.from_flat(port=9001, kafka_bootstrap="k:9092", market_data="replay")

    # Assert
    assert (settings.core.port, settings.kafka.bootstrap) == (9001, "k:9092")
    assert settings.market_data.primary == "replay"
    with pytest.raises(SettingsError, match="BULWARK_KAFKA_BOOTSTRAPS"):
        Settings.from_flat(kafka_bootstraps="k:9092")


@pytest.mark.parametrize(
    ("given", "suggested"),
    [
        ("BULWARK_KAFKA_BOOTSTRAPS", "BULWARK_KAFKA_BOOTSTRAP"),
        ("BULWARK_MARKET_DATA_FALLBACK", "BULWARK_MARKET_DATA_FALLBACKS"),
        ("BULWARK_SURVEILANCE", "BULWARK_SURVEILLANCE"),
        ("BULWARK_NEWS_FILES", "BULWARK_NEWS_FILE"),
    ],
)
def test_an_unknown_name_suggests_the_nearest_across_sections(given: str, suggested: str) -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        load_settings({given: "x"}, env_file=None)

    # Assert
    assert raised.value.message == f"{given} is not a Bulwark setting (did you mean {suggested}?)"


@pytest.mark.parametrize(
    ("variable", "text", "expected"),
    [
        ("BULWARK_KAFKA_PARTITIONS", "0", "BULWARK_KAFKA_PARTITIONS: expected an integer >= 1"),
        ("BULWARK_SURVEILLANCE", "sometimes", "BULWARK_SURVEILLANCE: expected one of"),
        ("BULWARK_COMPUTE", "tpu", "BULWARK_COMPUTE: expected one of auto, cpu, cuda"),
        ("BULWARK_MARKET_DATA", "bloomberg", "BULWARK_MARKET_DATA: expected one of"),
        ("BULWARK_OTLP_ENDPOINT", "grpc://x", "BULWARK_OTLP_ENDPOINT: expected an http(s)://"),
        ("BULWARK_NOTIFY_DISPATCH", "perhaps", "BULWARK_NOTIFY_DISPATCH: expected true or false"),
    ],
)
def test_a_bad_value_in_a_section_names_its_variable(
    variable: str, text: str, expected: str
) -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        load_settings({variable: text}, env_file=None)

    # Assert
    assert raised.value.message.startswith(expected)
    assert "\n" not in raised.value.message


def secret_fields() -> list[str]:
    return [
        flat
        for flat, (section, field) in FLAT_FIELDS.items()
        if isinstance(field_type(SECTIONS[section], field), ins.CustomType)
    ]


def test_every_secret_of_every_section_is_hidden_in_repr_and_redacted() -> None:
    # Arrange: each secret field holds its own recognisable value
    flats = secret_fields()
    values = {flat: f"plain-{flat}-value" for flat in flats}
    grouped: dict[str, dict[str, Any]] = {}
    for flat in flats:
        section, field = FLAT_FIELDS[flat]
        grouped.setdefault(section, {})[field] = Secret(values[flat])
    sections: dict[str, Any] = {n: SECTIONS[n](**fields) for n, fields in grouped.items()}
    settings = Settings(**sections)  # built directly: no check() (the secrets are not keys)

    # Act
    shown = repr(settings) + str(settings) + repr(settings.redacted())
    dumped = msgspec.json.encode(settings.redacted()).decode()

    # Assert
    assert len(flats) >= 9  # the Alpaca pair, keys, SMTP, S3, metrics, FRED, RPC URLs
    for flat, plain in values.items():
        assert plain not in shown and plain not in dumped
        assert settings.redacted()[flat] == "***"


def test_redacted_is_flat_by_variable_name(tmp_path: Path) -> None:
    # Act
    redacted = load_settings(
        {"BULWARK_REDIS_URL": "redis://:pw-77@cache:6379/0", "BULWARK_KAFKA_BOOTSTRAP": "k:1"},
        env_file=None,
    ).redacted()

    # Assert
    assert list(redacted) == list(FLAT_FIELDS)
    assert redacted["redis_url"] == "redis://:***@cache:6379/0"
    assert redacted["kafka_bootstrap"] == "k:1"
