from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.kyc_page_out import KycPageOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    owner: None | str | Unset = UNSET,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_owner: None | str | Unset
    if isinstance(owner, Unset):
        json_owner = UNSET
    else:
        json_owner = owner
    params["owner"] = json_owner

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/kyc/documents",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KycPageOut | Problem | None:
    if response.status_code == 200:
        response_200 = KycPageOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[KycPageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    owner: None | str | Unset = UNSET,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[KycPageOut | Problem]:
    """ KYC documents, newest first: yours, or (risk officer, admin) anyone's

     `owner` filters by owner (reviewers only: 403 for others' ids). Pass `next_after` back as `after`
    for the next page.

    Args:
        owner (None | str | Unset):
        after (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KycPageOut | Problem]
     """


    kwargs = _get_kwargs(
        owner=owner,
after=after,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    owner: None | str | Unset = UNSET,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> KycPageOut | Problem | None:
    """ KYC documents, newest first: yours, or (risk officer, admin) anyone's

     `owner` filters by owner (reviewers only: 403 for others' ids). Pass `next_after` back as `after`
    for the next page.

    Args:
        owner (None | str | Unset):
        after (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KycPageOut | Problem
     """


    return sync_detailed(
        client=client,
owner=owner,
after=after,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    owner: None | str | Unset = UNSET,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[KycPageOut | Problem]:
    """ KYC documents, newest first: yours, or (risk officer, admin) anyone's

     `owner` filters by owner (reviewers only: 403 for others' ids). Pass `next_after` back as `after`
    for the next page.

    Args:
        owner (None | str | Unset):
        after (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KycPageOut | Problem]
     """


    kwargs = _get_kwargs(
        owner=owner,
after=after,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    owner: None | str | Unset = UNSET,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> KycPageOut | Problem | None:
    """ KYC documents, newest first: yours, or (risk officer, admin) anyone's

     `owner` filters by owner (reviewers only: 403 for others' ids). Pass `next_after` back as `after`
    for the next page.

    Args:
        owner (None | str | Unset):
        after (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KycPageOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
owner=owner,
after=after,
limit=limit,

    )).parsed
