"""ibind's IbkrClient off the event loop: one small thread pool, deadlines, the session kept
alive, and every failure as the port's BrokerError.

ibind is synchronous (requests): each call runs on the gateway's own threads, never on the
event loop. The Client Portal Gateway holds the brokerage session (a person or IBeam logs it
in); this side keeps it alive with `/tickle` (IBKR: about once a minute) and, as IBKR asks,
lists the accounts (`/iserver/accounts`, `/portfolio/accounts`) and the live orders once
before the first order or portfolio call, and again after the session lapsed (a 401). The
endpoints the broker polls keep to IBKR's documented pacing (`PACING`).
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import structlog
from ibind import ExternalBrokerError, IbkrClient  # type: ignore[import-untyped]
from ibind.client.ibkr_utils import handle_questions  # type: ignore[import-untyped]

from adapters.brokers.ibkr.errors import http_error, one_line
from adapters.tasks import cancel_and_wait
from ports.core.clock import Clock
from ports.trading.broker import BrokerError, BrokerErrorCode

# ibind logs every request (URL and body) to its file loggers, which would reach the app's
# root logger: they stay ibind's (it writes no files unless set up to).
logging.getLogger("ibind_fh").propagate = False

T = TypeVar("T")
_log = structlog.get_logger("bulwark.brokers.ibkr")
TICKLE_S = 60.0
# IBKR's documented pacing of the endpoints the broker polls (seconds between two calls):
# the live orders and the trades once per 5 s. Past it the gateway answers 429, and one
# that keeps asking lands in its penalty box for minutes: the gateway spaces them itself.
PACING = {"orders": 5.0, "trades": 5.0}
API_PATH = "/v1/api"


class IbkrGateway:
    """One Client Portal Gateway session, for one IBKR account, called from async code.

    `call(action, fn, *args)` runs `fn(client, *args)` on a gateway thread, bounded by the
    absolute `deadline` (a `clock.monotonic()` time) when given: past it the caller gets
    TIMEOUT at once (the thread's request still finishes; ibind's own timeout bounds it).
    """

    def __init__(
        self,
        client: IbkrClient,
        account: str,
        clock: Clock,
        *,
        name: str = "ibkr",
        workers: int = 4,
        tickle_s: float = TICKLE_S,
        pacing: Mapping[str, float] | None = None,
    ) -> None:
        self.client = client
        self.account = account
        self.name = name
        self._clock = clock
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ibkr")
        self._tickle_s = tickle_s
        self._ready = False
        self._ready_lock = asyncio.Lock()
        self._tickler: asyncio.Task[None] | None = None
        self._closed = False
        # The gateway answers one order's questions at a time (ibind: order_submission_lock).
        self._orders = threading.Lock()
        self._pacing = dict(PACING if pacing is None else pacing)
        self._paced: dict[str, float] = {}  # endpoint -> when it may be called next
        self._pace_locks: dict[str, asyncio.Lock] = {}

    # -- calls -------------------------------------------------------------------------
    async def call(
        self, action: str, fn: Callable[..., T], *args: Any, deadline: float | None = None
    ) -> T:
        """`fn(client, *args)` on a gateway thread, its failures as BrokerError."""
        await self._prepare(action, deadline)
        return await self._run(action, fn, *args, deadline=deadline)

    def due(self, endpoint: str) -> bool:
        """Whether a paced endpoint may be called now."""
        return self._clock.monotonic() >= self._paced.get(endpoint, 0.0)

    async def paced(
        self,
        endpoint: str,
        action: str,
        fn: Callable[..., T],
        *args: Any,
        deadline: float | None = None,
    ) -> T:
        """`call`, once the endpoint's pacing allows (waiting for it, one caller at a time);
        a wait the deadline cannot hold is RATE_LIMITED at once, sending nothing."""
        interval = self._pacing.get(endpoint, 0.0)
        if interval <= 0:
            return await self.call(action, fn, *args, deadline=deadline)
        lock = self._pace_locks.setdefault(endpoint, asyncio.Lock())
        async with lock:
            now = self._clock.monotonic()
            ready = self._paced.get(endpoint, 0.0)
            if ready > now and deadline is not None and ready > deadline:
                reason = (
                    f"{self.name} {action}: IBKR takes its {endpoint} endpoint once per "
                    f"{interval:g} s, and the deadline comes first"
                )
                raise BrokerError(BrokerErrorCode.RATE_LIMITED, reason, retryable=True)
            if ready > now:
                await asyncio.sleep(ready - now)
            try:
                return await self.call(action, fn, *args, deadline=deadline)
            finally:
                self._paced[endpoint] = self._clock.monotonic() + interval

    async def _run(
        self, action: str, fn: Callable[..., T], *args: Any, deadline: float | None = None
    ) -> T:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._pool, self._guarded, action, fn, *args)
        try:
            if deadline is None:
                return await future
            left = deadline - self._clock.monotonic()
            if left <= 0:
                raise TimeoutError
            async with asyncio.timeout(left):
                return await future
        except TimeoutError as exc:
            reason = f"{self.name} {action}: deadline passed"
            raise BrokerError(BrokerErrorCode.TIMEOUT, reason, retryable=True) from exc
        except BrokerError as exc:
            if exc.code is BrokerErrorCode.UNAVAILABLE and "not authenticated" in exc.message:
                self._ready = False  # list the accounts again once the session is back
            raise

    def _guarded(self, action: str, fn: Callable[..., T], *args: Any) -> T:
        """On the gateway thread: `fn(client, *args)`, ibind's exceptions mapped."""
        try:
            return fn(self.client, *args)
        except ExternalBrokerError as exc:
            raise http_error(exc.status_code, _reason(exc), self.name, action) from exc
        except TimeoutError as exc:  # ibind's read timeout, past its retries
            reason = f"{self.name} {action}: the gateway did not answer in time"
            raise BrokerError(BrokerErrorCode.TIMEOUT, reason, retryable=True) from exc
        except (ValueError, RuntimeError) as exc:  # a question with no positive answer
            reason = f"{self.name} {action}: {one_line(str(exc))}"
            raise BrokerError(BrokerErrorCode.REJECTED, reason) from exc

    # -- orders ------------------------------------------------------------------------
    async def place(
        self, body: bytes, answers: Mapping[Any, bool], deadline: float | None = None
    ) -> Any:
        """POST the order body, then confirm the gateway's questions (ibind's
        handle_questions, replying at /iserver/reply/{replyId}) as `answers` say."""
        return await self.call("submit", self._place, body, dict(answers), deadline=deadline)

    def _place(self, client: IbkrClient, body: bytes, answers: dict[Any, bool]) -> Any:
        with self._orders:
            result = client.request(
                "POST",
                f"iserver/account/{self.account}/orders",
                data=body,
                extra_headers={"Content-Type": "application/json"},
            )
            return handle_questions(result, answers, client.reply).data

    # -- session -----------------------------------------------------------------------
    async def _prepare(self, action: str, deadline: float | None) -> None:
        """List the accounts once per session, as IBKR asks before order and portfolio calls."""
        if self._ready:
            return
        async with self._ready_lock:
            if self._ready:
                return
            await self._run(action, _list_accounts, self.account, deadline=deadline)
            self._paced["orders"] = self._clock.monotonic() + self._pacing.get("orders", 0.0)
            self._ready = True
        self.keep_alive()

    def keep_alive(self) -> None:
        """Start the tickle loop (once) on the running loop."""
        if self._tickler is None and not self._closed and self._tickle_s > 0:
            self._tickler = asyncio.create_task(self._tickle_loop(), name="ibkr-tickle")

    async def _tickle_loop(self) -> None:
        while True:
            await asyncio.sleep(self._tickle_s)
            await self.tickle()

    async def tickle(self) -> bool:
        """POST /tickle: whether the brokerage session is authenticated; a failure is logged."""
        try:
            found = await self._run("tickle", lambda client: client.tickle().data)
        except BrokerError as exc:
            _log.warning("ibkr_tickle_failed", broker=self.name, error=exc.message)
            return False
        status = ((found or {}).get("iserver") or {}).get("authStatus") or {}
        authenticated = bool(status.get("authenticated")) and bool(status.get("connected"))
        if not authenticated:
            self._ready = False
            _log.warning("ibkr_session_not_authenticated", broker=self.name)
        return authenticated

    async def auth_status(self) -> dict[str, Any]:
        """POST /iserver/auth/status: authenticated, competing, connected, message."""
        found = await self._run("auth_status", lambda c: c.authentication_status(log=False).data)
        return dict(found or {})

    async def aclose(self) -> None:
        self._closed = True
        await cancel_and_wait(self._tickler)
        self._tickler = None
        self.client.close()
        self._pool.shutdown(wait=False, cancel_futures=True)


