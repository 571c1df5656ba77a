"""The aggregation use cases and webhooks over the real Plaid adapter, a local Plaid, the
in-memory store and a real sealer."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from adapters.aggregation.plaid import PlaidAggregator
from adapters.aggregation.webhook import PlaidWebhookVerifier
from adapters.memory.aggregation import InMemoryAggregationStore
from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.portfolios import InMemoryPortfolioStore
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.aggregation.service import AggregationService
from application.aggregation.webhooks import AggregationWebhooks, WebhookOutcome
from domain.aggregation.model import (
    AggregationNotFound,
    InvalidWebhook,
    ItemLoginRequired,
    ItemStatus,
)
from domain.errors import Conflict
from domain.principals import Principal, Role
from ports.core.encryption import KeyRef
from ports.core.events import Notification
from ports.portfolio.portfolios import Portfolio
from tests.plaid_server import PUBLIC_TOKEN, PlaidServer

ALICE = Principal("u-alice", Role.TRADER)
BOB = Principal("u-bob", Role.TRADER)


class Told:
    def __init__(self) -> None:
        self.sent: list[Notification] = []

    async def notify(self, notification: Notification) -> None:
        self.sent.append(notification)


@dataclass
class World:
    plaid: PlaidServer
    store: InMemoryAggregationStore
    service: AggregationService
    webhooks: AggregationWebhooks
    told: Told
    clock: FakeClock


@pytest.fixture
async def world() -> AsyncIterator[World]:
    async with PlaidServer() as plaid:
        adapter = PlaidAggregator(plaid.client_id, plaid.secret, base_url=plaid.url)
        clock = FakeClock(datetime.fromtimestamp(time.time(), tz=UTC))
        ref = KeyRef("k", 1)
        sealer = SecretBox(AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(32)}, ref)), None)
        portfolios = InMemoryPortfolioStore()
        await portfolios.add_portfolio(Portfolio("pf-a", ALICE.id, "Family", "USD", clock.now()))
        await portfolios.add_portfolio(Portfolio("pf-b", BOB.id, "Bob's", "USD", clock.now()))
        store = InMemoryAggregationStore()
        service = AggregationService(
            store, adapter, sealer, portfolios, clock, SequentialIds(), InMemoryAuditLog()
        )
        told = Told()
        verifier = PlaidWebhookVerifier(adapter.verification_key, clock)
        yield World(plaid, store, service, AggregationWebhooks(verifier, store, service, told),
                    told, clock)  # fmt: skip
        await adapter.aclose()


async def test_exchange_seals_the_access_token_and_reads_the_accounts(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN, "pf-a")

    assert world.plaid.access_token not in item.access_token
    assert world.plaid.access_token not in repr(item)
    assert item.access_token.startswith("bwk1.")
    assert len(await world.service.accounts(ALICE, item.id)) == 4
    assert item.portfolio_id == "pf-a"


async def test_another_users_item_and_portfolio_are_not_found(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN)

    for call in (
        world.service.item(BOB, item.id),
        world.service.sync(BOB, item.id),
        world.service.remove(BOB, item.id),
        world.service.accounts(BOB, item.id),
        world.service.attach(BOB, item.id, "pf-b"),
        world.service.attach(ALICE, item.id, "pf-b"),
    ):
        with pytest.raises(AggregationNotFound):
            await call
    assert await world.service.items(BOB) == []
    assert await world.service.holdings(BOB) == []


async def test_an_item_linked_twice_is_a_conflict(world: World) -> None:
    await world.service.exchange(ALICE, PUBLIC_TOKEN)
    world.plaid.add_public_token("public-sandbox-again", world.plaid.item_id, "access-x")

    with pytest.raises(Conflict):
        await world.service.exchange(BOB, "public-sandbox-again")


async def test_sync_reads_holdings_and_every_transaction_page(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN, "pf-a")

    result = await world.service.sync(ALICE, item.id)
    again = await world.service.sync(ALICE, item.id)

    assert (result.accounts, result.holdings) == (4, 5)
    assert (result.added, result.modified, result.removed, result.has_more) == (3, 1, 1, False)
    assert (again.added, again.modified, again.removed) == (0, 0, 0)
    txns = await world.service.transactions(ALICE, item.id)
    assert [(t.name, t.amount) for t in txns] == [
        ("AUTOMATIC TRANSFER", D("25")),
        ("Walmart", D("72.14")),
    ]
    assert result.item.cursor == world.plaid.seen("/transactions/sync")[-1].body["cursor"]


async def test_login_required_marks_the_item_and_answers_409(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN)
    world.plaid.fail("/accounts/get", "error_item_login_required")

    with pytest.raises(ItemLoginRequired):
        await world.service.sync(ALICE, item.id)

    marked = await world.service.item(ALICE, item.id)
    assert (marked.status, marked.error_code) == (ItemStatus.LOGIN_REQUIRED, "ITEM_LOGIN_REQUIRED")


async def test_removal_removes_the_item_at_plaid_and_here(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN)

    await world.service.remove(ALICE, item.id)

    assert await world.service.items(ALICE) == []
    sent = world.plaid.seen("/item/remove")[0].body
    assert sent["access_token"] == world.plaid.access_token  # the sealed token, opened


async def test_household_accounts_count_the_attached_investment_accounts(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN, "pf-a")
    await world.service.sync(ALICE, item.id)

    accounts = await world.service.household_accounts(ALICE.id, "pf-a")

    assert len(accounts) == 2 and not any(a.tradable for a in accounts)
    lots = {lot.symbol: lot for a in accounts for lot in a.lots}
    assert lots["DBLTX"].cost_basis == D("270.5")  # the institution's basis
    assert lots["MIPTX"].cost_basis == D("636.309")  # none given: its value (no gain assumed)
    assert sum(a.cash for a in accounts) == D("12345.67")
    assert await world.service.household_accounts(BOB.id, "pf-a") == []


async def test_a_holdings_webhook_refreshes_once_even_when_delivered_twice(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN)
    body, signature = world.plaid.signed_webhook("webhook_holdings_default_update")

    first = await world.webhooks.receive(body, signature)
    again = await world.webhooks.receive(body, signature)

    assert (first.outcome, first.item_id) == (WebhookOutcome.HOLDINGS_REFRESHED, item.id)
    assert again.outcome is WebhookOutcome.DUPLICATE
    assert len(world.plaid.seen("/investments/holdings/get")) == 1
    assert world.plaid.seen("/transactions/sync") == []


async def test_a_transactions_webhook_syncs_from_the_cursor(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN)

    result = await world.webhooks.receive(
        *world.plaid.signed_webhook("webhook_transactions_sync_updates_available")
    )

    assert result.outcome is WebhookOutcome.TRANSACTIONS_SYNCED
    assert len(await world.service.transactions(ALICE, item.id)) == 2
    assert world.plaid.seen("/investments/holdings/get") == []


async def test_an_item_error_webhook_marks_the_item_and_tells_its_owner(world: World) -> None:
    item = await world.service.exchange(ALICE, PUBLIC_TOKEN)

    result = await world.webhooks.receive(*world.plaid.signed_webhook("webhook_item_error"))

    assert result.outcome is WebhookOutcome.ITEM_MARKED
    assert (await world.service.item(ALICE, item.id)).status is ItemStatus.LOGIN_REQUIRED
    assert [(n.recipient, n.event_type) for n in world.told.sent] == [
        (ALICE.id, "aggregation.item_error")
    ]


async def test_a_badly_signed_webhook_acts_on_nothing(world: World) -> None:
    await world.service.exchange(ALICE, PUBLIC_TOKEN)
    body, _ = world.plaid.signed_webhook("webhook_item_error")
    forged = world.plaid.sign(b"{}")

    with pytest.raises(InvalidWebhook):
        await world.webhooks.receive(body, forged)

    assert world.told.sent == []


async def test_a_webhook_for_an_unlinked_item_is_acknowledged(world: World) -> None:
    result = await world.webhooks.receive(
        *world.plaid.signed_webhook("webhook_item_error", item_id="someone-elses")
    )

    assert result.outcome is WebhookOutcome.UNKNOWN_ITEM
