"""The performance guard's twin: the record commit's own code, run beside this one, slice by slice.

The guard (benchmarks/guard.py) judges the hot paths against the commit named in
benchmarks/baseline.json. That commit's tree is extracted from git into a temporary folder
(`git archive`: the files, no worktree bookkeeping) and a guard started there in serve mode, a
process of its own with the same interpreter and installed dependencies: it builds the same
subjects from the record commit's code, then runs a slice of whichever subject it is asked for
and answers the operations done and the CPU seconds they took. The measuring process alternates
that slice with its own, so both meet the same machine at the same moment, and a figure is this
code's speed over the record commit's: about 1.0 when nothing changed, whatever the machine's
speed or load that day.

The guard's own files (the subjects, this protocol) are this tree's, copied over the record
commit's: both sides run the same workload, and only the code it measures differs. Where this
guard's subjects call what the record commit does not have, its process fails to start and the
guard says so.

The protocol, one line each way: `begin` (collect garbage, then keep the collector off),
`slice <name>` (answer `<operations> <cpu seconds>`), `end` (the collector back on), `freeze`
(collect, then `gc.freeze()` the fixtures); the process opens with `ready <name>|<name>|...`,
the subjects it has.
"""

from __future__ import annotations

import gc
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
Step = Callable[[], Awaitable[int]]


class TwinUnavailable(RuntimeError):
    """The record commit cannot be run here (not in this clone, or its guard fails to start)."""


NOT_RUN = frozenset({"clients", "docs", "deploy"})  # the parts of the tree no subject imports
GUARD_FILES = ("guard.py", "guard_twin.py", "guard_compare.py", "guard_reference.py")


def extract(commit: str, into: Path) -> Path:
    """The tree of `commit` (this repository's) under `into`, with this tree's guard files over
    its own; TwinUnavailable if git cannot."""
    try:
        listed = subprocess.run(
            ["git", "-C", str(ROOT), "ls-tree", "--name-only", commit],
            capture_output=True,
            check=True,
        )
        wanted = [p for p in listed.stdout.decode().splitlines() if p not in NOT_RUN]
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "--", *wanted],
            capture_output=True,
            check=True,
        )
    except FileNotFoundError as exc:
        raise TwinUnavailable("git is not installed") from exc
    except subprocess.CalledProcessError as exc:
        reason = exc.stderr.decode(errors="replace").strip().splitlines()
        raise TwinUnavailable(
            f"commit {commit} is not in this clone ({reason[-1] if reason else 'git archive'})"
        ) from exc
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    for name in GUARD_FILES:  # both sides run one guard: only the code it measures differs
        shutil.copyfile(ROOT / "benchmarks" / name, into / "benchmarks" / name)
    return into


class Twin:
    """The record commit's guard serving slices, in a process of its own."""

    def __init__(self, commit: str, rounds: int) -> None:
        self.commit = commit
        self._folder = tempfile.TemporaryDirectory(prefix="bulwark-guard-record-")
        tree = extract(commit, Path(self._folder.name))
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - held until close()
        env = {**os.environ, "PYTHONPATH": str(tree)}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.guard", "--serve", "--rounds", str(rounds)],
            cwd=tree,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        self.subjects: frozenset[str] = frozenset()

    def ready(self) -> frozenset[str]:
        """Wait for its subjects to be built; the names it has."""
        word, _, names = self._read().partition(" ")
        if word != "ready":
            raise self._failed(f"answered {word!r} where it should say ready")
        self.subjects = frozenset(names.split("|")) if names else frozenset()
        return self.subjects

    def begin(self) -> None:
        self._send("begin")

    def slice(self, name: str) -> tuple[int, float]:
        """One slice of subject `name` in the record commit's code: operations, CPU seconds."""
        self._send(f"slice {name}")
        operations, cpu = self._read().split()
        return int(operations), float(cpu)

    def end(self) -> None:
        self._send("end")

    def freeze(self) -> None:
        self._send("freeze")

    def close(self) -> None:
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.close()
        try:
            self._process.wait(30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()
        self._folder.cleanup()

    def _send(self, line: str) -> None:
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(line + "\n")
            self._process.stdin.flush()
        except BrokenPipeError:
            raise self._failed("stopped") from None

    def _read(self) -> str:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise self._failed("stopped")
        return line.strip()

    def _failed(self, what: str) -> TwinUnavailable:
        self._log.seek(0)
        tail = self._log.read()[-3000:].decode(errors="replace").strip()
        lines = [line for line in tail.splitlines() if line.strip()]
        last = lines[-1] if lines else "no output"
        return TwinUnavailable(f"the guard of commit {self.commit} {what}: {last}")


async def serve(steps: Mapping[str, Step], answers: IO[str]) -> None:
    """The record commit's side: announce `steps`, then follow the protocol on stdin."""
    answers.write(f"ready {'|'.join(steps)}\n")
    answers.flush()
    clock = time.process_time
    while line := sys.stdin.readline():
        command, _, name = line.strip().partition(" ")
        if command == "begin":
            gc.collect()
            gc.disable()
        elif command == "slice":
            began = clock()
            operations = await steps[name]()
            answers.write(f"{operations} {clock() - began!r}\n")
            answers.flush()
        elif command == "end":
            gc.enable()
        elif command == "freeze":
            gc.collect()
            gc.freeze()


def protocol_out() -> IO[str]:
    """This process's stdout kept for the protocol alone; anything else printed goes to stderr."""
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    return answers
