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
        "method": "get",
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
    """ An account's standing with live trading

     An account on a live venue connection (real money) is not enabled for trading until its owner opts
    in: until then the gate denies its orders with LIVE_NOT_ENABLED (docs/live-trading.md). The status,
    the phrase the owner types, whether a second approver is needed, the required limits the account
    lacks now, and who acknowledged and approved it, when. The owner, a risk officer, an admin and a
    viewer read it. 403 for an agent; 404 NOT_FOUND for an account the caller may not see.

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
    """ An account's standing with live trading

     An account on a live venue connection (real money) is not enabled for trading until its owner opts
    in: until then the gate denies its orders with LIVE_NOT_ENABLED (docs/live-trading.md). The status,
    the phrase the owner types, whether a second approver is needed, the required limits the account
    lacks now, and who acknowledged and approved it, when. The owner, a risk officer, an admin and a
    viewer read it. 403 for an agent; 404 NOT_FOUND for an account the caller may not see.

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
    """ An account's standing with live trading

     An account on a live venue connection (real money) is not enabled for trading until its owner opts
    in: until then the gate denies its orders with LIVE_NOT_ENABLED (docs/live-trading.md). The status,
    the phrase the owner types, whether a second approver is needed, the required limits the account
    lacks now, and who acknowledged and approved it, when. The owner, a risk officer, an admin and a
    viewer read it. 403 for an agent; 404 NOT_FOUND for an account the caller may not see.

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
    """ An account's standing with live trading

     An account on a live venue connection (real money) is not enabled for trading until its owner opts
    in: until then the gate denies its orders with LIVE_NOT_ENABLED (docs/live-trading.md). The status,
    the phrase the owner types, whether a second approver is needed, the required limits the account
    lacks now, and who acknowledged and approved it, when. The owner, a risk officer, an admin and a
    viewer read it. 403 for an agent; 404 NOT_FOUND for an account the caller may not see.

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
