from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.bars_out import BarsOut
from ...models.problem import Problem
from ...models.timeframe import Timeframe
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    symbol: str,
    *,
    timeframe: Timeframe | Unset = UNSET,
    limit: int | Unset = 200,
    indicators: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_timeframe: str | Unset = UNSET
    if not isinstance(timeframe, Unset):
        json_timeframe = timeframe.value

    params["timeframe"] = json_timeframe

    params["limit"] = limit

    json_indicators: None | str | Unset
    if isinstance(indicators, Unset):
        json_indicators = UNSET
    else:
        json_indicators = indicators
    params["indicators"] = json_indicators


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/{symbol}/bars".format(symbol=quote(str(symbol), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BarsOut | Problem | None:
    if response.status_code == 200:
        response_200 = BarsOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BarsOut | Problem]:
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
    timeframe: Timeframe | Unset = UNSET,
    limit: int | Unset = 200,
    indicators: None | str | Unset = UNSET,

) -> Response[BarsOut | Problem]:
    """ The latest bars with technical indicators

     Up to `limit` bars of `timeframe`, oldest first. `indicators` is a comma-separated list of
    name[:param[:param...]]; omitted trailing params take their defaults: sma:20, ema:20, rsi:14,
    macd:12:26:9 (fast:slow:signal), bbands:20:2 (period:k), vwap:day (or vwap:cumulative), atr:14; e.g.
    `sma:20,ema:12,rsi:14,macd:12:26:9,bbands:20:2,vwap,atr:14`. Each indicator comes back as aligned
    columns (`value`; macd: `macd`, `signal`, `histogram`; bbands: `middle`, `upper`, `lower`, `width`,
    `percent_b`), null where it has no value: the server fetches `lookback` extra bars so indicators
    have values from the first bar when the provider has the history. EMA, RSI, ATR and MACD are seeded
    with a simple average at the start of what was fetched; RSI and ATR use Wilder's smoothing; bands
    use the population deviation; vwap restarts each UTC day (vwap:cumulative does not). Answers are
    cached briefly, never past the end of the current bar. 400 UNKNOWN_INDICATOR or INVALID_INDICATOR
    name the item.

    Args:
        symbol (str):
        timeframe (Timeframe | Unset): The bar sizes every provider serves.
        limit (int | Unset):  Default: 200.
        indicators (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarsOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
timeframe=timeframe,
limit=limit,
indicators=indicators,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    timeframe: Timeframe | Unset = UNSET,
    limit: int | Unset = 200,
    indicators: None | str | Unset = UNSET,

) -> BarsOut | Problem | None:
    """ The latest bars with technical indicators

     Up to `limit` bars of `timeframe`, oldest first. `indicators` is a comma-separated list of
    name[:param[:param...]]; omitted trailing params take their defaults: sma:20, ema:20, rsi:14,
    macd:12:26:9 (fast:slow:signal), bbands:20:2 (period:k), vwap:day (or vwap:cumulative), atr:14; e.g.
    `sma:20,ema:12,rsi:14,macd:12:26:9,bbands:20:2,vwap,atr:14`. Each indicator comes back as aligned
    columns (`value`; macd: `macd`, `signal`, `histogram`; bbands: `middle`, `upper`, `lower`, `width`,
    `percent_b`), null where it has no value: the server fetches `lookback` extra bars so indicators
    have values from the first bar when the provider has the history. EMA, RSI, ATR and MACD are seeded
    with a simple average at the start of what was fetched; RSI and ATR use Wilder's smoothing; bands
    use the population deviation; vwap restarts each UTC day (vwap:cumulative does not). Answers are
    cached briefly, never past the end of the current bar. 400 UNKNOWN_INDICATOR or INVALID_INDICATOR
    name the item.

    Args:
        symbol (str):
        timeframe (Timeframe | Unset): The bar sizes every provider serves.
        limit (int | Unset):  Default: 200.
        indicators (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarsOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,
timeframe=timeframe,
limit=limit,
indicators=indicators,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    timeframe: Timeframe | Unset = UNSET,
    limit: int | Unset = 200,
    indicators: None | str | Unset = UNSET,

) -> Response[BarsOut | Problem]:
    """ The latest bars with technical indicators

     Up to `limit` bars of `timeframe`, oldest first. `indicators` is a comma-separated list of
    name[:param[:param...]]; omitted trailing params take their defaults: sma:20, ema:20, rsi:14,
    macd:12:26:9 (fast:slow:signal), bbands:20:2 (period:k), vwap:day (or vwap:cumulative), atr:14; e.g.
    `sma:20,ema:12,rsi:14,macd:12:26:9,bbands:20:2,vwap,atr:14`. Each indicator comes back as aligned
    columns (`value`; macd: `macd`, `signal`, `histogram`; bbands: `middle`, `upper`, `lower`, `width`,
    `percent_b`), null where it has no value: the server fetches `lookback` extra bars so indicators
    have values from the first bar when the provider has the history. EMA, RSI, ATR and MACD are seeded
    with a simple average at the start of what was fetched; RSI and ATR use Wilder's smoothing; bands
    use the population deviation; vwap restarts each UTC day (vwap:cumulative does not). Answers are
    cached briefly, never past the end of the current bar. 400 UNKNOWN_INDICATOR or INVALID_INDICATOR
    name the item.

    Args:
        symbol (str):
        timeframe (Timeframe | Unset): The bar sizes every provider serves.
        limit (int | Unset):  Default: 200.
        indicators (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarsOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
timeframe=timeframe,
limit=limit,
indicators=indicators,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    timeframe: Timeframe | Unset = UNSET,
    limit: int | Unset = 200,
    indicators: None | str | Unset = UNSET,

) -> BarsOut | Problem | None:
    """ The latest bars with technical indicators

     Up to `limit` bars of `timeframe`, oldest first. `indicators` is a comma-separated list of
    name[:param[:param...]]; omitted trailing params take their defaults: sma:20, ema:20, rsi:14,
    macd:12:26:9 (fast:slow:signal), bbands:20:2 (period:k), vwap:day (or vwap:cumulative), atr:14; e.g.
    `sma:20,ema:12,rsi:14,macd:12:26:9,bbands:20:2,vwap,atr:14`. Each indicator comes back as aligned
    columns (`value`; macd: `macd`, `signal`, `histogram`; bbands: `middle`, `upper`, `lower`, `width`,
    `percent_b`), null where it has no value: the server fetches `lookback` extra bars so indicators
    have values from the first bar when the provider has the history. EMA, RSI, ATR and MACD are seeded
    with a simple average at the start of what was fetched; RSI and ATR use Wilder's smoothing; bands
    use the population deviation; vwap restarts each UTC day (vwap:cumulative does not). Answers are
    cached briefly, never past the end of the current bar. 400 UNKNOWN_INDICATOR or INVALID_INDICATOR
    name the item.

    Args:
        symbol (str):
        timeframe (Timeframe | Unset): The bar sizes every provider serves.
        limit (int | Unset):  Default: 200.
        indicators (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarsOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
timeframe=timeframe,
limit=limit,
indicators=indicators,

    )).parsed
