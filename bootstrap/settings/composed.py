"""`Settings`: one section per context, the rules that span sections, the redacted view."""

from __future__ import annotations

import re
from typing import Any, Final, TypeVar

import msgspec

from bootstrap.settings.aggregation import AggregationSettings
from bootstrap.settings.analytics import AnalyticsSettings, ComputeSettings
from bootstrap.settings.base import REDACTED, Secret, Section, SettingsError, env_name
from bootstrap.settings.brokers import BrokerSettings
from bootstrap.settings.calendars import CalendarSettings
from bootstrap.settings.core import CoreSettings, HttpSettings
from bootstrap.settings.devices import DeviceSettings
from bootstrap.settings.drills import DrillSettings
from bootstrap.settings.drop_copy import DropCopySettings
from bootstrap.settings.identity import IdentitySettings, KeySettings, KycSettings
from bootstrap.settings.inference import InferenceSettings, NewsSettings
from bootstrap.settings.kafka import KafkaSettings
from bootstrap.settings.live_trading import LiveTradingSettings
from bootstrap.settings.market_data import (
    MarketDataSettings,
    MarketVendorSettings,
    QuoteSettings,
)
from bootstrap.settings.markets import MarketsSettings
from bootstrap.settings.model_signals import ModelSignalSettings
from bootstrap.settings.notifications import ChannelSettings, NotifySettings
from bootstrap.settings.oauth import OAuthSettings
from bootstrap.settings.observability import ObservabilitySettings
from bootstrap.settings.price_alerts import PriceAlertSettings
from bootstrap.settings.rebalancing import RebalancingSettings
from bootstrap.settings.review import ReviewSettings
from bootstrap.settings.safety import SafetySettings
from bootstrap.settings.sentiment import FearGreedSettings, HypeMeterSettings
from bootstrap.settings.store import RedisSettings, StoreSettings
from bootstrap.settings.strategies import StrategySettings
from bootstrap.settings.surveillance import SurveillanceSettings
from bootstrap.settings.wealth import AlternativesSettings, WealthSettings

_S = TypeVar("_S", bound=Section)
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def _section(kind: type[_S]) -> _S:
    """A section field: its defaults unless the loader gives it values."""
    section: _S = msgspec.field(default_factory=kind)
    return section


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """Every setting of a Bulwark process, one section per context: `settings.kafka.bootstrap`
    is BULWARK_KAFKA_BOOTSTRAP (each section names its variables, see `Section`)."""

    core: CoreSettings = _section(CoreSettings)
    http: HttpSettings = _section(HttpSettings)
    store: StoreSettings = _section(StoreSettings)
    redis: RedisSettings = _section(RedisSettings)
    kafka: KafkaSettings = _section(KafkaSettings)
    brokers: BrokerSettings = _section(BrokerSettings)
    market_data: MarketDataSettings = _section(MarketDataSettings)
    market_vendors: MarketVendorSettings = _section(MarketVendorSettings)
    quotes: QuoteSettings = _section(QuoteSettings)
    identity: IdentitySettings = _section(IdentitySettings)
    keys: KeySettings = _section(KeySettings)
    kyc: KycSettings = _section(KycSettings)
    devices: DeviceSettings = _section(DeviceSettings)
    oauth: OAuthSettings = _section(OAuthSettings)
    safety: SafetySettings = _section(SafetySettings)
    drills: DrillSettings = _section(DrillSettings)
    live_trading: LiveTradingSettings = _section(LiveTradingSettings)
    notify: NotifySettings = _section(NotifySettings)
    channels: ChannelSettings = _section(ChannelSettings)
    price_alerts: PriceAlertSettings = _section(PriceAlertSettings)
    observability: ObservabilitySettings = _section(ObservabilitySettings)
    compute: ComputeSettings = _section(ComputeSettings)
    analytics: AnalyticsSettings = _section(AnalyticsSettings)
    markets: MarketsSettings = _section(MarketsSettings)
    strategies: StrategySettings = _section(StrategySettings)
    inference: InferenceSettings = _section(InferenceSettings)
    model_signals: ModelSignalSettings = _section(ModelSignalSettings)
    calendar: CalendarSettings = _section(CalendarSettings)
    news: NewsSettings = _section(NewsSettings)
    surveillance: SurveillanceSettings = _section(SurveillanceSettings)
    drop_copy: DropCopySettings = _section(DropCopySettings)
    fear_greed: FearGreedSettings = _section(FearGreedSettings)
    hype: HypeMeterSettings = _section(HypeMeterSettings)
    review: ReviewSettings = _section(ReviewSettings)
    wealth: WealthSettings = _section(WealthSettings)
    alternatives: AlternativesSettings = _section(AlternativesSettings)
    rebalance: RebalancingSettings = _section(RebalancingSettings)
    plaid: AggregationSettings = _section(AggregationSettings)

    @classmethod
    def sections(cls) -> dict[str, type[Section]]:
        """{attribute: section class}, in declaration order."""
        return dict(SECTIONS)

    @classmethod
    def from_flat(cls, **values: Any) -> Settings:
        """Settings from flat names (`port=9000, kafka_bootstrap="k:9092"`), the rest defaults;
        for tests and tools. Values are taken as given (no parsing), then `check()` runs."""
        grouped: dict[str, dict[str, Any]] = {}
        for flat, value in values.items():
            if flat not in FLAT_FIELDS:
                raise SettingsError(f"{env_name(flat)} is not a Bulwark setting")
            section, field = FLAT_FIELDS[flat]
            grouped.setdefault(section, {})[field] = value
        sections: dict[str, Any] = {n: SECTIONS[n](**fields) for n, fields in grouped.items()}
        settings = cls(**sections)
        settings.check()
        return settings

    def check(self) -> None:
        """Each section's rules, then those that span sections; SettingsError, one line."""
        for name in SECTIONS:
            section: Section = getattr(self, name)
            section.check()
        _check_across(self)

    def redacted(self) -> dict[str, object]:
        """All settings by flat name, safe to show: secrets as '***', passwords in URLs masked."""
        out: dict[str, object] = {}
        for flat, (section, field) in FLAT_FIELDS.items():
            value = getattr(getattr(self, section), field)
            if isinstance(value, Secret):
                value = REDACTED
            elif isinstance(value, str):
                value = _URL_PASSWORD.sub(rf"\g<1>{REDACTED}@", value)
            elif isinstance(value, tuple):
                value = list(value)
            out[flat] = value
        return out


