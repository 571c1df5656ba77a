from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_statements_period import GetStatementsPeriod
from ...models.problem import Problem
from ...models.statements_out import StatementsOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    symbol: str,
    *,
    period: GetStatementsPeriod | Unset = GetStatementsPeriod.ANNUAL,
    limit: int | Unset = 4,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/{symbol}/statements".format(symbol=quote(str(symbol), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StatementsOut | None:
    if response.status_code == 200:
        response_200 = StatementsOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StatementsOut]:
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
    period: GetStatementsPeriod | Unset = GetStatementsPeriod.ANNUAL,
    limit: int | Unset = 4,

) -> Response[Problem | StatementsOut]:
    """ A symbol's financial statements and the ratios computed from them

     The income statement, balance sheet and cash-flow statement of the symbol's last `limit` fiscal
    years (`period=annual`) or quarters (`period=quarterly`), newest first, from the first market-data
    provider of the feed that serves statements (Alpha Vantage, Polygon; the offline demo's are
    synthetic), named in `source`, with how many periods were asked and found. `ratios` are computed
    from them for the newest period (liquidity, returns, margins, turnovers, coverage, leverage, PEG at
    the feed's price now), each with its formula, its basis (averages of the opening and closing balance
    where the standard formula uses them), its inputs, and, when it has no value, the reason. See
    docs/market-data-vendors.md.

    Args:
        symbol (str):
        period (GetStatementsPeriod | Unset):  Default: GetStatementsPeriod.ANNUAL.
        limit (int | Unset): Fiscal periods wanted, newest first Default: 4.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementsOut]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
period=period,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    period: GetStatementsPeriod | Unset = GetStatementsPeriod.ANNUAL,
    limit: int | Unset = 4,

) -> Problem | StatementsOut | None:
    """ A symbol's financial statements and the ratios computed from them

     The income statement, balance sheet and cash-flow statement of the symbol's last `limit` fiscal
    years (`period=annual`) or quarters (`period=quarterly`), newest first, from the first market-data
    provider of the feed that serves statements (Alpha Vantage, Polygon; the offline demo's are
    synthetic), named in `source`, with how many periods were asked and found. `ratios` are computed
    from them for the newest period (liquidity, returns, margins, turnovers, coverage, leverage, PEG at
    the feed's price now), each with its formula, its basis (averages of the opening and closing balance
    where the standard formula uses them), its inputs, and, when it has no value, the reason. See
    docs/market-data-vendors.md.

    Args:
        symbol (str):
        period (GetStatementsPeriod | Unset):  Default: GetStatementsPeriod.ANNUAL.
        limit (int | Unset): Fiscal periods wanted, newest first Default: 4.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementsOut
     """


    return sync_detailed(
        symbol=symbol,
client=client,
period=period,
limit=limit,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    period: GetStatementsPeriod | Unset = GetStatementsPeriod.ANNUAL,
    limit: int | Unset = 4,

) -> Response[Problem | StatementsOut]:
    """ A symbol's financial statements and the ratios computed from them

     The income statement, balance sheet and cash-flow statement of the symbol's last `limit` fiscal
    years (`period=annual`) or quarters (`period=quarterly`), newest first, from the first market-data
    provider of the feed that serves statements (Alpha Vantage, Polygon; the offline demo's are
    synthetic), named in `source`, with how many periods were asked and found. `ratios` are computed
    from them for the newest period (liquidity, returns, margins, turnovers, coverage, leverage, PEG at
    the feed's price now), each with its formula, its basis (averages of the opening and closing balance
    where the standard formula uses them), its inputs, and, when it has no value, the reason. See
    docs/market-data-vendors.md.

    Args:
        symbol (str):
        period (GetStatementsPeriod | Unset):  Default: GetStatementsPeriod.ANNUAL.
        limit (int | Unset): Fiscal periods wanted, newest first Default: 4.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementsOut]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
period=period,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    period: GetStatementsPeriod | Unset = GetStatementsPeriod.ANNUAL,
    limit: int | Unset = 4,

) -> Problem | StatementsOut | None:
    """ A symbol's financial statements and the ratios computed from them

     The income statement, balance sheet and cash-flow statement of the symbol's last `limit` fiscal
    years (`period=annual`) or quarters (`period=quarterly`), newest first, from the first market-data
    provider of the feed that serves statements (Alpha Vantage, Polygon; the offline demo's are
    synthetic), named in `source`, with how many periods were asked and found. `ratios` are computed
    from them for the newest period (liquidity, returns, margins, turnovers, coverage, leverage, PEG at
    the feed's price now), each with its formula, its basis (averages of the opening and closing balance
    where the standard formula uses them), its inputs, and, when it has no value, the reason. See
    docs/market-data-vendors.md.

    Args:
        symbol (str):
        period (GetStatementsPeriod | Unset):  Default: GetStatementsPeriod.ANNUAL.
        limit (int | Unset): Fiscal periods wanted, newest first Default: 4.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementsOut
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
period=period,
limit=limit,

    )).parsed
