"""A fuzzing world: the real app on in-memory adapters with demo-like data, on its own loop."""

from __future__ import annotations

import dataclasses
import os
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from tempfile import TemporaryDirectory
from typing import Any

import httpx
import requests
from anyio.from_thread import BlockingPortal, start_blocking_portal
from schemathesis import Case

from adapters.http.throttles import THROTTLES
from bootstrap.contexts import SERVABLE_CONTEXTS
from domain.kyc.documents import DocumentKind
from domain.principals import Principal, Role
from tests.fuzz.seed_performance import seed_snapshots
from tests.http.harness import PASSCODE, Harness, User, open_harness, test_settings
from tests.http.kyc_samples import PDF
from tests.http.served_contexts import BASELINE
from tests.http.shared_app import OWN_APPS_ENV
from tests.inference.models_cache import built_models

BASE_URL = "http://testserver.local"
ACCOUNT = "acc-1"
AGENT = "agent-1"
# A value equal to a sentinel (in the path, the query or the body at any depth) is replaced by the
# seeded resource's id: the fuzzer then reaches the handlers' deeper paths, not only their 404s.
SENTINEL = "__seeded__"  # URL-safe: path parameters are percent-encoded once drawn
SEEDED_FIELDS = (
    "account_id",
    "agent_id",
    "key_id",
    "order_id",
    "rule_id",
    "workspace_id",
    "user_id",
    "invitation_id",
    "symbol",
    "passcode",
    "strategy_id",
    "backtest_id",
    "endpoint_id",
    "document_id",
    "vault_key_id",
)
SCOPE_KINDS = {"account": "account_id", "agent": "agent_id"}  # a kill switch scope's `id`
CREDENTIALS = ("authorization", "x-api-key")
# What a world made for one operation serves besides the operation's own context: the test
# apps' baseline (logins, probes), `devices` (its step-up guard stands in front of the sensitive
# routes of other contexts, and its check-in in front of logins) and the contexts whose routes
# `seed` calls. An app builds and registers only what it serves (BULWARK_SERVED_CONTEXTS):
# most of a world's cost. A path of a context left out fails the request at once
# (tests/http/served_contexts.py's guard), never a 404 that a check could take for an answer.
WORLD_CONTEXTS = (*BASELINE, "devices", "trading", "strategies", "notifications", "keys")


def sentinel(name: str) -> str:
    return f"{SENTINEL}{name}"


def mark_seeded(value: Any) -> Any:
    """A copy of the value with every seeded field, at any depth, set to its sentinel."""
    if isinstance(value, list):
        return [mark_seeded(item) for item in value]
    if not isinstance(value, dict):
        return value
    marked = {k: sentinel(k) if k in SEEDED_FIELDS else mark_seeded(v) for k, v in value.items()}
    if "id" in marked and value.get("kind") in SCOPE_KINDS:
        marked["id"] = sentinel(SCOPE_KINDS[value["kind"]])
    return marked


def put_seeded(value: Any, ids: dict[str, str]) -> None:
    """Replaces, in place and at any depth, each sentinel by the seeded id it stands for."""
    pairs = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in list(pairs):
        if isinstance(item, str) and item.startswith(SENTINEL):
            value[key] = ids.get(item.removeprefix(SENTINEL), item)
        elif isinstance(item, (dict, list)):
            put_seeded(item, ids)


@dataclass
class Seeded:
    """The ids of the demo data a world starts with."""

    owner: User
    agent_key: str
    ids: dict[str, str] = field(default_factory=dict)
    admin: User | None = None  # for the admin-only writes (instruments), so they are fuzzed deep


