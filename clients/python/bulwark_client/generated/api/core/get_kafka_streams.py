from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.kafka_disabled_out import KafkaDisabledOut
from ...models.kafka_report_out import KafkaReportOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/monitoring/kafka",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KafkaDisabledOut | KafkaReportOut | Problem | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> KafkaDisabledOut | KafkaReportOut:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = KafkaReportOut.from_dict(data)



                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = KafkaDisabledOut.from_dict(data)



            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[KafkaDisabledOut | KafkaReportOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[KafkaDisabledOut | KafkaReportOut | Problem]:
    """ Kafka streams: per-topic rate and latency, per-group lag, active alerts

     Rates and end-to-end latency (from the record timestamp) over the last window; lag per partition and
    in total for each consumer group, read from the broker now (the last lag read, with `last_error`,
    when the broker does not answer). `{"enabled": false}` when Kafka is not configured. Risk officers,
    admins, viewers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KafkaDisabledOut | KafkaReportOut | Problem]
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

) -> KafkaDisabledOut | KafkaReportOut | Problem | None:
    """ Kafka streams: per-topic rate and latency, per-group lag, active alerts

     Rates and end-to-end latency (from the record timestamp) over the last window; lag per partition and
    in total for each consumer group, read from the broker now (the last lag read, with `last_error`,
    when the broker does not answer). `{"enabled": false}` when Kafka is not configured. Risk officers,
    admins, viewers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KafkaDisabledOut | KafkaReportOut | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[KafkaDisabledOut | KafkaReportOut | Problem]:
    """ Kafka streams: per-topic rate and latency, per-group lag, active alerts

     Rates and end-to-end latency (from the record timestamp) over the last window; lag per partition and
    in total for each consumer group, read from the broker now (the last lag read, with `last_error`,
    when the broker does not answer). `{"enabled": false}` when Kafka is not configured. Risk officers,
    admins, viewers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KafkaDisabledOut | KafkaReportOut | Problem]
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

) -> KafkaDisabledOut | KafkaReportOut | Problem | None:
    """ Kafka streams: per-topic rate and latency, per-group lag, active alerts

     Rates and end-to-end latency (from the record timestamp) over the last window; lag per partition and
    in total for each consumer group, read from the broker now (the last lag read, with `last_error`,
    when the broker does not answer). `{"enabled": false}` when Kafka is not configured. Risk officers,
    admins, viewers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KafkaDisabledOut | KafkaReportOut | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
