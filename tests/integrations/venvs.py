"""A throwaway venv per integration, for the tests that run the real bot library.

An integration (`integrations/<name>/`, a package of its own) pins a library that must never
enter Bulwark's own venv or lock. `ensure(name)` installs the integration, editable, with its
pinned dependencies, into `var/integration-venvs/<name>` once per machine: a marker holds a
digest of the integration's pyproject.toml, so a new pin reinstalls and an unchanged one costs
one file read. The project's uv (`.tools/bin/uv`, from `make install`) does the install; pip
when there is none. When the install cannot happen (no network, no wheel for this Python) the
answer is the one-line reason to skip with.
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENVS = ROOT / "var" / "integration-venvs"
INTEGRATIONS = ROOT / "integrations"


@dataclass(frozen=True)
class Venv:
    """An integration's installed venv: its interpreter."""

    name: str
    python: Path


def _uv() -> str | None:
    local = ROOT / ".tools" / "bin" / "uv"
    return str(local) if local.exists() else shutil.which("uv")


def _key(project: Path) -> str:
    digest = hashlib.sha256((project / "pyproject.toml").read_bytes()).hexdigest()
    return f"{sys.version_info.major}.{sys.version_info.minor} {digest}"


def _run(command: list[str]) -> str | None:
    """None when `command` succeeded, else its last line of output."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if done.returncode == 0:
        return None
    lines = (done.stderr.strip() or done.stdout.strip() or "failed").splitlines()
    return lines[-1]


def ensure(name: str) -> Venv | str:
    """The venv of `integrations/<name>` (installed if need be), or why it cannot be had."""
    project = INTEGRATIONS / name
    venv = VENVS / name
    python = venv / "bin" / "python"
    marker = venv / ".bulwark-installed"
    key = _key(project)
    VENVS.mkdir(parents=True, exist_ok=True)
    with open(VENVS / f"{name}.lock", "w") as lock:
        # One installer at a time per machine (pytest-xdist workers, two checkouts' runs).
        fcntl.flock(lock, fcntl.LOCK_EX)
        if python.exists() and marker.exists() and marker.read_text() == key:
            return Venv(name, python)
        marker.unlink(missing_ok=True)
        uv = _uv()
        if uv is not None:
            steps = [
                [uv, "venv", "--quiet", "--clear", "--python", sys.executable, str(venv)],
                [uv, "pip", "install", "--quiet", "--python", str(python), "-e", str(project)],
            ]
        else:
            pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
            steps = [
                [sys.executable, "-m", "venv", "--clear", str(venv)],
                [*pip, "-e", str(project)],
            ]
        for step in steps:
            failed = _run(step)
            if failed is not None:
                return f"{name} integration not installable here ({' '.join(step[:3])}): {failed}"
        marker.write_text(key)
    return Venv(name, python)
