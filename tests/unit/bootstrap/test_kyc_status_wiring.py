"""KYC status wiring: Persona chosen when its key is set, its secrets never shown, the same
status store read by the gate's live check and written by the KYC services."""

from __future__ import annotations

from datetime import timedelta

from adapters.identity_verification.persona import PersonaProvider
from bootstrap.containers.application import build_container
from bootstrap.settings import Settings, load_settings

PERSONA = {
    "BULWARK_PERSONA_API_KEY": "persona-api-key-secret",
    "BULWARK_PERSONA_TEMPLATE_ID": "itmpl_1",
    "BULWARK_PERSONA_WEBHOOK_SECRET": "persona-webhook-secret",
}


def settings(**environ: str) -> Settings:
    return load_settings({"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://", **environ},
                         env_file=None)  # fmt: skip


def test_without_a_key_there_is_no_provider_and_verification_lasts_two_years() -> None:
    service = build_container(settings()).identity.kyc_status()

    assert service.provider is None
    assert service.validity == timedelta(days=730)


def test_persona_is_chosen_by_its_key_and_never_shows_its_secrets() -> None:
    # Arrange
    loaded = settings(**PERSONA, BULWARK_KYC_VALIDITY_DAYS="0")

    # Act
    service = build_container(loaded).identity.kyc_status()

    # Assert
    assert isinstance(service.provider, PersonaProvider)
    assert service.validity is None
    shown = repr(loaded) + str(loaded.kyc)
    assert "persona-api-key-secret" not in shown
    assert "persona-webhook-secret" not in shown


def test_the_gate_reads_the_store_the_kyc_services_write() -> None:
    container = build_container(settings())

    statuses = container.identity.kyc_statuses()

    assert container.live_trading.check().kyc is statuses
    assert container.live_trading.service().kyc is statuses
    assert container.identity.kyc_status().records is statuses
