from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.deleverage_in import DeleverageIn
from ...models.deleverage_plan_out import DeleveragePlanOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    account_id: str,
    *,
    body: DeleverageIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/margin/{account_id}/deleverage-plan".format(account_id=quote(str(account_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeleveragePlanOut | Problem | None:
    if response.status_code == 200:
        response_200 = DeleveragePlanOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeleveragePlanOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DeleverageIn,

) -> Response[DeleveragePlanOut | Problem]:
    """ Plan the fewest reductions restoring a margin buffer

     A proposal only: no order is sent. `target_buffer` is a fraction in [0, 1). Steps release the
    largest maintenance requirements first, the last one in part (whole lots); `reaches_target` is false
    when closing everything falls short. 404 NOT_FOUND, 422 INVALID_MARGIN_TARGET, 422
    MARGIN_INPUT_INVALID.

    Args:
        account_id (str):
        body (DeleverageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleveragePlanOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DeleverageIn,

) -> DeleveragePlanOut | Problem | None:
    """ Plan the fewest reductions restoring a margin buffer

     A proposal only: no order is sent. `target_buffer` is a fraction in [0, 1). Steps release the
    largest maintenance requirements first, the last one in part (whole lots); `reaches_target` is false
    when closing everything falls short. 404 NOT_FOUND, 422 INVALID_MARGIN_TARGET, 422
    MARGIN_INPUT_INVALID.

    Args:
        account_id (str):
        body (DeleverageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleveragePlanOut | Problem
     """


    return sync_detailed(
        account_id=account_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DeleverageIn,

) -> Response[DeleveragePlanOut | Problem]:
    """ Plan the fewest reductions restoring a margin buffer

     A proposal only: no order is sent. `target_buffer` is a fraction in [0, 1). Steps release the
    largest maintenance requirements first, the last one in part (whole lots); `reaches_target` is false
    when closing everything falls short. 404 NOT_FOUND, 422 INVALID_MARGIN_TARGET, 422
    MARGIN_INPUT_INVALID.

    Args:
        account_id (str):
        body (DeleverageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleveragePlanOut | Problem]
     """


    kwargs = _get_kwargs(
        account_id=account_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DeleverageIn,

) -> DeleveragePlanOut | Problem | None:
    """ Plan the fewest reductions restoring a margin buffer

     A proposal only: no order is sent. `target_buffer` is a fraction in [0, 1). Steps release the
    largest maintenance requirements first, the last one in part (whole lots); `reaches_target` is false
    when closing everything falls short. 404 NOT_FOUND, 422 INVALID_MARGIN_TARGET, 422
    MARGIN_INPUT_INVALID.

    Args:
        account_id (str):
        body (DeleverageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleveragePlanOut | Problem
     """


    return (await asyncio_detailed(
        account_id=account_id,
client=client,
body=body,

    )).parsed
