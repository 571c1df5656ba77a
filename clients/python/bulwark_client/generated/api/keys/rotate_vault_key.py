from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.vault_key_out import VaultKeyOut
from ...models.vault_key_rotate_in import VaultKeyRotateIn
from typing import cast



def _get_kwargs(
    vault_key_id: str,
    *,
    body: VaultKeyRotateIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/vault/keys/{vault_key_id}/rotate".format(vault_key_id=quote(str(vault_key_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VaultKeyOut | None:
    if response.status_code == 200:
        response_200 = VaultKeyOut.from_dict(response.json())



        return response_200

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
    vault_key_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VaultKeyRotateIn,

) -> Response[Problem | VaultKeyOut]:
    """ Rotate an API key: a new secret (and key id), the old one kept for a grace

     The new pair is used at once; the previous one is kept sealed until `previous_until`
    (BULWARK_VAULT_ROTATION_GRACE_SECONDS) and offered to the consuming adapter only when the provider
    refuses the new one, then purged. The key id is masked (`PK…7XQ`) and the secret never comes back.
    Only the key's owner: 404 NOT_FOUND for another user's key, agents 403. 409 VAULT_KEY_EPHEMERAL as
    for create.

    Args:
        vault_key_id (str):
        body (VaultKeyRotateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VaultKeyOut]
     """


    kwargs = _get_kwargs(
        vault_key_id=vault_key_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    vault_key_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VaultKeyRotateIn,

) -> Problem | VaultKeyOut | None:
    """ Rotate an API key: a new secret (and key id), the old one kept for a grace

     The new pair is used at once; the previous one is kept sealed until `previous_until`
    (BULWARK_VAULT_ROTATION_GRACE_SECONDS) and offered to the consuming adapter only when the provider
    refuses the new one, then purged. The key id is masked (`PK…7XQ`) and the secret never comes back.
    Only the key's owner: 404 NOT_FOUND for another user's key, agents 403. 409 VAULT_KEY_EPHEMERAL as
    for create.

    Args:
        vault_key_id (str):
        body (VaultKeyRotateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VaultKeyOut
     """


    return sync_detailed(
        vault_key_id=vault_key_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    vault_key_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VaultKeyRotateIn,

) -> Response[Problem | VaultKeyOut]:
    """ Rotate an API key: a new secret (and key id), the old one kept for a grace

     The new pair is used at once; the previous one is kept sealed until `previous_until`
    (BULWARK_VAULT_ROTATION_GRACE_SECONDS) and offered to the consuming adapter only when the provider
    refuses the new one, then purged. The key id is masked (`PK…7XQ`) and the secret never comes back.
    Only the key's owner: 404 NOT_FOUND for another user's key, agents 403. 409 VAULT_KEY_EPHEMERAL as
    for create.

    Args:
        vault_key_id (str):
        body (VaultKeyRotateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VaultKeyOut]
     """


    kwargs = _get_kwargs(
        vault_key_id=vault_key_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    vault_key_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VaultKeyRotateIn,

) -> Problem | VaultKeyOut | None:
    """ Rotate an API key: a new secret (and key id), the old one kept for a grace

     The new pair is used at once; the previous one is kept sealed until `previous_until`
    (BULWARK_VAULT_ROTATION_GRACE_SECONDS) and offered to the consuming adapter only when the provider
    refuses the new one, then purged. The key id is masked (`PK…7XQ`) and the secret never comes back.
    Only the key's owner: 404 NOT_FOUND for another user's key, agents 403. 409 VAULT_KEY_EPHEMERAL as
    for create.

    Args:
        vault_key_id (str):
        body (VaultKeyRotateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VaultKeyOut
     """


    return (await asyncio_detailed(
        vault_key_id=vault_key_id,
client=client,
body=body,

    )).parsed
