from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.agent_halt_in import AgentHaltIn
from ...models.kill_switch_event_out import KillSwitchEventOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: AgentHaltIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/kill-switch/agent-halt",
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
    body: AgentHaltIn,

) -> Response[KillSwitchEventOut | Problem]:
    """ An agent halts itself or one of its accounts (it can never resume)

     201 with the activation record, as /activate, for an agent's API key: no scope (or its own agent
    scope) halts the agent; an account scope halts one of the accounts granted to it. The trigger reads
    `agent` and the activation is the agent's. Resuming stays with people (/resume refuses agents).
    Needs the key's `halt` scope (403 INSUFFICIENT_SCOPE without it). 403 FORBIDDEN for a person's
    credentials or the global scope; 404 NOT_FOUND for another agent or an account not granted to it.

    Args:
        body (AgentHaltIn):

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
    body: AgentHaltIn,

) -> KillSwitchEventOut | Problem | None:
    """ An agent halts itself or one of its accounts (it can never resume)

     201 with the activation record, as /activate, for an agent's API key: no scope (or its own agent
    scope) halts the agent; an account scope halts one of the accounts granted to it. The trigger reads
    `agent` and the activation is the agent's. Resuming stays with people (/resume refuses agents).
    Needs the key's `halt` scope (403 INSUFFICIENT_SCOPE without it). 403 FORBIDDEN for a person's
    credentials or the global scope; 404 NOT_FOUND for another agent or an account not granted to it.

    Args:
        body (AgentHaltIn):

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
    body: AgentHaltIn,

) -> Response[KillSwitchEventOut | Problem]:
    """ An agent halts itself or one of its accounts (it can never resume)

     201 with the activation record, as /activate, for an agent's API key: no scope (or its own agent
    scope) halts the agent; an account scope halts one of the accounts granted to it. The trigger reads
    `agent` and the activation is the agent's. Resuming stays with people (/resume refuses agents).
    Needs the key's `halt` scope (403 INSUFFICIENT_SCOPE without it). 403 FORBIDDEN for a person's
    credentials or the global scope; 404 NOT_FOUND for another agent or an account not granted to it.

    Args:
        body (AgentHaltIn):

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
    body: AgentHaltIn,

) -> KillSwitchEventOut | Problem | None:
    """ An agent halts itself or one of its accounts (it can never resume)

     201 with the activation record, as /activate, for an agent's API key: no scope (or its own agent
    scope) halts the agent; an account scope halts one of the accounts granted to it. The trigger reads
    `agent` and the activation is the agent's. Resuming stays with people (/resume refuses agents).
    Needs the key's `halt` scope (403 INSUFFICIENT_SCOPE without it). 403 FORBIDDEN for a person's
    credentials or the global scope; 404 NOT_FOUND for another agent or an account not granted to it.

    Args:
        body (AgentHaltIn):

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
