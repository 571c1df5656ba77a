"""IdempotencyStore contract: the in-memory and the Redis stores answer alike."""

from __future__ import annotations

import asyncio

import pytest

from ports.core.idempotency import Claim, ClaimStatus, IdempotencyStore
from tests.integration.contract.conftest import Backend

TTL = 60.0


async def test_the_first_claim_is_new_and_a_second_is_in_progress(
    idempotency: IdempotencyStore,
) -> None:
    # Act
    first = await idempotency.claim("key-1", "fp-a", TTL)
    second = await idempotency.claim("key-1", "fp-a", TTL)

    # Assert
    assert first == Claim(ClaimStatus.NEW)
    assert second == Claim(ClaimStatus.IN_PROGRESS)


async def test_a_completed_key_answers_done_with_its_result(idempotency: IdempotencyStore) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", TTL)

    # Act
    await idempotency.complete("key-1", b'{"order_id": "o-1"}\x00', TTL)
    again = await idempotency.claim("key-1", "fp-a", TTL)

    # Assert
    assert again == Claim(ClaimStatus.DONE, b'{"order_id": "o-1"}\x00')


async def test_an_empty_result_is_still_a_result(idempotency: IdempotencyStore) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", TTL)

    # Act
    await idempotency.complete("key-1", b"", TTL)
    again = await idempotency.claim("key-1", "fp-a", TTL)

    # Assert
    assert again == Claim(ClaimStatus.DONE, b"")


async def test_another_fingerprint_is_a_mismatch_in_progress_or_done(
    idempotency: IdempotencyStore,
) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", TTL)

    # Act
    while_in_progress = await idempotency.claim("key-1", "fp-b", TTL)
    await idempotency.complete("key-1", b"result", TTL)
    once_done = await idempotency.claim("key-1", "fp-b", TTL)

    # Assert
    assert while_in_progress == Claim(ClaimStatus.MISMATCH)
    assert once_done == Claim(ClaimStatus.MISMATCH)


async def test_a_released_key_can_be_claimed_again(idempotency: IdempotencyStore) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", TTL)

    # Act
    await idempotency.release("key-1")
    retry = await idempotency.claim("key-1", "fp-a", TTL)

    # Assert
    assert retry == Claim(ClaimStatus.NEW)


async def test_release_leaves_a_completed_result(idempotency: IdempotencyStore) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", TTL)
    await idempotency.complete("key-1", b"result", TTL)

    # Act
    await idempotency.release("key-1")
    again = await idempotency.claim("key-1", "fp-a", TTL)

    # Assert
    assert again == Claim(ClaimStatus.DONE, b"result")


async def test_a_lapsed_claim_can_be_claimed_again(
    idempotency: IdempotencyStore, backend: Backend
) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", 0.2)

    # Act
    await backend.elapse(0.3)
    later = await idempotency.claim("key-1", "fp-b", TTL)

    # Assert
    assert later == Claim(ClaimStatus.NEW)


async def test_a_result_is_kept_for_its_own_ttl(
    idempotency: IdempotencyStore, backend: Backend
) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", TTL)
    await idempotency.complete("key-1", b"result", 0.2)

    # Act
    await backend.elapse(0.3)
    later = await idempotency.claim("key-1", "fp-a", TTL)

    # Assert
    assert later == Claim(ClaimStatus.NEW)


async def test_a_result_completed_after_its_claim_lapsed_is_still_done(
    idempotency: IdempotencyStore, backend: Backend
) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", 0.2)
    await backend.elapse(0.3)

    # Act
    await idempotency.complete("key-1", b"result", TTL)
    retry = await idempotency.claim("key-1", "fp-a", TTL)

    # Assert
    assert retry == Claim(ClaimStatus.DONE, b"result")


async def test_concurrent_claims_have_exactly_one_winner(idempotency: IdempotencyStore) -> None:
    # Act
    claims = await asyncio.gather(*(idempotency.claim("key-1", "fp-a", TTL) for _ in range(20)))

    # Assert
    assert sorted(c.status for c in claims) == sorted(
        [ClaimStatus.NEW] + [ClaimStatus.IN_PROGRESS] * 19
    )


async def test_keys_are_independent(idempotency: IdempotencyStore) -> None:
    # Arrange
    await idempotency.claim("key-1", "fp-a", TTL)

    # Act
    other = await idempotency.claim("key-2", "fp-b", TTL)

    # Assert
    assert other == Claim(ClaimStatus.NEW)


@pytest.mark.parametrize("ttl", [0.0, -1.0])
async def test_a_ttl_that_is_not_positive_is_refused(
    idempotency: IdempotencyStore, ttl: float
) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="ttl"):
        await idempotency.claim("key-1", "fp-a", ttl)
    with pytest.raises(ValueError, match="ttl"):
        await idempotency.complete("key-1", b"result", ttl)
