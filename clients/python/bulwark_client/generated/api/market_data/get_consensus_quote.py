from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.consensus_out import ConsensusOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    symbol: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/quotes/{symbol}/consensus".format(symbol=quote(str(symbol), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConsensusOut | Problem | None:
    if response.status_code == 200:
        response_200 = ConsensusOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConsensusOut | Problem]:
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

) -> Response[ConsensusOut | Problem]:
    """ The consensus quote of the live sources, outliers flagged

     Every source that can be called now is asked at once. The consensus mid is the median of the
    contributors' mids; a source whose mid strays more than max(k x MAD, floor) from the median of all
    is an outlier, flagged and left out. `verdict`: agreed, too_few (fewer contributors than the
    policy's minimum) or dispersed (the contributors farther apart than the tolerance). Each source's
    answer (its age, or why none came) counts toward its data-quality grade (GET /providers,
    /api/status).

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsensusOut | Problem]
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

) -> ConsensusOut | Problem | None:
    """ The consensus quote of the live sources, outliers flagged

     Every source that can be called now is asked at once. The consensus mid is the median of the
    contributors' mids; a source whose mid strays more than max(k x MAD, floor) from the median of all
    is an outlier, flagged and left out. `verdict`: agreed, too_few (fewer contributors than the
    policy's minimum) or dispersed (the contributors farther apart than the tolerance). Each source's
    answer (its age, or why none came) counts toward its data-quality grade (GET /providers,
    /api/status).

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsensusOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ConsensusOut | Problem]:
    """ The consensus quote of the live sources, outliers flagged

     Every source that can be called now is asked at once. The consensus mid is the median of the
    contributors' mids; a source whose mid strays more than max(k x MAD, floor) from the median of all
    is an outlier, flagged and left out. `verdict`: agreed, too_few (fewer contributors than the
    policy's minimum) or dispersed (the contributors farther apart than the tolerance). Each source's
    answer (its age, or why none came) counts toward its data-quality grade (GET /providers,
    /api/status).

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsensusOut | Problem]
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

) -> ConsensusOut | Problem | None:
    """ The consensus quote of the live sources, outliers flagged

     Every source that can be called now is asked at once. The consensus mid is the median of the
    contributors' mids; a source whose mid strays more than max(k x MAD, floor) from the median of all
    is an outlier, flagged and left out. `verdict`: agreed, too_few (fewer contributors than the
    policy's minimum) or dispersed (the contributors farther apart than the tolerance). Each source's
    answer (its age, or why none came) counts toward its data-quality grade (GET /providers,
    /api/status).

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsensusOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,

    )).parsed
