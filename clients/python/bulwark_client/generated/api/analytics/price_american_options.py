from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.american_in import AmericanIn
from ...models.american_out import AmericanOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: AmericanIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/options/american",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AmericanOut | Problem | None:
    if response.status_code == 200:
        response_200 = AmericanOut.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AmericanOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AmericanIn,

) -> Response[AmericanOut | Problem]:
    """ American option prices: CRR binomial tree or Barone-Adesi-Whaley

     Options as columns (a number broadcasts, lists share one length). `method` crr (`steps`, default
    500, 1 to 10,000): price, delta, gamma and theta (per year and per day) from the Cox-Ross-Rubinstein
    tree; baw: the Barone-Adesi-Whaley price. Beside each: the European Black-Scholes-Merton price and
    the early-exercise premium (price - European). Units in `units` (docs/options-american.md). 422
    naming the field and its first bad index: INVALID_OPTIONS_INPUT (non-finite, spot / strike / years /
    vol <= 0, years > 100, vol > 10, |rate| or |dividend_yield| > 1, lists of different lengths, steps
    out of range or too few for the tree's up-probability); OPTIONS_TOO_MANY (more than 1,000,000
    options); TREE_TOO_LARGE (crr: options x steps^2 / 2 above 2.5e9 node updates). Runs within the
    compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (AmericanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AmericanOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AmericanIn,

) -> AmericanOut | Problem | None:
    """ American option prices: CRR binomial tree or Barone-Adesi-Whaley

     Options as columns (a number broadcasts, lists share one length). `method` crr (`steps`, default
    500, 1 to 10,000): price, delta, gamma and theta (per year and per day) from the Cox-Ross-Rubinstein
    tree; baw: the Barone-Adesi-Whaley price. Beside each: the European Black-Scholes-Merton price and
    the early-exercise premium (price - European). Units in `units` (docs/options-american.md). 422
    naming the field and its first bad index: INVALID_OPTIONS_INPUT (non-finite, spot / strike / years /
    vol <= 0, years > 100, vol > 10, |rate| or |dividend_yield| > 1, lists of different lengths, steps
    out of range or too few for the tree's up-probability); OPTIONS_TOO_MANY (more than 1,000,000
    options); TREE_TOO_LARGE (crr: options x steps^2 / 2 above 2.5e9 node updates). Runs within the
    compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (AmericanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AmericanOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AmericanIn,

) -> Response[AmericanOut | Problem]:
    """ American option prices: CRR binomial tree or Barone-Adesi-Whaley

     Options as columns (a number broadcasts, lists share one length). `method` crr (`steps`, default
    500, 1 to 10,000): price, delta, gamma and theta (per year and per day) from the Cox-Ross-Rubinstein
    tree; baw: the Barone-Adesi-Whaley price. Beside each: the European Black-Scholes-Merton price and
    the early-exercise premium (price - European). Units in `units` (docs/options-american.md). 422
    naming the field and its first bad index: INVALID_OPTIONS_INPUT (non-finite, spot / strike / years /
    vol <= 0, years > 100, vol > 10, |rate| or |dividend_yield| > 1, lists of different lengths, steps
    out of range or too few for the tree's up-probability); OPTIONS_TOO_MANY (more than 1,000,000
    options); TREE_TOO_LARGE (crr: options x steps^2 / 2 above 2.5e9 node updates). Runs within the
    compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (AmericanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AmericanOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AmericanIn,

) -> AmericanOut | Problem | None:
    """ American option prices: CRR binomial tree or Barone-Adesi-Whaley

     Options as columns (a number broadcasts, lists share one length). `method` crr (`steps`, default
    500, 1 to 10,000): price, delta, gamma and theta (per year and per day) from the Cox-Ross-Rubinstein
    tree; baw: the Barone-Adesi-Whaley price. Beside each: the European Black-Scholes-Merton price and
    the early-exercise premium (price - European). Units in `units` (docs/options-american.md). 422
    naming the field and its first bad index: INVALID_OPTIONS_INPUT (non-finite, spot / strike / years /
    vol <= 0, years > 100, vol > 10, |rate| or |dividend_yield| > 1, lists of different lengths, steps
    out of range or too few for the tree's up-probability); OPTIONS_TOO_MANY (more than 1,000,000
    options); TREE_TOO_LARGE (crr: options x steps^2 / 2 above 2.5e9 node updates). Runs within the
    compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After.

    Args:
        body (AmericanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AmericanOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
