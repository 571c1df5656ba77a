from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rule_in import RuleIn
from ...models.rule_out import RuleOut
from typing import cast



def _get_kwargs(
    rule_id: str,
    *,
    body: RuleIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/risk-rules/{rule_id}".format(rule_id=quote(str(rule_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RuleOut | None:
    if response.status_code == 200:
        response_200 = RuleOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RuleOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rule_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RuleIn,

) -> Response[Problem | RuleOut]:
    """ Replace a risk rule

     The whole rule is replaced and validated again; the owner stays. 404 NOT_FOUND; 403 FORBIDDEN for a
    global rule unless risk officer or admin; 422 INVALID_RULE. An edit that loosens the rule (a higher
    maximum, deactivated, a weaker action, applied elsewhere) is audited with the values before and
    after (`risk_rule.loosen`). 409 LIVE_LIMITS_REQUIRED when it would leave an account enabled for live
    trading without an active BLOCK rule of MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE or
    MAX_OPEN_ORDERS (docs/live-trading.md).

    Args:
        rule_id (str):
        body (RuleIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RuleOut]
     """


    kwargs = _get_kwargs(
        rule_id=rule_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    rule_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RuleIn,

) -> Problem | RuleOut | None:
    """ Replace a risk rule

     The whole rule is replaced and validated again; the owner stays. 404 NOT_FOUND; 403 FORBIDDEN for a
    global rule unless risk officer or admin; 422 INVALID_RULE. An edit that loosens the rule (a higher
    maximum, deactivated, a weaker action, applied elsewhere) is audited with the values before and
    after (`risk_rule.loosen`). 409 LIVE_LIMITS_REQUIRED when it would leave an account enabled for live
    trading without an active BLOCK rule of MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE or
    MAX_OPEN_ORDERS (docs/live-trading.md).

    Args:
        rule_id (str):
        body (RuleIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RuleOut
     """


    return sync_detailed(
        rule_id=rule_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    rule_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RuleIn,

) -> Response[Problem | RuleOut]:
    """ Replace a risk rule

     The whole rule is replaced and validated again; the owner stays. 404 NOT_FOUND; 403 FORBIDDEN for a
    global rule unless risk officer or admin; 422 INVALID_RULE. An edit that loosens the rule (a higher
    maximum, deactivated, a weaker action, applied elsewhere) is audited with the values before and
    after (`risk_rule.loosen`). 409 LIVE_LIMITS_REQUIRED when it would leave an account enabled for live
    trading without an active BLOCK rule of MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE or
    MAX_OPEN_ORDERS (docs/live-trading.md).

    Args:
        rule_id (str):
        body (RuleIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RuleOut]
     """


    kwargs = _get_kwargs(
        rule_id=rule_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    rule_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RuleIn,

) -> Problem | RuleOut | None:
    """ Replace a risk rule

     The whole rule is replaced and validated again; the owner stays. 404 NOT_FOUND; 403 FORBIDDEN for a
    global rule unless risk officer or admin; 422 INVALID_RULE. An edit that loosens the rule (a higher
    maximum, deactivated, a weaker action, applied elsewhere) is audited with the values before and
    after (`risk_rule.loosen`). 409 LIVE_LIMITS_REQUIRED when it would leave an account enabled for live
    trading without an active BLOCK rule of MAX_ORDER_NOTIONAL, MAX_DAILY_LOSS, ORDER_RATE or
    MAX_OPEN_ORDERS (docs/live-trading.md).

    Args:
        rule_id (str):
        body (RuleIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RuleOut
     """


    return (await asyncio_detailed(
        rule_id=rule_id,
client=client,
body=body,

    )).parsed
