from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.recovery_in import RecoveryIn
from ...models.recovery_out import RecoveryOut
from typing import cast



def _get_kwargs(
    *,
    body: RecoveryIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/scenarios/recovery",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RecoveryOut | None:
    if response.status_code == 200:
        response_200 = RecoveryOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RecoveryOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RecoveryIn,

) -> Response[Problem | RecoveryOut]:
    """ Recovery timeline: months to regain a loss at an expected return

     From `loss` (a fraction of the peak) or `peak_value` and `current_value`, at `expected_return` a
    year compounded monthly: months = 12 ln(1 / (1 - loss)) / ln(1 + r), the month it is regained, and
    the gain needed on what is left; null months at a return of zero or less. 422 INVALID_SCENARIO
    naming the field.

    Args:
        body (RecoveryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecoveryOut]
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
    body: RecoveryIn,

) -> Problem | RecoveryOut | None:
    """ Recovery timeline: months to regain a loss at an expected return

     From `loss` (a fraction of the peak) or `peak_value` and `current_value`, at `expected_return` a
    year compounded monthly: months = 12 ln(1 / (1 - loss)) / ln(1 + r), the month it is regained, and
    the gain needed on what is left; null months at a return of zero or less. 422 INVALID_SCENARIO
    naming the field.

    Args:
        body (RecoveryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecoveryOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RecoveryIn,

) -> Response[Problem | RecoveryOut]:
    """ Recovery timeline: months to regain a loss at an expected return

     From `loss` (a fraction of the peak) or `peak_value` and `current_value`, at `expected_return` a
    year compounded monthly: months = 12 ln(1 / (1 - loss)) / ln(1 + r), the month it is regained, and
    the gain needed on what is left; null months at a return of zero or less. 422 INVALID_SCENARIO
    naming the field.

    Args:
        body (RecoveryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecoveryOut]
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
    body: RecoveryIn,

) -> Problem | RecoveryOut | None:
    """ Recovery timeline: months to regain a loss at an expected return

     From `loss` (a fraction of the peak) or `peak_value` and `current_value`, at `expected_return` a
    year compounded monthly: months = 12 ln(1 / (1 - loss)) / ln(1 + r), the month it is regained, and
    the gain needed on what is left; null months at a return of zero or less. 422 INVALID_SCENARIO
    naming the field.

    Args:
        body (RecoveryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecoveryOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