async def seed(harness: Harness) -> Seeded:
    """An owner with an account, priced instruments, an agent with a key, a rule, an order.
    The names and ids are `harness.id`'s (its tag on them when it has one: one seed of a world
    that seeds each operation its own)."""
    await harness.instrument("AAPL", "190")
    await harness.instrument("MSFT", "410")
    await harness.instrument("XOM", "110", sector="Energy")
    await harness.instrument("SPY", "560")  # the Fear & Greed index: its momentum and breadth
    owner = await harness.user(name="owner")
    account = await harness.account(owner, ACCOUNT)
    key = await harness.agent_key(owner, AGENT, (account,))
    agent = harness.id(AGENT)
    client, headers = harness.client, owner.headers
    keys = await client.get(f"/api/v1/agents/{agent}/keys", headers=headers)
    rule = await client.post(
        "/api/v1/risk-rules",
        json={"rule_type": "MAX_ORDER_QUANTITY", "params": {"max_quantity": 1000}},
        headers=headers,
    )
    order = await client.post(
        "/api/v1/orders",
        json={
            "account_id": account,
            "symbol": "AAPL",
            "side": "buy",
            "quantity": "10",
            "order_type": "limit",
            "limit_price": "100",
        },
        headers=headers,
    )
    workspace = await client.post(
        "/api/v1/user/workspace",
        json={"workspace_name": "Trading", "layout_json": {"panels": []}},
        headers=headers,
    )
    strategy = await client.post(
        "/api/v1/strategies",
        json={
            "name": "seeded",
            "account_ids": [account],
            "sources": [{"kind": "external"}],
            "sizing": {"method": "fixed_notional", "notional": "1000"},
            "mode": "shadow",
        },
        headers=headers,
    )
    backtest = await client.post(
        "/api/v1/backtests",
        json={
            "strategy_id": strategy.json()["id"],
            "symbols": ["ACME"],
            "from": "2020-01-01",
            "to": "2020-03-31",
        },
        headers=headers,
    )
    endpoint = await client.post(  # a Telegram endpoint: no URL, so no DNS in the guard
        "/api/v1/notifications/endpoints",
        json={
            "channel": "telegram",
            "label": "seeded",
            "chat_id": "42",
            "bot_token": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        },
        headers=headers,
    )
    vault_key = await client.post(
        "/api/v1/vault/keys",
        json={
            "provider": "alpaca",
            "label": "seeded",
            "scopes": ["trading"],
            "key_id": "PKSEEDED000000000001",
            "secret": "seeded-secret",
        },
        headers=headers,
    )
    for response in (keys, rule, order, workspace, strategy, backtest, endpoint, vault_key):
        assert response.status_code < 300, response.text
    invited = await harness.container.identity.invitations().create(Principal.system(), Role.TRADER)
    await seed_snapshots(harness, account)  # a curve for the performance endpoint
    ids = {
        "account_id": account,
        "agent_id": agent,
        "key_id": keys.json()["items"][0]["key_id"],
        "rule_id": rule.json()["id"],
        "order_id": order.json()["order"]["id"],
        "workspace_id": workspace.json()["id"],
        "user_id": owner.id,
        "invitation_id": invited.invitation.id,
        "symbol": "AAPL",
        "passcode": PASSCODE,
        "strategy_id": strategy.json()["id"],
        "backtest_id": backtest.json()["id"],
        "endpoint_id": endpoint.json()["id"],
        "vault_key_id": vault_key.json()["id"],
    }
    document = await harness.container.identity.kyc().upload(
        owner.principal, DocumentKind.PASSPORT, PDF
    )
    ids["document_id"] = document.id  # a KYC document (adapters/http/identity/kyc.py)
    admin = await harness.user(Role.ADMIN, name="admin")
    return Seeded(owner, key, ids, admin)


