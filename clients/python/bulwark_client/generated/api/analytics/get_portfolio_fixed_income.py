from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.portfolio_bonds_out import PortfolioBondsOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    portfolio_id: str,
    *,
    settlement: None | str | Unset = UNSET,
    shocks_bp: list[float] | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_settlement: None | str | Unset
    if isinstance(settlement, Unset):
        json_settlement = UNSET
    else:
        json_settlement = settlement
    params["settlement"] = json_settlement

    json_shocks_bp: list[float] | None | Unset
    if isinstance(shocks_bp, Unset):
        json_shocks_bp = UNSET
    elif isinstance(shocks_bp, list):
        json_shocks_bp = shocks_bp


    else:
        json_shocks_bp = shocks_bp
    params["shocks_bp"] = json_shocks_bp


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/portfolios/{portfolio_id}/fixed-income".format(portfolio_id=quote(str(portfolio_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PortfolioBondsOut | Problem | None:
    if response.status_code == 200:
        response_200 = PortfolioBondsOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PortfolioBondsOut | Problem]:
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
    settlement: None | str | Unset = UNSET,
    shocks_bp: list[float] | None | Unset = UNSET,

) -> Response[PortfolioBondsOut | Problem]:
    """ Fixed-income figures of the bonds a stored portfolio holds

     The portfolio's positions (summed over its accounts) whose instrument is a bond (`asset_class` bond,
    with its stored terms): quantity in hundreds of face, the reference price (mark) the clean price per
    100 of face. Per holding: the yield solved from the mark, else the bond's stated coupon rate as its
    yield (`price_source`); clean and dirty price, accrued, Macaulay and modified duration, convexity,
    DV01 / BPV (the posted endpoints' conventions), the weighted average life, market value and, per
    parallel shift, the value change by full repricing beside the duration and duration + convexity
    estimates. Totals: market-value weighted yield, durations and convexity; principal-weighted WAL;
    face, market value, accrued, DV01 and each shift's changes summed, in the portfolio's base currency.
    Every other holding (not a bond, no instrument, another currency, matured, not yet issued, a mark no
    yield reaches) is listed in `skipped` with the reason. `settlement` defaults to today (UTC). 404
    PORTFOLIO_NOT_FOUND for a portfolio that is not yours; 422 INVALID_BOND_INPUT naming `shocks_bp`
    (more than 50, beyond +/-5,000 bp) or `settlement`; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with
    Retry-After.

    Args:
        portfolio_id (str):
        settlement (None | str | Unset): The settlement date, ISO 8601 (YYYY-MM-DD); default today
            (UTC)
        shocks_bp (list[float] | None | Unset): Parallel yield shifts in bp, repeated
            (`shocks_bp=-100&shocks_bp=100`), at most 50; default -200, -100, -50, -25, +25, +50,
            +100, +200

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioBondsOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
settlement=settlement,
shocks_bp=shocks_bp,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    settlement: None | str | Unset = UNSET,
    shocks_bp: list[float] | None | Unset = UNSET,

) -> PortfolioBondsOut | Problem | None:
    """ Fixed-income figures of the bonds a stored portfolio holds

     The portfolio's positions (summed over its accounts) whose instrument is a bond (`asset_class` bond,
    with its stored terms): quantity in hundreds of face, the reference price (mark) the clean price per
    100 of face. Per holding: the yield solved from the mark, else the bond's stated coupon rate as its
    yield (`price_source`); clean and dirty price, accrued, Macaulay and modified duration, convexity,
    DV01 / BPV (the posted endpoints' conventions), the weighted average life, market value and, per
    parallel shift, the value change by full repricing beside the duration and duration + convexity
    estimates. Totals: market-value weighted yield, durations and convexity; principal-weighted WAL;
    face, market value, accrued, DV01 and each shift's changes summed, in the portfolio's base currency.
    Every other holding (not a bond, no instrument, another currency, matured, not yet issued, a mark no
    yield reaches) is listed in `skipped` with the reason. `settlement` defaults to today (UTC). 404
    PORTFOLIO_NOT_FOUND for a portfolio that is not yours; 422 INVALID_BOND_INPUT naming `shocks_bp`
    (more than 50, beyond +/-5,000 bp) or `settlement`; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with
    Retry-After.

    Args:
        portfolio_id (str):
        settlement (None | str | Unset): The settlement date, ISO 8601 (YYYY-MM-DD); default today
            (UTC)
        shocks_bp (list[float] | None | Unset): Parallel yield shifts in bp, repeated
            (`shocks_bp=-100&shocks_bp=100`), at most 50; default -200, -100, -50, -25, +25, +50,
            +100, +200

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioBondsOut | Problem
     """


    return sync_detailed(
        portfolio_id=portfolio_id,
client=client,
settlement=settlement,
shocks_bp=shocks_bp,

    ).parsed

async def asyncio_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    settlement: None | str | Unset = UNSET,
    shocks_bp: list[float] | None | Unset = UNSET,

) -> Response[PortfolioBondsOut | Problem]:
    """ Fixed-income figures of the bonds a stored portfolio holds

     The portfolio's positions (summed over its accounts) whose instrument is a bond (`asset_class` bond,
    with its stored terms): quantity in hundreds of face, the reference price (mark) the clean price per
    100 of face. Per holding: the yield solved from the mark, else the bond's stated coupon rate as its
    yield (`price_source`); clean and dirty price, accrued, Macaulay and modified duration, convexity,
    DV01 / BPV (the posted endpoints' conventions), the weighted average life, market value and, per
    parallel shift, the value change by full repricing beside the duration and duration + convexity
    estimates. Totals: market-value weighted yield, durations and convexity; principal-weighted WAL;
    face, market value, accrued, DV01 and each shift's changes summed, in the portfolio's base currency.
    Every other holding (not a bond, no instrument, another currency, matured, not yet issued, a mark no
    yield reaches) is listed in `skipped` with the reason. `settlement` defaults to today (UTC). 404
    PORTFOLIO_NOT_FOUND for a portfolio that is not yours; 422 INVALID_BOND_INPUT naming `shocks_bp`
    (more than 50, beyond +/-5,000 bp) or `settlement`; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with
    Retry-After.

    Args:
        portfolio_id (str):
        settlement (None | str | Unset): The settlement date, ISO 8601 (YYYY-MM-DD); default today
            (UTC)
        shocks_bp (list[float] | None | Unset): Parallel yield shifts in bp, repeated
            (`shocks_bp=-100&shocks_bp=100`), at most 50; default -200, -100, -50, -25, +25, +50,
            +100, +200

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioBondsOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
settlement=settlement,
shocks_bp=shocks_bp,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    settlement: None | str | Unset = UNSET,
    shocks_bp: list[float] | None | Unset = UNSET,

) -> PortfolioBondsOut | Problem | None:
    """ Fixed-income figures of the bonds a stored portfolio holds

     The portfolio's positions (summed over its accounts) whose instrument is a bond (`asset_class` bond,
    with its stored terms): quantity in hundreds of face, the reference price (mark) the clean price per
    100 of face. Per holding: the yield solved from the mark, else the bond's stated coupon rate as its
    yield (`price_source`); clean and dirty price, accrued, Macaulay and modified duration, convexity,
    DV01 / BPV (the posted endpoints' conventions), the weighted average life, market value and, per
    parallel shift, the value change by full repricing beside the duration and duration + convexity
    estimates. Totals: market-value weighted yield, durations and convexity; principal-weighted WAL;
    face, market value, accrued, DV01 and each shift's changes summed, in the portfolio's base currency.
    Every other holding (not a bond, no instrument, another currency, matured, not yet issued, a mark no
    yield reaches) is listed in `skipped` with the reason. `settlement` defaults to today (UTC). 404
    PORTFOLIO_NOT_FOUND for a portfolio that is not yours; 422 INVALID_BOND_INPUT naming `shocks_bp`
    (more than 50, beyond +/-5,000 bp) or `settlement`; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with
    Retry-After.

    Args:
        portfolio_id (str):
        settlement (None | str | Unset): The settlement date, ISO 8601 (YYYY-MM-DD); default today
            (UTC)
        shocks_bp (list[float] | None | Unset): Parallel yield shifts in bp, repeated
            (`shocks_bp=-100&shocks_bp=100`), at most 50; default -200, -100, -50, -25, +25, +50,
            +100, +200

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioBondsOut | Problem
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,
settlement=settlement,
shocks_bp=shocks_bp,

    )).parsed
