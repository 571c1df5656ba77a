from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.esg_screen_in import EsgScreenIn
from ...models.esg_screen_out import EsgScreenOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: EsgScreenIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/esg/screen",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EsgScreenOut | Problem | None:
    if response.status_code == 200:
        response_200 = EsgScreenOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EsgScreenOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EsgScreenIn,

) -> Response[EsgScreenOut | Problem]:
    """ Exclusion screens: tobacco, alcohol, gambling, weapons, adult, thermal coal

     Holdings whose issuer's revenue share from a category is >= its threshold (and above 0) are
    excluded, with the categories breached; `thresholds` overrides the defaults (tobacco 0, thermal_coal
    0.01, the others 0.05; docs/esg.md) and, when given, chooses the categories screened. Holdings
    without data are unscreened. Exactly one of `holdings` (1 to 5,000 `{symbol, value}` in `currency`),
    `portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base currency,
    summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you
    may read: long positions at their marks in its currency, shorts left out; another user's is 404
    NOT_FOUND); weights are the market values over their total. Cash is never a holding: `source` names
    what was read, what was left out and the cash beside it. 422 INVALID_ESG_INPUT naming the field.

    Args:
        body (EsgScreenIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EsgScreenOut | Problem]
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
    body: EsgScreenIn,

) -> EsgScreenOut | Problem | None:
    """ Exclusion screens: tobacco, alcohol, gambling, weapons, adult, thermal coal

     Holdings whose issuer's revenue share from a category is >= its threshold (and above 0) are
    excluded, with the categories breached; `thresholds` overrides the defaults (tobacco 0, thermal_coal
    0.01, the others 0.05; docs/esg.md) and, when given, chooses the categories screened. Holdings
    without data are unscreened. Exactly one of `holdings` (1 to 5,000 `{symbol, value}` in `currency`),
    `portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base currency,
    summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you
    may read: long positions at their marks in its currency, shorts left out; another user's is 404
    NOT_FOUND); weights are the market values over their total. Cash is never a holding: `source` names
    what was read, what was left out and the cash beside it. 422 INVALID_ESG_INPUT naming the field.

    Args:
        body (EsgScreenIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EsgScreenOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EsgScreenIn,

) -> Response[EsgScreenOut | Problem]:
    """ Exclusion screens: tobacco, alcohol, gambling, weapons, adult, thermal coal

     Holdings whose issuer's revenue share from a category is >= its threshold (and above 0) are
    excluded, with the categories breached; `thresholds` overrides the defaults (tobacco 0, thermal_coal
    0.01, the others 0.05; docs/esg.md) and, when given, chooses the categories screened. Holdings
    without data are unscreened. Exactly one of `holdings` (1 to 5,000 `{symbol, value}` in `currency`),
    `portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base currency,
    summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you
    may read: long positions at their marks in its currency, shorts left out; another user's is 404
    NOT_FOUND); weights are the market values over their total. Cash is never a holding: `source` names
    what was read, what was left out and the cash beside it. 422 INVALID_ESG_INPUT naming the field.

    Args:
        body (EsgScreenIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EsgScreenOut | Problem]
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
    body: EsgScreenIn,

) -> EsgScreenOut | Problem | None:
    """ Exclusion screens: tobacco, alcohol, gambling, weapons, adult, thermal coal

     Holdings whose issuer's revenue share from a category is >= its threshold (and above 0) are
    excluded, with the categories breached; `thresholds` overrides the defaults (tobacco 0, thermal_coal
    0.01, the others 0.05; docs/esg.md) and, when given, chooses the categories screened. Holdings
    without data are unscreened. Exactly one of `holdings` (1 to 5,000 `{symbol, value}` in `currency`),
    `portfolio_id` (a ledger portfolio of yours: positions at reference prices in its base currency,
    summed by symbol; another user's is 404 PORTFOLIO_NOT_FOUND) or `account_id` (a trading account you
    may read: long positions at their marks in its currency, shorts left out; another user's is 404
    NOT_FOUND); weights are the market values over their total. Cash is never a holding: `source` names
    what was read, what was left out and the cash beside it. 422 INVALID_ESG_INPUT naming the field.

    Args:
        body (EsgScreenIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EsgScreenOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