def _list_accounts(client: IbkrClient, account: str) -> None:
    """The calls IBKR asks for before a session's order and portfolio calls: the accounts of
    both, and the live orders once (the first answer of a session may come before the
    gateway has loaded them: a kill switch must not take that for "no orders")."""
    client.get("iserver/accounts")
    client.get("portfolio/accounts")
    client.live_orders(account_id=account)


def _reason(exc: ExternalBrokerError) -> str:
    """The gateway's own words from an ibind error: the body's `error` (or the body), not the
    request ibind prints before it (` :: `-separated: result, status, reason, body)."""
    text = str(exc)
    parts = text.split(" :: ")
    body = " :: ".join(parts[3:]) if len(parts) >= 4 else text
    with contextlib.suppress(ValueError, AttributeError):
        found = json.loads(body)
        if isinstance(found, dict):
            return str(found.get("error") or found.get("message") or body)
    if "error was returned:" in body:  # an `error` in a 200 body while handling questions
        printed = body.partition("error was returned:")[2].strip()
        with contextlib.suppress(ValueError, SyntaxError):
            found = ast.literal_eval(printed)  # ibind prints the body with pprint
            if isinstance(found, dict) and found.get("error"):
                return str(found["error"])
        return printed
    return body or type(exc).__name__


def connect_client(
    url: str, account: str, *, verify: bool | str = True, timeout_s: float = 10.0
) -> IbkrClient:
    """ibind's client on the gateway at `url` (https://localhost:5000/v1/api by default):
    no retries of its own (a retried POST could send an order twice), no signal handlers
    (the app has its own), `verify` False for the gateway's self-signed certificate, or the
    path of a CA bundle that signed it."""
    return IbkrClient(
        account_id=account,
        url=url.rstrip("/") + "/",
        cacert=verify,
        timeout=timeout_s,
        max_retries=0,
        use_session=True,
        auto_register_shutdown=False,
        log_responses=False,
    )
