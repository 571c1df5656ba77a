from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.aggregation_attach_in import AggregationAttachIn
from ...models.aggregation_item_out import AggregationItemOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    item_id: str,
    *,
    body: AggregationAttachIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/aggregation/items/{item_id}/portfolio".format(item_id=quote(str(item_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AggregationItemOut | Problem | None:
    if response.status_code == 200:
        response_200 = AggregationItemOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

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
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AggregationAttachIn,

) -> Response[AggregationItemOut | Problem]:
    """ Count the item's investment accounts in a portfolio's household (or in none)

    Args:
        item_id (str):
        body (AggregationAttachIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationItemOut | Problem]
     """


    kwargs = _get_kwargs(
        item_id=item_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AggregationAttachIn,

) -> AggregationItemOut | Problem | None:
    """ Count the item's investment accounts in a portfolio's household (or in none)

    Args:
        item_id (str):
        body (AggregationAttachIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationItemOut | Problem
     """


    return sync_detailed(
        item_id=item_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AggregationAttachIn,

) -> Response[AggregationItemOut | Problem]:
    """ Count the item's investment accounts in a portfolio's household (or in none)

    Args:
        item_id (str):
        body (AggregationAttachIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationItemOut | Problem]
     """


    kwargs = _get_kwargs(
        item_id=item_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AggregationAttachIn,

) -> AggregationItemOut | Problem | None:
    """ Count the item's investment accounts in a portfolio's household (or in none)

    Args:
        item_id (str):
        body (AggregationAttachIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationItemOut | Problem
     """


    return (await asyncio_detailed(
        item_id=item_id,
client=client,
body=body,

    )).parsed
