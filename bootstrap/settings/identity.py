"""Identity and secrets at rest: tokens, sign-up, key-encryption keys, vault, KYC documents."""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from typing import Annotated, ClassVar, Literal

import msgspec

from adapters.security.key_providers import KeyConfigError, keks_from_file, parse_keks
from bootstrap.settings.base import PosInt, Secret, Section, SettingsError


class IdentitySettings(Section, frozen=True, kw_only=True):
    """Sign-in: tokens, their signing key, sign-up."""

    env_prefix: ClassVar[str] = ""

    jwt_private_key_file: str | None = None
    jwt_issuer: str = "bulwark"
    jwt_audience: str = "bulwark-api"
    access_token_ttl_seconds: PosInt = 900
    refresh_token_ttl_days: PosInt = 30
    # POST /api/v1/auth/signup creates `owner` users for anyone when true; off, it answers
    # 404 SIGNUP_CLOSED and people come in by an admin's invitation (docs/users.md).
    open_signup: bool = False

    def check(self) -> None:
        if self.jwt_private_key_file is not None and not Path(self.jwt_private_key_file).is_file():
            raise SettingsError(f"{self.var('jwt_private_key_file')}: expected a readable PEM file")
        if self.access_token_ttl_seconds >= self.refresh_token_ttl_days * 86_400:
            raise SettingsError(
                f"{self.var('access_token_ttl_seconds')}: expected less than the refresh token "
                f"lifetime ({self.var('refresh_token_ttl_days')})"
            )


class KeySettings(Section, frozen=True, kw_only=True):
    """Secrets at rest: the key-encryption keys, the legacy key, rotation, the API-key vault."""

    env_prefix: ClassVar[str] = ""

    # Legacy Fernet key: only reads secrets sealed before envelope encryption;
    # `bulwark keys rotate` re-seals them under a KEK, after which it may be removed.
    secret_key: Secret | None = None
    # Key-encryption keys (adapters/security/key_providers.py has the format): inline, or a
    # file; unset outside prod, a random KEK is made per process (secrets die with it).
    keks: Secret | None = None
    keks_file: str | None = None
    # Key rotation (docs/encryption.md): sealed records re-wrapped per batch (one
    # transaction and one checkpoint each) by `bulwark keys rotate` and the admin API.
    key_rotation_batch: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 500
    # API-key vault (docs/vault.md): how long a rotated-out key stays usable as a fallback
    # (0: not kept), and how often expiry warnings are sent and rotated-out keys purged.
    vault_rotation_grace_seconds: Annotated[int, msgspec.Meta(ge=0, le=30 * 86_400)] = 86_400
    vault_expiry_check_seconds: Annotated[float, msgspec.Meta(ge=1, le=86_400)] = 3600.0

    def check(self) -> None:
        """The legacy key is a Fernet key; the KEK configuration parses (one line naming the
        entry at fault, never key bytes)."""
        if self.secret_key is not None and not _is_fernet_key(self.secret_key.reveal()):
            raise SettingsError(
                f"{self.var('secret_key')}: expected a Fernet key (32 url-safe base64-encoded "
                "bytes, e.g. from cryptography.fernet.Fernet.generate_key())"
            )
        if self.keks is not None and self.keks_file is not None:
            raise SettingsError(f"set {self.var('keks')} or {self.var('keks_file')}, not both")
        try:
            if self.keks is not None:
                parse_keks(self.keks.reveal(), self.var("keks"))
            elif self.keks_file is not None:
                keks_from_file(Path(self.keks_file))
        except KeyConfigError as error:
            raise SettingsError(str(error)) from None


class KycSettings(Section, frozen=True, kw_only=True):
    """KYC documents: where their encrypted content is kept, their size and retention; the
    identity-verification provider."""

    env_prefix: ClassVar[str] = ""

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
    # How long a KYC verification lasts before it must be renewed (0: for ever).
    kyc_validity_days: Annotated[int, msgspec.Meta(ge=0, le=36_500)] = 730
    # Identity verification by Persona (docs/kyc.md): its API, the API key (unset: no
    # provider), the inquiry template, the secret its webhooks are signed with.
    persona_api_url: str = "https://withpersona.com"
    persona_api_key: Secret | None = None
    persona_template_id: str | None = None
    persona_webhook_secret: Secret | None = None

    def check(self) -> None:
        """Persona's URL is http(s) and its key comes with a template; the S3 document store
        needs its endpoint, bucket and key pair."""
        if not re.match(r"^https?://[^\s]+$", self.persona_api_url):
            raise SettingsError(f"{self.var('persona_api_url')}: expected an http(s):// URL")
        if self.persona_api_key is not None and not self.persona_template_id:
            raise SettingsError(
                f"{self.var('persona_template_id')} is required with {self.var('persona_api_key')}"
            )
        if self.documents_store != "s3":
            return
        needed = ("documents_s3_url", "documents_s3_bucket", "documents_s3_access_key_id",
                  "documents_s3_secret_access_key")  # fmt: skip
        missing = [self.var(f) for f in needed if getattr(self, f) is None]
        if missing:
            raise SettingsError(
                f"{', '.join(missing)} required when {self.var('documents_store')}=s3"
            )
        if not re.match(r"^https?://[^/\s]+/?$", self.documents_s3_url or ""):
            raise SettingsError(
                f"{self.var('documents_s3_url')}: expected http(s)://host[:port] (path-style S3)"
            )


def _is_fernet_key(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return False
