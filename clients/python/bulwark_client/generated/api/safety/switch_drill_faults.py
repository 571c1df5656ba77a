from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paper_faults_in import PaperFaultsIn
from ...models.paper_faults_out import PaperFaultsOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: PaperFaultsIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/admin/drills/paper-faults",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaperFaultsOut | Problem | None:
    if response.status_code == 200:
        response_200 = PaperFaultsOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaperFaultsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PaperFaultsIn,

) -> Response[PaperFaultsOut | Problem]:
    """ Switch drill faults on (replacing those on now)

     Admins only (403 FORBIDDEN for anyone else); 409 CAPABILITY_NOT_CONFIGURED naming
    BULWARK_PAPER_FAULTS where it is unset (always in prod). Faults: keep_on_cancel, delay_acks (with
    delay_ms), drop_acks, reject_sends, disconnect; [] or ["none"] for none. 422 UNKNOWN_FAULT for a
    name no drill knows. Audited. The kill switch's next run meets them at once.

    Args:
        body (PaperFaultsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaperFaultsOut | Problem]
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
    body: PaperFaultsIn,

) -> PaperFaultsOut | Problem | None:
    """ Switch drill faults on (replacing those on now)

     Admins only (403 FORBIDDEN for anyone else); 409 CAPABILITY_NOT_CONFIGURED naming
    BULWARK_PAPER_FAULTS where it is unset (always in prod). Faults: keep_on_cancel, delay_acks (with
    delay_ms), drop_acks, reject_sends, disconnect; [] or ["none"] for none. 422 UNKNOWN_FAULT for a
    name no drill knows. Audited. The kill switch's next run meets them at once.

    Args:
        body (PaperFaultsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaperFaultsOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PaperFaultsIn,

) -> Response[PaperFaultsOut | Problem]:
    """ Switch drill faults on (replacing those on now)

     Admins only (403 FORBIDDEN for anyone else); 409 CAPABILITY_NOT_CONFIGURED naming
    BULWARK_PAPER_FAULTS where it is unset (always in prod). Faults: keep_on_cancel, delay_acks (with
    delay_ms), drop_acks, reject_sends, disconnect; [] or ["none"] for none. 422 UNKNOWN_FAULT for a
    name no drill knows. Audited. The kill switch's next run meets them at once.

    Args:
        body (PaperFaultsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaperFaultsOut | Problem]
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
    body: PaperFaultsIn,

) -> PaperFaultsOut | Problem | None:
    """ Switch drill faults on (replacing those on now)

     Admins only (403 FORBIDDEN for anyone else); 409 CAPABILITY_NOT_CONFIGURED naming
    BULWARK_PAPER_FAULTS where it is unset (always in prod). Faults: keep_on_cancel, delay_acks (with
    delay_ms), drop_acks, reject_sends, disconnect; [] or ["none"] for none. 422 UNKNOWN_FAULT for a
    name no drill knows. Audited. The kill switch's next run meets them at once.

    Args:
        body (PaperFaultsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaperFaultsOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
