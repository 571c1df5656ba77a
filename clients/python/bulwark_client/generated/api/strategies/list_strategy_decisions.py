from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.decision_page_out import DecisionPageOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    strategy_id: str,
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/strategies/{strategy_id}/decisions".format(strategy_id=quote(str(strategy_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DecisionPageOut | Problem | None:
    if response.status_code == 200:
        response_200 = DecisionPageOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DecisionPageOut | Problem]:
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
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[DecisionPageOut | Problem]:
    """ A strategy's decisions, newest first, with a cursor

     One record per signal (or closed bar), strategy and account: the signal, the intent (action, side,
    quantity, reason, brackets, sizing inputs), the order id and the verdict: approved / denied (with
    the gate's reasons) / shadow (not sent) / skipped (with the reason) / failed / pending. Pass
    `next_cursor` back as `cursor`. 404 NOT_FOUND for another user's strategy; 400 INVALID_CURSOR.

    Args:
        strategy_id (str):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionPageOut | Problem]
     """


    kwargs = _get_kwargs(
        strategy_id=strategy_id,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    strategy_id: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> DecisionPageOut | Problem | None:
    """ A strategy's decisions, newest first, with a cursor

     One record per signal (or closed bar), strategy and account: the signal, the intent (action, side,
    quantity, reason, brackets, sizing inputs), the order id and the verdict: approved / denied (with
    the gate's reasons) / shadow (not sent) / skipped (with the reason) / failed / pending. Pass
    `next_cursor` back as `cursor`. 404 NOT_FOUND for another user's strategy; 400 INVALID_CURSOR.

    Args:
        strategy_id (str):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionPageOut | Problem
     """


    return sync_detailed(
        strategy_id=strategy_id,
client=client,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    strategy_id: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[DecisionPageOut | Problem]:
    """ A strategy's decisions, newest first, with a cursor

     One record per signal (or closed bar), strategy and account: the signal, the intent (action, side,
    quantity, reason, brackets, sizing inputs), the order id and the verdict: approved / denied (with
    the gate's reasons) / shadow (not sent) / skipped (with the reason) / failed / pending. Pass
    `next_cursor` back as `cursor`. 404 NOT_FOUND for another user's strategy; 400 INVALID_CURSOR.

    Args:
        strategy_id (str):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionPageOut | Problem]
     """


    kwargs = _get_kwargs(
        strategy_id=strategy_id,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    strategy_id: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> DecisionPageOut | Problem | None:
    """ A strategy's decisions, newest first, with a cursor

     One record per signal (or closed bar), strategy and account: the signal, the intent (action, side,
    quantity, reason, brackets, sizing inputs), the order id and the verdict: approved / denied (with
    the gate's reasons) / shadow (not sent) / skipped (with the reason) / failed / pending. Pass
    `next_cursor` back as `cursor`. 404 NOT_FOUND for another user's strategy; 400 INVALID_CURSOR.

    Args:
        strategy_id (str):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionPageOut | Problem
     """


    return (await asyncio_detailed(
        strategy_id=strategy_id,
client=client,
cursor=cursor,
limit=limit,

    )).parsed
