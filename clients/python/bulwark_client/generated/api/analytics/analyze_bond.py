from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.bond_in import BondIn
from ...models.bond_out import BondOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: BondIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/analytics/fixed-income/bond",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BondOut | Problem | None:
    if response.status_code == 200:
        response_200 = BondOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BondOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BondIn,

) -> Response[BondOut | Problem]:
    """ A fixed-coupon bullet bond: price <-> yield, accrued, duration, convexity, DV01

     Price from `yield_rate` or yield from `clean_price` (exactly one), at `settlement`, under
    `day_count` (30/360 US, 30/360 Bond Basis, ACT/365F, ACT/ACT ICMA, ACT/ACT ISDA) with the yield
    compounded `frequency` (1, 2, 4) times a year; schedule backwards from maturity with no business-day
    adjustment. Answers clean / dirty price and accrued per 100 face, Macaulay and modified duration
    (years), convexity (years^2), DV01 (currency per 1 bp, per 100 face and for `face`), and for each
    shift in `shocks_bp` the full repricing beside the duration and duration + convexity estimates
    (docs/fixed-income.md). 422 INVALID_BOND_INPUT naming the field (`bonds[i].<field>` in a ladder):
    settlement on or after maturity, a frequency other than 1, 2 or 4, a negative coupon_rate, an
    unknown day_count or currency, both or neither of yield_rate / clean_price, a price no yield
    reaches, a shift taking the yield to -frequency. 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-
    After.

    Args:
        body (BondIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BondOut | Problem]
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
    body: BondIn,

) -> BondOut | Problem | None:
    """ A fixed-coupon bullet bond: price <-> yield, accrued, duration, convexity, DV01

     Price from `yield_rate` or yield from `clean_price` (exactly one), at `settlement`, under
    `day_count` (30/360 US, 30/360 Bond Basis, ACT/365F, ACT/ACT ICMA, ACT/ACT ISDA) with the yield
    compounded `frequency` (1, 2, 4) times a year; schedule backwards from maturity with no business-day
    adjustment. Answers clean / dirty price and accrued per 100 face, Macaulay and modified duration
    (years), convexity (years^2), DV01 (currency per 1 bp, per 100 face and for `face`), and for each
    shift in `shocks_bp` the full repricing beside the duration and duration + convexity estimates
    (docs/fixed-income.md). 422 INVALID_BOND_INPUT naming the field (`bonds[i].<field>` in a ladder):
    settlement on or after maturity, a frequency other than 1, 2 or 4, a negative coupon_rate, an
    unknown day_count or currency, both or neither of yield_rate / clean_price, a price no yield
    reaches, a shift taking the yield to -frequency. 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-
    After.

    Args:
        body (BondIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BondOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BondIn,

) -> Response[BondOut | Problem]:
    """ A fixed-coupon bullet bond: price <-> yield, accrued, duration, convexity, DV01

     Price from `yield_rate` or yield from `clean_price` (exactly one), at `settlement`, under
    `day_count` (30/360 US, 30/360 Bond Basis, ACT/365F, ACT/ACT ICMA, ACT/ACT ISDA) with the yield
    compounded `frequency` (1, 2, 4) times a year; schedule backwards from maturity with no business-day
    adjustment. Answers clean / dirty price and accrued per 100 face, Macaulay and modified duration
    (years), convexity (years^2), DV01 (currency per 1 bp, per 100 face and for `face`), and for each
    shift in `shocks_bp` the full repricing beside the duration and duration + convexity estimates
    (docs/fixed-income.md). 422 INVALID_BOND_INPUT naming the field (`bonds[i].<field>` in a ladder):
    settlement on or after maturity, a frequency other than 1, 2 or 4, a negative coupon_rate, an
    unknown day_count or currency, both or neither of yield_rate / clean_price, a price no yield
    reaches, a shift taking the yield to -frequency. 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-
    After.

    Args:
        body (BondIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BondOut | Problem]
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
    body: BondIn,

) -> BondOut | Problem | None:
    """ A fixed-coupon bullet bond: price <-> yield, accrued, duration, convexity, DV01

     Price from `yield_rate` or yield from `clean_price` (exactly one), at `settlement`, under
    `day_count` (30/360 US, 30/360 Bond Basis, ACT/365F, ACT/ACT ICMA, ACT/ACT ISDA) with the yield
    compounded `frequency` (1, 2, 4) times a year; schedule backwards from maturity with no business-day
    adjustment. Answers clean / dirty price and accrued per 100 face, Macaulay and modified duration
    (years), convexity (years^2), DV01 (currency per 1 bp, per 100 face and for `face`), and for each
    shift in `shocks_bp` the full repricing beside the duration and duration + convexity estimates
    (docs/fixed-income.md). 422 INVALID_BOND_INPUT naming the field (`bonds[i].<field>` in a ladder):
    settlement on or after maturity, a frequency other than 1, 2 or 4, a negative coupon_rate, an
    unknown day_count or currency, both or neither of yield_rate / clean_price, a price no yield
    reaches, a shift taking the yield to -frequency. 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-
    After.

    Args:
        body (BondIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BondOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
