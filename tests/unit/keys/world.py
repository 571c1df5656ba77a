"""A vault service on the in-memory store, a real SecretBox and a FakeClock, for unit tests."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.key_vault import InMemoryKeyVault
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.keys.broker_credentials import BrokerCredentialService
from application.keys.vault import CreateVaultKey, KeyVaultService
from application.keys.vault_expiry import KeyExpiryWatch
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from ports.core.encryption import KEY_BYTES, KeyRef
from ports.keys.key_vault import ConnectionReport, KeyMaterial, TestOutcome

OWNER = Principal("u-1", Role.OWNER)
STRANGER = Principal("u-2", Role.OWNER)
AGENT = Principal("agent-1", Role.AGENT)
ACCOUNT = "acc-1"
KEY_ID = "PKA1B2C3D4E5F6G7H7XQ"
SECRET = "s3cr3t-Alpaca-Key-9f8e7d6c5b4a"
GRACE = timedelta(hours=1)


class DurableVault(InMemoryKeyVault):
    """The in-memory store claiming to outlive the process, as the SQL one does."""

    durable = True


class RecordingTester:
    """A KeyTester that answers `report` and remembers what it was handed."""

    def __init__(self, report: ConnectionReport) -> None:
        self.report = report
        self.seen: list[KeyMaterial] = []

    async def test(self, material: KeyMaterial) -> ConnectionReport:
        self.seen.append(material)
        return self.report


def sealer() -> SecretBox:
    ref = KeyRef("main", 1)
    return SecretBox(AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(KEY_BYTES)}, ref)))


@dataclass
class World:
    vault: KeyVaultService
    credentials: BrokerCredentialService
    store: InMemoryKeyVault
    audit: InMemoryAuditLog
    notifier: InMemoryNotifier
    clock: FakeClock
    tester: RecordingTester
    expiry: KeyExpiryWatch
    changed: list[str] = field(default_factory=list)


async def world(*, ephemeral: bool = False, durable: bool = False) -> World:
    accounts = InMemoryStore()
    uow = unit_of_work_factory(accounts)
    async with uow() as unit:
        await unit.accounts.add(Account(ACCOUNT, OWNER.id, Decimal(1000)))
        await unit.accounts.add(Account("acc-2", STRANGER.id, Decimal(1000)))
        await unit.commit()
    store = DurableVault() if durable else InMemoryKeyVault()
    audit, clock, notifier = InMemoryAuditLog(), FakeClock(), InMemoryNotifier()
    tester = RecordingTester(ConnectionReport(TestOutcome.OK, "accepted", 200))
    vault = KeyVaultService(
        uow, store, sealer(), clock, SequentialIds(), audit,
        keys_ephemeral=ephemeral, grace=GRACE, testers={"alpaca": tester},
    )  # fmt: skip
    built = World(
        vault,
        BrokerCredentialService(uow, vault),
        store,
        audit,
        notifier,
        clock,
        tester,
        KeyExpiryWatch(store, notifier, clock, audit),
    )
    vault.subscribe(built.changed.append)
    return built


def create(principal: Principal = OWNER, **fields: object) -> CreateVaultKey:
    values: dict[str, object] = {
        "provider": "alpaca",
        "label": "my alpaca",
        "scopes": ("trading",),
        "key_id": KEY_ID,
        "secret": SECRET,
        **fields,
    }
    return CreateVaultKey(principal, **values)  # type: ignore[arg-type]
