from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.pattern import Pattern
from ...models.problem import Problem
from ...models.signal_page_out import SignalPageOut
from ...models.timeframe import Timeframe
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    symbol: None | str | Unset = UNSET,
    pattern: None | Pattern | Unset = UNSET,
    timeframe: None | Timeframe | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_symbol: None | str | Unset
    if isinstance(symbol, Unset):
        json_symbol = UNSET
    else:
        json_symbol = symbol
    params["symbol"] = json_symbol

    json_pattern: None | str | Unset
    if isinstance(pattern, Unset):
        json_pattern = UNSET
    elif isinstance(pattern, Pattern):
        json_pattern = pattern.value
    else:
        json_pattern = pattern
    params["pattern"] = json_pattern

    json_timeframe: None | str | Unset
    if isinstance(timeframe, Unset):
        json_timeframe = UNSET
    elif isinstance(timeframe, Timeframe):
        json_timeframe = timeframe.value
    else:
        json_timeframe = timeframe
    params["timeframe"] = json_timeframe

    json_min_score: float | None | Unset
    if isinstance(min_score, Unset):
        json_min_score = UNSET
    else:
        json_min_score = min_score
    params["min_score"] = json_min_score

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
        "url": "/api/signals",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SignalPageOut | None:
    if response.status_code == 200:
        response_200 = SignalPageOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SignalPageOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    symbol: None | str | Unset = UNSET,
    pattern: None | Pattern | Unset = UNSET,
    timeframe: None | Timeframe | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[Problem | SignalPageOut]:
    """ Trading signals, newest first, with a cursor

     Signals the pattern engine emitted (EMA crossover, VWAP deviation, volatility breakout): each has a
    score in [-1, 1] whose sign is its direction, the bar it was read on (`at`), a reason and the
    figures behind it. Filters: symbol, pattern, timeframe, min_score (on |score|). Pass `next_cursor`
    back as `cursor`: pages neither repeat nor skip a signal while new ones arrive. Any authenticated
    user. 400 VALIDATION_ERROR names the bad parameter; 400 INVALID_CURSOR for a cursor that was not
    handed out.

    Args:
        symbol (None | str | Unset): Only this symbol (case does not matter)
        pattern (None | Pattern | Unset): Only this pattern
        timeframe (None | Timeframe | Unset):
        min_score (float | None | Unset): Only signals with |score| at least this
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignalPageOut]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
pattern=pattern,
timeframe=timeframe,
min_score=min_score,
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
    symbol: None | str | Unset = UNSET,
    pattern: None | Pattern | Unset = UNSET,
    timeframe: None | Timeframe | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Problem | SignalPageOut | None:
    """ Trading signals, newest first, with a cursor

     Signals the pattern engine emitted (EMA crossover, VWAP deviation, volatility breakout): each has a
    score in [-1, 1] whose sign is its direction, the bar it was read on (`at`), a reason and the
    figures behind it. Filters: symbol, pattern, timeframe, min_score (on |score|). Pass `next_cursor`
    back as `cursor`: pages neither repeat nor skip a signal while new ones arrive. Any authenticated
    user. 400 VALIDATION_ERROR names the bad parameter; 400 INVALID_CURSOR for a cursor that was not
    handed out.

    Args:
        symbol (None | str | Unset): Only this symbol (case does not matter)
        pattern (None | Pattern | Unset): Only this pattern
        timeframe (None | Timeframe | Unset):
        min_score (float | None | Unset): Only signals with |score| at least this
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignalPageOut
     """


    return sync_detailed(
        client=client,
symbol=symbol,
pattern=pattern,
timeframe=timeframe,
min_score=min_score,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    symbol: None | str | Unset = UNSET,
    pattern: None | Pattern | Unset = UNSET,
    timeframe: None | Timeframe | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[Problem | SignalPageOut]:
    """ Trading signals, newest first, with a cursor

     Signals the pattern engine emitted (EMA crossover, VWAP deviation, volatility breakout): each has a
    score in [-1, 1] whose sign is its direction, the bar it was read on (`at`), a reason and the
    figures behind it. Filters: symbol, pattern, timeframe, min_score (on |score|). Pass `next_cursor`
    back as `cursor`: pages neither repeat nor skip a signal while new ones arrive. Any authenticated
    user. 400 VALIDATION_ERROR names the bad parameter; 400 INVALID_CURSOR for a cursor that was not
    handed out.

    Args:
        symbol (None | str | Unset): Only this symbol (case does not matter)
        pattern (None | Pattern | Unset): Only this pattern
        timeframe (None | Timeframe | Unset):
        min_score (float | None | Unset): Only signals with |score| at least this
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignalPageOut]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
pattern=pattern,
timeframe=timeframe,
min_score=min_score,
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
    symbol: None | str | Unset = UNSET,
    pattern: None | Pattern | Unset = UNSET,
    timeframe: None | Timeframe | Unset = UNSET,
    min_score: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Problem | SignalPageOut | None:
    """ Trading signals, newest first, with a cursor

     Signals the pattern engine emitted (EMA crossover, VWAP deviation, volatility breakout): each has a
    score in [-1, 1] whose sign is its direction, the bar it was read on (`at`), a reason and the
    figures behind it. Filters: symbol, pattern, timeframe, min_score (on |score|). Pass `next_cursor`
    back as `cursor`: pages neither repeat nor skip a signal while new ones arrive. Any authenticated
    user. 400 VALIDATION_ERROR names the bad parameter; 400 INVALID_CURSOR for a cursor that was not
    handed out.

    Args:
        symbol (None | str | Unset): Only this symbol (case does not matter)
        pattern (None | Pattern | Unset): Only this pattern
        timeframe (None | Timeframe | Unset):
        min_score (float | None | Unset): Only signals with |score| at least this
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignalPageOut
     """


    return (await asyncio_detailed(
        client=client,
symbol=symbol,
pattern=pattern,
timeframe=timeframe,
min_score=min_score,
cursor=cursor,
limit=limit,

    )).parsed
