from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.models_out import ModelsOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/ml/models",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ModelsOut | Problem | None:
    if response.status_code == 200:
        response_200 = ModelsOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ModelsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ModelsOut | Problem]:
    """ The models served: version, sha256, inputs/outputs, labels, test metrics

     Each model the models directory's manifest lists and that was not refused. A model loads on its
    first use, when its file's sha256 and its inputs and outputs are checked against the manifest:
    `loaded` says whether that has happened, and `provider` (where it runs) is empty until it has. A
    model whose checks failed is not listed; `inference.problems` says why. Listing loads nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelsOut | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> ModelsOut | Problem | None:
    """ The models served: version, sha256, inputs/outputs, labels, test metrics

     Each model the models directory's manifest lists and that was not refused. A model loads on its
    first use, when its file's sha256 and its inputs and outputs are checked against the manifest:
    `loaded` says whether that has happened, and `provider` (where it runs) is empty until it has. A
    model whose checks failed is not listed; `inference.problems` says why. Listing loads nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelsOut | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ModelsOut | Problem]:
    """ The models served: version, sha256, inputs/outputs, labels, test metrics

     Each model the models directory's manifest lists and that was not refused. A model loads on its
    first use, when its file's sha256 and its inputs and outputs are checked against the manifest:
    `loaded` says whether that has happened, and `provider` (where it runs) is empty until it has. A
    model whose checks failed is not listed; `inference.problems` says why. Listing loads nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelsOut | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> ModelsOut | Problem | None:
    """ The models served: version, sha256, inputs/outputs, labels, test metrics

     Each model the models directory's manifest lists and that was not refused. A model loads on its
    first use, when its file's sha256 and its inputs and outputs are checked against the manifest:
    `loaded` says whether that has happened, and `provider` (where it runs) is empty until it has. A
    model whose checks failed is not listed; `inference.problems` says why. Listing loads nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelsOut | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
