from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.drift_view_out import DriftViewOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    portfolio_id: str,
    *,
    band: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_band: None | str | Unset
    if isinstance(band, Unset):
        json_band = UNSET
    else:
        json_band = band
    params["band"] = json_band


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/rebalancing/portfolios/{portfolio_id}/drift".format(portfolio_id=quote(str(portfolio_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DriftViewOut | Problem | None:
    if response.status_code == 200:
        response_200 = DriftViewOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DriftViewOut | Problem]:
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
    band: None | str | Unset = UNSET,

) -> Response[DriftViewOut | Problem]:
    """ Drift of a household and each account against the target allocations

     Weights (fractions) and money (the household's currency) per symbol: current, target (the accounts'
    target allocations, in money summed), drift = current - target, and whether it is out of `band`
    (query; default BULWARK_REBALANCE_BAND). 422 INVALID_REBALANCE_INPUT when a held or targeted symbol
    has no price. Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        band (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftViewOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
band=band,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    band: None | str | Unset = UNSET,

) -> DriftViewOut | Problem | None:
    """ Drift of a household and each account against the target allocations

     Weights (fractions) and money (the household's currency) per symbol: current, target (the accounts'
    target allocations, in money summed), drift = current - target, and whether it is out of `band`
    (query; default BULWARK_REBALANCE_BAND). 422 INVALID_REBALANCE_INPUT when a held or targeted symbol
    has no price. Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        band (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftViewOut | Problem
     """


    return sync_detailed(
        portfolio_id=portfolio_id,
client=client,
band=band,

    ).parsed

async def asyncio_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    band: None | str | Unset = UNSET,

) -> Response[DriftViewOut | Problem]:
    """ Drift of a household and each account against the target allocations

     Weights (fractions) and money (the household's currency) per symbol: current, target (the accounts'
    target allocations, in money summed), drift = current - target, and whether it is out of `band`
    (query; default BULWARK_REBALANCE_BAND). 422 INVALID_REBALANCE_INPUT when a held or targeted symbol
    has no price. Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        band (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftViewOut | Problem]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
band=band,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    band: None | str | Unset = UNSET,

) -> DriftViewOut | Problem | None:
    """ Drift of a household and each account against the target allocations

     Weights (fractions) and money (the household's currency) per symbol: current, target (the accounts'
    target allocations, in money summed), drift = current - target, and whether it is out of `band`
    (query; default BULWARK_REBALANCE_BAND). 422 INVALID_REBALANCE_INPUT when a held or targeted symbol
    has no price. Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        band (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftViewOut | Problem
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,
band=band,

    )).parsed
