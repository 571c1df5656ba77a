"""Configuration from BULWARK_* environment variables and an optional .env file.

One section per context (`core.py`, `kafka.py`, ...), each a struct with its own `check()`,
composed into `Settings` (`composed.py`); `loader.py` maps every BULWARK_* name to its
section's field. `settings.kafka.bootstrap` is BULWARK_KAFKA_BOOTSTRAP.

Adding a setting:

1. Add the field to its context's section, with its type, bounds, default and a comment.
   Its variable is BULWARK_ + the section's `env_prefix` + the field name, in upper case:
   `lock_timeout_ms` in `StoreSettings` (prefix "db_") is BULWARK_DB_LOCK_TIMEOUT_MS. A
   variable that does not follow the prefix goes in the section's `env_names`
   (`{"lock_timeout_ms": "store_lock_timeout_ms"}` for BULWARK_STORE_LOCK_TIMEOUT_MS).
2. A rule about it goes in the section's `check()`, one `SettingsError` line naming
   `self.var("field")`; a rule that needs another section goes in `composed._check_across`.
3. Add `# BULWARK_...=<default>` with its comment under the section's banner in .env.example
   (a test holds .env.example to every setting and its default).
4. Read it as `settings.<section>.<field>`. If its value cannot be made from its type
   (a pattern, a secret, a path), give the round-trip test one in its EXPLICIT table.

A new section: a `Section` subclass (frozen, kw_only) in its context's module, a field
`name: ItsSettings = _section(ItsSettings)` on `Settings`, and a banner in .env.example.
"""

from __future__ import annotations

from bootstrap.settings.base import PREFIX, REDACTED, Secret, Section, SettingsError, env_name
from bootstrap.settings.composed import FLAT_FIELDS, SECTIONS, Settings
from bootstrap.settings.loader import ENVIRONMENT_ONLY, load_settings, setting_sources
from bootstrap.settings.store import DEFAULT_DATABASE_URL

__all__ = [
    "DEFAULT_DATABASE_URL",
    "ENVIRONMENT_ONLY",
    "FLAT_FIELDS",
    "PREFIX",
    "REDACTED",
    "SECTIONS",
    "Secret",
    "Section",
    "Settings",
    "SettingsError",
    "chain_rpc_endpoints",
    "engagement_weight_pairs",
    "env_name",
    "fear_greed_weight_pairs",
    "load_settings",
    "setting_sources",
    "source_weight_pairs",
]


def source_weight_pairs(s: Settings) -> dict[str, float]:
    """BULWARK_SENTIMENT_SOURCE_WEIGHTS as {source: weight}; SettingsError naming a bad pair."""
    return s.news.source_weight_pairs()


def chain_rpc_endpoints(s: Settings) -> dict[int, str]:
    """BULWARK_CHAIN_RPC_URLS as {chain id: URL}; SettingsError never quoting a URL."""
    return s.markets.rpc_endpoints()


def fear_greed_weight_pairs(s: Settings) -> dict[str, float]:
    """BULWARK_FEAR_GREED_WEIGHTS as {input: weight} summing to 1 (empty: the defaults)."""
    return s.fear_greed.weight_pairs()


def engagement_weight_pairs(s: Settings) -> dict[str, float]:
    """BULWARK_HYPE_ENGAGEMENT_WEIGHTS as {count: weight} (the others keep their defaults)."""
    return s.hype.engagement_weight_pairs()
