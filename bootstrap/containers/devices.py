"""Devices: the device records and login history (memory or SQL), the anomaly model, the
device list, step-up. Receives the core (tokens, TOTP, sealer, the session cache's owner)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import structlog
from dependency_injector import containers, providers

from application.devices.anomaly import LoginAnomaly
from application.devices.config import DeviceConfig
from application.devices.service import DeviceService
from application.devices.step_up import StepUp
from application.identity.login_guard import LoginGuard
from bootstrap.containers.stores import store_provider
from bootstrap.settings import Settings
from bootstrap.settings.devices import decoded_key

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.devices import InMemoryDevices, InMemoryLoginHistory
    from adapters.ml.isolation_forest import IsolationForestTrainer
    from adapters.postgres.repos.devices import SqlDevices, SqlLoginHistory


_log = structlog.get_logger(__name__)


def device_key(settings: Settings) -> bytes:
    """BULWARK_DEVICE_KEY, else derived from the JWT signing key's file, else random."""
    if settings.devices.key is not None:
        return decoded_key(settings.devices.key.reveal())
    pem_file = settings.identity.jwt_private_key_file
    if pem_file:
        return hashlib.sha256(b"bulwark devices\x1f" + Path(pem_file).read_bytes()).digest()
    _log.warning("device_key_generated", hint="set BULWARK_DEVICE_KEY to keep devices")
    return secrets.token_bytes(32)


def device_config(settings: Settings, key: bytes) -> DeviceConfig:
    s = settings.devices
    return DeviceConfig(
        key=key,
        access_ttl=timedelta(seconds=settings.identity.access_token_ttl_seconds),
        min_history=s.anomaly_min_history,
        retrain_every=s.anomaly_retrain_every,
        retrain_interval=timedelta(hours=s.anomaly_retrain_hours),
        training_window=s.anomaly_window,
    )


def anomaly_trainer(settings: Settings) -> IsolationForestTrainer | None:
    """scikit-learn's IsolationForest, or None (rules only) with BULWARK_DEVICE_ANOMALY_MODEL
    off."""
    if not settings.devices.anomaly_model:
        return None
    return isolation_forest_trainer()


def memory_devices() -> InMemoryDevices:
    from adapters.memory.devices import InMemoryDevices

    return InMemoryDevices()


def sql_devices(engine: AsyncEngine) -> SqlDevices:
    from adapters.postgres.repos.devices import SqlDevices

    return SqlDevices(engine)


def memory_history() -> InMemoryLoginHistory:
    from adapters.memory.devices import InMemoryLoginHistory

    return InMemoryLoginHistory()


def sql_history(engine: AsyncEngine) -> SqlLoginHistory:
    from adapters.postgres.repos.devices import SqlLoginHistory

    return SqlLoginHistory(engine)


def isolation_forest_trainer() -> IsolationForestTrainer:
    from adapters.ml.isolation_forest import IsolationForestTrainer

    return IsolationForestTrainer()


class DevicesContainer(containers.DeclarativeContainer):
    """The devices context over the core it is given."""

    core = providers.DependenciesContainer()

    key = providers.Singleton(device_key, core.settings)
    config = providers.Singleton(device_config, core.settings, key)
    store = store_provider(core, memory_devices, sql_devices)
    history = store_provider(core, memory_history, sql_history)
    anomaly = providers.Singleton(
        LoginAnomaly, history, providers.Singleton(anomaly_trainer, core.settings), config
    )
    devices = providers.Singleton(
        DeviceService,
        store, history, anomaly, core.uow_factory, core.tokens, core.clock, core.ids,
        core.audit, config, core.notifier, core.auth.provided.forget_sessions,
    )  # fmt: skip
    step_up = providers.Singleton(
        StepUp,
        devices, core.uow_factory, core.totp, core.sealer,
        providers.Singleton(
            LoginGuard, core.clock, core.audit, core.notifier,
            core.auth_config.provided.username_throttle,
            core.auth_config.provided.client_throttle,
        ),
        core.clock, core.audit,
    )  # fmt: skip
