"""The API-key vault in the composition root: its store, service, testers, rotation sources
and the expiry loop (a lifetime task like the other watchers)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import structlog

from application.keys.vault import KeyVaultService
from application.keys.vault_expiry import KeyExpiryWatch
from bootstrap.job_leases import JobLeases
from bootstrap.periodic import running_every
from bootstrap.settings import Settings
from ports.core.clock import Clock, IdGenerator
from ports.core.encryption import SecretSealer
from ports.core.events import AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.keys.key_vault import KeyTester, KeyVaultStore

_log = structlog.get_logger("bulwark.vault")


def key_testers(settings: Settings, clock: Clock) -> dict[str, KeyTester]:
    """A tester per provider Bulwark can test keys of (Alpaca's trading URL as the broker's;
    the data vendors' base URLs as their market data's). Their HTTP adapters are imported
    here, when the vault is first built."""
    from adapters.alpaca.http import trading_url
    from adapters.alpaca.key_tester import AlpacaKeyTester
    from bootstrap.market_vendors import KEY_TESTER_VENDORS

    override = settings.brokers.alpaca_trading_url
    url_for: Callable[[bool], str] = (lambda paper: override) if override else trading_url
    testers: dict[str, KeyTester] = {"alpaca": AlpacaKeyTester(clock, url_for=url_for)}
    for vendor, tester in KEY_TESTER_VENDORS.items():
        testers[vendor] = tester(settings, clock)
    return testers


def key_vault_service(
    settings: Settings,
    uow_factory: UnitOfWorkFactory,
    store: KeyVaultStore,
    sealer: SecretSealer,
    clock: Clock,
    ids: IdGenerator,
    audit: AuditLog,
    keys_ephemeral: bool,
) -> KeyVaultService:
    return KeyVaultService(
        uow_factory, store, sealer, clock, ids, audit,
        keys_ephemeral=keys_ephemeral,
        grace=timedelta(seconds=settings.keys.vault_rotation_grace_seconds),
        testers=key_testers(settings, clock),
    )  # fmt: skip


async def expiry_loop(
    settings: Settings, watch: KeyExpiryWatch, leases: JobLeases | None = None
) -> AsyncIterator[None]:
    """Checks at start-up, then every BULWARK_VAULT_EXPIRY_CHECK_SECONDS until shutdown."""

    async def check() -> None:
        report = await watch.check()
        if report.warned or report.purged:
            _log.info("vault_expiry_checked", warned=report.warned, purged=report.purged)

    every = settings.keys.vault_expiry_check_seconds
    async with running_every({"vault_expiry": check}, every, leases):
        yield None
