"""KYC documents in the composition root: the document store, the rows, the service, the purge,
and the users' KYC statuses with the identity-verification provider (Persona when its key is
set).

The content is sealed with the envelope cipher over the configured KEKs (bytes, so the
AesGcmEnvelope itself rather than the str `sealer`), bound to ("kyc_document", id).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import structlog

from adapters.security.envelope import AesGcmEnvelope
from application.identity.kyc import KycConfig, KycService
from bootstrap.settings import Settings
from ports.core.encryption import KeyProvider
from ports.identity.documents import DocumentStore
from ports.identity.verification import IdentityVerificationProvider

_log = structlog.get_logger("bulwark.kyc")


def document_store(settings: Settings) -> DocumentStore:
    """S3 when BULWARK_DOCUMENTS_STORE=s3 (settings checked its keys), else the directory."""
    if settings.kyc.documents_store == "s3":
        from adapters.documents.s3 import S3DocumentStore
        from adapters.documents.sigv4 import Credentials

        secret = settings.kyc.documents_s3_secret_access_key
        return S3DocumentStore(
            settings.kyc.documents_s3_url or "",
            settings.kyc.documents_s3_bucket or "",
            settings.kyc.documents_s3_region,
            Credentials(
                settings.kyc.documents_s3_access_key_id or "",
                secret.reveal() if secret is not None else "",
            ),
        )
    from adapters.documents.local import LocalDocumentStore

    return LocalDocumentStore(Path(settings.kyc.documents_dir))


def document_cipher(keys: KeyProvider) -> AesGcmEnvelope:
    """The envelope cipher for bytes (documents), over the same KEKs as the `sealer`."""
    return AesGcmEnvelope(keys)


def kyc_config(settings: Settings, secrets_die_on_restart: bool) -> KycConfig:
    """Uploads are refused with no KEK while the rows outlive the process (a SQL store)."""
    return KycConfig(
        max_bytes=settings.kyc.kyc_max_bytes,
        retention=timedelta(days=settings.kyc.kyc_retention_days),
        ephemeral_key=secrets_die_on_restart,
    )


def kyc_validity(settings: Settings) -> timedelta | None:
    """How long a verification lasts (BULWARK_KYC_VALIDITY_DAYS; 0: for ever, None)."""
    days = settings.kyc.kyc_validity_days
    return timedelta(days=days) if days else None


def verification_provider(settings: Settings) -> IdentityVerificationProvider | None:
    """Persona when BULWARK_PERSONA_API_KEY is set (settings checked its template), else None."""
    s = settings.kyc
    if s.persona_api_key is None:
        return None
    from adapters.identity_verification.persona import PersonaProvider

    secret = s.persona_webhook_secret
    return PersonaProvider(
        s.persona_api_url,
        s.persona_api_key.reveal(),
        s.persona_template_id or "",
        secret.reveal() if secret is not None else None,
    )


async def purge_documents(service: KycService) -> None:
    """Purges documents past retention (the server's job every BULWARK_KYC_PURGE_SECONDS)."""
    purged = await service.purge()
    if purged:
        _log.info("kyc_purged", documents=purged)
