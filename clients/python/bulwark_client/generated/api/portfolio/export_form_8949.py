from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    year: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tax/form-8949.csv",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,

) -> Response[Problem | str]:
    """ Form 8949 of a tax year as CSV

     Part I short-term, Part II long-term, columns (a)-(h), adjustment code W for wash sales, amounts in
    cents, totals; reportable (taxable-account) rows only. Calendar tax year by trade date; 422
    INVALID_TAX_INPUT (field `year`) outside 1970..next year.

    Args:
        year (int | None | Unset): The tax year, e.g. 2025 (default: the current year, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        year=year,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,

) -> Problem | str | None:
    """ Form 8949 of a tax year as CSV

     Part I short-term, Part II long-term, columns (a)-(h), adjustment code W for wash sales, amounts in
    cents, totals; reportable (taxable-account) rows only. Calendar tax year by trade date; 422
    INVALID_TAX_INPUT (field `year`) outside 1970..next year.

    Args:
        year (int | None | Unset): The tax year, e.g. 2025 (default: the current year, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        client=client,
year=year,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,

) -> Response[Problem | str]:
    """ Form 8949 of a tax year as CSV

     Part I short-term, Part II long-term, columns (a)-(h), adjustment code W for wash sales, amounts in
    cents, totals; reportable (taxable-account) rows only. Calendar tax year by trade date; 422
    INVALID_TAX_INPUT (field `year`) outside 1970..next year.

    Args:
        year (int | None | Unset): The tax year, e.g. 2025 (default: the current year, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        year=year,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,

) -> Problem | str | None:
    """ Form 8949 of a tax year as CSV

     Part I short-term, Part II long-term, columns (a)-(h), adjustment code W for wash sales, amounts in
    cents, totals; reportable (taxable-account) rows only. Calendar tax year by trade date; 422
    INVALID_TAX_INPUT (field `year`) outside 1970..next year.

    Args:
        year (int | None | Unset): The tax year, e.g. 2025 (default: the current year, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        client=client,
year=year,

    )).parsed
