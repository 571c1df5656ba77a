from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.regime_out import RegimeOut
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    symbol: str,
    *,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    adjusted: bool | Unset = True,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.date):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.date):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    params["adjusted"] = adjusted


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/regime/{symbol}".format(symbol=quote(str(symbol), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RegimeOut | None:
    if response.status_code == 200:
        response_200 = RegimeOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RegimeOut]:
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
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    adjusted: bool | Unset = True,

) -> Response[Problem | RegimeOut]:
    """ Detect the market regime of a symbol from its stored daily bars

     As the POST, on the symbol's daily closes in the bar history store (docs/bar-store.md) from `start`
    to `end`, both included (`end` defaults to today, UTC; `start` to three years before `end`); split-
    and dividend-adjusted unless `adjusted=false`. `history` names the closes read. 422 naming the
    field: INSUFFICIENT_PRICE_HISTORY (`symbol`: fewer than 200 stored closes in the range),
    INVALID_PRICE_HISTORY (`start` after `end`); 400 VALIDATION_ERROR for a malformed symbol or date.

    Args:
        symbol (str): The symbol
        start (datetime.date | None | Unset): First day, YYYY-MM-DD, inclusive
        end (datetime.date | None | Unset): Last day, YYYY-MM-DD, inclusive
        adjusted (bool | Unset): Closes adjusted for splits and dividends Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegimeOut]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
start=start,
end=end,
adjusted=adjusted,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    adjusted: bool | Unset = True,

) -> Problem | RegimeOut | None:
    """ Detect the market regime of a symbol from its stored daily bars

     As the POST, on the symbol's daily closes in the bar history store (docs/bar-store.md) from `start`
    to `end`, both included (`end` defaults to today, UTC; `start` to three years before `end`); split-
    and dividend-adjusted unless `adjusted=false`. `history` names the closes read. 422 naming the
    field: INSUFFICIENT_PRICE_HISTORY (`symbol`: fewer than 200 stored closes in the range),
    INVALID_PRICE_HISTORY (`start` after `end`); 400 VALIDATION_ERROR for a malformed symbol or date.

    Args:
        symbol (str): The symbol
        start (datetime.date | None | Unset): First day, YYYY-MM-DD, inclusive
        end (datetime.date | None | Unset): Last day, YYYY-MM-DD, inclusive
        adjusted (bool | Unset): Closes adjusted for splits and dividends Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegimeOut
     """


    return sync_detailed(
        symbol=symbol,
client=client,
start=start,
end=end,
adjusted=adjusted,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    adjusted: bool | Unset = True,

) -> Response[Problem | RegimeOut]:
    """ Detect the market regime of a symbol from its stored daily bars

     As the POST, on the symbol's daily closes in the bar history store (docs/bar-store.md) from `start`
    to `end`, both included (`end` defaults to today, UTC; `start` to three years before `end`); split-
    and dividend-adjusted unless `adjusted=false`. `history` names the closes read. 422 naming the
    field: INSUFFICIENT_PRICE_HISTORY (`symbol`: fewer than 200 stored closes in the range),
    INVALID_PRICE_HISTORY (`start` after `end`); 400 VALIDATION_ERROR for a malformed symbol or date.

    Args:
        symbol (str): The symbol
        start (datetime.date | None | Unset): First day, YYYY-MM-DD, inclusive
        end (datetime.date | None | Unset): Last day, YYYY-MM-DD, inclusive
        adjusted (bool | Unset): Closes adjusted for splits and dividends Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegimeOut]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
start=start,
end=end,
adjusted=adjusted,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    adjusted: bool | Unset = True,

) -> Problem | RegimeOut | None:
    """ Detect the market regime of a symbol from its stored daily bars

     As the POST, on the symbol's daily closes in the bar history store (docs/bar-store.md) from `start`
    to `end`, both included (`end` defaults to today, UTC; `start` to three years before `end`); split-
    and dividend-adjusted unless `adjusted=false`. `history` names the closes read. 422 naming the
    field: INSUFFICIENT_PRICE_HISTORY (`symbol`: fewer than 200 stored closes in the range),
    INVALID_PRICE_HISTORY (`start` after `end`); 400 VALIDATION_ERROR for a malformed symbol or date.

    Args:
        symbol (str): The symbol
        start (datetime.date | None | Unset): First day, YYYY-MM-DD, inclusive
        end (datetime.date | None | Unset): Last day, YYYY-MM-DD, inclusive
        adjusted (bool | Unset): Closes adjusted for splits and dividends Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegimeOut
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
start=start,
end=end,
adjusted=adjusted,

    )).parsed
