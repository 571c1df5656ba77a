from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.order_in import OrderIn
from ...models.order_placed import OrderPlaced
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: OrderIn,
    idempotency_key: None | str | Unset = UNSET,
    x_bulwark_channel: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(x_bulwark_channel, Unset):
        headers["X-Bulwark-Channel"] = x_bulwark_channel



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrderPlaced | Problem | None:
    if response.status_code == 200:
        response_200 = OrderPlaced.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = OrderPlaced.from_dict(response.json())



        return response_201

    if response.status_code == 202:
        response_202 = OrderPlaced.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrderPlaced | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OrderIn,
    idempotency_key: None | str | Unset = UNSET,
    x_bulwark_channel: None | str | Unset = UNSET,

) -> Response[OrderPlaced | Problem]:
    """ Submit an order through the pre-trade gate

     201 with the order and the gate's decision when approved (possibly reduced); 202 with the order
    (status `held`) and the decision (`holds`: the reason codes) when a HOLD rule holds it for a
    person's approval (GET /orders/held); 422 ORDER_DENIED with the reason codes when the gate denies it
    (the denied order is recorded); 422 ORDER_REJECTED when the broker rejects it; 422 INVALID_QUANTITY
    / INVALID_PRICE (nothing recorded) for a quantity off the lot size or above the maximum notional, or
    a price off the tick size. Numbers are decimal strings (400 VALIDATION_ERROR naming the field
    otherwise). Same Idempotency-Key: same answer (200 with Idempotent-Replayed: true); the key reused
    for a different order is 409 CONFLICT; while the first request with the key is still running, 409
    IDEMPOTENCY_IN_PROGRESS with Retry-After. 404 for an account not the caller's. `algorithm` /
    `algorithm_version`: the model or algorithm that decided the order, as an agent or a bot declares it
    (kept in the order's `attribution`; 422 INVALID_ATTRIBUTION when not printable or padded). 503
    OVERLOADED with Retry-After when this worker's order path would make the order wait past its bound
    (BULWARK_ADMISSION_MAX_WAIT_MS): nothing was read or recorded, so the same order may be sent again
    after Retry-After, with the same Idempotency-Key.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first result,
            never a second order.
        x_bulwark_channel (None | str | Unset): The way the order came in, kept as its origin's
            channel: `mcp` from Bulwark's MCP server; absent: `api`.
        body (OrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderPlaced | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,
x_bulwark_channel=x_bulwark_channel,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: OrderIn,
    idempotency_key: None | str | Unset = UNSET,
    x_bulwark_channel: None | str | Unset = UNSET,

) -> OrderPlaced | Problem | None:
    """ Submit an order through the pre-trade gate

     201 with the order and the gate's decision when approved (possibly reduced); 202 with the order
    (status `held`) and the decision (`holds`: the reason codes) when a HOLD rule holds it for a
    person's approval (GET /orders/held); 422 ORDER_DENIED with the reason codes when the gate denies it
    (the denied order is recorded); 422 ORDER_REJECTED when the broker rejects it; 422 INVALID_QUANTITY
    / INVALID_PRICE (nothing recorded) for a quantity off the lot size or above the maximum notional, or
    a price off the tick size. Numbers are decimal strings (400 VALIDATION_ERROR naming the field
    otherwise). Same Idempotency-Key: same answer (200 with Idempotent-Replayed: true); the key reused
    for a different order is 409 CONFLICT; while the first request with the key is still running, 409
    IDEMPOTENCY_IN_PROGRESS with Retry-After. 404 for an account not the caller's. `algorithm` /
    `algorithm_version`: the model or algorithm that decided the order, as an agent or a bot declares it
    (kept in the order's `attribution`; 422 INVALID_ATTRIBUTION when not printable or padded). 503
    OVERLOADED with Retry-After when this worker's order path would make the order wait past its bound
    (BULWARK_ADMISSION_MAX_WAIT_MS): nothing was read or recorded, so the same order may be sent again
    after Retry-After, with the same Idempotency-Key.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first result,
            never a second order.
        x_bulwark_channel (None | str | Unset): The way the order came in, kept as its origin's
            channel: `mcp` from Bulwark's MCP server; absent: `api`.
        body (OrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderPlaced | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,
x_bulwark_channel=x_bulwark_channel,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OrderIn,
    idempotency_key: None | str | Unset = UNSET,
    x_bulwark_channel: None | str | Unset = UNSET,

) -> Response[OrderPlaced | Problem]:
    """ Submit an order through the pre-trade gate

     201 with the order and the gate's decision when approved (possibly reduced); 202 with the order
    (status `held`) and the decision (`holds`: the reason codes) when a HOLD rule holds it for a
    person's approval (GET /orders/held); 422 ORDER_DENIED with the reason codes when the gate denies it
    (the denied order is recorded); 422 ORDER_REJECTED when the broker rejects it; 422 INVALID_QUANTITY
    / INVALID_PRICE (nothing recorded) for a quantity off the lot size or above the maximum notional, or
    a price off the tick size. Numbers are decimal strings (400 VALIDATION_ERROR naming the field
    otherwise). Same Idempotency-Key: same answer (200 with Idempotent-Replayed: true); the key reused
    for a different order is 409 CONFLICT; while the first request with the key is still running, 409
    IDEMPOTENCY_IN_PROGRESS with Retry-After. 404 for an account not the caller's. `algorithm` /
    `algorithm_version`: the model or algorithm that decided the order, as an agent or a bot declares it
    (kept in the order's `attribution`; 422 INVALID_ATTRIBUTION when not printable or padded). 503
    OVERLOADED with Retry-After when this worker's order path would make the order wait past its bound
    (BULWARK_ADMISSION_MAX_WAIT_MS): nothing was read or recorded, so the same order may be sent again
    after Retry-After, with the same Idempotency-Key.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first result,
            never a second order.
        x_bulwark_channel (None | str | Unset): The way the order came in, kept as its origin's
            channel: `mcp` from Bulwark's MCP server; absent: `api`.
        body (OrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderPlaced | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,
x_bulwark_channel=x_bulwark_channel,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OrderIn,
    idempotency_key: None | str | Unset = UNSET,
    x_bulwark_channel: None | str | Unset = UNSET,

) -> OrderPlaced | Problem | None:
    """ Submit an order through the pre-trade gate

     201 with the order and the gate's decision when approved (possibly reduced); 202 with the order
    (status `held`) and the decision (`holds`: the reason codes) when a HOLD rule holds it for a
    person's approval (GET /orders/held); 422 ORDER_DENIED with the reason codes when the gate denies it
    (the denied order is recorded); 422 ORDER_REJECTED when the broker rejects it; 422 INVALID_QUANTITY
    / INVALID_PRICE (nothing recorded) for a quantity off the lot size or above the maximum notional, or
    a price off the tick size. Numbers are decimal strings (400 VALIDATION_ERROR naming the field
    otherwise). Same Idempotency-Key: same answer (200 with Idempotent-Replayed: true); the key reused
    for a different order is 409 CONFLICT; while the first request with the key is still running, 409
    IDEMPOTENCY_IN_PROGRESS with Retry-After. 404 for an account not the caller's. `algorithm` /
    `algorithm_version`: the model or algorithm that decided the order, as an agent or a bot declares it
    (kept in the order's `attribution`; 422 INVALID_ATTRIBUTION when not printable or padded). 503
    OVERLOADED with Retry-After when this worker's order path would make the order wait past its bound
    (BULWARK_ADMISSION_MAX_WAIT_MS): nothing was read or recorded, so the same order may be sent again
    after Retry-After, with the same Idempotency-Key.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key return the first result,
            never a second order.
        x_bulwark_channel (None | str | Unset): The way the order came in, kept as its origin's
            channel: `mcp` from Bulwark's MCP server; absent: `api`.
        body (OrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderPlaced | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,
x_bulwark_channel=x_bulwark_channel,

    )).parsed
