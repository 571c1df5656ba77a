"""An opt-in's steps: the phrase typed exactly, enabled at once or pending a second person
who is neither the owner nor whoever acknowledged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.live_trading.opt_in import (
    AcknowledgementMismatch,
    LiveOptIn,
    LiveOptInNotPending,
    LiveStatus,
    SecondApproverRequired,
    acknowledgement_phrase,
    check_acknowledgement,
)

AT = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
PHRASE = "I enable live trading with real money on account acc-1 through connection vc-9"


def test_the_phrase_names_the_account_and_the_connection() -> None:
    assert acknowledgement_phrase("acc-1", "vc-9") == PHRASE


@pytest.mark.parametrize(
    "typed",
    [PHRASE.lower(), PHRASE + " ", PHRASE.replace("acc-1", "acc-2"), "", "yes"],
)
def test_anything_but_the_exact_phrase_is_refused_naming_it(typed: str) -> None:
    # Act
    with pytest.raises(AcknowledgementMismatch) as refused:
        check_acknowledgement(typed, "acc-1", "vc-9")

    # Assert
    assert PHRASE in refused.value.message
    assert refused.value.field == "acknowledgement"


def test_the_exact_phrase_is_accepted() -> None:
    check_acknowledgement(PHRASE, "acc-1", "vc-9")


def test_without_a_second_approver_the_acknowledgement_enables() -> None:
    # Act
    opt_in = LiveOptIn.acknowledged("acc-1", "alice", "vc-9", AT, second_approver=False)

    # Assert
    assert opt_in.enabled
    assert (opt_in.acknowledged_by, opt_in.acknowledged_at) == ("alice", AT)
    assert opt_in.approved_by is None


def test_with_a_second_approver_another_person_enables_it() -> None:
    # Arrange
    pending = LiveOptIn.acknowledged("acc-1", "alice", "vc-9", AT, second_approver=True)

    # Act
    approved = pending.approved("rita", AT)

    # Assert
    assert pending.status is LiveStatus.PENDING_APPROVAL and not pending.enabled
    assert approved.enabled
    assert (approved.approved_by, approved.approved_at) == ("rita", AT)


def test_the_owner_is_never_the_second_approver() -> None:
    pending = LiveOptIn.acknowledged("acc-1", "alice", "vc-9", AT, second_approver=True)
    with pytest.raises(SecondApproverRequired):
        pending.approved("alice", AT)


def test_an_enabled_opt_in_has_nothing_to_approve() -> None:
    enabled = LiveOptIn.acknowledged("acc-1", "alice", "vc-9", AT, second_approver=False)
    with pytest.raises(LiveOptInNotPending):
        enabled.approved("rita", AT)


def test_only_an_acknowledged_opt_in_is_stored() -> None:
    with pytest.raises(ValueError, match="pending approval or enabled"):
        LiveOptIn("acc-1", "alice", "vc-9", LiveStatus.PENDING_ACKNOWLEDGEMENT, "alice", AT)
