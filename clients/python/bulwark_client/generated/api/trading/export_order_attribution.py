from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_order_attribution_format import ExportOrderAttributionFormat
from ...models.order_attribution_row_out import OrderAttributionRowOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    from_: str,
    to: str,
    format_: ExportOrderAttributionFormat | Unset = ExportOrderAttributionFormat.JSON,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orders/attribution",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[OrderAttributionRowOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = OrderAttributionRowOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[OrderAttributionRowOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: str,
    to: str,
    format_: ExportOrderAttributionFormat | Unset = ExportOrderAttributionFormat.JSON,

) -> Response[Problem | list[OrderAttributionRowOut]]:
    """ The orders of a period with their attribution (CSV or JSON, streamed)

     Every order placed from `from` (inclusive) to `to` (a date: that day included; a time: excluded),
    oldest first: the algorithm and its version, the agent or strategy, the person responsible, the
    client (the account's owner), the channel, the gate's decision and the order's state. Risk officers,
    admins and viewers get every account's orders; anyone else their own accounts'; agents 403.
    `format=csv` (text/csv, a header row, cells starting with = + - @ get a leading ') or `json` (a JSON
    list, the default). Streamed page by page. 400 INVALID_EXPORT_PERIOD names the bad bound. Audited
    (`orders.export`).

    Args:
        from_ (str): A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)
        to (str): A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)
        format_ (ExportOrderAttributionFormat | Unset): json (default) or csv Default:
            ExportOrderAttributionFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[OrderAttributionRowOut]]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: str,
    to: str,
    format_: ExportOrderAttributionFormat | Unset = ExportOrderAttributionFormat.JSON,

) -> Problem | list[OrderAttributionRowOut] | None:
    """ The orders of a period with their attribution (CSV or JSON, streamed)

     Every order placed from `from` (inclusive) to `to` (a date: that day included; a time: excluded),
    oldest first: the algorithm and its version, the agent or strategy, the person responsible, the
    client (the account's owner), the channel, the gate's decision and the order's state. Risk officers,
    admins and viewers get every account's orders; anyone else their own accounts'; agents 403.
    `format=csv` (text/csv, a header row, cells starting with = + - @ get a leading ') or `json` (a JSON
    list, the default). Streamed page by page. 400 INVALID_EXPORT_PERIOD names the bad bound. Audited
    (`orders.export`).

    Args:
        from_ (str): A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)
        to (str): A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)
        format_ (ExportOrderAttributionFormat | Unset): json (default) or csv Default:
            ExportOrderAttributionFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[OrderAttributionRowOut]
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
format_=format_,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: str,
    to: str,
    format_: ExportOrderAttributionFormat | Unset = ExportOrderAttributionFormat.JSON,

) -> Response[Problem | list[OrderAttributionRowOut]]:
    """ The orders of a period with their attribution (CSV or JSON, streamed)

     Every order placed from `from` (inclusive) to `to` (a date: that day included; a time: excluded),
    oldest first: the algorithm and its version, the agent or strategy, the person responsible, the
    client (the account's owner), the channel, the gate's decision and the order's state. Risk officers,
    admins and viewers get every account's orders; anyone else their own accounts'; agents 403.
    `format=csv` (text/csv, a header row, cells starting with = + - @ get a leading ') or `json` (a JSON
    list, the default). Streamed page by page. 400 INVALID_EXPORT_PERIOD names the bad bound. Audited
    (`orders.export`).

    Args:
        from_ (str): A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)
        to (str): A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)
        format_ (ExportOrderAttributionFormat | Unset): json (default) or csv Default:
            ExportOrderAttributionFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[OrderAttributionRowOut]]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: str,
    to: str,
    format_: ExportOrderAttributionFormat | Unset = ExportOrderAttributionFormat.JSON,

) -> Problem | list[OrderAttributionRowOut] | None:
    """ The orders of a period with their attribution (CSV or JSON, streamed)

     Every order placed from `from` (inclusive) to `to` (a date: that day included; a time: excluded),
    oldest first: the algorithm and its version, the agent or strategy, the person responsible, the
    client (the account's owner), the channel, the gate's decision and the order's state. Risk officers,
    admins and viewers get every account's orders; anyone else their own accounts'; agents 403.
    `format=csv` (text/csv, a header row, cells starting with = + - @ get a leading ') or `json` (a JSON
    list, the default). Streamed page by page. 400 INVALID_EXPORT_PERIOD names the bad bound. Audited
    (`orders.export`).

    Args:
        from_ (str): A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)
        to (str): A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)
        format_ (ExportOrderAttributionFormat | Unset): json (default) or csv Default:
            ExportOrderAttributionFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[OrderAttributionRowOut]
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
format_=format_,

    )).parsed
