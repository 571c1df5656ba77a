"""NautilusTrader's RiskEngine pass path as a reference beside the pre-trade gate.

NautilusTrader is installed, pinned, in a throwaway venv (`var/bench-venvs/nautilus`,
reused when present) and timed there by `benchmarks/nautilus_pass_path.py` in a
subprocess: Bulwark's own venv never imports it. When it cannot be installed (no
network), `ensure_venv` says why in one line and the comparison is skipped.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

VERSION = "1.221.0"
ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "var" / "bench-venvs" / "nautilus"
SCRIPT = Path(__file__).resolve().parent / "nautilus_pass_path.py"
BACKTEST_SCRIPT = Path(__file__).resolve().parent / "nautilus_backtest_path.py"


@dataclass(frozen=True)
class Figures:
    """One timed run of a pass path: percentiles in ns over `samples` orders."""

    p50_ns: int
    p99_ns: int
    samples: int
    version: str = ""
    instrument: str = ""


@dataclass(frozen=True)
class BacktestFigures:
    """One run of NautilusTrader's submit -> fill path: `orders` filled in `wall_s` / `cpu_s`."""

    orders: int
    wall_s: float
    cpu_s: float
    version: str = ""

    @property
    def per_s(self) -> float:
        return self.orders / self.wall_s if self.wall_s > 0 else 0.0

    @property
    def cpu_us(self) -> float:
        return self.cpu_s / self.orders * 1e6 if self.orders else float("nan")


def python() -> Path:
    return VENV / "bin" / "python"


def installed() -> bool:
    """Whether the venv holds the pinned NautilusTrader."""
    if not python().exists():
        return False
    probe = "from importlib.metadata import version; print(version('nautilus_trader'))"
    done = subprocess.run([str(python()), "-c", probe], capture_output=True, text=True)
    return done.returncode == 0 and done.stdout.strip() == VERSION


def ensure_venv() -> str | None:
    """None when the venv is ready (created and installed if need be); else why not."""
    if installed():
        return None
    try:
        if not python().exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(python()), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        done = subprocess.run([*pip, f"nautilus_trader=={VERSION}"], capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        return f"NautilusTrader comparison skipped: no venv at {VENV} ({exc})"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
        return f"NautilusTrader comparison skipped: pip install nautilus_trader=={VERSION}: {last}"
    return None


# The instrument kinds the pass path is timed on: `equity` (AAPL, the kind of order Bulwark's
# benchmarks send) is the comparison's headline; `fx` (AUD/USD, the package's own test case,
# whose quote-currency conversion adds checks) is printed beside it.
KINDS = ("equity", "fx")


def run(iterations: int, kind: str = "equity") -> Figures:
    """One run of the pass path in the venv: `iterations` timed orders after warm-up."""
    done = subprocess.run(
        [str(python()), str(SCRIPT), str(iterations), kind], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"NautilusTrader pass path failed:\n{done.stdout}{done.stderr}")
    return parse(done.stdout)


def parse(out: str) -> Figures:
    """The figures from the script's last JSON line."""
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"NautilusTrader pass path printed no figures:\n{out}")
    data = json.loads(lines[-1])
    if data.get("denied", 0):
        raise RuntimeError(f"NautilusTrader denied {data['denied']} orders")
    return Figures(
        int(data["p50_ns"]),
        int(data["p99_ns"]),
        int(data["samples"]),
        str(data["version"]),
        str(data.get("instrument", "")),
    )


def run_backtest(orders: int) -> BacktestFigures:
    """NautilusTrader's submit -> fill path for `orders` market orders, in the venv."""
    done = subprocess.run(
        [str(python()), str(BACKTEST_SCRIPT), str(orders)], capture_output=True, text=True
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"NautilusTrader backtest path failed:\n{done.stdout}{done.stderr}")
    data = json.loads(lines[-1])
    return BacktestFigures(
        int(data["filled"]), float(data["wall_s"]), float(data["cpu_s"]), str(data["version"])
    )


def medians(rounds: list[Figures]) -> Figures:
    """Per-round medians of p50 and p99, over rounds run alternately with the other side."""
    return Figures(
        int(statistics.median(r.p50_ns for r in rounds)),
        int(statistics.median(r.p99_ns for r in rounds)),
        sum(r.samples for r in rounds),
        rounds[0].version if rounds else "",
        rounds[0].instrument if rounds else "",
    )


# The target: the gate alone at least this many times ahead of NautilusTrader's pass path
# for the same kind of order (an equity), at p50.
AHEAD = 2.0


def verdict(gate: Figures, nautilus: Figures) -> str:
    """The target line: the gate alone >= 2x ahead of the equity pass path at p50."""
    ratio = nautilus.p50_ns / gate.p50_ns if gate.p50_ns else float("inf")
    instrument = nautilus.instrument or "the equity"
    return (
        f"target gate alone >= {AHEAD:.0f}x ahead of NautilusTrader's RiskEngine pass path "
        f"on {instrument} (gate p50 <= {nautilus.p50_ns / AHEAD:,.0f} ns): "
        f"{'met' if ratio >= AHEAD else 'MISSED'} (p50 {gate.p50_ns:,} vs "
        f"{nautilus.p50_ns:,} ns, NautilusTrader / gate = {ratio:.2f}x)"
    )
