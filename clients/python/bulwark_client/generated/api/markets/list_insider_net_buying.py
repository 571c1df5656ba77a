from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.net_insider_buying_out import NetInsiderBuyingOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    symbols: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    else:
        json_end = end
    params["end"] = json_end

    json_symbols: None | str | Unset
    if isinstance(symbols, Unset):
        json_symbols = UNSET
    else:
        json_symbols = symbols
    params["symbols"] = json_symbols


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/insiders",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NetInsiderBuyingOut | Problem | None:
    if response.status_code == 200:
        response_200 = NetInsiderBuyingOut.from_dict(response.json())



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

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[NetInsiderBuyingOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    symbols: None | str | Unset = UNSET,

) -> Response[NetInsiderBuyingOut | Problem]:
    """ Net insider buying per symbol over a window (Form 4)

     Per symbol: open-market purchases (code P) and sales (S) in [`start`, `end`] (defaults: the 90 days
    to `end`; today, UTC; at most 5 years): counts, distinct buyers and sellers, shares and USD values,
    net shares and net value; other codes counted apart. `symbols` narrows to a comma-separated list (at
    most 100 symbols, 600 characters). 422 INVALID_MARKET_INPUT naming the parameter; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)
        symbols (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NetInsiderBuyingOut | Problem]
     """


    kwargs = _get_kwargs(
        start=start,
end=end,
symbols=symbols,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    symbols: None | str | Unset = UNSET,

) -> NetInsiderBuyingOut | Problem | None:
    """ Net insider buying per symbol over a window (Form 4)

     Per symbol: open-market purchases (code P) and sales (S) in [`start`, `end`] (defaults: the 90 days
    to `end`; today, UTC; at most 5 years): counts, distinct buyers and sellers, shares and USD values,
    net shares and net value; other codes counted apart. `symbols` narrows to a comma-separated list (at
    most 100 symbols, 600 characters). 422 INVALID_MARKET_INPUT naming the parameter; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)
        symbols (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NetInsiderBuyingOut | Problem
     """


    return sync_detailed(
        client=client,
start=start,
end=end,
symbols=symbols,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    symbols: None | str | Unset = UNSET,

) -> Response[NetInsiderBuyingOut | Problem]:
    """ Net insider buying per symbol over a window (Form 4)

     Per symbol: open-market purchases (code P) and sales (S) in [`start`, `end`] (defaults: the 90 days
    to `end`; today, UTC; at most 5 years): counts, distinct buyers and sellers, shares and USD values,
    net shares and net value; other codes counted apart. `symbols` narrows to a comma-separated list (at
    most 100 symbols, 600 characters). 422 INVALID_MARKET_INPUT naming the parameter; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)
        symbols (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NetInsiderBuyingOut | Problem]
     """


    kwargs = _get_kwargs(
        start=start,
end=end,
symbols=symbols,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    symbols: None | str | Unset = UNSET,

) -> NetInsiderBuyingOut | Problem | None:
    """ Net insider buying per symbol over a window (Form 4)

     Per symbol: open-market purchases (code P) and sales (S) in [`start`, `end`] (defaults: the 90 days
    to `end`; today, UTC; at most 5 years): counts, distinct buyers and sellers, shares and USD values,
    net shares and net value; other codes counted apart. `symbols` narrows to a comma-separated list (at
    most 100 symbols, 600 characters). 422 INVALID_MARKET_INPUT naming the parameter; 503
    DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) or
    RATES_UNAVAILABLE, with Retry-After.

    Args:
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)
        symbols (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NetInsiderBuyingOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
start=start,
end=end,
symbols=symbols,

    )).parsed
