from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.combiner_in import CombinerIn
from ...models.combiner_report_out import CombinerReportOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    strategy_id: str,
    *,
    body: CombinerIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/strategies/{strategy_id}/combiner/evaluate".format(strategy_id=quote(str(strategy_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CombinerReportOut | Problem | None:
    if response.status_code == 200:
        response_200 = CombinerReportOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CombinerReportOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    strategy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CombinerIn,

) -> Response[CombinerReportOut | Problem]:
    """ Fit your strategy's learned combiner walk-forward on a symbol and judge it

     Reads `symbol`'s daily bars from `from` to `to` in the bar store, computes each source's reading at
    every close as a backtest does (no reading sees a later bar or news item), and fits the sources'
    weights walk-forward: every `refit_bars` days an L2 logistic regression (scikit-learn) of the next
    day's direction on the last `training_bars` days. Answers the last weights and every refit, and the
    hit rate and information coefficient of the learned score, the stated-weights fusion and each source
    alone on the same out-of-sample days (docs/strategies.md). Any strategy may be judged, with its
    entry's `training_bars` and `refit_bars`. 404 NOT_FOUND for a strategy that is not yours; 422
    COMBINER_TOO_FEW_BARS when the range holds no more days than `training_bars`,
    COMBINER_TOO_MANY_REFITS, BACKTEST_BARS_MISSING when the store lacks the range.

    Args:
        strategy_id (str):
        body (CombinerIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CombinerReportOut | Problem]
     """


    kwargs = _get_kwargs(
        strategy_id=strategy_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    strategy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CombinerIn,

) -> CombinerReportOut | Problem | None:
    """ Fit your strategy's learned combiner walk-forward on a symbol and judge it

     Reads `symbol`'s daily bars from `from` to `to` in the bar store, computes each source's reading at
    every close as a backtest does (no reading sees a later bar or news item), and fits the sources'
    weights walk-forward: every `refit_bars` days an L2 logistic regression (scikit-learn) of the next
    day's direction on the last `training_bars` days. Answers the last weights and every refit, and the
    hit rate and information coefficient of the learned score, the stated-weights fusion and each source
    alone on the same out-of-sample days (docs/strategies.md). Any strategy may be judged, with its
    entry's `training_bars` and `refit_bars`. 404 NOT_FOUND for a strategy that is not yours; 422
    COMBINER_TOO_FEW_BARS when the range holds no more days than `training_bars`,
    COMBINER_TOO_MANY_REFITS, BACKTEST_BARS_MISSING when the store lacks the range.

    Args:
        strategy_id (str):
        body (CombinerIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CombinerReportOut | Problem
     """


    return sync_detailed(
        strategy_id=strategy_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    strategy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CombinerIn,

) -> Response[CombinerReportOut | Problem]:
    """ Fit your strategy's learned combiner walk-forward on a symbol and judge it

     Reads `symbol`'s daily bars from `from` to `to` in the bar store, computes each source's reading at
    every close as a backtest does (no reading sees a later bar or news item), and fits the sources'
    weights walk-forward: every `refit_bars` days an L2 logistic regression (scikit-learn) of the next
    day's direction on the last `training_bars` days. Answers the last weights and every refit, and the
    hit rate and information coefficient of the learned score, the stated-weights fusion and each source
    alone on the same out-of-sample days (docs/strategies.md). Any strategy may be judged, with its
    entry's `training_bars` and `refit_bars`. 404 NOT_FOUND for a strategy that is not yours; 422
    COMBINER_TOO_FEW_BARS when the range holds no more days than `training_bars`,
    COMBINER_TOO_MANY_REFITS, BACKTEST_BARS_MISSING when the store lacks the range.

    Args:
        strategy_id (str):
        body (CombinerIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CombinerReportOut | Problem]
     """


    kwargs = _get_kwargs(
        strategy_id=strategy_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    strategy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CombinerIn,

) -> CombinerReportOut | Problem | None:
    """ Fit your strategy's learned combiner walk-forward on a symbol and judge it

     Reads `symbol`'s daily bars from `from` to `to` in the bar store, computes each source's reading at
    every close as a backtest does (no reading sees a later bar or news item), and fits the sources'
    weights walk-forward: every `refit_bars` days an L2 logistic regression (scikit-learn) of the next
    day's direction on the last `training_bars` days. Answers the last weights and every refit, and the
    hit rate and information coefficient of the learned score, the stated-weights fusion and each source
    alone on the same out-of-sample days (docs/strategies.md). Any strategy may be judged, with its
    entry's `training_bars` and `refit_bars`. 404 NOT_FOUND for a strategy that is not yours; 422
    COMBINER_TOO_FEW_BARS when the range holds no more days than `training_bars`,
    COMBINER_TOO_MANY_REFITS, BACKTEST_BARS_MISSING when the store lacks the range.

    Args:
        strategy_id (str):
        body (CombinerIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CombinerReportOut | Problem
     """


    return (await asyncio_detailed(
        strategy_id=strategy_id,
client=client,
body=body,

    )).parsed
