"""Live trading waits for the owner's KYC: the opt-in is refused (KYC_NOT_VERIFIED) until it
is verified, a live account's orders are denied while it is not, and paper trading never asks."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from domain.kyc.status import KycNotVerified, KycRecord, KycStatus
from domain.live_trading.opt_in import LiveStatus
from domain.risk.reasons import ReasonCode
from tests.unit.live_trading.world import ALICE, LIVE, PAPER, RITA, phrase, world


@pytest.mark.parametrize("status", [None, KycStatus.PENDING, KycStatus.REJECTED, KycStatus.EXPIRED])
async def test_the_opt_in_is_refused_until_the_owners_kyc_is_verified(
    status: KycStatus | None,
) -> None:
    # Arrange
    w = await world(kyc=status)

    # Act
    with pytest.raises(KycNotVerified) as refused:
        await w.service.acknowledge(ALICE, LIVE, phrase())

    # Assert: refused with the status and why, audited, nothing stored
    shown = (status or KycStatus.UNVERIFIED).value
    assert refused.value.code == "KYC_NOT_VERIFIED"
    assert f"it is {shown}" in refused.value.message
    assert await w.opt_ins.get(LIVE) is None
    entries = await w.audit.entries()
    assert [e.outcome for e in entries if e.action == "live.opt_in"] == ["KYC_NOT_VERIFIED"]


async def test_a_rejection_names_its_reason() -> None:
    w = await world(kyc=KycStatus.REJECTED)

    with pytest.raises(KycNotVerified) as refused:
        await w.service.acknowledge(ALICE, LIVE, phrase())

    assert "the passport is blurred" in refused.value.message


async def test_the_second_approver_is_refused_when_the_kyc_lapsed_meanwhile() -> None:
    # Arrange: acknowledged while verified, then the verification expired
    w = await world(second_approver=True)
    await w.service.acknowledge(ALICE, LIVE, phrase())
    stored = await w.kyc.get("alice")
    assert stored is not None
    await w.kyc.save(replace(stored, verified_until=w.clock.now(), version=2))

    # Act
    with pytest.raises(KycNotVerified):
        await w.service.approve(RITA, LIVE)

    # Assert
    opt_in = await w.opt_ins.get(LIVE)
    assert opt_in is not None and opt_in.status is LiveStatus.PENDING_APPROVAL


async def test_a_live_accounts_orders_are_denied_when_the_kyc_is_revoked_after_enabling() -> None:
    # Arrange: enabled while verified
    w = await world()
    await w.acknowledged()
    assert await w.judged(LIVE) == ()

    # Act: a later rejection (another process wrote it)
    await w.kyc.save(KycRecord("alice", KycStatus.REJECTED, w.clock.now(), "identity: forged",
                               version=2))  # fmt: skip
    verdicts = await w.judged(LIVE)

    # Assert
    assert [v.code for v in verdicts] == [ReasonCode.KYC_NOT_VERIFIED]
    assert "rejected (identity: forged" in verdicts[0].message


async def test_an_expired_verification_denies_the_next_order() -> None:
    # Arrange
    w = await world()
    await w.acknowledged()
    stored = await w.kyc.get("alice")
    assert stored is not None
    await w.kyc.save(replace(stored, verified_until=w.clock.now() + timedelta(hours=1), version=2))
    assert await w.judged(LIVE) == ()

    # Act
    w.clock.advance(timedelta(hours=1))
    verdicts = await w.judged(LIVE)

    # Assert
    assert [v.code for v in verdicts] == [ReasonCode.KYC_NOT_VERIFIED]
    assert "expired" in verdicts[0].message


async def test_without_an_opt_in_and_without_kyc_both_reasons_are_given() -> None:
    w = await world(kyc=None)

    verdicts = await w.judged(LIVE)

    assert [v.code for v in verdicts] == [
        ReasonCode.LIVE_NOT_ENABLED,
        ReasonCode.KYC_NOT_VERIFIED,
    ]


async def test_a_paper_account_reads_no_kyc_and_is_never_denied_for_it() -> None:
    # Arrange: alice's KYC is rejected
    w = await world(kyc=KycStatus.REJECTED)
    w.kyc.reads = 0

    # Act
    verdicts = [await w.judged(PAPER) for _ in range(3)]

    # Assert
    assert verdicts == [(), (), ()]
    assert w.kyc.reads == 0
