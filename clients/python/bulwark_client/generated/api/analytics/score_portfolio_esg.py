from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.esg_query_in import EsgQueryIn
from ...models.esg_score_out import EsgScoreOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: EsgQueryIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/esg/score",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EsgScoreOut | Problem | None:
    if response.status_code == 200:
        response_200 = EsgScoreOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EsgScoreOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EsgQueryIn,

) -> Response[EsgScoreOut | Problem]:
    """ Portfolio ESG score (value-weighted over covered holdings) with its coverage

     The overall score and the E, S and G pillars (0-100, higher is better), each value-weighted over the
    holdings the data covers, with the coverage by value and by count, per-holding figures and the
    uncovered symbols. Exactly one of `holdings` (1 to 5,000 `{symbol, value}` in `currency`),
    `portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base currency,
    summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you
    may read: long positions at their marks in its currency, shorts left out; another user's is 404
    NOT_FOUND); weights are the market values over their total. Cash is never a holding: `source` names
    what was read, what was left out and the cash beside it. 422 INVALID_ESG_INPUT naming the field.

    Args:
        body (EsgQueryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EsgScoreOut | Problem]
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
    body: EsgQueryIn,

) -> EsgScoreOut | Problem | None:
    """ Portfolio ESG score (value-weighted over covered holdings) with its coverage

     The overall score and the E, S and G pillars (0-100, higher is better), each value-weighted over the
    holdings the data covers, with the coverage by value and by count, per-holding figures and the
    uncovered symbols. Exactly one of `holdings` (1 to 5,000 `{symbol, value}` in `currency`),
    `portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base currency,
    summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you
    may read: long positions at their marks in its currency, shorts left out; another user's is 404
    NOT_FOUND); weights are the market values over their total. Cash is never a holding: `source` names
    what was read, what was left out and the cash beside it. 422 INVALID_ESG_INPUT naming the field.

    Args:
        body (EsgQueryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EsgScoreOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EsgQueryIn,

) -> Response[EsgScoreOut | Problem]:
    """ Portfolio ESG score (value-weighted over covered holdings) with its coverage

     The overall score and the E, S and G pillars (0-100, higher is better), each value-weighted over the
    holdings the data covers, with the coverage by value and by count, per-holding figures and the
    uncovered symbols. Exactly one of `holdings` (1 to 5,000 `{symbol, value}` in `currency`),
    `portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base currency,
    summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you
    may read: long positions at their marks in its currency, shorts left out; another user's is 404
    NOT_FOUND); weights are the market values over their total. Cash is never a holding: `source` names
    what was read, what was left out and the cash beside it. 422 INVALID_ESG_INPUT naming the field.

    Args:
        body (EsgQueryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EsgScoreOut | Problem]
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
    body: EsgQueryIn,

) -> EsgScoreOut | Problem | None:
    """ Portfolio ESG score (value-weighted over covered holdings) with its coverage

     The overall score and the E, S and G pillars (0-100, higher is better), each value-weighted over the
    holdings the data covers, with the coverage by value and by count, per-holding figures and the
    uncovered symbols. Exactly one of `holdings` (1 to 5,000 `{symbol, value}` in `currency`),
    `portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base currency,
    summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you
    may read: long positions at their marks in its currency, shorts left out; another user's is 404
    NOT_FOUND); weights are the market values over their total. Cash is never a holding: `source` names
    what was read, what was left out and the cash beside it. 422 INVALID_ESG_INPUT naming the field.

    Args:
        body (EsgQueryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EsgScoreOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
