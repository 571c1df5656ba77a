from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.evidence_verify_in import EvidenceVerifyIn
from ...models.evidence_verify_out import EvidenceVerifyOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: EvidenceVerifyIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/compliance/evidence/verify",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EvidenceVerifyOut | Problem | None:
    if response.status_code == 200:
        response_200 = EvidenceVerifyOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EvidenceVerifyOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EvidenceVerifyIn,

) -> Response[EvidenceVerifyOut | Problem]:
    """ Verify an evidence pack: its digest and its audit entry

     Recomputes the SHA-256 of the pack's canonical content, compares it with the pack's `digest` and
    finds the `compliance.evidence_pack` audit entry that records it. `ok` is true when both hold.

    Args:
        body (EvidenceVerifyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceVerifyOut | Problem]
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
    body: EvidenceVerifyIn,

) -> EvidenceVerifyOut | Problem | None:
    """ Verify an evidence pack: its digest and its audit entry

     Recomputes the SHA-256 of the pack's canonical content, compares it with the pack's `digest` and
    finds the `compliance.evidence_pack` audit entry that records it. `ok` is true when both hold.

    Args:
        body (EvidenceVerifyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceVerifyOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EvidenceVerifyIn,

) -> Response[EvidenceVerifyOut | Problem]:
    """ Verify an evidence pack: its digest and its audit entry

     Recomputes the SHA-256 of the pack's canonical content, compares it with the pack's `digest` and
    finds the `compliance.evidence_pack` audit entry that records it. `ok` is true when both hold.

    Args:
        body (EvidenceVerifyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceVerifyOut | Problem]
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
    body: EvidenceVerifyIn,

) -> EvidenceVerifyOut | Problem | None:
    """ Verify an evidence pack: its digest and its audit entry

     Recomputes the SHA-256 of the pack's canonical content, compares it with the pack's `digest` and
    finds the `compliance.evidence_pack` audit entry that records it. `ok` is true when both hold.

    Args:
        body (EvidenceVerifyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceVerifyOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
