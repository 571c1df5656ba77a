"""Throwaway venvs for the bot integrations (integrations/<name>/), whose libraries pin what
Bulwark's lock cannot hold: each is installed into `var/integration-venvs/<name>` (git-ignored),
once per machine and per the integration's pyproject (a marker holds its digest), and reused.

The integration itself is installed editable, so a test runs the tree's code; its pinned
dependencies come from PyPI (the project's uv when `make` has installed it, else pip). When the
install cannot happen (no network), `ensure` says why in one line and the caller skips.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENVS = ROOT / "var" / "integration-venvs"
INTEGRATIONS = ROOT / "integrations"
UV = ROOT / ".tools" / "bin" / "uv"
INSTALL_TIMEOUT_S = 1200
MARKER = ".bulwark-installed"
# Part of the marker's digest: a change to how a venv is installed reinstalls the venvs.
RECIPE = b"editable, bytecode compiled"


@dataclass(frozen=True)
class Venv:
    """An integration's installed venv: its interpreter and its scripts."""

    name: str
    python: Path

    def bin(self, script: str) -> Path:
        return self.python.with_name(script)


def ensure(name: str) -> Venv | str:
    """The venv of `integrations/<name>` (installed if need be), or why it cannot be had."""
    why = _installed(name)
    return Venv(name, _python(name)) if why is None else why


def _python(name: str) -> Path:
    return VENVS / name / "bin" / "python"


def _installed(name: str) -> str | None:
    """None when `var/integration-venvs/<name>` holds `integrations/<name>` as its pyproject now
    pins it (installed here if need be, one process at a time); else why not, in one line."""
    project = INTEGRATIONS / name
    venv = VENVS / name
    interpreter = f"{sys.version_info.major}.{sys.version_info.minor}".encode()
    digest = hashlib.sha256(
        RECIPE + interpreter + (project / "pyproject.toml").read_bytes()
    ).hexdigest()
    VENVS.mkdir(parents=True, exist_ok=True)
    with (VENVS / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another worker may be installing it
        marker = venv / MARKER
        if marker.exists() and marker.read_text() == digest and _python(name).exists():
            return None
        shutil.rmtree(venv, ignore_errors=True)
        why = _install(venv, project)
        if why is not None:
            shutil.rmtree(venv, ignore_errors=True)
            return f"{name} integration skipped: cannot install its venv ({why})"
        marker.write_text(digest)
        return None


def _install(venv: Path, project: Path) -> str | None:
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    if UV.exists():
        steps = [
            [str(UV), "venv", "--quiet", "--python", sys.executable, str(venv)],
            [
                str(UV),
                "pip",
                "install",
                "--quiet",
                "--compile-bytecode",
                "--python",
                str(python),
                "-e",
                str(project),
            ],
        ]
    else:  # pip compiles the modules' bytecode as it installs them
        steps = [
            [sys.executable, "-m", "venv", str(venv)],
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                "-e",
                str(project),
            ],
        ]
    for step in steps:
        try:
            done = subprocess.run(
                step, capture_output=True, text=True, env=env, timeout=INSTALL_TIMEOUT_S
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{Path(step[0]).name}: {exc}"
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines() or ["failed"]
            said = next((line for line in lines if line.startswith("error")), lines[-1])
            return f"{Path(step[0]).name} {step[1]}: {said}"
    return None
