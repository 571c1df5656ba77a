"""Users' KYC statuses in a dict: the embedded store's and the unit tests' KycStatusStore."""

from __future__ import annotations

from domain.kyc.status import KycRecord


class InMemoryKycStatuses:
    """Records by user id, written compare-and-set on their version."""

    def __init__(self) -> None:
        self._records: dict[str, KycRecord] = {}

    async def get(self, user_id: str) -> KycRecord | None:
        return self._records.get(user_id)

    async def save(self, record: KycRecord) -> bool:
        stored = self._records.get(record.user_id)
        if (stored.version if stored is not None else 0) != record.version - 1:
            return False
        self._records[record.user_id] = record
        return True
