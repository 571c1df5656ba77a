from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.reconciliation_out import ReconciliationOut
from typing import cast



def _get_kwargs(
    connection_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/connections/{connection_id}/reconciliation".format(connection_id=quote(str(connection_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReconciliationOut | None:
    if response.status_code == 200:
        response_200 = ReconciliationOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReconciliationOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | ReconciliationOut]:
    """ Each account of the connection against its venue, as last checked

     Positions and working orders compared every BULWARK_RECONCILE_SECONDS by one process of the
    deployment; empty until the first check. Only the connection's owner: 404 NOT_FOUND for another's,
    agents 403.

    Args:
        connection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReconciliationOut]
     """


    kwargs = _get_kwargs(
        connection_id=connection_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | ReconciliationOut | None:
    """ Each account of the connection against its venue, as last checked

     Positions and working orders compared every BULWARK_RECONCILE_SECONDS by one process of the
    deployment; empty until the first check. Only the connection's owner: 404 NOT_FOUND for another's,
    agents 403.

    Args:
        connection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReconciliationOut
     """


    return sync_detailed(
        connection_id=connection_id,
client=client,

    ).parsed

async def asyncio_detailed(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | ReconciliationOut]:
    """ Each account of the connection against its venue, as last checked

     Positions and working orders compared every BULWARK_RECONCILE_SECONDS by one process of the
    deployment; empty until the first check. Only the connection's owner: 404 NOT_FOUND for another's,
    agents 403.

    Args:
        connection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReconciliationOut]
     """


    kwargs = _get_kwargs(
        connection_id=connection_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | ReconciliationOut | None:
    """ Each account of the connection against its venue, as last checked

     Positions and working orders compared every BULWARK_RECONCILE_SECONDS by one process of the
    deployment; empty until the first check. Only the connection's owner: 404 NOT_FOUND for another's,
    agents 403.

    Args:
        connection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReconciliationOut
     """


    return (await asyncio_detailed(
        connection_id=connection_id,
client=client,

    )).parsed
