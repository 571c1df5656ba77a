from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.performance_out import PerformanceOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    account_id: str,
    *,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    benchmark: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    json_benchmark: None | str | Unset
    if isinstance(benchmark, Unset):
        json_benchmark = UNSET
    else:
        json_benchmark = benchmark
    params["benchmark"] = json_benchmark


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounts/{account_id}/performance".format(account_id=quote(str(account_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PerformanceOut | Problem | None:
    if response.status_code == 200:
        response_200 = PerformanceOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PerformanceOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    benchmark: None | str | Unset = UNSET,

) -> Response[PerformanceOut | Problem]:
    """ Performance of an account from its daily equity snapshots

     Reads the daily snapshots the snapshot job stores (`bulwark snapshots take`, or the daily run of
    `bulwark serve`): the equity curve with each day's time-weighted return (external flows at the start
    of the day) and drawdown; CAGR, volatility, Sharpe, Sortino, Calmar, max drawdown and its duration
    on the unit value those returns compound to (252 days a year, risk-free 0); trade statistics of the
    closing fills in the range; average gross exposure; turnover. With `benchmark`, its daily closes
    from the market-data provider give its return over each of the account's periods (previous snapshot
    to this one, on the days it has a close), and from those beta, Jensen's alpha, tracking error and
    information ratio. `from` defaults to a year before `to`, `to` to today (UTC); the range spans at
    most 3660 days. 400 INVALID_PERFORMANCE_QUERY names `from` or `to` (not a YYYY-MM-DD date; `from`
    after `to` or the range too long) or `benchmark` (malformed); 404 NOT_FOUND for an account the
    caller may not act on; 422 UNKNOWN_BENCHMARK when the provider has no daily bars of the symbol; 503
    BENCHMARK_UNAVAILABLE when it fails.

    Args:
        account_id (str):
        from_ (None | str | Unset): First day, ISO 8601 (YYYY-MM-DD), inclusive
        to (None | str | Unset): Last day, ISO 8601 (YYYY-MM-DD), inclusive
        benchmark (None | str | Unset): A symbol whose daily bars the market-data provider serves

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PerformanceOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,
from_=from_,
to=to,
benchmark=benchmark,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    benchmark: None | str | Unset = UNSET,

) -> PerformanceOut | Problem | None:
    """ Performance of an account from its daily equity snapshots

     Reads the daily snapshots the snapshot job stores (`bulwark snapshots take`, or the daily run of
    `bulwark serve`): the equity curve with each day's time-weighted return (external flows at the start
    of the day) and drawdown; CAGR, volatility, Sharpe, Sortino, Calmar, max drawdown and its duration
    on the unit value those returns compound to (252 days a year, risk-free 0); trade statistics of the
    closing fills in the range; average gross exposure; turnover. With `benchmark`, its daily closes
    from the market-data provider give its return over each of the account's periods (previous snapshot
    to this one, on the days it has a close), and from those beta, Jensen's alpha, tracking error and
    information ratio. `from` defaults to a year before `to`, `to` to today (UTC); the range spans at
    most 3660 days. 400 INVALID_PERFORMANCE_QUERY names `from` or `to` (not a YYYY-MM-DD date; `from`
    after `to` or the range too long) or `benchmark` (malformed); 404 NOT_FOUND for an account the
    caller may not act on; 422 UNKNOWN_BENCHMARK when the provider has no daily bars of the symbol; 503
    BENCHMARK_UNAVAILABLE when it fails.

    Args:
        account_id (str):
        from_ (None | str | Unset): First day, ISO 8601 (YYYY-MM-DD), inclusive
        to (None | str | Unset): Last day, ISO 8601 (YYYY-MM-DD), inclusive
        benchmark (None | str | Unset): A symbol whose daily bars the market-data provider serves

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PerformanceOut | Problem
     """


    return sync_detailed(
        account_id=account_id,
client=client,
from_=from_,
to=to,
benchmark=benchmark,

    ).parsed

async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    benchmark: None | str | Unset = UNSET,

) -> Response[PerformanceOut | Problem]:
    """ Performance of an account from its daily equity snapshots

     Reads the daily snapshots the snapshot job stores (`bulwark snapshots take`, or the daily run of
    `bulwark serve`): the equity curve with each day's time-weighted return (external flows at the start
    of the day) and drawdown; CAGR, volatility, Sharpe, Sortino, Calmar, max drawdown and its duration
    on the unit value those returns compound to (252 days a year, risk-free 0); trade statistics of the
    closing fills in the range; average gross exposure; turnover. With `benchmark`, its daily closes
    from the market-data provider give its return over each of the account's periods (previous snapshot
    to this one, on the days it has a close), and from those beta, Jensen's alpha, tracking error and
    information ratio. `from` defaults to a year before `to`, `to` to today (UTC); the range spans at
    most 3660 days. 400 INVALID_PERFORMANCE_QUERY names `from` or `to` (not a YYYY-MM-DD date; `from`
    after `to` or the range too long) or `benchmark` (malformed); 404 NOT_FOUND for an account the
    caller may not act on; 422 UNKNOWN_BENCHMARK when the provider has no daily bars of the symbol; 503
    BENCHMARK_UNAVAILABLE when it fails.

    Args:
        account_id (str):
        from_ (None | str | Unset): First day, ISO 8601 (YYYY-MM-DD), inclusive
        to (None | str | Unset): Last day, ISO 8601 (YYYY-MM-DD), inclusive
        benchmark (None | str | Unset): A symbol whose daily bars the market-data provider serves

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PerformanceOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,
from_=from_,
to=to,
benchmark=benchmark,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    benchmark: None | str | Unset = UNSET,

) -> PerformanceOut | Problem | None:
    """ Performance of an account from its daily equity snapshots

     Reads the daily snapshots the snapshot job stores (`bulwark snapshots take`, or the daily run of
    `bulwark serve`): the equity curve with each day's time-weighted return (external flows at the start
    of the day) and drawdown; CAGR, volatility, Sharpe, Sortino, Calmar, max drawdown and its duration
    on the unit value those returns compound to (252 days a year, risk-free 0); trade statistics of the
    closing fills in the range; average gross exposure; turnover. With `benchmark`, its daily closes
    from the market-data provider give its return over each of the account's periods (previous snapshot
    to this one, on the days it has a close), and from those beta, Jensen's alpha, tracking error and
    information ratio. `from` defaults to a year before `to`, `to` to today (UTC); the range spans at
    most 3660 days. 400 INVALID_PERFORMANCE_QUERY names `from` or `to` (not a YYYY-MM-DD date; `from`
    after `to` or the range too long) or `benchmark` (malformed); 404 NOT_FOUND for an account the
    caller may not act on; 422 UNKNOWN_BENCHMARK when the provider has no daily bars of the symbol; 503
    BENCHMARK_UNAVAILABLE when it fails.

    Args:
        account_id (str):
        from_ (None | str | Unset): First day, ISO 8601 (YYYY-MM-DD), inclusive
        to (None | str | Unset): Last day, ISO 8601 (YYYY-MM-DD), inclusive
        benchmark (None | str | Unset): A symbol whose daily bars the market-data provider serves

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PerformanceOut | Problem
     """


    return (await asyncio_detailed(
        account_id=account_id,
client=client,
from_=from_,
to=to,
benchmark=benchmark,

    )).parsed
