from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.retirement_limits_out import RetirementLimitsOut
from typing import cast



def _get_kwargs(
    *,
    tax_year: int,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["tax_year"] = tax_year


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/wealth/retirement/limits",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RetirementLimitsOut | None:
    if response.status_code == 200:
        response_200 = RetirementLimitsOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RetirementLimitsOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    tax_year: int,

) -> Response[Problem | RetirementLimitsOut]:
    """ The year's contribution limits and their IRS sources

    Args:
        tax_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetirementLimitsOut]
     """


    kwargs = _get_kwargs(
        tax_year=tax_year,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    tax_year: int,

) -> Problem | RetirementLimitsOut | None:
    """ The year's contribution limits and their IRS sources

    Args:
        tax_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetirementLimitsOut
     """


    return sync_detailed(
        client=client,
tax_year=tax_year,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    tax_year: int,

) -> Response[Problem | RetirementLimitsOut]:
    """ The year's contribution limits and their IRS sources

    Args:
        tax_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetirementLimitsOut]
     """


    kwargs = _get_kwargs(
        tax_year=tax_year,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    tax_year: int,

) -> Problem | RetirementLimitsOut | None:
    """ The year's contribution limits and their IRS sources

    Args:
        tax_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetirementLimitsOut
     """


    return (await asyncio_detailed(
        client=client,
tax_year=tax_year,

    )).parsed
