"""In-process credential vault: the same encrypted records the SQL table holds, in a dict."""

from __future__ import annotations

from datetime import datetime

from ports.identity import SecretCipher
from ports.vault import BrokerCredentials, CredentialsInfo, SealedCredentials, seal, unseal


class InMemoryCredentialVault:
    """A CredentialVault in a dict; encrypted like the SQL one, gone with the process."""

    durable = False

    def __init__(self, cipher: SecretCipher) -> None:
        self._cipher = cipher
        self._sealed: dict[str, SealedCredentials] = {}

    def sealed(self, account_id: str) -> SealedCredentials | None:
        """The record as stored (what a test inspects to see ciphertext at rest)."""
        return self._sealed.get(account_id)

    async def put(
        self, account_id: str, owner_id: str, credentials: BrokerCredentials, at: datetime
    ) -> CredentialsInfo:
        sealed = seal(self._cipher, account_id, owner_id, credentials, at)
        self._sealed[account_id] = sealed
        return sealed.info

    async def get(self, account_id: str) -> BrokerCredentials | None:
        sealed = self._sealed.get(account_id)
        return None if sealed is None else unseal(self._cipher, sealed)

    async def describe(self, account_id: str) -> CredentialsInfo | None:
        sealed = self._sealed.get(account_id)
        return None if sealed is None else sealed.info

    async def delete(self, account_id: str) -> bool:
        return self._sealed.pop(account_id, None) is not None
