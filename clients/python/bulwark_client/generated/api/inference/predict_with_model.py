from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.predict_in import PredictIn
from ...models.predict_out import PredictOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    model: str,
    *,
    body: PredictIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ml/predict/{model}".format(model=quote(str(model), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PredictOut | Problem | None:
    if response.status_code == 200:
        response_200 = PredictOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PredictOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    model: str,
    *,
    client: AuthenticatedClient | Client,
    body: PredictIn,

) -> Response[PredictOut | Problem]:
    """ Run a model on posted arrays (first axis = batch)

     `inputs` maps each of the model's inputs to a nested list of numbers (GET /ml/models gives names,
    dtypes and shapes); rows of concurrent callers run batched. 404 UNKNOWN_MODEL; 422
    INVALID_MODEL_INPUT naming `inputs.<name>` for a missing, extra, ragged or ill-shaped input, NaN, or
    more than 1,024 rows. 503 INFERENCE_BUSY (the batching queue is full) or MODEL_UNAVAILABLE (models
    not built: `bulwark models build`), with Retry-After.

    Args:
        model (str):
        body (PredictIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PredictOut | Problem]
     """


    kwargs = _get_kwargs(
        model=model,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    model: str,
    *,
    client: AuthenticatedClient | Client,
    body: PredictIn,

) -> PredictOut | Problem | None:
    """ Run a model on posted arrays (first axis = batch)

     `inputs` maps each of the model's inputs to a nested list of numbers (GET /ml/models gives names,
    dtypes and shapes); rows of concurrent callers run batched. 404 UNKNOWN_MODEL; 422
    INVALID_MODEL_INPUT naming `inputs.<name>` for a missing, extra, ragged or ill-shaped input, NaN, or
    more than 1,024 rows. 503 INFERENCE_BUSY (the batching queue is full) or MODEL_UNAVAILABLE (models
    not built: `bulwark models build`), with Retry-After.

    Args:
        model (str):
        body (PredictIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PredictOut | Problem
     """


    return sync_detailed(
        model=model,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    model: str,
    *,
    client: AuthenticatedClient | Client,
    body: PredictIn,

) -> Response[PredictOut | Problem]:
    """ Run a model on posted arrays (first axis = batch)

     `inputs` maps each of the model's inputs to a nested list of numbers (GET /ml/models gives names,
    dtypes and shapes); rows of concurrent callers run batched. 404 UNKNOWN_MODEL; 422
    INVALID_MODEL_INPUT naming `inputs.<name>` for a missing, extra, ragged or ill-shaped input, NaN, or
    more than 1,024 rows. 503 INFERENCE_BUSY (the batching queue is full) or MODEL_UNAVAILABLE (models
    not built: `bulwark models build`), with Retry-After.

    Args:
        model (str):
        body (PredictIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PredictOut | Problem]
     """


    kwargs = _get_kwargs(
        model=model,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    model: str,
    *,
    client: AuthenticatedClient | Client,
    body: PredictIn,

) -> PredictOut | Problem | None:
    """ Run a model on posted arrays (first axis = batch)

     `inputs` maps each of the model's inputs to a nested list of numbers (GET /ml/models gives names,
    dtypes and shapes); rows of concurrent callers run batched. 404 UNKNOWN_MODEL; 422
    INVALID_MODEL_INPUT naming `inputs.<name>` for a missing, extra, ragged or ill-shaped input, NaN, or
    more than 1,024 rows. 503 INFERENCE_BUSY (the batching queue is full) or MODEL_UNAVAILABLE (models
    not built: `bulwark models build`), with Retry-After.

    Args:
        model (str):
        body (PredictIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PredictOut | Problem
     """


    return (await asyncio_detailed(
        model=model,
client=client,
body=body,

    )).parsed
