"""Broker credentials of an account: PUT, GET (masked) and DELETE, by the account's owner."""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, put
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.keys import KeysDep, problems
from adapters.http.keys.broker_credentials_schemas import BrokerCredentialsIn, BrokerCredentialsOut
from adapters.http.security import reject_agents

_STORED = {
    "account_id": "acc-alpaca-1",
    "broker": "alpaca",
    "key_id": "PK…7XQ",
    "paper": True,
    "updated_at": "2026-03-02T14:30:00Z",
}
# The 200 of a store and of a read: what is stored, the secret never.
_STORED_ANSWER = ResponseSpec(
    data_container=BrokerCredentialsOut,
    generate_examples=False,
    description="What is stored, secret left out",
    examples=[Example(summary="Alpaca paper keys", value=_STORED)],
)
_OWNER_ONLY = "Only the account's owner: 404 NOT_FOUND for another user's account, agents 403."


class BrokerCredentialController(Controller):
    """`/api/v1/accounts/{account_id}/broker-credentials`: the secret never comes back."""

    path = "/accounts/{account_id:str}/broker-credentials"
    guards = (reject_agents,)

    @put(
        "/",
        summary="Store the account's broker key pair (encrypted at rest)",
        description=(
            "Replaces what was stored; the account's broker calls use the new keys at once. "
            "The answer shows the key id masked and never the secret. "
            f"{_OWNER_ONLY} 400 VALIDATION_ERROR names the bad field; 409 VAULT_KEY_EPHEMERAL "
            "when BULWARK_SECRET_KEY is not set on a durable store (the keys would be "
            "unreadable after a restart)."
        ),
        responses={
            200: _STORED_ANSWER,
            **problems(400, 404, 409, 422, 429),
        },
        status_code=200,
    )
    async def store_broker_credentials(
        self,
        account_id: FromPath[str],
        data: JSONBody[BrokerCredentialsIn],
        caller: CallerDep,
        keys: KeysDep,
    ) -> BrokerCredentialsOut:
        info = await keys.broker_credentials.set(data.to_command(caller.principal, account_id))
        return BrokerCredentialsOut.from_domain(info)

    @get(
        "/",
        summary="The account's stored broker key pair, masked",
        description=f"404 NOT_FOUND when none is stored. {_OWNER_ONLY}",
        responses={
            200: _STORED_ANSWER,
            **problems(404, 429),
        },
    )
    async def get_broker_credentials(
        self, account_id: FromPath[str], caller: CallerDep, keys: KeysDep
    ) -> BrokerCredentialsOut:
        info = await keys.broker_credentials.show(caller.principal, account_id)
        return BrokerCredentialsOut.from_domain(info)

    @delete(
        "/",
        summary="Remove the account's broker key pair",
        description=(
            "204; the account's broker calls stop using the keys at once (then the settings' "
            f"keys serve it, if any). 404 NOT_FOUND when none is stored. {_OWNER_ONLY}"
        ),
        status_code=204,
        responses=problems(404, 429),
    )
    async def delete_broker_credentials(
        self, account_id: FromPath[str], caller: CallerDep, keys: KeysDep
    ) -> None:
        await keys.broker_credentials.remove(caller.principal, account_id)


CONTROLLERS: list[Any] = [BrokerCredentialController]
