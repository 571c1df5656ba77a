from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.evidence_pack_out import EvidencePackOut
from ...models.get_evidence_pack_format import GetEvidencePackFormat
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    from_: datetime.datetime,
    to: datetime.datetime,
    account_id: None | str | Unset = UNSET,
    book_id: None | str | Unset = UNSET,
    format_: GetEvidencePackFormat | Unset = GetEvidencePackFormat.JSON,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_book_id: None | str | Unset
    if isinstance(book_id, Unset):
        json_book_id = UNSET
    else:
        json_book_id = book_id
    params["book_id"] = json_book_id

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/compliance/evidence",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EvidencePackOut | Problem | None:
    if response.status_code == 200:
        response_200 = EvidencePackOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EvidencePackOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.datetime,
    to: datetime.datetime,
    account_id: None | str | Unset = UNSET,
    book_id: None | str | Unset = UNSET,
    format_: GetEvidencePackFormat | Unset = GetEvidencePackFormat.JSON,

) -> Response[EvidencePackOut | Problem]:
    """ The signed evidence pack of a period and a scope

     For [from, to) (at most 366 days) and the caller's accounts, one `account_id` or one `book_id`: the
    control inventory, the limits that apply, the denials by reason code per day, the kill-switch
    drills, the kill-switch activations with each venue's outcome, the surveillance cases and their
    resolution, and the audit chain (its head; verified for an admin, else the count of the period's
    entries the caller may see). `digest` is the SHA-256 of the content's canonical JSON; each call
    records a `compliance.evidence_pack` audit entry with it, anchoring the pack in the chain. Scope
    rules as the control inventory's: agents 403, an account or a book not the caller's 404.
    `format=html` answers the pack as one self-contained, printable HTML page (inline CSS and SVG
    charts), `format=pdf` as a PDF; both show the same digest.

    Args:
        from_ (datetime.datetime): From, inclusive
        to (datetime.datetime): Until, exclusive
        account_id (None | str | Unset): One account
        book_id (None | str | Unset): One book
        format_ (GetEvidencePackFormat | Unset): json (default), html or pdf Default:
            GetEvidencePackFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidencePackOut | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
account_id=account_id,
book_id=book_id,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.datetime,
    to: datetime.datetime,
    account_id: None | str | Unset = UNSET,
    book_id: None | str | Unset = UNSET,
    format_: GetEvidencePackFormat | Unset = GetEvidencePackFormat.JSON,

) -> EvidencePackOut | Problem | None:
    """ The signed evidence pack of a period and a scope

     For [from, to) (at most 366 days) and the caller's accounts, one `account_id` or one `book_id`: the
    control inventory, the limits that apply, the denials by reason code per day, the kill-switch
    drills, the kill-switch activations with each venue's outcome, the surveillance cases and their
    resolution, and the audit chain (its head; verified for an admin, else the count of the period's
    entries the caller may see). `digest` is the SHA-256 of the content's canonical JSON; each call
    records a `compliance.evidence_pack` audit entry with it, anchoring the pack in the chain. Scope
    rules as the control inventory's: agents 403, an account or a book not the caller's 404.
    `format=html` answers the pack as one self-contained, printable HTML page (inline CSS and SVG
    charts), `format=pdf` as a PDF; both show the same digest.

    Args:
        from_ (datetime.datetime): From, inclusive
        to (datetime.datetime): Until, exclusive
        account_id (None | str | Unset): One account
        book_id (None | str | Unset): One book
        format_ (GetEvidencePackFormat | Unset): json (default), html or pdf Default:
            GetEvidencePackFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidencePackOut | Problem
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
account_id=account_id,
book_id=book_id,
format_=format_,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.datetime,
    to: datetime.datetime,
    account_id: None | str | Unset = UNSET,
    book_id: None | str | Unset = UNSET,
    format_: GetEvidencePackFormat | Unset = GetEvidencePackFormat.JSON,

) -> Response[EvidencePackOut | Problem]:
    """ The signed evidence pack of a period and a scope

     For [from, to) (at most 366 days) and the caller's accounts, one `account_id` or one `book_id`: the
    control inventory, the limits that apply, the denials by reason code per day, the kill-switch
    drills, the kill-switch activations with each venue's outcome, the surveillance cases and their
    resolution, and the audit chain (its head; verified for an admin, else the count of the period's
    entries the caller may see). `digest` is the SHA-256 of the content's canonical JSON; each call
    records a `compliance.evidence_pack` audit entry with it, anchoring the pack in the chain. Scope
    rules as the control inventory's: agents 403, an account or a book not the caller's 404.
    `format=html` answers the pack as one self-contained, printable HTML page (inline CSS and SVG
    charts), `format=pdf` as a PDF; both show the same digest.

    Args:
        from_ (datetime.datetime): From, inclusive
        to (datetime.datetime): Until, exclusive
        account_id (None | str | Unset): One account
        book_id (None | str | Unset): One book
        format_ (GetEvidencePackFormat | Unset): json (default), html or pdf Default:
            GetEvidencePackFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidencePackOut | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
account_id=account_id,
book_id=book_id,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.datetime,
    to: datetime.datetime,
    account_id: None | str | Unset = UNSET,
    book_id: None | str | Unset = UNSET,
    format_: GetEvidencePackFormat | Unset = GetEvidencePackFormat.JSON,

) -> EvidencePackOut | Problem | None:
    """ The signed evidence pack of a period and a scope

     For [from, to) (at most 366 days) and the caller's accounts, one `account_id` or one `book_id`: the
    control inventory, the limits that apply, the denials by reason code per day, the kill-switch
    drills, the kill-switch activations with each venue's outcome, the surveillance cases and their
    resolution, and the audit chain (its head; verified for an admin, else the count of the period's
    entries the caller may see). `digest` is the SHA-256 of the content's canonical JSON; each call
    records a `compliance.evidence_pack` audit entry with it, anchoring the pack in the chain. Scope
    rules as the control inventory's: agents 403, an account or a book not the caller's 404.
    `format=html` answers the pack as one self-contained, printable HTML page (inline CSS and SVG
    charts), `format=pdf` as a PDF; both show the same digest.

    Args:
        from_ (datetime.datetime): From, inclusive
        to (datetime.datetime): Until, exclusive
        account_id (None | str | Unset): One account
        book_id (None | str | Unset): One book
        format_ (GetEvidencePackFormat | Unset): json (default), html or pdf Default:
            GetEvidencePackFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidencePackOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
account_id=account_id,
book_id=book_id,
format_=format_,

    )).parsed
