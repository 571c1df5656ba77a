"""numba on or off for every context's kernels: BULWARK_NUMBA=0 runs the plain NumPy path."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

NUMBA_ENABLED = os.environ.get("BULWARK_NUMBA", "1") != "0"


def maybe_njit(**options: Any) -> Callable[[F], F]:
    """`numba.njit(**options)` when numba is on, else the function unchanged."""

    def wrap(function: F) -> F:
        if not NUMBA_ENABLED:
            return function
        from numba import njit

        return njit(**options)(function)  # type: ignore[no-any-return]

    return wrap
