from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.connection_test_out import ConnectionTestOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    vault_key_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/vault/keys/{vault_key_id}/test".format(vault_key_id=quote(str(vault_key_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConnectionTestOut | Problem | None:
    if response.status_code == 200:
        response_200 = ConnectionTestOut.from_dict(response.json())



        return response_200

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConnectionTestOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    vault_key_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ConnectionTestOut | Problem]:
    """ Test an API key against its provider

     Through the adapter that uses it (Alpaca: GET /v2/account of the trading API). 200 with `outcome` ok
    / refused / unreachable and the provider's reason, never the secret; the use is in the key's access
    log as component `vault.test`. 409 VAULT_KEY_EXPIRED / VAULT_UNREADABLE when the key cannot be used,
    VAULT_TEST_UNSUPPORTED for a provider Bulwark cannot test. Only the key's owner: 404 NOT_FOUND for
    another user's key, agents 403.

    Args:
        vault_key_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectionTestOut | Problem]
     """


    kwargs = _get_kwargs(
        vault_key_id=vault_key_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    vault_key_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> ConnectionTestOut | Problem | None:
    """ Test an API key against its provider

     Through the adapter that uses it (Alpaca: GET /v2/account of the trading API). 200 with `outcome` ok
    / refused / unreachable and the provider's reason, never the secret; the use is in the key's access
    log as component `vault.test`. 409 VAULT_KEY_EXPIRED / VAULT_UNREADABLE when the key cannot be used,
    VAULT_TEST_UNSUPPORTED for a provider Bulwark cannot test. Only the key's owner: 404 NOT_FOUND for
    another user's key, agents 403.

    Args:
        vault_key_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectionTestOut | Problem
     """


    return sync_detailed(
        vault_key_id=vault_key_id,
client=client,

    ).parsed

async def asyncio_detailed(
    vault_key_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ConnectionTestOut | Problem]:
    """ Test an API key against its provider

     Through the adapter that uses it (Alpaca: GET /v2/account of the trading API). 200 with `outcome` ok
    / refused / unreachable and the provider's reason, never the secret; the use is in the key's access
    log as component `vault.test`. 409 VAULT_KEY_EXPIRED / VAULT_UNREADABLE when the key cannot be used,
    VAULT_TEST_UNSUPPORTED for a provider Bulwark cannot test. Only the key's owner: 404 NOT_FOUND for
    another user's key, agents 403.

    Args:
        vault_key_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectionTestOut | Problem]
     """


    kwargs = _get_kwargs(
        vault_key_id=vault_key_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    vault_key_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> ConnectionTestOut | Problem | None:
    """ Test an API key against its provider

     Through the adapter that uses it (Alpaca: GET /v2/account of the trading API). 200 with `outcome` ok
    / refused / unreachable and the provider's reason, never the secret; the use is in the key's access
    log as component `vault.test`. 409 VAULT_KEY_EXPIRED / VAULT_UNREADABLE when the key cannot be used,
    VAULT_TEST_UNSUPPORTED for a provider Bulwark cannot test. Only the key's owner: 404 NOT_FOUND for
    another user's key, agents 403.

    Args:
        vault_key_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectionTestOut | Problem
     """


    return (await asyncio_detailed(
        vault_key_id=vault_key_id,
client=client,

    )).parsed
