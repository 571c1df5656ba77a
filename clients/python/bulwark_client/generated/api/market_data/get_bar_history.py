from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.bar_page_out import BarPageOut
from ...models.problem import Problem
from ...models.timeframe import Timeframe
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    symbol: str,
    start: datetime.datetime,
    end: datetime.datetime,
    timeframe: Timeframe | Unset = UNSET,
    adjusted: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 1000,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["symbol"] = symbol

    json_start = start.isoformat()
    params["start"] = json_start

    json_end = end.isoformat()
    params["end"] = json_end

    json_timeframe: str | Unset = UNSET
    if not isinstance(timeframe, Unset):
        json_timeframe = timeframe.value

    params["timeframe"] = json_timeframe

    params["adjusted"] = adjusted

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/bars",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BarPageOut | Problem | None:
    if response.status_code == 200:
        response_200 = BarPageOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BarPageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    symbol: str,
    start: datetime.datetime,
    end: datetime.datetime,
    timeframe: Timeframe | Unset = UNSET,
    adjusted: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 1000,

) -> Response[BarPageOut | Problem]:
    """ Stored bar history of a symbol over a time range, in pages

     Bars of `timeframe` starting in [`start`, `end`) (RFC 3339 times with a zone), oldest first, at most
    `limit` a page; pass `next_cursor` back as `cursor` for the next page, until it is null. Prices are
    strings at 8 places, volumes at 8 places. `adjusted=true` applies the symbol's splits and cash
    dividends backward (prices times the factors of the actions after each bar's day, rounded half-even
    to 8 places; splits scale volumes too); stored bars stay raw. Only what `bulwark bars backfill` (or
    another writer) stored is answered: an empty page is no error.

    Args:
        symbol (str):
        start (datetime.datetime):
        end (datetime.datetime):
        timeframe (Timeframe | Unset): The bar sizes every provider serves.
        adjusted (bool | Unset):  Default: False.
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarPageOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
start=start,
end=end,
timeframe=timeframe,
adjusted=adjusted,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    symbol: str,
    start: datetime.datetime,
    end: datetime.datetime,
    timeframe: Timeframe | Unset = UNSET,
    adjusted: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 1000,

) -> BarPageOut | Problem | None:
    """ Stored bar history of a symbol over a time range, in pages

     Bars of `timeframe` starting in [`start`, `end`) (RFC 3339 times with a zone), oldest first, at most
    `limit` a page; pass `next_cursor` back as `cursor` for the next page, until it is null. Prices are
    strings at 8 places, volumes at 8 places. `adjusted=true` applies the symbol's splits and cash
    dividends backward (prices times the factors of the actions after each bar's day, rounded half-even
    to 8 places; splits scale volumes too); stored bars stay raw. Only what `bulwark bars backfill` (or
    another writer) stored is answered: an empty page is no error.

    Args:
        symbol (str):
        start (datetime.datetime):
        end (datetime.datetime):
        timeframe (Timeframe | Unset): The bar sizes every provider serves.
        adjusted (bool | Unset):  Default: False.
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarPageOut | Problem
     """


    return sync_detailed(
        client=client,
symbol=symbol,
start=start,
end=end,
timeframe=timeframe,
adjusted=adjusted,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    symbol: str,
    start: datetime.datetime,
    end: datetime.datetime,
    timeframe: Timeframe | Unset = UNSET,
    adjusted: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 1000,

) -> Response[BarPageOut | Problem]:
    """ Stored bar history of a symbol over a time range, in pages

     Bars of `timeframe` starting in [`start`, `end`) (RFC 3339 times with a zone), oldest first, at most
    `limit` a page; pass `next_cursor` back as `cursor` for the next page, until it is null. Prices are
    strings at 8 places, volumes at 8 places. `adjusted=true` applies the symbol's splits and cash
    dividends backward (prices times the factors of the actions after each bar's day, rounded half-even
    to 8 places; splits scale volumes too); stored bars stay raw. Only what `bulwark bars backfill` (or
    another writer) stored is answered: an empty page is no error.

    Args:
        symbol (str):
        start (datetime.datetime):
        end (datetime.datetime):
        timeframe (Timeframe | Unset): The bar sizes every provider serves.
        adjusted (bool | Unset):  Default: False.
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarPageOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
start=start,
end=end,
timeframe=timeframe,
adjusted=adjusted,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    symbol: str,
    start: datetime.datetime,
    end: datetime.datetime,
    timeframe: Timeframe | Unset = UNSET,
    adjusted: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 1000,

) -> BarPageOut | Problem | None:
    """ Stored bar history of a symbol over a time range, in pages

     Bars of `timeframe` starting in [`start`, `end`) (RFC 3339 times with a zone), oldest first, at most
    `limit` a page; pass `next_cursor` back as `cursor` for the next page, until it is null. Prices are
    strings at 8 places, volumes at 8 places. `adjusted=true` applies the symbol's splits and cash
    dividends backward (prices times the factors of the actions after each bar's day, rounded half-even
    to 8 places; splits scale volumes too); stored bars stay raw. Only what `bulwark bars backfill` (or
    another writer) stored is answered: an empty page is no error.

    Args:
        symbol (str):
        start (datetime.datetime):
        end (datetime.datetime):
        timeframe (Timeframe | Unset): The bar sizes every provider serves.
        adjusted (bool | Unset):  Default: False.
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarPageOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
symbol=symbol,
start=start,
end=end,
timeframe=timeframe,
adjusted=adjusted,
cursor=cursor,
limit=limit,

    )).parsed
