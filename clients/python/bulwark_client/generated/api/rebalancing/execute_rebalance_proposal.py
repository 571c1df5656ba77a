from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.execution_out import ExecutionOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    proposal_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/rebalancing/proposals/{proposal_id}/execute".format(proposal_id=quote(str(proposal_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExecutionOut | Problem | None:
    if response.status_code == 200:
        response_200 = ExecutionOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ExecutionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    proposal_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ExecutionOut | Problem]:
    """ Execute a proposal: its trades as orders through the pre-trade gate

     Each trade becomes an order of origin `rebalance` through the same gate as every other order (sells
    before buys per account); a halted scope or a risk rule denies it like any other (`orders[].status`
    denied, `reasons`). Idempotent: executing again submits nothing new and answers the same orders
    (`replayed`: true). 404 REBALANCE_PROPOSAL_NOT_FOUND for another user's proposal; 409
    REBALANCE_PROPOSAL_STALE for one made on an earlier day (propose again).

    Args:
        proposal_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExecutionOut | Problem]
     """


    kwargs = _get_kwargs(
        proposal_id=proposal_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    proposal_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> ExecutionOut | Problem | None:
    """ Execute a proposal: its trades as orders through the pre-trade gate

     Each trade becomes an order of origin `rebalance` through the same gate as every other order (sells
    before buys per account); a halted scope or a risk rule denies it like any other (`orders[].status`
    denied, `reasons`). Idempotent: executing again submits nothing new and answers the same orders
    (`replayed`: true). 404 REBALANCE_PROPOSAL_NOT_FOUND for another user's proposal; 409
    REBALANCE_PROPOSAL_STALE for one made on an earlier day (propose again).

    Args:
        proposal_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExecutionOut | Problem
     """


    return sync_detailed(
        proposal_id=proposal_id,
client=client,

    ).parsed

async def asyncio_detailed(
    proposal_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ExecutionOut | Problem]:
    """ Execute a proposal: its trades as orders through the pre-trade gate

     Each trade becomes an order of origin `rebalance` through the same gate as every other order (sells
    before buys per account); a halted scope or a risk rule denies it like any other (`orders[].status`
    denied, `reasons`). Idempotent: executing again submits nothing new and answers the same orders
    (`replayed`: true). 404 REBALANCE_PROPOSAL_NOT_FOUND for another user's proposal; 409
    REBALANCE_PROPOSAL_STALE for one made on an earlier day (propose again).

    Args:
        proposal_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExecutionOut | Problem]
     """


    kwargs = _get_kwargs(
        proposal_id=proposal_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    proposal_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> ExecutionOut | Problem | None:
    """ Execute a proposal: its trades as orders through the pre-trade gate

     Each trade becomes an order of origin `rebalance` through the same gate as every other order (sells
    before buys per account); a halted scope or a risk rule denies it like any other (`orders[].status`
    denied, `reasons`). Idempotent: executing again submits nothing new and answers the same orders
    (`replayed`: true). 404 REBALANCE_PROPOSAL_NOT_FOUND for another user's proposal; 409
    REBALANCE_PROPOSAL_STALE for one made on an earlier day (propose again).

    Args:
        proposal_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExecutionOut | Problem
     """


    return (await asyncio_detailed(
        proposal_id=proposal_id,
client=client,

    )).parsed
