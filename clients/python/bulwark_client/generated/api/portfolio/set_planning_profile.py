from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.planning_profile_in import PlanningProfileIn
from ...models.planning_profile_out import PlanningProfileOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: PlanningProfileIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/planning/profile",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanningProfileOut | Problem | None:
    if response.status_code == 200:
        response_200 = PlanningProfileOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanningProfileOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PlanningProfileIn,

) -> Response[PlanningProfileOut | Problem]:
    """ Set your annual expenses, safe withdrawal rate, other assets and currency

     Creates or replaces your figures (autopilot keeps its value); audited. Your own profile only: no one
    reads or changes another user's. 422 INVALID_PLANNING_INPUT names the field: expenses > 0,
    safe_withdrawal_rate in (0, 0.2], money finite and in whole cents, currency three capital letters.

    Args:
        body (PlanningProfileIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanningProfileOut | Problem]
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
    body: PlanningProfileIn,

) -> PlanningProfileOut | Problem | None:
    """ Set your annual expenses, safe withdrawal rate, other assets and currency

     Creates or replaces your figures (autopilot keeps its value); audited. Your own profile only: no one
    reads or changes another user's. 422 INVALID_PLANNING_INPUT names the field: expenses > 0,
    safe_withdrawal_rate in (0, 0.2], money finite and in whole cents, currency three capital letters.

    Args:
        body (PlanningProfileIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanningProfileOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PlanningProfileIn,

) -> Response[PlanningProfileOut | Problem]:
    """ Set your annual expenses, safe withdrawal rate, other assets and currency

     Creates or replaces your figures (autopilot keeps its value); audited. Your own profile only: no one
    reads or changes another user's. 422 INVALID_PLANNING_INPUT names the field: expenses > 0,
    safe_withdrawal_rate in (0, 0.2], money finite and in whole cents, currency three capital letters.

    Args:
        body (PlanningProfileIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanningProfileOut | Problem]
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
    body: PlanningProfileIn,

) -> PlanningProfileOut | Problem | None:
    """ Set your annual expenses, safe withdrawal rate, other assets and currency

     Creates or replaces your figures (autopilot keeps its value); audited. Your own profile only: no one
    reads or changes another user's. 422 INVALID_PLANNING_INPUT names the field: expenses > 0,
    safe_withdrawal_rate in (0, 0.2], money finite and in whole cents, currency three capital letters.

    Args:
        body (PlanningProfileIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanningProfileOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
