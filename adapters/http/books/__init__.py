"""The books context's routes: an owner's books, limits over a group of accounts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.books.killswitch import BookKillSwitch
from application.books.service import BookService

NAME = "books"
# The problems every books route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403, 429)


@dataclass(frozen=True)
class BooksServices:
    """What the books routes call."""

    service: BookService
    killswitch: BookKillSwitch


BooksDep: TypeAlias = NamedDependency[BooksServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.books import books

    return books.CONTROLLERS


context = context_over(NAME, BooksServices, controllers)
