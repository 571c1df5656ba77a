from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.portfolio_account_in import PortfolioAccountIn
from ...models.portfolio_out import PortfolioOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    portfolio_id: str,
    *,
    body: PortfolioAccountIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/portfolios/{portfolio_id}/accounts".format(portfolio_id=quote(str(portfolio_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PortfolioOut | Problem | None:
    if response.status_code == 201:
        response_201 = PortfolioOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PortfolioOut | Problem]:
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
    body: PortfolioAccountIn,

) -> Response[PortfolioOut | Problem]:
    """ Attach a trading account of yours, or make a manual holding account

     kind=trading: your trading account (another's: 404); its fills book here. kind=manual: a new account
    named `name` (unique in the portfolio). 409 ACCOUNT_ALREADY_HELD when the account is in a portfolio
    already. Yours only: another user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (PortfolioAccountIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PortfolioAccountIn,

) -> PortfolioOut | Problem | None:
    """ Attach a trading account of yours, or make a manual holding account

     kind=trading: your trading account (another's: 404); its fills book here. kind=manual: a new account
    named `name` (unique in the portfolio). 409 ACCOUNT_ALREADY_HELD when the account is in a portfolio
    already. Yours only: another user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (PortfolioAccountIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioOut | Problem
     """


    return sync_detailed(
        portfolio_id=portfolio_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PortfolioAccountIn,

) -> Response[PortfolioOut | Problem]:
    """ Attach a trading account of yours, or make a manual holding account

     kind=trading: your trading account (another's: 404); its fills book here. kind=manual: a new account
    named `name` (unique in the portfolio). 409 ACCOUNT_ALREADY_HELD when the account is in a portfolio
    already. Yours only: another user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (PortfolioAccountIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PortfolioAccountIn,

) -> PortfolioOut | Problem | None:
    """ Attach a trading account of yours, or make a manual holding account

     kind=trading: your trading account (another's: 404); its fills book here. kind=manual: a new account
    named `name` (unique in the portfolio). 409 ACCOUNT_ALREADY_HELD when the account is in a portfolio
    already. Yours only: another user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (PortfolioAccountIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioOut | Problem
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,
body=body,

    )).parsed
