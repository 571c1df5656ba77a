from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.depth_out import DepthOut
from ...models.problem import Problem
from ...models.z_score_method import ZScoreMethod
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    symbol: str,
    *,
    levels: int | Unset = 10,
    imbalance_levels: int | None | Unset = UNSET,
    whale_z: float | None | Unset = UNSET,
    whale_size: None | str | Unset = UNSET,
    whale_method: ZScoreMethod | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["levels"] = levels

    json_imbalance_levels: int | None | Unset
    if isinstance(imbalance_levels, Unset):
        json_imbalance_levels = UNSET
    else:
        json_imbalance_levels = imbalance_levels
    params["imbalance_levels"] = json_imbalance_levels

    json_whale_z: float | None | Unset
    if isinstance(whale_z, Unset):
        json_whale_z = UNSET
    else:
        json_whale_z = whale_z
    params["whale_z"] = json_whale_z

    json_whale_size: None | str | Unset
    if isinstance(whale_size, Unset):
        json_whale_size = UNSET
    else:
        json_whale_size = whale_size
    params["whale_size"] = json_whale_size

    json_whale_method: str | Unset = UNSET
    if not isinstance(whale_method, Unset):
        json_whale_method = whale_method.value

    params["whale_method"] = json_whale_method


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/market/{symbol}/depth".format(symbol=quote(str(symbol), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DepthOut | Problem | None:
    if response.status_code == 200:
        response_200 = DepthOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DepthOut | Problem]:
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
    levels: int | Unset = 10,
    imbalance_levels: int | None | Unset = UNSET,
    whale_z: float | None | Unset = UNSET,
    whale_size: None | str | Unset = UNSET,
    whale_method: ZScoreMethod | Unset = UNSET,

) -> Response[DepthOut | Problem]:
    """ Depth of market: cumulative depth, spread, imbalance and whale orders

     The provider's book, up to `levels` a side, best first, each level with the cumulative size and
    notional up to it; mid, microprice (the size-weighted mid), spread (absolute and bps of the mid) and
    the imbalance (bid - ask) / (bid + ask) in [-1, 1] over the top `imbalance_levels` (default min(5,
    levels)). A level is a whale when its size >= `whale_size` (if given) or its z-score against all the
    book's level sizes >= `whale_z` (server default 3). `whale_method=robust` (the default) scores (size
    - median) / (1.4826 * MAD), which one huge order cannot mask; `standard` uses mean and standard
    deviation, which over n levels can never exceed sqrt(n - 1). `level_gaps` are the price gaps between
    consecutive levels of each side behind the touch (level 1 to 2, 2 to 3, ...; bps of the nearer
    price), `widest_gap` the widest. `book` says where the book came from (`source`: the US-equity depth
    source when one is configured, else the feed's provider), how many levels a side it had, and `kind`:
    `depth`; `top_of_book` (one level a side: Alpaca's and the replay's equities, their quote) has no
    gaps and no whales, and `simulated` (synthetic data) has made-up ones: for both `depth_meaningful`
    is false and `note` says why. Books are cached for a second or two. Symbols with a slash (BTC/USD)
    cannot be given in the path: use the provider's dashed form.

    Args:
        symbol (str):
        levels (int | Unset):  Default: 10.
        imbalance_levels (int | None | Unset):
        whale_z (float | None | Unset):
        whale_size (None | str | Unset):
        whale_method (ZScoreMethod | Unset): How a level's size is scored against the book's other
            level sizes.

                STANDARD: (size - mean) / standard deviation. A single large order inflates the
            standard
                deviation it is measured with, so with n levels no z can exceed sqrt(n - 1): 3 for 10
                levels, never above the usual threshold. ROBUST (the default): the modified z-score
                (size - median) / (1.4826 * MAD); when more than half the sizes are equal (MAD = 0) it
                falls back to 1.2533 * the mean absolute deviation from the median.


    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DepthOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
levels=levels,
imbalance_levels=imbalance_levels,
whale_z=whale_z,
whale_size=whale_size,
whale_method=whale_method,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    levels: int | Unset = 10,
    imbalance_levels: int | None | Unset = UNSET,
    whale_z: float | None | Unset = UNSET,
    whale_size: None | str | Unset = UNSET,
    whale_method: ZScoreMethod | Unset = UNSET,

) -> DepthOut | Problem | None:
    """ Depth of market: cumulative depth, spread, imbalance and whale orders

     The provider's book, up to `levels` a side, best first, each level with the cumulative size and
    notional up to it; mid, microprice (the size-weighted mid), spread (absolute and bps of the mid) and
    the imbalance (bid - ask) / (bid + ask) in [-1, 1] over the top `imbalance_levels` (default min(5,
    levels)). A level is a whale when its size >= `whale_size` (if given) or its z-score against all the
    book's level sizes >= `whale_z` (server default 3). `whale_method=robust` (the default) scores (size
    - median) / (1.4826 * MAD), which one huge order cannot mask; `standard` uses mean and standard
    deviation, which over n levels can never exceed sqrt(n - 1). `level_gaps` are the price gaps between
    consecutive levels of each side behind the touch (level 1 to 2, 2 to 3, ...; bps of the nearer
    price), `widest_gap` the widest. `book` says where the book came from (`source`: the US-equity depth
    source when one is configured, else the feed's provider), how many levels a side it had, and `kind`:
    `depth`; `top_of_book` (one level a side: Alpaca's and the replay's equities, their quote) has no
    gaps and no whales, and `simulated` (synthetic data) has made-up ones: for both `depth_meaningful`
    is false and `note` says why. Books are cached for a second or two. Symbols with a slash (BTC/USD)
    cannot be given in the path: use the provider's dashed form.

    Args:
        symbol (str):
        levels (int | Unset):  Default: 10.
        imbalance_levels (int | None | Unset):
        whale_z (float | None | Unset):
        whale_size (None | str | Unset):
        whale_method (ZScoreMethod | Unset): How a level's size is scored against the book's other
            level sizes.

                STANDARD: (size - mean) / standard deviation. A single large order inflates the
            standard
                deviation it is measured with, so with n levels no z can exceed sqrt(n - 1): 3 for 10
                levels, never above the usual threshold. ROBUST (the default): the modified z-score
                (size - median) / (1.4826 * MAD); when more than half the sizes are equal (MAD = 0) it
                falls back to 1.2533 * the mean absolute deviation from the median.


    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DepthOut | Problem
     """


    return sync_detailed(
        symbol=symbol,
client=client,
levels=levels,
imbalance_levels=imbalance_levels,
whale_z=whale_z,
whale_size=whale_size,
whale_method=whale_method,

    ).parsed

async def asyncio_detailed(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    levels: int | Unset = 10,
    imbalance_levels: int | None | Unset = UNSET,
    whale_z: float | None | Unset = UNSET,
    whale_size: None | str | Unset = UNSET,
    whale_method: ZScoreMethod | Unset = UNSET,

) -> Response[DepthOut | Problem]:
    """ Depth of market: cumulative depth, spread, imbalance and whale orders

     The provider's book, up to `levels` a side, best first, each level with the cumulative size and
    notional up to it; mid, microprice (the size-weighted mid), spread (absolute and bps of the mid) and
    the imbalance (bid - ask) / (bid + ask) in [-1, 1] over the top `imbalance_levels` (default min(5,
    levels)). A level is a whale when its size >= `whale_size` (if given) or its z-score against all the
    book's level sizes >= `whale_z` (server default 3). `whale_method=robust` (the default) scores (size
    - median) / (1.4826 * MAD), which one huge order cannot mask; `standard` uses mean and standard
    deviation, which over n levels can never exceed sqrt(n - 1). `level_gaps` are the price gaps between
    consecutive levels of each side behind the touch (level 1 to 2, 2 to 3, ...; bps of the nearer
    price), `widest_gap` the widest. `book` says where the book came from (`source`: the US-equity depth
    source when one is configured, else the feed's provider), how many levels a side it had, and `kind`:
    `depth`; `top_of_book` (one level a side: Alpaca's and the replay's equities, their quote) has no
    gaps and no whales, and `simulated` (synthetic data) has made-up ones: for both `depth_meaningful`
    is false and `note` says why. Books are cached for a second or two. Symbols with a slash (BTC/USD)
    cannot be given in the path: use the provider's dashed form.

    Args:
        symbol (str):
        levels (int | Unset):  Default: 10.
        imbalance_levels (int | None | Unset):
        whale_z (float | None | Unset):
        whale_size (None | str | Unset):
        whale_method (ZScoreMethod | Unset): How a level's size is scored against the book's other
            level sizes.

                STANDARD: (size - mean) / standard deviation. A single large order inflates the
            standard
                deviation it is measured with, so with n levels no z can exceed sqrt(n - 1): 3 for 10
                levels, never above the usual threshold. ROBUST (the default): the modified z-score
                (size - median) / (1.4826 * MAD); when more than half the sizes are equal (MAD = 0) it
                falls back to 1.2533 * the mean absolute deviation from the median.


    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DepthOut | Problem]
     """


    kwargs = _get_kwargs(
        symbol=symbol,
levels=levels,
imbalance_levels=imbalance_levels,
whale_z=whale_z,
whale_size=whale_size,
whale_method=whale_method,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    symbol: str,
    *,
    client: AuthenticatedClient | Client,
    levels: int | Unset = 10,
    imbalance_levels: int | None | Unset = UNSET,
    whale_z: float | None | Unset = UNSET,
    whale_size: None | str | Unset = UNSET,
    whale_method: ZScoreMethod | Unset = UNSET,

) -> DepthOut | Problem | None:
    """ Depth of market: cumulative depth, spread, imbalance and whale orders

     The provider's book, up to `levels` a side, best first, each level with the cumulative size and
    notional up to it; mid, microprice (the size-weighted mid), spread (absolute and bps of the mid) and
    the imbalance (bid - ask) / (bid + ask) in [-1, 1] over the top `imbalance_levels` (default min(5,
    levels)). A level is a whale when its size >= `whale_size` (if given) or its z-score against all the
    book's level sizes >= `whale_z` (server default 3). `whale_method=robust` (the default) scores (size
    - median) / (1.4826 * MAD), which one huge order cannot mask; `standard` uses mean and standard
    deviation, which over n levels can never exceed sqrt(n - 1). `level_gaps` are the price gaps between
    consecutive levels of each side behind the touch (level 1 to 2, 2 to 3, ...; bps of the nearer
    price), `widest_gap` the widest. `book` says where the book came from (`source`: the US-equity depth
    source when one is configured, else the feed's provider), how many levels a side it had, and `kind`:
    `depth`; `top_of_book` (one level a side: Alpaca's and the replay's equities, their quote) has no
    gaps and no whales, and `simulated` (synthetic data) has made-up ones: for both `depth_meaningful`
    is false and `note` says why. Books are cached for a second or two. Symbols with a slash (BTC/USD)
    cannot be given in the path: use the provider's dashed form.

    Args:
        symbol (str):
        levels (int | Unset):  Default: 10.
        imbalance_levels (int | None | Unset):
        whale_z (float | None | Unset):
        whale_size (None | str | Unset):
        whale_method (ZScoreMethod | Unset): How a level's size is scored against the book's other
            level sizes.

                STANDARD: (size - mean) / standard deviation. A single large order inflates the
            standard
                deviation it is measured with, so with n levels no z can exceed sqrt(n - 1): 3 for 10
                levels, never above the usual threshold. ROBUST (the default): the modified z-score
                (size - median) / (1.4826 * MAD); when more than half the sizes are equal (MAD = 0) it
                falls back to 1.2533 * the mean absolute deviation from the median.


    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DepthOut | Problem
     """


    return (await asyncio_detailed(
        symbol=symbol,
client=client,
levels=levels,
imbalance_levels=imbalance_levels,
whale_z=whale_z,
whale_size=whale_size,
whale_method=whale_method,

    )).parsed
