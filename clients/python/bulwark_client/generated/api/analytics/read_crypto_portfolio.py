from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.crypto_portfolio_out import CryptoPortfolioOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/crypto/portfolio",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CryptoPortfolioOut | Problem | None:
    if response.status_code == 200:
        response_200 = CryptoPortfolioOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CryptoPortfolioOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[CryptoPortfolioOut | Problem]:
    """ The caller's crypto portfolio: every stored wallet read and added up per asset

     All the caller's stored wallets read at once (the chains concurrently, one block per chain, named in
    `chains`), valued at reference prices, and added up per asset across wallets and chains: amount,
    value, share of the priced total, the holdings behind it; `unpriced` lists the assets without a
    price. No wallet: an empty portfolio. A field of a refusal names the stored wallet
    (`wallets[<id>].tokens[j]`). 404 UNKNOWN_CHAIN; 422 NOT_AN_ERC20_TOKEN; 503 CHAIN_UNAVAILABLE with
    Retry-After: the chain source cannot answer (a timeout, a refused or failing endpoint, a JSON-RPC
    error; a fixture chain without gas fees).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CryptoPortfolioOut | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> CryptoPortfolioOut | Problem | None:
    """ The caller's crypto portfolio: every stored wallet read and added up per asset

     All the caller's stored wallets read at once (the chains concurrently, one block per chain, named in
    `chains`), valued at reference prices, and added up per asset across wallets and chains: amount,
    value, share of the priced total, the holdings behind it; `unpriced` lists the assets without a
    price. No wallet: an empty portfolio. A field of a refusal names the stored wallet
    (`wallets[<id>].tokens[j]`). 404 UNKNOWN_CHAIN; 422 NOT_AN_ERC20_TOKEN; 503 CHAIN_UNAVAILABLE with
    Retry-After: the chain source cannot answer (a timeout, a refused or failing endpoint, a JSON-RPC
    error; a fixture chain without gas fees).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CryptoPortfolioOut | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[CryptoPortfolioOut | Problem]:
    """ The caller's crypto portfolio: every stored wallet read and added up per asset

     All the caller's stored wallets read at once (the chains concurrently, one block per chain, named in
    `chains`), valued at reference prices, and added up per asset across wallets and chains: amount,
    value, share of the priced total, the holdings behind it; `unpriced` lists the assets without a
    price. No wallet: an empty portfolio. A field of a refusal names the stored wallet
    (`wallets[<id>].tokens[j]`). 404 UNKNOWN_CHAIN; 422 NOT_AN_ERC20_TOKEN; 503 CHAIN_UNAVAILABLE with
    Retry-After: the chain source cannot answer (a timeout, a refused or failing endpoint, a JSON-RPC
    error; a fixture chain without gas fees).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CryptoPortfolioOut | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> CryptoPortfolioOut | Problem | None:
    """ The caller's crypto portfolio: every stored wallet read and added up per asset

     All the caller's stored wallets read at once (the chains concurrently, one block per chain, named in
    `chains`), valued at reference prices, and added up per asset across wallets and chains: amount,
    value, share of the priced total, the holdings behind it; `unpriced` lists the assets without a
    price. No wallet: an empty portfolio. A field of a refusal names the stored wallet
    (`wallets[<id>].tokens[j]`). 404 UNKNOWN_CHAIN; 422 NOT_AN_ERC20_TOKEN; 503 CHAIN_UNAVAILABLE with
    Retry-After: the chain source cannot answer (a timeout, a refused or failing endpoint, a JSON-RPC
    error; a fixture chain without gas fees).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CryptoPortfolioOut | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
