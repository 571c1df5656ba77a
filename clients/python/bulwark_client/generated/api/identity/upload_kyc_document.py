from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.kyc_document_out import KycDocumentOut
from ...models.kyc_upload_form import KycUploadForm
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: KycUploadForm,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/kyc/documents",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KycDocumentOut | Problem | None:
    if response.status_code == 201:
        response_201 = KycDocumentOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[KycDocumentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KycUploadForm,

) -> Response[KycDocumentOut | Problem]:
    """ Upload a KYC document (multipart: file + kind)

     The type is told from the content, never the file name or declared type: a PDF, PNG or JPEG only
    (415 UNSUPPORTED_DOCUMENT_TYPE otherwise); 413 DOCUMENT_TOO_LARGE above BULWARK_KYC_MAX_BYTES. The
    content is encrypted before it is stored; the document starts `pending`. 409 KYC_KEY_EPHEMERAL when
    no key-encryption key is configured.

    Args:
        body (KycUploadForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KycDocumentOut | Problem]
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
    body: KycUploadForm,

) -> KycDocumentOut | Problem | None:
    """ Upload a KYC document (multipart: file + kind)

     The type is told from the content, never the file name or declared type: a PDF, PNG or JPEG only
    (415 UNSUPPORTED_DOCUMENT_TYPE otherwise); 413 DOCUMENT_TOO_LARGE above BULWARK_KYC_MAX_BYTES. The
    content is encrypted before it is stored; the document starts `pending`. 409 KYC_KEY_EPHEMERAL when
    no key-encryption key is configured.

    Args:
        body (KycUploadForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KycDocumentOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KycUploadForm,

) -> Response[KycDocumentOut | Problem]:
    """ Upload a KYC document (multipart: file + kind)

     The type is told from the content, never the file name or declared type: a PDF, PNG or JPEG only
    (415 UNSUPPORTED_DOCUMENT_TYPE otherwise); 413 DOCUMENT_TOO_LARGE above BULWARK_KYC_MAX_BYTES. The
    content is encrypted before it is stored; the document starts `pending`. 409 KYC_KEY_EPHEMERAL when
    no key-encryption key is configured.

    Args:
        body (KycUploadForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KycDocumentOut | Problem]
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
    body: KycUploadForm,

) -> KycDocumentOut | Problem | None:
    """ Upload a KYC document (multipart: file + kind)

     The type is told from the content, never the file name or declared type: a PDF, PNG or JPEG only
    (415 UNSUPPORTED_DOCUMENT_TYPE otherwise); 413 DOCUMENT_TOO_LARGE above BULWARK_KYC_MAX_BYTES. The
    content is encrypted before it is stored; the document starts `pending`. 409 KYC_KEY_EPHEMERAL when
    no key-encryption key is configured.

    Args:
        body (KycUploadForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KycDocumentOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
