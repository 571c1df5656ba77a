from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.illiquid_asset_detail_out import IlliquidAssetDetailOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    asset_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/planning/illiquid-assets/{asset_id}".format(asset_id=quote(str(asset_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IlliquidAssetDetailOut | Problem | None:
    if response.status_code == 200:
        response_200 = IlliquidAssetDetailOut.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IlliquidAssetDetailOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[IlliquidAssetDetailOut | Problem]:
    """ One asset: its valuations and appreciation history

     The cost point, then each valuation by date, with the change from the previous point, the total
    return since cost and its annualised rate (ACT/365), and whether the latest value is stale (over 365
    days old). Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND.

    Args:
        asset_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IlliquidAssetDetailOut | Problem]
     """


    kwargs = _get_kwargs(
        asset_id=asset_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> IlliquidAssetDetailOut | Problem | None:
    """ One asset: its valuations and appreciation history

     The cost point, then each valuation by date, with the change from the previous point, the total
    return since cost and its annualised rate (ACT/365), and whether the latest value is stale (over 365
    days old). Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND.

    Args:
        asset_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IlliquidAssetDetailOut | Problem
     """


    return sync_detailed(
        asset_id=asset_id,
client=client,

    ).parsed

async def asyncio_detailed(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[IlliquidAssetDetailOut | Problem]:
    """ One asset: its valuations and appreciation history

     The cost point, then each valuation by date, with the change from the previous point, the total
    return since cost and its annualised rate (ACT/365), and whether the latest value is stale (over 365
    days old). Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND.

    Args:
        asset_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IlliquidAssetDetailOut | Problem]
     """


    kwargs = _get_kwargs(
        asset_id=asset_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> IlliquidAssetDetailOut | Problem | None:
    """ One asset: its valuations and appreciation history

     The cost point, then each valuation by date, with the change from the previous point, the total
    return since cost and its annualised rate (ACT/365), and whether the latest value is stale (over 365
    days old). Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND.

    Args:
        asset_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IlliquidAssetDetailOut | Problem
     """


    return (await asyncio_detailed(
        asset_id=asset_id,
client=client,

    )).parsed
