from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.var_in import VarIn
from ...models.var_out import VarOut
from typing import cast



def _get_kwargs(
    *,
    body: VarIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/risk/var",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VarOut | None:
    if response.status_code == 200:
        response_200 = VarOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | VarOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VarIn,

) -> Response[Problem | VarOut]:
    """ VaR and CVaR of a returns or P&L series

     Exactly one of `returns` (fractions), `pnl` (money) or `account_id` (its stored daily returns; 404
    NOT_FOUND for an account the caller may not read). For each confidence level (default 0.95 and 0.99,
    each in (0.5, 1)) and method (historical, parametric_normal, cornish_fisher): VaR and CVaR over
    `horizon_days` (square-root-of-time scaling of the 1-day figures), the Hill tail index and the
    conventions used (docs/risk-measures.md). 422 naming the field: INVALID_RISK_INPUT (NaN / Infinity,
    a confidence out of range, more than 1,000,000 observations), INSUFFICIENT_RETURNS (fewer than 10).
    Samples above 100,000 run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with
    Retry-After.

    Args:
        body (VarIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VarOut]
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
    body: VarIn,

) -> Problem | VarOut | None:
    """ VaR and CVaR of a returns or P&L series

     Exactly one of `returns` (fractions), `pnl` (money) or `account_id` (its stored daily returns; 404
    NOT_FOUND for an account the caller may not read). For each confidence level (default 0.95 and 0.99,
    each in (0.5, 1)) and method (historical, parametric_normal, cornish_fisher): VaR and CVaR over
    `horizon_days` (square-root-of-time scaling of the 1-day figures), the Hill tail index and the
    conventions used (docs/risk-measures.md). 422 naming the field: INVALID_RISK_INPUT (NaN / Infinity,
    a confidence out of range, more than 1,000,000 observations), INSUFFICIENT_RETURNS (fewer than 10).
    Samples above 100,000 run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with
    Retry-After.

    Args:
        body (VarIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VarOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VarIn,

) -> Response[Problem | VarOut]:
    """ VaR and CVaR of a returns or P&L series

     Exactly one of `returns` (fractions), `pnl` (money) or `account_id` (its stored daily returns; 404
    NOT_FOUND for an account the caller may not read). For each confidence level (default 0.95 and 0.99,
    each in (0.5, 1)) and method (historical, parametric_normal, cornish_fisher): VaR and CVaR over
    `horizon_days` (square-root-of-time scaling of the 1-day figures), the Hill tail index and the
    conventions used (docs/risk-measures.md). 422 naming the field: INVALID_RISK_INPUT (NaN / Infinity,
    a confidence out of range, more than 1,000,000 observations), INSUFFICIENT_RETURNS (fewer than 10).
    Samples above 100,000 run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with
    Retry-After.

    Args:
        body (VarIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VarOut]
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
    body: VarIn,

) -> Problem | VarOut | None:
    """ VaR and CVaR of a returns or P&L series

     Exactly one of `returns` (fractions), `pnl` (money) or `account_id` (its stored daily returns; 404
    NOT_FOUND for an account the caller may not read). For each confidence level (default 0.95 and 0.99,
    each in (0.5, 1)) and method (historical, parametric_normal, cornish_fisher): VaR and CVaR over
    `horizon_days` (square-root-of-time scaling of the 1-day figures), the Hill tail index and the
    conventions used (docs/risk-measures.md). 422 naming the field: INVALID_RISK_INPUT (NaN / Infinity,
    a confidence out of range, more than 1,000,000 observations), INSUFFICIENT_RETURNS (fewer than 10).
    Samples above 100,000 run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with
    Retry-After.

    Args:
        body (VarIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VarOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
