"""The OpenAPI document as a client generator reads it: every operation with a meaningful,
unique lowerCamelCase `operationId` and its context's one tag, and clients/openapi.json the
document the app serves (every context, the default settings). One app, built once."""

from __future__ import annotations

import difflib
import inspect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.routes import HTTPRoute

from adapters.http.operation_ids import GENERIC_NAMES, function_of, words_of
from bootstrap.contexts import SERVABLE_CONTEXTS
from tools.openapi_export import CHECKED_IN, REGENERATE, ROOT, document_of, render, served_app

LOWER_CAMEL = re.compile(r"^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)*$")
# Litestar's own ids start with the path's words: ApiV1ProvidersFailoverFailover.
PATH_WORDS = re.compile(r"^api|ApiV\d|V\d+(?=[A-Z]|$)")
BARE = {*GENERIC_NAMES, "head", "options", "trace"}
HOW_TO_NAME = (
    "An operation's id is its handler function's name in lowerCamelCase "
    "(adapters/http/operation_ids.py): rename the function to say what it does, verb then "
    "noun, unique across the API (place_order -> placeOrder, list_exchange_calendars -> "
    'listExchangeCalendars), or give its decorator operation_id="..." in lowerCamelCase. '
    f"Then regenerate the checked-in document: {REGENERATE}"
)
HOW_TO_TAG = (
    "An operation's one tag is its context's name, set by the context's router "
    "(adapters/http/contexts.py, HttpContext.routers): mount the handler through its "
    "context's `controllers` (adapters/http/<context>/__init__.py) and give neither it nor "
    "its controller `tags` of their own."
)


def id_faults(operation_id: str) -> list[str]:
    """What is wrong with an operation id, for a client generator's reader (none: fine)."""
    faults = []
    if not LOWER_CAMEL.match(operation_id):
        faults.append("is not lowerCamelCase")
    words = words_of(operation_id)
    if PATH_WORDS.search(operation_id):
        faults.append("reads like a generated id (the path's words)")
    if any(a == b for a, b in itertools.pairwise(words)):
        faults.append("reads like a generated id (a word twice over)")
    if len(words) == 1 and words[0] in BARE:
        faults.append("says nothing alone")
    return faults


@dataclass(frozen=True)
class Named:
    """One operation of the document and the handler that answers it."""

    method: str
    path: str
    operation_id: str
    handler: HTTPRouteHandler

    @property
    def where(self) -> str:
        fn = function_of(self.handler)
        file = Path(inspect.getsourcefile(fn) or "?").resolve()
        shown = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
        return f"{shown}:{inspect.getsourcelines(fn)[1]} {fn.__qualname__}"


def named_operations(app: Litestar) -> Iterator[Named]:
    """Every operation of the app's document with its id, named as Litestar names it (the
    handler's own `operation_id`, else the app's creator) without building the document."""
    assert app.openapi_config is not None
    creator = app.openapi_config.operation_id_creator
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for method, (handler, _) in route.route_handler_map.items():
            if not handler.resolve_include_in_schema():
                continue
            own = handler.operation_id
            if isinstance(own, str):
                operation_id = own
            elif callable(own):
                operation_id = own(handler, method, route.path_components)
            else:
                operation_id = creator(handler, method, route.path_components)
            yield Named(method, route.path_format, operation_id, handler)


@pytest.fixture(scope="module")
def app() -> Litestar:
    return served_app()


@pytest.fixture(scope="module")
def document(app: Litestar) -> dict[str, Any]:
    return document_of(app)


@pytest.mark.parametrize(
    "operation_id",
    ["ApiV1ProvidersFailoverFailover", "apiV1Orders", "listOrdersApiV1", "get", "list", "post",
     "place_order", "importCSV", "listSignalsSignals", "Place"],
)  # fmt: skip
def test_a_generated_or_bare_or_badly_cased_id_is_named_a_fault(operation_id: str) -> None:
    assert id_faults(operation_id)


@pytest.mark.parametrize(
    "operation_id", ["placeOrder", "activateKillSwitch", "build13fInformationTable", "getIvRank"]
)
def test_a_meaningful_lower_camel_id_is_fine(operation_id: str) -> None:
    assert id_faults(operation_id) == []


def test_every_operation_id_is_meaningful_unique_and_lower_camel_case(app: Litestar) -> None:
    # Arrange
    operations = list(named_operations(app))

    # Act
    faults = [
        f"  {op.method} {op.path}: {op.operation_id!r} {fault} ({op.where})"
        for op in operations
        for fault in id_faults(op.operation_id)
    ]
    by_id: dict[str, list[Named]] = defaultdict(list)
    for op in operations:
        by_id[op.operation_id].append(op)
    faults += [
        f"  {op.method} {op.path}: {operation_id!r} is the id of {len(ops)} operations ({op.where})"
        for operation_id, ops in sorted(by_id.items())
        if len(ops) > 1
        for op in ops
    ]

    # Assert
    assert len(operations) > 250  # the whole API, not an empty app
    assert not faults, "\n".join(["These operations need another id:", *faults, HOW_TO_NAME])


def test_every_operation_has_exactly_its_contexts_one_tag(document: dict[str, Any]) -> None:
    # Arrange
    declared = {tag["name"] for tag in document["tags"]}

    # Act
    faults = [
        f"  {method.upper()} {path} ({op['operationId']}): tags {op.get('tags', [])}"
        for path, item in sorted(document["paths"].items())
        for method, op in item.items()
        if len(op.get("tags", [])) != 1 or op["tags"][0] not in SERVABLE_CONTEXTS
    ]

    # Assert
    assert not faults, "\n".join(
        ["Operations without their context's one tag:", *faults, HOW_TO_TAG]
    )
    assert declared == {
        op["tags"][0] for item in document["paths"].values() for op in item.values()
    }


def test_the_checked_in_document_is_the_one_the_app_serves(document: dict[str, Any]) -> None:
    # Arrange
    served = render(document)

    # Act
    checked_in = CHECKED_IN.read_text(encoding="utf-8") if CHECKED_IN.is_file() else ""

    # Assert
    if checked_in != served:
        diff = difflib.unified_diff(
            checked_in.splitlines(), served.splitlines(), "checked in", "served", lineterm="", n=1
        )
        shown = list(diff)
        more = f"\n... and {len(shown) - 60} more lines" if len(shown) > 60 else ""
        pytest.fail(
            f"{CHECKED_IN.relative_to(ROOT)} is not the OpenAPI document the app serves. "
            f"Regenerate it with `{REGENERATE}`, review the diff and commit it.\n"
            + "\n".join(shown[:60])
            + more,
            pytrace=False,
        )
