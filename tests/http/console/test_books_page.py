"""`/console/books`: a book made from the form over the owner's accounts, its page with the
members, the aggregate and each limit's use, its kill switch with the verdict by venue; a
refused form keeps what was typed; another owner's book answers the console's 404 page; a
wrong passcode is one message and halts nothing."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.http.console.helpers import ConsoleClient, real_status, signed_in
from tests.http.core_helpers import resting_limit, submit
from tests.http.harness import PASSCODE, Harness, User

pytestmark = [
    pytest.mark.serves("trading", "safety", "connections", "books", "console"),
    pytest.mark.shares_app(),
]

PAGE = "/console/books"


async def two_accounts(h: Harness, owner: User) -> tuple[str, str]:
    """A (a resting buy of 10 AAPL at 100: 1,000 of gross exposure) and B (nothing)."""
    a = await h.account(owner, f"{owner.username}-a")
    b = await h.account(owner, f"{owner.username}-b")
    placed = await submit(h, owner, resting_limit(a))
    assert placed.status_code == 201, placed.text
    return a, b


async def create(client: ConsoleClient, **form: str | list[str]) -> httpx.Response:
    """The book form posted as a browser posts it (one `members` field per account ticked)."""
    return await client.http.post(PAGE, data={"_csrf": client.csrf, **form})


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def test_a_book_over_two_accounts_shows_its_aggregate_and_each_limits_use(
    market: Harness, owner: User
) -> None:
    a, b = await two_accounts(market, owner)

    async with signed_in(market, owner.username) as client:
        form = await client.get(PAGE)
        made = await create(
            client,
            name="desk",
            members=[a, b],
            limit_kind_0="GROSS_EXPOSURE",
            limit_value_0="4000",
            limit_kind_1="POSITION",
            limit_value_1="40",
            limit_instrument_1="AAPL",
        )
        book = await client.get(made.headers["location"])

    assert f'name="members" value="{a}"' in form.text
    assert made.status_code == 303
    shown = text(book.text)
    assert 'id="book-gross">1,000.00<' in book.text
    assert "gross exposure 1,000.00 USD 4,000.00 USD 25.0 %" in shown
    assert "position AAPL 10 40 25.0 %" in shown
    assert f"{a} paper USD 1,000.00" in shown and f"{b} paper USD 0.00" in shown


async def test_a_refused_form_says_why_beside_the_fields_and_keeps_what_was_typed(
    market: Harness, owner: User
) -> None:
    a, _ = await two_accounts(market, owner)

    async with signed_in(market, owner.username) as client:
        await client.get(PAGE)
        no_member = await create(client, name="desk", limit_kind_0="GROSS_EXPOSURE")
        bad_limit = await create(
            client, name="desk", members=[a], limit_kind_0="DRAWDOWN", limit_value_0="2"
        )
    kept = await market.client.get("/api/v1/books", headers=owner.headers)

    for refused in (no_member, bad_limit):
        assert refused.status_code == 422
    assert 'id="error-members"' in no_member.text
    assert 'id="error-limit_value_0"' in no_member.text
    assert "DRAWDOWN: a fraction of the peak" in bad_limit.text
    assert 'value="desk"' in bad_limit.text
    assert f'value="{a}" checked' in bad_limit.text
    assert kept.json()["books"] == []


async def test_the_books_kill_switch_shows_each_venue_and_a_wrong_passcode_halts_nothing(
    market: Harness, owner: User
) -> None:
    a, b = await two_accounts(market, owner)
    book = await market.client.post(
        "/api/v1/books", json={"name": "desk", "members": [a, b]}, headers=owner.headers
    )
    halt = f"{PAGE}/{book.json()['id']}/kill-switch"

    async with signed_in(market, owner.username) as client:
        await client.get(f"{PAGE}/{book.json()['id']}")
        wrong = await client.htmx("POST", halt, data={"passcode": "not-mine", "reason": "x"})
        still_open = len(await market.container.core.paper_broker().open_orders(a))
        pulled = await client.htmx("POST", halt, data={"passcode": PASSCODE, "reason": "drill"})

    assert (real_status(wrong), wrong.headers["X-Bulwark-Code"]) == (403, "WRONG_PASSCODE")
    assert wrong.headers["HX-Retarget"] == "#flash" and "Traceback" not in wrong.text
    assert still_open == 1
    assert pulled.status_code == 201
    assert 'id="book-verdict"' in pulled.text and 'data-confirmed="yes"' in pulled.text
    shown = text(pulled.text)
    assert f"paper {a}, {b} 1 of 1 acknowledged yes — nothing" in shown
    assert f"{a} confirmed at paper" in shown and f"{b} confirmed at paper" in shown
    assert await market.container.core.paper_broker().open_orders(a) == []


async def test_another_owners_book_answers_the_not_found_page_and_is_not_halted(
    market: Harness, owner: User
) -> None:
    other = await market.user()
    a, b = await two_accounts(market, other)
    theirs = await market.client.post(
        "/api/v1/books", json={"name": "theirs", "members": [a, b]}, headers=other.headers
    )
    their_id = theirs.json()["id"]

    async with signed_in(market, owner.username) as client:
        listed = await client.get(PAGE)
        shown = await client.get(f"{PAGE}/{their_id}")
        halted = await client.htmx(
            "POST", f"{PAGE}/{their_id}/kill-switch", data={"passcode": PASSCODE}
        )
        forged = await create(client, name="mine", members=[a])

    assert their_id not in listed.text and 'id="no-books"' in listed.text
    assert f'value="{a}"' not in listed.text  # another's account is never offered
    assert shown.status_code == 404 and 'data-code="NOT_FOUND"' in shown.text
    assert real_status(halted) == 404
    assert forged.status_code == 404
    assert len(await market.container.core.paper_broker().open_orders(a)) == 1
