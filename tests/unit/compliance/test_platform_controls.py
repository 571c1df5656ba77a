"""The deployment's settings the inventory reports: the execution throttle's and the drop
copy's, the webhook shown by its host only (never its credentials, path, query or secret)."""

from __future__ import annotations

from bootstrap.containers.compliance import platform_controls, webhook_host
from bootstrap.settings import Settings
from bootstrap.settings.base import Secret


def test_the_defaults_have_the_throttle_on_and_no_drop_copy() -> None:
    # Act
    platform = platform_controls(Settings.from_flat())

    # Assert
    assert platform.throttle is True
    assert (platform.throttle_breaches, platform.throttle_window_seconds) == (3, 60.0)
    assert platform.throttle_duplicates is False
    assert platform.drop_copy_webhook_host is None and platform.drop_copy_kafka_topic is None


def test_the_throttle_and_drop_copy_settings_are_read_and_the_webhook_is_its_host() -> None:
    # Arrange
    settings = Settings.from_flat(
        throttle=False,
        throttle_breaches=7,
        throttle_window_seconds=15.0,
        throttle_duplicates=True,
        drop_copy_webhook_url="https://desk:pa55@surveillance.example.com:8443/hook?token=t0k",
        drop_copy_webhook_secret=Secret("s3cret-signing-key"),
        drop_copy_kafka_topic="desk.drop-copy",
        kafka_bootstrap="kafka:9092",
    )

    # Act
    platform = platform_controls(settings)

    # Assert
    assert platform.throttle is False and platform.throttle_duplicates is True
    assert (platform.throttle_breaches, platform.throttle_window_seconds) == (7, 15.0)
    assert platform.drop_copy_webhook_host == "surveillance.example.com"
    assert platform.drop_copy_kafka_topic == "desk.drop-copy"
    shown = repr(platform)
    assert "pa55" not in shown and "t0k" not in shown and "s3cret" not in shown


def test_a_webhook_without_a_host_reads_as_set() -> None:
    assert webhook_host(None) is None
    assert webhook_host("https://") == "(set)"
    assert webhook_host("http://[bad") == "(set)"
