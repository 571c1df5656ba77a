from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.form_13f_in import Form13FIn
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: Form13FIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/planning/13f/information-table.xml",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Form13FIn,

) -> Response[Problem]:
    """ The 13F-HR information table as the XML document to file

     `holdings` you post (at most 20,000: issuer, class, CUSIP with a valid check digit, optional FIGI,
    USD value, shares or principal, put/call, investment discretion, other managers, voting authority)
    or `portfolio_id` (your own: long USD positions in Section 13(f) securities, valued at `prices` at
    the period end or the reference prices; the rest in `excluded` with the reason). A portfolio's
    CUSIP, issuer and class come from `securities` when posted, else from the stored instruments joined
    through their CUSIP to the imported Official List of Section 13(f) Securities (`bulwark instruments
    import-13f-list`; an instrument without a CUSIP or off the list is excluded), else the file master;
    `securities_source` and `official_list_period` name them. Rows of one issuer, class and CUSIP
    combine per discretion; values in dollars, rounded after adding up. The XML is validated against the
    XSD written from the SEC's Form 13F XML Technical Specification. 422 INVALID_FILING_INPUT or
    INVALID_CUSIP naming `holdings[i].<field>`, XSD_INVALID naming the path; 404 PORTFOLIO_NOT_FOUND;
    503 DATA_SOURCE_UNAVAILABLE / COMPUTE_BUSY with Retry-After. Stores nothing. The answer is the XML
    document (application/xml).

    Args:
        body (Form13FIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Form13FIn,

) -> Problem | None:
    """ The 13F-HR information table as the XML document to file

     `holdings` you post (at most 20,000: issuer, class, CUSIP with a valid check digit, optional FIGI,
    USD value, shares or principal, put/call, investment discretion, other managers, voting authority)
    or `portfolio_id` (your own: long USD positions in Section 13(f) securities, valued at `prices` at
    the period end or the reference prices; the rest in `excluded` with the reason). A portfolio's
    CUSIP, issuer and class come from `securities` when posted, else from the stored instruments joined
    through their CUSIP to the imported Official List of Section 13(f) Securities (`bulwark instruments
    import-13f-list`; an instrument without a CUSIP or off the list is excluded), else the file master;
    `securities_source` and `official_list_period` name them. Rows of one issuer, class and CUSIP
    combine per discretion; values in dollars, rounded after adding up. The XML is validated against the
    XSD written from the SEC's Form 13F XML Technical Specification. 422 INVALID_FILING_INPUT or
    INVALID_CUSIP naming `holdings[i].<field>`, XSD_INVALID naming the path; 404 PORTFOLIO_NOT_FOUND;
    503 DATA_SOURCE_UNAVAILABLE / COMPUTE_BUSY with Retry-After. Stores nothing. The answer is the XML
    document (application/xml).

    Args:
        body (Form13FIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Form13FIn,

) -> Response[Problem]:
    """ The 13F-HR information table as the XML document to file

     `holdings` you post (at most 20,000: issuer, class, CUSIP with a valid check digit, optional FIGI,
    USD value, shares or principal, put/call, investment discretion, other managers, voting authority)
    or `portfolio_id` (your own: long USD positions in Section 13(f) securities, valued at `prices` at
    the period end or the reference prices; the rest in `excluded` with the reason). A portfolio's
    CUSIP, issuer and class come from `securities` when posted, else from the stored instruments joined
    through their CUSIP to the imported Official List of Section 13(f) Securities (`bulwark instruments
    import-13f-list`; an instrument without a CUSIP or off the list is excluded), else the file master;
    `securities_source` and `official_list_period` name them. Rows of one issuer, class and CUSIP
    combine per discretion; values in dollars, rounded after adding up. The XML is validated against the
    XSD written from the SEC's Form 13F XML Technical Specification. 422 INVALID_FILING_INPUT or
    INVALID_CUSIP naming `holdings[i].<field>`, XSD_INVALID naming the path; 404 PORTFOLIO_NOT_FOUND;
    503 DATA_SOURCE_UNAVAILABLE / COMPUTE_BUSY with Retry-After. Stores nothing. The answer is the XML
    document (application/xml).

    Args:
        body (Form13FIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Form13FIn,

) -> Problem | None:
    """ The 13F-HR information table as the XML document to file

     `holdings` you post (at most 20,000: issuer, class, CUSIP with a valid check digit, optional FIGI,
    USD value, shares or principal, put/call, investment discretion, other managers, voting authority)
    or `portfolio_id` (your own: long USD positions in Section 13(f) securities, valued at `prices` at
    the period end or the reference prices; the rest in `excluded` with the reason). A portfolio's
    CUSIP, issuer and class come from `securities` when posted, else from the stored instruments joined
    through their CUSIP to the imported Official List of Section 13(f) Securities (`bulwark instruments
    import-13f-list`; an instrument without a CUSIP or off the list is excluded), else the file master;
    `securities_source` and `official_list_period` name them. Rows of one issuer, class and CUSIP
    combine per discretion; values in dollars, rounded after adding up. The XML is validated against the
    XSD written from the SEC's Form 13F XML Technical Specification. 422 INVALID_FILING_INPUT or
    INVALID_CUSIP naming `holdings[i].<field>`, XSD_INVALID naming the path; 404 PORTFOLIO_NOT_FOUND;
    503 DATA_SOURCE_UNAVAILABLE / COMPUTE_BUSY with Retry-After. Stores nothing. The answer is the XML
    document (application/xml).

    Args:
        body (Form13FIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
