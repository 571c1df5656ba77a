"""`/console/books`: the signed-in owner's books (limits over a group of their accounts, on
any venue connections): list them, create one, a book's page with each member and its venue,
the aggregate exposure and each limit's use, and the book's kill switch.

The same use cases as /api/v1/books (application/books/service.py BookService and
application/books/killswitch.py BookKillSwitch), called with the signed-in principal: only
the caller's own books are listed, another owner's book answers the console's 404 page as an
unknown one, and the form offers only the caller's own accounts (the use case refuses any
other). The kill switch takes the caller's passcode (checked once, with the kill switch's
lockout and audit), halts every member at its own venue at once, and its verdict is shown
venue by venue: what each confirmed, what was left, how long it took.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from adapters.http.console.book_forms import LIMIT_KINDS, LIMIT_ROWS, BookForm, read_book_form
from adapters.http.console.book_view import BookVerdict, limit_rows, members, verdict
from adapters.http.console.connections_view import venue_names
from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import (
    ACTING,
    ConsolePage,
    form_page,
    fragment,
    go_to,
    is_htmx,
    page,
    see_other,
)
from adapters.http.contexts import bundle_of, bundle_or_not_found
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.trading.accounts import AccountView
from domain.books.book import InvalidBook
from domain.books.limits import InvalidBookLimit

BOOKS = "/console/books"
MAX_PASSCODE = 256
MAX_REASON = 500


def _books(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "books", "books are not served here")


async def _routes(
    request: Request[Any, Any, Any],
) -> tuple[dict[str, AccountView], dict[str, str]]:
    """The accounts the caller sees, by id, and their venues' console names, by route."""
    principal = caller_of(request).principal
    accounts = await trading_of(request).accounts.list_accounts(principal)
    connections = bundle_of(request, "connections")
    venues = {} if connections is None else venue_names(await connections.service.list(principal))
    return {a.id: a for a in accounts}, venues


class BooksPageController(ConsolePage):
    """`/console/books` and `/console/books/{id}`"""

    path = "/books"

    @get("/")
    async def books(self, request: Request[Any, Any, Any]) -> Template:
        return await _books_page(request)

    @post("/", guards=[ACTING], status_code=303)
    async def create(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        read = read_book_form(await request.form())
        if read.spec is None:
            return await _books_page(request, read)
        try:
            book = await _books(request).service.create(caller_of(request).principal, read.spec)
        except (InvalidBook, InvalidBookLimit) as refused:
            read.fields.errors["book"] = f"{refused.message} ({refused.code})"
            return await _books_page(request, read, code=refused.code)
        return go_to(request, f"{BOOKS}/{book.id}")

    @get("/{book_id:str}")
    async def book(self, request: Request[Any, Any, Any], book_id: FromPath[str]) -> Template:
        return await _book_page(request, book_id)

    @post("/{book_id:str}/kill-switch", guards=[ACTING], status_code=201)
    async def halt(self, request: Request[Any, Any, Any], book_id: FromPath[str]) -> Template:
        form = await request.form()
        passcode = str(form.get("passcode", ""))
        reason = str(form.get("reason", "")).strip()
        if len(passcode) > MAX_PASSCODE:
            raise InvalidForm("passcode", f"at most {MAX_PASSCODE} characters")
        if len(reason) > MAX_REASON:
            raise InvalidForm("reason", f"at most {MAX_REASON} characters")
        halt = await _books(request).killswitch.activate(
            caller_of(request).principal,
            book_id,
            passcode,
            reason,
            flatten=form.get("flatten") == "on",
        )
        accounts, venues = await _routes(request)
        shown = verdict(halt, accounts, venues)
        if is_htmx(request):
            context = {"verdict": shown}
            return fragment(request, "partials/book_halt.html", status_code=201, context=context)
        return await _book_page(request, book_id, halted=shown, status_code=201)

    @post("/{book_id:str}/delete", guards=[ACTING], status_code=303)
    async def delete(self, request: Request[Any, Any, Any], book_id: FromPath[str]) -> Redirect:
        await _books(request).service.delete(caller_of(request).principal, book_id)
        return see_other(request, BOOKS)


async def _books_page(
    request: Request[Any, Any, Any], read: BookForm | None = None, code: str | None = None
) -> Template:
    """The books and the form; `read`: a refused form, what was typed kept."""
    principal = caller_of(request).principal
    books = await _books(request).service.list(principal)
    accounts, _ = await _routes(request)
    status, code = read.fields.outcome(code) if read is not None else (200, None)
    return form_page(
        request,
        "books.html",
        title="Books",
        status_code=status,
        code=code or "",
        context={
            "books": books,
            "accounts": accounts,
            "own_accounts": [a for a in accounts.values() if a.owner_id == principal.id],
            "limit_kinds": LIMIT_KINDS,
            "limit_rows": range(LIMIT_ROWS),
            "typed": read.typed if read is not None else {"members": []},
            "errors": read.fields.errors if read is not None else {},
        },
    )


async def _book_page(
    request: Request[Any, Any, Any],
    book_id: str,
    *,
    halted: BookVerdict | None = None,
    status_code: int = 200,
) -> Template:
    standing = await _books(request).service.show(caller_of(request).principal, book_id)
    accounts, venues = await _routes(request)
    return page(
        request,
        "book.html",
        title=f"Book {standing.book.name}",
        status_code=status_code,
        context={
            "standing": standing,
            "book": standing.book,
            "members": members(standing, accounts, venues),
            "limits": limit_rows(standing),
            "verdict": halted,
        },
    )
