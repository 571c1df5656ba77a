from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.backtest_in import BacktestIn
from ...models.backtest_out import BacktestOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: BacktestIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/backtests",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BacktestOut | Problem | None:
    if response.status_code == 202:
        response_202 = BacktestOut.from_dict(response.json())



        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BacktestOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BacktestIn,

) -> Response[BacktestOut | Problem]:
    """ Start a backtest of one of your strategies

     Runs the strategy over the recorded bars of `symbols` from `from` to `to` (inclusive UTC days) with
    the real pre-trade gate and the paper broker on a simulated clock: decisions at a bar's close,
    market orders filled at the next bar's open with `slippage_bps`, `commission` per share and in bps.
    Answers 202 with the run (status queued); follow it with GET. 404 NOT_FOUND (field strategy_id) for
    a strategy that is not yours; 422 INVALID_BACKTEST naming the field: an unknown symbol, a range
    without bars, too many symbols or bars; 429 TOO_MANY_BACKTESTS while you have as many unfinished
    runs as allowed. `source` `store` reads the historical bar store (real symbols; `adjusted` for
    split- and dividend-adjusted bars) instead of the shipped synthetic set: 422 BACKTEST_BARS_MISSING
    names the symbols the store lacks bars of and the first missing day. The result's `data` names the
    source and the adjustment.

    Args:
        body (BacktestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BacktestOut | Problem]
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
    body: BacktestIn,

) -> BacktestOut | Problem | None:
    """ Start a backtest of one of your strategies

     Runs the strategy over the recorded bars of `symbols` from `from` to `to` (inclusive UTC days) with
    the real pre-trade gate and the paper broker on a simulated clock: decisions at a bar's close,
    market orders filled at the next bar's open with `slippage_bps`, `commission` per share and in bps.
    Answers 202 with the run (status queued); follow it with GET. 404 NOT_FOUND (field strategy_id) for
    a strategy that is not yours; 422 INVALID_BACKTEST naming the field: an unknown symbol, a range
    without bars, too many symbols or bars; 429 TOO_MANY_BACKTESTS while you have as many unfinished
    runs as allowed. `source` `store` reads the historical bar store (real symbols; `adjusted` for
    split- and dividend-adjusted bars) instead of the shipped synthetic set: 422 BACKTEST_BARS_MISSING
    names the symbols the store lacks bars of and the first missing day. The result's `data` names the
    source and the adjustment.

    Args:
        body (BacktestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BacktestOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BacktestIn,

) -> Response[BacktestOut | Problem]:
    """ Start a backtest of one of your strategies

     Runs the strategy over the recorded bars of `symbols` from `from` to `to` (inclusive UTC days) with
    the real pre-trade gate and the paper broker on a simulated clock: decisions at a bar's close,
    market orders filled at the next bar's open with `slippage_bps`, `commission` per share and in bps.
    Answers 202 with the run (status queued); follow it with GET. 404 NOT_FOUND (field strategy_id) for
    a strategy that is not yours; 422 INVALID_BACKTEST naming the field: an unknown symbol, a range
    without bars, too many symbols or bars; 429 TOO_MANY_BACKTESTS while you have as many unfinished
    runs as allowed. `source` `store` reads the historical bar store (real symbols; `adjusted` for
    split- and dividend-adjusted bars) instead of the shipped synthetic set: 422 BACKTEST_BARS_MISSING
    names the symbols the store lacks bars of and the first missing day. The result's `data` names the
    source and the adjustment.

    Args:
        body (BacktestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BacktestOut | Problem]
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
    body: BacktestIn,

) -> BacktestOut | Problem | None:
    """ Start a backtest of one of your strategies

     Runs the strategy over the recorded bars of `symbols` from `from` to `to` (inclusive UTC days) with
    the real pre-trade gate and the paper broker on a simulated clock: decisions at a bar's close,
    market orders filled at the next bar's open with `slippage_bps`, `commission` per share and in bps.
    Answers 202 with the run (status queued); follow it with GET. 404 NOT_FOUND (field strategy_id) for
    a strategy that is not yours; 422 INVALID_BACKTEST naming the field: an unknown symbol, a range
    without bars, too many symbols or bars; 429 TOO_MANY_BACKTESTS while you have as many unfinished
    runs as allowed. `source` `store` reads the historical bar store (real symbols; `adjusted` for
    split- and dividend-adjusted bars) instead of the shipped synthetic set: 422 BACKTEST_BARS_MISSING
    names the symbols the store lacks bars of and the first missing day. The result's `data` names the
    source and the adjustment.

    Args:
        body (BacktestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BacktestOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
