from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_key_in import ApiKeyIn
from ...models.created_api_key_out import CreatedApiKeyOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    agent_id: str,
    *,
    body: ApiKeyIn | None,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/agents/{agent_id}/keys".format(agent_id=quote(str(agent_id), safe=""),),
    }

    
    if isinstance(body, ApiKeyIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreatedApiKeyOut | Problem | None:
    if response.status_code == 201:
        response_201 = CreatedApiKeyOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CreatedApiKeyOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyIn | None,

) -> Response[CreatedApiKeyOut | Problem]:
    """ Issue an API key for the agent (shown once)

     201 with the key in `api_key`: only its digest is kept, so it cannot be shown again. `scopes`: what
    it may do (`read`, `trade`, `halt`; all three when left out); 400 INVALID_SCOPES for an unknown one
    or `approve`, a person's alone. 404 NOT_FOUND for another owner's agent; agents: 403.

    Args:
        agent_id (str):
        body (ApiKeyIn | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedApiKeyOut | Problem]
     """


    kwargs = _get_kwargs(
        agent_id=agent_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyIn | None,

) -> CreatedApiKeyOut | Problem | None:
    """ Issue an API key for the agent (shown once)

     201 with the key in `api_key`: only its digest is kept, so it cannot be shown again. `scopes`: what
    it may do (`read`, `trade`, `halt`; all three when left out); 400 INVALID_SCOPES for an unknown one
    or `approve`, a person's alone. 404 NOT_FOUND for another owner's agent; agents: 403.

    Args:
        agent_id (str):
        body (ApiKeyIn | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedApiKeyOut | Problem
     """


    return sync_detailed(
        agent_id=agent_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyIn | None,

) -> Response[CreatedApiKeyOut | Problem]:
    """ Issue an API key for the agent (shown once)

     201 with the key in `api_key`: only its digest is kept, so it cannot be shown again. `scopes`: what
    it may do (`read`, `trade`, `halt`; all three when left out); 400 INVALID_SCOPES for an unknown one
    or `approve`, a person's alone. 404 NOT_FOUND for another owner's agent; agents: 403.

    Args:
        agent_id (str):
        body (ApiKeyIn | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedApiKeyOut | Problem]
     """


    kwargs = _get_kwargs(
        agent_id=agent_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyIn | None,

) -> CreatedApiKeyOut | Problem | None:
    """ Issue an API key for the agent (shown once)

     201 with the key in `api_key`: only its digest is kept, so it cannot be shown again. `scopes`: what
    it may do (`read`, `trade`, `halt`; all three when left out); 400 INVALID_SCOPES for an unknown one
    or `approve`, a person's alone. 404 NOT_FOUND for another owner's agent; agents: 403.

    Args:
        agent_id (str):
        body (ApiKeyIn | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedApiKeyOut | Problem
     """


    return (await asyncio_detailed(
        agent_id=agent_id,
client=client,
body=body,

    )).parsed
