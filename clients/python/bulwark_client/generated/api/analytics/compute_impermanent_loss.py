from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.impermanent_loss_in import ImpermanentLossIn
from ...models.impermanent_loss_out import ImpermanentLossOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: ImpermanentLossIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/crypto/impermanent-loss",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImpermanentLossOut | Problem | None:
    if response.status_code == 200:
        response_200 = ImpermanentLossOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImpermanentLossOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImpermanentLossIn,

) -> Response[ImpermanentLossOut | Problem]:
    """ Impermanent loss of a v2 (constant product) or v3 (range) position vs holding

     A position opened at `entry_price` (token1 per token0) with `deposit` (token1), over the full range
    (Uniswap v2) or `range` [lower, upper] (v3), valued at each of `prices` (1 to 10,000) against
    holding the entry amounts: token amounts, LP and hold values, the loss and IL = lp / hold - 1 (<= 0;
    fees not counted). Exact Decimals (34 digits). 422 INVALID_CRYPTO_INPUT naming the field
    (`prices[3]`, `range.lower`, ...).

    Args:
        body (ImpermanentLossIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImpermanentLossOut | Problem]
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
    body: ImpermanentLossIn,

) -> ImpermanentLossOut | Problem | None:
    """ Impermanent loss of a v2 (constant product) or v3 (range) position vs holding

     A position opened at `entry_price` (token1 per token0) with `deposit` (token1), over the full range
    (Uniswap v2) or `range` [lower, upper] (v3), valued at each of `prices` (1 to 10,000) against
    holding the entry amounts: token amounts, LP and hold values, the loss and IL = lp / hold - 1 (<= 0;
    fees not counted). Exact Decimals (34 digits). 422 INVALID_CRYPTO_INPUT naming the field
    (`prices[3]`, `range.lower`, ...).

    Args:
        body (ImpermanentLossIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImpermanentLossOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImpermanentLossIn,

) -> Response[ImpermanentLossOut | Problem]:
    """ Impermanent loss of a v2 (constant product) or v3 (range) position vs holding

     A position opened at `entry_price` (token1 per token0) with `deposit` (token1), over the full range
    (Uniswap v2) or `range` [lower, upper] (v3), valued at each of `prices` (1 to 10,000) against
    holding the entry amounts: token amounts, LP and hold values, the loss and IL = lp / hold - 1 (<= 0;
    fees not counted). Exact Decimals (34 digits). 422 INVALID_CRYPTO_INPUT naming the field
    (`prices[3]`, `range.lower`, ...).

    Args:
        body (ImpermanentLossIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImpermanentLossOut | Problem]
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
    body: ImpermanentLossIn,

) -> ImpermanentLossOut | Problem | None:
    """ Impermanent loss of a v2 (constant product) or v3 (range) position vs holding

     A position opened at `entry_price` (token1 per token0) with `deposit` (token1), over the full range
    (Uniswap v2) or `range` [lower, upper] (v3), valued at each of `prices` (1 to 10,000) against
    holding the entry amounts: token amounts, LP and hold values, the loss and IL = lp / hold - 1 (<= 0;
    fees not counted). Exact Decimals (34 digits). 422 INVALID_CRYPTO_INPUT naming the field
    (`prices[3]`, `range.lower`, ...).

    Args:
        body (ImpermanentLossIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImpermanentLossOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
