from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.crack_spread_out import CrackSpreadOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    date: None | str | Unset = UNSET,
    ratio: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_date: None | str | Unset
    if isinstance(date, Unset):
        json_date = UNSET
    else:
        json_date = date
    params["date"] = json_date

    json_ratio: None | str | Unset
    if isinstance(ratio, Unset):
        json_ratio = UNSET
    else:
        json_ratio = ratio
    params["ratio"] = json_ratio


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/futures/crack-spread",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CrackSpreadOut | Problem | None:
    if response.status_code == 200:
        response_200 = CrackSpreadOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CrackSpreadOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,
    ratio: None | str | Unset = UNSET,

) -> Response[CrackSpreadOut | Problem]:
    """ The crack spread from the source's CL, RB and HO settlements

     Refinery margin of `ratio` (crude-gasoline-distillate barrels, default 3-2-1): (2 x RBOB x 42 + 1 x
    heating oil x 42 - 3 x WTI) / 3 USD per barrel, from the contracts of one delivery month (the
    earliest all three list) on the latest date on or before `date`. 422 INVALID_MARKET_INPUT naming
    `date` when it is not YYYY-MM-DD or `ratio`; 404 NO_SETTLEMENTS; 503 DATA_SOURCE_UNAVAILABLE (a data
    file unreadable or malformed, named with its line) or RATES_UNAVAILABLE, with Retry-After.

    Args:
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)
        ratio (None | str | Unset): e.g. 3-2-1 (default), 5-3-2, 2-1-1

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CrackSpreadOut | Problem]
     """


    kwargs = _get_kwargs(
        date=date,
ratio=ratio,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,
    ratio: None | str | Unset = UNSET,

) -> CrackSpreadOut | Problem | None:
    """ The crack spread from the source's CL, RB and HO settlements

     Refinery margin of `ratio` (crude-gasoline-distillate barrels, default 3-2-1): (2 x RBOB x 42 + 1 x
    heating oil x 42 - 3 x WTI) / 3 USD per barrel, from the contracts of one delivery month (the
    earliest all three list) on the latest date on or before `date`. 422 INVALID_MARKET_INPUT naming
    `date` when it is not YYYY-MM-DD or `ratio`; 404 NO_SETTLEMENTS; 503 DATA_SOURCE_UNAVAILABLE (a data
    file unreadable or malformed, named with its line) or RATES_UNAVAILABLE, with Retry-After.

    Args:
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)
        ratio (None | str | Unset): e.g. 3-2-1 (default), 5-3-2, 2-1-1

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CrackSpreadOut | Problem
     """


    return sync_detailed(
        client=client,
date=date,
ratio=ratio,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,
    ratio: None | str | Unset = UNSET,

) -> Response[CrackSpreadOut | Problem]:
    """ The crack spread from the source's CL, RB and HO settlements

     Refinery margin of `ratio` (crude-gasoline-distillate barrels, default 3-2-1): (2 x RBOB x 42 + 1 x
    heating oil x 42 - 3 x WTI) / 3 USD per barrel, from the contracts of one delivery month (the
    earliest all three list) on the latest date on or before `date`. 422 INVALID_MARKET_INPUT naming
    `date` when it is not YYYY-MM-DD or `ratio`; 404 NO_SETTLEMENTS; 503 DATA_SOURCE_UNAVAILABLE (a data
    file unreadable or malformed, named with its line) or RATES_UNAVAILABLE, with Retry-After.

    Args:
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)
        ratio (None | str | Unset): e.g. 3-2-1 (default), 5-3-2, 2-1-1

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CrackSpreadOut | Problem]
     """


    kwargs = _get_kwargs(
        date=date,
ratio=ratio,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,
    ratio: None | str | Unset = UNSET,

) -> CrackSpreadOut | Problem | None:
    """ The crack spread from the source's CL, RB and HO settlements

     Refinery margin of `ratio` (crude-gasoline-distillate barrels, default 3-2-1): (2 x RBOB x 42 + 1 x
    heating oil x 42 - 3 x WTI) / 3 USD per barrel, from the contracts of one delivery month (the
    earliest all three list) on the latest date on or before `date`. 422 INVALID_MARKET_INPUT naming
    `date` when it is not YYYY-MM-DD or `ratio`; 404 NO_SETTLEMENTS; 503 DATA_SOURCE_UNAVAILABLE (a data
    file unreadable or malformed, named with its line) or RATES_UNAVAILABLE, with Retry-After.

    Args:
        date (None | str | Unset): YYYY-MM-DD (default today, UTC)
        ratio (None | str | Unset): e.g. 3-2-1 (default), 5-3-2, 2-1-1

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CrackSpreadOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
date=date,
ratio=ratio,

    )).parsed
