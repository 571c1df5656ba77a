from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.corporate_action_import_in import CorporateActionImportIn
from ...models.corporate_action_import_out import CorporateActionImportOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    portfolio_id: str,
    *,
    body: CorporateActionImportIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/portfolios/{portfolio_id}/corporate-actions/import".format(portfolio_id=quote(str(portfolio_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CorporateActionImportOut | Problem | None:
    if response.status_code == 200:
        response_200 = CorporateActionImportOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CorporateActionImportOut | Problem]:
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
    body: CorporateActionImportIn,

) -> Response[CorporateActionImportOut | Problem]:
    """ Import the portfolio's corporate actions from a vendor

     Asks `source` (alpaca or polygon) for the corporate actions of every symbol the ledger names,
    effective from `start` to `end`, and books each in every account that holds the symbol on its date
    (checked by the tax engine first). Idempotent: a row booked already (by this import, or the same
    action booked from a file on that date) is `already_present`. What maps to no ledger kind, or lacks
    a figure the ledger needs (a spin-off's basis allocation, a mixed merger's fair market value), is
    `skipped` with its reason. 409 CAPABILITY_NOT_CONFIGURED when the vendor's keys are not set; 422
    INVALID_ACTION_IMPORT names `start` or `end`; 503 CORPORATE_ACTIONS_UNAVAILABLE: the vendor did not
    answer (down, rate limited, refused the key); retry after the seconds in Retry-After. Yours only:
    another user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (CorporateActionImportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CorporateActionImportOut | Problem]
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
    body: CorporateActionImportIn,

) -> CorporateActionImportOut | Problem | None:
    """ Import the portfolio's corporate actions from a vendor

     Asks `source` (alpaca or polygon) for the corporate actions of every symbol the ledger names,
    effective from `start` to `end`, and books each in every account that holds the symbol on its date
    (checked by the tax engine first). Idempotent: a row booked already (by this import, or the same
    action booked from a file on that date) is `already_present`. What maps to no ledger kind, or lacks
    a figure the ledger needs (a spin-off's basis allocation, a mixed merger's fair market value), is
    `skipped` with its reason. 409 CAPABILITY_NOT_CONFIGURED when the vendor's keys are not set; 422
    INVALID_ACTION_IMPORT names `start` or `end`; 503 CORPORATE_ACTIONS_UNAVAILABLE: the vendor did not
    answer (down, rate limited, refused the key); retry after the seconds in Retry-After. Yours only:
    another user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (CorporateActionImportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CorporateActionImportOut | Problem
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
    body: CorporateActionImportIn,

) -> Response[CorporateActionImportOut | Problem]:
    """ Import the portfolio's corporate actions from a vendor

     Asks `source` (alpaca or polygon) for the corporate actions of every symbol the ledger names,
    effective from `start` to `end`, and books each in every account that holds the symbol on its date
    (checked by the tax engine first). Idempotent: a row booked already (by this import, or the same
    action booked from a file on that date) is `already_present`. What maps to no ledger kind, or lacks
    a figure the ledger needs (a spin-off's basis allocation, a mixed merger's fair market value), is
    `skipped` with its reason. 409 CAPABILITY_NOT_CONFIGURED when the vendor's keys are not set; 422
    INVALID_ACTION_IMPORT names `start` or `end`; 503 CORPORATE_ACTIONS_UNAVAILABLE: the vendor did not
    answer (down, rate limited, refused the key); retry after the seconds in Retry-After. Yours only:
    another user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (CorporateActionImportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CorporateActionImportOut | Problem]
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
    body: CorporateActionImportIn,

) -> CorporateActionImportOut | Problem | None:
    """ Import the portfolio's corporate actions from a vendor

     Asks `source` (alpaca or polygon) for the corporate actions of every symbol the ledger names,
    effective from `start` to `end`, and books each in every account that holds the symbol on its date
    (checked by the tax engine first). Idempotent: a row booked already (by this import, or the same
    action booked from a file on that date) is `already_present`. What maps to no ledger kind, or lacks
    a figure the ledger needs (a spin-off's basis allocation, a mixed merger's fair market value), is
    `skipped` with its reason. 409 CAPABILITY_NOT_CONFIGURED when the vendor's keys are not set; 422
    INVALID_ACTION_IMPORT names `start` or `end`; 503 CORPORATE_ACTIONS_UNAVAILABLE: the vendor did not
    answer (down, rate limited, refused the key); retry after the seconds in Retry-After. Yours only:
    another user's portfolio answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (CorporateActionImportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CorporateActionImportOut | Problem
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,
body=body,

    )).parsed
