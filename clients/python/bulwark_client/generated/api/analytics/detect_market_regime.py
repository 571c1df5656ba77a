from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.price_history_in import PriceHistoryIn
from ...models.problem import Problem
from ...models.regime_out import RegimeOut
from typing import cast



def _get_kwargs(
    *,
    body: PriceHistoryIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/regime",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RegimeOut | None:
    if response.status_code == 200:
        response_200 = RegimeOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RegimeOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PriceHistoryIn,

) -> Response[Problem | RegimeOut]:
    """ Detect the market regime (bull, bear, volatile, stable) of a close history

     `prices`: 200 to 100,000 daily closes, oldest first. Answers the label, the score of each regime,
    20- and 60-day realised volatility, the 50- and 200-day simple moving averages and their trend /
    cross, Wilder's RSI(14) and the drawdown from the history's peak (docs/regime-monte-carlo.md). 422
    naming the field: INSUFFICIENT_PRICE_HISTORY (fewer than 200 closes), INVALID_PRICE_HISTORY (more
    than 100,000, or a close that is not positive and finite: `prices[i]`). Histories above 2,000 closes
    run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (PriceHistoryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegimeOut]
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
    body: PriceHistoryIn,

) -> Problem | RegimeOut | None:
    """ Detect the market regime (bull, bear, volatile, stable) of a close history

     `prices`: 200 to 100,000 daily closes, oldest first. Answers the label, the score of each regime,
    20- and 60-day realised volatility, the 50- and 200-day simple moving averages and their trend /
    cross, Wilder's RSI(14) and the drawdown from the history's peak (docs/regime-monte-carlo.md). 422
    naming the field: INSUFFICIENT_PRICE_HISTORY (fewer than 200 closes), INVALID_PRICE_HISTORY (more
    than 100,000, or a close that is not positive and finite: `prices[i]`). Histories above 2,000 closes
    run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (PriceHistoryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegimeOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PriceHistoryIn,

) -> Response[Problem | RegimeOut]:
    """ Detect the market regime (bull, bear, volatile, stable) of a close history

     `prices`: 200 to 100,000 daily closes, oldest first. Answers the label, the score of each regime,
    20- and 60-day realised volatility, the 50- and 200-day simple moving averages and their trend /
    cross, Wilder's RSI(14) and the drawdown from the history's peak (docs/regime-monte-carlo.md). 422
    naming the field: INSUFFICIENT_PRICE_HISTORY (fewer than 200 closes), INVALID_PRICE_HISTORY (more
    than 100,000, or a close that is not positive and finite: `prices[i]`). Histories above 2,000 closes
    run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (PriceHistoryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegimeOut]
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
    body: PriceHistoryIn,

) -> Problem | RegimeOut | None:
    """ Detect the market regime (bull, bear, volatile, stable) of a close history

     `prices`: 200 to 100,000 daily closes, oldest first. Answers the label, the score of each regime,
    20- and 60-day realised volatility, the 50- and 200-day simple moving averages and their trend /
    cross, Wilder's RSI(14) and the drawdown from the history's peak (docs/regime-monte-carlo.md). 422
    naming the field: INSUFFICIENT_PRICE_HISTORY (fewer than 200 closes), INVALID_PRICE_HISTORY (more
    than 100,000, or a close that is not positive and finite: `prices[i]`). Histories above 2,000 closes
    run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (PriceHistoryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegimeOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