class World:
    """One app and its data (`seed`'s): the campaign's reads share one, its operations that
    change the instance as a whole get one each, the others share one that seeds each of them
    its own data (`reseed`)."""

    def __init__(self, **settings: str) -> None:
        self._stack = ExitStack()
        self.portal: BlockingPortal = self._stack.enter_context(start_blocking_portal())
        try:
            # KYC uploads land in a folder of this world's own, not the checkout's var/.
            documents = self._stack.enter_context(TemporaryDirectory(prefix="bulwark-fuzz-"))
            settings = {"documents_dir": documents, **settings}
            # A closed local port for Alpaca: a vault key's test-connection answers at once.
            settings = {"alpaca_trading_url": "http://127.0.0.1:9", **settings}
            # The served models (built once per checkout, shared with tests/inference) and the
            # Fear & Greed index's shipped series: the fuzzer reaches the code behind them
            # instead of the 503 a server without its models or data answers.
            settings = {
                "models_dir": str(built_models()),
                "fear_greed_series": "file",
                **settings,
            }
            # The synthetic feed makes up the thousands of bars a fuzzed `limit` asks for on the
            # loop; on a busy machine that can outlast the feed's 2 s call timeout (or count as a
            # slow call and open the breaker, on a clock that never moves on): its 503 would be
            # the machine's, not the server's. The timeout and breaker have tests of their own.
            settings = {
                "market_data_call_timeout_seconds": "60",
                "market_data_breaker_slow_call_seconds": "60",
                **settings,
            }
            self.harness, client = self.portal.call(open_harness, test_settings(**settings))
            self._stack.enter_context(self.portal.wrap_async_context_manager(client))
            self.seeded = self.portal.call(seed, self.harness)
        except BaseException:
            self._stack.close()
            raise

    def reseed(self, tag: str) -> None:
        """Seeds the world again under `tag` (an owner, an account, an agent, ... of their own,
        as `seed` makes them on a fresh app): what the next operation is sent with."""
        view = dataclasses.replace(self.harness, _users=0, tag=tag)
        self.seeded = self.portal.call(seed, view)

    def close(self) -> None:
        self._stack.close()

    def credentials(self, as_agent: bool, case: Case | None = None) -> dict[str, str]:
        if as_agent:
            return {"X-API-Key": self.seeded.agent_key}
        if case is not None and self.seeded.admin is not None and _admin_write(case):
            return self.seeded.admin.headers
        return self.seeded.owner.headers

    def send(self, case: Case, *, as_agent: bool = False) -> tuple[httpx.Response, dict[str, Any]]:
        """The case sent with the seeded ids and the caller's credentials; its response."""
        self._resolve(case)
        headers = self.credentials(as_agent, case)
        kwargs = case.as_transport_kwargs(base_url=BASE_URL, headers=headers)
        request = httpx_kwargs(kwargs)
        response = self.portal.call(partial(self.harness.client.request, **request))
        return response, kwargs

    def renew_session(self) -> None:
        """A fresh login for the owner (after the fuzzer logged the session out)."""
        tokens = self.portal.call(self.harness.login, self.seeded.owner.username)
        self.seeded.owner.access_token = tokens["access_token"]
        self.seeded.owner.refresh_token = tokens["refresh_token"]

    def _resolve(self, case: Case) -> None:
        # The document offers Bearer or X-API-Key: the fuzzer's made-up credentials yield to ours
        # (dropped from the case itself, so that its reproduction command is what was sent).
        if case.headers:
            for name in [name for name in case.headers if name.lower() in CREDENTIALS]:
                del case.headers[name]
        for container in (case.path_parameters, case.query, case.body):
            if isinstance(container, (dict, list)):
                put_seeded(container, self.seeded.ids)


def serving(context: str | None) -> dict[str, str]:
    """The settings of a world for an operation of `context` (its OpenAPI tag): that context and
    WORLD_CONTEXTS; every context ({}) for an operation of none the app knows."""
    if context not in SERVABLE_CONTEXTS:
        return {}
    return {"served_contexts": ",".join(dict.fromkeys((*WORLD_CONTEXTS, context)))}


def context_of(case: Case) -> str | None:
    """The context of the case's operation: its one tag (adapters/http/contexts.py)."""
    tags = case.operation.tags or []
    return tags[0] if len(tags) == 1 else None


class SharedReads:
    """The one world every read (GET, with no settings of its own) of the campaign shares, built
    at the first read and closed at the session's end: a read changes nothing, so ~200 read
    operations need one app, not one each (building a world is building the whole app)."""

    def __init__(self) -> None:
        self._world: World | None = None

    def world(self) -> World:
        if self._world is None:
            # The campaign's ~1,500 reads in a few minutes as one user: the API's per-minute
            # budget (1,200) would answer 429 to the later operations instead of their handlers.
            self._world = World(api_rate_per_minute="1000000")
        return self._world

    def close(self) -> None:
        if self._world is not None:
            self._world.close()
            self._world = None


# Operations that change the instance as a whole, not only what their caller owns (besides those
# `instance_wide` tells by their path): each gets a world of its own.
INSTANCE_WIDE = {
    "PUT /api/v1/notifications/role-defaults/{role}",  # every user of a role
    "DELETE /api/v1/notifications/role-defaults/{role}",
    "POST /api/v1/providers/failover",  # the market-data feed every user reads
    "POST /api/v1/monitoring/alertmanager",  # alerts to every admin
    "POST /api/v1/monitoring/kafka/consumers/{group}/restart",
}
# What the world the other write operations share relaxes, as the read world does: each
# operation's seed signs its owner and its admin in from the test client's one address, and the
# campaign's seeds and cases are more calls in a minute than one client is allowed (the
# throttled operations, whose limits these are, get worlds of their own with the limits as they
# are).
SHARED_WRITES = {
    "login_rate_per_minute": "1000000",
    "refresh_rate_per_minute": "1000000",
    "api_rate_per_minute": "1000000",
}


def instance_wide(label: str) -> bool:
    """Whether the operation ("POST /api/v1/orders") may change more than its caller's own data,
    or spend what the test client's one address is allowed: an admin's operation, one a
    per-client throttle counts (logins, refresh, sign-up, password reset, the kill switch), or
    one of INSTANCE_WIDE."""
    method, path = label.split(" ", 1)
    return (
        label in INSTANCE_WIDE
        or path.startswith("/api/v1/admin/")
        or _admin_only(method, path)
        or any(counts(method, path) for _, _, counts in THROTTLES)
    )


