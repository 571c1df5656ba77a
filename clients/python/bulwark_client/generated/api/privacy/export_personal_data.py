from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    user_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/privacy/users/{user_id}/export".format(user_id=quote(str(user_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem]:
    """ Export everything Bulwark holds about a user (a zip of JSON and CSV; audited)

     The user's record, sessions, API keys, workspaces, accounts with their positions, orders and fills,
    agents, risk rules, succession, portfolios, notification endpoints, devices, logins and the audit
    entries about them: `manifest.json` lists the sections, each as `<section>.json` and
    `<section>.csv`. Values are text: amounts as plain decimal strings, instants in ISO 8601 UTC. No
    secret (hash, digest, key, ciphertext) is ever included. 404 NOT_FOUND for an unknown user, and for
    another's unless the caller is an admin.

    Args:
        user_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | None:
    """ Export everything Bulwark holds about a user (a zip of JSON and CSV; audited)

     The user's record, sessions, API keys, workspaces, accounts with their positions, orders and fills,
    agents, risk rules, succession, portfolios, notification endpoints, devices, logins and the audit
    entries about them: `manifest.json` lists the sections, each as `<section>.json` and
    `<section>.csv`. Values are text: amounts as plain decimal strings, instants in ISO 8601 UTC. No
    secret (hash, digest, key, ciphertext) is ever included. 404 NOT_FOUND for an unknown user, and for
    another's unless the caller is an admin.

    Args:
        user_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return sync_detailed(
        user_id=user_id,
client=client,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem]:
    """ Export everything Bulwark holds about a user (a zip of JSON and CSV; audited)

     The user's record, sessions, API keys, workspaces, accounts with their positions, orders and fills,
    agents, risk rules, succession, portfolios, notification endpoints, devices, logins and the audit
    entries about them: `manifest.json` lists the sections, each as `<section>.json` and
    `<section>.csv`. Values are text: amounts as plain decimal strings, instants in ISO 8601 UTC. No
    secret (hash, digest, key, ciphertext) is ever included. 404 NOT_FOUND for an unknown user, and for
    another's unless the caller is an admin.

    Args:
        user_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | None:
    """ Export everything Bulwark holds about a user (a zip of JSON and CSV; audited)

     The user's record, sessions, API keys, workspaces, accounts with their positions, orders and fills,
    agents, risk rules, succession, portfolios, notification endpoints, devices, logins and the audit
    entries about them: `manifest.json` lists the sections, each as `<section>.json` and
    `<section>.csv`. Values are text: amounts as plain decimal strings, instants in ISO 8601 UTC. No
    secret (hash, digest, key, ciphertext) is ever included. 404 NOT_FOUND for an unknown user, and for
    another's unless the caller is an admin.

    Args:
        user_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,

    )).parsed
