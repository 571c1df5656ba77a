from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.aggregation_exchange_in import AggregationExchangeIn
from ...models.aggregation_item_out import AggregationItemOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: AggregationExchangeIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/aggregation/items",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AggregationItemOut | Problem | None:
    if response.status_code == 201:
        response_201 = AggregationItemOut.from_dict(response.json())



        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AggregationItemOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AggregationExchangeIn,

) -> Response[AggregationItemOut | Problem]:
    """ Link an item: exchange Link's public token

     The access token is kept sealed and never answered. The item's accounts are read once; POST .../sync
    reads holdings and transactions. 404 for a portfolio not the caller's; 409 CONFLICT when the login
    is already linked; 422 AGGREGATOR_REFUSED for an invalid public token. 409 ITEM_LOGIN_REQUIRED when
    the institution wants the user to log in again (Link in update mode), CAPABILITY_NOT_CONFIGURED
    naming BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not configured; 429
    AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now.

    Args:
        body (AggregationExchangeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationItemOut | Problem]
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
    body: AggregationExchangeIn,

) -> AggregationItemOut | Problem | None:
    """ Link an item: exchange Link's public token

     The access token is kept sealed and never answered. The item's accounts are read once; POST .../sync
    reads holdings and transactions. 404 for a portfolio not the caller's; 409 CONFLICT when the login
    is already linked; 422 AGGREGATOR_REFUSED for an invalid public token. 409 ITEM_LOGIN_REQUIRED when
    the institution wants the user to log in again (Link in update mode), CAPABILITY_NOT_CONFIGURED
    naming BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not configured; 429
    AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now.

    Args:
        body (AggregationExchangeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationItemOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AggregationExchangeIn,

) -> Response[AggregationItemOut | Problem]:
    """ Link an item: exchange Link's public token

     The access token is kept sealed and never answered. The item's accounts are read once; POST .../sync
    reads holdings and transactions. 404 for a portfolio not the caller's; 409 CONFLICT when the login
    is already linked; 422 AGGREGATOR_REFUSED for an invalid public token. 409 ITEM_LOGIN_REQUIRED when
    the institution wants the user to log in again (Link in update mode), CAPABILITY_NOT_CONFIGURED
    naming BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not configured; 429
    AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now.

    Args:
        body (AggregationExchangeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationItemOut | Problem]
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
    body: AggregationExchangeIn,

) -> AggregationItemOut | Problem | None:
    """ Link an item: exchange Link's public token

     The access token is kept sealed and never answered. The item's accounts are read once; POST .../sync
    reads holdings and transactions. 404 for a portfolio not the caller's; 409 CONFLICT when the login
    is already linked; 422 AGGREGATOR_REFUSED for an invalid public token. 409 ITEM_LOGIN_REQUIRED when
    the institution wants the user to log in again (Link in update mode), CAPABILITY_NOT_CONFIGURED
    naming BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not configured; 429
    AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now.

    Args:
        body (AggregationExchangeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationItemOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
