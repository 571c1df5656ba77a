from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.strategy_out import StrategyOut
from ...models.strategy_patch_in import StrategyPatchIn
from typing import cast



def _get_kwargs(
    strategy_id: str,
    *,
    body: StrategyPatchIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/strategies/{strategy_id}".format(strategy_id=quote(str(strategy_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StrategyOut | None:
    if response.status_code == 200:
        response_200 = StrategyOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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
    strategy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StrategyPatchIn,

) -> Response[Problem | StrategyOut]:
    """ Change a strategy's definition or mode (optimistic: send the version you read)

     Omitted parts stay as they are. 409 CONCURRENT_UPDATE when the strategy changed since `version`; 404
    NOT_FOUND for another user's strategy or account; 422 INVALID_STRATEGY naming the field. `live` mode
    (or another account for a live strategy) needs `passcode`, your kill-switch passcode: 403
    PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 KILL_SWITCH_LOCKED after too many
    wrong ones (the kill switch's own lockout); 403 STEP_UP_REQUIRED from an untrusted device of a user
    with MFA (docs/devices.md). A strategy whose risk is above your investor profile's tolerance answers
    409 SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A learned
    combiner switched on when not one symbol its sources name has more than `training_bars` daily bars
    in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`.

    Args:
        strategy_id (str):
        body (StrategyPatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyOut]
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
    body: StrategyPatchIn,

) -> Problem | StrategyOut | None:
    """ Change a strategy's definition or mode (optimistic: send the version you read)

     Omitted parts stay as they are. 409 CONCURRENT_UPDATE when the strategy changed since `version`; 404
    NOT_FOUND for another user's strategy or account; 422 INVALID_STRATEGY naming the field. `live` mode
    (or another account for a live strategy) needs `passcode`, your kill-switch passcode: 403
    PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 KILL_SWITCH_LOCKED after too many
    wrong ones (the kill switch's own lockout); 403 STEP_UP_REQUIRED from an untrusted device of a user
    with MFA (docs/devices.md). A strategy whose risk is above your investor profile's tolerance answers
    409 SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A learned
    combiner switched on when not one symbol its sources name has more than `training_bars` daily bars
    in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`.

    Args:
        strategy_id (str):
        body (StrategyPatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyOut
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
    body: StrategyPatchIn,

) -> Response[Problem | StrategyOut]:
    """ Change a strategy's definition or mode (optimistic: send the version you read)

     Omitted parts stay as they are. 409 CONCURRENT_UPDATE when the strategy changed since `version`; 404
    NOT_FOUND for another user's strategy or account; 422 INVALID_STRATEGY naming the field. `live` mode
    (or another account for a live strategy) needs `passcode`, your kill-switch passcode: 403
    PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 KILL_SWITCH_LOCKED after too many
    wrong ones (the kill switch's own lockout); 403 STEP_UP_REQUIRED from an untrusted device of a user
    with MFA (docs/devices.md). A strategy whose risk is above your investor profile's tolerance answers
    409 SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A learned
    combiner switched on when not one symbol its sources name has more than `training_bars` daily bars
    in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`.

    Args:
        strategy_id (str):
        body (StrategyPatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyOut]
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
    body: StrategyPatchIn,

) -> Problem | StrategyOut | None:
    """ Change a strategy's definition or mode (optimistic: send the version you read)

     Omitted parts stay as they are. 409 CONCURRENT_UPDATE when the strategy changed since `version`; 404
    NOT_FOUND for another user's strategy or account; 422 INVALID_STRATEGY naming the field. `live` mode
    (or another account for a live strategy) needs `passcode`, your kill-switch passcode: 403
    PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 KILL_SWITCH_LOCKED after too many
    wrong ones (the kill switch's own lockout); 403 STEP_UP_REQUIRED from an untrusted device of a user
    with MFA (docs/devices.md). A strategy whose risk is above your investor profile's tolerance answers
    409 SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A learned
    combiner switched on when not one symbol its sources name has more than `training_bars` daily bars
    in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`.

    Args:
        strategy_id (str):
        body (StrategyPatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyOut
     """


    return (await asyncio_detailed(
        strategy_id=strategy_id,
client=client,
body=body,

    )).parsed
