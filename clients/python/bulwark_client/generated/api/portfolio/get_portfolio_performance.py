from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.portfolio_performance_out import PortfolioPerformanceOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    portfolio_id: str,
    *,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.date):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.date):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/portfolios/{portfolio_id}/performance".format(portfolio_id=quote(str(portfolio_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PortfolioPerformanceOut | Problem | None:
    if response.status_code == 200:
        response_200 = PortfolioPerformanceOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PortfolioPerformanceOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,

) -> Response[PortfolioPerformanceOut | Problem]:
    """ Daily valuation series, TWR, MWR and Modified Dietz

     Recomputed from the transactions and daily closes, and stored. `end` defaults to today (UTC),
    `start` to 364 days before `end`; at most 3660 days. 422 INVALID_PERIOD names `start` or `end`.
    Conventions are in the answer (day count ACT/365). Yours only: another user's portfolio answers 404
    PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        start (datetime.date | None | Unset):
        end (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioPerformanceOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
start=start,
end=end,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,

) -> PortfolioPerformanceOut | Problem | None:
    """ Daily valuation series, TWR, MWR and Modified Dietz

     Recomputed from the transactions and daily closes, and stored. `end` defaults to today (UTC),
    `start` to 364 days before `end`; at most 3660 days. 422 INVALID_PERIOD names `start` or `end`.
    Conventions are in the answer (day count ACT/365). Yours only: another user's portfolio answers 404
    PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        start (datetime.date | None | Unset):
        end (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioPerformanceOut | Problem
     """


    return sync_detailed(
        portfolio_id=portfolio_id,
client=client,
start=start,
end=end,

    ).parsed

async def asyncio_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,

) -> Response[PortfolioPerformanceOut | Problem]:
    """ Daily valuation series, TWR, MWR and Modified Dietz

     Recomputed from the transactions and daily closes, and stored. `end` defaults to today (UTC),
    `start` to 364 days before `end`; at most 3660 days. 422 INVALID_PERIOD names `start` or `end`.
    Conventions are in the answer (day count ACT/365). Yours only: another user's portfolio answers 404
    PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        start (datetime.date | None | Unset):
        end (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioPerformanceOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
start=start,
end=end,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,

) -> PortfolioPerformanceOut | Problem | None:
    """ Daily valuation series, TWR, MWR and Modified Dietz

     Recomputed from the transactions and daily closes, and stored. `end` defaults to today (UTC),
    `start` to 364 days before `end`; at most 3660 days. 422 INVALID_PERIOD names `start` or `end`.
    Conventions are in the answer (day count ACT/365). Yours only: another user's portfolio answers 404
    PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        start (datetime.date | None | Unset):
        end (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioPerformanceOut | Problem
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,
start=start,
end=end,

    )).parsed
