"""Credential vault port: an account's broker API keys, encrypted at rest, read back by brokers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from ports.identity import SecretCipher

_HEAD, _TAIL = 2, 3  # characters of the key id shown before and after the ellipsis
_MIN_MASKED = 12  # a shorter key id is shown as the ellipsis alone


def mask_key_id(key_id: str) -> str:
    """`PKA1B2C3D4E5F6G7XQ` -> `PK…7XQ`: enough to recognise a key, not enough to use it."""
    if len(key_id) < _MIN_MASKED:
        return "…"
    return f"{key_id[:_HEAD]}…{key_id[-_TAIL:]}"


@dataclass(frozen=True, slots=True)
class BrokerCredentials:
    """A broker API key pair of one account; neither the secret nor the key id is in a repr."""

    broker: str
    key_id: str = field(repr=False)
    secret_key: str = field(repr=False)
    paper: bool = True

    def __repr__(self) -> str:
        hint = mask_key_id(self.key_id)
        return f"BrokerCredentials(broker={self.broker!r}, key_id={hint!r}, paper={self.paper})"

    __str__ = __repr__


@dataclass(frozen=True, slots=True)
class CredentialsInfo:
    """What may be shown of stored credentials: the broker, a masked key id, never the secret."""

    account_id: str
    owner_id: str
    broker: str
    key_hint: str
    paper: bool
    updated_at: datetime


class VaultUnreadable(Exception):
    """Stored credentials cannot be decrypted with the current key (BULWARK_SECRET_KEY changed)."""

    code = "VAULT_UNREADABLE"

    def __init__(self, account_id: str) -> None:
        super().__init__(
            f"the broker credentials of account {account_id} cannot be decrypted with the "
            "current BULWARK_SECRET_KEY; set the key they were stored with, or store them again"
        )
        self.account_id = account_id


@dataclass(frozen=True, slots=True)
class SealedCredentials:
    """One stored record: the key id and the secret as ciphertext, the rest in the clear."""

    info: CredentialsInfo
    key_id_ciphertext: str
    secret_ciphertext: str


def seal(
    cipher: SecretCipher,
    account_id: str,
    owner_id: str,
    credentials: BrokerCredentials,
    at: datetime,
) -> SealedCredentials:
    info = CredentialsInfo(
        account_id=account_id,
        owner_id=owner_id,
        broker=credentials.broker,
        key_hint=mask_key_id(credentials.key_id),
        paper=credentials.paper,
        updated_at=at,
    )
    return SealedCredentials(
        info, cipher.encrypt(credentials.key_id), cipher.encrypt(credentials.secret_key)
    )


def unseal(cipher: SecretCipher, sealed: SealedCredentials) -> BrokerCredentials:
    """The plaintext credentials, or VaultUnreadable when the key cannot open them."""
    try:
        key_id = cipher.decrypt(sealed.key_id_ciphertext)
        secret = cipher.decrypt(sealed.secret_ciphertext)
    except ValueError:
        raise VaultUnreadable(sealed.info.account_id) from None
    return BrokerCredentials(sealed.info.broker, key_id, secret, sealed.info.paper)


class CredentialVault(Protocol):
    """Broker credentials by account id, at most one set per account.

    `put` stores (or replaces) the account's credentials with the key id and the secret
    encrypted, and returns what `describe` will show. `get` decrypts them, None when
    none are stored, VaultUnreadable when the stored ciphertext does not open with the
    current key. `describe` needs no key. `delete` returns whether something was removed.
    `durable` says whether entries outlive the process (a SQL store), which matters
    when the encryption key itself does not.
    """

    durable: bool

    async def put(
        self, account_id: str, owner_id: str, credentials: BrokerCredentials, at: datetime
    ) -> CredentialsInfo: ...

    async def get(self, account_id: str) -> BrokerCredentials | None: ...

    async def describe(self, account_id: str) -> CredentialsInfo | None: ...

    async def delete(self, account_id: str) -> bool: ...
