"""Books: limits over a group of accounts across venues (their store, the check the order
path runs after each account's own gate, the service the API calls)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from application.books.check import BookCheck
from application.books.killswitch import BookKillSwitch
from application.books.scope_group import BookScopeGroup
from application.books.service import BookService
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.books import InMemoryBookStore
    from adapters.postgres.books import SqlBookStore


def memory_book_store() -> InMemoryBookStore:
    from adapters.memory.books import InMemoryBookStore

    return InMemoryBookStore()


def sql_book_store(engine: AsyncEngine) -> SqlBookStore:
    from adapters.postgres.books import SqlBookStore

    return SqlBookStore(engine)


def states_bound(gate: Any) -> Callable[[], float]:
    """How long a book write waits before it answers: the bound each instance keeps the
    rules' revision for (the trading states cache's; none on the in-memory store)."""
    return lambda: gate.states.max_age if gate.states is not None else 0.0


class BooksContainer(containers.DeclarativeContainer):
    """Over the core (the unit of work, the quotes, the gate's checks the book's joins),
    trading (the risk books the members' figures are read from) and safety (the kill switch
    a book's halt pulls for each member)."""

    core = providers.DependenciesContainer()
    trading = providers.DependenciesContainer()
    safety = providers.DependenciesContainer()

    store = store_provider(core, memory_book_store, sql_book_store)
    check = providers.Singleton(BookCheck, store, core.market, core.clock, books=trading.risk_books)
    service = providers.Singleton(
        BookService, store, core.uow_factory, check, core.clock, core.ids, core.audit,
        bound_seconds=providers.Callable(states_bound, trading.order_gate),
    )  # fmt: skip
    # The kill switch over a book: every member halted at once (application/books/killswitch.py).
    killswitch = providers.Singleton(
        BookKillSwitch, store, safety.killswitch.provider, core.audit, core.clock
    )
    # A book as a scope of the kill switch (application/books/scope_group.py).
    scope_group = providers.Singleton(BookScopeGroup, store)


def prepare(container: Any, settings: Any) -> None:
    """The gate judges each approval against the account's books and reads their kill switch
    scopes with the account's (the check built on the first order, after the composition's
    overrides); the kill switch knows a book's owner and members."""
    container.core.gate_checks().add(container.check)
    container.core.gate_checks().add_groups(container.check)
    container.safety.scope_groups().add(container.scope_group())
