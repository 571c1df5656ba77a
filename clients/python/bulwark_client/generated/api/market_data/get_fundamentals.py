from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fundamentals_out import FundamentalsOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    symbol: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/{symbol}/fundamentals".format(symbol=quote(str(symbol), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FundamentalsOut | Problem | None:
    if response.status_code == 200:
        response_200 = FundamentalsOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FundamentalsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[FundamentalsOut | Problem]:
    """ A symbol's key ratios, each with its unit and definition

     The key ratios (valuation: market cap, trailing and forward P/E, price to book, price to sales,
    dividend yield, trailing EPS, beta; quality: profit margin, return on equity, debt to equity) as the
    first market-data provider of the feed that offers fundamentals states them (Yahoo, Twelve Data),
    with the vendor's name (`source`) and the time they were read (`as_of`). Fractions are fractions
    (0.25 is 25 %), money is in the symbol's trading currency. See docs/market-data-vendors.md.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundamentalsOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> FundamentalsOut | Problem | None:
    """ A symbol's key ratios, each with its unit and definition

     The key ratios (valuation: market cap, trailing and forward P/E, price to book, price to sales,
    dividend yield, trailing EPS, beta; quality: profit margin, return on equity, debt to equity) as the
    first market-data provider of the feed that offers fundamentals states them (Yahoo, Twelve Data),
    with the vendor's name (`source`) and the time they were read (`as_of`). Fractions are fractions
    (0.25 is 25 %), money is in the symbol's trading currency. See docs/market-data-vendors.md.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundamentalsOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[FundamentalsOut | Problem]:
    """ A symbol's key ratios, each with its unit and definition

     The key ratios (valuation: market cap, trailing and forward P/E, price to book, price to sales,
    dividend yield, trailing EPS, beta; quality: profit margin, return on equity, debt to equity) as the
    first market-data provider of the feed that offers fundamentals states them (Yahoo, Twelve Data),
    with the vendor's name (`source`) and the time they were read (`as_of`). Fractions are fractions
    (0.25 is 25 %), money is in the symbol's trading currency. See docs/market-data-vendors.md.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundamentalsOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> FundamentalsOut | Problem | None:
    """ A symbol's key ratios, each with its unit and definition

     The key ratios (valuation: market cap, trailing and forward P/E, price to book, price to sales,
    dividend yield, trailing EPS, beta; quality: profit margin, return on equity, debt to equity) as the
    first market-data provider of the feed that offers fundamentals states them (Yahoo, Twelve Data),
    with the vendor's name (`source`) and the time they were read (`as_of`). Fractions are fractions
    (0.25 is 25 %), money is in the symbol's trading currency. See docs/market-data-vendors.md.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundamentalsOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,

    )).parsed
