from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.keywords_in import KeywordsIn
from ...models.keywords_out import KeywordsOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: KeywordsIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ml/keywords",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KeywordsOut | Problem | None:
    if response.status_code == 200:
        response_200 = KeywordsOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[KeywordsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KeywordsIn,

) -> Response[KeywordsOut | Problem]:
    """ Keywords of a text: embedding similarity with maximal marginal relevance

     `top_n` 1..20 phrases of 1..`max_ngram` (1..4) words; `diversity` 0..1 (0: by similarity alone). 422
    INVALID_MODEL_INPUT naming the field. 503 INFERENCE_BUSY (the batching queue is full) or
    MODEL_UNAVAILABLE (models not built: `bulwark models build`), with Retry-After.

    Args:
        body (KeywordsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeywordsOut | Problem]
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
    body: KeywordsIn,

) -> KeywordsOut | Problem | None:
    """ Keywords of a text: embedding similarity with maximal marginal relevance

     `top_n` 1..20 phrases of 1..`max_ngram` (1..4) words; `diversity` 0..1 (0: by similarity alone). 422
    INVALID_MODEL_INPUT naming the field. 503 INFERENCE_BUSY (the batching queue is full) or
    MODEL_UNAVAILABLE (models not built: `bulwark models build`), with Retry-After.

    Args:
        body (KeywordsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeywordsOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KeywordsIn,

) -> Response[KeywordsOut | Problem]:
    """ Keywords of a text: embedding similarity with maximal marginal relevance

     `top_n` 1..20 phrases of 1..`max_ngram` (1..4) words; `diversity` 0..1 (0: by similarity alone). 422
    INVALID_MODEL_INPUT naming the field. 503 INFERENCE_BUSY (the batching queue is full) or
    MODEL_UNAVAILABLE (models not built: `bulwark models build`), with Retry-After.

    Args:
        body (KeywordsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeywordsOut | Problem]
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
    body: KeywordsIn,

) -> KeywordsOut | Problem | None:
    """ Keywords of a text: embedding similarity with maximal marginal relevance

     `top_n` 1..20 phrases of 1..`max_ngram` (1..4) words; `diversity` 0..1 (0: by similarity alone). 422
    INVALID_MODEL_INPUT naming the field. 503 INFERENCE_BUSY (the batching queue is full) or
    MODEL_UNAVAILABLE (models not built: `bulwark models build`), with Retry-After.

    Args:
        body (KeywordsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeywordsOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
