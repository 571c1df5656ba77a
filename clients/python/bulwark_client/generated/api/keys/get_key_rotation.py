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
    rotation_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/keys/rotations/{rotation_id}".format(rotation_id=quote(str(rotation_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RotationOut | None:
    if response.status_code == 200:
        response_200 = RotationOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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
    rotation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | RotationOut]:
    """ One rotation: state, percent done, counts, unreadable records

     Admins only (403 FORBIDDEN for anyone else). Unreadable records are named by store and record id,
    never shown. 404 NOT_FOUND for an unknown id (rotations are kept by the instance that ran them, the
    last 20).

    Args:
        rotation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RotationOut]
     """


    kwargs = _get_kwargs(
        rotation_id=rotation_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    rotation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | RotationOut | None:
    """ One rotation: state, percent done, counts, unreadable records

     Admins only (403 FORBIDDEN for anyone else). Unreadable records are named by store and record id,
    never shown. 404 NOT_FOUND for an unknown id (rotations are kept by the instance that ran them, the
    last 20).

    Args:
        rotation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RotationOut
     """


    return sync_detailed(
        rotation_id=rotation_id,
client=client,

    ).parsed

async def asyncio_detailed(
    rotation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | RotationOut]:
    """ One rotation: state, percent done, counts, unreadable records

     Admins only (403 FORBIDDEN for anyone else). Unreadable records are named by store and record id,
    never shown. 404 NOT_FOUND for an unknown id (rotations are kept by the instance that ran them, the
    last 20).

    Args:
        rotation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RotationOut]
     """


    kwargs = _get_kwargs(
        rotation_id=rotation_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    rotation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | RotationOut | None:
    """ One rotation: state, percent done, counts, unreadable records

     Admins only (403 FORBIDDEN for anyone else). Unreadable records are named by store and record id,
    never shown. 404 NOT_FOUND for an unknown id (rotations are kept by the instance that ran them, the
    last 20).

    Args:
        rotation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RotationOut
     """


    return (await asyncio_detailed(
        rotation_id=rotation_id,
client=client,

    )).parsed
