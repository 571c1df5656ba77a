from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.movers_out import MoversOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | None | Unset = UNSET,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/hype",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MoversOut | Problem | None:
    if response.status_code == 200:
        response_200 = MoversOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MoversOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,

) -> Response[MoversOut | Problem]:
    """ Top movers: the symbols whose mentions are spiking

     The busiest symbols of the window (at most 200), ranked spikes first, then by z against their
    baseline, then by velocity; `limit` 1 to 50 (default 10). 422 INVALID_SENTIMENT_INPUT naming
    `window_minutes` (5 to 1440), `baseline_windows` (3 to 168; window x (baseline + 1) within the
    social source's retention) or `symbol`; `limit` out of range likewise.

    Args:
        limit (int | None | Unset): 1 to 50 (default 10)
        window_minutes (int | None | Unset): 5 to 1440 (default the configured)
        baseline_windows (int | None | Unset): 3 to 168 (default the configured)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MoversOut | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
window_minutes=window_minutes,
baseline_windows=baseline_windows,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,

) -> MoversOut | Problem | None:
    """ Top movers: the symbols whose mentions are spiking

     The busiest symbols of the window (at most 200), ranked spikes first, then by z against their
    baseline, then by velocity; `limit` 1 to 50 (default 10). 422 INVALID_SENTIMENT_INPUT naming
    `window_minutes` (5 to 1440), `baseline_windows` (3 to 168; window x (baseline + 1) within the
    social source's retention) or `symbol`; `limit` out of range likewise.

    Args:
        limit (int | None | Unset): 1 to 50 (default 10)
        window_minutes (int | None | Unset): 5 to 1440 (default the configured)
        baseline_windows (int | None | Unset): 3 to 168 (default the configured)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MoversOut | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
window_minutes=window_minutes,
baseline_windows=baseline_windows,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,

) -> Response[MoversOut | Problem]:
    """ Top movers: the symbols whose mentions are spiking

     The busiest symbols of the window (at most 200), ranked spikes first, then by z against their
    baseline, then by velocity; `limit` 1 to 50 (default 10). 422 INVALID_SENTIMENT_INPUT naming
    `window_minutes` (5 to 1440), `baseline_windows` (3 to 168; window x (baseline + 1) within the
    social source's retention) or `symbol`; `limit` out of range likewise.

    Args:
        limit (int | None | Unset): 1 to 50 (default 10)
        window_minutes (int | None | Unset): 5 to 1440 (default the configured)
        baseline_windows (int | None | Unset): 3 to 168 (default the configured)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MoversOut | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
window_minutes=window_minutes,
baseline_windows=baseline_windows,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    window_minutes: int | None | Unset = UNSET,
    baseline_windows: int | None | Unset = UNSET,

) -> MoversOut | Problem | None:
    """ Top movers: the symbols whose mentions are spiking

     The busiest symbols of the window (at most 200), ranked spikes first, then by z against their
    baseline, then by velocity; `limit` 1 to 50 (default 10). 422 INVALID_SENTIMENT_INPUT naming
    `window_minutes` (5 to 1440), `baseline_windows` (3 to 168; window x (baseline + 1) within the
    social source's retention) or `symbol`; `limit` out of range likewise.

    Args:
        limit (int | None | Unset): 1 to 50 (default 10)
        window_minutes (int | None | Unset): 5 to 1440 (default the configured)
        baseline_windows (int | None | Unset): 3 to 168 (default the configured)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MoversOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
window_minutes=window_minutes,
baseline_windows=baseline_windows,

    )).parsed
