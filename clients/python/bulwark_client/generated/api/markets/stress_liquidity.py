from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.liquidity_in import LiquidityIn
from ...models.liquidity_out import LiquidityOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: LiquidityIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/scenarios/liquidity",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LiquidityOut | Problem | None:
    if response.status_code == 200:
        response_200 = LiquidityOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LiquidityOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LiquidityIn,

) -> Response[LiquidityOut | Problem]:
    """ Bank-run liquidity stress: cash raisable per day against obligations

     Each asset raises value x (1 - haircut) / horizon_days on each of its first horizon_days days;
    against `obligations` (an amount a day, at most 366 days) or a `run` (deposits withdrawn at
    daily_rate of what is left). Answers each day's cash raised, obligations and cumulative surplus, the
    first shortfall day, the days survived and the coverage. The assets: exactly one of posted `assets`,
    `portfolio_id` (a ledger portfolio of yours: priced positions in its base currency and its base-
    currency cash; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you may
    read: positions at their marks and its cash; another user's is 404 NOT_FOUND). A stored holding's
    haircut and horizon come from its instrument's asset class (cash 0 over 1 day, fx 1 % over 1, equity
    10 % over 2, option 20 % over 3, crypto 25 % over 2; no stored instrument: equity) unless
    `liquidity` posts them for its symbol or class; shorts and futures are left out; `source` lists each
    asset with its terms and why, and what was left out. 422 INVALID_SCENARIO naming the field. Stores
    nothing.

    Args:
        body (LiquidityIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LiquidityOut | Problem]
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
    body: LiquidityIn,

) -> LiquidityOut | Problem | None:
    """ Bank-run liquidity stress: cash raisable per day against obligations

     Each asset raises value x (1 - haircut) / horizon_days on each of its first horizon_days days;
    against `obligations` (an amount a day, at most 366 days) or a `run` (deposits withdrawn at
    daily_rate of what is left). Answers each day's cash raised, obligations and cumulative surplus, the
    first shortfall day, the days survived and the coverage. The assets: exactly one of posted `assets`,
    `portfolio_id` (a ledger portfolio of yours: priced positions in its base currency and its base-
    currency cash; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you may
    read: positions at their marks and its cash; another user's is 404 NOT_FOUND). A stored holding's
    haircut and horizon come from its instrument's asset class (cash 0 over 1 day, fx 1 % over 1, equity
    10 % over 2, option 20 % over 3, crypto 25 % over 2; no stored instrument: equity) unless
    `liquidity` posts them for its symbol or class; shorts and futures are left out; `source` lists each
    asset with its terms and why, and what was left out. 422 INVALID_SCENARIO naming the field. Stores
    nothing.

    Args:
        body (LiquidityIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LiquidityOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LiquidityIn,

) -> Response[LiquidityOut | Problem]:
    """ Bank-run liquidity stress: cash raisable per day against obligations

     Each asset raises value x (1 - haircut) / horizon_days on each of its first horizon_days days;
    against `obligations` (an amount a day, at most 366 days) or a `run` (deposits withdrawn at
    daily_rate of what is left). Answers each day's cash raised, obligations and cumulative surplus, the
    first shortfall day, the days survived and the coverage. The assets: exactly one of posted `assets`,
    `portfolio_id` (a ledger portfolio of yours: priced positions in its base currency and its base-
    currency cash; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you may
    read: positions at their marks and its cash; another user's is 404 NOT_FOUND). A stored holding's
    haircut and horizon come from its instrument's asset class (cash 0 over 1 day, fx 1 % over 1, equity
    10 % over 2, option 20 % over 3, crypto 25 % over 2; no stored instrument: equity) unless
    `liquidity` posts them for its symbol or class; shorts and futures are left out; `source` lists each
    asset with its terms and why, and what was left out. 422 INVALID_SCENARIO naming the field. Stores
    nothing.

    Args:
        body (LiquidityIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LiquidityOut | Problem]
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
    body: LiquidityIn,

) -> LiquidityOut | Problem | None:
    """ Bank-run liquidity stress: cash raisable per day against obligations

     Each asset raises value x (1 - haircut) / horizon_days on each of its first horizon_days days;
    against `obligations` (an amount a day, at most 366 days) or a `run` (deposits withdrawn at
    daily_rate of what is left). Answers each day's cash raised, obligations and cumulative surplus, the
    first shortfall day, the days survived and the coverage. The assets: exactly one of posted `assets`,
    `portfolio_id` (a ledger portfolio of yours: priced positions in its base currency and its base-
    currency cash; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you may
    read: positions at their marks and its cash; another user's is 404 NOT_FOUND). A stored holding's
    haircut and horizon come from its instrument's asset class (cash 0 over 1 day, fx 1 % over 1, equity
    10 % over 2, option 20 % over 3, crypto 25 % over 2; no stored instrument: equity) unless
    `liquidity` posts them for its symbol or class; shorts and futures are left out; `source` lists each
    asset with its terms and why, and what was left out. 422 INVALID_SCENARIO naming the field. Stores
    nothing.

    Args:
        body (LiquidityIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LiquidityOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
