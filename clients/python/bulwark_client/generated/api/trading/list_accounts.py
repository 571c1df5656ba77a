from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.account_list_out import AccountListOut
from ...models.account_status import AccountStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: AccountStatus | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AccountStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AccountListOut | Problem | None:
    if response.status_code == 200:
        response_200 = AccountListOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AccountListOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: AccountStatus | None | Unset = UNSET,

) -> Response[AccountListOut | Problem]:
    """ List the caller's accounts

     Accounts the caller may act on (an owner's own, an agent's granted ones; every account for a risk
    officer or admin), by id. Equity, buying power and day P&L are null while a held symbol has no mark.
    `status` keeps the accounts of one status (open, closed, archived); all of them without it.

    Args:
        status (AccountStatus | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountListOut | Problem]
     """


    kwargs = _get_kwargs(
        status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    status: AccountStatus | None | Unset = UNSET,

) -> AccountListOut | Problem | None:
    """ List the caller's accounts

     Accounts the caller may act on (an owner's own, an agent's granted ones; every account for a risk
    officer or admin), by id. Equity, buying power and day P&L are null while a held symbol has no mark.
    `status` keeps the accounts of one status (open, closed, archived); all of them without it.

    Args:
        status (AccountStatus | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountListOut | Problem
     """


    return sync_detailed(
        client=client,
status=status,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: AccountStatus | None | Unset = UNSET,

) -> Response[AccountListOut | Problem]:
    """ List the caller's accounts

     Accounts the caller may act on (an owner's own, an agent's granted ones; every account for a risk
    officer or admin), by id. Equity, buying power and day P&L are null while a held symbol has no mark.
    `status` keeps the accounts of one status (open, closed, archived); all of them without it.

    Args:
        status (AccountStatus | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountListOut | Problem]
     """


    kwargs = _get_kwargs(
        status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: AccountStatus | None | Unset = UNSET,

) -> AccountListOut | Problem | None:
    """ List the caller's accounts

     Accounts the caller may act on (an owner's own, an agent's granted ones; every account for a risk
    officer or admin), by id. Equity, buying power and day P&L are null while a held symbol has no mark.
    `status` keeps the accounts of one status (open, closed, archived); all of them without it.

    Args:
        status (AccountStatus | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountListOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,

    )).parsed
