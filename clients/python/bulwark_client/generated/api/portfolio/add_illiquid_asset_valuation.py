from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.illiquid_asset_detail_out import IlliquidAssetDetailOut
from ...models.problem import Problem
from ...models.valuation_in import ValuationIn
from typing import cast



def _get_kwargs(
    asset_id: str,
    *,
    body: ValuationIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/planning/illiquid-assets/{asset_id}/valuations".format(asset_id=quote(str(asset_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IlliquidAssetDetailOut | Problem | None:
    if response.status_code == 201:
        response_201 = IlliquidAssetDetailOut.from_dict(response.json())



        return response_201

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
    body: ValuationIn,

) -> Response[IlliquidAssetDetailOut | Problem]:
    """ Record a manual valuation (appraisal, broker opinion, capital account, ...)

     One a day, append-only: 409 DUPLICATE_VALUATION for a second on the same date. 422
    INVALID_ILLIQUID_ASSET names the field: as_of before acquisition or after today, value < 0, an
    unknown method. Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND.

    Args:
        asset_id (str):
        body (ValuationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IlliquidAssetDetailOut | Problem]
     """


    kwargs = _get_kwargs(
        asset_id=asset_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ValuationIn,

) -> IlliquidAssetDetailOut | Problem | None:
    """ Record a manual valuation (appraisal, broker opinion, capital account, ...)

     One a day, append-only: 409 DUPLICATE_VALUATION for a second on the same date. 422
    INVALID_ILLIQUID_ASSET names the field: as_of before acquisition or after today, value < 0, an
    unknown method. Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND.

    Args:
        asset_id (str):
        body (ValuationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IlliquidAssetDetailOut | Problem
     """


    return sync_detailed(
        asset_id=asset_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ValuationIn,

) -> Response[IlliquidAssetDetailOut | Problem]:
    """ Record a manual valuation (appraisal, broker opinion, capital account, ...)

     One a day, append-only: 409 DUPLICATE_VALUATION for a second on the same date. 422
    INVALID_ILLIQUID_ASSET names the field: as_of before acquisition or after today, value < 0, an
    unknown method. Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND.

    Args:
        asset_id (str):
        body (ValuationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IlliquidAssetDetailOut | Problem]
     """


    kwargs = _get_kwargs(
        asset_id=asset_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ValuationIn,

) -> IlliquidAssetDetailOut | Problem | None:
    """ Record a manual valuation (appraisal, broker opinion, capital account, ...)

     One a day, append-only: 409 DUPLICATE_VALUATION for a second on the same date. 422
    INVALID_ILLIQUID_ASSET names the field: as_of before acquisition or after today, value < 0, an
    unknown method. Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND.

    Args:
        asset_id (str):
        body (ValuationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IlliquidAssetDetailOut | Problem
     """


    return (await asyncio_detailed(
        asset_id=asset_id,
client=client,
body=body,

    )).parsed
