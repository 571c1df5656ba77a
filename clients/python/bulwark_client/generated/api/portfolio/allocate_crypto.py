from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.crypto_in import CryptoIn
from ...models.crypto_out import CryptoOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: CryptoIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/planning/alternatives/crypto",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CryptoOut | Problem | None:
    if response.status_code == 200:
        response_200 = CryptoOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CryptoOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CryptoIn,

) -> Response[CryptoOut | Problem]:
    """ Crypto sleeve: capped market-cap weights (40 % an asset) above a floor

     Coins below `market_cap_floor` (default 1,000,000,000 in `currency`) are left out; the rest weighted
    by market cap, none above `max_weight` (at most 0.40, the rule), the excess re-spread over the
    uncapped. Fewer than 3 eligible coins cannot fill the sleeve under 40 %: the rest is `unallocated`.
    422 with a stable code naming the field: INVALID_ALTERNATIVES_INPUT, EMPTY_PORTFOLIO (no asset or
    fund), TOO_MANY_ASSETS (over 500).

    Args:
        body (CryptoIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CryptoOut | Problem]
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
    body: CryptoIn,

) -> CryptoOut | Problem | None:
    """ Crypto sleeve: capped market-cap weights (40 % an asset) above a floor

     Coins below `market_cap_floor` (default 1,000,000,000 in `currency`) are left out; the rest weighted
    by market cap, none above `max_weight` (at most 0.40, the rule), the excess re-spread over the
    uncapped. Fewer than 3 eligible coins cannot fill the sleeve under 40 %: the rest is `unallocated`.
    422 with a stable code naming the field: INVALID_ALTERNATIVES_INPUT, EMPTY_PORTFOLIO (no asset or
    fund), TOO_MANY_ASSETS (over 500).

    Args:
        body (CryptoIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CryptoOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CryptoIn,

) -> Response[CryptoOut | Problem]:
    """ Crypto sleeve: capped market-cap weights (40 % an asset) above a floor

     Coins below `market_cap_floor` (default 1,000,000,000 in `currency`) are left out; the rest weighted
    by market cap, none above `max_weight` (at most 0.40, the rule), the excess re-spread over the
    uncapped. Fewer than 3 eligible coins cannot fill the sleeve under 40 %: the rest is `unallocated`.
    422 with a stable code naming the field: INVALID_ALTERNATIVES_INPUT, EMPTY_PORTFOLIO (no asset or
    fund), TOO_MANY_ASSETS (over 500).

    Args:
        body (CryptoIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CryptoOut | Problem]
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
    body: CryptoIn,

) -> CryptoOut | Problem | None:
    """ Crypto sleeve: capped market-cap weights (40 % an asset) above a floor

     Coins below `market_cap_floor` (default 1,000,000,000 in `currency`) are left out; the rest weighted
    by market cap, none above `max_weight` (at most 0.40, the rule), the excess re-spread over the
    uncapped. Fewer than 3 eligible coins cannot fill the sleeve under 40 %: the rest is `unallocated`.
    422 with a stable code naming the field: INVALID_ALTERNATIVES_INPUT, EMPTY_PORTFOLIO (no asset or
    fund), TOO_MANY_ASSETS (over 500).

    Args:
        body (CryptoIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CryptoOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
