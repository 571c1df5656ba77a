"""A person's browser for the OAuth tests: it follows an authorization redirect through the
console's sign-in and consent page, as a signed-in person would, and hands the client the
redirect back (the SDK's redirect and callback handlers)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import httpx
from mcp.client.auth import TokenStorage
from mcp.shared.auth import AuthorizationCodeResult, OAuthClientInformationFull, OAuthToken

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER

CALLBACK = "http://localhost:3030/callback"


class MemoryTokens(TokenStorage):
    """The client's tokens and registration, in memory."""

    def __init__(self) -> None:
        self.tokens: OAuthToken | None = None
        self.client: OAuthClientInformationFull | None = None

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client = client_info


@dataclass
class Browser:
    """Signs in as `username` when asked, then answers the consent page: `decision` approve or
    deny, the accounts ticked and the scopes kept (None: as asked)."""

    api: str
    username: str = DEMO_OWNER.username
    password: str = DEMO_OWNER.password
    decision: str = "approve"
    accounts: Sequence[str] = (DEMO_ACCOUNT,)
    scopes: Sequence[str] | None = None
    landed: str = ""
    page: str = ""
    client: httpx.AsyncClient = field(init=False)

    def __post_init__(self) -> None:
        self.client = httpx.AsyncClient(timeout=30, follow_redirects=False)

    async def close(self) -> None:
        await self.client.aclose()

    async def open(self, url: str) -> str:
        """Follows `url` to the client's redirect URI: that URL (with code or error)."""
        answer = await self.client.get(url)
        while answer.status_code in (302, 303):
            target = str(httpx.URL(str(answer.url)).join(answer.headers["location"]))
            if target.startswith(CALLBACK):
                self.landed = target
                return target
            if urlsplit(target).path == "/console/login":
                answer = await self._sign_in(target)
            else:
                answer = await self.client.get(target)
        assert answer.status_code == 200, (answer.status_code, answer.text[:500])
        self.page = answer.text
        return await self._answer(str(answer.url))

    async def _sign_in(self, login_url: str) -> httpx.Response:
        await self.client.get(login_url)  # sets the CSRF cookie
        next_path = parse_qs(urlsplit(login_url).query).get("next", ["/console"])[0]
        form = {
            "username": self.username,
            "password": self.password,
            "next": next_path,
            "_csrf": self.client.cookies.get("bulwark_csrf", ""),
        }
        return await self.client.post(login_url.split("?")[0], data=form)

    async def _answer(self, consent_url: str) -> str:
        kept = self.scopes
        if kept is None:
            kept = re.findall(r'name="scopes" value="([a-z]+)"', self.page)
        form: dict[str, object] = {
            "_csrf": self.client.cookies.get("bulwark_csrf", ""),
            "decision": self.decision,
            "account_ids": list(self.accounts),
            "scopes": list(kept),
        }
        answer = await self.client.post(consent_url, data=form)
        assert answer.status_code == 303, (answer.status_code, answer.text[:500])
        self.landed = answer.headers["location"]
        return self.landed

    # The SDK's handlers ------------------------------------------------------------------

    async def redirect_handler(self, url: str) -> None:
        await self.open(url)

    async def callback_handler(self) -> AuthorizationCodeResult:
        query = parse_qs(urlsplit(self.landed).query)
        if "code" not in query:
            raise RuntimeError(f"the authorization was refused: {self.landed}")
        return AuthorizationCodeResult(code=query["code"][0], state=query.get("state", [None])[0])
