"""BrokerCredentialService: owner-only, agents refused, audited without the secret, key checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.memory.vault import InMemoryCredentialVault
from adapters.security.cipher import FernetCipher
from application.broker_credentials import (
    BrokerCredentialService,
    InvalidBrokerCredentials,
    SetBrokerCredentials,
    VaultKeyEphemeral,
)
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from domain.trading.accounts import Account

OWNER = Principal("u-1", Role.OWNER)
STRANGER = Principal("u-2", Role.OWNER)
OFFICER = Principal("ro-1", Role.RISK_OFFICER)
AGENT = Principal("agent-1", Role.AGENT)
ACCOUNT = "acc-1"
KEY_ID = "PKA1B2C3D4E5F6G7H7XQ"
SECRET = "s3cr3t-Alpaca-Key-9f8e7d6c5b4a"


class DurableVault(InMemoryCredentialVault):
    """The in-memory vault claiming to outlive the process, as the SQL one does."""

    durable = True


@dataclass
class World:
    service: BrokerCredentialService
    vault: InMemoryCredentialVault
    audit: InMemoryAuditLog
    clock: FakeClock
    changed: list[str] = field(default_factory=list)


async def world(*, ephemeral_key: bool = False, durable: bool = False) -> World:
    store = InMemoryStore()
    uow = unit_of_work_factory(store)
    async with uow() as unit:
        await unit.accounts.add(Account(ACCOUNT, OWNER.id, Decimal(1000)))
        await unit.commit()
    cipher = FernetCipher.generate()
    vault = DurableVault(cipher) if durable else InMemoryCredentialVault(cipher)
    audit, clock = InMemoryAuditLog(), FakeClock()
    service = BrokerCredentialService(uow, vault, clock, audit, ephemeral_key=ephemeral_key)
    built = World(service, vault, audit, clock)
    service.subscribe(built.changed.append)
    return built


def put(principal: Principal = OWNER, **fields: Any) -> SetBrokerCredentials:
    values: dict[str, Any] = {
        "broker": "alpaca",
        "key_id": KEY_ID,
        "secret_key": SECRET,
        "paper": True,
        **fields,
    }
    return SetBrokerCredentials(principal, ACCOUNT, **values)


async def test_the_owner_stores_reads_back_and_removes_credentials() -> None:
    # Arrange
    w = await world()

    # Act
    stored = await w.service.set(put())
    shown = await w.service.show(OWNER, ACCOUNT)
    secret = await w.service.credentials(ACCOUNT)
    await w.service.remove(OWNER, ACCOUNT)

    # Assert
    assert stored == shown
    assert (shown.broker, shown.key_hint, shown.paper) == ("alpaca", "PK…7XQ", True)
    assert shown.updated_at == w.clock.now()
    assert secret is not None and (secret.key_id, secret.secret_key) == (KEY_ID, SECRET)
    assert await w.service.credentials(ACCOUNT) is None
    assert w.changed == [ACCOUNT, ACCOUNT]


async def test_replacing_credentials_notifies_and_audits_a_replacement() -> None:
    # Arrange
    w = await world()
    await w.service.set(put())

    # Act
    await w.service.set(put(key_id="PKZZZZZZZZZZZZZZZABC", paper=False))

    # Assert
    found = await w.service.credentials(ACCOUNT)
    assert found is not None and (found.key_id, found.paper) == ("PKZZZZZZZZZZZZZZZABC", False)
    outcomes = [e.outcome for e in await w.audit.entries(f"account:{ACCOUNT}")]
    assert outcomes == ["replaced", "stored"]
    assert len(w.changed) == 2


@pytest.mark.parametrize("principal", [STRANGER, OFFICER])
async def test_anyone_but_the_owner_gets_not_found(principal: Principal) -> None:
    # Arrange
    w = await world()
    await w.service.set(put())

    # Act / Assert
    with pytest.raises(NotFound):
        await w.service.set(put(principal))
    with pytest.raises(NotFound):
        await w.service.show(principal, ACCOUNT)
    with pytest.raises(NotFound):
        await w.service.remove(principal, ACCOUNT)
    found = await w.service.credentials(ACCOUNT)
    assert found is not None and found.secret_key == SECRET


async def test_an_unknown_account_and_missing_credentials_are_not_found() -> None:
    # Arrange
    w = await world()

    # Act / Assert
    with pytest.raises(NotFound, match="no broker credentials"):
        await w.service.show(OWNER, ACCOUNT)
    with pytest.raises(NotFound, match="no broker credentials"):
        await w.service.remove(OWNER, ACCOUNT)
    with pytest.raises(NotFound, match="account acc-9 not found"):
        await w.service.show(OWNER, "acc-9")
    assert w.changed == []


async def test_agents_are_refused() -> None:
    # Arrange
    w = await world()

    # Act / Assert
    with pytest.raises(Forbidden):
        await w.service.set(put(AGENT))
    with pytest.raises(Forbidden):
        await w.service.show(AGENT, ACCOUNT)
    assert w.vault.sealed(ACCOUNT) is None


async def test_the_audit_trail_never_holds_the_secret_or_the_key_id() -> None:
    # Arrange
    w = await world()

    # Act
    await w.service.set(put())
    await w.service.remove(OWNER, ACCOUNT)

    # Assert
    entries = await w.audit.entries()
    assert [(e.action, e.outcome) for e in entries] == [
        ("broker_credentials.remove", "removed"),
        ("broker_credentials.set", "stored"),
    ]
    assert entries[1].details == {"broker": "alpaca", "key_hint": "PK…7XQ", "paper": True}
    assert all(e.actor == OWNER.id and e.target == "account:acc-1" for e in entries)
    text = repr(entries)
    assert SECRET not in text and KEY_ID not in text


async def test_an_ephemeral_key_on_a_durable_store_refuses_to_store() -> None:
    # Arrange
    w = await world(ephemeral_key=True, durable=True)

    # Act
    with pytest.raises(VaultKeyEphemeral) as caught:
        await w.service.set(put())

    # Assert
    assert caught.value.code == "VAULT_KEY_EPHEMERAL"
    assert "BULWARK_SECRET_KEY" in caught.value.message
    assert w.vault.sealed(ACCOUNT) is None
    [entry] = await w.audit.entries()
    assert (entry.action, entry.outcome) == ("broker_credentials.set", "refused")


async def test_an_ephemeral_key_is_fine_when_the_store_dies_with_it() -> None:
    # Arrange
    w = await world(ephemeral_key=True, durable=False)

    # Act
    await w.service.set(put())

    # Assert
    assert w.vault.sealed(ACCOUNT) is not None


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"broker": "ibkr"}, "broker"),
        ({"key_id": ""}, "key_id"),
        ({"key_id": " PKA1B2"}, "key_id"),
        ({"secret_key": ""}, "secret_key"),
        ({"secret_key": "two words"}, "secret_key"),
        ({"secret_key": "x" * 257}, "secret_key"),
        ({"key_id": "PK\x00"}, "key_id"),
    ],
)
async def test_invalid_credentials_are_refused_naming_the_field(
    fields: dict[str, Any], named: str
) -> None:
    # Arrange
    w = await world()

    # Act
    with pytest.raises(InvalidBrokerCredentials) as caught:
        await w.service.set(put(**fields))

    # Assert
    assert f"`{named}`" in caught.value.message
    assert w.vault.sealed(ACCOUNT) is None


def test_the_command_repr_hides_the_key_pair() -> None:
    assert SECRET not in repr(put()) and KEY_ID not in repr(put())
