from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.instrument_in import InstrumentIn
from ...models.instrument_out import InstrumentOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: InstrumentIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/instruments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InstrumentOut | Problem | None:
    if response.status_code == 201:
        response_201 = InstrumentOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InstrumentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InstrumentIn,

) -> Response[InstrumentOut | Problem]:
    """ Create an instrument

     409 INSTRUMENT_EXISTS when the symbol has reference data already. A bond (`asset_class` bond)
    carries its `bond` terms: face_value, coupon_rate, frequency, issue_date, maturity, day_count; it is
    priced clean per 100 of face and counted in hundreds of face (multiplier 1; lot size one bond,
    face_value / 100, unless given). 422 INVALID_BOND_TERMS naming the term (`bond.frequency`,
    `bond.maturity`, `bond.day_count` ...), a bond without terms (`bond`), terms on another asset class
    (`asset_class`) or a bond's multiplier other than 1. Optional `cusip`, `isin`, `figi` are checked,
    check digit included (422 INVALID_INSTRUMENT naming the field). Admins only (403 FORBIDDEN for
    anyone else).

    Args:
        body (InstrumentIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InstrumentIn,

) -> InstrumentOut | Problem | None:
    """ Create an instrument

     409 INSTRUMENT_EXISTS when the symbol has reference data already. A bond (`asset_class` bond)
    carries its `bond` terms: face_value, coupon_rate, frequency, issue_date, maturity, day_count; it is
    priced clean per 100 of face and counted in hundreds of face (multiplier 1; lot size one bond,
    face_value / 100, unless given). 422 INVALID_BOND_TERMS naming the term (`bond.frequency`,
    `bond.maturity`, `bond.day_count` ...), a bond without terms (`bond`), terms on another asset class
    (`asset_class`) or a bond's multiplier other than 1. Optional `cusip`, `isin`, `figi` are checked,
    check digit included (422 INVALID_INSTRUMENT naming the field). Admins only (403 FORBIDDEN for
    anyone else).

    Args:
        body (InstrumentIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InstrumentIn,

) -> Response[InstrumentOut | Problem]:
    """ Create an instrument

     409 INSTRUMENT_EXISTS when the symbol has reference data already. A bond (`asset_class` bond)
    carries its `bond` terms: face_value, coupon_rate, frequency, issue_date, maturity, day_count; it is
    priced clean per 100 of face and counted in hundreds of face (multiplier 1; lot size one bond,
    face_value / 100, unless given). 422 INVALID_BOND_TERMS naming the term (`bond.frequency`,
    `bond.maturity`, `bond.day_count` ...), a bond without terms (`bond`), terms on another asset class
    (`asset_class`) or a bond's multiplier other than 1. Optional `cusip`, `isin`, `figi` are checked,
    check digit included (422 INVALID_INSTRUMENT naming the field). Admins only (403 FORBIDDEN for
    anyone else).

    Args:
        body (InstrumentIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InstrumentIn,

) -> InstrumentOut | Problem | None:
    """ Create an instrument

     409 INSTRUMENT_EXISTS when the symbol has reference data already. A bond (`asset_class` bond)
    carries its `bond` terms: face_value, coupon_rate, frequency, issue_date, maturity, day_count; it is
    priced clean per 100 of face and counted in hundreds of face (multiplier 1; lot size one bond,
    face_value / 100, unless given). 422 INVALID_BOND_TERMS naming the term (`bond.frequency`,
    `bond.maturity`, `bond.day_count` ...), a bond without terms (`bond`), terms on another asset class
    (`asset_class`) or a bond's multiplier other than 1. Optional `cusip`, `isin`, `figi` are checked,
    check digit included (422 INVALID_INSTRUMENT naming the field). Admins only (403 FORBIDDEN for
    anyone else).

    Args:
        body (InstrumentIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
