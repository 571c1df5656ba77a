from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.standing_out import StandingOut
from typing import cast



def _get_kwargs(
    book_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/books/{book_id}".format(book_id=quote(str(book_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StandingOut | None:
    if response.status_code == 200:
        response_200 = StandingOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StandingOut]:
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

) -> Response[Problem | StandingOut]:
    """ One book with its aggregate now and each limit's use

     The members' figures read now, summed in the book's currency; null figures and `unknown` name the
    members it cannot read or price. Only the book's owner: 404 NOT_FOUND for another's, agents 403.

    Args:
        book_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandingOut]
     """


    kwargs = _get_kwargs(
        book_id=book_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    book_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | StandingOut | None:
    """ One book with its aggregate now and each limit's use

     The members' figures read now, summed in the book's currency; null figures and `unknown` name the
    members it cannot read or price. Only the book's owner: 404 NOT_FOUND for another's, agents 403.

    Args:
        book_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandingOut
     """


    return sync_detailed(
        book_id=book_id,
client=client,

    ).parsed

async def asyncio_detailed(
    book_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | StandingOut]:
    """ One book with its aggregate now and each limit's use

     The members' figures read now, summed in the book's currency; null figures and `unknown` name the
    members it cannot read or price. Only the book's owner: 404 NOT_FOUND for another's, agents 403.

    Args:
        book_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandingOut]
     """


    kwargs = _get_kwargs(
        book_id=book_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    book_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | StandingOut | None:
    """ One book with its aggregate now and each limit's use

     The members' figures read now, summed in the book's currency; null figures and `unknown` name the
    members it cannot read or price. Only the book's owner: 404 NOT_FOUND for another's, agents 403.

    Args:
        book_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandingOut
     """


    return (await asyncio_detailed(
        book_id=book_id,
client=client,

    )).parsed
