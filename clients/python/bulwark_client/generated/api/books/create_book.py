from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.book_in import BookIn
from ...models.book_out import BookOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: BookIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/books",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BookOut | Problem | None:
    if response.status_code == 201:
        response_201 = BookOut.from_dict(response.json())



        return response_201

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BookOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BookIn,

) -> Response[BookOut | Problem]:
    """ Create a book: limits over a group of your accounts, on any connections

     Each member must be your own account (404 NOT_FOUND names one that is not). From the next order on,
    an order in a member account is denied when it would breach a limit of the book's aggregate, with
    the book's reason (BOOK_GROSS_EXPOSURE, ...); a member whose state is unknown denies with
    BOOK_STATE_UNKNOWN, a currency without a rate with BOOK_FX_UNKNOWN. 422 INVALID_BOOK or
    INVALID_BOOK_LIMIT for a book or limit that does not hold.

    Args:
        body (BookIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookOut | Problem]
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
    body: BookIn,

) -> BookOut | Problem | None:
    """ Create a book: limits over a group of your accounts, on any connections

     Each member must be your own account (404 NOT_FOUND names one that is not). From the next order on,
    an order in a member account is denied when it would breach a limit of the book's aggregate, with
    the book's reason (BOOK_GROSS_EXPOSURE, ...); a member whose state is unknown denies with
    BOOK_STATE_UNKNOWN, a currency without a rate with BOOK_FX_UNKNOWN. 422 INVALID_BOOK or
    INVALID_BOOK_LIMIT for a book or limit that does not hold.

    Args:
        body (BookIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BookIn,

) -> Response[BookOut | Problem]:
    """ Create a book: limits over a group of your accounts, on any connections

     Each member must be your own account (404 NOT_FOUND names one that is not). From the next order on,
    an order in a member account is denied when it would breach a limit of the book's aggregate, with
    the book's reason (BOOK_GROSS_EXPOSURE, ...); a member whose state is unknown denies with
    BOOK_STATE_UNKNOWN, a currency without a rate with BOOK_FX_UNKNOWN. 422 INVALID_BOOK or
    INVALID_BOOK_LIMIT for a book or limit that does not hold.

    Args:
        body (BookIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookOut | Problem]
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
    body: BookIn,

) -> BookOut | Problem | None:
    """ Create a book: limits over a group of your accounts, on any connections

     Each member must be your own account (404 NOT_FOUND names one that is not). From the next order on,
    an order in a member account is denied when it would breach a limit of the book's aggregate, with
    the book's reason (BOOK_GROSS_EXPOSURE, ...); a member whose state is unknown denies with
    BOOK_STATE_UNKNOWN, a currency without a rate with BOOK_FX_UNKNOWN. 422 INVALID_BOOK or
    INVALID_BOOK_LIMIT for a book or limit that does not hold.

    Args:
        body (BookIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
