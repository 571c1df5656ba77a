from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.ledger_risk_out import LedgerRiskOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    portfolio_id: str,
    *,
    window_days: int | Unset = 365,
    benchmark: str | Unset = 'SPY',
    risk_free: float | Unset = 0.0,
    short_term_rate: str | Unset = '0.37',
    long_term_rate: str | Unset = '0.20',
    dividend_rate: str | Unset = '0.20',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["window_days"] = window_days

    params["benchmark"] = benchmark

    params["risk_free"] = risk_free

    params["short_term_rate"] = short_term_rate

    params["long_term_rate"] = long_term_rate

    params["dividend_rate"] = dividend_rate


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/portfolios/{portfolio_id}/risk".format(portfolio_id=quote(str(portfolio_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LedgerRiskOut | Problem | None:
    if response.status_code == 200:
        response_200 = LedgerRiskOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LedgerRiskOut | Problem]:
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
    window_days: int | Unset = 365,
    benchmark: str | Unset = 'SPY',
    risk_free: float | Unset = 0.0,
    short_term_rate: str | Unset = '0.37',
    long_term_rate: str | Unset = '0.20',
    dividend_rate: str | Unset = '0.20',

) -> Response[LedgerRiskOut | Problem]:
    """ Volatility, Sharpe, max drawdown, beta and tax drag of the current holdings

     A current-holdings backcast (today's quantities at the bar store's adjusted daily closes over the
    trailing `window_days`, 30..3660, default 365), beta against `benchmark` (default SPY), and the tax
    drag of what the window realised at the given rates; `held_correlation`: the held positions'
    correlation matrix, volatilities and diversification ratio over the window (null with
    `held_correlation_note` saying why). A held symbol without stored closes makes the figures null,
    `reasons` naming it. Cached per portfolio until its ledger changes (`computed_at`). 422
    INVALID_RISK_REQUEST names the parameter. Conventions are in the answer. Yours only: another user's
    portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        window_days (int | Unset):  Default: 365.
        benchmark (str | Unset):  Default: 'SPY'.
        risk_free (float | Unset):  Default: 0.0.
        short_term_rate (str | Unset):  Default: '0.37'.
        long_term_rate (str | Unset):  Default: '0.20'.
        dividend_rate (str | Unset):  Default: '0.20'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerRiskOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
window_days=window_days,
benchmark=benchmark,
risk_free=risk_free,
short_term_rate=short_term_rate,
long_term_rate=long_term_rate,
dividend_rate=dividend_rate,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    window_days: int | Unset = 365,
    benchmark: str | Unset = 'SPY',
    risk_free: float | Unset = 0.0,
    short_term_rate: str | Unset = '0.37',
    long_term_rate: str | Unset = '0.20',
    dividend_rate: str | Unset = '0.20',

) -> LedgerRiskOut | Problem | None:
    """ Volatility, Sharpe, max drawdown, beta and tax drag of the current holdings

     A current-holdings backcast (today's quantities at the bar store's adjusted daily closes over the
    trailing `window_days`, 30..3660, default 365), beta against `benchmark` (default SPY), and the tax
    drag of what the window realised at the given rates; `held_correlation`: the held positions'
    correlation matrix, volatilities and diversification ratio over the window (null with
    `held_correlation_note` saying why). A held symbol without stored closes makes the figures null,
    `reasons` naming it. Cached per portfolio until its ledger changes (`computed_at`). 422
    INVALID_RISK_REQUEST names the parameter. Conventions are in the answer. Yours only: another user's
    portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        window_days (int | Unset):  Default: 365.
        benchmark (str | Unset):  Default: 'SPY'.
        risk_free (float | Unset):  Default: 0.0.
        short_term_rate (str | Unset):  Default: '0.37'.
        long_term_rate (str | Unset):  Default: '0.20'.
        dividend_rate (str | Unset):  Default: '0.20'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerRiskOut | Problem
     """


    return sync_detailed(
        portfolio_id=portfolio_id,
client=client,
window_days=window_days,
benchmark=benchmark,
risk_free=risk_free,
short_term_rate=short_term_rate,
long_term_rate=long_term_rate,
dividend_rate=dividend_rate,

    ).parsed

async def asyncio_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    window_days: int | Unset = 365,
    benchmark: str | Unset = 'SPY',
    risk_free: float | Unset = 0.0,
    short_term_rate: str | Unset = '0.37',
    long_term_rate: str | Unset = '0.20',
    dividend_rate: str | Unset = '0.20',

) -> Response[LedgerRiskOut | Problem]:
    """ Volatility, Sharpe, max drawdown, beta and tax drag of the current holdings

     A current-holdings backcast (today's quantities at the bar store's adjusted daily closes over the
    trailing `window_days`, 30..3660, default 365), beta against `benchmark` (default SPY), and the tax
    drag of what the window realised at the given rates; `held_correlation`: the held positions'
    correlation matrix, volatilities and diversification ratio over the window (null with
    `held_correlation_note` saying why). A held symbol without stored closes makes the figures null,
    `reasons` naming it. Cached per portfolio until its ledger changes (`computed_at`). 422
    INVALID_RISK_REQUEST names the parameter. Conventions are in the answer. Yours only: another user's
    portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        window_days (int | Unset):  Default: 365.
        benchmark (str | Unset):  Default: 'SPY'.
        risk_free (float | Unset):  Default: 0.0.
        short_term_rate (str | Unset):  Default: '0.37'.
        long_term_rate (str | Unset):  Default: '0.20'.
        dividend_rate (str | Unset):  Default: '0.20'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerRiskOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
window_days=window_days,
benchmark=benchmark,
risk_free=risk_free,
short_term_rate=short_term_rate,
long_term_rate=long_term_rate,
dividend_rate=dividend_rate,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    window_days: int | Unset = 365,
    benchmark: str | Unset = 'SPY',
    risk_free: float | Unset = 0.0,
    short_term_rate: str | Unset = '0.37',
    long_term_rate: str | Unset = '0.20',
    dividend_rate: str | Unset = '0.20',

) -> LedgerRiskOut | Problem | None:
    """ Volatility, Sharpe, max drawdown, beta and tax drag of the current holdings

     A current-holdings backcast (today's quantities at the bar store's adjusted daily closes over the
    trailing `window_days`, 30..3660, default 365), beta against `benchmark` (default SPY), and the tax
    drag of what the window realised at the given rates; `held_correlation`: the held positions'
    correlation matrix, volatilities and diversification ratio over the window (null with
    `held_correlation_note` saying why). A held symbol without stored closes makes the figures null,
    `reasons` naming it. Cached per portfolio until its ledger changes (`computed_at`). 422
    INVALID_RISK_REQUEST names the parameter. Conventions are in the answer. Yours only: another user's
    portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        window_days (int | Unset):  Default: 365.
        benchmark (str | Unset):  Default: 'SPY'.
        risk_free (float | Unset):  Default: 0.0.
        short_term_rate (str | Unset):  Default: '0.37'.
        long_term_rate (str | Unset):  Default: '0.20'.
        dividend_rate (str | Unset):  Default: '0.20'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerRiskOut | Problem
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,
window_days=window_days,
benchmark=benchmark,
risk_free=risk_free,
short_term_rate=short_term_rate,
long_term_rate=long_term_rate,
dividend_rate=dividend_rate,

    )).parsed
