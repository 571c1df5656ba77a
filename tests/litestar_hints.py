"""Litestar's type-hint resolution remembered across the apps a test process builds.

Building an app resolves the type hints of every handler, dependency and generated OPTIONS
handler (~570 evaluations of string annotations per app); the suite builds well over a thousand
apps from the same functions, so a quarter of each build went to evaluating the same strings
again. The answer depends only on the function's code, its annotations and the names it is
resolved against, which is what keys the memo (a closure made afresh per app, Litestar's OPTIONS
handlers say, shares its code and annotations with the last one, so it hits as well). Each
caller gets its own copy of the hints. Installed for the whole suite by tests/conftest.py.
"""

from __future__ import annotations

from inspect import isclass, ismethod
from typing import Any

import litestar.utils.signature as signature

_resolve = signature.get_fn_type_hints
_memo: dict[tuple[Any, ...], tuple[dict[str, Any], tuple[Any, ...]]] = {}


def _inspected(fn: Any) -> Any:
    """The function Litestar reads the hints of (as `get_fn_type_hints` picks it)."""
    target = fn.__init__ if isclass(fn) else fn
    if callable(target) and ismethod(target.__call__):
        target = target.__call__
    return getattr(target, "__func__", target)


def remembered_fn_type_hints(fn: Any, namespace: dict[str, Any] | None = None) -> dict[str, Any]:
    """`litestar.utils.signature.get_fn_type_hints`, each distinct question answered once."""
    target = _inspected(fn)
    code = getattr(target, "__code__", None)
    if code is None:
        return _resolve(fn, namespace)
    annotations = tuple(getattr(target, "__annotations__", {}).items())
    names = tuple((namespace or {}).items())
    key = (
        code,
        fn.__module__,
        tuple((name, id(value)) for name, value in annotations),
        tuple((name, id(value)) for name, value in names),
    )
    found = _memo.get(key)
    if found is None:
        # the values are kept with the answer: their ids in the key stay theirs
        found = _memo[key] = (_resolve(fn, namespace), (annotations, names))
    return dict(found[0])


def install() -> None:
    signature.get_fn_type_hints = remembered_fn_type_hints
