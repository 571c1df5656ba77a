from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.providers_out import ProvidersOut
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/providers",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProvidersOut | None:
    if response.status_code == 200:
        response_200 = ProvidersOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProvidersOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | ProvidersOut]:
    """ Market-data providers: who serves, breaker states, latency, rate limits

     Each provider of the failover feed in priority order (tier 0 first): its circuit breaker (`closed`,
    `open`, `half_open`; `forced_open` after a manual failover) with its recent transitions, failure and
    slow-call rates over the breaker's window, p50/p99 latency of recent answers, the last error, and
    the request budget it last reported. `active` is the provider a call goes to now (`null`: none can
    serve). Also the failover and consensus settings. Any authenticated user.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProvidersOut]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> Problem | ProvidersOut | None:
    """ Market-data providers: who serves, breaker states, latency, rate limits

     Each provider of the failover feed in priority order (tier 0 first): its circuit breaker (`closed`,
    `open`, `half_open`; `forced_open` after a manual failover) with its recent transitions, failure and
    slow-call rates over the breaker's window, p50/p99 latency of recent answers, the last error, and
    the request budget it last reported. `active` is the provider a call goes to now (`null`: none can
    serve). Also the failover and consensus settings. Any authenticated user.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProvidersOut
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | ProvidersOut]:
    """ Market-data providers: who serves, breaker states, latency, rate limits

     Each provider of the failover feed in priority order (tier 0 first): its circuit breaker (`closed`,
    `open`, `half_open`; `forced_open` after a manual failover) with its recent transitions, failure and
    slow-call rates over the breaker's window, p50/p99 latency of recent answers, the last error, and
    the request budget it last reported. `active` is the provider a call goes to now (`null`: none can
    serve). Also the failover and consensus settings. Any authenticated user.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProvidersOut]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> Problem | ProvidersOut | None:
    """ Market-data providers: who serves, breaker states, latency, rate limits

     Each provider of the failover feed in priority order (tier 0 first): its circuit breaker (`closed`,
    `open`, `half_open`; `forced_open` after a manual failover) with its recent transitions, failure and
    slow-call rates over the breaker's window, p50/p99 latency of recent answers, the last error, and
    the request budget it last reported. `active` is the provider a call goes to now (`null`: none can
    serve). Also the failover and consensus settings. Any authenticated user.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProvidersOut
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
