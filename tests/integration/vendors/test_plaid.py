"""The Plaid adapter and the webhook check against a local Plaid (tests/plaid_server.py)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal as D

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from adapters.aggregation.plaid import PlaidAggregator
from adapters.aggregation.webhook import PlaidWebhookVerifier
from adapters.memory.clock import FakeClock
from domain.aggregation.model import (
    AggregatorRateLimited,
    AggregatorRefused,
    AggregatorUnavailable,
    InvalidWebhook,
    ItemLoginRequired,
)
from tests.plaid_server import PUBLIC_TOKEN, PlaidServer


@pytest.fixture
async def plaid() -> AsyncIterator[PlaidServer]:
    async with PlaidServer() as server:
        yield server


@pytest.fixture
async def adapter(plaid: PlaidServer) -> AsyncIterator[PlaidAggregator]:
    client = PlaidAggregator(plaid.client_id, plaid.secret, base_url=plaid.url)
    yield client
    await client.aclose()


def verifier_for(adapter: PlaidAggregator, now: float | None = None) -> PlaidWebhookVerifier:
    clock = FakeClock(datetime.fromtimestamp(now or time.time(), tz=UTC))
    return PlaidWebhookVerifier(adapter.verification_key, clock)


async def test_a_link_token_is_asked_for_the_user_with_the_credentials(
    plaid: PlaidServer, adapter: PlaidAggregator
) -> None:
    token = await adapter.create_link_token("u-1")

    assert token.link_token.startswith("link-sandbox-")
    sent = plaid.seen("/link/token/create")[0].body
    assert sent["user"] == {"client_user_id": "u-1"}
    assert sent["client_id"] == plaid.client_id and sent["secret"] == plaid.secret
    assert sent["products"] == ["investments", "transactions"]


async def test_exchange_accounts_holdings_and_removal(
    plaid: PlaidServer, adapter: PlaidAggregator
) -> None:
    item = await adapter.exchange_public_token(PUBLIC_TOKEN)
    page = await adapter.accounts(item.access_token)
    holdings = await adapter.holdings(item.access_token)
    await adapter.remove_item(item.access_token)

    assert item.provider_item_id == plaid.item_id
    assert page.institution_id == "ins_3"
    assert [(a.type, a.subtype) for a in page.accounts][2:] == [
        ("investment", "ira"),
        ("investment", "401k"),
    ]
    assert page.accounts[3].current_balance == D("23631.9805")  # digits kept, not a float's
    by_security = {h.security_id: h for h in holdings}
    tiger = by_security["JDdP7XPMklt5vwPmDN45t3KAoWAPmjtpaW7DP"]
    assert (tiger.symbol, tiger.quantity, tiger.cost_basis) == ("MIPTX", D("23.567"), None)
    assert by_security["KDwjlXj1Rqt58dVvmzRguxJybmyQL8FgeWWAy"].cost_basis == D("270.5")
    with pytest.raises(AggregatorRefused):  # the access token no longer works
        await adapter.accounts(item.access_token)


async def test_transactions_sync_follows_the_cursor_until_has_more_is_false(
    plaid: PlaidServer, adapter: PlaidAggregator
) -> None:
    item = await adapter.exchange_public_token(PUBLIC_TOKEN)

    first = await adapter.sync_transactions(item.access_token, None)
    second = await adapter.sync_transactions(item.access_token, first.next_cursor)

    assert first.has_more and not second.has_more
    assert [t.amount for t in first.added] == [D("72.1"), D("-500")]
    assert second.removed == ["4rXjEWlAb7cN1ZpEX3aVhoAkvQZzxbCD9enXW"]
    assert second.modified[0].amount == D("72.14")
    assert "cursor" not in plaid.seen("/transactions/sync")[0].body
    assert plaid.seen("/transactions/sync")[1].body["cursor"] == first.next_cursor


@pytest.mark.parametrize(
    ("fixture", "status", "error"),
    [
        ("error_item_login_required", 400, ItemLoginRequired),
        ("error_rate_limit_exceeded", 429, AggregatorRateLimited),
        ("error_invalid_public_token", 400, AggregatorRefused),
        ("error_rate_limit_exceeded", 500, AggregatorRateLimited),
    ],
)
async def test_plaid_errors_become_the_domain_errors(
    plaid: PlaidServer, adapter: PlaidAggregator, fixture: str, status: int, error: type[Exception]
) -> None:
    item = await adapter.exchange_public_token(PUBLIC_TOKEN)
    plaid.fail("/accounts/get", fixture, status=status)

    with pytest.raises(error):
        await adapter.accounts(item.access_token)


async def test_a_server_error_or_no_answer_is_unavailable(plaid: PlaidServer) -> None:
    down = PlaidAggregator(plaid.client_id, plaid.secret, base_url="http://127.0.0.1:9")
    plaid.fail("/link/token/create", "item_remove", status=502)
    up = PlaidAggregator(plaid.client_id, plaid.secret, base_url=plaid.url)

    with pytest.raises(AggregatorUnavailable):
        await down.create_link_token("u-1")
    with pytest.raises(AggregatorUnavailable):
        await up.create_link_token("u-1")
    await down.aclose()
    await up.aclose()


async def test_wrong_credentials_are_refused_without_showing_the_secret(plaid: PlaidServer) -> None:
    wrong = PlaidAggregator(plaid.client_id, "not-the-secret", base_url=plaid.url)

    with pytest.raises(AggregatorRefused) as refused:
        await wrong.create_link_token("u-1")

    assert "INVALID_API_KEYS" in str(refused.value)
    assert "not-the-secret" not in str(refused.value) + repr(wrong)
    await wrong.aclose()


async def test_a_signed_webhook_verifies_and_names_its_item(
    plaid: PlaidServer, adapter: PlaidAggregator
) -> None:
    body, signature = plaid.signed_webhook("webhook_item_error")

    event = await verifier_for(adapter).verify(body, signature)

    assert (event.webhook_type, event.webhook_code) == ("ITEM", "ERROR")
    assert event.provider_item_id == plaid.item_id
    assert event.error_code == "ITEM_LOGIN_REQUIRED"
    assert len(plaid.seen("/webhook_verification_key/get")) == 1


async def test_the_key_is_fetched_once_per_key_id(
    plaid: PlaidServer, adapter: PlaidAggregator
) -> None:
    verifier = verifier_for(adapter)
    for name in ("webhook_item_error", "webhook_holdings_default_update"):
        await verifier.verify(*plaid.signed_webhook(name))

    assert len(plaid.seen("/webhook_verification_key/get")) == 1


def _tampered(plaid: PlaidServer) -> list[tuple[str, bytes, str | None]]:
    body, good = plaid.signed_webhook("webhook_holdings_default_update")
    other_key = ec.generate_private_key(ec.SECP256R1())
    plaid.expired_keys.add("old-key")
    return [
        ("no header", body, None),
        ("not a JWT", body, "not-a-jwt"),
        ("body changed", body.replace(b"19", b"20"), good),
        ("signed by another key", body, plaid.sign(body, key=other_key)),
        ("too old", body, plaid.sign(body, iat=time.time() - 600)),
        ("from the future", body, plaid.sign(body, iat=time.time() + 600)),
        ("unknown key id", body, plaid.sign(body, kid="unknown")),
        ("expired key", body, plaid.sign(body, kid="old-key")),
        ("HS256", body, plaid.sign(body, alg="HS256", key=b"k" * 32)),  # type: ignore[arg-type]
        ("wrong body hash", body, plaid.sign(body, body_hash="0" * 64)),
    ]


async def test_every_bad_signature_is_refused(plaid: PlaidServer, adapter: PlaidAggregator) -> None:
    accepted: list[str] = []
    for why, body, signature in _tampered(plaid):
        try:
            await verifier_for(adapter).verify(body, signature)
        except InvalidWebhook:
            continue
        accepted.append(why)

    assert accepted == []
