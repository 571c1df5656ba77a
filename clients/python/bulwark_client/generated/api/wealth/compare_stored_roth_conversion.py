from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.stored_conversion_in import StoredConversionIn
from ...models.stored_conversion_out import StoredConversionOut
from typing import cast



def _get_kwargs(
    account_id: str,
    *,
    body: StoredConversionIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/wealth/retirement/accounts/{account_id}/roth-conversion".format(account_id=quote(str(account_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StoredConversionOut | None:
    if response.status_code == 200:
        response_200 = StoredConversionOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StoredConversionOut]:
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
    body: StoredConversionIn,

) -> Response[Problem | StoredConversionOut]:
    """ Roth conversion what-if on the stored traditional account

     `amount` 0 (the default) converts the whole balance. The balance is the stored account's equity at
    the current reference marks (a cash-only account: its cash); `stored` names the source. 409
    ACCOUNT_UNPRICED for a holding without a mark; 422 INVALID_RETIREMENT_INPUT (or
    TAX_YEAR_NOT_PUBLISHED) names the field.

    Args:
        account_id (str):
        body (StoredConversionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StoredConversionOut]
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
    body: StoredConversionIn,

) -> Problem | StoredConversionOut | None:
    """ Roth conversion what-if on the stored traditional account

     `amount` 0 (the default) converts the whole balance. The balance is the stored account's equity at
    the current reference marks (a cash-only account: its cash); `stored` names the source. 409
    ACCOUNT_UNPRICED for a holding without a mark; 422 INVALID_RETIREMENT_INPUT (or
    TAX_YEAR_NOT_PUBLISHED) names the field.

    Args:
        account_id (str):
        body (StoredConversionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StoredConversionOut
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
    body: StoredConversionIn,

) -> Response[Problem | StoredConversionOut]:
    """ Roth conversion what-if on the stored traditional account

     `amount` 0 (the default) converts the whole balance. The balance is the stored account's equity at
    the current reference marks (a cash-only account: its cash); `stored` names the source. 409
    ACCOUNT_UNPRICED for a holding without a mark; 422 INVALID_RETIREMENT_INPUT (or
    TAX_YEAR_NOT_PUBLISHED) names the field.

    Args:
        account_id (str):
        body (StoredConversionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StoredConversionOut]
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
    body: StoredConversionIn,

) -> Problem | StoredConversionOut | None:
    """ Roth conversion what-if on the stored traditional account

     `amount` 0 (the default) converts the whole balance. The balance is the stored account's equity at
    the current reference marks (a cash-only account: its cash); `stored` names the source. 409
    ACCOUNT_UNPRICED for a holding without a mark; 422 INVALID_RETIREMENT_INPUT (or
    TAX_YEAR_NOT_PUBLISHED) names the field.

    Args:
        account_id (str):
        body (StoredConversionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StoredConversionOut
     """


    return (await asyncio_detailed(
        account_id=account_id,
client=client,
body=body,

    )).parsed
