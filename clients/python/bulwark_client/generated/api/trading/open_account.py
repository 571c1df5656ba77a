from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.account_in import AccountIn
from ...models.account_out import AccountOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: AccountIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/accounts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AccountOut | Problem | None:
    if response.status_code == 201:
        response_201 = AccountOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AccountOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountIn,

) -> Response[AccountOut | Problem]:
    """ Open an account

     A paper account starts with `initial_cash` (required); an alpaca account's cash comes from the
    broker (`initial_cash` is refused): link its keys with PUT .../broker-credentials, then POST
    .../sync. A `cash` account never borrows (buying power = cash, no short selling); a `margin` account
    may. 422 INVALID_ACCOUNT names the field; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_BROKER for
    alpaca where this deployment does not route to it. Agents 403. On a venue connection instead
    (`connection_id`, docs/venues.md): 404 NOT_FOUND when it is not one of the caller's, 409
    CONNECTION_REVOKED when it is revoked.

    Args:
        body (AccountIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountOut | Problem]
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
    body: AccountIn,

) -> AccountOut | Problem | None:
    """ Open an account

     A paper account starts with `initial_cash` (required); an alpaca account's cash comes from the
    broker (`initial_cash` is refused): link its keys with PUT .../broker-credentials, then POST
    .../sync. A `cash` account never borrows (buying power = cash, no short selling); a `margin` account
    may. 422 INVALID_ACCOUNT names the field; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_BROKER for
    alpaca where this deployment does not route to it. Agents 403. On a venue connection instead
    (`connection_id`, docs/venues.md): 404 NOT_FOUND when it is not one of the caller's, 409
    CONNECTION_REVOKED when it is revoked.

    Args:
        body (AccountIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountIn,

) -> Response[AccountOut | Problem]:
    """ Open an account

     A paper account starts with `initial_cash` (required); an alpaca account's cash comes from the
    broker (`initial_cash` is refused): link its keys with PUT .../broker-credentials, then POST
    .../sync. A `cash` account never borrows (buying power = cash, no short selling); a `margin` account
    may. 422 INVALID_ACCOUNT names the field; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_BROKER for
    alpaca where this deployment does not route to it. Agents 403. On a venue connection instead
    (`connection_id`, docs/venues.md): 404 NOT_FOUND when it is not one of the caller's, 409
    CONNECTION_REVOKED when it is revoked.

    Args:
        body (AccountIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountOut | Problem]
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
    body: AccountIn,

) -> AccountOut | Problem | None:
    """ Open an account

     A paper account starts with `initial_cash` (required); an alpaca account's cash comes from the
    broker (`initial_cash` is refused): link its keys with PUT .../broker-credentials, then POST
    .../sync. A `cash` account never borrows (buying power = cash, no short selling); a `margin` account
    may. 422 INVALID_ACCOUNT names the field; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_BROKER for
    alpaca where this deployment does not route to it. Agents 403. On a venue connection instead
    (`connection_id`, docs/venues.md): 404 NOT_FOUND when it is not one of the caller's, 409
    CONNECTION_REVOKED when it is revoked.

    Args:
        body (AccountIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
