from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.iv_rank_out import IVRankOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    symbol: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/options/{symbol}/iv-rank".format(symbol=quote(str(symbol), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IVRankOut | Problem | None:
    if response.status_code == 200:
        response_200 = IVRankOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IVRankOut | Problem]:
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

) -> Response[IVRankOut | Problem]:
    """ IV rank and IV percentile of the 30-day ATM IV over 252 trading days

     The current 30-day constant-maturity ATM IV (total variance interpolated between the expiries around
    30 days) against the stored daily IVs of the days before today, at most 251 of them (252
    observations with today's). rank = (current - min) / (max - min); percentile = share of the prior
    days below the current IV. With fewer than 2 observations both are null and `reason` says
    INSUFFICIENT_HISTORY: a fresh install has no history until the recorder (each weekday, `bulwark
    options record-iv`) has stored some days. Until 20 days are recorded, when the bar history store
    holds more, the rank is of the 30-day realised volatility of the stored daily closes (annualised), a
    stand-in for implied volatility, against its own past values: `source` says realised_vol_proxy or
    stored_implied_vols, `history_days` the days of history, `ranked_value` the value ranked.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IVRankOut | Problem]
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

) -> IVRankOut | Problem | None:
    """ IV rank and IV percentile of the 30-day ATM IV over 252 trading days

     The current 30-day constant-maturity ATM IV (total variance interpolated between the expiries around
    30 days) against the stored daily IVs of the days before today, at most 251 of them (252
    observations with today's). rank = (current - min) / (max - min); percentile = share of the prior
    days below the current IV. With fewer than 2 observations both are null and `reason` says
    INSUFFICIENT_HISTORY: a fresh install has no history until the recorder (each weekday, `bulwark
    options record-iv`) has stored some days. Until 20 days are recorded, when the bar history store
    holds more, the rank is of the 30-day realised volatility of the stored daily closes (annualised), a
    stand-in for implied volatility, against its own past values: `source` says realised_vol_proxy or
    stored_implied_vols, `history_days` the days of history, `ranked_value` the value ranked.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IVRankOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[IVRankOut | Problem]:
    """ IV rank and IV percentile of the 30-day ATM IV over 252 trading days

     The current 30-day constant-maturity ATM IV (total variance interpolated between the expiries around
    30 days) against the stored daily IVs of the days before today, at most 251 of them (252
    observations with today's). rank = (current - min) / (max - min); percentile = share of the prior
    days below the current IV. With fewer than 2 observations both are null and `reason` says
    INSUFFICIENT_HISTORY: a fresh install has no history until the recorder (each weekday, `bulwark
    options record-iv`) has stored some days. Until 20 days are recorded, when the bar history store
    holds more, the rank is of the 30-day realised volatility of the stored daily closes (annualised), a
    stand-in for implied volatility, against its own past values: `source` says realised_vol_proxy or
    stored_implied_vols, `history_days` the days of history, `ranked_value` the value ranked.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IVRankOut | Problem]
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

) -> IVRankOut | Problem | None:
    """ IV rank and IV percentile of the 30-day ATM IV over 252 trading days

     The current 30-day constant-maturity ATM IV (total variance interpolated between the expiries around
    30 days) against the stored daily IVs of the days before today, at most 251 of them (252
    observations with today's). rank = (current - min) / (max - min); percentile = share of the prior
    days below the current IV. With fewer than 2 observations both are null and `reason` says
    INSUFFICIENT_HISTORY: a fresh install has no history until the recorder (each weekday, `bulwark
    options record-iv`) has stored some days. Until 20 days are recorded, when the bar history store
    holds more, the rank is of the 30-day realised volatility of the stored daily closes (annualised), a
    stand-in for implied volatility, against its own past values: `source` says realised_vol_proxy or
    stored_implied_vols, `history_days` the days of history, `ranked_value` the value ranked.

    Args:
        symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IVRankOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,

    )).parsed
