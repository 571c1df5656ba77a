"""The wheel `uv build` makes, installed in a fresh virtual environment, migrates and serves
with the embedded defaults from an empty folder, its shipped data sets found, its API docs
served from the package (no CDN) and its OpenAPI document built off the event loop.

The environment gets the wheel and nothing of the checkout: the dependencies are the test
run's own (the locked set `make install` put in .venv), reached through a path file, so their
bytecode, compiled once, is not compiled again here; the checkout's editable install is not
among them (a path file in a folder added that way is not read)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import httpx
import pytest

from tests.bulwark_process import ROOT, free_port

pytestmark = pytest.mark.integration


def uv() -> str:
    found = ROOT / ".tools" / "bin" / "uv"
    if found.exists():
        return str(found)
    on_path = shutil.which("uv")
    if on_path is None:
        pytest.skip("uv is not installed (make install puts it in .tools/bin)")
    return on_path


def run(*argv: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(argv)}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment holding the locked dependencies and the wheel, nothing else."""
    base = tmp_path_factory.mktemp("wheel")
    run(uv(), "build", "--wheel", "--out-dir", str(base / "dist"), "--quiet", cwd=ROOT)
    [wheel] = (base / "dist").glob("bulwark-*.whl")
    venv = base / "venv"
    run(uv(), "venv", "--quiet", "--python", sys.executable, str(venv), cwd=base)
    python = str(venv / "bin" / "python")
    run(uv(), "pip", "install", "--quiet", "--no-deps", "--python", python, str(wheel), cwd=base)
    own = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                   cwd=base).strip())  # fmt: skip
    (own / "test_run_dependencies.pth").write_text(f"{sysconfig.get_paths()['purelib']}\n")
    served_from = run(python, "-c", "import bootstrap; print(bootstrap.__file__)", cwd=base)
    assert Path(served_from.strip()).is_relative_to(own), served_from  # the wheel's, not ours
    return venv


def test_the_installed_wheel_serves_from_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    # Arrange: an empty folder, no .env, no BULWARK_* setting but the ports
    folder = tmp_path / "empty"
    folder.mkdir()
    port = free_port()
    env = {
        "PATH": f"{installed / 'bin'}:{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "BULWARK_PORT": str(port),
        "BULWARK_KILL_SWITCH_PORT": str(free_port()),
        "BULWARK_LOG_FORMAT": "json",
    }
    bulwark = str(installed / "bin" / "bulwark")
    log = tmp_path / "serve.log"

    # Act
    run(bulwark, "migrate", cwd=folder, env=env)
    with log.open("w") as out:
        server = subprocess.Popen(
            [bulwark, "serve"], cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        ready = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/ready", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.3)
        console = httpx.get(f"http://127.0.0.1:{port}/console/login", timeout=10)
        while "openapi_document_built" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        swagger = httpx.get(f"http://127.0.0.1:{port}/schema/swagger", timeout=10)
        script = httpx.get(f"http://127.0.0.1:{port}/schema/assets/swagger-ui-bundle.js")
        document = httpx.get(f"http://127.0.0.1:{port}/schema/openapi.json", timeout=10)
    finally:
        server.terminate()
        stopped = server.wait(30)  # uvicorn ends with the signal's status once stopped

    # Assert
    output = log.read_text()
    assert ready is not None and ready.status_code == 200, output[-3000:]
    assert console.status_code == 200
    assert swagger.status_code == 200
    assert 'src="/schema/assets/swagger-ui-bundle.js"' in swagger.text
    assert "cdn" not in swagger.text.lower()
    assert script.status_code == 200 and len(script.content) > 100_000
    assert document.status_code == 200 and "openapi_document_built" in output
    stalls = [line for line in output.splitlines() if "event_loop_blocked" in line]
    assert not [line for line in stalls if "_openapi" in line], stalls
    assert stopped in (0, -15), output[-3000:]
    assert (folder / "var" / "bulwark.db").exists()  # the embedded store, where make run has it
    shipped = [
        Path(line[key])
        for line in map(json.loads, filter(None, output.splitlines()))
        for key in ("directory", "file")
        if line.get("sample") and key in line
    ]
    assert shipped, "no shipped data set was named at start-up"
    missing = [str(p) for p in shipped if not p.exists()]
    assert not missing, f"shipped data not in the wheel: {missing}"
    assert "Traceback" not in output
