from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.crypto_wallet_change_in import CryptoWalletChangeIn
from ...models.crypto_wallet_out import CryptoWalletOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    wallet_id: str,
    *,
    body: CryptoWalletChangeIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/crypto/wallets/{wallet_id}".format(wallet_id=quote(str(wallet_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CryptoWalletOut | Problem | None:
    if response.status_code == 200:
        response_200 = CryptoWalletOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CryptoWalletOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    wallet_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CryptoWalletChangeIn,

) -> Response[CryptoWalletOut | Problem]:
    """ Change a stored wallet's label or its tokens

     `tokens` replaces the whole list. To move a wallet to another chain or address, delete it and keep a
    new one. 409 TOO_MANY_CRYPTO_WALLETS past 200 tokens in all; 422 INVALID_CRYPTO_INPUT naming the
    field. Audited.

    Args:
        wallet_id (str):
        body (CryptoWalletChangeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CryptoWalletOut | Problem]
     """


    kwargs = _get_kwargs(
        wallet_id=wallet_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    wallet_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CryptoWalletChangeIn,

) -> CryptoWalletOut | Problem | None:
    """ Change a stored wallet's label or its tokens

     `tokens` replaces the whole list. To move a wallet to another chain or address, delete it and keep a
    new one. 409 TOO_MANY_CRYPTO_WALLETS past 200 tokens in all; 422 INVALID_CRYPTO_INPUT naming the
    field. Audited.

    Args:
        wallet_id (str):
        body (CryptoWalletChangeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CryptoWalletOut | Problem
     """


    return sync_detailed(
        wallet_id=wallet_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    wallet_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CryptoWalletChangeIn,

) -> Response[CryptoWalletOut | Problem]:
    """ Change a stored wallet's label or its tokens

     `tokens` replaces the whole list. To move a wallet to another chain or address, delete it and keep a
    new one. 409 TOO_MANY_CRYPTO_WALLETS past 200 tokens in all; 422 INVALID_CRYPTO_INPUT naming the
    field. Audited.

    Args:
        wallet_id (str):
        body (CryptoWalletChangeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CryptoWalletOut | Problem]
     """


    kwargs = _get_kwargs(
        wallet_id=wallet_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    wallet_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CryptoWalletChangeIn,

) -> CryptoWalletOut | Problem | None:
    """ Change a stored wallet's label or its tokens

     `tokens` replaces the whole list. To move a wallet to another chain or address, delete it and keep a
    new one. 409 TOO_MANY_CRYPTO_WALLETS past 200 tokens in all; 422 INVALID_CRYPTO_INPUT naming the
    field. Audited.

    Args:
        wallet_id (str):
        body (CryptoWalletChangeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CryptoWalletOut | Problem
     """


    return (await asyncio_detailed(
        wallet_id=wallet_id,
client=client,
body=body,

    )).parsed
