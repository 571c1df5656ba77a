from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.held_order_out import HeldOrderOut
from ...models.order_placed import OrderPlaced
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    order_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{order_id}/approve".format(order_id=quote(str(order_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HeldOrderOut | OrderPlaced | Problem | None:
    if response.status_code == 200:
        response_200 = OrderPlaced.from_dict(response.json())



        return response_200

    if response.status_code == 202:
        response_202 = HeldOrderOut.from_dict(response.json())



        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[HeldOrderOut | OrderPlaced | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[HeldOrderOut | OrderPlaced | Problem]:
    """ Approve a held order: decided again, then sent

     The gate decides the order again now with its HOLD rules waived (BLOCK rules and the kill switch
    still deny): 200 with the order (sent to its broker) and the decision; 422 ORDER_DENIED (with
    `reasons`) when the gate now denies it; 422 ORDER_REJECTED when the broker rejects it. With four
    eyes (BULWARK_HELD_ORDERS_APPROVALS=2), an approval that is not the last is recorded and answered
    202 with the order, still held, the approvals given (by whom, when) and how many are missing; the
    same person approving twice answers 409 SECOND_APPROVER_REQUIRED. 409 ORDER_NOT_HELD when the order
    is no longer held; 409 HOLD_EXPIRED when its hold lapsed (it is expired, never sent); 403 FORBIDDEN
    for an agent, a viewer, or a person who is neither a risk officer, an admin nor the account's owner;
    404 for an order not seen.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HeldOrderOut | OrderPlaced | Problem]
     """


    kwargs = _get_kwargs(
        order_id=order_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> HeldOrderOut | OrderPlaced | Problem | None:
    """ Approve a held order: decided again, then sent

     The gate decides the order again now with its HOLD rules waived (BLOCK rules and the kill switch
    still deny): 200 with the order (sent to its broker) and the decision; 422 ORDER_DENIED (with
    `reasons`) when the gate now denies it; 422 ORDER_REJECTED when the broker rejects it. With four
    eyes (BULWARK_HELD_ORDERS_APPROVALS=2), an approval that is not the last is recorded and answered
    202 with the order, still held, the approvals given (by whom, when) and how many are missing; the
    same person approving twice answers 409 SECOND_APPROVER_REQUIRED. 409 ORDER_NOT_HELD when the order
    is no longer held; 409 HOLD_EXPIRED when its hold lapsed (it is expired, never sent); 403 FORBIDDEN
    for an agent, a viewer, or a person who is neither a risk officer, an admin nor the account's owner;
    404 for an order not seen.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HeldOrderOut | OrderPlaced | Problem
     """


    return sync_detailed(
        order_id=order_id,
client=client,

    ).parsed

async def asyncio_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[HeldOrderOut | OrderPlaced | Problem]:
    """ Approve a held order: decided again, then sent

     The gate decides the order again now with its HOLD rules waived (BLOCK rules and the kill switch
    still deny): 200 with the order (sent to its broker) and the decision; 422 ORDER_DENIED (with
    `reasons`) when the gate now denies it; 422 ORDER_REJECTED when the broker rejects it. With four
    eyes (BULWARK_HELD_ORDERS_APPROVALS=2), an approval that is not the last is recorded and answered
    202 with the order, still held, the approvals given (by whom, when) and how many are missing; the
    same person approving twice answers 409 SECOND_APPROVER_REQUIRED. 409 ORDER_NOT_HELD when the order
    is no longer held; 409 HOLD_EXPIRED when its hold lapsed (it is expired, never sent); 403 FORBIDDEN
    for an agent, a viewer, or a person who is neither a risk officer, an admin nor the account's owner;
    404 for an order not seen.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HeldOrderOut | OrderPlaced | Problem]
     """


    kwargs = _get_kwargs(
        order_id=order_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> HeldOrderOut | OrderPlaced | Problem | None:
    """ Approve a held order: decided again, then sent

     The gate decides the order again now with its HOLD rules waived (BLOCK rules and the kill switch
    still deny): 200 with the order (sent to its broker) and the decision; 422 ORDER_DENIED (with
    `reasons`) when the gate now denies it; 422 ORDER_REJECTED when the broker rejects it. With four
    eyes (BULWARK_HELD_ORDERS_APPROVALS=2), an approval that is not the last is recorded and answered
    202 with the order, still held, the approvals given (by whom, when) and how many are missing; the
    same person approving twice answers 409 SECOND_APPROVER_REQUIRED. 409 ORDER_NOT_HELD when the order
    is no longer held; 409 HOLD_EXPIRED when its hold lapsed (it is expired, never sent); 403 FORBIDDEN
    for an agent, a viewer, or a person who is neither a risk officer, an admin nor the account's owner;
    404 for an order not seen.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HeldOrderOut | OrderPlaced | Problem
     """


    return (await asyncio_detailed(
        order_id=order_id,
client=client,

    )).parsed
