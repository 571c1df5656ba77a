from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.treasury_inversions_out import TreasuryInversionsOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    spreads: bool | Unset = True,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    else:
        json_end = end
    params["end"] = json_end

    params["spreads"] = spreads


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/rates/inversions",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TreasuryInversionsOut | None:
    if response.status_code == 200:
        response_200 = TreasuryInversionsOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TreasuryInversionsOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    spreads: bool | Unset = True,

) -> Response[Problem | TreasuryInversionsOut]:
    """ 2s10s and 3m10y spreads and their inversion periods

     Daily spreads DGS10 - DGS2 (2s10s) and DGS10 - DGS3MO (3m10y) in percentage points on each day both
    series have a value in [`start`, `end`] (defaults: a year before `end`; today, UTC), and the
    inversion periods (runs of days with the spread below zero) with their start and end dates, deepest
    spread and its date, observed and calendar days. `spreads=false` leaves the daily spreads out. 422
    INVALID_RATES_QUERY naming `start` or `end` (not YYYY-MM-DD, `start` after `end`, more than 70
    years); 503 RATES_UNAVAILABLE with Retry-After: the rates source cannot answer (FRED down, rate-
    limiting, timing out or refusing the key; a data file unreadable).

    Args:
        start (None | str | Unset): First day, YYYY-MM-DD, inclusive
        end (None | str | Unset): Last day, YYYY-MM-DD, inclusive
        spreads (bool | Unset): Include the daily spreads (default true) Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TreasuryInversionsOut]
     """


    kwargs = _get_kwargs(
        start=start,
end=end,
spreads=spreads,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    spreads: bool | Unset = True,

) -> Problem | TreasuryInversionsOut | None:
    """ 2s10s and 3m10y spreads and their inversion periods

     Daily spreads DGS10 - DGS2 (2s10s) and DGS10 - DGS3MO (3m10y) in percentage points on each day both
    series have a value in [`start`, `end`] (defaults: a year before `end`; today, UTC), and the
    inversion periods (runs of days with the spread below zero) with their start and end dates, deepest
    spread and its date, observed and calendar days. `spreads=false` leaves the daily spreads out. 422
    INVALID_RATES_QUERY naming `start` or `end` (not YYYY-MM-DD, `start` after `end`, more than 70
    years); 503 RATES_UNAVAILABLE with Retry-After: the rates source cannot answer (FRED down, rate-
    limiting, timing out or refusing the key; a data file unreadable).

    Args:
        start (None | str | Unset): First day, YYYY-MM-DD, inclusive
        end (None | str | Unset): Last day, YYYY-MM-DD, inclusive
        spreads (bool | Unset): Include the daily spreads (default true) Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TreasuryInversionsOut
     """


    return sync_detailed(
        client=client,
start=start,
end=end,
spreads=spreads,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    spreads: bool | Unset = True,

) -> Response[Problem | TreasuryInversionsOut]:
    """ 2s10s and 3m10y spreads and their inversion periods

     Daily spreads DGS10 - DGS2 (2s10s) and DGS10 - DGS3MO (3m10y) in percentage points on each day both
    series have a value in [`start`, `end`] (defaults: a year before `end`; today, UTC), and the
    inversion periods (runs of days with the spread below zero) with their start and end dates, deepest
    spread and its date, observed and calendar days. `spreads=false` leaves the daily spreads out. 422
    INVALID_RATES_QUERY naming `start` or `end` (not YYYY-MM-DD, `start` after `end`, more than 70
    years); 503 RATES_UNAVAILABLE with Retry-After: the rates source cannot answer (FRED down, rate-
    limiting, timing out or refusing the key; a data file unreadable).

    Args:
        start (None | str | Unset): First day, YYYY-MM-DD, inclusive
        end (None | str | Unset): Last day, YYYY-MM-DD, inclusive
        spreads (bool | Unset): Include the daily spreads (default true) Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TreasuryInversionsOut]
     """


    kwargs = _get_kwargs(
        start=start,
end=end,
spreads=spreads,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    spreads: bool | Unset = True,

) -> Problem | TreasuryInversionsOut | None:
    """ 2s10s and 3m10y spreads and their inversion periods

     Daily spreads DGS10 - DGS2 (2s10s) and DGS10 - DGS3MO (3m10y) in percentage points on each day both
    series have a value in [`start`, `end`] (defaults: a year before `end`; today, UTC), and the
    inversion periods (runs of days with the spread below zero) with their start and end dates, deepest
    spread and its date, observed and calendar days. `spreads=false` leaves the daily spreads out. 422
    INVALID_RATES_QUERY naming `start` or `end` (not YYYY-MM-DD, `start` after `end`, more than 70
    years); 503 RATES_UNAVAILABLE with Retry-After: the rates source cannot answer (FRED down, rate-
    limiting, timing out or refusing the key; a data file unreadable).

    Args:
        start (None | str | Unset): First day, YYYY-MM-DD, inclusive
        end (None | str | Unset): Last day, YYYY-MM-DD, inclusive
        spreads (bool | Unset): Include the daily spreads (default true) Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TreasuryInversionsOut
     """


    return (await asyncio_detailed(
        client=client,
start=start,
end=end,
spreads=spreads,

    )).parsed
