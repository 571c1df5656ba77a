"""Console test helpers: a browser-like client per user (own cookie jar) over the harness app."""

from __future__ import annotations

import html
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from tests.http.harness import PASSWORD, Harness

_CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


class ConsoleClient:
    """An httpx client with cookies, like a browser tab: `csrf` is the token its pages carry."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.csrf = ""

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        response = await self.http.get(path, **kwargs)
        found = _CSRF.search(response.text)
        if found:
            self.csrf = found.group(1)
        return response

    async def post(
        self, path: str, data: dict[str, str] | None = None, **kw: Any
    ) -> httpx.Response:
        """A form post with the page's CSRF token (as a browser form would send it)."""
        return await self.http.post(path, data={"_csrf": self.csrf, **(data or {})}, **kw)

    async def htmx(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A request as htmx sends it: the HX-Request and X-CSRF-Token headers."""
        headers = {"HX-Request": "true", "X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return await self.http.request(method, path, headers=headers, **kwargs)

    async def login(
        self, username: str, password: str = PASSWORD, totp: str = ""
    ) -> httpx.Response:
        await self.get("/console/login")
        form = {"username": username, "password": password, "totp_code": totp}
        return await self.post("/console/login", form)


@asynccontextmanager
async def console_client(harness: Harness) -> AsyncIterator[ConsoleClient]:
    transport = httpx.ASGITransport(app=harness.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield ConsoleClient(http)


@asynccontextmanager
async def signed_in(harness: Harness, username: str) -> AsyncIterator[ConsoleClient]:
    """A console client already signed in as `username` (and on a page: `csrf` is set)."""
    async with console_client(harness) as client:
        response = await client.login(username)
        assert response.status_code == 303, response.text
        await client.get("/console")
        yield client


def real_status(response: httpx.Response) -> int:
    """The status a console answer stands for: an htmx refusal comes as a 200 carrying it in
    `X-Bulwark-Status` (adapters/http/console/pages.py: refusal); anything else as itself."""
    return int(response.headers.get("X-Bulwark-Status", response.status_code))


def text_of(text: str, element_id: str) -> str:
    """The text of the element `element_id` up to its first inner tag, stripped."""
    found = re.search(rf'id="{element_id}"[^>]*>([^<]*)', text)
    assert found, f"no element {element_id}"
    return found.group(1).strip()


def chart_data(text: str, attribute: str, element_id: str | None = None) -> dict[str, Any]:
    """The JSON a page hands its chart script in `attribute`: on the element `element_id`, or on
    the first element that carries the attribute."""
    on = rf'id="{element_id}"[^>]*' if element_id else ""
    found = re.search(rf'{on}{attribute}="([^"]*)"', text)
    assert found, f"no {attribute} on {element_id or 'the page'}"
    data: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return data
