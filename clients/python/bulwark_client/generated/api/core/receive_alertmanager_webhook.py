from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alerts_relayed_out import AlertsRelayedOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/monitoring/alertmanager",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlertsRelayedOut | Problem | None:
    if response.status_code == 200:
        response_200 = AlertsRelayedOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AlertsRelayedOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[AlertsRelayedOut | Problem]:
    """ Alertmanager's webhook: each firing or resolved alert told to the desk

     Alertmanager's webhook payload, version 4 (`status`, `alerts[]` with `labels`, `annotations`,
    `startsAt`, `endsAt`), with `BULWARK_ALERTMANAGER_TOKEN` as a bearer token. Each alert becomes one
    `ops.alert` notification to every active admin and risk officer (subject `[FIRING] <alertname>:
    <summary>`; a firing alert labelled `severity=critical` is CRITICAL). 401 UNAUTHENTICATED without
    the token; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_ALERTMANAGER_TOKEN to a bearer token when
    none is configured (nobody may call it then); 400 for a body that is not that payload.
    deploy/alertmanager/alertmanager.yml points Alertmanager here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertsRelayedOut | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> AlertsRelayedOut | Problem | None:
    """ Alertmanager's webhook: each firing or resolved alert told to the desk

     Alertmanager's webhook payload, version 4 (`status`, `alerts[]` with `labels`, `annotations`,
    `startsAt`, `endsAt`), with `BULWARK_ALERTMANAGER_TOKEN` as a bearer token. Each alert becomes one
    `ops.alert` notification to every active admin and risk officer (subject `[FIRING] <alertname>:
    <summary>`; a firing alert labelled `severity=critical` is CRITICAL). 401 UNAUTHENTICATED without
    the token; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_ALERTMANAGER_TOKEN to a bearer token when
    none is configured (nobody may call it then); 400 for a body that is not that payload.
    deploy/alertmanager/alertmanager.yml points Alertmanager here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertsRelayedOut | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[AlertsRelayedOut | Problem]:
    """ Alertmanager's webhook: each firing or resolved alert told to the desk

     Alertmanager's webhook payload, version 4 (`status`, `alerts[]` with `labels`, `annotations`,
    `startsAt`, `endsAt`), with `BULWARK_ALERTMANAGER_TOKEN` as a bearer token. Each alert becomes one
    `ops.alert` notification to every active admin and risk officer (subject `[FIRING] <alertname>:
    <summary>`; a firing alert labelled `severity=critical` is CRITICAL). 401 UNAUTHENTICATED without
    the token; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_ALERTMANAGER_TOKEN to a bearer token when
    none is configured (nobody may call it then); 400 for a body that is not that payload.
    deploy/alertmanager/alertmanager.yml points Alertmanager here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertsRelayedOut | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> AlertsRelayedOut | Problem | None:
    """ Alertmanager's webhook: each firing or resolved alert told to the desk

     Alertmanager's webhook payload, version 4 (`status`, `alerts[]` with `labels`, `annotations`,
    `startsAt`, `endsAt`), with `BULWARK_ALERTMANAGER_TOKEN` as a bearer token. Each alert becomes one
    `ops.alert` notification to every active admin and risk officer (subject `[FIRING] <alertname>:
    <summary>`; a firing alert labelled `severity=critical` is CRITICAL). 401 UNAUTHENTICATED without
    the token; 409 CAPABILITY_NOT_CONFIGURED naming BULWARK_ALERTMANAGER_TOKEN to a bearer token when
    none is configured (nobody may call it then); 400 for a body that is not that payload.
    deploy/alertmanager/alertmanager.yml points Alertmanager here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertsRelayedOut | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
