from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.instrument_out import InstrumentOut
from ...models.instrument_patch_in import InstrumentPatchIn
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    symbol: str,
    *,
    body: InstrumentPatchIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/instruments/{symbol}".format(symbol=quote(str(symbol), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InstrumentOut | Problem | None:
    if response.status_code == 200:
        response_200 = InstrumentOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InstrumentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    body: InstrumentPatchIn,

) -> Response[InstrumentOut | Problem]:
    """ Edit an instrument

     Name, sector, lot and tick size, marginable, shortable, active, cusip, isin, figi (checked: 422
    INVALID_INSTRUMENT naming the field); a field left out stays. An inactive instrument's orders are
    denied (INSTRUMENT_INACTIVE); a non-shortable one refuses a sell that opens a short
    (SHORT_NOT_ALLOWED); a non-marginable one is bought with 100% of its value. Admins only (403
    FORBIDDEN for anyone else).

    Args:
        symbol (str):
        body (InstrumentPatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    body: InstrumentPatchIn,

) -> InstrumentOut | Problem | None:
    """ Edit an instrument

     Name, sector, lot and tick size, marginable, shortable, active, cusip, isin, figi (checked: 422
    INVALID_INSTRUMENT naming the field); a field left out stays. An inactive instrument's orders are
    denied (INSTRUMENT_INACTIVE); a non-shortable one refuses a sell that opens a short
    (SHORT_NOT_ALLOWED); a non-marginable one is bought with 100% of its value. Admins only (403
    FORBIDDEN for anyone else).

    Args:
        symbol (str):
        body (InstrumentPatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    body: InstrumentPatchIn,

) -> Response[InstrumentOut | Problem]:
    """ Edit an instrument

     Name, sector, lot and tick size, marginable, shortable, active, cusip, isin, figi (checked: 422
    INVALID_INSTRUMENT naming the field); a field left out stays. An inactive instrument's orders are
    denied (INSTRUMENT_INACTIVE); a non-shortable one refuses a sell that opens a short
    (SHORT_NOT_ALLOWED); a non-marginable one is bought with 100% of its value. Admins only (403
    FORBIDDEN for anyone else).

    Args:
        symbol (str):
        body (InstrumentPatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    body: InstrumentPatchIn,

) -> InstrumentOut | Problem | None:
    """ Edit an instrument

     Name, sector, lot and tick size, marginable, shortable, active, cusip, isin, figi (checked: 422
    INVALID_INSTRUMENT naming the field); a field left out stays. An inactive instrument's orders are
    denied (INSTRUMENT_INACTIVE); a non-shortable one refuses a sell that opens a short
    (SHORT_NOT_ALLOWED); a non-marginable one is bought with 100% of its value. Admins only (403
    FORBIDDEN for anyone else).

    Args:
        symbol (str):
        body (InstrumentPatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
body=body,

    )).parsed
