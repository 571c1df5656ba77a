from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_page_out import AuditPageOut
from ...models.list_audit_entries_format import ListAuditEntriesFormat
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: ListAuditEntriesFormat | Unset = ListAuditEntriesFormat.JSON,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_actor: None | str | Unset
    if isinstance(actor, Unset):
        json_actor = UNSET
    else:
        json_actor = actor
    params["actor"] = json_actor

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_subject: None | str | Unset
    if isinstance(subject, Unset):
        json_subject = UNSET
    else:
        json_subject = subject
    params["subject"] = json_subject

    json_outcome: None | str | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_request_id: None | str | Unset
    if isinstance(request_id, Unset):
        json_request_id = UNSET
    else:
        json_request_id = request_id
    params["request_id"] = json_request_id

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPageOut | Problem | None:
    if response.status_code == 200:
        response_200 = AuditPageOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: ListAuditEntriesFormat | Unset = ListAuditEntriesFormat.JSON,

) -> Response[AuditPageOut | Problem]:
    """ Audit entries, newest first, with a cursor (JSON, or CSV with format=csv)

     Filters: actor, action (exact, or a prefix as `killswitch.*`), subject, outcome, from (inclusive) /
    to (exclusive) on the entry's time, request_id. Pass `next_cursor` back as `cursor`. `format=csv`
    answers text/csv (a header row; cells starting with = + - @ get a leading ') with the next cursor in
    the X-Next-Cursor header. Each entry carries its seq and hash. Risk officers and admins see every
    entry; owners and traders the entries they are the actor of or whose subject is theirs (user:<id>,
    succession:<id>, login:<username>, and account:<id> / agent:<id> of what they own); agents 403. 400
    VALIDATION_ERROR / INVALID_AUDIT_QUERY / INVALID_CURSOR name the bad parameter.

    Args:
        actor (None | str | Unset):
        action (None | str | Unset): An action, or a prefix ending in `.*` (`killswitch.*`)
        subject (None | str | Unset):
        outcome (None | str | Unset):
        from_ (datetime.datetime | None | Unset): From this time, inclusive
        to (datetime.datetime | None | Unset): Before this time
        request_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.
        format_ (ListAuditEntriesFormat | Unset): json (default) or csv Default:
            ListAuditEntriesFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPageOut | Problem]
     """


    kwargs = _get_kwargs(
        actor=actor,
action=action,
subject=subject,
outcome=outcome,
from_=from_,
to=to,
request_id=request_id,
cursor=cursor,
limit=limit,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: ListAuditEntriesFormat | Unset = ListAuditEntriesFormat.JSON,

) -> AuditPageOut | Problem | None:
    """ Audit entries, newest first, with a cursor (JSON, or CSV with format=csv)

     Filters: actor, action (exact, or a prefix as `killswitch.*`), subject, outcome, from (inclusive) /
    to (exclusive) on the entry's time, request_id. Pass `next_cursor` back as `cursor`. `format=csv`
    answers text/csv (a header row; cells starting with = + - @ get a leading ') with the next cursor in
    the X-Next-Cursor header. Each entry carries its seq and hash. Risk officers and admins see every
    entry; owners and traders the entries they are the actor of or whose subject is theirs (user:<id>,
    succession:<id>, login:<username>, and account:<id> / agent:<id> of what they own); agents 403. 400
    VALIDATION_ERROR / INVALID_AUDIT_QUERY / INVALID_CURSOR name the bad parameter.

    Args:
        actor (None | str | Unset):
        action (None | str | Unset): An action, or a prefix ending in `.*` (`killswitch.*`)
        subject (None | str | Unset):
        outcome (None | str | Unset):
        from_ (datetime.datetime | None | Unset): From this time, inclusive
        to (datetime.datetime | None | Unset): Before this time
        request_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.
        format_ (ListAuditEntriesFormat | Unset): json (default) or csv Default:
            ListAuditEntriesFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPageOut | Problem
     """


    return sync_detailed(
        client=client,
actor=actor,
action=action,
subject=subject,
outcome=outcome,
from_=from_,
to=to,
request_id=request_id,
cursor=cursor,
limit=limit,
format_=format_,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: ListAuditEntriesFormat | Unset = ListAuditEntriesFormat.JSON,

) -> Response[AuditPageOut | Problem]:
    """ Audit entries, newest first, with a cursor (JSON, or CSV with format=csv)

     Filters: actor, action (exact, or a prefix as `killswitch.*`), subject, outcome, from (inclusive) /
    to (exclusive) on the entry's time, request_id. Pass `next_cursor` back as `cursor`. `format=csv`
    answers text/csv (a header row; cells starting with = + - @ get a leading ') with the next cursor in
    the X-Next-Cursor header. Each entry carries its seq and hash. Risk officers and admins see every
    entry; owners and traders the entries they are the actor of or whose subject is theirs (user:<id>,
    succession:<id>, login:<username>, and account:<id> / agent:<id> of what they own); agents 403. 400
    VALIDATION_ERROR / INVALID_AUDIT_QUERY / INVALID_CURSOR name the bad parameter.

    Args:
        actor (None | str | Unset):
        action (None | str | Unset): An action, or a prefix ending in `.*` (`killswitch.*`)
        subject (None | str | Unset):
        outcome (None | str | Unset):
        from_ (datetime.datetime | None | Unset): From this time, inclusive
        to (datetime.datetime | None | Unset): Before this time
        request_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.
        format_ (ListAuditEntriesFormat | Unset): json (default) or csv Default:
            ListAuditEntriesFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPageOut | Problem]
     """


    kwargs = _get_kwargs(
        actor=actor,
action=action,
subject=subject,
outcome=outcome,
from_=from_,
to=to,
request_id=request_id,
cursor=cursor,
limit=limit,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    subject: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: ListAuditEntriesFormat | Unset = ListAuditEntriesFormat.JSON,

) -> AuditPageOut | Problem | None:
    """ Audit entries, newest first, with a cursor (JSON, or CSV with format=csv)

     Filters: actor, action (exact, or a prefix as `killswitch.*`), subject, outcome, from (inclusive) /
    to (exclusive) on the entry's time, request_id. Pass `next_cursor` back as `cursor`. `format=csv`
    answers text/csv (a header row; cells starting with = + - @ get a leading ') with the next cursor in
    the X-Next-Cursor header. Each entry carries its seq and hash. Risk officers and admins see every
    entry; owners and traders the entries they are the actor of or whose subject is theirs (user:<id>,
    succession:<id>, login:<username>, and account:<id> / agent:<id> of what they own); agents 403. 400
    VALIDATION_ERROR / INVALID_AUDIT_QUERY / INVALID_CURSOR name the bad parameter.

    Args:
        actor (None | str | Unset):
        action (None | str | Unset): An action, or a prefix ending in `.*` (`killswitch.*`)
        subject (None | str | Unset):
        outcome (None | str | Unset):
        from_ (datetime.datetime | None | Unset): From this time, inclusive
        to (datetime.datetime | None | Unset): Before this time
        request_id (None | str | Unset):
        cursor (None | str | Unset):
        limit (int | Unset):  Default: 50.
        format_ (ListAuditEntriesFormat | Unset): json (default) or csv Default:
            ListAuditEntriesFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPageOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
actor=actor,
action=action,
subject=subject,
outcome=outcome,
from_=from_,
to=to,
request_id=request_id,
cursor=cursor,
limit=limit,
format_=format_,

    )).parsed
