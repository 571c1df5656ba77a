from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.strategy_in import StrategyIn
from ...models.strategy_out import StrategyOut
from typing import cast



def _get_kwargs(
    *,
    body: StrategyIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/strategies",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StrategyOut | None:
    if response.status_code == 201:
        response_201 = StrategyOut.from_dict(response.json())



        return response_201

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

    if response.status_code == 423:
        response_423 = Problem.from_dict(response.json())



        return response_423

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StrategyOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StrategyIn,

) -> Response[Problem | StrategyOut]:
    """ Create a strategy on some of your accounts

     A strategy follows signal sources (pattern engine, an agent's signals), sizes entries
    (fixed_fraction, volatility, fixed_notional), exits on brackets, an opposite signal or time, and
    runs in a mode: off, shadow (decisions recorded, no orders), paper (paper-broker accounts only),
    live. Every order goes through the pre-trade gate and the kill switch. 404 NOT_FOUND (field
    account_ids) for an account that is not yours; 422 INVALID_STRATEGY naming the field. `live` mode
    (or another account for a live strategy) needs `passcode`, your kill-switch passcode: 403
    PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 KILL_SWITCH_LOCKED after too many
    wrong ones (the kill switch's own lockout); 403 STEP_UP_REQUIRED from an untrusted device of a user
    with MFA (docs/devices.md). A strategy whose risk is above your investor profile's tolerance answers
    409 SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A learned
    combiner switched on when not one symbol its sources name has more than `training_bars` daily bars
    in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`.

    Args:
        body (StrategyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyOut]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: StrategyIn,

) -> Problem | StrategyOut | None:
    """ Create a strategy on some of your accounts

     A strategy follows signal sources (pattern engine, an agent's signals), sizes entries
    (fixed_fraction, volatility, fixed_notional), exits on brackets, an opposite signal or time, and
    runs in a mode: off, shadow (decisions recorded, no orders), paper (paper-broker accounts only),
    live. Every order goes through the pre-trade gate and the kill switch. 404 NOT_FOUND (field
    account_ids) for an account that is not yours; 422 INVALID_STRATEGY naming the field. `live` mode
    (or another account for a live strategy) needs `passcode`, your kill-switch passcode: 403
    PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 KILL_SWITCH_LOCKED after too many
    wrong ones (the kill switch's own lockout); 403 STEP_UP_REQUIRED from an untrusted device of a user
    with MFA (docs/devices.md). A strategy whose risk is above your investor profile's tolerance answers
    409 SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A learned
    combiner switched on when not one symbol its sources name has more than `training_bars` daily bars
    in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`.

    Args:
        body (StrategyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StrategyIn,

) -> Response[Problem | StrategyOut]:
    """ Create a strategy on some of your accounts

     A strategy follows signal sources (pattern engine, an agent's signals), sizes entries
    (fixed_fraction, volatility, fixed_notional), exits on brackets, an opposite signal or time, and
    runs in a mode: off, shadow (decisions recorded, no orders), paper (paper-broker accounts only),
    live. Every order goes through the pre-trade gate and the kill switch. 404 NOT_FOUND (field
    account_ids) for an account that is not yours; 422 INVALID_STRATEGY naming the field. `live` mode
    (or another account for a live strategy) needs `passcode`, your kill-switch passcode: 403
    PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 KILL_SWITCH_LOCKED after too many
    wrong ones (the kill switch's own lockout); 403 STEP_UP_REQUIRED from an untrusted device of a user
    with MFA (docs/devices.md). A strategy whose risk is above your investor profile's tolerance answers
    409 SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A learned
    combiner switched on when not one symbol its sources name has more than `training_bars` daily bars
    in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`.

    Args:
        body (StrategyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyOut]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: StrategyIn,

) -> Problem | StrategyOut | None:
    """ Create a strategy on some of your accounts

     A strategy follows signal sources (pattern engine, an agent's signals), sizes entries
    (fixed_fraction, volatility, fixed_notional), exits on brackets, an opposite signal or time, and
    runs in a mode: off, shadow (decisions recorded, no orders), paper (paper-broker accounts only),
    live. Every order goes through the pre-trade gate and the kill switch. 404 NOT_FOUND (field
    account_ids) for an account that is not yours; 422 INVALID_STRATEGY naming the field. `live` mode
    (or another account for a live strategy) needs `passcode`, your kill-switch passcode: 403
    PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 KILL_SWITCH_LOCKED after too many
    wrong ones (the kill switch's own lockout); 403 STEP_UP_REQUIRED from an untrusted device of a user
    with MFA (docs/devices.md). A strategy whose risk is above your investor profile's tolerance answers
    409 SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A learned
    combiner switched on when not one symbol its sources name has more than `training_bars` daily bars
    in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`.

    Args:
        body (StrategyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
