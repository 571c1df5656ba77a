from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.asset_class import AssetClass
from ...models.instrument_page_out import InstrumentPageOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    asset_class: AssetClass | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    identifier: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_asset_class: None | str | Unset
    if isinstance(asset_class, Unset):
        json_asset_class = UNSET
    elif isinstance(asset_class, AssetClass):
        json_asset_class = asset_class.value
    else:
        json_asset_class = asset_class
    params["asset_class"] = json_asset_class

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    json_identifier: None | str | Unset
    if isinstance(identifier, Unset):
        json_identifier = UNSET
    else:
        json_identifier = identifier
    params["identifier"] = json_identifier


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/instruments",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InstrumentPageOut | Problem | None:
    if response.status_code == 200:
        response_200 = InstrumentPageOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InstrumentPageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    asset_class: AssetClass | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    identifier: None | str | Unset = UNSET,

) -> Response[InstrumentPageOut | Problem]:
    """ Search instruments, by symbol, with a cursor

     `q` matches the start of the symbol or of the name (case-insensitive); filters asset_class and
    active; `identifier` finds the instruments with that CUSIP, ISIN or FIGI. Pass `next_cursor` back as
    `cursor`; 422 INVALID_QUERY for a bad cursor or identifier.

    Args:
        q (None | str | Unset):
        asset_class (AssetClass | None | Unset):
        active (bool | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.
        identifier (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentPageOut | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
asset_class=asset_class,
active=active,
cursor=cursor,
limit=limit,
identifier=identifier,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    asset_class: AssetClass | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    identifier: None | str | Unset = UNSET,

) -> InstrumentPageOut | Problem | None:
    """ Search instruments, by symbol, with a cursor

     `q` matches the start of the symbol or of the name (case-insensitive); filters asset_class and
    active; `identifier` finds the instruments with that CUSIP, ISIN or FIGI. Pass `next_cursor` back as
    `cursor`; 422 INVALID_QUERY for a bad cursor or identifier.

    Args:
        q (None | str | Unset):
        asset_class (AssetClass | None | Unset):
        active (bool | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.
        identifier (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentPageOut | Problem
     """


    return sync_detailed(
        client=client,
q=q,
asset_class=asset_class,
active=active,
cursor=cursor,
limit=limit,
identifier=identifier,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    asset_class: AssetClass | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    identifier: None | str | Unset = UNSET,

) -> Response[InstrumentPageOut | Problem]:
    """ Search instruments, by symbol, with a cursor

     `q` matches the start of the symbol or of the name (case-insensitive); filters asset_class and
    active; `identifier` finds the instruments with that CUSIP, ISIN or FIGI. Pass `next_cursor` back as
    `cursor`; 422 INVALID_QUERY for a bad cursor or identifier.

    Args:
        q (None | str | Unset):
        asset_class (AssetClass | None | Unset):
        active (bool | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.
        identifier (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentPageOut | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
asset_class=asset_class,
active=active,
cursor=cursor,
limit=limit,
identifier=identifier,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    asset_class: AssetClass | None | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    identifier: None | str | Unset = UNSET,

) -> InstrumentPageOut | Problem | None:
    """ Search instruments, by symbol, with a cursor

     `q` matches the start of the symbol or of the name (case-insensitive); filters asset_class and
    active; `identifier` finds the instruments with that CUSIP, ISIN or FIGI. Pass `next_cursor` back as
    `cursor`; 422 INVALID_QUERY for a bad cursor or identifier.

    Args:
        q (None | str | Unset):
        asset_class (AssetClass | None | Unset):
        active (bool | None | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.
        identifier (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentPageOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
q=q,
asset_class=asset_class,
active=active,
cursor=cursor,
limit=limit,
identifier=identifier,

    )).parsed
