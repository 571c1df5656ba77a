from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calendar_out import CalendarOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    filings: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    else:
        json_end = end
    params["end"] = json_end

    json_filings: None | str | Unset
    if isinstance(filings, Unset):
        json_filings = UNSET
    else:
        json_filings = filings
    params["filings"] = json_filings


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/planning/filing-calendar",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CalendarOut | Problem | None:
    if response.status_code == 200:
        response_200 = CalendarOut.from_dict(response.json())



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

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CalendarOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    filings: None | str | Unset = UNSET,

) -> Response[CalendarOut | Problem]:
    """ Filing deadlines in a window: 13F-HR, Schedule 13G amendments, estimated tax

     Deadlines due in [`start`, `end`] (defaults: today, UTC; a year later; at most three years) of
    `filings` (comma-separated: 13F-HR, SC 13G/A, 1040-ES; default all): the period, its end, the
    nominal date, the due date after weekends and holidays with the days skipped, the calendar (sec:
    EDGAR business days; irs: 26 U.S.C. 7503 with DC Emancipation Day) and the rule. 422
    INVALID_FILING_INPUT naming the parameter.

    Args:
        start (None | str | Unset):
        end (None | str | Unset):
        filings (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarOut | Problem]
     """


    kwargs = _get_kwargs(
        start=start,
end=end,
filings=filings,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    filings: None | str | Unset = UNSET,

) -> CalendarOut | Problem | None:
    """ Filing deadlines in a window: 13F-HR, Schedule 13G amendments, estimated tax

     Deadlines due in [`start`, `end`] (defaults: today, UTC; a year later; at most three years) of
    `filings` (comma-separated: 13F-HR, SC 13G/A, 1040-ES; default all): the period, its end, the
    nominal date, the due date after weekends and holidays with the days skipped, the calendar (sec:
    EDGAR business days; irs: 26 U.S.C. 7503 with DC Emancipation Day) and the rule. 422
    INVALID_FILING_INPUT naming the parameter.

    Args:
        start (None | str | Unset):
        end (None | str | Unset):
        filings (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarOut | Problem
     """


    return sync_detailed(
        client=client,
start=start,
end=end,
filings=filings,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    filings: None | str | Unset = UNSET,

) -> Response[CalendarOut | Problem]:
    """ Filing deadlines in a window: 13F-HR, Schedule 13G amendments, estimated tax

     Deadlines due in [`start`, `end`] (defaults: today, UTC; a year later; at most three years) of
    `filings` (comma-separated: 13F-HR, SC 13G/A, 1040-ES; default all): the period, its end, the
    nominal date, the due date after weekends and holidays with the days skipped, the calendar (sec:
    EDGAR business days; irs: 26 U.S.C. 7503 with DC Emancipation Day) and the rule. 422
    INVALID_FILING_INPUT naming the parameter.

    Args:
        start (None | str | Unset):
        end (None | str | Unset):
        filings (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarOut | Problem]
     """


    kwargs = _get_kwargs(
        start=start,
end=end,
filings=filings,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    start: None | str | Unset = UNSET,
    end: None | str | Unset = UNSET,
    filings: None | str | Unset = UNSET,

) -> CalendarOut | Problem | None:
    """ Filing deadlines in a window: 13F-HR, Schedule 13G amendments, estimated tax

     Deadlines due in [`start`, `end`] (defaults: today, UTC; a year later; at most three years) of
    `filings` (comma-separated: 13F-HR, SC 13G/A, 1040-ES; default all): the period, its end, the
    nominal date, the due date after weekends and holidays with the days skipped, the calendar (sec:
    EDGAR business days; irs: 26 U.S.C. 7503 with DC Emancipation Day) and the rule. 422
    INVALID_FILING_INPUT naming the parameter.

    Args:
        start (None | str | Unset):
        end (None | str | Unset):
        filings (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
start=start,
end=end,
filings=filings,

    )).parsed
