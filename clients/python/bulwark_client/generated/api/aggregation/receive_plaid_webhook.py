from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.aggregation_webhook_ack_out import AggregationWebhookAckOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/aggregation/webhook",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AggregationWebhookAckOut | Problem | None:
    if response.status_code == 200:
        response_200 = AggregationWebhookAckOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AggregationWebhookAckOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[AggregationWebhookAckOut | Problem]:
    """ Plaid's webhook (HOLDINGS, TRANSACTIONS, ITEM): verified, idempotent

     The `Plaid-Verification` header's ES256 JWT must verify with Plaid's key and carry the body's
    SHA-256 (docs/aggregation.md); otherwise 400 INVALID_WEBHOOK_SIGNATURE and nothing is done. A
    redelivered body answers 200 `duplicate` without acting again. 409 CAPABILITY_NOT_CONFIGURED where
    Plaid is not configured.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationWebhookAckOut | Problem]
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

) -> AggregationWebhookAckOut | Problem | None:
    """ Plaid's webhook (HOLDINGS, TRANSACTIONS, ITEM): verified, idempotent

     The `Plaid-Verification` header's ES256 JWT must verify with Plaid's key and carry the body's
    SHA-256 (docs/aggregation.md); otherwise 400 INVALID_WEBHOOK_SIGNATURE and nothing is done. A
    redelivered body answers 200 `duplicate` without acting again. 409 CAPABILITY_NOT_CONFIGURED where
    Plaid is not configured.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationWebhookAckOut | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[AggregationWebhookAckOut | Problem]:
    """ Plaid's webhook (HOLDINGS, TRANSACTIONS, ITEM): verified, idempotent

     The `Plaid-Verification` header's ES256 JWT must verify with Plaid's key and carry the body's
    SHA-256 (docs/aggregation.md); otherwise 400 INVALID_WEBHOOK_SIGNATURE and nothing is done. A
    redelivered body answers 200 `duplicate` without acting again. 409 CAPABILITY_NOT_CONFIGURED where
    Plaid is not configured.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregationWebhookAckOut | Problem]
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

) -> AggregationWebhookAckOut | Problem | None:
    """ Plaid's webhook (HOLDINGS, TRANSACTIONS, ITEM): verified, idempotent

     The `Plaid-Verification` header's ES256 JWT must verify with Plaid's key and carry the body's
    SHA-256 (docs/aggregation.md); otherwise 400 INVALID_WEBHOOK_SIGNATURE and nothing is done. A
    redelivered body answers 200 `duplicate` without acting again. 409 CAPABILITY_NOT_CONFIGURED where
    Plaid is not configured.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregationWebhookAckOut | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
