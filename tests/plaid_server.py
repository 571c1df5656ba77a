"""A local Plaid for tests: the documented endpoints answered from tests/fixtures/vendors/plaid/,
with the state Plaid keeps (public token -> item, access tokens, the sync cursor), scripted
error answers, and webhooks signed as Plaid signs them (an ES256 JWT with the body's SHA-256).

Runs Litestar under uvicorn on 127.0.0.1 (an ephemeral port) in the test's own event loop, a
fake of the kit (tests/kit/fake_server.py); `threaded(PlaidServer())` serves it from a thread.

    async with PlaidServer() as plaid:
        adapter = PlaidAggregator(plaid.client_id, plaid.secret, base_url=plaid.url)
        plaid.fail("/accounts/get", "error_item_login_required", status=400)
        body, signature = plaid.signed_webhook("webhook_holdings_default_update")
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm
from litestar import Request, Response, post

from tests.kit.fake_server import ASGIApp, AsgiFake, litestar_app

FIXTURES = Path(__file__).parent / "fixtures" / "vendors" / "plaid"
CLIENT_ID = "5f6c2f0e1a2b3c0012abcd34"
SECRET = "sandbox-secret-0f1e2d3c4b5a69788796a5b4"
PUBLIC_TOKEN = "public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d"


def fixture(name: str) -> dict[str, Any]:
    """A documented Plaid answer, tests/fixtures/vendors/plaid/<name>.json (a fresh copy)."""
    found: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return found


@dataclass
class Seen:
    path: str
    body: dict[str, Any]


@dataclass
class _Fault:
    fixture: str
    status: int
    times: int


@dataclass
class PlaidState:
    items: dict[str, str] = field(default_factory=dict)  # access token -> item id
    public_tokens: dict[str, tuple[str, str]] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)
    sync_pages: list[str] = field(
        default_factory=lambda: ["transactions_sync_page1", "transactions_sync_page2"]
    )


class PlaidServer(AsgiFake):
    def __init__(self) -> None:
        super().__init__()
        self.client_id = CLIENT_ID
        self.secret = SECRET
        self.requests: list[Seen] = []
        self.state = PlaidState()
        exchanged = fixture("item_public_token_exchange")
        self.item_id: str = exchanged["item_id"]
        self.access_token: str = exchanged["access_token"]
        self.state.public_tokens[PUBLIC_TOKEN] = (self.item_id, self.access_token)
        self._faults: dict[str, list[_Fault]] = {}
        self.signing_key = ec.generate_private_key(ec.SECP256R1())
        self.kid = fixture("webhook_verification_key_get")["key"]["kid"]
        self.expired_keys: set[str] = set()

    def seen(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    def fail(self, path: str, fixture_name: str, *, status: int = 400, times: int = 1) -> None:
        """The next `times` calls of `path` answer `fixture_name` with `status`."""
        self._faults.setdefault(path, []).append(_Fault(fixture_name, status, times))

    def add_public_token(self, public_token: str, item_id: str, access_token: str) -> None:
        self.state.public_tokens[public_token] = (item_id, access_token)

    # Webhooks, signed as Plaid documents it.
    def public_jwk(self) -> dict[str, Any]:
        jwk: dict[str, Any] = json.loads(ECAlgorithm.to_jwk(self.signing_key.public_key()))
        return jwk

    def sign(self, body: bytes, *, iat: float | None = None, kid: str | None = None,
             key: ec.EllipticCurvePrivateKey | None = None, alg: str = "ES256",
             body_hash: str | None = None) -> str:  # fmt: skip
        claims = {
            "iat": int(time.time() if iat is None else iat),
            "request_body_sha256": body_hash or hashlib.sha256(body).hexdigest(),
        }
        headers = {"kid": kid or self.kid, "alg": alg, "typ": "JWT"}
        return jwt.encode(claims, key or self.signing_key, algorithm=alg, headers=headers)

    def signed_webhook(self, fixture_name: str, **overrides: Any) -> tuple[bytes, str]:
        payload = fixture(fixture_name)
        payload.update(overrides)
        body = json.dumps(payload, indent=2).encode()
        return body, self.sign(body)

    # The API.
    def _answer(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        faults = self._faults.get(path)
        if faults:
            fault = faults[0]
            fault.times -= 1
            if fault.times <= 0:
                faults.pop(0)
            return fault.status, fixture(fault.fixture)
        if body.get("client_id") != self.client_id or body.get("secret") != self.secret:
            return 400, fixture("error_invalid_api_keys")
        if path == "/link/token/create":
            if not (body.get("user") or {}).get("client_user_id"):
                return 400, _invalid("INVALID_FIELD", "user.client_user_id is required")
            return 200, fixture("link_token_create")
        if path == "/item/public_token/exchange":
            found = self.state.public_tokens.pop(str(body.get("public_token")), None)
            if found is None:
                return 400, fixture("error_invalid_public_token")
            self.state.items[found[1]] = found[0]
            answer = fixture("item_public_token_exchange")
            answer.update(item_id=found[0], access_token=found[1])
            return 200, answer
        if path == "/webhook_verification_key/get":
            kid = str(body.get("key_id"))
            if kid != self.kid and kid not in self.expired_keys:
                return 400, _invalid("INVALID_WEBHOOK_VERIFICATION_KEY_ID", "unknown key_id")
            answer = fixture("webhook_verification_key_get")
            answer["key"].update(self.public_jwk(), kid=kid, alg="ES256", use="sig")
            if kid in self.expired_keys:
                answer["key"]["expired_at"] = 1718640000
            return 200, answer
        token = str(body.get("access_token"))
        linked = self.state.items.get(token)
        if linked is None or token in self.state.removed:
            return 400, _invalid("INVALID_ACCESS_TOKEN", "provided access token is invalid")
        if path == "/accounts/get":
            answer = fixture("accounts_get")
            answer["item"]["item_id"] = linked
            return 200, answer
        if path == "/investments/holdings/get":
            return 200, fixture("investments_holdings_get")
        if path == "/transactions/sync":
            return 200, self._sync(body.get("cursor"))
        if path == "/item/remove":
            self.state.removed.add(token)
            return 200, fixture("item_remove")
        return 404, _invalid("NOT_FOUND", f"unknown endpoint {path}")

    def _sync(self, cursor: Any) -> dict[str, Any]:
        """Pages in order: no cursor is the first page; a page's next_cursor the next one."""
        pages = [fixture(name) for name in self.state.sync_pages]
        if not cursor:
            return pages[0]
        for n, page in enumerate(pages):
            if page["next_cursor"] == cursor:
                return pages[n + 1] if n + 1 < len(pages) else fixture("transactions_sync_empty")
        return _invalid("INVALID_FIELD", "cursor not recognised")

    def app(self) -> ASGIApp:
        @post("/{path:path}", status_code=200)
        async def answer(request: Request[Any, Any, Any]) -> Response[bytes]:
            path = request.url.path
            try:
                body = json.loads(await request.body())
            except ValueError:
                body = {}
            self.requests.append(Seen(path, body if isinstance(body, dict) else {}))
            status, reply = self._answer(path, body if isinstance(body, dict) else {})
            return Response(
                json.dumps(reply).encode(), status_code=status, media_type="application/json"
            )

        return litestar_app(answer)


def _invalid(code: str, message: str) -> dict[str, Any]:
    return {
        "display_message": None,
        "error_code": code,
        "error_message": message,
        "error_type": "INVALID_INPUT" if code != "INVALID_FIELD" else "INVALID_REQUEST",
        "request_id": "local",
    }
