from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model_record_out import ModelRecordOut
from ...models.period import Period
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    name: str,
    *,
    start: datetime.datetime | None | Unset = UNSET,
    end: datetime.datetime | None | Unset = UNSET,
    period: Period | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.datetime):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.datetime):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/models/{name}/record".format(name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ModelRecordOut | Problem | None:
    if response.status_code == 200:
        response_200 = ModelRecordOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ModelRecordOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.datetime | None | Unset = UNSET,
    end: datetime.datetime | None | Unset = UNSET,
    period: Period | Unset = UNSET,

) -> Response[ModelRecordOut | Problem]:
    """ A model's record: hit rate, calibration and input drift per version and period

     Models: ai-reviewer, risk-rater, sentiment. `start`/`end` default to the last 30 days (at most 366);
    `period` day, week or month (UTC). Drift: the largest PSI over the inputs against the reference days
    before `start`.

    Args:
        name (str):
        start (datetime.datetime | None | Unset):
        end (datetime.datetime | None | Unset):
        period (Period | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelRecordOut | Problem]
     """


    kwargs = _get_kwargs(
        name=name,
start=start,
end=end,
period=period,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.datetime | None | Unset = UNSET,
    end: datetime.datetime | None | Unset = UNSET,
    period: Period | Unset = UNSET,

) -> ModelRecordOut | Problem | None:
    """ A model's record: hit rate, calibration and input drift per version and period

     Models: ai-reviewer, risk-rater, sentiment. `start`/`end` default to the last 30 days (at most 366);
    `period` day, week or month (UTC). Drift: the largest PSI over the inputs against the reference days
    before `start`.

    Args:
        name (str):
        start (datetime.datetime | None | Unset):
        end (datetime.datetime | None | Unset):
        period (Period | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelRecordOut | Problem
     """


    return sync_detailed(
        name=name,
client=client,
start=start,
end=end,
period=period,

    ).parsed

async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.datetime | None | Unset = UNSET,
    end: datetime.datetime | None | Unset = UNSET,
    period: Period | Unset = UNSET,

) -> Response[ModelRecordOut | Problem]:
    """ A model's record: hit rate, calibration and input drift per version and period

     Models: ai-reviewer, risk-rater, sentiment. `start`/`end` default to the last 30 days (at most 366);
    `period` day, week or month (UTC). Drift: the largest PSI over the inputs against the reference days
    before `start`.

    Args:
        name (str):
        start (datetime.datetime | None | Unset):
        end (datetime.datetime | None | Unset):
        period (Period | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelRecordOut | Problem]
     """


    kwargs = _get_kwargs(
        name=name,
start=start,
end=end,
period=period,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.datetime | None | Unset = UNSET,
    end: datetime.datetime | None | Unset = UNSET,
    period: Period | Unset = UNSET,

) -> ModelRecordOut | Problem | None:
    """ A model's record: hit rate, calibration and input drift per version and period

     Models: ai-reviewer, risk-rater, sentiment. `start`/`end` default to the last 30 days (at most 366);
    `period` day, week or month (UTC). Drift: the largest PSI over the inputs against the reference days
    before `start`.

    Args:
        name (str):
        start (datetime.datetime | None | Unset):
        end (datetime.datetime | None | Unset):
        period (Period | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelRecordOut | Problem
     """


    return (await asyncio_detailed(
        name=name,
client=client,
start=start,
end=end,
period=period,

    )).parsed
