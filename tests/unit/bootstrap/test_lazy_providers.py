"""The composition root names its adapters in typed code, never by a "module:Name" string,
and stays lazy: an adapter's module is imported only when its provider is first built, so the
app served on the memory store imports neither SQLAlchemy nor a SQL adapter."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BOOTSTRAP = ROOT / "bootstrap"
CONTAINERS = BOOTSTRAP / "containers"

# "adapters.memory.orders:InMemoryOrders": a dotted module, a colon, a name.
MODULE_STRING = re.compile(r"^[A-Za-z_]\w*(\.\w+)+:[A-Za-z_]\w*$")
PACKAGES = ("adapters.", "application.", "bootstrap.", "domain.", "ports.")


def _string_providers(source: str, path: str) -> list[str]:
    """Each string passed to a call that names a module's attribute ("module:Name"), or an
    f-string that builds one ("adapters.http.{package}:{name}")."""
    found = []
    for node in ast.walk(ast.parse(source, path)):
        if not isinstance(node, ast.Call):
            continue
        for value in [*node.args, *(keyword.value for keyword in node.keywords)]:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                text = value.value
            elif isinstance(value, ast.JoinedStr):
                text = "".join(
                    part.value if isinstance(part, ast.Constant) else "{}" for part in value.values
                )
                if not (text.startswith(PACKAGES) and ":" in text):
                    continue
            else:
                continue
            if isinstance(value, ast.JoinedStr) or MODULE_STRING.match(text):
                found.append(f"{path}:{value.lineno}: {text}")
    return sorted(found)


def test_the_scan_finds_a_string_named_provider() -> None:
    # Arrange
    source = (
        'a = providers.Singleton(later("adapters.memory.bus:InProcessEventBus"))\n'
        'b = providers.Singleton(store_for, kind, memory="adapters.memory.x:X", sql=sql_x)\n'
        'c = providers.Singleton(later(f"adapters.http.{package}:context"))\n'
        'd = log.info("bulwark:events", topic="orders")\n'
    )

    # Act
    found = _string_providers(source, "example.py")

    # Assert
    assert found == [
        "example.py:1: adapters.memory.bus:InProcessEventBus",
        "example.py:2: adapters.memory.x:X",
        "example.py:3: adapters.http.{}:context",
    ]


def test_no_provider_in_the_composition_root_is_named_by_a_module_string() -> None:
    # Arrange
    paths = sorted(BOOTSTRAP.rglob("*.py"))

    # Act
    found = [
        hit
        for path in paths
        for hit in _string_providers(path.read_text(), str(path.relative_to(ROOT)))
    ]

    # Assert
    assert len(paths) > 50
    assert found == []


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
