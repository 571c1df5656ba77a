"""Local processes a test starts and stops: their output in a log file, a stop that asks first
(SIGTERM) and insists after a grace (SIGKILL), and the log's tail for a failure's message."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.integration.servers import _dying_with_parent

STOP_GRACE_S = 20.0


@dataclass
class LocalProcess:
    """One running command: its name, the process and the file its output goes to."""

    name: str
    proc: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(
        cls, name: str, argv: Sequence[str], *, env: Mapping[str, str], cwd: Path, log: Path
    ) -> LocalProcess:
        """Starts `argv` in a session of its own (a stop reaches its children too, e.g. the
        `bulwark migrate` a `sh -c` runs before it execs); it dies with the test run."""
        with log.open("ab") as out:
            proc = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env=dict(env),
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=_dying_with_parent(signal.SIGKILL),
            )
        return cls(name, proc, log)

    def running(self) -> bool:
        return self.proc.poll() is None

    def output(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    def tail(self, lines: int = 25) -> str:
        return "\n".join(self.output().splitlines()[-lines:])

    def terminate(self) -> None:
        """SIGTERM to its process group (as `docker stop` sends it)."""
        if self.proc.poll() is None:
            self._signal(signal.SIGTERM)

    def wait(self, within_s: float) -> int | None:
        """The exit code once it ended, or None when it still runs after `within_s`."""
        try:
            return self.proc.wait(within_s)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> int:
        """SIGKILL to its process group; the exit code."""
        if self.proc.poll() is None:
            self._signal(signal.SIGKILL)
        return self.proc.wait()

    def stop(self, grace_s: float = STOP_GRACE_S) -> int:
        """SIGTERM, then SIGKILL after `grace_s`; returns the exit code."""
        self.terminate()
        code = self.wait(grace_s)
        return self.kill() if code is None else code

    def _signal(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, sig)


def tails(processes: Sequence[LocalProcess], lines: int = 25) -> str:
    """Each process's state and last lines, for a failure's message."""
    parts = []
    for process in processes:
        code = process.proc.poll()
        state = "running" if code is None else f"exited with {code}"
        parts.append(f"--- {process.name} ({state}), last lines of {process.log}:\n")
        parts.append(process.tail(lines) + "\n")
    return "".join(parts)
