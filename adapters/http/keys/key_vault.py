"""`/api/v1/vault/keys`: the caller's third-party API keys; secrets go in, never out."""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.keys import KeysDep, problems
from adapters.http.keys.key_vault_schemas import (
    ConnectionTestOut,
    KeyAccessListOut,
    VaultKeyIn,
    VaultKeyListOut,
    VaultKeyOut,
    VaultKeyPatchIn,
    VaultKeyRotateIn,
)
from adapters.http.security import reject_agents
from adapters.http.step_up import require_step_up

_OWNER_ONLY = "Only the key's owner: 404 NOT_FOUND for another user's key, agents 403."
_MASKED = "The key id is masked (`PK…7XQ`) and the secret never comes back."
_STEP_UP = " 403 STEP_UP_REQUIRED from an untrusted device of a user with MFA (docs/devices.md)."


class KeyVaultController(Controller):
    """The API-key vault (docs/vault.md)."""

    path = "/vault/keys"
    guards = (reject_agents,)

    @post(
        "/",
        summary="Store a third-party API key (sealed at rest)",
        description=(
            f"{_MASKED} `provider` is one of the allow-list, `scopes` ones it knows; "
            "`account_id` links a broker key to one of the caller's accounts (its broker "
            "credentials; one per account and provider: 409 VAULT_KEY_LINKED). 400 "
            "VALIDATION_ERROR names the bad field, 422 INVALID_VAULT_KEY for an unknown scope "
            "or a past expiry, 404 for another user's account, 409 VAULT_KEY_EPHEMERAL when "
            "no KEK is configured on a durable store."
        ),
        status_code=201,
        guards=[require_step_up],
        responses=problems(400, 404, 409, 422, 429),
    )
    async def create_vault_key(
        self, data: JSONBody[VaultKeyIn], caller: CallerDep, keys: KeysDep
    ) -> VaultKeyOut:
        key = await keys.key_vault.create(data.to_command(caller.principal))
        return VaultKeyOut.from_domain(key, keys.clock.now())

    @get(
        "/",
        summary="The caller's API keys, masked",
        description=_MASKED,
        responses=problems(429),
    )
    async def list_vault_keys(self, caller: CallerDep, keys: KeysDep) -> VaultKeyListOut:
        found = await keys.key_vault.list(caller.principal)
        return VaultKeyListOut.of(found, keys.clock.now())

    @get(
        "/{vault_key_id:str}",
        summary="One API key, masked",
        description=f"{_MASKED} {_OWNER_ONLY}",
        responses=problems(404, 429),
    )
    async def get_vault_key(
        self, vault_key_id: FromPath[str], caller: CallerDep, keys: KeysDep
    ) -> VaultKeyOut:
        key = await keys.key_vault.show(caller.principal, vault_key_id)
        return VaultKeyOut.from_domain(key, keys.clock.now())

    @patch(
        "/{vault_key_id:str}",
        summary="Change an API key's label, scopes or expiry",
        description=(
            "A field left out stays; `expires_at: null` removes the expiry (a new expiry "
            "restarts the warnings). 409 CONCURRENT_UPDATE when the key was rotated meanwhile "
            f"(read it and retry). {_OWNER_ONLY}"
        ),
        guards=[require_step_up],
        responses=problems(400, 404, 409, 422, 429),
    )
    async def update_vault_key(
        self,
        vault_key_id: FromPath[str],
        data: JSONBody[VaultKeyPatchIn],
        caller: CallerDep,
        keys: KeysDep,
    ) -> VaultKeyOut:
        key = await keys.key_vault.update(data.to_command(caller.principal, vault_key_id))
        return VaultKeyOut.from_domain(key, keys.clock.now())

    @delete(
        "/{vault_key_id:str}",
        summary="Remove an API key",
        description=f"204; its users (a linked account's broker) stop at once. {_OWNER_ONLY}",
        status_code=204,
        guards=[require_step_up],
        responses=problems(404, 429),
    )
    async def delete_vault_key(
        self, vault_key_id: FromPath[str], caller: CallerDep, keys: KeysDep
    ) -> None:
        await keys.key_vault.delete(caller.principal, vault_key_id)

    @post(
        "/{vault_key_id:str}/rotate",
        summary="Rotate an API key: a new secret (and key id), the old one kept for a grace",
        description=(
            "The new pair is used at once; the previous one is kept sealed until "
            "`previous_until` (BULWARK_VAULT_ROTATION_GRACE_SECONDS) and offered to the "
            "consuming adapter only when the provider refuses the new one, then purged. "
            f"{_MASKED} {_OWNER_ONLY} 409 VAULT_KEY_EPHEMERAL as for create."
        ),
        status_code=200,
        guards=[require_step_up],
        responses=problems(400, 404, 409, 422, 429),
    )
    async def rotate_vault_key(
        self,
        vault_key_id: FromPath[str],
        data: JSONBody[VaultKeyRotateIn],
        caller: CallerDep,
        keys: KeysDep,
    ) -> VaultKeyOut:
        key = await keys.key_vault.rotate(data.to_command(caller.principal, vault_key_id))
        return VaultKeyOut.from_domain(key, keys.clock.now())

    @post(
        "/{vault_key_id:str}/test",
        summary="Test an API key against its provider",
        description=(
            "Through the adapter that uses it (Alpaca: GET /v2/account of the trading API). "
            "200 with `outcome` ok / refused / unreachable and the provider's reason, never "
            "the secret; the use is in the key's access log as component `vault.test`. 409 "
            "VAULT_KEY_EXPIRED / VAULT_UNREADABLE when the key cannot be used, "
            f"VAULT_TEST_UNSUPPORTED for a provider Bulwark cannot test. {_OWNER_ONLY}"
        ),
        status_code=200,
        responses=problems(404, 409, 429),
    )
    async def test_vault_key(
        self, vault_key_id: FromPath[str], caller: CallerDep, keys: KeysDep
    ) -> ConnectionTestOut:
        report = await keys.key_vault.test(caller.principal, vault_key_id)
        return ConnectionTestOut.from_domain(report)

    @get(
        "/{vault_key_id:str}/access",
        summary="Who used an API key, when, from which component, and how it ended",
        description=f"Newest first, the last 200. {_OWNER_ONLY}",
        responses=problems(404, 429),
    )
    async def list_vault_key_access(
        self, vault_key_id: FromPath[str], caller: CallerDep, keys: KeysDep
    ) -> KeyAccessListOut:
        accesses = await keys.key_vault.accesses(caller.principal, vault_key_id)
        return KeyAccessListOut.of(accesses)


CONTROLLERS: list[Any] = [KeyVaultController]
