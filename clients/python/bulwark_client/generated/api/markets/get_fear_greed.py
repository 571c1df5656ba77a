from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fear_greed_out import FearGreedOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    weights: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_weights: None | str | Unset
    if isinstance(weights, Unset):
        json_weights = UNSET
    else:
        json_weights = weights
    params["weights"] = json_weights


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/fear-greed",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FearGreedOut | Problem | None:
    if response.status_code == 200:
        response_200 = FearGreedOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FearGreedOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    weights: None | str | Unset = UNSET,

) -> Response[FearGreedOut | Problem]:
    """ Today's Fear & Greed composite, 0 (extreme fear) .. 100 (extreme greed)

     VIX, put/call ratio, momentum (index vs its 125-day average), breadth (share of the universe above
    its 50-day average) and social sentiment, each normalised to 0..100 (percentile within its trailing
    window, or documented bounds while its history is short; fear inputs reversed) and weighted
    (`weights` as name:weight pairs summing to 1, default the configured ones). Each component says its
    raw value, score, method, source, or why it is missing. 422 INVALID_WEIGHTS (not within [0, 1] or
    not summing to 1) or UNKNOWN_SERIES naming `weights`; 503 DATA_SOURCE_UNAVAILABLE with Retry-After
    when the available inputs carry less than the minimum coverage of the weight (each missing input
    named with its reason) or a data file is unreadable.

    Args:
        weights (None | str | Unset): e.g.
            vix:0.3,put_call:0.2,momentum:0.2,breadth:0.2,social:0.1

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FearGreedOut | Problem]
     """


    kwargs = _get_kwargs(
        weights=weights,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    weights: None | str | Unset = UNSET,

) -> FearGreedOut | Problem | None:
    """ Today's Fear & Greed composite, 0 (extreme fear) .. 100 (extreme greed)

     VIX, put/call ratio, momentum (index vs its 125-day average), breadth (share of the universe above
    its 50-day average) and social sentiment, each normalised to 0..100 (percentile within its trailing
    window, or documented bounds while its history is short; fear inputs reversed) and weighted
    (`weights` as name:weight pairs summing to 1, default the configured ones). Each component says its
    raw value, score, method, source, or why it is missing. 422 INVALID_WEIGHTS (not within [0, 1] or
    not summing to 1) or UNKNOWN_SERIES naming `weights`; 503 DATA_SOURCE_UNAVAILABLE with Retry-After
    when the available inputs carry less than the minimum coverage of the weight (each missing input
    named with its reason) or a data file is unreadable.

    Args:
        weights (None | str | Unset): e.g.
            vix:0.3,put_call:0.2,momentum:0.2,breadth:0.2,social:0.1

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FearGreedOut | Problem
     """


    return sync_detailed(
        client=client,
weights=weights,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    weights: None | str | Unset = UNSET,

) -> Response[FearGreedOut | Problem]:
    """ Today's Fear & Greed composite, 0 (extreme fear) .. 100 (extreme greed)

     VIX, put/call ratio, momentum (index vs its 125-day average), breadth (share of the universe above
    its 50-day average) and social sentiment, each normalised to 0..100 (percentile within its trailing
    window, or documented bounds while its history is short; fear inputs reversed) and weighted
    (`weights` as name:weight pairs summing to 1, default the configured ones). Each component says its
    raw value, score, method, source, or why it is missing. 422 INVALID_WEIGHTS (not within [0, 1] or
    not summing to 1) or UNKNOWN_SERIES naming `weights`; 503 DATA_SOURCE_UNAVAILABLE with Retry-After
    when the available inputs carry less than the minimum coverage of the weight (each missing input
    named with its reason) or a data file is unreadable.

    Args:
        weights (None | str | Unset): e.g.
            vix:0.3,put_call:0.2,momentum:0.2,breadth:0.2,social:0.1

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FearGreedOut | Problem]
     """


    kwargs = _get_kwargs(
        weights=weights,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    weights: None | str | Unset = UNSET,

) -> FearGreedOut | Problem | None:
    """ Today's Fear & Greed composite, 0 (extreme fear) .. 100 (extreme greed)

     VIX, put/call ratio, momentum (index vs its 125-day average), breadth (share of the universe above
    its 50-day average) and social sentiment, each normalised to 0..100 (percentile within its trailing
    window, or documented bounds while its history is short; fear inputs reversed) and weighted
    (`weights` as name:weight pairs summing to 1, default the configured ones). Each component says its
    raw value, score, method, source, or why it is missing. 422 INVALID_WEIGHTS (not within [0, 1] or
    not summing to 1) or UNKNOWN_SERIES naming `weights`; 503 DATA_SOURCE_UNAVAILABLE with Retry-After
    when the available inputs carry less than the minimum coverage of the weight (each missing input
    named with its reason) or a data file is unreadable.

    Args:
        weights (None | str | Unset): e.g.
            vix:0.3,put_call:0.2,momentum:0.2,breadth:0.2,social:0.1

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FearGreedOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
weights=weights,

    )).parsed
