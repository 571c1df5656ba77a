from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.consumer_restarted_out import ConsumerRestartedOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    group: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/monitoring/kafka/consumers/{group}/restart".format(group=quote(str(group), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConsumerRestartedOut | Problem | None:
    if response.status_code == 200:
        response_200 = ConsumerRestartedOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConsumerRestartedOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ConsumerRestartedOut | Problem]:
    """ Restart one of Bulwark's consumer groups (it resumes from its commits)

     200 once the group's consumers are running again. 404 NOT_FOUND for a group this instance does not
    run; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_KAFKA_BOOTSTRAP where Kafka is not configured.
    Risk officers and admins.

    Args:
        group (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumerRestartedOut | Problem]
     """


    kwargs = _get_kwargs(
        group=group,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    group: str,
    *,
    client: AuthenticatedClient | Client,

) -> ConsumerRestartedOut | Problem | None:
    """ Restart one of Bulwark's consumer groups (it resumes from its commits)

     200 once the group's consumers are running again. 404 NOT_FOUND for a group this instance does not
    run; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_KAFKA_BOOTSTRAP where Kafka is not configured.
    Risk officers and admins.

    Args:
        group (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumerRestartedOut | Problem
     """


    return sync_detailed(
        group=group,
client=client,

    ).parsed

async def asyncio_detailed(
    group: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ConsumerRestartedOut | Problem]:
    """ Restart one of Bulwark's consumer groups (it resumes from its commits)

     200 once the group's consumers are running again. 404 NOT_FOUND for a group this instance does not
    run; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_KAFKA_BOOTSTRAP where Kafka is not configured.
    Risk officers and admins.

    Args:
        group (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumerRestartedOut | Problem]
     """


    kwargs = _get_kwargs(
        group=group,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    group: str,
    *,
    client: AuthenticatedClient | Client,

) -> ConsumerRestartedOut | Problem | None:
    """ Restart one of Bulwark's consumer groups (it resumes from its commits)

     200 once the group's consumers are running again. 404 NOT_FOUND for a group this instance does not
    run; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_KAFKA_BOOTSTRAP where Kafka is not configured.
    Risk officers and admins.

    Args:
        group (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumerRestartedOut | Problem
     """


    return (await asyncio_detailed(
        group=group,
client=client,

    )).parsed
