from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.wallet_balances_in import WalletBalancesIn
from ...models.wallet_balances_out import WalletBalancesOut
from typing import cast



def _get_kwargs(
    *,
    body: WalletBalancesIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/crypto/wallets/balances",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WalletBalancesOut | None:
    if response.status_code == 200:
        response_200 = WalletBalancesOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WalletBalancesOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WalletBalancesIn,

) -> Response[Problem | WalletBalancesOut]:
    """ Native and ERC-20 balances of wallets on several chains, valued

     1 to 20 wallets (`chain_id`, `address`, `tokens`: at most 50 ERC-20 contracts each, 200 in all).
    Each chain is read at one block: eth_getBalance and balanceOf / decimals / symbol. Amounts are exact
    (raw / 10^decimals); assets are valued at the reference price of an instrument named like their
    symbol when there is one. 404 UNKNOWN_CHAIN naming `wallets[i].chain_id`; 422 NOT_AN_ERC20_TOKEN
    naming `wallets[i].tokens[j]`; 422 INVALID_CRYPTO_INPUT naming the field; 503 CHAIN_UNAVAILABLE with
    Retry-After: the chain source cannot answer (a timeout, a refused or failing endpoint, a JSON-RPC
    error, an endpoint serving another chain).

    Args:
        body (WalletBalancesIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WalletBalancesOut]
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
    body: WalletBalancesIn,

) -> Problem | WalletBalancesOut | None:
    """ Native and ERC-20 balances of wallets on several chains, valued

     1 to 20 wallets (`chain_id`, `address`, `tokens`: at most 50 ERC-20 contracts each, 200 in all).
    Each chain is read at one block: eth_getBalance and balanceOf / decimals / symbol. Amounts are exact
    (raw / 10^decimals); assets are valued at the reference price of an instrument named like their
    symbol when there is one. 404 UNKNOWN_CHAIN naming `wallets[i].chain_id`; 422 NOT_AN_ERC20_TOKEN
    naming `wallets[i].tokens[j]`; 422 INVALID_CRYPTO_INPUT naming the field; 503 CHAIN_UNAVAILABLE with
    Retry-After: the chain source cannot answer (a timeout, a refused or failing endpoint, a JSON-RPC
    error, an endpoint serving another chain).

    Args:
        body (WalletBalancesIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WalletBalancesOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WalletBalancesIn,

) -> Response[Problem | WalletBalancesOut]:
    """ Native and ERC-20 balances of wallets on several chains, valued

     1 to 20 wallets (`chain_id`, `address`, `tokens`: at most 50 ERC-20 contracts each, 200 in all).
    Each chain is read at one block: eth_getBalance and balanceOf / decimals / symbol. Amounts are exact
    (raw / 10^decimals); assets are valued at the reference price of an instrument named like their
    symbol when there is one. 404 UNKNOWN_CHAIN naming `wallets[i].chain_id`; 422 NOT_AN_ERC20_TOKEN
    naming `wallets[i].tokens[j]`; 422 INVALID_CRYPTO_INPUT naming the field; 503 CHAIN_UNAVAILABLE with
    Retry-After: the chain source cannot answer (a timeout, a refused or failing endpoint, a JSON-RPC
    error, an endpoint serving another chain).

    Args:
        body (WalletBalancesIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WalletBalancesOut]
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
    body: WalletBalancesIn,

) -> Problem | WalletBalancesOut | None:
    """ Native and ERC-20 balances of wallets on several chains, valued

     1 to 20 wallets (`chain_id`, `address`, `tokens`: at most 50 ERC-20 contracts each, 200 in all).
    Each chain is read at one block: eth_getBalance and balanceOf / decimals / symbol. Amounts are exact
    (raw / 10^decimals); assets are valued at the reference price of an instrument named like their
    symbol when there is one. 404 UNKNOWN_CHAIN naming `wallets[i].chain_id`; 422 NOT_AN_ERC20_TOKEN
    naming `wallets[i].tokens[j]`; 422 INVALID_CRYPTO_INPUT naming the field; 503 CHAIN_UNAVAILABLE with
    Retry-After: the chain source cannot answer (a timeout, a refused or failing endpoint, a JSON-RPC
    error, an endpoint serving another chain).

    Args:
        body (WalletBalancesIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WalletBalancesOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
