"""Where each user's KYC status is kept (domain/kyc/status.py derives it)."""

from __future__ import annotations

from typing import Protocol

from domain.kyc.status import KycRecord


class KycStatusStore(Protocol):
    """One KycRecord per user id; a user never seen has none (`get` is None).

    `save` is compare-and-set on `version`: it writes `record` only while the stored record's
    version is `record.version - 1` (no stored record for version 1) and returns whether it
    wrote, so a review and a provider's result deriving at once cannot lose either.
    """

    async def get(self, user_id: str) -> KycRecord | None: ...

    async def save(self, record: KycRecord) -> bool: ...
