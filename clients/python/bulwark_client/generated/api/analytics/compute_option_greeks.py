from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.compute_option_greeks_json_body import ComputeOptionGreeksJsonBody
from ...models.greeks_out import GreeksOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: ComputeOptionGreeksJsonBody,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/options/greeks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GreeksOut | Problem | None:
    if response.status_code == 200:
        response_200 = GreeksOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GreeksOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ComputeOptionGreeksJsonBody,

) -> Response[GreeksOut | Problem]:
    """ Black-Scholes-Merton prices and Greeks of a batch of European options

     Fields spot, strike, years, vol, rate (default 0), dividend_yield (default 0), right (call / put,
    default call): each a number or an array; scalars apply to every option. Answers price and every
    Greek as arrays in request order, with `units`: theta per year and per calendar day, vega per 1.0
    and per vol point, rho per 1.0 and per percent, charm per year and per day. 422
    INVALID_OPTIONS_INPUT naming the field and its first bad index (`strike[3]`): NaN or Infinity, spot
    or strike <= 0, price < 0, years <= 0 or > 100, vol <= 0 or > 10, rate or dividend_yield outside
    +-1, right not call/put, arrays of different lengths; 422 OPTIONS_TOO_MANY naming the longest field
    past 1,000,000 options. JSON (`application/json`) or an Arrow IPC stream
    (`application/vnd.apache.arrow.stream`, columns named as the JSON fields) in; the answer is Arrow
    when Accept names it, else JSON. Body limit BULWARK_ANALYTICS_MAX_BODY_BYTES (64 MiB by default):
    413 BODY_TOO_LARGE past it. Runs within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET
    with Retry-After. docs/options-api.md.

    Args:
        body (ComputeOptionGreeksJsonBody): Each field a number or an array; arrays of one length
            (at most 1,000,000), scalars apply to every option

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GreeksOut | Problem]
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
    body: ComputeOptionGreeksJsonBody,

) -> GreeksOut | Problem | None:
    """ Black-Scholes-Merton prices and Greeks of a batch of European options

     Fields spot, strike, years, vol, rate (default 0), dividend_yield (default 0), right (call / put,
    default call): each a number or an array; scalars apply to every option. Answers price and every
    Greek as arrays in request order, with `units`: theta per year and per calendar day, vega per 1.0
    and per vol point, rho per 1.0 and per percent, charm per year and per day. 422
    INVALID_OPTIONS_INPUT naming the field and its first bad index (`strike[3]`): NaN or Infinity, spot
    or strike <= 0, price < 0, years <= 0 or > 100, vol <= 0 or > 10, rate or dividend_yield outside
    +-1, right not call/put, arrays of different lengths; 422 OPTIONS_TOO_MANY naming the longest field
    past 1,000,000 options. JSON (`application/json`) or an Arrow IPC stream
    (`application/vnd.apache.arrow.stream`, columns named as the JSON fields) in; the answer is Arrow
    when Accept names it, else JSON. Body limit BULWARK_ANALYTICS_MAX_BODY_BYTES (64 MiB by default):
    413 BODY_TOO_LARGE past it. Runs within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET
    with Retry-After. docs/options-api.md.

    Args:
        body (ComputeOptionGreeksJsonBody): Each field a number or an array; arrays of one length
            (at most 1,000,000), scalars apply to every option

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GreeksOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ComputeOptionGreeksJsonBody,

) -> Response[GreeksOut | Problem]:
    """ Black-Scholes-Merton prices and Greeks of a batch of European options

     Fields spot, strike, years, vol, rate (default 0), dividend_yield (default 0), right (call / put,
    default call): each a number or an array; scalars apply to every option. Answers price and every
    Greek as arrays in request order, with `units`: theta per year and per calendar day, vega per 1.0
    and per vol point, rho per 1.0 and per percent, charm per year and per day. 422
    INVALID_OPTIONS_INPUT naming the field and its first bad index (`strike[3]`): NaN or Infinity, spot
    or strike <= 0, price < 0, years <= 0 or > 100, vol <= 0 or > 10, rate or dividend_yield outside
    +-1, right not call/put, arrays of different lengths; 422 OPTIONS_TOO_MANY naming the longest field
    past 1,000,000 options. JSON (`application/json`) or an Arrow IPC stream
    (`application/vnd.apache.arrow.stream`, columns named as the JSON fields) in; the answer is Arrow
    when Accept names it, else JSON. Body limit BULWARK_ANALYTICS_MAX_BODY_BYTES (64 MiB by default):
    413 BODY_TOO_LARGE past it. Runs within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET
    with Retry-After. docs/options-api.md.

    Args:
        body (ComputeOptionGreeksJsonBody): Each field a number or an array; arrays of one length
            (at most 1,000,000), scalars apply to every option

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GreeksOut | Problem]
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
    body: ComputeOptionGreeksJsonBody,

) -> GreeksOut | Problem | None:
    """ Black-Scholes-Merton prices and Greeks of a batch of European options

     Fields spot, strike, years, vol, rate (default 0), dividend_yield (default 0), right (call / put,
    default call): each a number or an array; scalars apply to every option. Answers price and every
    Greek as arrays in request order, with `units`: theta per year and per calendar day, vega per 1.0
    and per vol point, rho per 1.0 and per percent, charm per year and per day. 422
    INVALID_OPTIONS_INPUT naming the field and its first bad index (`strike[3]`): NaN or Infinity, spot
    or strike <= 0, price < 0, years <= 0 or > 100, vol <= 0 or > 10, rate or dividend_yield outside
    +-1, right not call/put, arrays of different lengths; 422 OPTIONS_TOO_MANY naming the longest field
    past 1,000,000 options. JSON (`application/json`) or an Arrow IPC stream
    (`application/vnd.apache.arrow.stream`, columns named as the JSON fields) in; the answer is Arrow
    when Accept names it, else JSON. Body limit BULWARK_ANALYTICS_MAX_BODY_BYTES (64 MiB by default):
    413 BODY_TOO_LARGE past it. Runs within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET
    with Retry-After. docs/options-api.md.

    Args:
        body (ComputeOptionGreeksJsonBody): Each field a number or an array; arrays of one length
            (at most 1,000,000), scalars apply to every option

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GreeksOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
