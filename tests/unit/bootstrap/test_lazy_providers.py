"""The composition root names its adapters in typed code, never by a "module:Name" string
(what a served app imports: tests/integration/bootstrap/test_served_imports.py)."""

from __future__ import annotations

import ast
import re
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
