from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.yield_curve_out import YieldCurveOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    date: None | str | Unset = UNSET,
    method: None | str | Unset = UNSET,
    tenors: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_date: None | str | Unset
    if isinstance(date, Unset):
        json_date = UNSET
    else:
        json_date = date
    params["date"] = json_date

    json_method: None | str | Unset
    if isinstance(method, Unset):
        json_method = UNSET
    else:
        json_method = method
    params["method"] = json_method

    json_tenors: None | str | Unset
    if isinstance(tenors, Unset):
        json_tenors = UNSET
    else:
        json_tenors = tenors
    params["tenors"] = json_tenors


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/rates/curve",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | YieldCurveOut | None:
    if response.status_code == 200:
        response_200 = YieldCurveOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | YieldCurveOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,
    method: None | str | Unset = UNSET,
    tenors: None | str | Unset = UNSET,

) -> Response[Problem | YieldCurveOut]:
    """ The Treasury constant-maturity curve of a day, interpolated

     Points: FRED's DGS1MO, DGS3MO, DGS6MO, DGS1, DGS2, DGS3, DGS5, DGS7, DGS10, DGS20, DGS30 on `as_of`,
    the latest date on or before `date` (default today, UTC) with two or more of them; yields in
    percent. `interpolated`: the yields at `tenors` (comma-separated years like 0.5,2,7.5 or labels like
    6M,2Y; default 1M, 3M, 6M and every whole year within the observed tenors) by `method`
    (monotone_cubic, the default: Fritsch-Carlson; or linear). 422 INVALID_RATES_QUERY naming `date`,
    `method` or `tenors` (a tenor outside the observed ones: no extrapolation; at most 200); 404
    NO_CURVE when the source has none on or before `date`; 414 URI_TOO_LONG when `tenors` takes the URL
    past its limit (4,000 characters of tenors fit only when plain ASCII); 503 RATES_UNAVAILABLE with
    Retry-After: the rates source cannot answer (FRED down, rate-limiting, timing out or refusing the
    key; a data file unreadable).

    Args:
        date (None | str | Unset): The day, YYYY-MM-DD (default today, UTC)
        method (None | str | Unset): linear or monotone_cubic (default)
        tenors (None | str | Unset): Comma-separated tenors: years (0.5,2,7.5) or labels
            (6M,2Y,10Y)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | YieldCurveOut]
     """


    kwargs = _get_kwargs(
        date=date,
method=method,
tenors=tenors,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,
    method: None | str | Unset = UNSET,
    tenors: None | str | Unset = UNSET,

) -> Problem | YieldCurveOut | None:
    """ The Treasury constant-maturity curve of a day, interpolated

     Points: FRED's DGS1MO, DGS3MO, DGS6MO, DGS1, DGS2, DGS3, DGS5, DGS7, DGS10, DGS20, DGS30 on `as_of`,
    the latest date on or before `date` (default today, UTC) with two or more of them; yields in
    percent. `interpolated`: the yields at `tenors` (comma-separated years like 0.5,2,7.5 or labels like
    6M,2Y; default 1M, 3M, 6M and every whole year within the observed tenors) by `method`
    (monotone_cubic, the default: Fritsch-Carlson; or linear). 422 INVALID_RATES_QUERY naming `date`,
    `method` or `tenors` (a tenor outside the observed ones: no extrapolation; at most 200); 404
    NO_CURVE when the source has none on or before `date`; 414 URI_TOO_LONG when `tenors` takes the URL
    past its limit (4,000 characters of tenors fit only when plain ASCII); 503 RATES_UNAVAILABLE with
    Retry-After: the rates source cannot answer (FRED down, rate-limiting, timing out or refusing the
    key; a data file unreadable).

    Args:
        date (None | str | Unset): The day, YYYY-MM-DD (default today, UTC)
        method (None | str | Unset): linear or monotone_cubic (default)
        tenors (None | str | Unset): Comma-separated tenors: years (0.5,2,7.5) or labels
            (6M,2Y,10Y)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | YieldCurveOut
     """


    return sync_detailed(
        client=client,
date=date,
method=method,
tenors=tenors,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,
    method: None | str | Unset = UNSET,
    tenors: None | str | Unset = UNSET,

) -> Response[Problem | YieldCurveOut]:
    """ The Treasury constant-maturity curve of a day, interpolated

     Points: FRED's DGS1MO, DGS3MO, DGS6MO, DGS1, DGS2, DGS3, DGS5, DGS7, DGS10, DGS20, DGS30 on `as_of`,
    the latest date on or before `date` (default today, UTC) with two or more of them; yields in
    percent. `interpolated`: the yields at `tenors` (comma-separated years like 0.5,2,7.5 or labels like
    6M,2Y; default 1M, 3M, 6M and every whole year within the observed tenors) by `method`
    (monotone_cubic, the default: Fritsch-Carlson; or linear). 422 INVALID_RATES_QUERY naming `date`,
    `method` or `tenors` (a tenor outside the observed ones: no extrapolation; at most 200); 404
    NO_CURVE when the source has none on or before `date`; 414 URI_TOO_LONG when `tenors` takes the URL
    past its limit (4,000 characters of tenors fit only when plain ASCII); 503 RATES_UNAVAILABLE with
    Retry-After: the rates source cannot answer (FRED down, rate-limiting, timing out or refusing the
    key; a data file unreadable).

    Args:
        date (None | str | Unset): The day, YYYY-MM-DD (default today, UTC)
        method (None | str | Unset): linear or monotone_cubic (default)
        tenors (None | str | Unset): Comma-separated tenors: years (0.5,2,7.5) or labels
            (6M,2Y,10Y)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | YieldCurveOut]
     """


    kwargs = _get_kwargs(
        date=date,
method=method,
tenors=tenors,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    date: None | str | Unset = UNSET,
    method: None | str | Unset = UNSET,
    tenors: None | str | Unset = UNSET,

) -> Problem | YieldCurveOut | None:
    """ The Treasury constant-maturity curve of a day, interpolated

     Points: FRED's DGS1MO, DGS3MO, DGS6MO, DGS1, DGS2, DGS3, DGS5, DGS7, DGS10, DGS20, DGS30 on `as_of`,
    the latest date on or before `date` (default today, UTC) with two or more of them; yields in
    percent. `interpolated`: the yields at `tenors` (comma-separated years like 0.5,2,7.5 or labels like
    6M,2Y; default 1M, 3M, 6M and every whole year within the observed tenors) by `method`
    (monotone_cubic, the default: Fritsch-Carlson; or linear). 422 INVALID_RATES_QUERY naming `date`,
    `method` or `tenors` (a tenor outside the observed ones: no extrapolation; at most 200); 404
    NO_CURVE when the source has none on or before `date`; 414 URI_TOO_LONG when `tenors` takes the URL
    past its limit (4,000 characters of tenors fit only when plain ASCII); 503 RATES_UNAVAILABLE with
    Retry-After: the rates source cannot answer (FRED down, rate-limiting, timing out or refusing the
    key; a data file unreadable).

    Args:
        date (None | str | Unset): The day, YYYY-MM-DD (default today, UTC)
        method (None | str | Unset): linear or monotone_cubic (default)
        tenors (None | str | Unset): Comma-separated tenors: years (0.5,2,7.5) or labels
            (6M,2Y,10Y)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | YieldCurveOut
     """


    return (await asyncio_detailed(
        client=client,
date=date,
method=method,
tenors=tenors,

    )).parsed
