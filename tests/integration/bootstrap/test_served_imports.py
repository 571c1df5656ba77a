"""What a served process imports, each in a fresh interpreter (nothing another test imported
counts): the app on the memory store imports neither SQLAlchemy nor a SQL adapter (an adapter's
module is imported only when its provider is first built), and an API-only instance does not
import the console's pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


_SERVED_ON_MEMORY = """
import json, sys
from litestar.testing import TestClient
from bootstrap.app import create_app
from bootstrap.settings import load_settings

settings = load_settings(
    {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://"}, env_file=None
)
with TestClient(create_app(settings)) as client:  # started (the lane too) and stopped
    ready = client.get("/ready").status_code
with open(sys.argv[1], "w") as out:
    json.dump({"ready": ready, "modules": sorted(sys.modules)}, out)
"""


def test_the_app_served_on_the_memory_store_imports_no_sql_store(tmp_path: Path) -> None:
    # Arrange
    report = tmp_path / "served.json"

    # Act
    subprocess.run(
        [sys.executable, "-c", _SERVED_ON_MEMORY, str(report)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=240,
    )
    served = json.loads(report.read_text())
    modules = set(served["modules"])

    # Assert
    assert served["ready"] == 200
    assert {"adapters.memory.portfolios", "bootstrap.killswitch_lane"} <= modules
    assert sorted(m for m in modules if m.startswith(("sqlalchemy", "adapters.postgres"))) == []


def test_an_api_only_instance_does_not_import_the_console_pages() -> None:
    # Arrange: a fresh interpreter, so nothing imported by other tests counts
    probe = (
        "import sys\n"
        "from adapters.memory.clock import FakeClock\n"
        "from tests.http.harness import test_container, test_settings\n"
        "container = test_container(test_settings(served_contexts='{served}'), FakeClock())\n"
        "container.http_contexts.served()\n"
        "print('adapters.http.console.app' in sys.modules)\n"
    )

    # Act
    answers = [
        subprocess.run(
            [sys.executable, "-c", probe.format(served=served)],
            capture_output=True, text=True, check=True, timeout=120,
        ).stdout.split()[-1]
        for served in ("trading,safety", "trading,safety,console")
    ]  # fmt: skip

    # Assert
    assert answers == ["False", "True"]
