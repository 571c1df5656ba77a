from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.order_page_out import OrderPageOut
from ...models.order_status import OrderStatus
from ...models.problem import Problem
from ...models.side import Side
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    account_id: None | str | Unset = UNSET,
    status: list[OrderStatus] | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    side: None | Side | Unset = UNSET,
    origin_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)


    else:
        json_status = status
    params["status"] = json_status

    json_symbol: None | str | Unset
    if isinstance(symbol, Unset):
        json_symbol = UNSET
    else:
        json_symbol = symbol
    params["symbol"] = json_symbol

    json_side: None | str | Unset
    if isinstance(side, Unset):
        json_side = UNSET
    elif isinstance(side, Side):
        json_side = side.value
    else:
        json_side = side
    params["side"] = json_side

    json_origin_id: None | str | Unset
    if isinstance(origin_id, Unset):
        json_origin_id = UNSET
    else:
        json_origin_id = origin_id
    params["origin_id"] = json_origin_id

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orders",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrderPageOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrderPageOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrderPageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: None | str | Unset = UNSET,
    status: list[OrderStatus] | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    side: None | Side | Unset = UNSET,
    origin_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[OrderPageOut | Problem]:
    """ List orders, newest first, with a cursor

     Filters: account_id (404 when not the caller's), status (repeatable), symbol, side, origin_id. Pass
    `next_cursor` back as `cursor`; 422 INVALID_QUERY for a bad cursor.

    Args:
        account_id (None | str | Unset):
        status (list[OrderStatus] | None | Unset):
        symbol (None | str | Unset):
        side (None | Side | Unset):
        origin_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderPageOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,
status=status,
symbol=symbol,
side=side,
origin_id=origin_id,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    account_id: None | str | Unset = UNSET,
    status: list[OrderStatus] | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    side: None | Side | Unset = UNSET,
    origin_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> OrderPageOut | Problem | None:
    """ List orders, newest first, with a cursor

     Filters: account_id (404 when not the caller's), status (repeatable), symbol, side, origin_id. Pass
    `next_cursor` back as `cursor`; 422 INVALID_QUERY for a bad cursor.

    Args:
        account_id (None | str | Unset):
        status (list[OrderStatus] | None | Unset):
        symbol (None | str | Unset):
        side (None | Side | Unset):
        origin_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderPageOut | Problem
     """


    return sync_detailed(
        client=client,
account_id=account_id,
status=status,
symbol=symbol,
side=side,
origin_id=origin_id,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: None | str | Unset = UNSET,
    status: list[OrderStatus] | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    side: None | Side | Unset = UNSET,
    origin_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[OrderPageOut | Problem]:
    """ List orders, newest first, with a cursor

     Filters: account_id (404 when not the caller's), status (repeatable), symbol, side, origin_id. Pass
    `next_cursor` back as `cursor`; 422 INVALID_QUERY for a bad cursor.

    Args:
        account_id (None | str | Unset):
        status (list[OrderStatus] | None | Unset):
        symbol (None | str | Unset):
        side (None | Side | Unset):
        origin_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderPageOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,
status=status,
symbol=symbol,
side=side,
origin_id=origin_id,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    account_id: None | str | Unset = UNSET,
    status: list[OrderStatus] | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    side: None | Side | Unset = UNSET,
    origin_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> OrderPageOut | Problem | None:
    """ List orders, newest first, with a cursor

     Filters: account_id (404 when not the caller's), status (repeatable), symbol, side, origin_id. Pass
    `next_cursor` back as `cursor`; 422 INVALID_QUERY for a bad cursor.

    Args:
        account_id (None | str | Unset):
        status (list[OrderStatus] | None | Unset):
        symbol (None | str | Unset):
        side (None | Side | Unset):
        origin_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderPageOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
account_id=account_id,
status=status,
symbol=symbol,
side=side,
origin_id=origin_id,
cursor=cursor,
limit=limit,

    )).parsed
