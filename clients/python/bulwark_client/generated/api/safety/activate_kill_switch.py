from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.activate_in import ActivateIn
from ...models.kill_switch_event_out import KillSwitchEventOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: ActivateIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/kill-switch/activate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KillSwitchEventOut | Problem | None:
    if response.status_code == 201:
        response_201 = KillSwitchEventOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[KillSwitchEventOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ActivateIn,

) -> Response[KillSwitchEventOut | Problem]:
    """ Halt a scope: cancel every open order at every broker and confirm it

     201 with the activation record: orders cancelled, whether every broker's open-order list came back
    empty (`broker_confirmed`) and each broker's outcome. 403 WRONG_PASSCODE (audited); 423
    KILL_SWITCH_LOCKED after repeated wrong passcodes; 403 FORBIDDEN for the global scope unless risk
    officer or admin; 404 NOT_FOUND for an account or agent not the caller's. Agents: 403. While the
    store is down the switch still halts this process and cancels at the brokers of the accounts it
    remembers: 201 with `store_unavailable` true (the record and HALTED are stored once the store is
    back).

    Args:
        body (ActivateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KillSwitchEventOut | Problem]
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
    body: ActivateIn,

) -> KillSwitchEventOut | Problem | None:
    """ Halt a scope: cancel every open order at every broker and confirm it

     201 with the activation record: orders cancelled, whether every broker's open-order list came back
    empty (`broker_confirmed`) and each broker's outcome. 403 WRONG_PASSCODE (audited); 423
    KILL_SWITCH_LOCKED after repeated wrong passcodes; 403 FORBIDDEN for the global scope unless risk
    officer or admin; 404 NOT_FOUND for an account or agent not the caller's. Agents: 403. While the
    store is down the switch still halts this process and cancels at the brokers of the accounts it
    remembers: 201 with `store_unavailable` true (the record and HALTED are stored once the store is
    back).

    Args:
        body (ActivateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KillSwitchEventOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ActivateIn,

) -> Response[KillSwitchEventOut | Problem]:
    """ Halt a scope: cancel every open order at every broker and confirm it

     201 with the activation record: orders cancelled, whether every broker's open-order list came back
    empty (`broker_confirmed`) and each broker's outcome. 403 WRONG_PASSCODE (audited); 423
    KILL_SWITCH_LOCKED after repeated wrong passcodes; 403 FORBIDDEN for the global scope unless risk
    officer or admin; 404 NOT_FOUND for an account or agent not the caller's. Agents: 403. While the
    store is down the switch still halts this process and cancels at the brokers of the accounts it
    remembers: 201 with `store_unavailable` true (the record and HALTED are stored once the store is
    back).

    Args:
        body (ActivateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KillSwitchEventOut | Problem]
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
    body: ActivateIn,

) -> KillSwitchEventOut | Problem | None:
    """ Halt a scope: cancel every open order at every broker and confirm it

     201 with the activation record: orders cancelled, whether every broker's open-order list came back
    empty (`broker_confirmed`) and each broker's outcome. 403 WRONG_PASSCODE (audited); 423
    KILL_SWITCH_LOCKED after repeated wrong passcodes; 403 FORBIDDEN for the global scope unless risk
    officer or admin; 404 NOT_FOUND for an account or agent not the caller's. Agents: 403. While the
    store is down the switch still halts this process and cancels at the brokers of the accounts it
    remembers: 201 with `store_unavailable` true (the record and HALTED are stored once the store is
    back).

    Args:
        body (ActivateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KillSwitchEventOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
