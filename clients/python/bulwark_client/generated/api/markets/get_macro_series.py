from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.macro_series_out import MacroSeriesOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    macro_series_id: str,
    *,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    transform: None | str | Unset = UNSET,

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

    json_transform: None | str | Unset
    if isinstance(transform, Unset):
        json_transform = UNSET
    else:
        json_transform = transform
    params["transform"] = json_transform


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/macro/series/{macro_series_id}".format(macro_series_id=quote(str(macro_series_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MacroSeriesOut | Problem | None:
    if response.status_code == 200:
        response_200 = MacroSeriesOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MacroSeriesOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    macro_series_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    transform: None | str | Unset = UNSET,

) -> Response[MacroSeriesOut | Problem]:
    """ A macro series, as published or transformed

     Observations of a catalog series in [`start`, `end`] (defaults: ten years before `end`; today, UTC)
    as `transform`: level (as published), yoy (percent change over 12 months), period_annualized
    (compounded to a year over one period), change (over one period) or change_yoy (over 12 months). 404
    UNKNOWN_SERIES for a series outside the catalog; 422 INVALID_MARKET_INPUT naming `start`, `end` or
    `transform`; 503 DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line)
    or RATES_UNAVAILABLE, with Retry-After.

    Args:
        macro_series_id (str):
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)
        transform (None | str | Unset): level (default), yoy, period_annualized, change,
            change_yoy

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MacroSeriesOut | Problem]
     """


    kwargs = _get_kwargs(
        macro_series_id=macro_series_id,
start=start,
end=end,
transform=transform,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    macro_series_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    transform: None | str | Unset = UNSET,

) -> MacroSeriesOut | Problem | None:
    """ A macro series, as published or transformed

     Observations of a catalog series in [`start`, `end`] (defaults: ten years before `end`; today, UTC)
    as `transform`: level (as published), yoy (percent change over 12 months), period_annualized
    (compounded to a year over one period), change (over one period) or change_yoy (over 12 months). 404
    UNKNOWN_SERIES for a series outside the catalog; 422 INVALID_MARKET_INPUT naming `start`, `end` or
    `transform`; 503 DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line)
    or RATES_UNAVAILABLE, with Retry-After.

    Args:
        macro_series_id (str):
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)
        transform (None | str | Unset): level (default), yoy, period_annualized, change,
            change_yoy

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MacroSeriesOut | Problem
     """


    return sync_detailed(
        macro_series_id=macro_series_id,
client=client,
start=start,
end=end,
transform=transform,

    ).parsed

async def asyncio_detailed(
    macro_series_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    transform: None | str | Unset = UNSET,

) -> Response[MacroSeriesOut | Problem]:
    """ A macro series, as published or transformed

     Observations of a catalog series in [`start`, `end`] (defaults: ten years before `end`; today, UTC)
    as `transform`: level (as published), yoy (percent change over 12 months), period_annualized
    (compounded to a year over one period), change (over one period) or change_yoy (over 12 months). 404
    UNKNOWN_SERIES for a series outside the catalog; 422 INVALID_MARKET_INPUT naming `start`, `end` or
    `transform`; 503 DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line)
    or RATES_UNAVAILABLE, with Retry-After.

    Args:
        macro_series_id (str):
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)
        transform (None | str | Unset): level (default), yoy, period_annualized, change,
            change_yoy

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MacroSeriesOut | Problem]
     """


    kwargs = _get_kwargs(
        macro_series_id=macro_series_id,
start=start,
end=end,
transform=transform,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    macro_series_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    transform: None | str | Unset = UNSET,

) -> MacroSeriesOut | Problem | None:
    """ A macro series, as published or transformed

     Observations of a catalog series in [`start`, `end`] (defaults: ten years before `end`; today, UTC)
    as `transform`: level (as published), yoy (percent change over 12 months), period_annualized
    (compounded to a year over one period), change (over one period) or change_yoy (over 12 months). 404
    UNKNOWN_SERIES for a series outside the catalog; 422 INVALID_MARKET_INPUT naming `start`, `end` or
    `transform`; 503 DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line)
    or RATES_UNAVAILABLE, with Retry-After.

    Args:
        macro_series_id (str):
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)
        transform (None | str | Unset): level (default), yoy, period_annualized, change,
            change_yoy

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MacroSeriesOut | Problem
     """


    return (await asyncio_detailed(
        macro_series_id=macro_series_id,
client=client,
start=start,
end=end,
transform=transform,

    )).parsed
