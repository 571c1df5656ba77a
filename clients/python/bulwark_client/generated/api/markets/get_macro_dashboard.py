from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.macro_dashboard_out import MacroDashboardOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    date: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_date: None | str | Unset
    if isinstance(date, Unset):
        json_date = UNSET
    else:
        json_date = date
    params["date"] = json_date


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/macro/dashboard",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MacroDashboardOut | Problem | None:
    if response.status_code == 200:
        response_200 = MacroDashboardOut.from_dict(response.json())



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

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MacroDashboardOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,

) -> Response[MacroDashboardOut | Problem]:
    """ The macro dashboard of a day: inflation, unemployment, growth, rates

     For each catalog series (CPIAUCSL, CPILFESL, UNRATE, GDPC1, GDP, FEDFUNDS) the latest observation on
    or before `date` and its changes (year-on-year inflation, 3-month and period annualized rates, GDP's
    SAAR growth, changes in percentage points); the Sahm rule; Treasury 3M, 2Y, 10Y yields, 2s10s and
    3m10y spreads and the ex-post real 10Y yield from the rates source. A series the source lacks is
    listed in `missing`. 422 INVALID_MARKET_INPUT naming `date` when it is not YYYY-MM-DD; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MacroDashboardOut | Problem]
     """


    kwargs = _get_kwargs(
        date=date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,

) -> MacroDashboardOut | Problem | None:
    """ The macro dashboard of a day: inflation, unemployment, growth, rates

     For each catalog series (CPIAUCSL, CPILFESL, UNRATE, GDPC1, GDP, FEDFUNDS) the latest observation on
    or before `date` and its changes (year-on-year inflation, 3-month and period annualized rates, GDP's
    SAAR growth, changes in percentage points); the Sahm rule; Treasury 3M, 2Y, 10Y yields, 2s10s and
    3m10y spreads and the ex-post real 10Y yield from the rates source. A series the source lacks is
    listed in `missing`. 422 INVALID_MARKET_INPUT naming `date` when it is not YYYY-MM-DD; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MacroDashboardOut | Problem
     """


    return sync_detailed(
        client=client,
date=date,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,

) -> Response[MacroDashboardOut | Problem]:
    """ The macro dashboard of a day: inflation, unemployment, growth, rates

     For each catalog series (CPIAUCSL, CPILFESL, UNRATE, GDPC1, GDP, FEDFUNDS) the latest observation on
    or before `date` and its changes (year-on-year inflation, 3-month and period annualized rates, GDP's
    SAAR growth, changes in percentage points); the Sahm rule; Treasury 3M, 2Y, 10Y yields, 2s10s and
    3m10y spreads and the ex-post real 10Y yield from the rates source. A series the source lacks is
    listed in `missing`. 422 INVALID_MARKET_INPUT naming `date` when it is not YYYY-MM-DD; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MacroDashboardOut | Problem]
     """


    kwargs = _get_kwargs(
        date=date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,

) -> MacroDashboardOut | Problem | None:
    """ The macro dashboard of a day: inflation, unemployment, growth, rates

     For each catalog series (CPIAUCSL, CPILFESL, UNRATE, GDPC1, GDP, FEDFUNDS) the latest observation on
    or before `date` and its changes (year-on-year inflation, 3-month and period annualized rates, GDP's
    SAAR growth, changes in percentage points); the Sahm rule; Treasury 3M, 2Y, 10Y yields, 2s10s and
    3m10y spreads and the ex-post real 10Y yield from the rates source. A series the source lacks is
    listed in `missing`. 422 INVALID_MARKET_INPUT naming `date` when it is not YYYY-MM-DD; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MacroDashboardOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
date=date,

    )).parsed
