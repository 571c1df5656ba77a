from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rate_series_page_out import RateSeriesPageOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    series_id: str,
    *,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

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

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/rates/series/{series_id}".format(series_id=quote(str(series_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RateSeriesPageOut | None:
    if response.status_code == 200:
        response_200 = RateSeriesPageOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RateSeriesPageOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    series_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[Problem | RateSeriesPageOut]:
    """ A FRED series' observations, oldest first, with a cursor

     Observations of `series_id` (a FRED id such as DGS10, case-insensitive) with `start` <= date <=
    `end` (defaults: the whole series; today, UTC), values in percent as published, null where the
    source lists a day without a value (FRED's '.'). Pass `next_cursor` back as `cursor`. 404
    UNKNOWN_SERIES when the source has no such series; 422 INVALID_RATES_QUERY naming `series_id`,
    `start` or `end`, INVALID_CURSOR naming `cursor`; 503 RATES_UNAVAILABLE with Retry-After: the rates
    source cannot answer (FRED down, rate-limiting, timing out or refusing the key; a data file
    unreadable).

    Args:
        series_id (str):
        start (None | str | Unset): First day, YYYY-MM-DD, inclusive
        end (None | str | Unset): Last day, YYYY-MM-DD, inclusive
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateSeriesPageOut]
     """


    kwargs = _get_kwargs(
        series_id=series_id,
start=start,
end=end,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    series_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Problem | RateSeriesPageOut | None:
    """ A FRED series' observations, oldest first, with a cursor

     Observations of `series_id` (a FRED id such as DGS10, case-insensitive) with `start` <= date <=
    `end` (defaults: the whole series; today, UTC), values in percent as published, null where the
    source lists a day without a value (FRED's '.'). Pass `next_cursor` back as `cursor`. 404
    UNKNOWN_SERIES when the source has no such series; 422 INVALID_RATES_QUERY naming `series_id`,
    `start` or `end`, INVALID_CURSOR naming `cursor`; 503 RATES_UNAVAILABLE with Retry-After: the rates
    source cannot answer (FRED down, rate-limiting, timing out or refusing the key; a data file
    unreadable).

    Args:
        series_id (str):
        start (None | str | Unset): First day, YYYY-MM-DD, inclusive
        end (None | str | Unset): Last day, YYYY-MM-DD, inclusive
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateSeriesPageOut
     """


    return sync_detailed(
        series_id=series_id,
client=client,
start=start,
end=end,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    series_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[Problem | RateSeriesPageOut]:
    """ A FRED series' observations, oldest first, with a cursor

     Observations of `series_id` (a FRED id such as DGS10, case-insensitive) with `start` <= date <=
    `end` (defaults: the whole series; today, UTC), values in percent as published, null where the
    source lists a day without a value (FRED's '.'). Pass `next_cursor` back as `cursor`. 404
    UNKNOWN_SERIES when the source has no such series; 422 INVALID_RATES_QUERY naming `series_id`,
    `start` or `end`, INVALID_CURSOR naming `cursor`; 503 RATES_UNAVAILABLE with Retry-After: the rates
    source cannot answer (FRED down, rate-limiting, timing out or refusing the key; a data file
    unreadable).

    Args:
        series_id (str):
        start (None | str | Unset): First day, YYYY-MM-DD, inclusive
        end (None | str | Unset): Last day, YYYY-MM-DD, inclusive
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateSeriesPageOut]
     """


    kwargs = _get_kwargs(
        series_id=series_id,
start=start,
end=end,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    series_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Problem | RateSeriesPageOut | None:
    """ A FRED series' observations, oldest first, with a cursor

     Observations of `series_id` (a FRED id such as DGS10, case-insensitive) with `start` <= date <=
    `end` (defaults: the whole series; today, UTC), values in percent as published, null where the
    source lists a day without a value (FRED's '.'). Pass `next_cursor` back as `cursor`. 404
    UNKNOWN_SERIES when the source has no such series; 422 INVALID_RATES_QUERY naming `series_id`,
    `start` or `end`, INVALID_CURSOR naming `cursor`; 503 RATES_UNAVAILABLE with Retry-After: the rates
    source cannot answer (FRED down, rate-limiting, timing out or refusing the key; a data file
    unreadable).

    Args:
        series_id (str):
        start (None | str | Unset): First day, YYYY-MM-DD, inclusive
        end (None | str | Unset): Last day, YYYY-MM-DD, inclusive
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateSeriesPageOut
     """


    return (await asyncio_detailed(
        series_id=series_id,
client=client,
start=start,
end=end,
cursor=cursor,
limit=limit,

    )).parsed
