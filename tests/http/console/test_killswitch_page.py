"""The console's kill-switch page: a confirmation step with the open-order count, the API's
passcode and scope rules, the sequence with the broker's confirmation, four-eyes resume,
and roles that see the state without the button (and are refused by the server anyway)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.killswitch.state import Scope
from domain.killswitch.switch import BrokerOutcome, KillSwitchEvent, TriggerType
from domain.principals import Role
from tests.http.console.helpers import ConsoleClient, real_status, signed_in
from tests.http.core_helpers import harness_with, held_order
from tests.http.harness import PASSCODE, Harness, User
from tests.http.test_killswitch import resting_order

pytestmark = pytest.mark.serves("trading", "books", "safety", "market_data", "devices", "console")

PAGE = "/console/kill-switch"
REVIEW = f"{PAGE}/review"
ACTIVATE = f"{PAGE}/activate"
RESUME = f"{PAGE}/resume"


async def owner_with_orders(h: Harness, account_id: str = "acc-1", orders: int = 2) -> User:
    owner = await h.user(Role.OWNER)
    account = await h.account(owner, account_id)
    for _ in range(orders):
        await resting_order(h, owner, account)
    return owner


async def open_at_broker(h: Harness, account_id: str) -> int:
    return len(await h.container.core.paper_broker().open_orders(account_id))


async def state_of(h: Harness, key: str) -> str:
    states = await h.container.safety.killswitch().status()
    found = [s.state.value for s in states if s.scope.key == key]
    return found[0] if found else "active"


async def halt(client: ConsoleClient, scope: str, passcode: str = PASSCODE) -> object:
    form = {"scope": scope, "reason": "runaway", "passcode": passcode, "confirmed": "yes"}
    return await client.htmx("POST", ACTIVATE, data=form)


async def test_the_confirmation_step_counts_the_orders_and_sends_nothing(market: Harness) -> None:
    owner = await owner_with_orders(market)
    async with signed_in(market, owner.username) as client:
        page = await client.get(PAGE)
        step = await client.htmx("POST", REVIEW, data={"scope": "account:acc-1", "reason": "x"})

    assert page.status_code == 200
    assert 'id="ks-pull-button"' in page.text
    assert '<option value="account:acc-1">' in page.text
    assert 'value="global:*"' not in page.text  # an owner cannot halt everything
    assert step.status_code == 200, step.text
    assert "Halt trading on account acc-1?" in step.text
    assert "<strong>2</strong> open orders will be cancelled" in step.text
    assert 'name="confirmed" value="yes"' in step.text
    assert await state_of(market, "account:acc-1") == "active"
    assert await open_at_broker(market, "acc-1") == 2


async def test_an_activation_without_its_confirmation_step_is_refused(market: Harness) -> None:
    owner = await owner_with_orders(market)
    async with signed_in(market, owner.username) as client:
        form = {"scope": "account:acc-1", "passcode": PASSCODE}
        response = await client.htmx("POST", ACTIVATE, data=form)

    assert real_status(response) == 422
    assert "CONFIRMATION_REQUIRED" in response.text
    assert response.headers["hx-retarget"] == "#flash"
    assert await state_of(market, "account:acc-1") == "active"
    assert await open_at_broker(market, "acc-1") == 2


async def test_a_wrong_passcode_shows_the_apis_code_and_halts_nothing(market: Harness) -> None:
    owner = await owner_with_orders(market)
    async with signed_in(market, owner.username) as client:
        response = await halt(client, "account:acc-1", passcode="not-my-passcode")

    assert real_status(response) == 403
    assert "WRONG_PASSCODE" in response.text
    assert await state_of(market, "account:acc-1") == "active"
    assert await open_at_broker(market, "acc-1") == 2


async def test_a_confirmed_halt_shows_the_sequence_to_the_brokers_confirmation(
    market: Harness,
) -> None:
    owner = await owner_with_orders(market)
    held = (await held_order(market, owner, "acc-1"))["order"]["id"]
    async with signed_in(market, owner.username) as client:
        response = await halt(client, "account:acc-1")
        history = await client.htmx("GET", f"{PAGE}/history")
        state = await client.htmx("GET", f"{PAGE}/state")
        resume = await client.htmx("GET", f"{PAGE}/resume-form")

    assert response.status_code == 201, response.text
    assert response.headers["hx-trigger"] == "ks-refresh"
    assert 'data-confirmed="yes"' in response.text
    for phase in ("halted", "broadcast", "cancels", "confirmed"):
        assert f'class="done" data-phase="{phase}"' in response.text
    assert "Cancels sent (2)" in response.text
    assert "Broker-confirmed" in response.text
    assert '<span id="ks-held-rejected">1 held order rejected</span>' in response.text
    assert ">Held rejected</th>" in history.text
    stored = (await market.client.get(f"/api/v1/orders/{held}", headers=owner.headers)).json()
    assert (stored["status"], stored["deny_reasons"]) == ("canceled", ["TRADING_HALTED"])
    assert await open_at_broker(market, "acc-1") == 0
    assert await state_of(market, "account:acc-1") == "halted"
    assert "account:acc-1" in history.text and "confirmed" in history.text
    assert 'data-scope="account:acc-1" data-state="halted"' in state.text
    assert 'id="ks-resume"' not in state.text  # the polled table never holds a form
    assert 'id="ks-resume"' in resume.text and 'id="rs-approver"' in resume.text


async def test_another_owners_account_is_not_found(market: Harness) -> None:
    await owner_with_orders(market, "theirs")
    me = await market.user(Role.OWNER)
    async with signed_in(market, me.username) as client:
        step = await client.htmx("POST", REVIEW, data={"scope": "account:theirs"})
        pulled = await halt(client, "account:theirs")
        page = await client.get(PAGE)

    assert real_status(step) == 404 and "NOT_FOUND" in step.text
    assert real_status(pulled) == 404 and "NOT_FOUND" in pulled.text
    assert "account:theirs" not in page.text
    assert await state_of(market, "account:theirs") == "active"


async def test_an_owner_is_refused_the_global_scope(market: Harness) -> None:
    owner = await owner_with_orders(market)
    async with signed_in(market, owner.username) as client:
        step = await client.htmx("POST", REVIEW, data={"scope": "global"})
        pulled = await halt(client, "global:*")
        bad = await client.htmx("POST", REVIEW, data={"scope": "planet:earth"})

    assert real_status(step) == 403 and "FORBIDDEN" in step.text
    assert real_status(pulled) == 403 and "FORBIDDEN" in pulled.text
    assert real_status(bad) == 400 and "VALIDATION_ERROR" in bad.text
    assert await state_of(market, "global:*") == "active"


async def test_the_desk_halts_all_trading_after_reading_the_count(market: Harness) -> None:
    await owner_with_orders(market, "acc-1", orders=2)
    await owner_with_orders(market, "acc-2", orders=1)
    risk = await market.user(Role.RISK_OFFICER)
    async with signed_in(market, risk.username) as client:
        page = await client.get(PAGE)
        step = await client.htmx("POST", REVIEW, data={"scope": "global:*"})
        pulled = await halt(client, "global:*")

    assert 'value="global:*"' in page.text
    assert "Halt ALL trading?" in step.text
    assert "<strong>3</strong> open orders will be cancelled" in step.text
    assert pulled.status_code == 201, pulled.text
    assert "Cancels sent (3)" in pulled.text
    assert await state_of(market, "global:*") == "halted"


async def test_resume_needs_a_different_risk_officers_passcode(market: Harness) -> None:
    owner = await owner_with_orders(market)
    trader = await market.user(Role.TRADER)
    risk = await market.user(Role.RISK_OFFICER)
    async with signed_in(market, owner.username) as client:
        assert (await halt(client, "account:acc-1")).status_code == 201
        await client.get(PAGE)
        base = {"scope": "account:acc-1", "passcode": PASSCODE}
        alone = await client.htmx("POST", RESUME, data=base)
        by_trader = await client.htmx(
            "POST",
            RESUME,
            data={**base, "approver_username": trader.username, "approver_passcode": PASSCODE},
        )
        wrong = await client.htmx(
            "POST",
            RESUME,
            data={**base, "approver_username": risk.username, "approver_passcode": "nope-nope"},
        )
        still = await state_of(market, "account:acc-1")
        approved = await client.htmx(
            "POST",
            RESUME,
            data={**base, "approver_username": risk.username, "approver_passcode": PASSCODE},
        )

    assert real_status(alone) == 403 and "FOUR_EYES_REQUIRED" in alone.text
    assert real_status(by_trader) == 403 and "FOUR_EYES_REQUIRED" in by_trader.text
    assert real_status(wrong) == 403 and "WRONG_PASSCODE" in wrong.text
    assert still == "halted"
    assert approved.status_code == 200, approved.text
    assert 'id="ks-resumed"' in approved.text and "account:acc-1 is now" in approved.text
    assert await state_of(market, "account:acc-1") == "active"


async def test_a_risk_officer_cannot_approve_their_own_resume(market: Harness) -> None:
    risk = await market.user(Role.RISK_OFFICER)
    async with signed_in(market, risk.username) as client:
        await client.get(PAGE)
        assert (await halt(client, "global:*")).status_code == 201
        response = await client.htmx(
            "POST",
            RESUME,
            data={
                "scope": "global:*",
                "passcode": PASSCODE,
                "approver_username": risk.username,
                "approver_passcode": PASSCODE,
            },
        )

    assert real_status(response) == 403 and "FOUR_EYES_REQUIRED" in response.text
    assert await state_of(market, "global:*") == "halted"


async def test_a_role_without_the_right_sees_the_state_but_no_button(market: Harness) -> None:
    await owner_with_orders(market)
    viewer = await market.user(Role.VIEWER)
    async with signed_in(market, viewer.username) as client:
        page = await client.get(PAGE)
        step = await client.htmx("POST", REVIEW, data={"scope": "account:acc-1"})
        pulled = await halt(client, "account:acc-1")

    assert page.status_code == 200
    assert 'id="ks-states"' in page.text and 'id="ks-no-rights"' in page.text
    assert 'id="ks-pull-button"' not in page.text and 'id="ks-resume"' not in page.text
    assert real_status(step) == 403 and real_status(pulled) == 403
    assert await state_of(market, "account:acc-1") == "active"
    assert await open_at_broker(market, "acc-1") == 2


async def test_a_plain_form_post_works_without_javascript(market: Harness) -> None:
    owner = await owner_with_orders(market)
    async with signed_in(market, owner.username) as client:
        await client.get(PAGE)
        step = await client.post(REVIEW, {"scope": "account:acc-1"})
        pulled = await client.post(
            ACTIVATE, {"scope": "account:acc-1", "passcode": PASSCODE, "confirmed": "yes"}
        )

    assert step.status_code == 200 and "<h1>Kill switch</h1>" in step.text
    assert "open orders will be cancelled" in step.text
    assert pulled.status_code == 201 and 'id="ks-sequence"' in pulled.text


async def test_the_pages_posts_count_against_the_kill_switch_throttle() -> None:
    async with harness_with(kill_switch_rate_per_minute="2") as h:
        owner = await h.user(Role.OWNER)
        await h.account(owner, "acc-1")
        async with signed_in(h, owner.username) as client:
            answers = [
                real_status(await client.htmx("POST", REVIEW, data={"scope": "account:acc-1"}))
                for _ in range(3)
            ]
            page = await client.get(PAGE)

    assert answers == [200, 200, 429]
    assert page.status_code == 200  # reading the page is not throttled


async def test_a_broker_that_did_not_confirm_is_shown_loudly(
    market: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await owner_with_orders(market)
    now = market.clock.now()
    unconfirmed = KillSwitchEvent(
        id="ks-1",
        user_id=owner.id,
        trigger_type=TriggerType.MANUAL,
        scope=Scope.account("acc-1"),
        reason="runaway",
        flatten=False,
        orders_cancelled=1,
        broker_confirmed=False,
        brokers=(BrokerOutcome("alpaca", ("acc-1",), 2, 1, 1, False, 4, 0, ("TIMEOUT",)),),
        triggered_at=now,
        halted_at=now + timedelta(milliseconds=2),
        broadcast_at=now + timedelta(milliseconds=3),
        cancel_sent_at=now + timedelta(milliseconds=40),
        confirmed_at=None,
        elapsed_ms=1500.0,
    )

    async def activate(command: object) -> KillSwitchEvent:
        return unconfirmed

    monkeypatch.setattr(market.container.safety.killswitch(), "activate", activate)
    async with signed_in(market, owner.username) as client:
        response = await halt(client, "account:acc-1")

    assert response.status_code == 201, response.text
    assert 'data-confirmed="no"' in response.text and "ks-unconfirmed" in response.text
    assert "UNCONFIRMED: alpaca did not confirm in time" in response.text
    assert (
        'role="alert"' in response.text and "The broker did not confirm in time." in response.text
    )
    assert 'class="done" data-phase="cancels"' in response.text
    assert 'class="failed" data-phase="confirmed"' in response.text


async def test_a_book_is_chosen_counted_and_halted_at_every_member(market: Harness) -> None:
    # Arrange: a book over two accounts with two resting orders each; another owner looks on
    owner = await owner_with_orders(market, "acc-1")
    await market.account(owner, "acc-2")
    for _ in range(2):
        await resting_order(market, owner, "acc-2")
    made = await market.client.post(
        "/api/v1/books", json={"name": "desk", "members": ["acc-1", "acc-2"]},
        headers=owner.headers,
    )  # fmt: skip
    book = f"book:{made.json()['id']}"
    stranger = await market.user(Role.OWNER)

    # Act
    async with signed_in(market, owner.username) as client:
        page = await client.get(PAGE)
        step = await client.htmx("POST", REVIEW, data={"scope": book, "reason": "x"})
        pulled = await halt(client, book)
    async with signed_in(market, stranger.username) as client:
        theirs = await client.htmx("POST", REVIEW, data={"scope": book})

    # Assert
    assert f'<option value="{book}">' in page.text
    assert "Halt book desk: 2 accounts at their venues?" in step.text
    assert "<strong>4</strong> open orders will be cancelled" in step.text
    assert pulled.status_code == 201, pulled.text
    assert await state_of(market, book) == "halted"
    assert await open_at_broker(market, "acc-1") == await open_at_broker(market, "acc-2") == 0
    assert real_status(theirs) == 404
