from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rotation_out import RotationOut
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/keys/rotate",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RotationOut | None:
    if response.status_code == 202:
        response_202 = RotationOut.from_dict(response.json())



        return response_202

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RotationOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | RotationOut]:
    """ Start re-wrapping every sealed secret under the current KEK (background)

     Admins only (403 FORBIDDEN for anyone else). Answers 202 with the rotation; follow it with GET
    /api/v1/admin/keys/rotations/{id}. Online, in batches of BULWARK_KEY_ROTATION_BATCH, resuming an
    interrupted run. 409 ROTATION_RUNNING while one is running on this instance.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RotationOut]
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

) -> Problem | RotationOut | None:
    """ Start re-wrapping every sealed secret under the current KEK (background)

     Admins only (403 FORBIDDEN for anyone else). Answers 202 with the rotation; follow it with GET
    /api/v1/admin/keys/rotations/{id}. Online, in batches of BULWARK_KEY_ROTATION_BATCH, resuming an
    interrupted run. 409 ROTATION_RUNNING while one is running on this instance.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RotationOut
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | RotationOut]:
    """ Start re-wrapping every sealed secret under the current KEK (background)

     Admins only (403 FORBIDDEN for anyone else). Answers 202 with the rotation; follow it with GET
    /api/v1/admin/keys/rotations/{id}. Online, in batches of BULWARK_KEY_ROTATION_BATCH, resuming an
    interrupted run. 409 ROTATION_RUNNING while one is running on this instance.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RotationOut]
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

) -> Problem | RotationOut | None:
    """ Start re-wrapping every sealed secret under the current KEK (background)

     Admins only (403 FORBIDDEN for anyone else). Answers 202 with the rotation; follow it with GET
    /api/v1/admin/keys/rotations/{id}. Online, in batches of BULWARK_KEY_ROTATION_BATCH, resuming an
    interrupted run. 409 ROTATION_RUNNING while one is running on this instance.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RotationOut
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
