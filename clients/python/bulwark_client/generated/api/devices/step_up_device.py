from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.device_out import DeviceOut
from ...models.problem import Problem
from ...models.step_up_in import StepUpIn
from typing import cast



def _get_kwargs(
    *,
    body: StepUpIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/devices/step-up",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeviceOut | Problem | None:
    if response.status_code == 200:
        response_200 = DeviceOut.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 423:
        response_423 = Problem.from_dict(response.json())



        return response_423

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeviceOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StepUpIn,

) -> Response[DeviceOut | Problem]:
    """ Trust this session's device with a current one-time code (users with MFA)

     Sensitive actions (the kill-switch passcode, the vault's key operations, putting a strategy live)
    answer 403 STEP_UP_REQUIRED from an untrusted device of a user with MFA until this passes. 401 for a
    wrong or already used code (counted as a failed login: 423 LOGIN_LOCKED / 429 LOGIN_THROTTLED after
    repeated ones), or for a session with no device (log in again).

    Args:
        body (StepUpIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceOut | Problem]
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
    body: StepUpIn,

) -> DeviceOut | Problem | None:
    """ Trust this session's device with a current one-time code (users with MFA)

     Sensitive actions (the kill-switch passcode, the vault's key operations, putting a strategy live)
    answer 403 STEP_UP_REQUIRED from an untrusted device of a user with MFA until this passes. 401 for a
    wrong or already used code (counted as a failed login: 423 LOGIN_LOCKED / 429 LOGIN_THROTTLED after
    repeated ones), or for a session with no device (log in again).

    Args:
        body (StepUpIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StepUpIn,

) -> Response[DeviceOut | Problem]:
    """ Trust this session's device with a current one-time code (users with MFA)

     Sensitive actions (the kill-switch passcode, the vault's key operations, putting a strategy live)
    answer 403 STEP_UP_REQUIRED from an untrusted device of a user with MFA until this passes. 401 for a
    wrong or already used code (counted as a failed login: 423 LOGIN_LOCKED / 429 LOGIN_THROTTLED after
    repeated ones), or for a session with no device (log in again).

    Args:
        body (StepUpIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceOut | Problem]
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
    body: StepUpIn,

) -> DeviceOut | Problem | None:
    """ Trust this session's device with a current one-time code (users with MFA)

     Sensitive actions (the kill-switch passcode, the vault's key operations, putting a strategy live)
    answer 403 STEP_UP_REQUIRED from an untrusted device of a user with MFA until this passes. 401 for a
    wrong or already used code (counted as a failed login: 423 LOGIN_LOCKED / 429 LOGIN_THROTTLED after
    repeated ones), or for a session with no device (log in again).

    Args:
        body (StepUpIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
