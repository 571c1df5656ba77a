from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.aggregation_link_token_out import AggregationLinkTokenOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/aggregation/link-token",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AggregationLinkTokenOut | Problem | None:
    if response.status_code == 201:
        response_201 = AggregationLinkTokenOut.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AggregationLinkTokenOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[AggregationLinkTokenOut | Problem]:
    """ A Plaid Link token for the caller (to open Link in the browser)

     409 ITEM_LOGIN_REQUIRED when the institution wants the user to log in again (Link in update mode),
    CAPABILITY_NOT_CONFIGURED naming BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not
    configured; 429 AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached
    now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationLinkTokenOut | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> AggregationLinkTokenOut | Problem | None:
    """ A Plaid Link token for the caller (to open Link in the browser)

     409 ITEM_LOGIN_REQUIRED when the institution wants the user to log in again (Link in update mode),
    CAPABILITY_NOT_CONFIGURED naming BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not
    configured; 429 AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached
    now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationLinkTokenOut | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[AggregationLinkTokenOut | Problem]:
    """ A Plaid Link token for the caller (to open Link in the browser)

     409 ITEM_LOGIN_REQUIRED when the institution wants the user to log in again (Link in update mode),
    CAPABILITY_NOT_CONFIGURED naming BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not
    configured; 429 AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached
    now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationLinkTokenOut | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> AggregationLinkTokenOut | Problem | None:
    """ A Plaid Link token for the caller (to open Link in the browser)

     409 ITEM_LOGIN_REQUIRED when the institution wants the user to log in again (Link in update mode),
    CAPABILITY_NOT_CONFIGURED naming BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET where Plaid is not
    configured; 429 AGGREGATOR_RATE_LIMITED; 503 AGGREGATOR_UNAVAILABLE when Plaid cannot be reached
    now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationLinkTokenOut | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
