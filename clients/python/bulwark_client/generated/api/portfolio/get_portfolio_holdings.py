from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.holdings_out import HoldingsOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    portfolio_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/portfolios/{portfolio_id}/holdings".format(portfolio_id=quote(str(portfolio_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HoldingsOut | Problem | None:
    if response.status_code == 200:
        response_200 = HoldingsOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[HoldingsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[HoldingsOut | Problem]:
    """ Positions with their open tax lots, and cash, at reference prices

     Per account: each symbol's quantity, adjusted basis and open lots (relieved under the account's lot
    method, named), cash per currency; totals in the base currency. Yours only: another user's portfolio
    answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HoldingsOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> HoldingsOut | Problem | None:
    """ Positions with their open tax lots, and cash, at reference prices

     Per account: each symbol's quantity, adjusted basis and open lots (relieved under the account's lot
    method, named), cash per currency; totals in the base currency. Yours only: another user's portfolio
    answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HoldingsOut | Problem
     """


    return sync_detailed(
        portfolio_id=portfolio_id,
client=client,

    ).parsed

async def asyncio_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[HoldingsOut | Problem]:
    """ Positions with their open tax lots, and cash, at reference prices

     Per account: each symbol's quantity, adjusted basis and open lots (relieved under the account's lot
    method, named), cash per currency; totals in the base currency. Yours only: another user's portfolio
    answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HoldingsOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> HoldingsOut | Problem | None:
    """ Positions with their open tax lots, and cash, at reference prices

     Per account: each symbol's quantity, adjusted basis and open lots (relieved under the account's lot
    method, named), cash per currency; totals in the base currency. Yours only: another user's portfolio
    answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HoldingsOut | Problem
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,

    )).parsed
