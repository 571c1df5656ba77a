"""`/api/v1/books`: an owner's books, limits over a group of accounts across venues."""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, JSONBody

from adapters.http.books import BooksDep, problems
from adapters.http.books.schemas import (
    BookHaltIn,
    BookHaltOut,
    BookIn,
    BookOut,
    BookPatch,
    BooksOut,
    StandingOut,
)
from adapters.http.deps import CallerDep
from adapters.http.security import reject_agents

_OWNER_ONLY = "Only the book's owner: 404 NOT_FOUND for another's, agents 403."


class BookController(Controller):
    """Create, list, show (with the aggregate now), revise and delete books."""

    path = "/books"
    guards = (reject_agents,)

    @post(
        "/",
        summary="Create a book: limits over a group of your accounts, on any connections",
        description=(
            "Each member must be your own account (404 NOT_FOUND names one that is not). "
            "From the next order on, an order in a member account is denied when it would "
            "breach a limit of the book's aggregate, with the book's reason "
            "(BOOK_GROSS_EXPOSURE, ...); a member whose state is unknown denies with "
            "BOOK_STATE_UNKNOWN, a currency without a rate with BOOK_FX_UNKNOWN. 422 "
            "INVALID_BOOK or INVALID_BOOK_LIMIT for a book or limit that does not hold."
        ),
        responses=problems(400, 404, 422),
        status_code=201,
    )
    async def create_book(
        self, data: JSONBody[BookIn], caller: CallerDep, books: BooksDep
    ) -> BookOut:
        return BookOut.from_domain(await books.service.create(caller.principal, data.to_spec()))

    @get("/", summary="Your books")
    async def list_books(self, caller: CallerDep, books: BooksDep) -> BooksOut:
        owned = await books.service.list(caller.principal)
        return BooksOut(books=[BookOut.from_domain(b) for b in owned])

    @get(
        "/{book_id:str}",
        summary="One book with its aggregate now and each limit's use",
        description=(
            "The members' figures read now, summed in the book's currency; null figures and "
            f"`unknown` name the members it cannot read or price. {_OWNER_ONLY}"
        ),
        responses=problems(404),
    )
    async def get_book(
        self, book_id: FromPath[str], caller: CallerDep, books: BooksDep
    ) -> StandingOut:
        return StandingOut.from_domain(await books.service.show(caller.principal, book_id))

    @patch(
        "/{book_id:str}",
        summary="Change a book's name, members, limits or instrument names",
        description=f"The limits given replace them all. {_OWNER_ONLY}",
        responses=problems(400, 404, 422),
    )
    async def revise_book(
        self,
        book_id: FromPath[str],
        data: JSONBody[BookPatch],
        caller: CallerDep,
        books: BooksDep,
    ) -> BookOut:
        revised = await books.service.revise(caller.principal, book_id, data.to_spec())
        return BookOut.from_domain(revised)

    @post(
        "/{book_id:str}/kill-switch",
        summary="Pull the kill switch over the book: every member halted at its own venue",
        description=(
            "Your passcode, checked once (the kill switch's lockout and audit). The book's "
            "scope (`book:<id>`) is halted: every member account's working orders are "
            "cancelled at its venue at the same time, each venue confirmed by its own order "
            "list, and with `flatten` the positions closed and each venue asked again until "
            "flat. One record on the kill switch's timeline, resumed as any halt "
            "(`POST /kill-switch/resume` with the scope `book`); while it holds, every "
            "member's orders are denied TRADING_HALTED, an account added later's too. "
            "403 WRONG_PASSCODE, 423 KILL_SWITCH_LOCKED as the kill switch. " + _OWNER_ONLY
        ),
        responses=problems(400, 404, 423, 503),
        status_code=201,
    )
    async def halt_book(
        self,
        book_id: FromPath[str],
        data: JSONBody[BookHaltIn],
        caller: CallerDep,
        books: BooksDep,
    ) -> BookHaltOut:
        halt = await books.killswitch.activate(
            caller.principal, book_id, data.passcode, data.reason or "",
            flatten=data.flatten,
        )  # fmt: skip
        return BookHaltOut.from_domain(halt)

    @delete(
        "/{book_id:str}",
        summary="Delete a book (its limits no longer apply)",
        description=_OWNER_ONLY,
        status_code=204,
        responses=problems(404),
    )
    async def delete_book(self, book_id: FromPath[str], caller: CallerDep, books: BooksDep) -> None:
        await books.service.delete(caller.principal, book_id)


CONTROLLERS: list[Any] = [BookController]
