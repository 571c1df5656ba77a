"""CapabilityNotConfigured: the operator's sentence naming the settings, and a fresh copy."""

from __future__ import annotations

from domain.errors import CapabilityNotConfigured


def test_the_sentence_names_every_setting_to_set() -> None:
    # Act
    one = CapabilityNotConfigured("broker fault drills", ["BULWARK_PAPER_FAULTS"])
    two = CapabilityNotConfigured(
        "account aggregation", ("BULWARK_PLAID_CLIENT_ID", "BULWARK_PLAID_SECRET")
    )
    three = CapabilityNotConfigured("SMS", ["A", "B", "C"])

    # Assert
    assert one.code == "CAPABILITY_NOT_CONFIGURED"
    assert one.message == (
        "this instance is not configured for broker fault drills: set BULWARK_PAPER_FAULTS"
    )
    assert two.message.endswith("set BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET")
    assert three.message.endswith("set A, B and C")
    assert two.settings == ["BULWARK_PLAID_CLIENT_ID", "BULWARK_PLAID_SECRET"]


def test_again_is_the_same_refusal_as_a_new_error() -> None:
    # Arrange
    kept = CapabilityNotConfigured("Kafka streams", ["BULWARK_KAFKA_BOOTSTRAP"], "say this")

    # Act
    fresh = kept.again()

    # Assert
    assert fresh is not kept
    assert (fresh.capability, fresh.settings, fresh.message) == (
        "Kafka streams",
        ["BULWARK_KAFKA_BOOTSTRAP"],
        "say this",
    )
