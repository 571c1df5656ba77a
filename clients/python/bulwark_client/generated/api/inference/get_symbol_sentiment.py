from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.symbol_sentiment_out import SymbolSentimentOut
from typing import cast



def _get_kwargs(
    symbol: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sentiment/{symbol}".format(symbol=quote(str(symbol), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SymbolSentimentOut | None:
    if response.status_code == 200:
        response_200 = SymbolSentimentOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SymbolSentimentOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | SymbolSentimentOut]:
    """ A symbol's news sentiment: source weights, recency decay, authenticity

     The weighted score of the symbol's news within the max age (see `convention`), the label, each
    label's weighted share and the heaviest items. A symbol with no news answers score null, label
    neutral. 422 for a malformed symbol. 503 INFERENCE_BUSY (the batching queue is full) or
    MODEL_UNAVAILABLE (models not built: `bulwark models build`), with Retry-After.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SymbolSentimentOut]
     """


    kwargs = _get_kwargs(
        symbol=symbol,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | SymbolSentimentOut | None:
    """ A symbol's news sentiment: source weights, recency decay, authenticity

     The weighted score of the symbol's news within the max age (see `convention`), the label, each
    label's weighted share and the heaviest items. A symbol with no news answers score null, label
    neutral. 422 for a malformed symbol. 503 INFERENCE_BUSY (the batching queue is full) or
    MODEL_UNAVAILABLE (models not built: `bulwark models build`), with Retry-After.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SymbolSentimentOut
     """


    return sync_detailed(
        symbol=symbol,
client=client,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | SymbolSentimentOut]:
    """ A symbol's news sentiment: source weights, recency decay, authenticity

     The weighted score of the symbol's news within the max age (see `convention`), the label, each
    label's weighted share and the heaviest items. A symbol with no news answers score null, label
    neutral. 422 for a malformed symbol. 503 INFERENCE_BUSY (the batching queue is full) or
    MODEL_UNAVAILABLE (models not built: `bulwark models build`), with Retry-After.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SymbolSentimentOut]
     """


    kwargs = _get_kwargs(
        symbol=symbol,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | SymbolSentimentOut | None:
    """ A symbol's news sentiment: source weights, recency decay, authenticity

     The weighted score of the symbol's news within the max age (see `convention`), the label, each
    label's weighted share and the heaviest items. A symbol with no news answers score null, label
    neutral. 422 for a malformed symbol. 503 INFERENCE_BUSY (the batching queue is full) or
    MODEL_UNAVAILABLE (models not built: `bulwark models build`), with Retry-After.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SymbolSentimentOut
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,

    )).parsed
