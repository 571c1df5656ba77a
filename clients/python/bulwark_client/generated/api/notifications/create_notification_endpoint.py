from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint_in import EndpointIn
from ...models.endpoint_out import EndpointOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: EndpointIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/notifications/endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndpointOut | Problem | None:
    if response.status_code == 201:
        response_201 = EndpointOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EndpointOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EndpointIn,

) -> Response[EndpointOut | Problem]:
    """ Register a webhook, Slack or Telegram endpoint

     `webhook`: `url` (https); the answer holds `secret`, the HMAC-SHA256 signing secret of the `Bulwark-
    Signature` header, shown this once. `slack`: `url`, the incoming-webhook URL (a secret: masked in
    every answer). `telegram`: `chat_id` and `bot_token` (masked). 422 INVALID_ENDPOINT names the field;
    422 URL_NOT_HTTPS (http outside dev/test), URL_PRIVATE_ADDRESS (the host is, or resolves to, a
    loopback, private, link-local or multicast address), URL_UNRESOLVABLE, URL_INVALID for a `url`
    Bulwark may not call; 409 TOO_MANY_ENDPOINTS; 409 ENDPOINT_KEY_EPHEMERAL when no key-encryption key
    is configured on a durable store (the secret would be unreadable after a restart); 409
    CAPABILITY_NOT_CONFIGURED for an `sms` or `web_push` endpoint where this instance has no Twilio
    account or VAPID keys (`settings` names them).

    Args:
        body (EndpointIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointOut | Problem]
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
    body: EndpointIn,

) -> EndpointOut | Problem | None:
    """ Register a webhook, Slack or Telegram endpoint

     `webhook`: `url` (https); the answer holds `secret`, the HMAC-SHA256 signing secret of the `Bulwark-
    Signature` header, shown this once. `slack`: `url`, the incoming-webhook URL (a secret: masked in
    every answer). `telegram`: `chat_id` and `bot_token` (masked). 422 INVALID_ENDPOINT names the field;
    422 URL_NOT_HTTPS (http outside dev/test), URL_PRIVATE_ADDRESS (the host is, or resolves to, a
    loopback, private, link-local or multicast address), URL_UNRESOLVABLE, URL_INVALID for a `url`
    Bulwark may not call; 409 TOO_MANY_ENDPOINTS; 409 ENDPOINT_KEY_EPHEMERAL when no key-encryption key
    is configured on a durable store (the secret would be unreadable after a restart); 409
    CAPABILITY_NOT_CONFIGURED for an `sms` or `web_push` endpoint where this instance has no Twilio
    account or VAPID keys (`settings` names them).

    Args:
        body (EndpointIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EndpointIn,

) -> Response[EndpointOut | Problem]:
    """ Register a webhook, Slack or Telegram endpoint

     `webhook`: `url` (https); the answer holds `secret`, the HMAC-SHA256 signing secret of the `Bulwark-
    Signature` header, shown this once. `slack`: `url`, the incoming-webhook URL (a secret: masked in
    every answer). `telegram`: `chat_id` and `bot_token` (masked). 422 INVALID_ENDPOINT names the field;
    422 URL_NOT_HTTPS (http outside dev/test), URL_PRIVATE_ADDRESS (the host is, or resolves to, a
    loopback, private, link-local or multicast address), URL_UNRESOLVABLE, URL_INVALID for a `url`
    Bulwark may not call; 409 TOO_MANY_ENDPOINTS; 409 ENDPOINT_KEY_EPHEMERAL when no key-encryption key
    is configured on a durable store (the secret would be unreadable after a restart); 409
    CAPABILITY_NOT_CONFIGURED for an `sms` or `web_push` endpoint where this instance has no Twilio
    account or VAPID keys (`settings` names them).

    Args:
        body (EndpointIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointOut | Problem]
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
    body: EndpointIn,

) -> EndpointOut | Problem | None:
    """ Register a webhook, Slack or Telegram endpoint

     `webhook`: `url` (https); the answer holds `secret`, the HMAC-SHA256 signing secret of the `Bulwark-
    Signature` header, shown this once. `slack`: `url`, the incoming-webhook URL (a secret: masked in
    every answer). `telegram`: `chat_id` and `bot_token` (masked). 422 INVALID_ENDPOINT names the field;
    422 URL_NOT_HTTPS (http outside dev/test), URL_PRIVATE_ADDRESS (the host is, or resolves to, a
    loopback, private, link-local or multicast address), URL_UNRESOLVABLE, URL_INVALID for a `url`
    Bulwark may not call; 409 TOO_MANY_ENDPOINTS; 409 ENDPOINT_KEY_EPHEMERAL when no key-encryption key
    is configured on a durable store (the secret would be unreadable after a restart); 409
    CAPABILITY_NOT_CONFIGURED for an `sms` or `web_push` endpoint where this instance has no Twilio
    account or VAPID keys (`settings` names them).

    Args:
        body (EndpointIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
