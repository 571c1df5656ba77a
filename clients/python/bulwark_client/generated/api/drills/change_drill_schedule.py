from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.drill_schedule_out import DrillScheduleOut
from ...models.drill_schedule_patch import DrillSchedulePatch
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    schedule_id: str,
    *,
    body: DrillSchedulePatch,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/drills/schedules/{schedule_id}".format(schedule_id=quote(str(schedule_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DrillScheduleOut | Problem | None:
    if response.status_code == 200:
        response_200 = DrillScheduleOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DrillScheduleOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    schedule_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DrillSchedulePatch,

) -> Response[DrillScheduleOut | Problem]:
    """ Change a drill schedule: its cron, target, on/off, ...

     Fields left out stay as they are. A new cron, time zone or a schedule turned on takes the cron's
    next time from now; off, it runs no more until turned on. 409 CONCURRENT_UPDATE when a drill of it
    started meanwhile: read it again. The target: `paper`, or one of your own connections (another's or
    an unknown one: 404 NOT_FOUND), active (409 CONNECTION_REVOKED) and never live (422
    DRILL_TARGET_LIVE). 422 INVALID_DRILL_SCHEDULE names a field that does not fit: a cron that cannot
    be read or fires more often than BULWARK_DRILL_MIN_INTERVAL_MINUTES, faults or flatten at a venue, a
    venue's drill without its symbol and limit price. Yours only: 404 NOT_FOUND for another's, agents
    403.

    Args:
        schedule_id (str):
        body (DrillSchedulePatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DrillScheduleOut | Problem]
     """


    kwargs = _get_kwargs(
        schedule_id=schedule_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    schedule_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DrillSchedulePatch,

) -> DrillScheduleOut | Problem | None:
    """ Change a drill schedule: its cron, target, on/off, ...

     Fields left out stay as they are. A new cron, time zone or a schedule turned on takes the cron's
    next time from now; off, it runs no more until turned on. 409 CONCURRENT_UPDATE when a drill of it
    started meanwhile: read it again. The target: `paper`, or one of your own connections (another's or
    an unknown one: 404 NOT_FOUND), active (409 CONNECTION_REVOKED) and never live (422
    DRILL_TARGET_LIVE). 422 INVALID_DRILL_SCHEDULE names a field that does not fit: a cron that cannot
    be read or fires more often than BULWARK_DRILL_MIN_INTERVAL_MINUTES, faults or flatten at a venue, a
    venue's drill without its symbol and limit price. Yours only: 404 NOT_FOUND for another's, agents
    403.

    Args:
        schedule_id (str):
        body (DrillSchedulePatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DrillScheduleOut | Problem
     """


    return sync_detailed(
        schedule_id=schedule_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    schedule_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DrillSchedulePatch,

) -> Response[DrillScheduleOut | Problem]:
    """ Change a drill schedule: its cron, target, on/off, ...

     Fields left out stay as they are. A new cron, time zone or a schedule turned on takes the cron's
    next time from now; off, it runs no more until turned on. 409 CONCURRENT_UPDATE when a drill of it
    started meanwhile: read it again. The target: `paper`, or one of your own connections (another's or
    an unknown one: 404 NOT_FOUND), active (409 CONNECTION_REVOKED) and never live (422
    DRILL_TARGET_LIVE). 422 INVALID_DRILL_SCHEDULE names a field that does not fit: a cron that cannot
    be read or fires more often than BULWARK_DRILL_MIN_INTERVAL_MINUTES, faults or flatten at a venue, a
    venue's drill without its symbol and limit price. Yours only: 404 NOT_FOUND for another's, agents
    403.

    Args:
        schedule_id (str):
        body (DrillSchedulePatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DrillScheduleOut | Problem]
     """


    kwargs = _get_kwargs(
        schedule_id=schedule_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    schedule_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DrillSchedulePatch,

) -> DrillScheduleOut | Problem | None:
    """ Change a drill schedule: its cron, target, on/off, ...

     Fields left out stay as they are. A new cron, time zone or a schedule turned on takes the cron's
    next time from now; off, it runs no more until turned on. 409 CONCURRENT_UPDATE when a drill of it
    started meanwhile: read it again. The target: `paper`, or one of your own connections (another's or
    an unknown one: 404 NOT_FOUND), active (409 CONNECTION_REVOKED) and never live (422
    DRILL_TARGET_LIVE). 422 INVALID_DRILL_SCHEDULE names a field that does not fit: a cron that cannot
    be read or fires more often than BULWARK_DRILL_MIN_INTERVAL_MINUTES, faults or flatten at a venue, a
    venue's drill without its symbol and limit price. Yours only: 404 NOT_FOUND for another's, agents
    403.

    Args:
        schedule_id (str):
        body (DrillSchedulePatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DrillScheduleOut | Problem
     """


    return (await asyncio_detailed(
        schedule_id=schedule_id,
client=client,
body=body,

    )).parsed
