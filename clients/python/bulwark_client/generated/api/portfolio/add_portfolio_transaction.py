from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.ledger_transaction_in import LedgerTransactionIn
from ...models.ledger_transaction_out import LedgerTransactionOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    portfolio_id: str,
    *,
    body: LedgerTransactionIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/portfolios/{portfolio_id}/transactions".format(portfolio_id=quote(str(portfolio_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LedgerTransactionOut | Problem | None:
    if response.status_code == 201:
        response_201 = LedgerTransactionOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LedgerTransactionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LedgerTransactionIn,

) -> Response[LedgerTransactionOut | Problem]:
    """ Book a transaction

     Validated, then checked against the ledger by the tax engine before anything is written: 422
    INVALID_TRANSACTION names the field (`quantity` for a sale or transfer out larger than the position,
    `lot_picks` for an unknown lot, `currency`, `trade_date` after today, `account_id` not in the
    portfolio, ...). 409 DUPLICATE_TRANSACTION for an `external_id` booked already. Yours only: another
    user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (LedgerTransactionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerTransactionOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LedgerTransactionIn,

) -> LedgerTransactionOut | Problem | None:
    """ Book a transaction

     Validated, then checked against the ledger by the tax engine before anything is written: 422
    INVALID_TRANSACTION names the field (`quantity` for a sale or transfer out larger than the position,
    `lot_picks` for an unknown lot, `currency`, `trade_date` after today, `account_id` not in the
    portfolio, ...). 409 DUPLICATE_TRANSACTION for an `external_id` booked already. Yours only: another
    user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (LedgerTransactionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerTransactionOut | Problem
     """


    return sync_detailed(
        portfolio_id=portfolio_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LedgerTransactionIn,

) -> Response[LedgerTransactionOut | Problem]:
    """ Book a transaction

     Validated, then checked against the ledger by the tax engine before anything is written: 422
    INVALID_TRANSACTION names the field (`quantity` for a sale or transfer out larger than the position,
    `lot_picks` for an unknown lot, `currency`, `trade_date` after today, `account_id` not in the
    portfolio, ...). 409 DUPLICATE_TRANSACTION for an `external_id` booked already. Yours only: another
    user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (LedgerTransactionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerTransactionOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LedgerTransactionIn,

) -> LedgerTransactionOut | Problem | None:
    """ Book a transaction

     Validated, then checked against the ledger by the tax engine before anything is written: 422
    INVALID_TRANSACTION names the field (`quantity` for a sale or transfer out larger than the position,
    `lot_picks` for an unknown lot, `currency`, `trade_date` after today, `account_id` not in the
    portfolio, ...). 409 DUPLICATE_TRANSACTION for an `external_id` booked already. Yours only: another
    user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (LedgerTransactionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerTransactionOut | Problem
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,
body=body,

    )).parsed
