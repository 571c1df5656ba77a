"""The services of docker-compose.yml run as local processes, in Compose's order: each started
once the services it depends on answer their healthchecks, and stopped dependents first.

What stands in for Docker (`StandIns`): servers for the host names the file's URLs name, test
folders for the container's paths, and a few variables of the test's own; each `*_PORT`
variable gets a free local port and a `0.0.0.0` bind becomes 127.0.0.1. The file's
healthchecks run as written but for those ports and hosts (`local_healthcheck`)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.integration.servers import free_port
from tests.kit.compose import image_env
from tests.kit.processes import STOP_GRACE_S, LocalProcess, tails

HEALTHCHECK_EVERY_S = 1.0  # each check is a Python process: not too often on a busy box


@dataclass(frozen=True)
class StandIns:
    """What replaces Docker's world: `hosts` maps a service's host name to the URL (or
    host:port) of the test's server; `paths` a container folder to a local one; `env` is laid
    under the container's environment (PATH and the like), `extra` over it."""

    hosts: Mapping[str, str]
    paths: Mapping[str, Path]
    env: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Service:
    """One service of the file as a local process: its spec, its local environment, its ports
    (the file's number -> the local one) and, once started, its process."""

    name: str
    spec: dict[str, Any]
    env: dict[str, str]
    ports: dict[int, int]
    process: LocalProcess | None = None
    healthy: bool = False

    def url(self, port: int) -> str:
        """http:// of the file's `port` of this service, as it listens here."""
        return f"http://127.0.0.1:{self.ports[port]}"


@dataclass
class Stack:
    """The services, where they run (`cwd`, the container's WORKDIR) and where they log."""

    services: dict[str, Service]
    stand_ins: StandIns
    cwd: Path
    logs: Path

    @classmethod
    def of(
        cls,
        specs: Mapping[str, dict[str, Any]],
        environments: Mapping[str, Mapping[str, str]],
        stand_ins: StandIns,
        known_hosts: set[str],
        folder: Path,
    ) -> Stack:
        """The services of `specs`, each with its container environment made local."""
        services = {}
        for name, spec in specs.items():
            env, ports = local_environment(name, environments[name], stand_ins, known_hosts)
            services[name] = Service(name, spec, env, ports)
        (folder / "app").mkdir()
        (folder / "logs").mkdir()
        return cls(services, stand_ins, folder / "app", folder / "logs")

    def processes(self) -> list[LocalProcess]:
        return [s.process for s in self.services.values() if s.process is not None]

    def failure(self, what: str) -> str:
        """`what`, then every process's state and last lines."""
        return f"{what}\n{tails(self.processes())}"

    def exec(self, service: str, *argv: str, stdin: str = "", within_s: float = 60.0) -> str:
        """`docker compose exec <service> argv...`: its stdout; fails with the output."""
        done = subprocess.run(
            list(argv),
            cwd=self.cwd,
            env=self.services[service].env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=within_s,
        )
        assert done.returncode == 0, self.failure(
            f"{' '.join(argv)}: {done.returncode}\n{done.stdout}{done.stderr}"
        )
        return done.stdout


def local_environment(
    name: str, container: Mapping[str, str], stand_ins: StandIns, known_hosts: set[str]
) -> tuple[dict[str, str], dict[int, int]]:
    """The image's ENV and the service's environment, made local (the module's docstring);
    with the ports given (the file's number -> a free local port)."""
    ports: dict[int, int] = {}

    def local(key: str, value: str) -> str:
        for prefix, folder in stand_ins.paths.items():
            if value == prefix or value.startswith(prefix + "/"):
                return str(folder) + value[len(prefix) :]
        if key.endswith("_PORT") and value.isdigit():
            return str(ports.setdefault(int(value), free_port()))
        if key.endswith("_HOST") and value == "0.0.0.0":
            return "127.0.0.1"
        host = (urlsplit(value).hostname if "://" in value else value.rpartition(":")[0]) or ""
        if host in stand_ins.hosts:
            server = stand_ins.hosts[host]
            if "://" in value:  # the same driver, another server: the whole URL is the test's
                assert urlsplit(value).scheme == urlsplit(server).scheme, (name, key, value)
            return server
        assert host not in known_hosts, (
            f"{name}: {key}={value} names the service {host!r}, which the test does not stand "
            "in for (give it a server in StandIns.hosts)"
        )
        return value

    image = {k: v for k, v in image_env().items() if k != "PATH"}  # PATH: the stand-ins'
    made = {key: local(key, value) for key, value in {**image, **container}.items()}
    return {**stand_ins.env, **made, **stand_ins.extra}, ports


