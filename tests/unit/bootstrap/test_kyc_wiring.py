"""KYC wiring: the document store chosen by settings, S3 settings checked, rotation registered."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.documents.local import LocalDocumentStore
from adapters.documents.s3 import S3DocumentStore
from application.keys.kyc_rotation import KycDocumentKeys
from bootstrap.containers.application import build_container
from bootstrap.settings import Settings, SettingsError, load_settings

S3 = {
    "BULWARK_DOCUMENTS_STORE": "s3",
    "BULWARK_DOCUMENTS_S3_URL": "http://127.0.0.1:9000",
    "BULWARK_DOCUMENTS_S3_BUCKET": "kyc",
    "BULWARK_DOCUMENTS_S3_ACCESS_KEY_ID": "AKID",
    "BULWARK_DOCUMENTS_S3_SECRET_ACCESS_KEY": "very-secret-key",
}


def settings(**environ: str) -> Settings:
    return load_settings({"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://", **environ},
                         env_file=None)  # fmt: skip


def test_the_local_store_is_the_default(tmp_path: Path) -> None:
    container = build_container(settings(BULWARK_DOCUMENTS_DIR=str(tmp_path)))

    assert isinstance(container.identity.document_store(), LocalDocumentStore)
    assert any(isinstance(s, KycDocumentKeys) for s in container.keys.sealed_sources())


def test_s3_is_chosen_by_setting_and_never_shows_its_secret() -> None:
    loaded = settings(**S3)
    store = build_container(loaded).identity.document_store()

    assert isinstance(store, S3DocumentStore)
    assert "very-secret-key" not in repr(store) + repr(loaded.redacted())


@pytest.mark.parametrize("missing", sorted(k for k in S3 if k != "BULWARK_DOCUMENTS_STORE"))
def test_s3_needs_its_endpoint_bucket_and_keys(missing: str) -> None:
    environ = {k: v for k, v in S3.items() if k != missing}

    with pytest.raises(SettingsError, match=missing):
        settings(**environ)


def test_an_s3_url_with_a_path_is_refused() -> None:
    with pytest.raises(SettingsError, match="BULWARK_DOCUMENTS_S3_URL"):
        settings(**{**S3, "BULWARK_DOCUMENTS_S3_URL": "ftp://host/bucket"})


KEKS = "main 1 " + "A" * 43 + "="  # 32 zero bytes


@pytest.mark.parametrize(
    ("environ", "refused"),
    [
        ({"BULWARK_DATABASE_URL": "sqlite+aiosqlite:///unused.db"}, True),
        ({"BULWARK_DATABASE_URL": "sqlite+aiosqlite:///unused.db", "BULWARK_KEKS": KEKS}, False),
        ({}, False),  # memory://: nothing outlives the process anyway
    ],
)
def test_a_sql_store_without_a_kek_refuses_kyc_uploads_and_endpoint_secrets(
    environ: dict[str, str], refused: bool
) -> None:
    # Arrange
    container = build_container(settings(**environ))

    # Act / Assert
    assert container.core.secrets_die_on_restart() is refused
    assert container.identity.kyc().config.ephemeral_key is refused
