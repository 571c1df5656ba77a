from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.kyc_document_out import KycDocumentOut
from ...models.kyc_review_in import KycReviewIn
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    document_id: str,
    *,
    body: KycReviewIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/kyc/documents/{document_id}".format(document_id=quote(str(document_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KycDocumentOut | Problem | None:
    if response.status_code == 200:
        response_200 = KycDocumentOut.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[KycDocumentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    document_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: KycReviewIn,

) -> Response[KycDocumentOut | Problem]:
    """ Verify or reject a KYC document (risk officer, admin)

     pending -> verified | rejected (a rejection needs `reason`: 422 INVALID_REVIEW); a decision is final
    (409 DOCUMENT_ALREADY_DECIDED). Nobody reviews their own document (403). The decision derives the
    owner's KYC status again (GET /api/v1/kyc/status/{user_id}), which live trading waits for.

    Args:
        document_id (str):
        body (KycReviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KycDocumentOut | Problem]
     """


    kwargs = _get_kwargs(
        document_id=document_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    document_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: KycReviewIn,

) -> KycDocumentOut | Problem | None:
    """ Verify or reject a KYC document (risk officer, admin)

     pending -> verified | rejected (a rejection needs `reason`: 422 INVALID_REVIEW); a decision is final
    (409 DOCUMENT_ALREADY_DECIDED). Nobody reviews their own document (403). The decision derives the
    owner's KYC status again (GET /api/v1/kyc/status/{user_id}), which live trading waits for.

    Args:
        document_id (str):
        body (KycReviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KycDocumentOut | Problem
     """


    return sync_detailed(
        document_id=document_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    document_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: KycReviewIn,

) -> Response[KycDocumentOut | Problem]:
    """ Verify or reject a KYC document (risk officer, admin)

     pending -> verified | rejected (a rejection needs `reason`: 422 INVALID_REVIEW); a decision is final
    (409 DOCUMENT_ALREADY_DECIDED). Nobody reviews their own document (403). The decision derives the
    owner's KYC status again (GET /api/v1/kyc/status/{user_id}), which live trading waits for.

    Args:
        document_id (str):
        body (KycReviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KycDocumentOut | Problem]
     """


    kwargs = _get_kwargs(
        document_id=document_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    document_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: KycReviewIn,

) -> KycDocumentOut | Problem | None:
    """ Verify or reject a KYC document (risk officer, admin)

     pending -> verified | rejected (a rejection needs `reason`: 422 INVALID_REVIEW); a decision is final
    (409 DOCUMENT_ALREADY_DECIDED). Nobody reviews their own document (403). The decision derives the
    owner's KYC status again (GET /api/v1/kyc/status/{user_id}), which live trading waits for.

    Args:
        document_id (str):
        body (KycReviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KycDocumentOut | Problem
     """


    return (await asyncio_detailed(
        document_id=document_id,
client=client,
body=body,

    )).parsed
