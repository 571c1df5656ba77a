from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_report_out import ImportReportOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    account_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/instruments/import/alpaca",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportReportOut | Problem | None:
    if response.status_code == 200:
        response_200 = ImportReportOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportReportOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: None | str | Unset = UNSET,

) -> Response[ImportReportOut | Problem]:
    """ Import the broker's active US equities (Alpaca GET /v2/assets)

     With `account_id` (one of the admin's own accounts, else 404), that account's linked Alpaca keys are
    used; else the deployment's own (BULWARK_ALPACA_KEY_ID/SECRET_KEY). 409 ASSET_LIST_UNAVAILABLE when
    Alpaca refuses or cannot be reached; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_BROKER where no
    Alpaca is configured. Admins only (403 FORBIDDEN for anyone else).

    Args:
        account_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReportOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    account_id: None | str | Unset = UNSET,

) -> ImportReportOut | Problem | None:
    """ Import the broker's active US equities (Alpaca GET /v2/assets)

     With `account_id` (one of the admin's own accounts, else 404), that account's linked Alpaca keys are
    used; else the deployment's own (BULWARK_ALPACA_KEY_ID/SECRET_KEY). 409 ASSET_LIST_UNAVAILABLE when
    Alpaca refuses or cannot be reached; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_BROKER where no
    Alpaca is configured. Admins only (403 FORBIDDEN for anyone else).

    Args:
        account_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReportOut | Problem
     """


    return sync_detailed(
        client=client,
account_id=account_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: None | str | Unset = UNSET,

) -> Response[ImportReportOut | Problem]:
    """ Import the broker's active US equities (Alpaca GET /v2/assets)

     With `account_id` (one of the admin's own accounts, else 404), that account's linked Alpaca keys are
    used; else the deployment's own (BULWARK_ALPACA_KEY_ID/SECRET_KEY). 409 ASSET_LIST_UNAVAILABLE when
    Alpaca refuses or cannot be reached; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_BROKER where no
    Alpaca is configured. Admins only (403 FORBIDDEN for anyone else).

    Args:
        account_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReportOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    account_id: None | str | Unset = UNSET,

) -> ImportReportOut | Problem | None:
    """ Import the broker's active US equities (Alpaca GET /v2/assets)

     With `account_id` (one of the admin's own accounts, else 404), that account's linked Alpaca keys are
    used; else the deployment's own (BULWARK_ALPACA_KEY_ID/SECRET_KEY). 409 ASSET_LIST_UNAVAILABLE when
    Alpaca refuses or cannot be reached; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_BROKER where no
    Alpaca is configured. Admins only (403 FORBIDDEN for anyone else).

    Args:
        account_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReportOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
account_id=account_id,

    )).parsed
