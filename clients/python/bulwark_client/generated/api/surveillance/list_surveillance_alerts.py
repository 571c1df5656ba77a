from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.abuse_pattern import AbusePattern
from ...models.alert_severity import AlertSeverity
from ...models.alert_status import AlertStatus
from ...models.problem import Problem
from ...models.surveillance_alert_page_out import SurveillanceAlertPageOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: AlertStatus | None | Unset = UNSET,
    pattern: AbusePattern | None | Unset = UNSET,
    severity: AlertSeverity | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    owner_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AlertStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_pattern: None | str | Unset
    if isinstance(pattern, Unset):
        json_pattern = UNSET
    elif isinstance(pattern, AbusePattern):
        json_pattern = pattern.value
    else:
        json_pattern = pattern
    params["pattern"] = json_pattern

    json_severity: None | str | Unset
    if isinstance(severity, Unset):
        json_severity = UNSET
    elif isinstance(severity, AlertSeverity):
        json_severity = severity.value
    else:
        json_severity = severity
    params["severity"] = json_severity

    json_symbol: None | str | Unset
    if isinstance(symbol, Unset):
        json_symbol = UNSET
    else:
        json_symbol = symbol
    params["symbol"] = json_symbol

    json_owner_id: None | str | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

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
        "url": "/api/v1/surveillance/alerts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SurveillanceAlertPageOut | None:
    if response.status_code == 200:
        response_200 = SurveillanceAlertPageOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SurveillanceAlertPageOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: AlertStatus | None | Unset = UNSET,
    pattern: AbusePattern | None | Unset = UNSET,
    severity: AlertSeverity | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    owner_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[Problem | SurveillanceAlertPageOut]:
    """ Surveillance alerts, newest first, with filters and a cursor

     Newest first. Pass `next_cursor` back as `cursor` (422 INVALID_CURSOR for any other text). Owners
    and traders: their own alerts only (another's answers 404 ALERT_NOT_FOUND).

    Args:
        status (AlertStatus | None | Unset):
        pattern (AbusePattern | None | Unset):
        severity (AlertSeverity | None | Unset):
        symbol (None | str | Unset):
        owner_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SurveillanceAlertPageOut]
     """


    kwargs = _get_kwargs(
        status=status,
pattern=pattern,
severity=severity,
symbol=symbol,
owner_id=owner_id,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    status: AlertStatus | None | Unset = UNSET,
    pattern: AbusePattern | None | Unset = UNSET,
    severity: AlertSeverity | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    owner_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Problem | SurveillanceAlertPageOut | None:
    """ Surveillance alerts, newest first, with filters and a cursor

     Newest first. Pass `next_cursor` back as `cursor` (422 INVALID_CURSOR for any other text). Owners
    and traders: their own alerts only (another's answers 404 ALERT_NOT_FOUND).

    Args:
        status (AlertStatus | None | Unset):
        pattern (AbusePattern | None | Unset):
        severity (AlertSeverity | None | Unset):
        symbol (None | str | Unset):
        owner_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SurveillanceAlertPageOut
     """


    return sync_detailed(
        client=client,
status=status,
pattern=pattern,
severity=severity,
symbol=symbol,
owner_id=owner_id,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: AlertStatus | None | Unset = UNSET,
    pattern: AbusePattern | None | Unset = UNSET,
    severity: AlertSeverity | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    owner_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[Problem | SurveillanceAlertPageOut]:
    """ Surveillance alerts, newest first, with filters and a cursor

     Newest first. Pass `next_cursor` back as `cursor` (422 INVALID_CURSOR for any other text). Owners
    and traders: their own alerts only (another's answers 404 ALERT_NOT_FOUND).

    Args:
        status (AlertStatus | None | Unset):
        pattern (AbusePattern | None | Unset):
        severity (AlertSeverity | None | Unset):
        symbol (None | str | Unset):
        owner_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SurveillanceAlertPageOut]
     """


    kwargs = _get_kwargs(
        status=status,
pattern=pattern,
severity=severity,
symbol=symbol,
owner_id=owner_id,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: AlertStatus | None | Unset = UNSET,
    pattern: AbusePattern | None | Unset = UNSET,
    severity: AlertSeverity | None | Unset = UNSET,
    symbol: None | str | Unset = UNSET,
    owner_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Problem | SurveillanceAlertPageOut | None:
    """ Surveillance alerts, newest first, with filters and a cursor

     Newest first. Pass `next_cursor` back as `cursor` (422 INVALID_CURSOR for any other text). Owners
    and traders: their own alerts only (another's answers 404 ALERT_NOT_FOUND).

    Args:
        status (AlertStatus | None | Unset):
        pattern (AbusePattern | None | Unset):
        severity (AlertSeverity | None | Unset):
        symbol (None | str | Unset):
        owner_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SurveillanceAlertPageOut
     """


    return (await asyncio_detailed(
        client=client,
status=status,
pattern=pattern,
severity=severity,
symbol=symbol,
owner_id=owner_id,
cursor=cursor,
limit=limit,

    )).parsed
