from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.homeostasis_out import HomeostasisOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    annual_savings: None | str | Unset = UNSET,
    real_return: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_annual_savings: None | str | Unset
    if isinstance(annual_savings, Unset):
        json_annual_savings = UNSET
    else:
        json_annual_savings = annual_savings
    params["annual_savings"] = json_annual_savings

    json_real_return: None | str | Unset
    if isinstance(real_return, Unset):
        json_real_return = UNSET
    else:
        json_real_return = real_return
    params["real_return"] = json_real_return


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/planning/homeostasis",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HomeostasisOut | Problem | None:
    if response.status_code == 200:
        response_200 = HomeostasisOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[HomeostasisOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    annual_savings: None | str | Unset = UNSET,
    real_return: None | str | Unset = UNSET,

) -> Response[HomeostasisOut | Problem]:
    """ Your freedom number, progress, years of expenses covered, autopilot

     Wealth = everything you hold in the profile's currency + the profile's other assets: your open
    trading accounts' equity (cash + positions at reference prices), your ledger portfolios' latest
    stored values, your illiquid assets' latest valuations and your linked (Plaid) accounts' balances
    (credit and loans negative). `holdings` lists each with its source and as-of date, `left_out` what
    was not counted and why (another currency, no price, no valuation, no balance; a trading account in
    a counted portfolio is counted there). With `annual_savings` (money a year) and `real_return` (a
    fraction a year, > -1) the answer holds `years_to_freedom`. 404 PLANNING_PROFILE_NOT_FOUND until you
    PUT /api/v1/planning/profile.

    Args:
        annual_savings (None | str | Unset):
        real_return (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HomeostasisOut | Problem]
     """


    kwargs = _get_kwargs(
        annual_savings=annual_savings,
real_return=real_return,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    annual_savings: None | str | Unset = UNSET,
    real_return: None | str | Unset = UNSET,

) -> HomeostasisOut | Problem | None:
    """ Your freedom number, progress, years of expenses covered, autopilot

     Wealth = everything you hold in the profile's currency + the profile's other assets: your open
    trading accounts' equity (cash + positions at reference prices), your ledger portfolios' latest
    stored values, your illiquid assets' latest valuations and your linked (Plaid) accounts' balances
    (credit and loans negative). `holdings` lists each with its source and as-of date, `left_out` what
    was not counted and why (another currency, no price, no valuation, no balance; a trading account in
    a counted portfolio is counted there). With `annual_savings` (money a year) and `real_return` (a
    fraction a year, > -1) the answer holds `years_to_freedom`. 404 PLANNING_PROFILE_NOT_FOUND until you
    PUT /api/v1/planning/profile.

    Args:
        annual_savings (None | str | Unset):
        real_return (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HomeostasisOut | Problem
     """


    return sync_detailed(
        client=client,
annual_savings=annual_savings,
real_return=real_return,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    annual_savings: None | str | Unset = UNSET,
    real_return: None | str | Unset = UNSET,

) -> Response[HomeostasisOut | Problem]:
    """ Your freedom number, progress, years of expenses covered, autopilot

     Wealth = everything you hold in the profile's currency + the profile's other assets: your open
    trading accounts' equity (cash + positions at reference prices), your ledger portfolios' latest
    stored values, your illiquid assets' latest valuations and your linked (Plaid) accounts' balances
    (credit and loans negative). `holdings` lists each with its source and as-of date, `left_out` what
    was not counted and why (another currency, no price, no valuation, no balance; a trading account in
    a counted portfolio is counted there). With `annual_savings` (money a year) and `real_return` (a
    fraction a year, > -1) the answer holds `years_to_freedom`. 404 PLANNING_PROFILE_NOT_FOUND until you
    PUT /api/v1/planning/profile.

    Args:
        annual_savings (None | str | Unset):
        real_return (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HomeostasisOut | Problem]
     """


    kwargs = _get_kwargs(
        annual_savings=annual_savings,
real_return=real_return,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    annual_savings: None | str | Unset = UNSET,
    real_return: None | str | Unset = UNSET,

) -> HomeostasisOut | Problem | None:
    """ Your freedom number, progress, years of expenses covered, autopilot

     Wealth = everything you hold in the profile's currency + the profile's other assets: your open
    trading accounts' equity (cash + positions at reference prices), your ledger portfolios' latest
    stored values, your illiquid assets' latest valuations and your linked (Plaid) accounts' balances
    (credit and loans negative). `holdings` lists each with its source and as-of date, `left_out` what
    was not counted and why (another currency, no price, no valuation, no balance; a trading account in
    a counted portfolio is counted there). With `annual_savings` (money a year) and `real_return` (a
    fraction a year, > -1) the answer holds `years_to_freedom`. 404 PLANNING_PROFILE_NOT_FOUND until you
    PUT /api/v1/planning/profile.

    Args:
        annual_savings (None | str | Unset):
        real_return (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HomeostasisOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
annual_savings=annual_savings,
real_return=real_return,

    )).parsed
