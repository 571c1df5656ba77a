from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.insider_transactions_out import InsiderTransactionsOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    symbol: str,
    *,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/insiders/{symbol}".format(symbol=quote(str(symbol), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InsiderTransactionsOut | Problem | None:
    if response.status_code == 200:
        response_200 = InsiderTransactionsOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InsiderTransactionsOut | Problem]:
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
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,

) -> Response[InsiderTransactionsOut | Problem]:
    """ A symbol's Form 4 transactions over a window, newest first

     Every Table I row of the symbol in [`start`, `end`] (as above), at most 1,000 (`truncated` says when
    more exist). 422 INVALID_MARKET_INPUT naming the parameter; 503 DATA_SOURCE_UNAVAILABLE (a data file
    unreadable or malformed, named with its line) or RATES_UNAVAILABLE, with Retry-After.

    Args:
        symbol (str):
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsiderTransactionsOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
start=start,
end=end,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,

) -> InsiderTransactionsOut | Problem | None:
    """ A symbol's Form 4 transactions over a window, newest first

     Every Table I row of the symbol in [`start`, `end`] (as above), at most 1,000 (`truncated` says when
    more exist). 422 INVALID_MARKET_INPUT naming the parameter; 503 DATA_SOURCE_UNAVAILABLE (a data file
    unreadable or malformed, named with its line) or RATES_UNAVAILABLE, with Retry-After.

    Args:
        symbol (str):
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsiderTransactionsOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,
start=start,
end=end,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,

) -> Response[InsiderTransactionsOut | Problem]:
    """ A symbol's Form 4 transactions over a window, newest first

     Every Table I row of the symbol in [`start`, `end`] (as above), at most 1,000 (`truncated` says when
    more exist). 422 INVALID_MARKET_INPUT naming the parameter; 503 DATA_SOURCE_UNAVAILABLE (a data file
    unreadable or malformed, named with its line) or RATES_UNAVAILABLE, with Retry-After.

    Args:
        symbol (str):
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsiderTransactionsOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
start=start,
end=end,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,

) -> InsiderTransactionsOut | Problem | None:
    """ A symbol's Form 4 transactions over a window, newest first

     Every Table I row of the symbol in [`start`, `end`] (as above), at most 1,000 (`truncated` says when
    more exist). 422 INVALID_MARKET_INPUT naming the parameter; 503 DATA_SOURCE_UNAVAILABLE (a data file
    unreadable or malformed, named with its line) or RATES_UNAVAILABLE, with Retry-After.

    Args:
        symbol (str):
        start (None | str | Unset): YYYY-MM-DD (default today, UTC)
        end (None | str | Unset): YYYY-MM-DD (default today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsiderTransactionsOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
start=start,
end=end,

    )).parsed
