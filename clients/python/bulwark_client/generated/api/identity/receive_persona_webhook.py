from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.kyc_webhook_ack_out import KycWebhookAckOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/kyc/webhooks/persona",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KycWebhookAckOut | Problem | None:
    if response.status_code == 200:
        response_200 = KycWebhookAckOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[KycWebhookAckOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[KycWebhookAckOut | Problem]:
    """ Persona's inquiry webhooks: signed, replays change nothing

     The `Persona-Signature` header (`t=...,v1=HMAC-SHA256`) must match the body under
    BULWARK_PERSONA_WEBHOOK_SECRET and be recent; otherwise 401 INVALID_WEBHOOK_SIGNATURE and nothing is
    done. A redelivered event answers 200 with `applied` false.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KycWebhookAckOut | Problem]
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

) -> KycWebhookAckOut | Problem | None:
    """ Persona's inquiry webhooks: signed, replays change nothing

     The `Persona-Signature` header (`t=...,v1=HMAC-SHA256`) must match the body under
    BULWARK_PERSONA_WEBHOOK_SECRET and be recent; otherwise 401 INVALID_WEBHOOK_SIGNATURE and nothing is
    done. A redelivered event answers 200 with `applied` false.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KycWebhookAckOut | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[KycWebhookAckOut | Problem]:
    """ Persona's inquiry webhooks: signed, replays change nothing

     The `Persona-Signature` header (`t=...,v1=HMAC-SHA256`) must match the body under
    BULWARK_PERSONA_WEBHOOK_SECRET and be recent; otherwise 401 INVALID_WEBHOOK_SIGNATURE and nothing is
    done. A redelivered event answers 200 with `applied` false.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KycWebhookAckOut | Problem]
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

) -> KycWebhookAckOut | Problem | None:
    """ Persona's inquiry webhooks: signed, replays change nothing

     The `Persona-Signature` header (`t=...,v1=HMAC-SHA256`) must match the body under
    BULWARK_PERSONA_WEBHOOK_SECRET and be recent; otherwise 401 INVALID_WEBHOOK_SIGNATURE and nothing is
    done. A redelivered event answers 200 with `applied` false.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KycWebhookAckOut | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
