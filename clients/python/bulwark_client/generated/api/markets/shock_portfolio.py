from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.shock_in import ShockIn
from ...models.shock_out import ShockOut
from typing import cast



def _get_kwargs(
    *,
    body: ShockIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/scenarios/shock",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ShockOut | None:
    if response.status_code == 200:
        response_200 = ShockOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ShockOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ShockIn,

) -> Response[Problem | ShockOut]:
    """ Reprice positions or your portfolio under macro shocks and replays

     Each scenario's P&L through per-position sensitivities (equity and oil and USD betas, duration and
    convexity to yields, spread duration): the total and its fraction of the gross value, the split by
    factor, the core and hedge P&L and the hedge sufficiency in [0, 1], the worst positions, the
    Mahalanobis distance under the correlation model in use and, with `expected_return`, the months to
    regain the loss. `positions` (at most 10,000) or `portfolio_id` (your own: priced base-currency
    positions and cash, sensitivities per symbol or `default_sensitivities`; others listed in
    `excluded`). `scenarios` name moves of equity, rates, oil, usd, credit; factors left out stay 0, or
    with `correlation` (or `fill_missing` and the default model) take their conditional expectation.
    `replays`: names or ["all"]. With `estimate_betas` (a portfolio only), symbols without posted
    sensitivities get equity, oil and USD betas by OLS of their daily returns on the factor proxies'
    (`beta_proxies`, default SPY, USO, UUP) over the last `beta_window` (252) common returns of the
    stored daily bars; posted sensitivities override them; fewer than `beta_min_observations` (60)
    returns: `default_sensitivities` if given, else the symbol is excluded; `betas` names each symbol's
    basis (posted, estimated, default, none) with the observations, the days and R^2, `beta_estimation`
    the terms. Deterministic what-ifs, unlike the random paths of POST /api/v1/risk/scenario-simulation.
    422 INVALID_SCENARIO naming the field (an unknown factor, a move out of range, a sensitivity out of
    range), INVALID_CORRELATION (not symmetric, a diagonal other than 1, not positive semi-definite),
    SINGULAR_CORRELATION (the named factors' covariance cannot be inverted), EMPTY_PORTFOLIO; 404
    UNKNOWN_SCENARIO for a replay the source lacks, PORTFOLIO_NOT_FOUND for a portfolio that is not
    yours; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After for a large request the budget cannot
    take now.

    Args:
        body (ShockIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShockOut]
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
    body: ShockIn,

) -> Problem | ShockOut | None:
    """ Reprice positions or your portfolio under macro shocks and replays

     Each scenario's P&L through per-position sensitivities (equity and oil and USD betas, duration and
    convexity to yields, spread duration): the total and its fraction of the gross value, the split by
    factor, the core and hedge P&L and the hedge sufficiency in [0, 1], the worst positions, the
    Mahalanobis distance under the correlation model in use and, with `expected_return`, the months to
    regain the loss. `positions` (at most 10,000) or `portfolio_id` (your own: priced base-currency
    positions and cash, sensitivities per symbol or `default_sensitivities`; others listed in
    `excluded`). `scenarios` name moves of equity, rates, oil, usd, credit; factors left out stay 0, or
    with `correlation` (or `fill_missing` and the default model) take their conditional expectation.
    `replays`: names or ["all"]. With `estimate_betas` (a portfolio only), symbols without posted
    sensitivities get equity, oil and USD betas by OLS of their daily returns on the factor proxies'
    (`beta_proxies`, default SPY, USO, UUP) over the last `beta_window` (252) common returns of the
    stored daily bars; posted sensitivities override them; fewer than `beta_min_observations` (60)
    returns: `default_sensitivities` if given, else the symbol is excluded; `betas` names each symbol's
    basis (posted, estimated, default, none) with the observations, the days and R^2, `beta_estimation`
    the terms. Deterministic what-ifs, unlike the random paths of POST /api/v1/risk/scenario-simulation.
    422 INVALID_SCENARIO naming the field (an unknown factor, a move out of range, a sensitivity out of
    range), INVALID_CORRELATION (not symmetric, a diagonal other than 1, not positive semi-definite),
    SINGULAR_CORRELATION (the named factors' covariance cannot be inverted), EMPTY_PORTFOLIO; 404
    UNKNOWN_SCENARIO for a replay the source lacks, PORTFOLIO_NOT_FOUND for a portfolio that is not
    yours; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After for a large request the budget cannot
    take now.

    Args:
        body (ShockIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShockOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ShockIn,

) -> Response[Problem | ShockOut]:
    """ Reprice positions or your portfolio under macro shocks and replays

     Each scenario's P&L through per-position sensitivities (equity and oil and USD betas, duration and
    convexity to yields, spread duration): the total and its fraction of the gross value, the split by
    factor, the core and hedge P&L and the hedge sufficiency in [0, 1], the worst positions, the
    Mahalanobis distance under the correlation model in use and, with `expected_return`, the months to
    regain the loss. `positions` (at most 10,000) or `portfolio_id` (your own: priced base-currency
    positions and cash, sensitivities per symbol or `default_sensitivities`; others listed in
    `excluded`). `scenarios` name moves of equity, rates, oil, usd, credit; factors left out stay 0, or
    with `correlation` (or `fill_missing` and the default model) take their conditional expectation.
    `replays`: names or ["all"]. With `estimate_betas` (a portfolio only), symbols without posted
    sensitivities get equity, oil and USD betas by OLS of their daily returns on the factor proxies'
    (`beta_proxies`, default SPY, USO, UUP) over the last `beta_window` (252) common returns of the
    stored daily bars; posted sensitivities override them; fewer than `beta_min_observations` (60)
    returns: `default_sensitivities` if given, else the symbol is excluded; `betas` names each symbol's
    basis (posted, estimated, default, none) with the observations, the days and R^2, `beta_estimation`
    the terms. Deterministic what-ifs, unlike the random paths of POST /api/v1/risk/scenario-simulation.
    422 INVALID_SCENARIO naming the field (an unknown factor, a move out of range, a sensitivity out of
    range), INVALID_CORRELATION (not symmetric, a diagonal other than 1, not positive semi-definite),
    SINGULAR_CORRELATION (the named factors' covariance cannot be inverted), EMPTY_PORTFOLIO; 404
    UNKNOWN_SCENARIO for a replay the source lacks, PORTFOLIO_NOT_FOUND for a portfolio that is not
    yours; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After for a large request the budget cannot
    take now.

    Args:
        body (ShockIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShockOut]
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
    body: ShockIn,

) -> Problem | ShockOut | None:
    """ Reprice positions or your portfolio under macro shocks and replays

     Each scenario's P&L through per-position sensitivities (equity and oil and USD betas, duration and
    convexity to yields, spread duration): the total and its fraction of the gross value, the split by
    factor, the core and hedge P&L and the hedge sufficiency in [0, 1], the worst positions, the
    Mahalanobis distance under the correlation model in use and, with `expected_return`, the months to
    regain the loss. `positions` (at most 10,000) or `portfolio_id` (your own: priced base-currency
    positions and cash, sensitivities per symbol or `default_sensitivities`; others listed in
    `excluded`). `scenarios` name moves of equity, rates, oil, usd, credit; factors left out stay 0, or
    with `correlation` (or `fill_missing` and the default model) take their conditional expectation.
    `replays`: names or ["all"]. With `estimate_betas` (a portfolio only), symbols without posted
    sensitivities get equity, oil and USD betas by OLS of their daily returns on the factor proxies'
    (`beta_proxies`, default SPY, USO, UUP) over the last `beta_window` (252) common returns of the
    stored daily bars; posted sensitivities override them; fewer than `beta_min_observations` (60)
    returns: `default_sensitivities` if given, else the symbol is excluded; `betas` names each symbol's
    basis (posted, estimated, default, none) with the observations, the days and R^2, `beta_estimation`
    the terms. Deterministic what-ifs, unlike the random paths of POST /api/v1/risk/scenario-simulation.
    422 INVALID_SCENARIO naming the field (an unknown factor, a move out of range, a sensitivity out of
    range), INVALID_CORRELATION (not symmetric, a diagonal other than 1, not positive semi-definite),
    SINGULAR_CORRELATION (the named factors' covariance cannot be inverted), EMPTY_PORTFOLIO; 404
    UNKNOWN_SCENARIO for a replay the source lacks, PORTFOLIO_NOT_FOUND for a portfolio that is not
    yours; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After for a large request the budget cannot
    take now.

    Args:
        body (ShockIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShockOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
