from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.aggregation_sync_out import AggregationSyncOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    item_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/aggregation/items/{item_id}/sync".format(item_id=quote(str(item_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AggregationSyncOut | Problem | None:
    if response.status_code == 200:
        response_200 = AggregationSyncOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AggregationSyncOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[AggregationSyncOut | Problem]:
    """ Read the item's accounts, holdings and new transactions now

     Transactions follow Plaid's cursor from the last sync. 409 ITEM_LOGIN_REQUIRED when the institution
    wants the user to log in again (Link in update mode), CAPABILITY_NOT_CONFIGURED naming
    BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not configured; 429
    AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now.

    Args:
        item_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationSyncOut | Problem]
     """


    kwargs = _get_kwargs(
        item_id=item_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> AggregationSyncOut | Problem | None:
    """ Read the item's accounts, holdings and new transactions now

     Transactions follow Plaid's cursor from the last sync. 409 ITEM_LOGIN_REQUIRED when the institution
    wants the user to log in again (Link in update mode), CAPABILITY_NOT_CONFIGURED naming
    BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not configured; 429
    AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now.

    Args:
        item_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationSyncOut | Problem
     """


    return sync_detailed(
        item_id=item_id,
client=client,

    ).parsed

async def asyncio_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[AggregationSyncOut | Problem]:
    """ Read the item's accounts, holdings and new transactions now

     Transactions follow Plaid's cursor from the last sync. 409 ITEM_LOGIN_REQUIRED when the institution
    wants the user to log in again (Link in update mode), CAPABILITY_NOT_CONFIGURED naming
    BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not configured; 429
    AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now.

    Args:
        item_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationSyncOut | Problem]
     """


    kwargs = _get_kwargs(
        item_id=item_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> AggregationSyncOut | Problem | None:
    """ Read the item's accounts, holdings and new transactions now

     Transactions follow Plaid's cursor from the last sync. 409 ITEM_LOGIN_REQUIRED when the institution
    wants the user to log in again (Link in update mode), CAPABILITY_NOT_CONFIGURED naming
    BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not configured; 429
    AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now.

    Args:
        item_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationSyncOut | Problem
     """


    return (await asyncio_detailed(
        item_id=item_id,
client=client,

    )).parsed
