"""VaultedAlpacaBrokers against the local Alpaca server: each account's calls carry its own keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from adapters.alpaca.http import AlpacaCredentials
from adapters.brokers.alpaca import AlpacaBrokerConfig
from adapters.brokers.alpaca.accounts import AlpacaKey, VaultedAlpacaBrokers
from adapters.memory.clock import SystemClock
from bootstrap.embedded import build_embedded
from domain.errors import StoreUnavailable
from domain.killswitch.state import Scope
from domain.killswitch.switch import TriggerType
from ports.keys.key_vault import VaultUnreadable
from ports.trading.broker import BrokerError, BrokerErrorCode, DeadlineBroker
from tests.alpaca_server import AlpacaServer, Reply
from tests.kit.alpaca_fake import FakeAlpacaTrading, seed_alpaca
from tests.kit.desk import ACCOUNT, OTHER_ACCOUNT

D = Decimal
ALICE = AlpacaCredentials("PKALICE0000000000001", "alice-secret")
BOB = AlpacaCredentials("PKBOB000000000000002", "bob-secret")
SETTINGS_KEYS = AlpacaCredentials("PKSETTINGS0000000003", "settings-secret")


class Keys:
    """The vault as the broker sees it: account id -> key pair, counting the reads."""

    def __init__(self, **keys: AlpacaCredentials) -> None:
        self.keys: dict[str, AlpacaCredentials] = dict(keys)
        self.grace: dict[str, AlpacaCredentials] = {}  # the rotated-out pair, in its grace
        self.reads = 0
        self.error: Exception | None = None

    async def __call__(self, account_id: str) -> AlpacaKey | None:
        self.reads += 1
        if self.error is not None:
            raise self.error
        found = self.keys.get(account_id)
        return None if found is None else AlpacaKey(found, True, self.grace.get(account_id))


def vaulted(
    server: AlpacaServer, keys: Keys, *, fallback: AlpacaCredentials | None = None
) -> VaultedAlpacaBrokers:
    return VaultedAlpacaBrokers(
        keys,
        SystemClock(),
        fallback=None if fallback is None else AlpacaKey(fallback),
        url_for=lambda paper: server.url,
        config=AlpacaBrokerConfig(stream=False),
    )


def key_pairs_seen(server: AlpacaServer, method: str, path: str) -> list[tuple[str, str]]:
    return [
        (r.headers["apca-api-key-id"], r.headers["apca-api-secret-key"])
        for r in server.requests_to(method, path)
    ]


@pytest.fixture
def keys() -> Keys:
    return Keys(**{ACCOUNT: ALICE, OTHER_ACCOUNT: BOB})


@pytest.fixture
async def brokers(server: AlpacaServer, keys: Keys) -> AsyncIterator[VaultedAlpacaBrokers]:
    multiplexer = vaulted(server, keys)
    yield multiplexer
    await multiplexer.aclose()


async def test_two_accounts_reach_alpaca_with_their_own_key_pairs(
    brokers: VaultedAlpacaBrokers, server: AlpacaServer
) -> None:
    # Act
    mine = await brokers.account(ACCOUNT)
    theirs = await brokers.account(OTHER_ACCOUNT)

    # Assert
    assert (mine.account_id, theirs.account_id) == (ACCOUNT, OTHER_ACCOUNT)
    assert key_pairs_seen(server, "GET", "/v2/account") == [
        (ALICE.key_id, ALICE.secret_key),
        (BOB.key_id, BOB.secret_key),
    ]
    assert brokers.open_key_pairs == 2
    assert brokers.name == "alpaca"


async def test_the_vault_is_read_once_while_the_answer_is_cached(
    brokers: VaultedAlpacaBrokers, keys: Keys
) -> None:
    # Act
    await brokers.positions(ACCOUNT)
    await brokers.open_orders(ACCOUNT)

    # Assert
    assert keys.reads == 1


async def test_a_credential_change_takes_effect_on_the_next_call(
    brokers: VaultedAlpacaBrokers, server: AlpacaServer, keys: Keys
) -> None:
    # Arrange
    await brokers.account(ACCOUNT)
    rotated = AlpacaCredentials("PKALICE0000000000009", "alice-rotated")
    keys.keys[ACCOUNT] = rotated

    # Act
    brokers.invalidate(ACCOUNT)
    await brokers.account(ACCOUNT)

    # Assert
    assert key_pairs_seen(server, "GET", "/v2/account") == [
        (ALICE.key_id, ALICE.secret_key),
        (rotated.key_id, rotated.secret_key),
    ]
    assert brokers.open_key_pairs == 1  # the replaced pair's broker was closed


async def test_without_invalidation_the_cached_keys_are_kept(
    brokers: VaultedAlpacaBrokers, server: AlpacaServer, keys: Keys
) -> None:
    # Arrange
    await brokers.account(ACCOUNT)
    keys.keys[ACCOUNT] = BOB

    # Act
    await brokers.account(ACCOUNT)

    # Assert: what invalidate() exists for
    assert [k for k, _ in key_pairs_seen(server, "GET", "/v2/account")] == [ALICE.key_id] * 2


async def test_deleted_credentials_refuse_the_next_call_without_reaching_alpaca(
    brokers: VaultedAlpacaBrokers, server: AlpacaServer, keys: Keys
) -> None:
    # Arrange
    await brokers.account(ACCOUNT)
    del keys.keys[ACCOUNT]
    brokers.invalidate(ACCOUNT)

    # Act
    with pytest.raises(BrokerError) as caught:
        await brokers.cancel_all(ACCOUNT)

    # Assert
    assert caught.value.code is BrokerErrorCode.REJECTED
    assert not caught.value.retryable
    assert "no Alpaca credentials for account acc-1" in caught.value.message
    assert server.requests_to("DELETE", "/v2/orders") == []
    assert brokers.open_key_pairs == 0


async def test_an_account_without_keys_uses_the_settings_keys_when_given(
    server: AlpacaServer,
) -> None:
    # Arrange
    brokers = vaulted(server, Keys(**{ACCOUNT: ALICE}), fallback=SETTINGS_KEYS)

    # Act
    await brokers.account(OTHER_ACCOUNT)
    await brokers.account(ACCOUNT)
    await brokers.aclose()

    # Assert
    assert [k for k, _ in key_pairs_seen(server, "GET", "/v2/account")] == [
        SETTINGS_KEYS.key_id,
        ALICE.key_id,
    ]


@pytest.mark.parametrize(
    ("error", "code", "retryable"),
    [
        (VaultUnreadable(f"vault key of {ACCOUNT}"), BrokerErrorCode.REJECTED, False),
        (StoreUnavailable("the database is unavailable"), BrokerErrorCode.UNAVAILABLE, True),
    ],
)
async def test_a_vault_that_cannot_answer_fails_closed(
    brokers: VaultedAlpacaBrokers,
    server: AlpacaServer,
    keys: Keys,
    error: Exception,
    code: BrokerErrorCode,
    retryable: bool,
) -> None:
    # Arrange
    keys.error = error

    # Act
    with pytest.raises(BrokerError) as caught:
        await brokers.positions(ACCOUNT)

    # Assert
    assert (caught.value.code, caught.value.retryable) == (code, retryable)
    assert server.requests_to("GET", "/v2/positions") == []


async def test_aclose_closes_every_key_pairs_broker(brokers: VaultedAlpacaBrokers) -> None:
    # Arrange
    await brokers.account(ACCOUNT)
    await brokers.account(OTHER_ACCOUNT)

    # Act
    await brokers.aclose()

    # Assert
    assert brokers.open_key_pairs == 0


async def test_the_kill_switch_cancels_through_within_with_the_accounts_keys(
    brokers: VaultedAlpacaBrokers, server: AlpacaServer, venue: FakeAlpacaTrading
) -> None:
    # Arrange: ACCOUNT at Alpaca with two resting buys sent through Bulwark
    e = build_embedded(fake_clock=False, brokers={"alpaca": brokers})
    await seed_alpaca(e, venue)

    # Act
    record = await e.killswitch.trigger(Scope.account(ACCOUNT), TriggerType.MANUAL, "test")

    # Assert
    assert isinstance(brokers, DeadlineBroker)
    assert record.broker_confirmed
    assert venue.open_count() == 0
    assert {k for k, _ in key_pairs_seen(server, "DELETE", "/v2/orders")} == {ALICE.key_id}


REFUSED = Reply(401, {"code": 40110000, "message": "request is not authorized"})


async def test_a_refused_new_key_falls_back_to_the_rotated_out_one_in_its_grace(
    brokers: VaultedAlpacaBrokers, server: AlpacaServer, keys: Keys
) -> None:
    # Arrange: ALICE rotated to a pair Alpaca does not know yet; the old one is in its grace
    new = AlpacaCredentials("PKALICENEW0000000009", "alice-new-secret")
    keys.keys[ACCOUNT], keys.grace[ACCOUNT] = new, ALICE
    server.fail(REFUSED, method="GET", path="/v2/account")

    # Act
    found = await brokers.account(ACCOUNT)

    # Assert
    assert found.account_id == ACCOUNT
    assert key_pairs_seen(server, "GET", "/v2/account") == [
        (new.key_id, new.secret_key),
        (ALICE.key_id, ALICE.secret_key),
    ]


async def test_without_a_grace_pair_a_refused_key_is_an_error(
    brokers: VaultedAlpacaBrokers, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(REFUSED, method="GET", path="/v2/account")

    # Act
    with pytest.raises(BrokerError) as caught:
        await brokers.account(ACCOUNT)

    # Assert: Alpaca refused the key itself (401)
    assert caught.value.code is BrokerErrorCode.AUTH_FAILED
    assert len(server.requests_to("GET", "/v2/account")) == 1


async def test_a_refusal_that_is_not_about_the_key_does_not_fall_back(
    brokers: VaultedAlpacaBrokers, server: AlpacaServer, keys: Keys
) -> None:
    # Arrange
    keys.grace[ACCOUNT] = BOB
    funds = Reply(403, {"code": 40310000, "message": "insufficient buying power"})
    server.fail(funds, method="GET", path="/v2/account")

    # Act
    with pytest.raises(BrokerError) as caught:
        await brokers.account(ACCOUNT)

    # Assert
    assert caught.value.code is BrokerErrorCode.INSUFFICIENT_FUNDS
    assert key_pairs_seen(server, "GET", "/v2/account") == [(ALICE.key_id, ALICE.secret_key)]
