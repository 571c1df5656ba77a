from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.live_opt_in_out import LiveOptInOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    account_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/accounts/{account_id}/live-opt-in".format(account_id=quote(str(account_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LiveOptInOut | Problem | None:
    if response.status_code == 200:
        response_200 = LiveOptInOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LiveOptInOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[LiveOptInOut | Problem]:
    """ Withdraw an account's opt-in to live trading

     The account's next order on its live connection is denied LIVE_NOT_ENABLED until its owner opts in
    again (the limits and phrase as before). Orders already open at the venue stay: the kill switch
    cancels them. 200 with the state, now `pending_acknowledgement`. The account's owner, a risk officer
    or an admin may withdraw; 403 for an agent or a viewer; 409 LIVE_NOT_OPTED_IN when nothing is opted
    in. 403 for an agent; 404 NOT_FOUND for an account the caller may not see. Audited
    (`live.withdraw`), refusals too.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LiveOptInOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> LiveOptInOut | Problem | None:
    """ Withdraw an account's opt-in to live trading

     The account's next order on its live connection is denied LIVE_NOT_ENABLED until its owner opts in
    again (the limits and phrase as before). Orders already open at the venue stay: the kill switch
    cancels them. 200 with the state, now `pending_acknowledgement`. The account's owner, a risk officer
    or an admin may withdraw; 403 for an agent or a viewer; 409 LIVE_NOT_OPTED_IN when nothing is opted
    in. 403 for an agent; 404 NOT_FOUND for an account the caller may not see. Audited
    (`live.withdraw`), refusals too.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LiveOptInOut | Problem
     """


    return sync_detailed(
        account_id=account_id,
client=client,

    ).parsed

async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[LiveOptInOut | Problem]:
    """ Withdraw an account's opt-in to live trading

     The account's next order on its live connection is denied LIVE_NOT_ENABLED until its owner opts in
    again (the limits and phrase as before). Orders already open at the venue stay: the kill switch
    cancels them. 200 with the state, now `pending_acknowledgement`. The account's owner, a risk officer
    or an admin may withdraw; 403 for an agent or a viewer; 409 LIVE_NOT_OPTED_IN when nothing is opted
    in. 403 for an agent; 404 NOT_FOUND for an account the caller may not see. Audited
    (`live.withdraw`), refusals too.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LiveOptInOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> LiveOptInOut | Problem | None:
    """ Withdraw an account's opt-in to live trading

     The account's next order on its live connection is denied LIVE_NOT_ENABLED until its owner opts in
    again (the limits and phrase as before). Orders already open at the venue stay: the kill switch
    cancels them. 200 with the state, now `pending_acknowledgement`. The account's owner, a risk officer
    or an admin may withdraw; 403 for an agent or a viewer; 409 LIVE_NOT_OPTED_IN when nothing is opted
    in. 403 for an agent; 404 NOT_FOUND for an account the caller may not see. Audited
    (`live.withdraw`), refusals too.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LiveOptInOut | Problem
     """


    return (await asyncio_detailed(
        account_id=account_id,
client=client,

    )).parsed
