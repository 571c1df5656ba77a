from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.portfolio_risk_out import PortfolioRiskOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    account_id: str,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["account_id"] = account_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/risk-rules/portfolio-risk",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PortfolioRiskOut | Problem | None:
    if response.status_code == 200:
        response_200 = PortfolioRiskOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PortfolioRiskOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: str,

) -> Response[PortfolioRiskOut | Problem]:
    """ Portfolio risk of an account

     Gross / net / long / short exposure, leverage, sector weights, drawdown and day P&L at current
    marks. `var`: historical, Gaussian and Cornish-Fisher VaR / CVaR and the Hill tail index
    (domain/analytics/risk_measures) from the account's stored daily returns (time-weighted, from the
    daily equity snapshots, the last 252 at most; `returns_source` is `stored` and `returns_count` says
    how many), null with fewer than two (POST to this path to send returns). `held_correlation`: the
    held positions' correlation matrix, volatilities and diversification ratio from their stored daily
    bars (null with `held_correlation_note` saying why). 404 NOT_FOUND; 422 NO_REFERENCE_PRICE when a
    held symbol has no mark.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioRiskOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    account_id: str,

) -> PortfolioRiskOut | Problem | None:
    """ Portfolio risk of an account

     Gross / net / long / short exposure, leverage, sector weights, drawdown and day P&L at current
    marks. `var`: historical, Gaussian and Cornish-Fisher VaR / CVaR and the Hill tail index
    (domain/analytics/risk_measures) from the account's stored daily returns (time-weighted, from the
    daily equity snapshots, the last 252 at most; `returns_source` is `stored` and `returns_count` says
    how many), null with fewer than two (POST to this path to send returns). `held_correlation`: the
    held positions' correlation matrix, volatilities and diversification ratio from their stored daily
    bars (null with `held_correlation_note` saying why). 404 NOT_FOUND; 422 NO_REFERENCE_PRICE when a
    held symbol has no mark.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioRiskOut | Problem
     """


    return sync_detailed(
        client=client,
account_id=account_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: str,

) -> Response[PortfolioRiskOut | Problem]:
    """ Portfolio risk of an account

     Gross / net / long / short exposure, leverage, sector weights, drawdown and day P&L at current
    marks. `var`: historical, Gaussian and Cornish-Fisher VaR / CVaR and the Hill tail index
    (domain/analytics/risk_measures) from the account's stored daily returns (time-weighted, from the
    daily equity snapshots, the last 252 at most; `returns_source` is `stored` and `returns_count` says
    how many), null with fewer than two (POST to this path to send returns). `held_correlation`: the
    held positions' correlation matrix, volatilities and diversification ratio from their stored daily
    bars (null with `held_correlation_note` saying why). 404 NOT_FOUND; 422 NO_REFERENCE_PRICE when a
    held symbol has no mark.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioRiskOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    account_id: str,

) -> PortfolioRiskOut | Problem | None:
    """ Portfolio risk of an account

     Gross / net / long / short exposure, leverage, sector weights, drawdown and day P&L at current
    marks. `var`: historical, Gaussian and Cornish-Fisher VaR / CVaR and the Hill tail index
    (domain/analytics/risk_measures) from the account's stored daily returns (time-weighted, from the
    daily equity snapshots, the last 252 at most; `returns_source` is `stored` and `returns_count` says
    how many), null with fewer than two (POST to this path to send returns). `held_correlation`: the
    held positions' correlation matrix, volatilities and diversification ratio from their stored daily
    bars (null with `held_correlation_note` saying why). 404 NOT_FOUND; 422 NO_REFERENCE_PRICE when a
    held symbol has no mark.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioRiskOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
account_id=account_id,

    )).parsed
