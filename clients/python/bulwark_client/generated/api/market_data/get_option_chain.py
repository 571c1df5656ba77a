from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chain_out import ChainOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    symbol: str,
    *,
    expiry: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_expiry: None | str | Unset
    if isinstance(expiry, Unset):
        json_expiry = UNSET
    else:
        json_expiry = expiry
    params["expiry"] = json_expiry


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/options/{symbol}/chain".format(symbol=quote(str(symbol), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChainOut | Problem | None:
    if response.status_code == 200:
        response_200 = ChainOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChainOut | Problem]:
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
    expiry: None | str | Unset = UNSET,

) -> Response[ChainOut | Problem]:
    """ The option chain with IV and Greeks per contract, aggregates and whale flags

     The provider's listed contracts of the underlying (one expiry with `expiry`, a listed YYYY-MM-DD).
    Per contract: the implied volatility from the mid ((bid + ask) / 2; null with `iv_reason` where no
    vol fits), Black-Scholes-Merton Greeks at it (delta and gamma per share, theta per calendar day,
    vega per vol point), volume / open interest, premium notional (volume x mid x 100) and whale flags.
    Aggregates: put/call ratios by volume and open interest, per expiry the ATM IV and max pain (the
    listed strike where holders' total payout is least), gamma exposure by strike in currency per 1%
    move (gamma x OI x 100 x S^2 x 0.01, dealers long calls and short puts) with the zero-gamma level,
    the 30-day constant-maturity ATM IV, and sweep-like bursts seen across reads. Rate:
    BULWARK_OPTIONS_RISK_FREE_RATE, no dividends; years to a 21:00 UTC close. See docs/options-chain.md.

    Args:
        symbol (str):
        expiry (None | str | Unset): A listed expiry, YYYY-MM-DD

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChainOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
expiry=expiry,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    expiry: None | str | Unset = UNSET,

) -> ChainOut | Problem | None:
    """ The option chain with IV and Greeks per contract, aggregates and whale flags

     The provider's listed contracts of the underlying (one expiry with `expiry`, a listed YYYY-MM-DD).
    Per contract: the implied volatility from the mid ((bid + ask) / 2; null with `iv_reason` where no
    vol fits), Black-Scholes-Merton Greeks at it (delta and gamma per share, theta per calendar day,
    vega per vol point), volume / open interest, premium notional (volume x mid x 100) and whale flags.
    Aggregates: put/call ratios by volume and open interest, per expiry the ATM IV and max pain (the
    listed strike where holders' total payout is least), gamma exposure by strike in currency per 1%
    move (gamma x OI x 100 x S^2 x 0.01, dealers long calls and short puts) with the zero-gamma level,
    the 30-day constant-maturity ATM IV, and sweep-like bursts seen across reads. Rate:
    BULWARK_OPTIONS_RISK_FREE_RATE, no dividends; years to a 21:00 UTC close. See docs/options-chain.md.

    Args:
        symbol (str):
        expiry (None | str | Unset): A listed expiry, YYYY-MM-DD

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChainOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,
expiry=expiry,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    expiry: None | str | Unset = UNSET,

) -> Response[ChainOut | Problem]:
    """ The option chain with IV and Greeks per contract, aggregates and whale flags

     The provider's listed contracts of the underlying (one expiry with `expiry`, a listed YYYY-MM-DD).
    Per contract: the implied volatility from the mid ((bid + ask) / 2; null with `iv_reason` where no
    vol fits), Black-Scholes-Merton Greeks at it (delta and gamma per share, theta per calendar day,
    vega per vol point), volume / open interest, premium notional (volume x mid x 100) and whale flags.
    Aggregates: put/call ratios by volume and open interest, per expiry the ATM IV and max pain (the
    listed strike where holders' total payout is least), gamma exposure by strike in currency per 1%
    move (gamma x OI x 100 x S^2 x 0.01, dealers long calls and short puts) with the zero-gamma level,
    the 30-day constant-maturity ATM IV, and sweep-like bursts seen across reads. Rate:
    BULWARK_OPTIONS_RISK_FREE_RATE, no dividends; years to a 21:00 UTC close. See docs/options-chain.md.

    Args:
        symbol (str):
        expiry (None | str | Unset): A listed expiry, YYYY-MM-DD

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChainOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
expiry=expiry,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    expiry: None | str | Unset = UNSET,

) -> ChainOut | Problem | None:
    """ The option chain with IV and Greeks per contract, aggregates and whale flags

     The provider's listed contracts of the underlying (one expiry with `expiry`, a listed YYYY-MM-DD).
    Per contract: the implied volatility from the mid ((bid + ask) / 2; null with `iv_reason` where no
    vol fits), Black-Scholes-Merton Greeks at it (delta and gamma per share, theta per calendar day,
    vega per vol point), volume / open interest, premium notional (volume x mid x 100) and whale flags.
    Aggregates: put/call ratios by volume and open interest, per expiry the ATM IV and max pain (the
    listed strike where holders' total payout is least), gamma exposure by strike in currency per 1%
    move (gamma x OI x 100 x S^2 x 0.01, dealers long calls and short puts) with the zero-gamma level,
    the 30-day constant-maturity ATM IV, and sweep-like bursts seen across reads. Rate:
    BULWARK_OPTIONS_RISK_FREE_RATE, no dividends; years to a 21:00 UTC close. See docs/options-chain.md.

    Args:
        symbol (str):
        expiry (None | str | Unset): A listed expiry, YYYY-MM-DD

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChainOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
expiry=expiry,

    )).parsed
