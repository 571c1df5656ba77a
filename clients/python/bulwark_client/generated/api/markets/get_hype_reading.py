from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.hype_reading_out import HypeReadingOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    symbol: str,
    *,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,
    keywords: bool | Unset = True,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_window_minutes: int | None | Unset
    if isinstance(window_minutes, Unset):
        json_window_minutes = UNSET
    else:
        json_window_minutes = window_minutes
    params["window_minutes"] = json_window_minutes

    json_baseline_windows: int | None | Unset
    if isinstance(baseline_windows, Unset):
        json_baseline_windows = UNSET
    else:
        json_baseline_windows = baseline_windows
    params["baseline_windows"] = json_baseline_windows

    params["keywords"] = keywords


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/hype/{symbol}".format(symbol=quote(str(symbol), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HypeReadingOut | Problem | None:
    if response.status_code == 200:
        response_200 = HypeReadingOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[HypeReadingOut | Problem]:
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
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,
    keywords: bool | Unset = True,

) -> Response[HypeReadingOut | Problem]:
    """ A symbol's HypeMeter: engagement, mention velocity, viral spike, keywords

     Mentions of `symbol` from the social source: the weighted engagement of the window's mentions, their
    velocity (mentions per hour), the baseline's mean and standard deviation and whether the velocity
    exceeds the mean by more than sigma (5) standard deviations; the most engaging mentions and, with
    `keywords` (default true), what they talk about (the keyword model; when it cannot run,
    `keywords_reason` says why). 422 INVALID_SENTIMENT_INPUT naming `window_minutes` (5 to 1440),
    `baseline_windows` (3 to 168; window x (baseline + 1) within the social source's retention) or
    `symbol`.

    Args:
        symbol (str):
        window_minutes (int | None | Unset): 5 to 1440 (default the configured)
        baseline_windows (int | None | Unset): 3 to 168 (default the configured)
        keywords (bool | Unset): extract keywords (default true) Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HypeReadingOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
window_minutes=window_minutes,
baseline_windows=baseline_windows,
keywords=keywords,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,
    keywords: bool | Unset = True,

) -> HypeReadingOut | Problem | None:
    """ A symbol's HypeMeter: engagement, mention velocity, viral spike, keywords

     Mentions of `symbol` from the social source: the weighted engagement of the window's mentions, their
    velocity (mentions per hour), the baseline's mean and standard deviation and whether the velocity
    exceeds the mean by more than sigma (5) standard deviations; the most engaging mentions and, with
    `keywords` (default true), what they talk about (the keyword model; when it cannot run,
    `keywords_reason` says why). 422 INVALID_SENTIMENT_INPUT naming `window_minutes` (5 to 1440),
    `baseline_windows` (3 to 168; window x (baseline + 1) within the social source's retention) or
    `symbol`.

    Args:
        symbol (str):
        window_minutes (int | None | Unset): 5 to 1440 (default the configured)
        baseline_windows (int | None | Unset): 3 to 168 (default the configured)
        keywords (bool | Unset): extract keywords (default true) Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HypeReadingOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,
window_minutes=window_minutes,
baseline_windows=baseline_windows,
keywords=keywords,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,
    keywords: bool | Unset = True,

) -> Response[HypeReadingOut | Problem]:
    """ A symbol's HypeMeter: engagement, mention velocity, viral spike, keywords

     Mentions of `symbol` from the social source: the weighted engagement of the window's mentions, their
    velocity (mentions per hour), the baseline's mean and standard deviation and whether the velocity
    exceeds the mean by more than sigma (5) standard deviations; the most engaging mentions and, with
    `keywords` (default true), what they talk about (the keyword model; when it cannot run,
    `keywords_reason` says why). 422 INVALID_SENTIMENT_INPUT naming `window_minutes` (5 to 1440),
    `baseline_windows` (3 to 168; window x (baseline + 1) within the social source's retention) or
    `symbol`.

    Args:
        symbol (str):
        window_minutes (int | None | Unset): 5 to 1440 (default the configured)
        baseline_windows (int | None | Unset): 3 to 168 (default the configured)
        keywords (bool | Unset): extract keywords (default true) Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HypeReadingOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
window_minutes=window_minutes,
baseline_windows=baseline_windows,
keywords=keywords,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,
    keywords: bool | Unset = True,

) -> HypeReadingOut | Problem | None:
    """ A symbol's HypeMeter: engagement, mention velocity, viral spike, keywords

     Mentions of `symbol` from the social source: the weighted engagement of the window's mentions, their
    velocity (mentions per hour), the baseline's mean and standard deviation and whether the velocity
    exceeds the mean by more than sigma (5) standard deviations; the most engaging mentions and, with
    `keywords` (default true), what they talk about (the keyword model; when it cannot run,
    `keywords_reason` says why). 422 INVALID_SENTIMENT_INPUT naming `window_minutes` (5 to 1440),
    `baseline_windows` (3 to 168; window x (baseline + 1) within the social source's retention) or
    `symbol`.

    Args:
        symbol (str):
        window_minutes (int | None | Unset): 5 to 1440 (default the configured)
        baseline_windows (int | None | Unset): 3 to 168 (default the configured)
        keywords (bool | Unset): extract keywords (default true) Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HypeReadingOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
window_minutes=window_minutes,
baseline_windows=baseline_windows,
keywords=keywords,

    )).parsed
