from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.preferences_io import PreferencesIO
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    role: str,
    *,
    body: PreferencesIO,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/notifications/role-defaults/{role}".format(role=quote(str(role), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PreferencesIO | Problem | None:
    if response.status_code == 200:
        response_200 = PreferencesIO.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PreferencesIO | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    role: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreferencesIO,

) -> Response[PreferencesIO | Problem]:
    """ Set a role's default notification preferences (admin, audited)

     The same body as `PUT /notifications/preferences`. Users of the role who have saved their own
    preferences keep them. 422 INVALID_NOTIFICATION_PREFERENCES for an unknown role, event type, channel
    or time zone.

    Args:
        role (str):
        body (PreferencesIO):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreferencesIO | Problem]
     """


    kwargs = _get_kwargs(
        role=role,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    role: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreferencesIO,

) -> PreferencesIO | Problem | None:
    """ Set a role's default notification preferences (admin, audited)

     The same body as `PUT /notifications/preferences`. Users of the role who have saved their own
    preferences keep them. 422 INVALID_NOTIFICATION_PREFERENCES for an unknown role, event type, channel
    or time zone.

    Args:
        role (str):
        body (PreferencesIO):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreferencesIO | Problem
     """


    return sync_detailed(
        role=role,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    role: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreferencesIO,

) -> Response[PreferencesIO | Problem]:
    """ Set a role's default notification preferences (admin, audited)

     The same body as `PUT /notifications/preferences`. Users of the role who have saved their own
    preferences keep them. 422 INVALID_NOTIFICATION_PREFERENCES for an unknown role, event type, channel
    or time zone.

    Args:
        role (str):
        body (PreferencesIO):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreferencesIO | Problem]
     """


    kwargs = _get_kwargs(
        role=role,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    role: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreferencesIO,

) -> PreferencesIO | Problem | None:
    """ Set a role's default notification preferences (admin, audited)

     The same body as `PUT /notifications/preferences`. Users of the role who have saved their own
    preferences keep them. 422 INVALID_NOTIFICATION_PREFERENCES for an unknown role, event type, channel
    or time zone.

    Args:
        role (str):
        body (PreferencesIO):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreferencesIO | Problem
     """


    return (await asyncio_detailed(
        role=role,
client=client,
body=body,

    )).parsed
