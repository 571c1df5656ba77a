"""Every operation's OpenAPI `operationId`: its handler function's name, in lowerCamelCase.

`place_order` answers `placeOrder`, `activate_kill_switch` `activateKillSwitch`: a client
generator's method names, and a name to grep for in adapters/http. The app's OpenAPIConfig
names every operation with `operation_id` (a handler's own `operation_id=` still wins), so a
new handler is named as it is added; tests/http/test_openapi_document.py fails on a name that
reads like Litestar's generated ones, a duplicate, or one not in lowerCamelCase.

Two cases need more than the function's name:

- A name that says nothing alone (`get`, `list_`, `post`, `handler`, ...) takes the noun of
  its owner: `get` in `CalendarController` answers `getCalendar`, a module-level `handler`
  of adapters/http/markets/calendars.py on POST `postCalendars`. Better still: name the
  function for what it does.
- A controller a context mounts under a second prefix as well (`/api/signals` besides
  `/api/v1/signals`) answers with the prefix after its name there (`listSignalsAtApi`):
  its router carries the qualifier (`AppRouter.operation_suffix`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from litestar.handlers import HTTPRouteHandler
from litestar.types import Method
from litestar.types.internal_types import PathParameterDefinition

from adapters.http.routing import AppRouter

# Handler names that say what is done but not to what (or not even that): the owner's noun
# is added. The value is the verb the id starts with; None: the HTTP method's verb.
GENERIC_NAMES: dict[str, str | None] = {
    "get": "get",
    "read": "get",
    "one": "get",
    "detail": "get",
    "show": "get",
    "list": "list",
    "list_": "list",
    "every": "list",
    "all": "list",
    "index": "list",
    "create": "create",
    "add": "add",
    "new": "create",
    "update": "update",
    "edit": "update",
    "replace": "replace",
    "delete": "delete",
    "remove": "delete",
    "post": "post",
    "put": "put",
    "patch": "patch",
    "handler": None,
    "handle": None,
    "endpoint": None,
    "route": None,
    "view": None,
    "run": None,
}
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+[a-z]*")
_CONTROLLER = re.compile(r"(Controller|Routes|Router|View)$")


def words_of(text: str) -> list[str]:
    """The words of a snake_case, kebab-case, camelCase or PascalCase name, lowercased."""
    return [word.lower() for word in _WORD.findall(text)]


def lower_camel(words: Sequence[str]) -> str:
    """["place", "order"] -> "placeOrder"; ["build", "13f", "table"] -> "build13fTable"."""
    head, *rest = words
    return head + "".join(word[:1].upper() + word[1:] for word in rest)


def function_of(handler: HTTPRouteHandler) -> Any:
    """The function a handler was written as: Litestar wraps a plain `def` run in a worker
    thread (`sync_to_thread`) in an `AsyncCallable` that keeps it as `func`."""
    return getattr(handler.fn, "func", handler.fn)


def owner_noun(handler: HTTPRouteHandler) -> list[str]:
    """The words naming what a handler's owner serves: its controller's class name without
    `Controller` (`PriceAlertController` -> price alert), else its module's last name."""
    fn = function_of(handler)
    qualname = fn.__qualname__.split(".")
    if len(qualname) > 1 and qualname[-2] != "<locals>":
        return words_of(_CONTROLLER.sub("", qualname[-2]))
    module = sys.modules.get(fn.__module__)
    name = fn.__module__.rsplit(".", 1)[-1]
    if name in ("routes", "__init__") and module is not None and module.__package__:
        name = module.__package__.rsplit(".", 1)[-1]
    return words_of(name)


def mount_suffix(handler: HTTPRouteHandler) -> list[str]:
    """The qualifier of the router mounting this handler a second time (`AppRouter`)."""
    for layer in handler.ownership_layers:
        if isinstance(layer, AppRouter) and layer.operation_suffix:
            return words_of(layer.operation_suffix)
    return []


def operation_id(
    handler: HTTPRouteHandler, method: Method, _path: list[str | PathParameterDefinition]
) -> str:
    """The operationId of `handler` answering `method` (Litestar's `OperationIDCreator`)."""
    name = function_of(handler).__name__
    method_verb = str(getattr(method, "value", method)).lower()  # an HttpMethod or its text
    if name in GENERIC_NAMES:
        words = [GENERIC_NAMES[name] or method_verb, *owner_noun(handler)]
    else:
        words = words_of(name)
    if len(handler.http_methods) > 1:
        words = [method_verb, *words]
    return lower_camel([*words, *mount_suffix(handler)])
