"""Generates the typed Python client's `generated` package from the checked-in OpenAPI document.

openapi-python-client (a dev dependency) reads clients/openapi.json with the settings of
clients/python/generator.yaml and writes clients/python/bulwark_client/generated/. The
hand-written layer beside it (bulwark_client/_facade.py and friends) is never touched.
tests/clients/test_generated_client.py fails when the checked-in code is not what this
writes.

    .venv/bin/python -m tools.client_generate            # rewrite the generated package
    .venv/bin/python -m tools.client_generate --check    # exit 1 if it is out of date

One adjustment is made to the document before generation, in memory: the generator names a
model class after its schema's `title`, and the app's document has a few schemas of the same
title under different names (`risk_SizingIn` and `strategies_SizingIn` are both "SizingIn").
The generator would drop both, and every operation using them; without the shared title each
class is named after its schema's name instead (`RiskSizingIn`, `StrategiesSizingIn`).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "clients" / "openapi.json"
CLIENT = ROOT / "clients" / "python"
CONFIG = CLIENT / "generator.yaml"
GENERATED = CLIENT / "bulwark_client" / "generated"
REGENERATE = ".venv/bin/python -m tools.client_generate"


def prepared(document: dict[str, Any]) -> dict[str, Any]:
    """The document with the titles that several component schemas share removed."""
    schemas: dict[str, dict[str, Any]] = document.get("components", {}).get("schemas", {})
    titles = Counter(schema.get("title") for schema in schemas.values() if "title" in schema)
    for schema in schemas.values():
        if titles.get(schema.get("title"), 0) > 1:
            del schema["title"]
    return document


def generate(into: Path) -> list[str]:
    """Writes the generated package into `into` (created, or replaced); the generator's
    warnings (parts of the document it could not express), one line each."""
    from openapi_python_client import generate as run_generator
    from openapi_python_client.config import Config, ConfigFile, MetaType

    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "openapi.json"
        source.write_text(json.dumps(prepared(json.loads(DOCUMENT.read_text()))))
        config = Config.from_sources(
            ConfigFile.load_from_path(CONFIG),
            MetaType.NONE,
            source,
            "utf-8",
            overwrite=True,
            output_path=into,
        )
        errors = run_generator(config=config)
    return [f"{error.header}: {error.detail}" for error in errors]


def differences(left: Path, right: Path) -> list[str]:
    """The files (relative to the two trees) present in one tree only or different in both."""

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> list[str]:
        found = [prefix + name for name in comparison.left_only + comparison.right_only]
        found += [prefix + name for name in comparison.diff_files + comparison.funny_files]
        for name, sub in sorted(comparison.subdirs.items()):
            found += walk(sub, f"{prefix}{name}/")
        return found

    ignore = [*filecmp.DEFAULT_IGNORES, ".ruff_cache"]
    return sorted(walk(filecmp.dircmp(left, right, ignore=ignore), ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if it is out of date")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as scratch:
            fresh = Path(scratch) / "generated"
            generate(fresh)
            changed = differences(GENERATED, fresh) if GENERATED.is_dir() else ["(missing)"]
        if changed:
            print(
                f"the generated client is out of date ({', '.join(changed[:5])}): run {REGENERATE}"
            )
            return 1
        print("the generated client is up to date")
        return 0
    shutil.rmtree(GENERATED, ignore_errors=True)
    for warning in generate(GENERATED):
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {GENERATED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
