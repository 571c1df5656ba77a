from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.proposal_in import ProposalIn
from ...models.proposal_out import ProposalOut
from typing import cast



def _get_kwargs(
    portfolio_id: str,
    *,
    body: ProposalIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/rebalancing/portfolios/{portfolio_id}/proposals".format(portfolio_id=quote(str(portfolio_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProposalOut | None:
    if response.status_code == 201:
        response_201 = ProposalOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProposalOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProposalIn,

) -> Response[Problem | ProposalOut]:
    """ Propose a tax-aware rebalance (dry run: nothing is traded)

     The trades that bring every out-of-band symbol back to target, selling lots in the tax-aware order
    (tax-advantaged accounts, then losses, then long-term gains, short-term last; never a wash sale),
    with each sold lot's estimated realised gain, the turnover, what cannot be brought into band and
    why, and the first safe rebuy day of each symbol sold at a loss. Stored and audited; execute it by
    id. Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (ProposalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalOut]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProposalIn,

) -> Problem | ProposalOut | None:
    """ Propose a tax-aware rebalance (dry run: nothing is traded)

     The trades that bring every out-of-band symbol back to target, selling lots in the tax-aware order
    (tax-advantaged accounts, then losses, then long-term gains, short-term last; never a wash sale),
    with each sold lot's estimated realised gain, the turnover, what cannot be brought into band and
    why, and the first safe rebuy day of each symbol sold at a loss. Stored and audited; execute it by
    id. Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (ProposalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalOut
     """


    return sync_detailed(
        portfolio_id=portfolio_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProposalIn,

) -> Response[Problem | ProposalOut]:
    """ Propose a tax-aware rebalance (dry run: nothing is traded)

     The trades that bring every out-of-band symbol back to target, selling lots in the tax-aware order
    (tax-advantaged accounts, then losses, then long-term gains, short-term last; never a wash sale),
    with each sold lot's estimated realised gain, the turnover, what cannot be brought into band and
    why, and the first safe rebuy day of each symbol sold at a loss. Stored and audited; execute it by
    id. Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (ProposalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalOut]
     """


    kwargs = _get_kwargs(
        portfolio_id=portfolio_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    portfolio_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProposalIn,

) -> Problem | ProposalOut | None:
    """ Propose a tax-aware rebalance (dry run: nothing is traded)

     The trades that bring every out-of-band symbol back to target, selling lots in the tax-aware order
    (tax-advantaged accounts, then losses, then long-term gains, short-term last; never a wash sale),
    with each sold lot's estimated realised gain, the turnover, what cannot be brought into band and
    why, and the first safe rebuy day of each symbol sold at a loss. Stored and audited; execute it by
    id. Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND.

    Args:
        portfolio_id (str):
        body (ProposalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalOut
     """


    return (await asyncio_detailed(
        portfolio_id=portfolio_id,
client=client,
body=body,

    )).parsed
