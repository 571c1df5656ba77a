from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.gas_in import GasIn
from ...models.gas_out import GasOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: GasIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/crypto/gas",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GasOut | Problem | None:
    if response.status_code == 200:
        response_200 = GasOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GasOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GasIn,

) -> Response[GasOut | Problem]:
    """ Gas spikes (rolling z-score) and the cheapest hours of the week to transact

     A gas-price history in gwei (`at` and `gwei` pair up, up to 200,000, times strictly increasing), or
    `chain_id` instead: the chain's latest `blocks` blocks read live (eth_feeHistory), each block's base
    fee per gas at its timestamp (404 UNKNOWN_CHAIN; 503 CHAIN_UNAVAILABLE with Retry-After, a fixture
    chain without gas fees). Each observation's z-score against the `window` observations before it (a
    spike when z > `threshold`), and the cheapest block of `hours` consecutive hours of the week by
    hourly median in `timezone` (IANA, default UTC). window x observations <= 50,000,000. 422
    INVALID_CRYPTO_INPUT naming the field.

    Args:
        body (GasIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GasOut | Problem]
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
    body: GasIn,

) -> GasOut | Problem | None:
    """ Gas spikes (rolling z-score) and the cheapest hours of the week to transact

     A gas-price history in gwei (`at` and `gwei` pair up, up to 200,000, times strictly increasing), or
    `chain_id` instead: the chain's latest `blocks` blocks read live (eth_feeHistory), each block's base
    fee per gas at its timestamp (404 UNKNOWN_CHAIN; 503 CHAIN_UNAVAILABLE with Retry-After, a fixture
    chain without gas fees). Each observation's z-score against the `window` observations before it (a
    spike when z > `threshold`), and the cheapest block of `hours` consecutive hours of the week by
    hourly median in `timezone` (IANA, default UTC). window x observations <= 50,000,000. 422
    INVALID_CRYPTO_INPUT naming the field.

    Args:
        body (GasIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GasOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GasIn,

) -> Response[GasOut | Problem]:
    """ Gas spikes (rolling z-score) and the cheapest hours of the week to transact

     A gas-price history in gwei (`at` and `gwei` pair up, up to 200,000, times strictly increasing), or
    `chain_id` instead: the chain's latest `blocks` blocks read live (eth_feeHistory), each block's base
    fee per gas at its timestamp (404 UNKNOWN_CHAIN; 503 CHAIN_UNAVAILABLE with Retry-After, a fixture
    chain without gas fees). Each observation's z-score against the `window` observations before it (a
    spike when z > `threshold`), and the cheapest block of `hours` consecutive hours of the week by
    hourly median in `timezone` (IANA, default UTC). window x observations <= 50,000,000. 422
    INVALID_CRYPTO_INPUT naming the field.

    Args:
        body (GasIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GasOut | Problem]
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
    body: GasIn,

) -> GasOut | Problem | None:
    """ Gas spikes (rolling z-score) and the cheapest hours of the week to transact

     A gas-price history in gwei (`at` and `gwei` pair up, up to 200,000, times strictly increasing), or
    `chain_id` instead: the chain's latest `blocks` blocks read live (eth_feeHistory), each block's base
    fee per gas at its timestamp (404 UNKNOWN_CHAIN; 503 CHAIN_UNAVAILABLE with Retry-After, a fixture
    chain without gas fees). Each observation's z-score against the `window` observations before it (a
    spike when z > `threshold`), and the cheapest block of `hours` consecutive hours of the week by
    hourly median in `timezone` (IANA, default UTC). window x observations <= 50,000,000. 422
    INVALID_CRYPTO_INPUT naming the field.

    Args:
        body (GasIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GasOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
