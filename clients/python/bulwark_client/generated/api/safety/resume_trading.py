from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.resume_in import ResumeIn
from ...models.scope_state_out import ScopeStateOut
from typing import cast



def _get_kwargs(
    *,
    body: ResumeIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/kill-switch/resume",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ScopeStateOut | None:
    if response.status_code == 200:
        response_200 = ScopeStateOut.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ScopeStateOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ResumeIn,

) -> Response[Problem | ScopeStateOut]:
    """ Resume a halted scope (four-eyes: a risk officer approves)

     200 with the scope's new state. A second person with the risk-officer role names themselves
    (`approver_username`) and enters their own passcode (`approver_passcode`). 403 FOUR_EYES_REQUIRED
    when the approval is missing or the approver is not a different risk officer; 403 WRONG_PASSCODE for
    either passcode; 423 KILL_SWITCH_LOCKED; 404 NOT_FOUND for a scope not the caller's.

    Args:
        body (ResumeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScopeStateOut]
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
    body: ResumeIn,

) -> Problem | ScopeStateOut | None:
    """ Resume a halted scope (four-eyes: a risk officer approves)

     200 with the scope's new state. A second person with the risk-officer role names themselves
    (`approver_username`) and enters their own passcode (`approver_passcode`). 403 FOUR_EYES_REQUIRED
    when the approval is missing or the approver is not a different risk officer; 403 WRONG_PASSCODE for
    either passcode; 423 KILL_SWITCH_LOCKED; 404 NOT_FOUND for a scope not the caller's.

    Args:
        body (ResumeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScopeStateOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ResumeIn,

) -> Response[Problem | ScopeStateOut]:
    """ Resume a halted scope (four-eyes: a risk officer approves)

     200 with the scope's new state. A second person with the risk-officer role names themselves
    (`approver_username`) and enters their own passcode (`approver_passcode`). 403 FOUR_EYES_REQUIRED
    when the approval is missing or the approver is not a different risk officer; 403 WRONG_PASSCODE for
    either passcode; 423 KILL_SWITCH_LOCKED; 404 NOT_FOUND for a scope not the caller's.

    Args:
        body (ResumeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScopeStateOut]
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
    body: ResumeIn,

) -> Problem | ScopeStateOut | None:
    """ Resume a halted scope (four-eyes: a risk officer approves)

     200 with the scope's new state. A second person with the risk-officer role names themselves
    (`approver_username`) and enters their own passcode (`approver_passcode`). 403 FOUR_EYES_REQUIRED
    when the approval is missing or the approver is not a different risk officer; 403 WRONG_PASSCODE for
    either passcode; 423 KILL_SWITCH_LOCKED; 404 NOT_FOUND for a scope not the caller's.

    Args:
        body (ResumeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScopeStateOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
