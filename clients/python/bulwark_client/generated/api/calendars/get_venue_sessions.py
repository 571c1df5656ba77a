from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.venue_sessions_out import VenueSessionsOut
from typing import cast
import datetime



def _get_kwargs(
    venue: str,
    *,
    start: datetime.date,
    end: datetime.date,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_start = start.isoformat()
    params["start"] = json_start

    json_end = end.isoformat()
    params["end"] = json_end


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calendars/{venue}".format(venue=quote(str(venue), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VenueSessionsOut | None:
    if response.status_code == 200:
        response_200 = VenueSessionsOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | VenueSessionsOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    venue: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date,
    end: datetime.date,

) -> Response[Problem | VenueSessionsOut]:
    """ A venue's sessions, holidays and early closes over a range of days

     The sessions of `venue` (XNYS, XNAS, CMES, CRYPTO, FX) whose trading day lies in [`start`, `end`]
    (YYYY-MM-DD, both included, at most 366 days): each with its open and close in UTC and in the
    venue's local time, and whether it closes early. A weekday without a session is a holiday. The pre-
    trade gate's trading-hours control reads the same calendars.

    Args:
        venue (str):
        start (datetime.date):
        end (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VenueSessionsOut]
     """


    kwargs = _get_kwargs(
        venue=venue,
start=start,
end=end,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    venue: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date,
    end: datetime.date,

) -> Problem | VenueSessionsOut | None:
    """ A venue's sessions, holidays and early closes over a range of days

     The sessions of `venue` (XNYS, XNAS, CMES, CRYPTO, FX) whose trading day lies in [`start`, `end`]
    (YYYY-MM-DD, both included, at most 366 days): each with its open and close in UTC and in the
    venue's local time, and whether it closes early. A weekday without a session is a holiday. The pre-
    trade gate's trading-hours control reads the same calendars.

    Args:
        venue (str):
        start (datetime.date):
        end (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VenueSessionsOut
     """


    return sync_detailed(
        venue=venue,
client=client,
start=start,
end=end,

    ).parsed

async def asyncio_detailed(
    venue: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date,
    end: datetime.date,

) -> Response[Problem | VenueSessionsOut]:
    """ A venue's sessions, holidays and early closes over a range of days

     The sessions of `venue` (XNYS, XNAS, CMES, CRYPTO, FX) whose trading day lies in [`start`, `end`]
    (YYYY-MM-DD, both included, at most 366 days): each with its open and close in UTC and in the
    venue's local time, and whether it closes early. A weekday without a session is a holiday. The pre-
    trade gate's trading-hours control reads the same calendars.

    Args:
        venue (str):
        start (datetime.date):
        end (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VenueSessionsOut]
     """


    kwargs = _get_kwargs(
        venue=venue,
start=start,
end=end,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    venue: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date,
    end: datetime.date,

) -> Problem | VenueSessionsOut | None:
    """ A venue's sessions, holidays and early closes over a range of days

     The sessions of `venue` (XNYS, XNAS, CMES, CRYPTO, FX) whose trading day lies in [`start`, `end`]
    (YYYY-MM-DD, both included, at most 366 days): each with its open and close in UTC and in the
    venue's local time, and whether it closes early. A weekday without a session is a holiday. The pre-
    trade gate's trading-hours control reads the same calendars.

    Args:
        venue (str):
        start (datetime.date):
        end (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VenueSessionsOut
     """


    return (await asyncio_detailed(
        venue=venue,
client=client,
start=start,
end=end,

    )).parsed
