from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.optimization_out import OptimizationOut
from ...models.optimize_portfolio_optimization_in import OptimizePortfolioOptimizationIn
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: OptimizePortfolioOptimizationIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/optimization",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OptimizationOut | Problem | None:
    if response.status_code == 200:
        response_200 = OptimizationOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OptimizationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OptimizePortfolioOptimizationIn,

) -> Response[OptimizationOut | Problem]:
    """ Optimise portfolio weights: eleven methods, constraints, stored holdings

     Post `assets` and exactly one of `returns` (simple returns per period), `prices` or an annual
    `covariance` (with `expected_returns` for max_sharpe). The covariance of returns is Ledoit-Wolf
    shrunk (or the sample one), annualised by `periods_per_year`. Weights add up to 1 within the bounds
    (long-only [0, 1] by default; long-short [-1, 1]; `min_weight`, `max_weight`, per-asset `bounds`).
    risk_parity (equal or posted risk budgets) and hrp are long-only. Also black_litterman (market
    weights and views), min_tracking_error (a benchmark), mean_cvar; sector limits, a turnover limit and
    a tracking-error cap for the convex methods; or a portfolio_id / account_id with start and end
    instead of returns (weights from the holdings, closes from the bar store). Answers each asset's
    weight, risk contribution, annual volatility and expected return, and the portfolio's volatility,
    expected return, Sharpe ratio, effective number of assets and diversification ratio, with the
    conventions (docs/optimization.md). 422 with a stable code naming the field:
    INVALID_OPTIMIZATION_INPUT (an unknown method or estimator, rows of the wrong width, a return <= -1,
    budgets not adding up to 1, short weights for risk parity or HRP, ...), EMPTY_PORTFOLIO (no asset),
    TOO_MANY_ASSETS (over 1,000 assets, 10,000 observations or 2,000,000 values),
    INSUFFICIENT_OBSERVATIONS (under 20 returns, or no more returns than assets for the sample
    estimator), NON_FINITE_RETURNS (a null, NaN or infinite value: `returns[i][j]`), NEGATIVE_PRICE,
    SINGULAR_COVARIANCE, WEIGHT_BOUNDS_INFEASIBLE (no fully invested portfolio fits, or the unique risk-
    parity portfolio breaks a bound), MAX_SHARPE_UNATTAINABLE (nothing beats the risk-free rate),
    CONSTRAINTS_INFEASIBLE (sector limits, turnover, tracking-error cap cannot be met together),
    CONSTRAINT_NOT_SUPPORTED (a constraint with a rule-based method), TARGET_RETURN_UNATTAINABLE,
    STORED_INPUTS_MISSING (no priced holding, no stored closes), OPTIMIZATION_FAILED. 404 for a
    portfolio_id or account_id that is not yours. 413 BODY_TOO_LARGE past
    BULWARK_ANALYTICS_MAX_BODY_BYTES; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (OptimizePortfolioOptimizationIn): What to optimise: `assets` with exactly one of
            `returns`, `prices` or `covariance`;
                or a stored `portfolio_id` / `account_id` with `start` and `end` (the bar store's
            closes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OptimizationOut | Problem]
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
    body: OptimizePortfolioOptimizationIn,

) -> OptimizationOut | Problem | None:
    """ Optimise portfolio weights: eleven methods, constraints, stored holdings

     Post `assets` and exactly one of `returns` (simple returns per period), `prices` or an annual
    `covariance` (with `expected_returns` for max_sharpe). The covariance of returns is Ledoit-Wolf
    shrunk (or the sample one), annualised by `periods_per_year`. Weights add up to 1 within the bounds
    (long-only [0, 1] by default; long-short [-1, 1]; `min_weight`, `max_weight`, per-asset `bounds`).
    risk_parity (equal or posted risk budgets) and hrp are long-only. Also black_litterman (market
    weights and views), min_tracking_error (a benchmark), mean_cvar; sector limits, a turnover limit and
    a tracking-error cap for the convex methods; or a portfolio_id / account_id with start and end
    instead of returns (weights from the holdings, closes from the bar store). Answers each asset's
    weight, risk contribution, annual volatility and expected return, and the portfolio's volatility,
    expected return, Sharpe ratio, effective number of assets and diversification ratio, with the
    conventions (docs/optimization.md). 422 with a stable code naming the field:
    INVALID_OPTIMIZATION_INPUT (an unknown method or estimator, rows of the wrong width, a return <= -1,
    budgets not adding up to 1, short weights for risk parity or HRP, ...), EMPTY_PORTFOLIO (no asset),
    TOO_MANY_ASSETS (over 1,000 assets, 10,000 observations or 2,000,000 values),
    INSUFFICIENT_OBSERVATIONS (under 20 returns, or no more returns than assets for the sample
    estimator), NON_FINITE_RETURNS (a null, NaN or infinite value: `returns[i][j]`), NEGATIVE_PRICE,
    SINGULAR_COVARIANCE, WEIGHT_BOUNDS_INFEASIBLE (no fully invested portfolio fits, or the unique risk-
    parity portfolio breaks a bound), MAX_SHARPE_UNATTAINABLE (nothing beats the risk-free rate),
    CONSTRAINTS_INFEASIBLE (sector limits, turnover, tracking-error cap cannot be met together),
    CONSTRAINT_NOT_SUPPORTED (a constraint with a rule-based method), TARGET_RETURN_UNATTAINABLE,
    STORED_INPUTS_MISSING (no priced holding, no stored closes), OPTIMIZATION_FAILED. 404 for a
    portfolio_id or account_id that is not yours. 413 BODY_TOO_LARGE past
    BULWARK_ANALYTICS_MAX_BODY_BYTES; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (OptimizePortfolioOptimizationIn): What to optimise: `assets` with exactly one of
            `returns`, `prices` or `covariance`;
                or a stored `portfolio_id` / `account_id` with `start` and `end` (the bar store's
            closes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OptimizationOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OptimizePortfolioOptimizationIn,

) -> Response[OptimizationOut | Problem]:
    """ Optimise portfolio weights: eleven methods, constraints, stored holdings

     Post `assets` and exactly one of `returns` (simple returns per period), `prices` or an annual
    `covariance` (with `expected_returns` for max_sharpe). The covariance of returns is Ledoit-Wolf
    shrunk (or the sample one), annualised by `periods_per_year`. Weights add up to 1 within the bounds
    (long-only [0, 1] by default; long-short [-1, 1]; `min_weight`, `max_weight`, per-asset `bounds`).
    risk_parity (equal or posted risk budgets) and hrp are long-only. Also black_litterman (market
    weights and views), min_tracking_error (a benchmark), mean_cvar; sector limits, a turnover limit and
    a tracking-error cap for the convex methods; or a portfolio_id / account_id with start and end
    instead of returns (weights from the holdings, closes from the bar store). Answers each asset's
    weight, risk contribution, annual volatility and expected return, and the portfolio's volatility,
    expected return, Sharpe ratio, effective number of assets and diversification ratio, with the
    conventions (docs/optimization.md). 422 with a stable code naming the field:
    INVALID_OPTIMIZATION_INPUT (an unknown method or estimator, rows of the wrong width, a return <= -1,
    budgets not adding up to 1, short weights for risk parity or HRP, ...), EMPTY_PORTFOLIO (no asset),
    TOO_MANY_ASSETS (over 1,000 assets, 10,000 observations or 2,000,000 values),
    INSUFFICIENT_OBSERVATIONS (under 20 returns, or no more returns than assets for the sample
    estimator), NON_FINITE_RETURNS (a null, NaN or infinite value: `returns[i][j]`), NEGATIVE_PRICE,
    SINGULAR_COVARIANCE, WEIGHT_BOUNDS_INFEASIBLE (no fully invested portfolio fits, or the unique risk-
    parity portfolio breaks a bound), MAX_SHARPE_UNATTAINABLE (nothing beats the risk-free rate),
    CONSTRAINTS_INFEASIBLE (sector limits, turnover, tracking-error cap cannot be met together),
    CONSTRAINT_NOT_SUPPORTED (a constraint with a rule-based method), TARGET_RETURN_UNATTAINABLE,
    STORED_INPUTS_MISSING (no priced holding, no stored closes), OPTIMIZATION_FAILED. 404 for a
    portfolio_id or account_id that is not yours. 413 BODY_TOO_LARGE past
    BULWARK_ANALYTICS_MAX_BODY_BYTES; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (OptimizePortfolioOptimizationIn): What to optimise: `assets` with exactly one of
            `returns`, `prices` or `covariance`;
                or a stored `portfolio_id` / `account_id` with `start` and `end` (the bar store's
            closes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OptimizationOut | Problem]
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
    body: OptimizePortfolioOptimizationIn,

) -> OptimizationOut | Problem | None:
    """ Optimise portfolio weights: eleven methods, constraints, stored holdings

     Post `assets` and exactly one of `returns` (simple returns per period), `prices` or an annual
    `covariance` (with `expected_returns` for max_sharpe). The covariance of returns is Ledoit-Wolf
    shrunk (or the sample one), annualised by `periods_per_year`. Weights add up to 1 within the bounds
    (long-only [0, 1] by default; long-short [-1, 1]; `min_weight`, `max_weight`, per-asset `bounds`).
    risk_parity (equal or posted risk budgets) and hrp are long-only. Also black_litterman (market
    weights and views), min_tracking_error (a benchmark), mean_cvar; sector limits, a turnover limit and
    a tracking-error cap for the convex methods; or a portfolio_id / account_id with start and end
    instead of returns (weights from the holdings, closes from the bar store). Answers each asset's
    weight, risk contribution, annual volatility and expected return, and the portfolio's volatility,
    expected return, Sharpe ratio, effective number of assets and diversification ratio, with the
    conventions (docs/optimization.md). 422 with a stable code naming the field:
    INVALID_OPTIMIZATION_INPUT (an unknown method or estimator, rows of the wrong width, a return <= -1,
    budgets not adding up to 1, short weights for risk parity or HRP, ...), EMPTY_PORTFOLIO (no asset),
    TOO_MANY_ASSETS (over 1,000 assets, 10,000 observations or 2,000,000 values),
    INSUFFICIENT_OBSERVATIONS (under 20 returns, or no more returns than assets for the sample
    estimator), NON_FINITE_RETURNS (a null, NaN or infinite value: `returns[i][j]`), NEGATIVE_PRICE,
    SINGULAR_COVARIANCE, WEIGHT_BOUNDS_INFEASIBLE (no fully invested portfolio fits, or the unique risk-
    parity portfolio breaks a bound), MAX_SHARPE_UNATTAINABLE (nothing beats the risk-free rate),
    CONSTRAINTS_INFEASIBLE (sector limits, turnover, tracking-error cap cannot be met together),
    CONSTRAINT_NOT_SUPPORTED (a constraint with a rule-based method), TARGET_RETURN_UNATTAINABLE,
    STORED_INPUTS_MISSING (no priced holding, no stored closes), OPTIMIZATION_FAILED. 404 for a
    portfolio_id or account_id that is not yours. 413 BODY_TOO_LARGE past
    BULWARK_ANALYTICS_MAX_BODY_BYTES; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (OptimizePortfolioOptimizationIn): What to optimise: `assets` with exactly one of
            `returns`, `prices` or `covariance`;
                or a stored `portfolio_id` / `account_id` with `start` and `end` (the bar store's
            closes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OptimizationOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
