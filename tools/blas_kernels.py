"""The tests that go through BLAS/LAPACK, once under each OpenBLAS core type this CPU can run.

OpenBLAS picks its kernels by CPU (its `DYNAMIC_ARCH` build carries Haswell's, SkylakeX's,
Sandybridge's, ...), and each kernel sums a dot product or a matrix product in its own order,
so a covariance or a hedged volatility differs in its last bits from one machine to another.
`OPENBLAS_CORETYPE` forces a kernel; this runs the tests marked `blas` (pytest.mark.blas) under
each core type in turn, so a tolerance tighter than the computation guarantees (docs/testing.md,
"Tolerances") fails here rather than on someone else's machine.

Each core type is probed first in a process of its own: threadpoolctl names the kernel every
OpenBLAS in the process (numpy's and scipy's) really loaded. Core types this CPU cannot run
(SkylakeX needs AVX-512: forcing it dies of an illegal instruction) are reported and skipped;
core types that load the same kernel (Zen is Haswell's in the wheels' builds) run once. It
fails when any run fails, or when forcing the core type changed nothing (then the check would
prove nothing). One line per core type. `make kernels`; `make test` runs it after pytest.

Usage: python -m tools.blas_kernels [--core-types Haswell,Zen,...] [--jobs N] [pytest args...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "pytest.mark.blas"

# The core types checked, newest first, and the CPU flags (as /proc/cpuinfo spells them) each
# kernel's instructions need. Prescott is OpenBLAS's oldest x86-64 class (SSE3, "pni").
CORE_TYPES: Mapping[str, frozenset[str]] = {
    "SkylakeX": frozenset({"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"}),
    "Haswell": frozenset({"avx2", "fma"}),
    "Zen": frozenset({"avx2", "fma"}),
    "Sandybridge": frozenset({"avx"}),
    "Prescott": frozenset({"pni"}),
}

# What a probe prints: the kernel (threadpoolctl's "architecture") of every OpenBLAS loaded once
# numpy and scipy's linear algebra are imported.
PROBE = """
import json
import numpy, scipy.linalg, threadpoolctl
libs = [i for i in threadpoolctl.threadpool_info() if i.get("user_api") == "blas"]
print(json.dumps([[i.get("internal_api"), i.get("architecture")] for i in libs]))
"""


@dataclass(frozen=True, slots=True)
class Probe:
    core_type: str
    kernel: str | None  # None: the process died (an illegal instruction) or no OpenBLAS
    detail: str


@dataclass(frozen=True, slots=True)
class Run:
    kernel: str
    passed: bool
    summary: str
    seconds: float
    log: str


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The CPU's feature flags (empty where /proc/cpuinfo is not there)."""
    try:
        text = cpuinfo.read_text()
    except OSError:
        return frozenset()
    for line in text.splitlines():
        if line.startswith("flags"):
            return frozenset(line.split(":", 1)[1].split())
    return frozenset()


def environment(core_type: str, base: Mapping[str, str]) -> dict[str, str]:
    """`base` with this core type forced, the cache-size override and any thread settings a
    machine may carry dropped, and one BLAS thread (the runs go side by side)."""
    env = {k: v for k, v in base.items() if k not in {"OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"}}
    env["OPENBLAS_CORETYPE"] = core_type
    env["OPENBLAS_NUM_THREADS"] = "1"
    return env


def kernel_of(probe_output: str) -> str | None:
    """The one kernel every OpenBLAS of the probe loaded; None if there is no OpenBLAS or
    the libraries disagree."""
    try:
        libs = json.loads(probe_output.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    kernels = {arch for api, arch in libs if api == "openblas"}
    return kernels.pop() if len(kernels) == 1 else None


def probe(core_type: str, base: Mapping[str, str]) -> Probe:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=environment(core_type, base),
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        why = f"signal {-done.returncode}" if done.returncode < 0 else f"exit {done.returncode}"
        return Probe(core_type, None, f"the probe died ({why})")
    kernel = kernel_of(done.stdout)
    return Probe(core_type, kernel, done.stdout.strip() if kernel is None else kernel)


def marked_files(root: Path = ROOT / "tests" / "unit") -> list[str]:
    """The test modules that carry the marker (read as text: collecting all of tests/unit to
    select them would cost more than running them)."""
    return sorted(
        str(p.relative_to(ROOT)) for p in root.rglob("test_*.py") if MARK in p.read_text()
    )


SUMMARY = re.compile(r"^=*\s*(\d+ (passed|failed|error).*?)\s*=*$", re.MULTILINE)


def run_tests(kernel: str, core_type: str, files: Sequence[str], extra: Sequence[str]) -> Run:
    started = time.monotonic()
    with tempfile.TemporaryFile("w+") as log:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", *files, "-m", "blas", "-p", "no:cacheprovider",
             "--no-header", *extra],
            env=environment(core_type, os.environ),
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
            cwd=ROOT,
        )  # fmt: skip
        log.seek(0)
        text = log.read()
    found = SUMMARY.findall(text)
    summary = found[-1][0] if found else f"pytest exited {done.returncode}"
    return Run(kernel, done.returncode == 0, summary, time.monotonic() - started, text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--core-types", default=",".join(CORE_TYPES))
    # Every kernel's run at once: each is one process on one BLAS thread, most of it spent
    # importing and collecting, so side by side they share the cores with no idle tail.
    parser.add_argument("--jobs", type=int, default=len(CORE_TYPES))
    args, extra = parser.parse_known_args(argv)
    wanted = [c for c in args.core_types.split(",") if c]
    started = time.monotonic()

    flags = cpu_flags()
    lines: dict[str, str] = {}
    runnable: list[Probe] = []
    for core_type in wanted:
        missing = sorted(CORE_TYPES.get(core_type, frozenset()) - flags)
        if flags and missing:
            lines[core_type] = f"not run: this CPU lacks {' '.join(missing)}"
            continue
        found = probe(core_type, os.environ)
        if found.kernel is None:
            lines[core_type] = f"FAILED: no OpenBLAS kernel loaded: {found.detail}"
            continue
        runnable.append(found)

    # One run per kernel, under the first core type that loads it.
    first: dict[str, str] = {}
    for found in runnable:
        first.setdefault(found.kernel or "", found.core_type)
    files = marked_files()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        runs = dict(
            zip(
                first,
                pool.map(lambda k: run_tests(k, first[k], files, extra), first),
                strict=True,
            )
        )

    ok = all(not line.startswith("FAILED") for line in lines.values())
    for found in runnable:
        run = runs[found.kernel or ""]
        ok = ok and run.passed
        verdict = "passed" if run.passed else "FAILED"
        if first[run.kernel] == found.core_type:
            lines[found.core_type] = (
                f"{run.kernel} kernels: {verdict}, {run.summary} ({run.seconds:.0f} s)"
            )
        else:
            lines[found.core_type] = (
                f"{run.kernel} kernels, as {first[run.kernel]} (the same kernels): {verdict}"
            )
    if len(runnable) > 1 and len(first) < 2:
        ok = False
        print("blas kernels: FAILED: OPENBLAS_CORETYPE loaded the same kernel for every core type")
    for core_type in wanted:
        print(f"blas kernels: {core_type:<12} {lines[core_type]}")
    for run in runs.values():
        if not run.passed:
            print(f"\n--- {run.kernel} kernels, the end of pytest's output ---")
            print(run.log[-6000:])
    print(
        f"blas kernels: {len(files)} modules under {len(first)} kernels "
        f"in {time.monotonic() - started:.0f} s: {'passed' if ok else 'FAILED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
