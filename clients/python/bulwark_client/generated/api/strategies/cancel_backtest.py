from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.backtest_out import BacktestOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    backtest_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/backtests/{backtest_id}/cancel".format(backtest_id=quote(str(backtest_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BacktestOut | Problem | None:
    if response.status_code == 202:
        response_202 = BacktestOut.from_dict(response.json())



        return response_202

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BacktestOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    backtest_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[BacktestOut | Problem]:
    """ Stop a queued or running backtest

     A queued run is canceled at once, a running one between two bars (status canceled; GET shows it).
    404 NOT_FOUND for another user's backtest; 409 CONFLICT when it has already finished.

    Args:
        backtest_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BacktestOut | Problem]
     """


    kwargs = _get_kwargs(
        backtest_id=backtest_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    backtest_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> BacktestOut | Problem | None:
    """ Stop a queued or running backtest

     A queued run is canceled at once, a running one between two bars (status canceled; GET shows it).
    404 NOT_FOUND for another user's backtest; 409 CONFLICT when it has already finished.

    Args:
        backtest_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BacktestOut | Problem
     """


    return sync_detailed(
        backtest_id=backtest_id,
client=client,

    ).parsed

async def asyncio_detailed(
    backtest_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[BacktestOut | Problem]:
    """ Stop a queued or running backtest

     A queued run is canceled at once, a running one between two bars (status canceled; GET shows it).
    404 NOT_FOUND for another user's backtest; 409 CONFLICT when it has already finished.

    Args:
        backtest_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BacktestOut | Problem]
     """


    kwargs = _get_kwargs(
        backtest_id=backtest_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    backtest_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> BacktestOut | Problem | None:
    """ Stop a queued or running backtest

     A queued run is canceled at once, a running one between two bars (status canceled; GET shows it).
    404 NOT_FOUND for another user's backtest; 409 CONFLICT when it has already finished.

    Args:
        backtest_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BacktestOut | Problem
     """


    return (await asyncio_detailed(
        backtest_id=backtest_id,
client=client,

    )).parsed
