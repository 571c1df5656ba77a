from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.grant_out import GrantOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    grant_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/oauth/grants/{grant_id}".format(grant_id=quote(str(grant_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GrantOut | Problem | None:
    if response.status_code == 200:
        response_200 = GrantOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GrantOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    grant_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GrantOut | Problem]:
    """ Revoke an OAuth grant: its tokens answer 401 from the next request on

     404 NOT_FOUND for a grant that is not yours. Revoking twice is a no-op.

    Args:
        grant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantOut | Problem]
     """


    kwargs = _get_kwargs(
        grant_id=grant_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    grant_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GrantOut | Problem | None:
    """ Revoke an OAuth grant: its tokens answer 401 from the next request on

     404 NOT_FOUND for a grant that is not yours. Revoking twice is a no-op.

    Args:
        grant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantOut | Problem
     """


    return sync_detailed(
        grant_id=grant_id,
client=client,

    ).parsed

async def asyncio_detailed(
    grant_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[GrantOut | Problem]:
    """ Revoke an OAuth grant: its tokens answer 401 from the next request on

     404 NOT_FOUND for a grant that is not yours. Revoking twice is a no-op.

    Args:
        grant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantOut | Problem]
     """


    kwargs = _get_kwargs(
        grant_id=grant_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    grant_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> GrantOut | Problem | None:
    """ Revoke an OAuth grant: its tokens answer 401 from the next request on

     404 NOT_FOUND for a grant that is not yours. Revoking twice is a no-op.

    Args:
        grant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantOut | Problem
     """


    return (await asyncio_detailed(
        grant_id=grant_id,
client=client,

    )).parsed
