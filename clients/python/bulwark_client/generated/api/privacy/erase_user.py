from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.erasure_in import ErasureIn
from ...models.erasure_out import ErasureOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    user_id: str,
    *,
    body: ErasureIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/privacy/users/{user_id}/erasure".format(user_id=quote(str(user_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErasureOut | Problem | None:
    if response.status_code == 200:
        response_200 = ErasureOut.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErasureOut | Problem]:
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
    body: ErasureIn,

) -> Response[ErasureOut | Problem]:
    """ Erase a user on request (admin; audited; cannot be undone)

     Ends the user's sessions and revokes their agents' keys, closes the login, replaces the username
    with a pseudonym and removes the email, MFA, notification endpoints and trusted devices. Kept, with
    the law's reason in `retained`: accounts, orders and fills (books and records), the audit chain,
    login history. `confirm` must be the user's username: 422 ERASURE_NOT_CONFIRMED otherwise; 409
    ALREADY_ERASED the second time; 403 for the admin's own user. 404 NOT_FOUND for an unknown user, and
    for another's unless the caller is an admin.

    Args:
        user_id (str):
        body (ErasureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErasureOut | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ErasureIn,

) -> ErasureOut | Problem | None:
    """ Erase a user on request (admin; audited; cannot be undone)

     Ends the user's sessions and revokes their agents' keys, closes the login, replaces the username
    with a pseudonym and removes the email, MFA, notification endpoints and trusted devices. Kept, with
    the law's reason in `retained`: accounts, orders and fills (books and records), the audit chain,
    login history. `confirm` must be the user's username: 422 ERASURE_NOT_CONFIRMED otherwise; 409
    ALREADY_ERASED the second time; 403 for the admin's own user. 404 NOT_FOUND for an unknown user, and
    for another's unless the caller is an admin.

    Args:
        user_id (str):
        body (ErasureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErasureOut | Problem
     """


    return sync_detailed(
        user_id=user_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ErasureIn,

) -> Response[ErasureOut | Problem]:
    """ Erase a user on request (admin; audited; cannot be undone)

     Ends the user's sessions and revokes their agents' keys, closes the login, replaces the username
    with a pseudonym and removes the email, MFA, notification endpoints and trusted devices. Kept, with
    the law's reason in `retained`: accounts, orders and fills (books and records), the audit chain,
    login history. `confirm` must be the user's username: 422 ERASURE_NOT_CONFIRMED otherwise; 409
    ALREADY_ERASED the second time; 403 for the admin's own user. 404 NOT_FOUND for an unknown user, and
    for another's unless the caller is an admin.

    Args:
        user_id (str):
        body (ErasureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErasureOut | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ErasureIn,

) -> ErasureOut | Problem | None:
    """ Erase a user on request (admin; audited; cannot be undone)

     Ends the user's sessions and revokes their agents' keys, closes the login, replaces the username
    with a pseudonym and removes the email, MFA, notification endpoints and trusted devices. Kept, with
    the law's reason in `retained`: accounts, orders and fills (books and records), the audit chain,
    login history. `confirm` must be the user's username: 422 ERASURE_NOT_CONFIRMED otherwise; 409
    ALREADY_ERASED the second time; 403 for the admin's own user. 404 NOT_FOUND for an unknown user, and
    for another's unless the caller is an admin.

    Args:
        user_id (str):
        body (ErasureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErasureOut | Problem
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,
body=body,

    )).parsed
