"""Users' KYC statuses on SQL (the `kyc_statuses` table), compare-and-set on `version`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.kyc_status import kyc_statuses as t
from domain.kyc.status import KycRecord, KycStatus, ProviderOutcome, ProviderResult


def _row(r: KycRecord) -> dict[str, Any]:
    p = r.provider
    return {
        "user_id": r.user_id,
        "status": r.status.value,
        "reason": r.reason,
        "verified_until": r.verified_until,
        "updated_at": r.updated_at,
        "version": r.version,
        "provider": p.provider if p else None,
        "provider_reference": p.reference if p else None,
        "provider_outcome": p.outcome.value if p else None,
        "provider_at": p.at if p else None,
        "provider_reason": p.reason if p else None,
    }


def _record(row: Any) -> KycRecord:
    provider = None
    if row.provider is not None:
        provider = ProviderResult(
            row.provider, row.provider_reference, ProviderOutcome(row.provider_outcome),
            row.provider_at, row.provider_reason,
        )  # fmt: skip
    return KycRecord(
        row.user_id, KycStatus(row.status), row.updated_at, row.reason, row.verified_until,
        provider, int(row.version),
    )  # fmt: skip


class SqlKycStatuses(EngineStore):
    """A KycStatusStore on SQL: the first record INSERTs, later ones UPDATE the version."""

    async def get(self, user_id: str) -> KycRecord | None:
        return await self._read_one(select(t).where(t.c.user_id == user_id), _record)

    async def save(self, record: KycRecord) -> bool:
        row = _row(record)
        if record.version == 1:
            try:
                await self._write(lambda conn: conn.execute(t.insert().values(row)))
            except IntegrityError:
                return False
            return True
        statement = (
            update(t)
            .where(t.c.user_id == record.user_id, t.c.version == record.version - 1)
            .values(row)
        )
        return await self._change(statement) == 1
