"""The API's OpenAPI document, checked in at clients/openapi.json for client generators.

The document is the one the app serves at /schema/openapi.json with every context served
and the default settings (no environment, no .env file): the same on every machine. It is
written pretty-printed with sorted keys, so a change to the API reads as a small diff.
tests/http/test_openapi_document.py fails when the checked-in file and the app differ.

    .venv/bin/python -m tools.openapi_export            # rewrite clients/openapi.json
    .venv/bin/python -m tools.openapi_export --check    # exit 1 if it is out of date
    .venv/bin/python -m tools.openapi_export --write -  # print the document instead
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from litestar import Litestar

ROOT = Path(__file__).resolve().parent.parent
CHECKED_IN = ROOT / "clients" / "openapi.json"
REGENERATE = ".venv/bin/python -m tools.openapi_export"
SCHEMA_PATH = "/schema"  # adapters/http/app.py `openapi_config`


def served_app() -> Litestar:
    """An app serving every context with the default settings (nothing is started)."""
    from bootstrap.app import create_app
    from bootstrap.containers.application import build_container
    from bootstrap.settings import load_settings

    settings = load_settings(environ={}, env_file=None)
    return create_app(settings, build_container(settings))


def document_of(app: Litestar) -> dict[str, Any]:
    """`app`'s OpenAPI document as GET /schema/openapi.json answers it: encoded as that route
    encodes it (a default may be a Decimal, say), then read back."""
    from litestar._openapi.plugin import OpenAPIPlugin
    from litestar.routes import HTTPRoute
    from litestar.serialization import encode_json, get_serializer

    schema = app.plugins.get(OpenAPIPlugin).provide_openapi_schema()
    (route,) = (
        r
        for r in app.routes
        if isinstance(r, HTTPRoute) and r.path == f"{SCHEMA_PATH}/openapi.json"
    )
    handler, _ = route.route_handler_map["GET"]
    encoded = encode_json(schema, serializer=get_serializer(handler.resolve_type_encoders()))
    document: dict[str, Any] = json.loads(encoded)
    return document


def render(document: dict[str, Any]) -> str:
    """The document as checked in: two-space indents, sorted keys, a final newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.openapi_export", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--write",
        metavar="PATH",
        default=str(CHECKED_IN.relative_to(ROOT)),
        help="where to write the document ('-': standard output; default: %(default)s)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing: exit 1 when the file at --write differs from the app's document",
    )
    args = parser.parse_args(argv)
    from bootstrap.logging import configure_logging

    # Building the app logs what the default settings leave off; only errors matter here.
    configure_logging("error", stream=sys.stderr)
    text = render(document_of(served_app()))
    if args.write == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.write)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            print(f"{target} is up to date")
            return 0
        print(f"{target} differs from the app's OpenAPI document: run {REGENERATE}")
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    operations = sum(
        1 for item in json.loads(text)["paths"].values() for key in item if key != "parameters"
    )
    print(f"wrote {target} ({operations} operations)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