def local_healthcheck(service: Service, hosts: Mapping[str, str]) -> list[str]:
    """The file's healthcheck of a service as a local command: its `127.0.0.1:<port>` on the
    local port, a `('<service>', <port>)` address on the test's server."""
    test = service.spec["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"], f"{service.name}: a healthcheck of another form: {test}"

    def port(match: re.Match[str]) -> str:
        return f"127.0.0.1:{service.ports[int(match[1])]}"

    def address(match: re.Match[str]) -> str:
        host, _, number = hosts[match[1]].rpartition(":")
        return f"({host!r}, {number})"

    code = re.sub(r"127\.0\.0\.1:(\d+)", port, test[-1])
    code = re.sub(r"\('([\w.-]+)', \d+\)", address, code)
    return [sys.executable, *test[2:-1], code]


def _healthy(service: Service, check: list[str]) -> bool:
    timeout = float(str(service.spec["healthcheck"].get("timeout", "5s")).rstrip("s"))
    try:
        done = subprocess.run(check, env=service.env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0


def waits_for(service: Service, services: Mapping[str, Service]) -> list[str]:
    """The services of the stack this one's `depends_on` waits for (healthy)."""
    depends = service.spec.get("depends_on") or {}
    if isinstance(depends, list):
        depends = {name: {"condition": "service_started"} for name in depends}
    found = []
    for name, how in depends.items():
        if name in services:
            assert how.get("condition") == "service_healthy", f"{service.name}: {name}: {how}"
            found.append(name)
    return found


def start_in_order(stack: Stack, ready: set[str], within_s: float) -> None:
    """Starts each service once those it depends on are healthy, as Compose does; returns
    when every one started and those in `ready` answer their healthchecks (fails with every
    process's tail when one exits or `within_s` passes). Called again, it carries on."""
    services = stack.services
    checks = {name: local_healthcheck(s, stack.stand_ins.hosts) for name, s in services.items()}
    deadline = time.monotonic() + within_s
    while not all(s.process and (s.healthy or n not in ready) for n, s in services.items()):
        for service in services.values():
            if service.process is None and all(
                services[d].healthy for d in waits_for(service, services)
            ):
                service.process = LocalProcess.start(
                    service.name,
                    service.spec["command"],
                    env=service.env,
                    cwd=stack.cwd,
                    log=stack.logs / f"{service.name}.log",
                )
        for service in services.values():
            if service.process is None or service.healthy:
                continue
            if not service.process.running():
                pytest.fail(stack.failure(f"{service.name} exited"), pytrace=False)
            service.healthy = _healthy(service, checks[service.name])
        if time.monotonic() > deadline:
            pytest.fail(stack.failure(f"not healthy within {within_s:.0f} s"), pytrace=False)
        time.sleep(HEALTHCHECK_EVERY_S)


def stop_in_order(stack: Stack) -> None:
    """As `docker compose down`: the services nothing running depends on first, each wave
    SIGTERM together, SIGKILL to whatever is left after the grace."""
    services = stack.services
    running = {n for n, s in services.items() if s.process is not None and s.process.running()}
    while running:
        needed = {d for n in running for d in waits_for(services[n], services)}
        wave = [p for n in (running - needed or running) if (p := services[n].process)]
        for process in wave:
            process.terminate()
        for process in wave:
            if process.wait(STOP_GRACE_S) is None:
                process.kill()
        running = {n for n in running if services[n].process not in wave}