class SharedWrites:
    """The one world the other write operations of every campaign module share, built at the
    first of them and closed at the session's end (building it is building the whole app):
    each operation is sent on data seeded afresh for it, under a tag the session counts, so that
    no operation, of this module or another, meets another's data."""

    def __init__(self) -> None:
        self._world: World | None = None
        self._seeds = 0

    def seeded_afresh(self) -> World:
        """The write world, seeded again (an owner, an account, an agent, ... of their own) for
        the operation about to be sent."""
        if self._world is None:
            self._world = World(**SHARED_WRITES)
        self._seeds += 1
        self._world.reseed(f"-op{self._seeds}")
        return self._world

    def close(self) -> None:
        if self._world is not None:
            self._world.close()
            self._world = None


class Worlds:
    """The worlds of one campaign: reads share the suite's read world; an operation that may
    change the instance as a whole, or is sent with settings of its own, gets a fresh world of
    its own; every other operation runs on the session's one write world (SharedWrites), seeded
    afresh for it (its own owner, account, agent, rule, order, ...: as a fresh world seeds them),
    so that a logout, a revoked key, a deleted rule or a halt stays with that operation's own data.
    OWN_TEST_APPS=1 gives every operation that is not a read a fresh world of its own
    (tests/http/shared_app.py): to tell a leak between operations from a fault."""

    def __init__(self, reads: SharedReads, writes: SharedWrites) -> None:
        self._label: str | None = None
        self._world: World | None = None
        self._own = False
        self._reads = reads
        self._writes = writes

    def for_operation(self, label: str, context: str | None = None, **settings: str) -> World:
        """The world for an operation of `context`: the shared read world for a read; one of its
        own serving its context (and WORLD_CONTEXTS) for one that changes the instance as a
        whole or has settings of its own; else the write world, seeded for it at its first case."""
        if label.startswith("GET ") and not settings:
            return self._reads.world()
        if self._label == label and self._world is not None:
            return self._world
        self._close_own()
        self._label = label
        if settings or instance_wide(label) or os.environ.get(OWN_APPS_ENV) == "1":
            self._world = World(**serving(context), **settings)
            self._own = True
            return self._world
        self._world = self._writes.seeded_afresh()
        return self._world

    def _close_own(self) -> None:
        if self._world is not None and self._own:
            self._world.close()
        self._world = None
        self._own = False

    def close(self) -> None:
        """Closes the last operation's own world (the shared ones are the session's)."""
        self._close_own()


def _admin_write(case: Case) -> bool:
    """Instrument writes are admin-only: as the owner they would stop at 403."""
    return _admin_only(case.method.upper(), case.path)


def _admin_only(method: str, path: str) -> bool:
    """The operations sent as the seeded admin: admin-only reads and rotation of the signing
    keys, and instrument writes."""
    if path.startswith("/api/v1/admin/keys"):
        return True
    return path.startswith("/api/v1/instruments") and method != "GET"


def httpx_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """requests-style transport arguments as httpx ones (raw bodies travel as `content`)."""
    request = {key: kwargs[key] for key in ("method", "url", "headers")}
    request.update({key: kwargs[key] for key in ("params", "cookies") if kwargs.get(key)})
    if kwargs.get("files"):
        body, content_type = _multipart(kwargs["files"], kwargs.get("data"))
        sent = kwargs["headers"] or {}
        headers = {k: v for k, v in sent.items() if k.lower() != "content-type"}
        return {**request, "headers": {**headers, "Content-Type": content_type}, "content": body}
    if "json" in kwargs:
        request["json"] = kwargs["json"]
    data = kwargs.get("data")
    if isinstance(data, (bytes, str)):
        request["content"] = data
    elif data is not None:
        request["data"] = data
    return request


def _multipart(files: Any, data: Any) -> tuple[bytes, str]:
    """A multipart body encoded as requests encodes it for Schemathesis's own transport, sent as
    bytes: httpx streams `files` (a response before the app read them leaves the request unread
    for the checks) and refuses parts requests writes as text (a generated `0` for a file)."""
    prepared = requests.PreparedRequest()
    prepared.prepare_headers(None)
    prepared.prepare_body(data, files)
    body = prepared.body if isinstance(prepared.body, bytes) else str(prepared.body).encode()
    return body, prepared.headers["Content-Type"]
