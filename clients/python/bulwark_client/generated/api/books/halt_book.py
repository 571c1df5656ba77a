from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.book_halt_in import BookHaltIn
from ...models.book_halt_out import BookHaltOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    book_id: str,
    *,
    body: BookHaltIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/books/{book_id}/kill-switch".format(book_id=quote(str(book_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BookHaltOut | Problem | None:
    if response.status_code == 201:
        response_201 = BookHaltOut.from_dict(response.json())



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

    if response.status_code == 423:
        response_423 = Problem.from_dict(response.json())



        return response_423

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BookHaltOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    book_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookHaltIn,

) -> Response[BookHaltOut | Problem]:
    """ Pull the kill switch over the book: every member halted at its own venue

     Your passcode, checked once (the kill switch's lockout and audit). The book's scope (`book:<id>`) is
    halted: every member account's working orders are cancelled at its venue at the same time, each
    venue confirmed by its own order list, and with `flatten` the positions closed and each venue asked
    again until flat. One record on the kill switch's timeline, resumed as any halt (`POST /kill-
    switch/resume` with the scope `book`); while it holds, every member's orders are denied
    TRADING_HALTED, an account added later's too. 403 WRONG_PASSCODE, 423 KILL_SWITCH_LOCKED as the kill
    switch. Only the book's owner: 404 NOT_FOUND for another's, agents 403.

    Args:
        book_id (str):
        body (BookHaltIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookHaltOut | Problem]
     """


    kwargs = _get_kwargs(
        book_id=book_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    book_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookHaltIn,

) -> BookHaltOut | Problem | None:
    """ Pull the kill switch over the book: every member halted at its own venue

     Your passcode, checked once (the kill switch's lockout and audit). The book's scope (`book:<id>`) is
    halted: every member account's working orders are cancelled at its venue at the same time, each
    venue confirmed by its own order list, and with `flatten` the positions closed and each venue asked
    again until flat. One record on the kill switch's timeline, resumed as any halt (`POST /kill-
    switch/resume` with the scope `book`); while it holds, every member's orders are denied
    TRADING_HALTED, an account added later's too. 403 WRONG_PASSCODE, 423 KILL_SWITCH_LOCKED as the kill
    switch. Only the book's owner: 404 NOT_FOUND for another's, agents 403.

    Args:
        book_id (str):
        body (BookHaltIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookHaltOut | Problem
     """


    return sync_detailed(
        book_id=book_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    book_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookHaltIn,

) -> Response[BookHaltOut | Problem]:
    """ Pull the kill switch over the book: every member halted at its own venue

     Your passcode, checked once (the kill switch's lockout and audit). The book's scope (`book:<id>`) is
    halted: every member account's working orders are cancelled at its venue at the same time, each
    venue confirmed by its own order list, and with `flatten` the positions closed and each venue asked
    again until flat. One record on the kill switch's timeline, resumed as any halt (`POST /kill-
    switch/resume` with the scope `book`); while it holds, every member's orders are denied
    TRADING_HALTED, an account added later's too. 403 WRONG_PASSCODE, 423 KILL_SWITCH_LOCKED as the kill
    switch. Only the book's owner: 404 NOT_FOUND for another's, agents 403.

    Args:
        book_id (str):
        body (BookHaltIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookHaltOut | Problem]
     """


    kwargs = _get_kwargs(
        book_id=book_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    book_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: BookHaltIn,

) -> BookHaltOut | Problem | None:
    """ Pull the kill switch over the book: every member halted at its own venue

     Your passcode, checked once (the kill switch's lockout and audit). The book's scope (`book:<id>`) is
    halted: every member account's working orders are cancelled at its venue at the same time, each
    venue confirmed by its own order list, and with `flatten` the positions closed and each venue asked
    again until flat. One record on the kill switch's timeline, resumed as any halt (`POST /kill-
    switch/resume` with the scope `book`); while it holds, every member's orders are denied
    TRADING_HALTED, an account added later's too. 403 WRONG_PASSCODE, 423 KILL_SWITCH_LOCKED as the kill
    switch. Only the book's owner: 404 NOT_FOUND for another's, agents 403.

    Args:
        book_id (str):
        body (BookHaltIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookHaltOut | Problem
     """


    return (await asyncio_detailed(
        book_id=book_id,
client=client,
body=body,

    )).parsed
