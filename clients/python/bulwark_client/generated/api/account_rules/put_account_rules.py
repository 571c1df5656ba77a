from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.account_rules_in import AccountRulesIn
from ...models.account_rules_out import AccountRulesOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    account_id: str,
    *,
    body: AccountRulesIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/accounts/{account_id}/account-rules".format(account_id=quote(str(account_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AccountRulesOut | Problem | None:
    if response.status_code == 200:
        response_200 = AccountRulesOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AccountRulesOut | Problem]:
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
    body: AccountRulesIn,

) -> Response[AccountRulesOut | Problem]:
    """ Set an account's options approval level

     `options_level` 0 to 4 (0 none, 1 covered calls and cash-secured puts, 2 long options, 3 spreads, 4
    uncovered), or null to leave option orders unchecked. Binds the next order. Audited
    (`account.options_level`). The gate denies an option order whose strategy needs a higher level than
    the account's (OPTIONS_LEVEL); a margin account's orders also meet the pattern-day-trader rule
    (PATTERN_DAY_TRADER) and day-trading buying power (DAY_TRADING_BUYING_POWER), which take no setting
    (docs/account-rules.md). Only the account's owner: 404 NOT_FOUND for another's account, agents 403.

    Args:
        account_id (str):
        body (AccountRulesIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountRulesOut | Problem]
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
    body: AccountRulesIn,

) -> AccountRulesOut | Problem | None:
    """ Set an account's options approval level

     `options_level` 0 to 4 (0 none, 1 covered calls and cash-secured puts, 2 long options, 3 spreads, 4
    uncovered), or null to leave option orders unchecked. Binds the next order. Audited
    (`account.options_level`). The gate denies an option order whose strategy needs a higher level than
    the account's (OPTIONS_LEVEL); a margin account's orders also meet the pattern-day-trader rule
    (PATTERN_DAY_TRADER) and day-trading buying power (DAY_TRADING_BUYING_POWER), which take no setting
    (docs/account-rules.md). Only the account's owner: 404 NOT_FOUND for another's account, agents 403.

    Args:
        account_id (str):
        body (AccountRulesIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountRulesOut | Problem
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
    body: AccountRulesIn,

) -> Response[AccountRulesOut | Problem]:
    """ Set an account's options approval level

     `options_level` 0 to 4 (0 none, 1 covered calls and cash-secured puts, 2 long options, 3 spreads, 4
    uncovered), or null to leave option orders unchecked. Binds the next order. Audited
    (`account.options_level`). The gate denies an option order whose strategy needs a higher level than
    the account's (OPTIONS_LEVEL); a margin account's orders also meet the pattern-day-trader rule
    (PATTERN_DAY_TRADER) and day-trading buying power (DAY_TRADING_BUYING_POWER), which take no setting
    (docs/account-rules.md). Only the account's owner: 404 NOT_FOUND for another's account, agents 403.

    Args:
        account_id (str):
        body (AccountRulesIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountRulesOut | Problem]
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
    body: AccountRulesIn,

) -> AccountRulesOut | Problem | None:
    """ Set an account's options approval level

     `options_level` 0 to 4 (0 none, 1 covered calls and cash-secured puts, 2 long options, 3 spreads, 4
    uncovered), or null to leave option orders unchecked. Binds the next order. Audited
    (`account.options_level`). The gate denies an option order whose strategy needs a higher level than
    the account's (OPTIONS_LEVEL); a margin account's orders also meet the pattern-day-trader rule
    (PATTERN_DAY_TRADER) and day-trading buying power (DAY_TRADING_BUYING_POWER), which take no setting
    (docs/account-rules.md). Only the account's owner: 404 NOT_FOUND for another's account, agents 403.

    Args:
        account_id (str):
        body (AccountRulesIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountRulesOut | Problem
     """


    return (await asyncio_detailed(
        account_id=account_id,
client=client,
body=body,

    )).parsed
