from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.term_structure_out import TermStructureOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    root: str,
    *,
    date: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_date: None | str | Unset
    if isinstance(date, Unset):
        json_date = UNSET
    else:
        json_date = date
    params["date"] = json_date


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/futures/{root}/curve".format(root=quote(str(root), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TermStructureOut | None:
    if response.status_code == 200:
        response_200 = TermStructureOut.from_dict(response.json())



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

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TermStructureOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    root: str,
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,

) -> Response[Problem | TermStructureOut]:
    """ A futures product's term structure: shape, calendar spreads, roll yields

     The settlements of `root` (CL, RB, HO, NG in the sample) on the latest date on or before `date`:
    each contract's price and years to expiry (ACT/365F), the shape (contango, backwardation, flat,
    mixed), near - far calendar spreads and the annualized roll yields ln(near / far) / years; the spot
    roll yield when the source has a spot price. 404 UNKNOWN_CONTRACT for a root the source lacks,
    NO_SETTLEMENTS when it has none on or before `date`; 422 INVALID_MARKET_INPUT naming `date` when it
    is not YYYY-MM-DD; 422 NEGATIVE_PRICE when a settlement is at or below zero; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        root (str):
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TermStructureOut]
     """


    kwargs = _get_kwargs(
        root=root,
date=date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    root: str,
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,

) -> Problem | TermStructureOut | None:
    """ A futures product's term structure: shape, calendar spreads, roll yields

     The settlements of `root` (CL, RB, HO, NG in the sample) on the latest date on or before `date`:
    each contract's price and years to expiry (ACT/365F), the shape (contango, backwardation, flat,
    mixed), near - far calendar spreads and the annualized roll yields ln(near / far) / years; the spot
    roll yield when the source has a spot price. 404 UNKNOWN_CONTRACT for a root the source lacks,
    NO_SETTLEMENTS when it has none on or before `date`; 422 INVALID_MARKET_INPUT naming `date` when it
    is not YYYY-MM-DD; 422 NEGATIVE_PRICE when a settlement is at or below zero; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        root (str):
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TermStructureOut
     """


    return sync_detailed(
        root=root,
client=client,
date=date,

    ).parsed

async def asyncio_detailed(
    root: str,
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,

) -> Response[Problem | TermStructureOut]:
    """ A futures product's term structure: shape, calendar spreads, roll yields

     The settlements of `root` (CL, RB, HO, NG in the sample) on the latest date on or before `date`:
    each contract's price and years to expiry (ACT/365F), the shape (contango, backwardation, flat,
    mixed), near - far calendar spreads and the annualized roll yields ln(near / far) / years; the spot
    roll yield when the source has a spot price. 404 UNKNOWN_CONTRACT for a root the source lacks,
    NO_SETTLEMENTS when it has none on or before `date`; 422 INVALID_MARKET_INPUT naming `date` when it
    is not YYYY-MM-DD; 422 NEGATIVE_PRICE when a settlement is at or below zero; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        root (str):
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TermStructureOut]
     """


    kwargs = _get_kwargs(
        root=root,
date=date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    root: str,
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,

) -> Problem | TermStructureOut | None:
    """ A futures product's term structure: shape, calendar spreads, roll yields

     The settlements of `root` (CL, RB, HO, NG in the sample) on the latest date on or before `date`:
    each contract's price and years to expiry (ACT/365F), the shape (contango, backwardation, flat,
    mixed), near - far calendar spreads and the annualized roll yields ln(near / far) / years; the spot
    roll yield when the source has a spot price. 404 UNKNOWN_CONTRACT for a root the source lacks,
    NO_SETTLEMENTS when it has none on or before `date`; 422 INVALID_MARKET_INPUT naming `date` when it
    is not YYYY-MM-DD; 422 NEGATIVE_PRICE when a settlement is at or below zero; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        root (str):
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TermStructureOut
     """


    return (await asyncio_detailed(
        root=root,
client=client,
date=date,

    )).parsed
