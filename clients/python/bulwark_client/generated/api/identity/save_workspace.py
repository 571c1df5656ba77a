from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.workspace_in import WorkspaceIn
from ...models.workspace_out import WorkspaceOut
from typing import cast



def _get_kwargs(
    *,
    body: WorkspaceIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/user/workspace",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WorkspaceOut | None:
    if response.status_code == 200:
        response_200 = WorkspaceOut.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = WorkspaceOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WorkspaceOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceIn,

) -> Response[Problem | WorkspaceOut]:
    """ Save a workspace by name: 201 when created, 200 when its layout was replaced

     The first workspace saved becomes the default; `is_default` moves the default to this one. 422
    INVALID_WORKSPACE for a bad name or a layout that is not a JSON object, too large or too deep.

    Args:
        body (WorkspaceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkspaceOut]
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
    body: WorkspaceIn,

) -> Problem | WorkspaceOut | None:
    """ Save a workspace by name: 201 when created, 200 when its layout was replaced

     The first workspace saved becomes the default; `is_default` moves the default to this one. 422
    INVALID_WORKSPACE for a bad name or a layout that is not a JSON object, too large or too deep.

    Args:
        body (WorkspaceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkspaceOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceIn,

) -> Response[Problem | WorkspaceOut]:
    """ Save a workspace by name: 201 when created, 200 when its layout was replaced

     The first workspace saved becomes the default; `is_default` moves the default to this one. 422
    INVALID_WORKSPACE for a bad name or a layout that is not a JSON object, too large or too deep.

    Args:
        body (WorkspaceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkspaceOut]
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
    body: WorkspaceIn,

) -> Problem | WorkspaceOut | None:
    """ Save a workspace by name: 201 when created, 200 when its layout was replaced

     The first workspace saved becomes the default; `is_default` moves the default to this one. 422
    INVALID_WORKSPACE for a bad name or a layout that is not a JSON object, too large or too deep.

    Args:
        body (WorkspaceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkspaceOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
