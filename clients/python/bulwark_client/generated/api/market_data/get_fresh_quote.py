from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fresh_quote_out import FreshQuoteOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    symbol: str,
    *,
    max_age_s: float | Unset = 5.0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["max_age_s"] = max_age_s


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/quotes/{symbol}".format(symbol=quote(str(symbol), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FreshQuoteOut | Problem | None:
    if response.status_code == 200:
        response_200 = FreshQuoteOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FreshQuoteOut | Problem]:
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
    max_age_s: float | Unset = 5.0,

) -> Response[FreshQuoteOut | Problem]:
    """ The quote of the cheapest source that is fresh enough

     Sources are asked in the feed's order: where BULWARK_MARKET_DATA_PROVIDER_COSTS prices them, the
    priced ones first, cheapest first, then the unpriced ones in the configured order (no prices: the
    configured order). The first quote at most `max_age_s` old is answered, with its source and the cost
    of the call. 404 SYMBOL_NOT_FOUND when no source has one fresh enough.

    Args:
        symbol (str):
        max_age_s (float | Unset):  Default: 5.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FreshQuoteOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
max_age_s=max_age_s,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    max_age_s: float | Unset = 5.0,

) -> FreshQuoteOut | Problem | None:
    """ The quote of the cheapest source that is fresh enough

     Sources are asked in the feed's order: where BULWARK_MARKET_DATA_PROVIDER_COSTS prices them, the
    priced ones first, cheapest first, then the unpriced ones in the configured order (no prices: the
    configured order). The first quote at most `max_age_s` old is answered, with its source and the cost
    of the call. 404 SYMBOL_NOT_FOUND when no source has one fresh enough.

    Args:
        symbol (str):
        max_age_s (float | Unset):  Default: 5.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FreshQuoteOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,
max_age_s=max_age_s,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    max_age_s: float | Unset = 5.0,

) -> Response[FreshQuoteOut | Problem]:
    """ The quote of the cheapest source that is fresh enough

     Sources are asked in the feed's order: where BULWARK_MARKET_DATA_PROVIDER_COSTS prices them, the
    priced ones first, cheapest first, then the unpriced ones in the configured order (no prices: the
    configured order). The first quote at most `max_age_s` old is answered, with its source and the cost
    of the call. 404 SYMBOL_NOT_FOUND when no source has one fresh enough.

    Args:
        symbol (str):
        max_age_s (float | Unset):  Default: 5.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FreshQuoteOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
max_age_s=max_age_s,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    max_age_s: float | Unset = 5.0,

) -> FreshQuoteOut | Problem | None:
    """ The quote of the cheapest source that is fresh enough

     Sources are asked in the feed's order: where BULWARK_MARKET_DATA_PROVIDER_COSTS prices them, the
    priced ones first, cheapest first, then the unpriced ones in the configured order (no prices: the
    configured order). The first quote at most `max_age_s` old is answered, with its source and the cost
    of the call. 404 SYMBOL_NOT_FOUND when no source has one fresh enough.

    Args:
        symbol (str):
        max_age_s (float | Unset):  Default: 5.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FreshQuoteOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
max_age_s=max_age_s,

    )).parsed
