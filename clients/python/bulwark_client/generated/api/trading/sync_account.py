from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.sync_report_out import SyncReportOut
from typing import cast



def _get_kwargs(
    account_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/accounts/{account_id}/sync".format(account_id=quote(str(account_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SyncReportOut | None:
    if response.status_code == 200:
        response_200 = SyncReportOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SyncReportOut]:
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

) -> Response[Problem | SyncReportOut]:
    """ Import cash, positions and open orders from the account's broker

     The broker is the truth: cash and each position are set to the broker's, a position it no longer
    holds goes flat, open orders the account does not know are adopted (the gate counts them from then
    on). Symbols without reference data are skipped and listed (import the instruments, then sync
    again). 409 BROKER_REFUSED when the broker will not answer for the account (no linked credentials,
    broker not configured); 503 BROKER_UNAVAILABLE when it cannot be reached now; 409 ACCOUNT_CLOSED for
    an account that is not open. Only the account's owner: 404 NOT_FOUND for another user's account;
    agents 403.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SyncReportOut]
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

) -> Problem | SyncReportOut | None:
    """ Import cash, positions and open orders from the account's broker

     The broker is the truth: cash and each position are set to the broker's, a position it no longer
    holds goes flat, open orders the account does not know are adopted (the gate counts them from then
    on). Symbols without reference data are skipped and listed (import the instruments, then sync
    again). 409 BROKER_REFUSED when the broker will not answer for the account (no linked credentials,
    broker not configured); 503 BROKER_UNAVAILABLE when it cannot be reached now; 409 ACCOUNT_CLOSED for
    an account that is not open. Only the account's owner: 404 NOT_FOUND for another user's account;
    agents 403.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SyncReportOut
     """


    return sync_detailed(
        account_id=account_id,
client=client,

    ).parsed

async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | SyncReportOut]:
    """ Import cash, positions and open orders from the account's broker

     The broker is the truth: cash and each position are set to the broker's, a position it no longer
    holds goes flat, open orders the account does not know are adopted (the gate counts them from then
    on). Symbols without reference data are skipped and listed (import the instruments, then sync
    again). 409 BROKER_REFUSED when the broker will not answer for the account (no linked credentials,
    broker not configured); 503 BROKER_UNAVAILABLE when it cannot be reached now; 409 ACCOUNT_CLOSED for
    an account that is not open. Only the account's owner: 404 NOT_FOUND for another user's account;
    agents 403.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SyncReportOut]
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

) -> Problem | SyncReportOut | None:
    """ Import cash, positions and open orders from the account's broker

     The broker is the truth: cash and each position are set to the broker's, a position it no longer
    holds goes flat, open orders the account does not know are adopted (the gate counts them from then
    on). Symbols without reference data are skipped and listed (import the instruments, then sync
    again). 409 BROKER_REFUSED when the broker will not answer for the account (no linked credentials,
    broker not configured); 503 BROKER_UNAVAILABLE when it cannot be reached now; 409 ACCOUNT_CLOSED for
    an account that is not open. Only the account's owner: 404 NOT_FOUND for another user's account;
    agents 403.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SyncReportOut
     """


    return (await asyncio_detailed(
        account_id=account_id,
client=client,

    )).parsed
