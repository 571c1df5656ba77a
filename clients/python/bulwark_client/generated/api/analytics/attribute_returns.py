from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attribution_in import AttributionIn
from ...models.attribution_out import AttributionOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: AttributionIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/attribution",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AttributionOut | Problem | None:
    if response.status_code == 200:
        response_200 = AttributionOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AttributionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AttributionIn,

) -> Response[AttributionOut | Problem]:
    """ Brinson attribution per sector and period, linked over time, with CUSUM events

     Dated periods (start < end, in order, not overlapping), each with the same sectors and per sector
    the portfolio and benchmark weights (fractions summing to 1 within 1e-06, then divided by their sum)
    and returns (fractions, >= -1). Answers, per period and sector, the allocation, selection and
    interaction effects (`model`: brinson_fachler, the default, or brinson_hood_beebower) whose totals
    equal the period's active return; the effects linked over all periods (`linking`: carino, the
    default, or menchero) whose totals equal the compounded active return; and the two-sided tabular
    CUSUM events of the per-period active returns (`cusum`: target, k, h, sigma). Every number is a
    fraction, not percent (docs/attribution.md). 422 INVALID_ATTRIBUTION_INPUT naming the field
    (`periods[2].sectors[*].portfolio_weight`, `periods[1].start`, ...); at most 2,000 periods and 200
    sectors. Or, instead of `periods`, a stored input: `portfolio_id` (one of your ledger portfolios;
    another's answers 404 PORTFOLIO_NOT_FOUND), `start`, `end` (at most 7,320 days, not after today),
    `period` (monthly, the default, or weekly) and one benchmark: `benchmark_portfolio_id` (another of
    yours, its ledger's holdings) or `benchmark` (constituents with weights, rebalanced at every
    period's start). Each period's sector weights are the holdings' market values at its start (the
    ledger as of that day, the bar store's adjusted daily closes, the instruments' sectors) and the
    sector returns come from the closes; then the same attribution, linking and CUSUM, the `source`
    named, and `regimes` (`regime`: benchmark, the default, portfolio or none): each period read at its
    end by the regime detector on that side's daily level, the dated changes and the effects summed and
    linked per regime segment. 422 INSUFFICIENT_STORED_HISTORY says what is missing (no close near a
    boundary, nothing held at a start, fewer than 200 daily levels before the first period's end).

    Args:
        body (AttributionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttributionOut | Problem]
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
    body: AttributionIn,

) -> AttributionOut | Problem | None:
    """ Brinson attribution per sector and period, linked over time, with CUSUM events

     Dated periods (start < end, in order, not overlapping), each with the same sectors and per sector
    the portfolio and benchmark weights (fractions summing to 1 within 1e-06, then divided by their sum)
    and returns (fractions, >= -1). Answers, per period and sector, the allocation, selection and
    interaction effects (`model`: brinson_fachler, the default, or brinson_hood_beebower) whose totals
    equal the period's active return; the effects linked over all periods (`linking`: carino, the
    default, or menchero) whose totals equal the compounded active return; and the two-sided tabular
    CUSUM events of the per-period active returns (`cusum`: target, k, h, sigma). Every number is a
    fraction, not percent (docs/attribution.md). 422 INVALID_ATTRIBUTION_INPUT naming the field
    (`periods[2].sectors[*].portfolio_weight`, `periods[1].start`, ...); at most 2,000 periods and 200
    sectors. Or, instead of `periods`, a stored input: `portfolio_id` (one of your ledger portfolios;
    another's answers 404 PORTFOLIO_NOT_FOUND), `start`, `end` (at most 7,320 days, not after today),
    `period` (monthly, the default, or weekly) and one benchmark: `benchmark_portfolio_id` (another of
    yours, its ledger's holdings) or `benchmark` (constituents with weights, rebalanced at every
    period's start). Each period's sector weights are the holdings' market values at its start (the
    ledger as of that day, the bar store's adjusted daily closes, the instruments' sectors) and the
    sector returns come from the closes; then the same attribution, linking and CUSUM, the `source`
    named, and `regimes` (`regime`: benchmark, the default, portfolio or none): each period read at its
    end by the regime detector on that side's daily level, the dated changes and the effects summed and
    linked per regime segment. 422 INSUFFICIENT_STORED_HISTORY says what is missing (no close near a
    boundary, nothing held at a start, fewer than 200 daily levels before the first period's end).

    Args:
        body (AttributionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttributionOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AttributionIn,

) -> Response[AttributionOut | Problem]:
    """ Brinson attribution per sector and period, linked over time, with CUSUM events

     Dated periods (start < end, in order, not overlapping), each with the same sectors and per sector
    the portfolio and benchmark weights (fractions summing to 1 within 1e-06, then divided by their sum)
    and returns (fractions, >= -1). Answers, per period and sector, the allocation, selection and
    interaction effects (`model`: brinson_fachler, the default, or brinson_hood_beebower) whose totals
    equal the period's active return; the effects linked over all periods (`linking`: carino, the
    default, or menchero) whose totals equal the compounded active return; and the two-sided tabular
    CUSUM events of the per-period active returns (`cusum`: target, k, h, sigma). Every number is a
    fraction, not percent (docs/attribution.md). 422 INVALID_ATTRIBUTION_INPUT naming the field
    (`periods[2].sectors[*].portfolio_weight`, `periods[1].start`, ...); at most 2,000 periods and 200
    sectors. Or, instead of `periods`, a stored input: `portfolio_id` (one of your ledger portfolios;
    another's answers 404 PORTFOLIO_NOT_FOUND), `start`, `end` (at most 7,320 days, not after today),
    `period` (monthly, the default, or weekly) and one benchmark: `benchmark_portfolio_id` (another of
    yours, its ledger's holdings) or `benchmark` (constituents with weights, rebalanced at every
    period's start). Each period's sector weights are the holdings' market values at its start (the
    ledger as of that day, the bar store's adjusted daily closes, the instruments' sectors) and the
    sector returns come from the closes; then the same attribution, linking and CUSUM, the `source`
    named, and `regimes` (`regime`: benchmark, the default, portfolio or none): each period read at its
    end by the regime detector on that side's daily level, the dated changes and the effects summed and
    linked per regime segment. 422 INSUFFICIENT_STORED_HISTORY says what is missing (no close near a
    boundary, nothing held at a start, fewer than 200 daily levels before the first period's end).

    Args:
        body (AttributionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttributionOut | Problem]
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
    body: AttributionIn,

) -> AttributionOut | Problem | None:
    """ Brinson attribution per sector and period, linked over time, with CUSUM events

     Dated periods (start < end, in order, not overlapping), each with the same sectors and per sector
    the portfolio and benchmark weights (fractions summing to 1 within 1e-06, then divided by their sum)
    and returns (fractions, >= -1). Answers, per period and sector, the allocation, selection and
    interaction effects (`model`: brinson_fachler, the default, or brinson_hood_beebower) whose totals
    equal the period's active return; the effects linked over all periods (`linking`: carino, the
    default, or menchero) whose totals equal the compounded active return; and the two-sided tabular
    CUSUM events of the per-period active returns (`cusum`: target, k, h, sigma). Every number is a
    fraction, not percent (docs/attribution.md). 422 INVALID_ATTRIBUTION_INPUT naming the field
    (`periods[2].sectors[*].portfolio_weight`, `periods[1].start`, ...); at most 2,000 periods and 200
    sectors. Or, instead of `periods`, a stored input: `portfolio_id` (one of your ledger portfolios;
    another's answers 404 PORTFOLIO_NOT_FOUND), `start`, `end` (at most 7,320 days, not after today),
    `period` (monthly, the default, or weekly) and one benchmark: `benchmark_portfolio_id` (another of
    yours, its ledger's holdings) or `benchmark` (constituents with weights, rebalanced at every
    period's start). Each period's sector weights are the holdings' market values at its start (the
    ledger as of that day, the bar store's adjusted daily closes, the instruments' sectors) and the
    sector returns come from the closes; then the same attribution, linking and CUSUM, the `source`
    named, and `regimes` (`regime`: benchmark, the default, portfolio or none): each period read at its
    end by the regime detector on that side's daily level, the dated changes and the effects summed and
    linked per regime segment. 422 INSUFFICIENT_STORED_HISTORY says what is missing (no close near a
    boundary, nothing held at a start, fewer than 200 daily levels before the first period's end).

    Args:
        body (AttributionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttributionOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
