"""A test harness over the real container: in-memory adapters, a fake clock, quick Argon2."""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import functools
import os
import shutil
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import coverage
import pytest
from dependency_injector import providers
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.memory.clock import FakeClock
from adapters.postgres.engine import PoolSettings, make_engine
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.security.jwt_tokens import new_signing_key
from bootstrap.app import create_app
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.settings import Settings, load_settings
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument

D = Decimal
PASSWORD = "correct-horse-battery"
PASSCODE = "kill-it-now"


async def no_background() -> AsyncIterator[None]:
    yield None


def harness_store_url() -> str:
    """memory:// unless BULWARK_TEST_STORE_URL names a database (the suite then runs on SQL)."""
    return os.environ.get("BULWARK_TEST_STORE_URL", "memory://")


@functools.cache
def shared_jwt_key_file() -> str:
    """One RSA signing key per test process, in a file removed at exit: generating a key costs
    ~0.2 s and the suite builds well over a thousand apps. (Tests about keys pass their own.)"""
    folder = tempfile.mkdtemp(prefix="bulwark-test-jwt-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = os.path.join(folder, "jwt.pem")
    with open(path, "wb") as out:
        out.write(new_signing_key())
    return path


def test_settings(**overrides: str) -> Settings:
    """The test defaults; in a test of tests/http, serving its module's contexts
    (tests/http/served_contexts.py) unless `overrides` name others."""
    from tests.http.served_contexts import running_served

    overrides = {**running_served(), **overrides}
    environ = {
        "BULWARK_ENV": "test",
        "BULWARK_JWT_PRIVATE_KEY_FILE": shared_jwt_key_file(),
        "BULWARK_DATABASE_URL": harness_store_url(),
        # In-process tests drive the kill switch on the app's loop; tests of the lane turn it on.
        "BULWARK_KILL_SWITCH_LANE": "false",
        # Off unless a test is about it: a busy shared CI box must not alert into other tests.
        "BULWARK_LOOP_WATCHDOG_MS": "0",
        # Off unless a test is about it: freezing the collector is process-wide (pytest's too).
        "BULWARK_GC_FREEZE": "false",
        # Off unless a test is about it: a start-up snapshot would add rows under other tests.
        "BULWARK_EQUITY_SNAPSHOTS": "false",
        # Off unless a test is about it: the bracket loop sleeps on the fake clock (advancing it).
        "BULWARK_STRATEGY_BRACKET_SECONDS": "0",
        # Off unless a test is about it: the drill job would run due drills under other tests.
        "BULWARK_DRILL_SCHEDULER": "false",
        # Off unless a test is about it: the IV recorder would price chains under other tests.
        "BULWARK_IV_RECORD_SECONDS": "0",
        # Off unless a test is about it: the Fear & Greed recorder would read chains and bars.
        "BULWARK_FEAR_GREED_RECORD_SECONDS": "0",
        # Off unless a test is about it: the outcome joiner and drift watch read bars.
        "BULWARK_REVIEW_OUTCOME_SECONDS": "0",
        # Off unless a test is about it: a background compile would compete with the test.
        "BULWARK_COMPUTE_WARMUP": "false",
        # Off unless a test is about it: loading the models would compete with the test.
        "BULWARK_INFERENCE_WARMUP": "false",
        # No models unless a test asks for the built ones (tests/inference/models_cache.py): a
        # checkout's own var/models (after `make run`) must not change what the tests see.
        "BULWARK_MODELS_DIR": "var/test-models/none",
        # Each app its own bar history in memory: the default Parquet store under var/bars would
        # keep one test's bars for the next (and a checkout's own bars would reach the tests).
        # Tests of the Parquet or SQL store pass their own.
        "BULWARK_BARS_STORE": "memory",
        # Off unless a test is about it: orders sent in a burst on the fake clock look like
        # quote stuffing, and a HIGH alert would pause agents under other tests.
        "BULWARK_SURVEILLANCE": "off",
        # Off unless a test is about it: a test's burst past an ORDER_RATE rule would halt the
        # agent or the account behind it under the test (the execution throttle).
        "BULWARK_THROTTLE": "false",
        # A fresh checkout's first call of a numba kernel compiles it (seconds; more on a busy
        # CI box): the 10 s default budget would answer 503 to a test about something else.
        # Tests of the budget pass their own.
        "BULWARK_COMPUTE_BUDGET_S": "300",
        **{f"BULWARK_{k.upper()}": v for k, v in overrides.items()},
    }
    return load_settings(environ, env_file=None)


def test_container(settings: Settings, clock: FakeClock) -> ApplicationContainer:
    container = build_container(settings)
    container.core.clock.override(providers.Object(clock))
    container.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    container.background.override(providers.Resource(no_background))
    if container.core.store_kind() == "sql":
        # The test client runs the app's lifespan on another event loop than the test:
        # pooled asyncpg connections cannot cross loops, so each unit of work opens its own.
        container.core.engine.override(
            providers.Singleton(
                make_engine, settings.store.database_url, PoolSettings(null_pool=True)
            )
        )
    return container


@dataclass
class User:
    """A user of the harness with a live session."""

    id: str
    username: str
    role: Role
    access_token: str
    refresh_token: str

    @property
    def principal(self) -> Principal:
        return Principal(self.id, self.role)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


@dataclass
class Harness:
    """Builds users, accounts, instruments and agents through the real services."""

    container: ApplicationContainer
    clock: FakeClock
    app: Litestar
    client: AsyncTestClient[Litestar]
    _users: int = field(default=0)
    # On an app a module's tests share (tests/http/shared_app.py): this test's own suffix on
    # the usernames, account ids and agent ids the harness makes, so that no test meets
    # another's, nor takes a name another test of the module took. "" on a test's own app.
    tag: str = ""

    def id(self, name: str) -> str:
        """The id `name` stands for in this test: itself, with this harness's tag on a shared
        app (what `account` and `agent_key` make of the ids they are given)."""
        return name + self.tag

    def bundle(self, context: str) -> Any:
        """The bundle the app's `context` routes read (adapters/http/<context>)."""
        return getattr(self.container.http_contexts, f"{context}_context")().services

    async def user(self, role: Role = Role.OWNER, *, name: str | None = None) -> User:
        self._users += 1
        username = self.id(name or f"{role.value}-{self._users}")
        view = await self.container.core.auth().create_user(username, PASSWORD, role)
        await self.container.safety.killswitch().set_passcode(Principal(view.id, role), PASSCODE)
        tokens = await self.login(username)
        return User(view.id, username, role, tokens["access_token"], tokens["refresh_token"])

    async def login(self, username: str, password: str = PASSWORD, **extra: Any) -> dict[str, Any]:
        response = await self.client.post(
            "/api/v1/auth/login", json={"username": username, "password": password, **extra}
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def session_headers(self, username: str) -> dict[str, str]:
        """The headers of a session `username` signs in to now (one begun after the clock
        moved past an earlier session's life, say)."""
        tokens = await self.login(username)
        return {"Authorization": f"Bearer {tokens['access_token']}"}

    async def instrument(self, symbol: str, price: str, sector: str = "Tech") -> None:
        async with self.container.core.uow_factory()() as uow:
            if await uow.instruments.get(symbol) is None:
                await uow.instruments.add(Instrument(symbol, sector=sector))
                await uow.commit()
        self.container.core.market().set_price(symbol, D(price))

    async def account(self, owner: User, account_id: str, cash: str = "1000000") -> str:
        """The owner's paper account `account_id` (with this harness's tag: use the id it
        returns) holding `cash`."""
        account_id = self.id(account_id)
        amount = D(cash)
        async with self.container.core.uow_factory()() as uow:
            await uow.accounts.add(
                Account(
                    account_id, owner.id, amount, start_of_day_equity=amount, peak_equity=amount
                )
            )
            await uow.commit()
        self.container.core.paper_broker().seed_account(account_id, amount)
        return account_id

    async def manual_portfolio(self, owner: User) -> tuple[str, str]:
        """A portfolio "p" of the owner's holding one manual account "B", made through the API:
        the portfolio's id and the account's."""
        made = await self.client.post(
            "/api/v1/portfolios", json={"name": "p"}, headers=owner.headers
        )
        pid: str = made.json()["id"]
        account = await self.client.post(
            f"/api/v1/portfolios/{pid}/accounts", json={"kind": "manual", "name": "B"},
            headers=owner.headers,
        )  # fmt: skip
        account_id: str = account.json()["accounts"][0]["id"]
        return pid, account_id

    async def book(self, owner: User, pid: str, *transactions: dict[str, Any]) -> None:
        """Books each transaction (its `account_id` among its fields) in portfolio `pid`
        through the API, as the owner; each must be accepted (201)."""
        for tx in transactions:
            booked = await self.client.post(
                f"/api/v1/portfolios/{pid}/transactions", json=tx, headers=owner.headers
            )
            assert booked.status_code == 201, booked.text

    async def agent_key(self, owner: User, agent_id: str, account_ids: tuple[str, ...]) -> str:
        """An API key of the owner's agent `agent_id` (`self.id(agent_id)` on a shared app)
        trading `account_ids` (ids as `account` returned them)."""
        from application.safety.agents import RegisterAgent

        agent_id = self.id(agent_id)
        await self.container.safety.agents().register_agent(
            RegisterAgent(owner.principal, agent_id, agent_id, account_ids)
        )
        created = await self.container.core.api_keys().create(owner.principal, agent_id)
        return created.api_key


async def reset_schema(engine: AsyncEngine) -> None:
    """An empty database at the migrations' head for each test."""
    from adapters.postgres import migrate
    from adapters.postgres.schema import metadata

    async with engine.begin() as conn:
        await conn.run_sync(metadata.drop_all)
        await conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    await migrate.upgrade(engine)


# The settings whose harness this process has built with the coverage tracer on (traced_once).
_traced_builds: set[str] = set()


@contextlib.contextmanager
def traced_once(settings: Settings) -> Iterator[None]:
    """The coverage tracer on for the first build of each settings in this process, off for a
    repeat: the same settings build the same container and app by the same lines, so a repeat
    adds nothing to what coverage measures, and the tracer made each build ~1.5 times as costly
    (the HTTP suite builds one per test). Without a tracer on (no `--cov`, or a paused tier), a
    no-op."""
    key = repr(settings)
    current = coverage.Coverage.current()
    if current is None or sys.gettrace() is None or key not in _traced_builds:
        _traced_builds.add(key)
        yield
        return
    current.stop()
    try:
        yield
    finally:
        current.start()


async def open_harness(
    settings: Settings | None = None, *, reset: bool = True, clock: FakeClock | None = None
) -> tuple[Harness, AsyncTestClient[Litestar]]:
    clock = clock or FakeClock()
    settings = settings or test_settings()
    with traced_once(settings):
        container = test_container(settings, clock)
        if reset and container.core.store_kind() == "sql":
            await reset_schema(container.core.engine())
        app = create_app(settings, container)
    client = guarded(AsyncTestClient(app), settings)
    return Harness(container, clock, app, client), client


def guarded(client: AsyncTestClient[Litestar], settings: Settings) -> AsyncTestClient[Litestar]:
    """`client`, failing a request for a route its app's contexts leave out when the app serves
    only some (a module's `serves` marker: tests/http/served_contexts.py)."""
    if settings.core.served_contexts:
        from tests.http.served_contexts import unserved_route_guard

        client.event_hooks["request"].append(unserved_route_guard(client.app))
    return client


def swap_in_bundle(
    monkeypatch: pytest.MonkeyPatch, bundle: object, name: str, value: object
) -> None:
    """One of a context's (frozen) bundle's use cases replaced for one test, put back after."""
    monkeypatch.setitem(vars(bundle), name, value)


@contextlib.asynccontextmanager
async def serving_market_data(
    harness: Harness, **use_cases: Any
) -> AsyncIterator[AsyncTestClient[Litestar]]:
    """A client of an app over the harness's contexts whose market-data bundle has these use
    cases instead (`market=None`: a deployment that configures no market views)."""
    from adapters.http.app import create_app as create_http_app
    from adapters.http.market_data import MarketDataServices
    from adapters.http.market_data import context as market_data_context

    contexts = []
    for served in harness.container.http_contexts.served():
        if isinstance(served.services, MarketDataServices):
            served = market_data_context(dataclasses.replace(served.services, **use_cases))
        contexts.append(served)
    app = create_http_app(
        harness.container.http_contexts.edge(), harness.container.http_config(), contexts=contexts
    )
    async with guarded(AsyncTestClient(app), harness.container.settings()) as client:
        yield client


@contextlib.asynccontextmanager
async def market_data_replaced(harness: Harness, **use_cases: Any) -> AsyncIterator[Harness]:
    """The harness, its client serving these market-data use cases (a fixture's fakes)."""
    async with serving_market_data(harness, **use_cases) as client:
        yield dataclasses.replace(harness, client=client)
