from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.live_opt_in_in import LiveOptInIn
from ...models.live_opt_in_out import LiveOptInOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    account_id: str,
    *,
    body: LiveOptInIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/accounts/{account_id}/live-opt-in".format(account_id=quote(str(account_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LiveOptInOut | Problem | None:
    if response.status_code == 200:
        response_200 = LiveOptInOut.from_dict(response.json())



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
    body: LiveOptInIn,

) -> Response[LiveOptInOut | Problem]:
    """ Opt an account in to live trading (its owner's typed acknowledgement)

     An account on a live venue connection (real money) is not enabled for trading until its owner opts
    in: until then the gate denies its orders with LIVE_NOT_ENABLED (docs/live-trading.md).
    `acknowledgement` must be exactly the account's phrase: "I enable live trading with real money on
    account <account id> through connection <connection id>" (422 LIVE_ACKNOWLEDGEMENT_MISMATCH says
    what to type). The account must have active BLOCK rules, global or of the account, for
    MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE and MAX_OPEN_ORDERS (409 LIVE_LIMITS_MISSING names
    those it lacks). 200 with the state: `enabled`, or `pending_approval` when
    BULWARK_LIVE_SECOND_APPROVER is set. 409 LIVE_OPT_IN_NOT_REQUIRED for an account not on a live
    connection, LIVE_ALREADY_ENABLED, LIVE_APPROVAL_PENDING, ACCOUNT_CLOSED. Only the account's owner:
    404 for another's account, 403 for an agent or a viewer. Audited (`live.opt_in`), refusals too.

    Args:
        account_id (str):
        body (LiveOptInIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LiveOptInOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LiveOptInIn,

) -> LiveOptInOut | Problem | None:
    """ Opt an account in to live trading (its owner's typed acknowledgement)

     An account on a live venue connection (real money) is not enabled for trading until its owner opts
    in: until then the gate denies its orders with LIVE_NOT_ENABLED (docs/live-trading.md).
    `acknowledgement` must be exactly the account's phrase: "I enable live trading with real money on
    account <account id> through connection <connection id>" (422 LIVE_ACKNOWLEDGEMENT_MISMATCH says
    what to type). The account must have active BLOCK rules, global or of the account, for
    MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE and MAX_OPEN_ORDERS (409 LIVE_LIMITS_MISSING names
    those it lacks). 200 with the state: `enabled`, or `pending_approval` when
    BULWARK_LIVE_SECOND_APPROVER is set. 409 LIVE_OPT_IN_NOT_REQUIRED for an account not on a live
    connection, LIVE_ALREADY_ENABLED, LIVE_APPROVAL_PENDING, ACCOUNT_CLOSED. Only the account's owner:
    404 for another's account, 403 for an agent or a viewer. Audited (`live.opt_in`), refusals too.

    Args:
        account_id (str):
        body (LiveOptInIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LiveOptInOut | Problem
     """


    return sync_detailed(
        account_id=account_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LiveOptInIn,

) -> Response[LiveOptInOut | Problem]:
    """ Opt an account in to live trading (its owner's typed acknowledgement)

     An account on a live venue connection (real money) is not enabled for trading until its owner opts
    in: until then the gate denies its orders with LIVE_NOT_ENABLED (docs/live-trading.md).
    `acknowledgement` must be exactly the account's phrase: "I enable live trading with real money on
    account <account id> through connection <connection id>" (422 LIVE_ACKNOWLEDGEMENT_MISMATCH says
    what to type). The account must have active BLOCK rules, global or of the account, for
    MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE and MAX_OPEN_ORDERS (409 LIVE_LIMITS_MISSING names
    those it lacks). 200 with the state: `enabled`, or `pending_approval` when
    BULWARK_LIVE_SECOND_APPROVER is set. 409 LIVE_OPT_IN_NOT_REQUIRED for an account not on a live
    connection, LIVE_ALREADY_ENABLED, LIVE_APPROVAL_PENDING, ACCOUNT_CLOSED. Only the account's owner:
    404 for another's account, 403 for an agent or a viewer. Audited (`live.opt_in`), refusals too.

    Args:
        account_id (str):
        body (LiveOptInIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LiveOptInOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LiveOptInIn,

) -> LiveOptInOut | Problem | None:
    """ Opt an account in to live trading (its owner's typed acknowledgement)

     An account on a live venue connection (real money) is not enabled for trading until its owner opts
    in: until then the gate denies its orders with LIVE_NOT_ENABLED (docs/live-trading.md).
    `acknowledgement` must be exactly the account's phrase: "I enable live trading with real money on
    account <account id> through connection <connection id>" (422 LIVE_ACKNOWLEDGEMENT_MISMATCH says
    what to type). The account must have active BLOCK rules, global or of the account, for
    MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE and MAX_OPEN_ORDERS (409 LIVE_LIMITS_MISSING names
    those it lacks). 200 with the state: `enabled`, or `pending_approval` when
    BULWARK_LIVE_SECOND_APPROVER is set. 409 LIVE_OPT_IN_NOT_REQUIRED for an account not on a live
    connection, LIVE_ALREADY_ENABLED, LIVE_APPROVAL_PENDING, ACCOUNT_CLOSED. Only the account's owner:
    404 for another's account, 403 for an agent or a viewer. Audited (`live.opt_in`), refusals too.

    Args:
        account_id (str):
        body (LiveOptInIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LiveOptInOut | Problem
     """


    return (await asyncio_detailed(
        account_id=account_id,
client=client,
body=body,

    )).parsed
