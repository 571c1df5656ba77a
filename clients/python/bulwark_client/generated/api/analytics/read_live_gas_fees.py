from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.gas_fees_out import GasFeesOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    chain_id: int,
    blocks: int | Unset = 20,
    percentiles: list[float] | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["chain_id"] = chain_id

    params["blocks"] = blocks

    json_percentiles: list[float] | None | Unset
    if isinstance(percentiles, Unset):
        json_percentiles = UNSET
    elif isinstance(percentiles, list):
        json_percentiles = percentiles


    else:
        json_percentiles = percentiles
    params["percentiles"] = json_percentiles


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/crypto/gas",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GasFeesOut | Problem | None:
    if response.status_code == 200:
        response_200 = GasFeesOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GasFeesOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    chain_id: int,
    blocks: int | Unset = 20,
    percentiles: list[float] | None | Unset = UNSET,

) -> Response[GasFeesOut | Problem]:
    """ Live gas fees of a chain: base fees, priority-fee percentiles, the next base fee

     eth_feeHistory of the latest `blocks` blocks (1 to 1024; fewer when the node has fewer) with the
    priority fees at `percentiles` (0 to 100, strictly increasing, at most 10; default 10, 50, 90), in
    exact gwei: each block's base fee, gas used ratio and rewards; per percentile the median priority
    fee and a max fee (2 x next base fee + priority fee); the next block's base fee. A node without
    eth_feeHistory answers its eth_gasPrice (`method`). 404 UNKNOWN_CHAIN; 422 INVALID_CRYPTO_INPUT
    naming the field; 503 CHAIN_UNAVAILABLE with Retry-After: the chain source cannot answer (a timeout,
    a refused or failing endpoint, a JSON-RPC error; a fixture chain without gas fees).

    Args:
        chain_id (int):
        blocks (int | Unset):  Default: 20.
        percentiles (list[float] | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GasFeesOut | Problem]
     """


    kwargs = _get_kwargs(
        chain_id=chain_id,
blocks=blocks,
percentiles=percentiles,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    chain_id: int,
    blocks: int | Unset = 20,
    percentiles: list[float] | None | Unset = UNSET,

) -> GasFeesOut | Problem | None:
    """ Live gas fees of a chain: base fees, priority-fee percentiles, the next base fee

     eth_feeHistory of the latest `blocks` blocks (1 to 1024; fewer when the node has fewer) with the
    priority fees at `percentiles` (0 to 100, strictly increasing, at most 10; default 10, 50, 90), in
    exact gwei: each block's base fee, gas used ratio and rewards; per percentile the median priority
    fee and a max fee (2 x next base fee + priority fee); the next block's base fee. A node without
    eth_feeHistory answers its eth_gasPrice (`method`). 404 UNKNOWN_CHAIN; 422 INVALID_CRYPTO_INPUT
    naming the field; 503 CHAIN_UNAVAILABLE with Retry-After: the chain source cannot answer (a timeout,
    a refused or failing endpoint, a JSON-RPC error; a fixture chain without gas fees).

    Args:
        chain_id (int):
        blocks (int | Unset):  Default: 20.
        percentiles (list[float] | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GasFeesOut | Problem
     """


    return sync_detailed(
        client=client,
chain_id=chain_id,
blocks=blocks,
percentiles=percentiles,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    chain_id: int,
    blocks: int | Unset = 20,
    percentiles: list[float] | None | Unset = UNSET,

) -> Response[GasFeesOut | Problem]:
    """ Live gas fees of a chain: base fees, priority-fee percentiles, the next base fee

     eth_feeHistory of the latest `blocks` blocks (1 to 1024; fewer when the node has fewer) with the
    priority fees at `percentiles` (0 to 100, strictly increasing, at most 10; default 10, 50, 90), in
    exact gwei: each block's base fee, gas used ratio and rewards; per percentile the median priority
    fee and a max fee (2 x next base fee + priority fee); the next block's base fee. A node without
    eth_feeHistory answers its eth_gasPrice (`method`). 404 UNKNOWN_CHAIN; 422 INVALID_CRYPTO_INPUT
    naming the field; 503 CHAIN_UNAVAILABLE with Retry-After: the chain source cannot answer (a timeout,
    a refused or failing endpoint, a JSON-RPC error; a fixture chain without gas fees).

    Args:
        chain_id (int):
        blocks (int | Unset):  Default: 20.
        percentiles (list[float] | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GasFeesOut | Problem]
     """


    kwargs = _get_kwargs(
        chain_id=chain_id,
blocks=blocks,
percentiles=percentiles,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    chain_id: int,
    blocks: int | Unset = 20,
    percentiles: list[float] | None | Unset = UNSET,

) -> GasFeesOut | Problem | None:
    """ Live gas fees of a chain: base fees, priority-fee percentiles, the next base fee

     eth_feeHistory of the latest `blocks` blocks (1 to 1024; fewer when the node has fewer) with the
    priority fees at `percentiles` (0 to 100, strictly increasing, at most 10; default 10, 50, 90), in
    exact gwei: each block's base fee, gas used ratio and rewards; per percentile the median priority
    fee and a max fee (2 x next base fee + priority fee); the next block's base fee. A node without
    eth_feeHistory answers its eth_gasPrice (`method`). 404 UNKNOWN_CHAIN; 422 INVALID_CRYPTO_INPUT
    naming the field; 503 CHAIN_UNAVAILABLE with Retry-After: the chain source cannot answer (a timeout,
    a refused or failing endpoint, a JSON-RPC error; a fixture chain without gas fees).

    Args:
        chain_id (int):
        blocks (int | Unset):  Default: 20.
        percentiles (list[float] | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GasFeesOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
chain_id=chain_id,
blocks=blocks,
percentiles=percentiles,

    )).parsed
