from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.history_out import HistoryOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/fear-greed/history",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HistoryOut | Problem | None:
    if response.status_code == 200:
        response_200 = HistoryOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[HistoryOut | Problem]:
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

) -> Response[HistoryOut | Problem]:
    """ The stored daily composites, chart-ready

     One entry per day the recorder stored in [`start`, `end`] (default the 365 days up to today, at most
    5 years): parallel arrays of dates, scores, labels, coverage and each input's score. 422
    INVALID_SENTIMENT_INPUT naming `start` or `end`.

    Args:
        start (None | str | Unset): YYYY-MM-DD (UTC)
        end (None | str | Unset): YYYY-MM-DD (UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HistoryOut | Problem]
     """


    kwargs = _get_kwargs(
        start=start,
end=end,

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

) -> HistoryOut | Problem | None:
    """ The stored daily composites, chart-ready

     One entry per day the recorder stored in [`start`, `end`] (default the 365 days up to today, at most
    5 years): parallel arrays of dates, scores, labels, coverage and each input's score. 422
    INVALID_SENTIMENT_INPUT naming `start` or `end`.

    Args:
        start (None | str | Unset): YYYY-MM-DD (UTC)
        end (None | str | Unset): YYYY-MM-DD (UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HistoryOut | Problem
     """


    return sync_detailed(
        client=client,
start=start,
end=end,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,

) -> Response[HistoryOut | Problem]:
    """ The stored daily composites, chart-ready

     One entry per day the recorder stored in [`start`, `end`] (default the 365 days up to today, at most
    5 years): parallel arrays of dates, scores, labels, coverage and each input's score. 422
    INVALID_SENTIMENT_INPUT naming `start` or `end`.

    Args:
        start (None | str | Unset): YYYY-MM-DD (UTC)
        end (None | str | Unset): YYYY-MM-DD (UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HistoryOut | Problem]
     """


    kwargs = _get_kwargs(
        start=start,
end=end,

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

) -> HistoryOut | Problem | None:
    """ The stored daily composites, chart-ready

     One entry per day the recorder stored in [`start`, `end`] (default the 365 days up to today, at most
    5 years): parallel arrays of dates, scores, labels, coverage and each input's score. 422
    INVALID_SENTIMENT_INPUT naming `start` or `end`.

    Args:
        start (None | str | Unset): YYYY-MM-DD (UTC)
        end (None | str | Unset): YYYY-MM-DD (UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HistoryOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
start=start,
end=end,

    )).parsed
