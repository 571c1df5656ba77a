from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.control_inventory_out import ControlInventoryOut
from ...models.get_control_inventory_format import GetControlInventoryFormat
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    owner_id: None | str | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    format_: GetControlInventoryFormat | Unset = GetControlInventoryFormat.JSON,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_owner_id: None | str | Unset
    if isinstance(owner_id, Unset):
        json_owner_id = UNSET
    else:
        json_owner_id = owner_id
    params["owner_id"] = json_owner_id

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/compliance/controls",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ControlInventoryOut | Problem | None:
    if response.status_code == 200:
        response_200 = ControlInventoryOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ControlInventoryOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    owner_id: None | str | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    format_: GetControlInventoryFormat | Unset = GetControlInventoryFormat.JSON,

) -> Response[ControlInventoryOut | Problem]:
    """ The control inventory: requirements and the controls that meet them

     For each of the caller's accounts and books, each requirement of SEC Rule 15c3-5 (c)(1)(i),
    (c)(1)(ii) and (c)(2), FINRA Regulatory Notice 15-09's five areas, MiFID II RTS 6 Art. 12, 13, 15,
    16 and 17 and FINRA's 2026 AI-agent risks, with its status (met, partly_met, gap), the gaps by name,
    and each control it names: whether it is configured for the account (the live rules, book limits,
    account rules, agents' keys, kill switch and surveillance settings), its settings, its last breach
    (the latest denial with its reason code among the account's `denials_read` latest denials) and, for
    the kill switch, its last drill (null: never). A book lists its own part (its limits and its kill
    switch scope). A person sees their own; risk officers, admins and viewers every owner's, or one with
    `owner_id`; agents 403. An `account_id` (or `owner_id`) that is not the caller's answers 404.
    `format=csv` (or Accept: text/csv) answers text/csv, one row per account or book, requirement and
    control (docs/compliance.md).

    Args:
        owner_id (None | str | Unset): One owner's (the desk)
        account_id (None | str | Unset): One account, its books
        format_ (GetControlInventoryFormat | Unset): json (default) or csv Default:
            GetControlInventoryFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlInventoryOut | Problem]
     """


    kwargs = _get_kwargs(
        owner_id=owner_id,
account_id=account_id,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    owner_id: None | str | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    format_: GetControlInventoryFormat | Unset = GetControlInventoryFormat.JSON,

) -> ControlInventoryOut | Problem | None:
    """ The control inventory: requirements and the controls that meet them

     For each of the caller's accounts and books, each requirement of SEC Rule 15c3-5 (c)(1)(i),
    (c)(1)(ii) and (c)(2), FINRA Regulatory Notice 15-09's five areas, MiFID II RTS 6 Art. 12, 13, 15,
    16 and 17 and FINRA's 2026 AI-agent risks, with its status (met, partly_met, gap), the gaps by name,
    and each control it names: whether it is configured for the account (the live rules, book limits,
    account rules, agents' keys, kill switch and surveillance settings), its settings, its last breach
    (the latest denial with its reason code among the account's `denials_read` latest denials) and, for
    the kill switch, its last drill (null: never). A book lists its own part (its limits and its kill
    switch scope). A person sees their own; risk officers, admins and viewers every owner's, or one with
    `owner_id`; agents 403. An `account_id` (or `owner_id`) that is not the caller's answers 404.
    `format=csv` (or Accept: text/csv) answers text/csv, one row per account or book, requirement and
    control (docs/compliance.md).

    Args:
        owner_id (None | str | Unset): One owner's (the desk)
        account_id (None | str | Unset): One account, its books
        format_ (GetControlInventoryFormat | Unset): json (default) or csv Default:
            GetControlInventoryFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlInventoryOut | Problem
     """


    return sync_detailed(
        client=client,
owner_id=owner_id,
account_id=account_id,
format_=format_,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    owner_id: None | str | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    format_: GetControlInventoryFormat | Unset = GetControlInventoryFormat.JSON,

) -> Response[ControlInventoryOut | Problem]:
    """ The control inventory: requirements and the controls that meet them

     For each of the caller's accounts and books, each requirement of SEC Rule 15c3-5 (c)(1)(i),
    (c)(1)(ii) and (c)(2), FINRA Regulatory Notice 15-09's five areas, MiFID II RTS 6 Art. 12, 13, 15,
    16 and 17 and FINRA's 2026 AI-agent risks, with its status (met, partly_met, gap), the gaps by name,
    and each control it names: whether it is configured for the account (the live rules, book limits,
    account rules, agents' keys, kill switch and surveillance settings), its settings, its last breach
    (the latest denial with its reason code among the account's `denials_read` latest denials) and, for
    the kill switch, its last drill (null: never). A book lists its own part (its limits and its kill
    switch scope). A person sees their own; risk officers, admins and viewers every owner's, or one with
    `owner_id`; agents 403. An `account_id` (or `owner_id`) that is not the caller's answers 404.
    `format=csv` (or Accept: text/csv) answers text/csv, one row per account or book, requirement and
    control (docs/compliance.md).

    Args:
        owner_id (None | str | Unset): One owner's (the desk)
        account_id (None | str | Unset): One account, its books
        format_ (GetControlInventoryFormat | Unset): json (default) or csv Default:
            GetControlInventoryFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlInventoryOut | Problem]
     """


    kwargs = _get_kwargs(
        owner_id=owner_id,
account_id=account_id,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    owner_id: None | str | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    format_: GetControlInventoryFormat | Unset = GetControlInventoryFormat.JSON,

) -> ControlInventoryOut | Problem | None:
    """ The control inventory: requirements and the controls that meet them

     For each of the caller's accounts and books, each requirement of SEC Rule 15c3-5 (c)(1)(i),
    (c)(1)(ii) and (c)(2), FINRA Regulatory Notice 15-09's five areas, MiFID II RTS 6 Art. 12, 13, 15,
    16 and 17 and FINRA's 2026 AI-agent risks, with its status (met, partly_met, gap), the gaps by name,
    and each control it names: whether it is configured for the account (the live rules, book limits,
    account rules, agents' keys, kill switch and surveillance settings), its settings, its last breach
    (the latest denial with its reason code among the account's `denials_read` latest denials) and, for
    the kill switch, its last drill (null: never). A book lists its own part (its limits and its kill
    switch scope). A person sees their own; risk officers, admins and viewers every owner's, or one with
    `owner_id`; agents 403. An `account_id` (or `owner_id`) that is not the caller's answers 404.
    `format=csv` (or Accept: text/csv) answers text/csv, one row per account or book, requirement and
    control (docs/compliance.md).

    Args:
        owner_id (None | str | Unset): One owner's (the desk)
        account_id (None | str | Unset): One account, its books
        format_ (GetControlInventoryFormat | Unset): json (default) or csv Default:
            GetControlInventoryFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlInventoryOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
owner_id=owner_id,
account_id=account_id,
format_=format_,

    )).parsed
