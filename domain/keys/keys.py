"""Third-party API keys as the vault keeps them: providers, scopes, masking, expiry, rotation.

A key is stored per user with its key id and secret sealed (ciphertext only: the texts here
are opaque to the domain), a masked hint to recognise it by, optional expiry, and optionally
linked to one of the user's trading accounts (that link is how an account's broker
credentials are expressed). Rotation keeps the previous pair for a grace period so a
consuming adapter can fall back to it while the new one is being propagated by the provider.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import DomainError

RECORD_TYPE = "vault_key"  # prefix of the sealed fields' record types (below)


def sealed_record_type(column: str) -> str:
    """The associated data's record type of one sealed column: `vault_key.key_id` or
    `vault_key.secret` (a previous generation keeps its field's type), so the key id and the
    secret of one key cannot be swapped for each other in the table."""
    return f"{RECORD_TYPE}.{'secret' if column.endswith('secret') else 'key_id'}"


MAX_LABEL = 120
MAX_SECRET = 256
# Days before expiry at which the owner is warned once each; 0 is the expiry itself.
WARNING_DAYS = (14, 3, 1, 0)
_HEAD, _TAIL = 2, 3  # characters of the key id shown before and after the ellipsis
_MIN_MASKED = 12  # a shorter key id is shown as the ellipsis alone


def mask_key_id(key_id: str) -> str:
    """`PKA1B2C3D4E5F6G7XQ` -> `PK…7XQ`: enough to recognise a key, not enough to use it."""
    if len(key_id) < _MIN_MASKED:
        return "…"
    return f"{key_id[:_HEAD]}…{key_id[-_TAIL:]}"


class ProviderKind(StrEnum):
    BROKER = "broker"  # an exchange or broker: trades, can be linked to a trading account
    DATA = "data"  # a market-data provider


@dataclass(frozen=True, slots=True)
class Provider:
    """One allowed provider: what it is and which scopes its keys may carry."""

    name: str
    kind: ProviderKind
    scopes: frozenset[str]
    description: str


# The one allow-list of providers the vault accepts (add a provider here, and its tester in
# bootstrap/key_vault.py if Bulwark can test its keys).
PROVIDERS: dict[str, Provider] = {
    p.name: p
    for p in (
        Provider(
            "alpaca",
            ProviderKind.BROKER,
            frozenset({"trading", "market_data", "account_read"}),
            "Alpaca: broker (trading API) and market data",
        ),
        Provider(
            "tradier",
            ProviderKind.BROKER,
            frozenset({"trading", "account_read"}),
            "Tradier: broker (an access token; the key id is the account number it trades)",
        ),
        Provider(
            "ccxt",
            ProviderKind.BROKER,
            frozenset({"trading", "account_read"}),
            "A crypto venue through ccxt (its venue connection names the exchange)",
        ),
        Provider(
            "polygon",
            ProviderKind.DATA,
            frozenset({"market_data", "reference_data"}),
            "Polygon.io: market and reference data",
        ),
        Provider(
            "finnhub",
            ProviderKind.DATA,
            frozenset({"market_data", "reference_data"}),
            "Finnhub: market and reference data",
        ),
        Provider(
            "alphavantage",
            ProviderKind.DATA,
            frozenset({"market_data", "reference_data"}),
            "Alpha Vantage: market and reference data",
        ),
        Provider(
            "twelvedata",
            ProviderKind.DATA,
            frozenset({"market_data", "reference_data"}),
            "Twelve Data: market and reference data (the key is the secret)",
        ),
        Provider(
            "databento",
            ProviderKind.DATA,
            frozenset({"market_data"}),
            "Databento: historical market data (the key is the secret)",
        ),
    )
}


class InvalidVaultKey(DomainError):
    """A field of a vault key is malformed: unknown provider or scope, empty label, ..."""

    code = "INVALID_VAULT_KEY"


def check_provider(name: str) -> Provider:
    provider = PROVIDERS.get(name)
    if provider is None:
        raise InvalidVaultKey(f"field `provider` must be one of: {', '.join(sorted(PROVIDERS))}")
    return provider


def check_scopes(provider: Provider, scopes: Iterable[str]) -> tuple[str, ...]:
    """The scopes sorted and deduplicated; each must be one the provider knows."""
    chosen = tuple(sorted(set(scopes)))
    if not chosen:
        raise InvalidVaultKey("field `scopes` must name at least one scope")
    unknown = [s for s in chosen if s not in provider.scopes]
    if unknown:
        known = ", ".join(sorted(provider.scopes))
        raise InvalidVaultKey(f"field `scopes`: {provider.name} knows only {known}")
    return chosen


def check_label(label: str) -> str:
    if not label.strip() or len(label) > MAX_LABEL or not label.isprintable():
        raise InvalidVaultKey(f"field `label` must be 1 to {MAX_LABEL} printable characters")
    return label.strip()


def check_secret(name: str, value: str) -> str:
    if not value or any(c.isspace() for c in value):
        raise InvalidVaultKey(f"field `{name}` must be non-empty, without spaces")
    if len(value) > MAX_SECRET or not value.isprintable():
        raise InvalidVaultKey(f"field `{name}` must be printable, at most {MAX_SECRET} characters")
    return value


@dataclass(frozen=True, slots=True)
class SealedPair:
    """A key id and its secret, each sealed (ciphertext texts; opaque here)."""

    key_id: str = field(repr=False)
    secret: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class VaultKey:
    """One stored key. `pair` is current; `previous` the pair before the last rotation,
    kept (sealed, unchanged) until `previous_until`, then purged. `warned` holds the
    WARNING_DAYS thresholds already notified, so each is sent once per expiry date."""

    id: str
    owner_id: str
    provider: str
    label: str
    scopes: tuple[str, ...]
    key_hint: str
    pair: SealedPair
    created_at: datetime
    account_id: str | None = None
    paper: bool = True
    expires_at: datetime | None = None
    rotated_at: datetime | None = None
    last_used_at: datetime | None = None
    previous: SealedPair | None = None
    previous_until: datetime | None = None
    warned: tuple[int, ...] = ()

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now

    def in_grace(self, now: datetime) -> bool:
        """Whether the previous pair may still be used (strictly before `previous_until`)."""
        return (
            self.previous is not None
            and self.previous_until is not None
            and now < self.previous_until
        )

    @property
    def updated_at(self) -> datetime:
        return self.rotated_at or self.created_at

    def rotated(
        self, pair: SealedPair, hint: str, now: datetime, grace: timedelta, *, paper: bool
    ) -> VaultKey:
        """The key on a new pair; the old pair kept for `grace` (none kept when it is zero)."""
        keep = grace > timedelta(0)
        return replace(
            self,
            pair=pair,
            key_hint=hint,
            paper=paper,
            rotated_at=now,
            previous=self.pair if keep else None,
            previous_until=now + grace if keep else None,
        )

    def purged(self, now: datetime) -> VaultKey:
        """The key without a previous pair whose grace has run out (itself otherwise)."""
        if self.previous is None or self.in_grace(now):
            return self
        return replace(self, previous=None, previous_until=None)

    def with_expiry(self, expires_at: datetime | None) -> VaultKey:
        """A new expiry date starts the warnings over."""
        return replace(self, expires_at=expires_at, warned=())


def due_warning(key: VaultKey, now: datetime) -> int | None:
    """The threshold (days) to notify now, or None: the smallest one crossed and not sent.

    Crossing several at once (a key created 2 days before expiry) sends one warning, the
    most urgent; the others crossed are marked sent with it (see `warned_through`).
    """
    if key.expires_at is None:
        return None
    left = key.expires_at - now
    crossed = [d for d in WARNING_DAYS if left <= timedelta(days=d)]
    if not crossed:
        return None
    most_urgent = min(crossed)
    return None if most_urgent in key.warned else most_urgent


def warned_through(key: VaultKey, threshold: int) -> VaultKey:
    sent = {*key.warned, *(d for d in WARNING_DAYS if d >= threshold)}
    return replace(key, warned=tuple(sorted(sent, reverse=True)))
