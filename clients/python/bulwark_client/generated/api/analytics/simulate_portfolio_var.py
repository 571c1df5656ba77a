from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.scenario_in import ScenarioIn
from ...models.scenario_out import ScenarioOut
from typing import cast



def _get_kwargs(
    *,
    body: ScenarioIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/risk/scenario-simulation",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ScenarioOut | None:
    if response.status_code == 200:
        response_200 = ScenarioOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ScenarioOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ScenarioIn,

) -> Response[Problem | ScenarioOut]:
    """ Regime-switching Monte Carlo VaR of a portfolio

     `weights` (sum 1, at most 50 assets), `account_id` (its positions by market value; 404 NOT_FOUND for
    an account the caller may not read) or `portfolio_id` (a ledger portfolio's priced positions in its
    base currency; 404 PORTFOLIO_NOT_FOUND for another's). Simulates `paths` paths of `steps` trading
    days of the default four-regime model (bull, bear, volatile, stable) with the `model` overrides,
    starting in `initial_regime`, in the regime detected from `prices`, or in the stationary mode.
    Answers historical and Cornish-Fisher VaR / CVaR of the horizon return, the fan chart, regime
    occupancy, the black-swan share, drawdowns and the compute backend (docs/risk-measures.md). 422
    INVALID_RISK_INPUT naming the field (paths x steps above 10,000,000, more than 50 assets, a bad
    model); 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (ScenarioIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScenarioOut]
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
    body: ScenarioIn,

) -> Problem | ScenarioOut | None:
    """ Regime-switching Monte Carlo VaR of a portfolio

     `weights` (sum 1, at most 50 assets), `account_id` (its positions by market value; 404 NOT_FOUND for
    an account the caller may not read) or `portfolio_id` (a ledger portfolio's priced positions in its
    base currency; 404 PORTFOLIO_NOT_FOUND for another's). Simulates `paths` paths of `steps` trading
    days of the default four-regime model (bull, bear, volatile, stable) with the `model` overrides,
    starting in `initial_regime`, in the regime detected from `prices`, or in the stationary mode.
    Answers historical and Cornish-Fisher VaR / CVaR of the horizon return, the fan chart, regime
    occupancy, the black-swan share, drawdowns and the compute backend (docs/risk-measures.md). 422
    INVALID_RISK_INPUT naming the field (paths x steps above 10,000,000, more than 50 assets, a bad
    model); 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (ScenarioIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScenarioOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ScenarioIn,

) -> Response[Problem | ScenarioOut]:
    """ Regime-switching Monte Carlo VaR of a portfolio

     `weights` (sum 1, at most 50 assets), `account_id` (its positions by market value; 404 NOT_FOUND for
    an account the caller may not read) or `portfolio_id` (a ledger portfolio's priced positions in its
    base currency; 404 PORTFOLIO_NOT_FOUND for another's). Simulates `paths` paths of `steps` trading
    days of the default four-regime model (bull, bear, volatile, stable) with the `model` overrides,
    starting in `initial_regime`, in the regime detected from `prices`, or in the stationary mode.
    Answers historical and Cornish-Fisher VaR / CVaR of the horizon return, the fan chart, regime
    occupancy, the black-swan share, drawdowns and the compute backend (docs/risk-measures.md). 422
    INVALID_RISK_INPUT naming the field (paths x steps above 10,000,000, more than 50 assets, a bad
    model); 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (ScenarioIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScenarioOut]
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
    body: ScenarioIn,

) -> Problem | ScenarioOut | None:
    """ Regime-switching Monte Carlo VaR of a portfolio

     `weights` (sum 1, at most 50 assets), `account_id` (its positions by market value; 404 NOT_FOUND for
    an account the caller may not read) or `portfolio_id` (a ledger portfolio's priced positions in its
    base currency; 404 PORTFOLIO_NOT_FOUND for another's). Simulates `paths` paths of `steps` trading
    days of the default four-regime model (bull, bear, volatile, stable) with the `model` overrides,
    starting in `initial_regime`, in the regime detected from `prices`, or in the stationary mode.
    Answers historical and Cornish-Fisher VaR / CVaR of the horizon return, the fan chart, regime
    occupancy, the black-swan share, drawdowns and the compute backend (docs/risk-measures.md). 422
    INVALID_RISK_INPUT naming the field (paths x steps above 10,000,000, more than 50 assets, a bad
    model); 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (ScenarioIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScenarioOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
