from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.review_out import ReviewOut
from typing import cast



def _get_kwargs(
    order_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{order_id}/review".format(order_id=quote(str(order_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReviewOut | None:
    if response.status_code == 201:
        response_201 = ReviewOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReviewOut]:
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

) -> Response[Problem | ReviewOut]:
    """ Review a stored order (advisory; the gate's decision stands)

     The order's figures are recomputed now. The model has the configured budget
    (BULWARK_REVIEW_BUDGET_SECONDS, 2 s by default); when it hangs, fails or answers off the schema the
    rules rater answers and `source` is "rules" with `fallback` saying why.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewOut]
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

) -> Problem | ReviewOut | None:
    """ Review a stored order (advisory; the gate's decision stands)

     The order's figures are recomputed now. The model has the configured budget
    (BULWARK_REVIEW_BUDGET_SECONDS, 2 s by default); when it hangs, fails or answers off the schema the
    rules rater answers and `source` is "rules" with `fallback` saying why.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewOut
     """


    return sync_detailed(
        order_id=order_id,
client=client,

    ).parsed

async def asyncio_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | ReviewOut]:
    """ Review a stored order (advisory; the gate's decision stands)

     The order's figures are recomputed now. The model has the configured budget
    (BULWARK_REVIEW_BUDGET_SECONDS, 2 s by default); when it hangs, fails or answers off the schema the
    rules rater answers and `source` is "rules" with `fallback` saying why.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewOut]
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

) -> Problem | ReviewOut | None:
    """ Review a stored order (advisory; the gate's decision stands)

     The order's figures are recomputed now. The model has the configured budget
    (BULWARK_REVIEW_BUDGET_SECONDS, 2 s by default); when it hangs, fails or answers off the schema the
    rules rater answers and `source` is "rules" with `fallback` saying why.

    Args:
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewOut
     """


    return (await asyncio_detailed(
        order_id=order_id,
client=client,

    )).parsed
