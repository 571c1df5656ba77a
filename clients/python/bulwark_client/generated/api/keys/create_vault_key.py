from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.vault_key_in import VaultKeyIn
from ...models.vault_key_out import VaultKeyOut
from typing import cast



def _get_kwargs(
    *,
    body: VaultKeyIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/vault/keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VaultKeyOut | None:
    if response.status_code == 201:
        response_201 = VaultKeyOut.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | VaultKeyOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VaultKeyIn,

) -> Response[Problem | VaultKeyOut]:
    """ Store a third-party API key (sealed at rest)

     The key id is masked (`PK…7XQ`) and the secret never comes back. `provider` is one of the allow-
    list, `scopes` ones it knows; `account_id` links a broker key to one of the caller's accounts (its
    broker credentials; one per account and provider: 409 VAULT_KEY_LINKED). 400 VALIDATION_ERROR names
    the bad field, 422 INVALID_VAULT_KEY for an unknown scope or a past expiry, 404 for another user's
    account, 409 VAULT_KEY_EPHEMERAL when no KEK is configured on a durable store.

    Args:
        body (VaultKeyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VaultKeyOut]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: VaultKeyIn,

) -> Problem | VaultKeyOut | None:
    """ Store a third-party API key (sealed at rest)

     The key id is masked (`PK…7XQ`) and the secret never comes back. `provider` is one of the allow-
    list, `scopes` ones it knows; `account_id` links a broker key to one of the caller's accounts (its
    broker credentials; one per account and provider: 409 VAULT_KEY_LINKED). 400 VALIDATION_ERROR names
    the bad field, 422 INVALID_VAULT_KEY for an unknown scope or a past expiry, 404 for another user's
    account, 409 VAULT_KEY_EPHEMERAL when no KEK is configured on a durable store.

    Args:
        body (VaultKeyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VaultKeyOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VaultKeyIn,

) -> Response[Problem | VaultKeyOut]:
    """ Store a third-party API key (sealed at rest)

     The key id is masked (`PK…7XQ`) and the secret never comes back. `provider` is one of the allow-
    list, `scopes` ones it knows; `account_id` links a broker key to one of the caller's accounts (its
    broker credentials; one per account and provider: 409 VAULT_KEY_LINKED). 400 VALIDATION_ERROR names
    the bad field, 422 INVALID_VAULT_KEY for an unknown scope or a past expiry, 404 for another user's
    account, 409 VAULT_KEY_EPHEMERAL when no KEK is configured on a durable store.

    Args:
        body (VaultKeyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VaultKeyOut]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: VaultKeyIn,

) -> Problem | VaultKeyOut | None:
    """ Store a third-party API key (sealed at rest)

     The key id is masked (`PK…7XQ`) and the secret never comes back. `provider` is one of the allow-
    list, `scopes` ones it knows; `account_id` links a broker key to one of the caller's accounts (its
    broker credentials; one per account and provider: 409 VAULT_KEY_LINKED). 400 VALIDATION_ERROR names
    the bad field, 422 INVALID_VAULT_KEY for an unknown scope or a past expiry, 404 for another user's
    account, 409 VAULT_KEY_EPHEMERAL when no KEK is configured on a durable store.

    Args:
        body (VaultKeyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VaultKeyOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