SECTIONS: Final[dict[str, type[Section]]] = {
    f.name: f.type for f in msgspec.structs.fields(Settings) if isinstance(f.type, type)
}
# Every setting's flat name (its variable without BULWARK_, lower case) -> (section, field).
FLAT_FIELDS: Final[dict[str, tuple[str, str]]] = {
    flat: (name, field)
    for name, kind in SECTIONS.items()
    for field, flat in kind.flat_names().items()
}


def _check_across(s: Settings) -> None:
    """Rules that span sections (one line naming the variables)."""
    if s.core.env == "prod":
        if s.identity.jwt_private_key_file is None:
            raise SettingsError(
                f"{s.identity.var('jwt_private_key_file')} is required when BULWARK_ENV=prod "
                "(otherwise every token dies on restart)"
            )
        if s.keys.keks is None and s.keys.keks_file is None:
            raise SettingsError(
                f"{s.keys.var('keks_file')} (or {s.keys.var('keks')}) is required when "
                "BULWARK_ENV=prod (the key-encryption keys that protect secrets at rest)"
            )
        if s.brokers.paper_faults is not None:
            raise SettingsError(
                f"{s.brokers.var('paper_faults')} must be unset when BULWARK_ENV=prod "
                "(broker faults are for drills, never in production)"
            )
        if (s.http.public_url or "").startswith("http://"):
            raise SettingsError(
                f"{s.http.var('public_url')} must be an https:// URL when BULWARK_ENV=prod "
                "(it is the OAuth issuer and the MCP resource people's assistants trust)"
            )
        ibkr_unverified = not s.brokers.ibkr_verify_ssl and not s.brokers.ibkr_local
        if s.brokers.broker == "ibkr" and ibkr_unverified:
            raise SettingsError(
                f"{s.brokers.var('ibkr_verify_ssl')}=false is only for a gateway on this host "
                f"when BULWARK_ENV=prod: set {s.brokers.var('ibkr_ca_file')} to the CA bundle "
                "that signed the gateway's certificate"
            )
    if s.core.workers > 1 and s.store.database_url == "memory://":
        raise SettingsError("BULWARK_WORKERS > 1 needs a shared database, not memory://")
    if s.safety.kill_switch_lane and s.safety.kill_switch_port is None and s.core.port == 65535:
        raise SettingsError(
            f"{s.safety.var('kill_switch_port')}: set it (BULWARK_PORT + 1 is no port)"
        )
    # Market data has no vault: a feed with Alpaca in it needs both keys.
    if "alpaca" in s.market_data.providers and s.brokers.alpaca_keys < 2:
        raise SettingsError(
            f"{s.brokers.var('alpaca_key_id')} and {s.brokers.var('alpaca_secret_key')} are "
            f"required when {s.market_data.var('primary')} or "
            f"{s.market_data.var('fallbacks')} names alpaca"
        )
    if s.drop_copy.kafka_topic and not s.kafka.bootstrap:
        raise SettingsError(
            f"{s.kafka.var('bootstrap')} is required when {s.drop_copy.var('kafka_topic')} is set"
        )
    if s.hype.social_source == "kafka" and not s.kafka.bootstrap:
        raise SettingsError(
            f"{s.kafka.var('bootstrap')} is required when {s.hype.var('social_source')}=kafka"
        )
