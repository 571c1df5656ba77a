from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.deadline_in import DeadlineIn
from ...models.deadline_out import DeadlineOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: DeadlineIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/planning/filing-calendar/deadline",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeadlineOut | Problem | None:
    if response.status_code == 200:
        response_200 = DeadlineOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeadlineOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeadlineIn,

) -> Response[DeadlineOut | Problem]:
    """ The deadline a Schedule 13D or 13G event sets off

     13D (rules in force from 2024-02-05): 5 business days after crossing 5 %, an amendment 2 business
    days after a material change. 13G (from 2024-09-30) by filer type: qii / exempt 45 days after the
    quarter in which 5 % is exceeded at quarter end, a qii above 10 % at a month end 5 business days
    after it; passive 5 business days after crossing 5 %; amendments 45 days after the quarter of a
    material change, qii 5 business days after the month end of crossing 10 % or a 5 % move, passive 2
    business days after it. 422 INVALID_FILING_INPUT naming `filing`, `trigger`, `filer_type` or
    `event_date` (events before the rules).

    Args:
        body (DeadlineIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadlineOut | Problem]
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
    body: DeadlineIn,

) -> DeadlineOut | Problem | None:
    """ The deadline a Schedule 13D or 13G event sets off

     13D (rules in force from 2024-02-05): 5 business days after crossing 5 %, an amendment 2 business
    days after a material change. 13G (from 2024-09-30) by filer type: qii / exempt 45 days after the
    quarter in which 5 % is exceeded at quarter end, a qii above 10 % at a month end 5 business days
    after it; passive 5 business days after crossing 5 %; amendments 45 days after the quarter of a
    material change, qii 5 business days after the month end of crossing 10 % or a 5 % move, passive 2
    business days after it. 422 INVALID_FILING_INPUT naming `filing`, `trigger`, `filer_type` or
    `event_date` (events before the rules).

    Args:
        body (DeadlineIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadlineOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeadlineIn,

) -> Response[DeadlineOut | Problem]:
    """ The deadline a Schedule 13D or 13G event sets off

     13D (rules in force from 2024-02-05): 5 business days after crossing 5 %, an amendment 2 business
    days after a material change. 13G (from 2024-09-30) by filer type: qii / exempt 45 days after the
    quarter in which 5 % is exceeded at quarter end, a qii above 10 % at a month end 5 business days
    after it; passive 5 business days after crossing 5 %; amendments 45 days after the quarter of a
    material change, qii 5 business days after the month end of crossing 10 % or a 5 % move, passive 2
    business days after it. 422 INVALID_FILING_INPUT naming `filing`, `trigger`, `filer_type` or
    `event_date` (events before the rules).

    Args:
        body (DeadlineIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadlineOut | Problem]
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
    body: DeadlineIn,

) -> DeadlineOut | Problem | None:
    """ The deadline a Schedule 13D or 13G event sets off

     13D (rules in force from 2024-02-05): 5 business days after crossing 5 %, an amendment 2 business
    days after a material change. 13G (from 2024-09-30) by filer type: qii / exempt 45 days after the
    quarter in which 5 % is exceeded at quarter end, a qii above 10 % at a month end 5 business days
    after it; passive 5 business days after crossing 5 %; amendments 45 days after the quarter of a
    material change, qii 5 business days after the month end of crossing 10 % or a 5 % move, passive 2
    business days after it. 422 INVALID_FILING_INPUT naming `filing`, `trigger`, `filer_type` or
    `event_date` (events before the rules).

    Args:
        body (DeadlineIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadlineOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
