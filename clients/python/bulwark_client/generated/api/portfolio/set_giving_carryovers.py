from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.giving_carryovers_in import GivingCarryoversIn
from ...models.giving_carryovers_out import GivingCarryoversOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: GivingCarryoversIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/planning/giving/carryovers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GivingCarryoversOut | Problem | None:
    if response.status_code == 200:
        response_200 = GivingCarryoversOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GivingCarryoversOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GivingCarryoversIn,

) -> Response[GivingCarryoversOut | Problem]:
    """ Set your opening carryovers (replaces them; an empty list clears them)

     Carryovers into `into_year` by origin year (into_year - 5 .. into_year - 1) and category, from your
    returns. The deduction of a year from `into_year` on starts from them and leaves out donations
    recorded before `into_year` (they are in the carryovers). 422 INVALID_GIVING_INPUT naming the field.

    Args:
        body (GivingCarryoversIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GivingCarryoversOut | Problem]
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
    body: GivingCarryoversIn,

) -> GivingCarryoversOut | Problem | None:
    """ Set your opening carryovers (replaces them; an empty list clears them)

     Carryovers into `into_year` by origin year (into_year - 5 .. into_year - 1) and category, from your
    returns. The deduction of a year from `into_year` on starts from them and leaves out donations
    recorded before `into_year` (they are in the carryovers). 422 INVALID_GIVING_INPUT naming the field.

    Args:
        body (GivingCarryoversIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GivingCarryoversOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GivingCarryoversIn,

) -> Response[GivingCarryoversOut | Problem]:
    """ Set your opening carryovers (replaces them; an empty list clears them)

     Carryovers into `into_year` by origin year (into_year - 5 .. into_year - 1) and category, from your
    returns. The deduction of a year from `into_year` on starts from them and leaves out donations
    recorded before `into_year` (they are in the carryovers). 422 INVALID_GIVING_INPUT naming the field.

    Args:
        body (GivingCarryoversIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GivingCarryoversOut | Problem]
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
    body: GivingCarryoversIn,

) -> GivingCarryoversOut | Problem | None:
    """ Set your opening carryovers (replaces them; an empty list clears them)

     Carryovers into `into_year` by origin year (into_year - 5 .. into_year - 1) and category, from your
    returns. The deduction of a year from `into_year` on starts from them and leaves out donations
    recorded before `into_year` (they are in the carryovers). 422 INVALID_GIVING_INPUT naming the field.

    Args:
        body (GivingCarryoversIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GivingCarryoversOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
