"""The composition root names its adapters in typed code, never by a "module:Name" string,
and stays lazy: an adapter's module is imported only when its provider is first built, so a
process on the memory store never imports the SQL stores."""

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


def _sql_adapter_modules() -> set[str]:
    """The modules the containers' SQL store factories (`sql_*`) import when they build."""
    modules = set()
    for path in CONTAINERS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("sql_"):
                modules |= {
                    inner.module
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.ImportFrom)
                    and inner.module
                    and inner.module.startswith("adapters.postgres.")
                }
    return modules


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


_MEMORY_PROCESS = """
import json, sys
from bootstrap.containers.application import build_container
from bootstrap.settings import load_settings

settings = load_settings(
    {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://"}, env_file=None
)
container = build_container(settings)
container.http_contexts().served()  # every context the API serves, and what they read
with open(sys.argv[1], "w") as out:
    json.dump(sorted(sys.modules), out)
"""


def test_a_process_on_the_memory_store_imports_none_of_the_sql_stores(tmp_path: Path) -> None:
    # Arrange
    sql_stores = _sql_adapter_modules()
    imported = tmp_path / "modules.json"

    # Act
    subprocess.run(
        [sys.executable, "-c", _MEMORY_PROCESS, str(imported)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=240,
    )
    modules = set(json.loads(imported.read_text()))

    # Assert
    assert len(sql_stores) >= 20  # the scan sees the SQL stores the containers choose from
    assert "adapters.memory.portfolios" in modules  # the memory stores were built
    assert sorted(sql_stores & modules) == []
