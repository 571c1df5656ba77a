from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.monte_carlo_in import MonteCarloIn
from ...models.monte_carlo_out import MonteCarloOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: MonteCarloIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/planning/monte-carlo",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MonteCarloOut | Problem | None:
    if response.status_code == 200:
        response_200 = MonteCarloOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MonteCarloOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MonteCarloIn,

) -> Response[MonteCarloOut | Problem]:
    """ Simulate a retirement plan (Monte Carlo, monthly steps)

     Success probability with its standard error, median ending wealth (nominal and in today's money),
    the fan chart (wealth percentiles per year), the probability of ruin by year, P(ending wealth >
    target), the conventions and the compute backend. The horizon, return and volatility left out come
    from your investor profile (`from_profile` names them). With `from_holdings` the fields left out
    come from what you hold: the wealth from your accounts, portfolios, illiquid assets and linked
    accounts, contributions from your retirement plans, the return and volatility fitted from the held
    securities' daily closes; `stored_inputs` lists what was read and whether each field was posted,
    stored or fitted; 422 PLANNING_HISTORY_TOO_SHORT names what is missing for a fit. Stores nothing (a
    viewer may call it). 422 INVALID_PLANNING_INPUT names the field out of range; 422
    PATH_STEPS_TOO_MANY (field `paths`) past 10,000,000 path-steps; 503 COMPUTE_BUSY /
    COMPUTE_TIME_BUDGET with Retry-After when the compute budget is taken or the run would outlast it.

    Args:
        body (MonteCarloIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonteCarloOut | Problem]
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
    body: MonteCarloIn,

) -> MonteCarloOut | Problem | None:
    """ Simulate a retirement plan (Monte Carlo, monthly steps)

     Success probability with its standard error, median ending wealth (nominal and in today's money),
    the fan chart (wealth percentiles per year), the probability of ruin by year, P(ending wealth >
    target), the conventions and the compute backend. The horizon, return and volatility left out come
    from your investor profile (`from_profile` names them). With `from_holdings` the fields left out
    come from what you hold: the wealth from your accounts, portfolios, illiquid assets and linked
    accounts, contributions from your retirement plans, the return and volatility fitted from the held
    securities' daily closes; `stored_inputs` lists what was read and whether each field was posted,
    stored or fitted; 422 PLANNING_HISTORY_TOO_SHORT names what is missing for a fit. Stores nothing (a
    viewer may call it). 422 INVALID_PLANNING_INPUT names the field out of range; 422
    PATH_STEPS_TOO_MANY (field `paths`) past 10,000,000 path-steps; 503 COMPUTE_BUSY /
    COMPUTE_TIME_BUDGET with Retry-After when the compute budget is taken or the run would outlast it.

    Args:
        body (MonteCarloIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonteCarloOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MonteCarloIn,

) -> Response[MonteCarloOut | Problem]:
    """ Simulate a retirement plan (Monte Carlo, monthly steps)

     Success probability with its standard error, median ending wealth (nominal and in today's money),
    the fan chart (wealth percentiles per year), the probability of ruin by year, P(ending wealth >
    target), the conventions and the compute backend. The horizon, return and volatility left out come
    from your investor profile (`from_profile` names them). With `from_holdings` the fields left out
    come from what you hold: the wealth from your accounts, portfolios, illiquid assets and linked
    accounts, contributions from your retirement plans, the return and volatility fitted from the held
    securities' daily closes; `stored_inputs` lists what was read and whether each field was posted,
    stored or fitted; 422 PLANNING_HISTORY_TOO_SHORT names what is missing for a fit. Stores nothing (a
    viewer may call it). 422 INVALID_PLANNING_INPUT names the field out of range; 422
    PATH_STEPS_TOO_MANY (field `paths`) past 10,000,000 path-steps; 503 COMPUTE_BUSY /
    COMPUTE_TIME_BUDGET with Retry-After when the compute budget is taken or the run would outlast it.

    Args:
        body (MonteCarloIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonteCarloOut | Problem]
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
    body: MonteCarloIn,

) -> MonteCarloOut | Problem | None:
    """ Simulate a retirement plan (Monte Carlo, monthly steps)

     Success probability with its standard error, median ending wealth (nominal and in today's money),
    the fan chart (wealth percentiles per year), the probability of ruin by year, P(ending wealth >
    target), the conventions and the compute backend. The horizon, return and volatility left out come
    from your investor profile (`from_profile` names them). With `from_holdings` the fields left out
    come from what you hold: the wealth from your accounts, portfolios, illiquid assets and linked
    accounts, contributions from your retirement plans, the return and volatility fitted from the held
    securities' daily closes; `stored_inputs` lists what was read and whether each field was posted,
    stored or fitted; 422 PLANNING_HISTORY_TOO_SHORT names what is missing for a fit. Stores nothing (a
    viewer may call it). 422 INVALID_PLANNING_INPUT names the field out of range; 422
    PATH_STEPS_TOO_MANY (field `paths`) past 10,000,000 path-steps; 503 COMPUTE_BUSY /
    COMPUTE_TIME_BUDGET with Retry-After when the compute budget is taken or the run would outlast it.

    Args:
        body (MonteCarloIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonteCarloOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
