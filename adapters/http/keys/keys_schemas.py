"""Key administration DTOs: which KEK is current, what each store's records are sealed under,
how far a rotation is. Never any key material: key ids, versions and counts only."""

from __future__ import annotations

from datetime import datetime

from adapters.http.schemas.common import Output
from adapters.http.wire_format import AnalyticOut
from application.keys.rotation import KeyStatus, RotationProgress
from application.keys.rotation_jobs import RotationJob


class SourceKeysOut(Output):
    """One store of sealed secrets: its records counted per key label (`main v2`, `legacy`)."""

    name: str
    total: int
    labels: dict[str, int]


class RetiredKeyOut(Output):
    key: str  # "<key id> v<version>"
    retired_at: datetime
    retired_by: str


class KeysOut(Output):
    """The KEK new secrets are sealed under, the versions configured, and where each is used."""

    current: str
    configured: list[str]
    sources: list[SourceKeysOut]
    retired: list[RetiredKeyOut]

    @classmethod
    def from_domain(cls, status: KeyStatus) -> KeysOut:
        return cls(
            current=str(status.current),
            configured=[str(ref) for ref in status.configured],
            sources=[
                SourceKeysOut(name=s.name, total=s.total, labels=dict(s.labels))
                for s in status.sources
            ],
            retired=[
                RetiredKeyOut(key=str(r.kek), retired_at=r.at, retired_by=r.actor)
                for r in status.retired
            ],
        )


class UnreadableOut(Output):
    source: str
    record_id: str


class RotationOut(Output):
    """A rotation started here: state running, succeeded, partial (unreadable or contended
    records left), failed or canceled; counts so far and the percent of the estimate."""

    id: str
    state: str
    target: str
    percent: AnalyticOut | None
    total: int | None
    counts: dict[str, int]
    unreadable: list[UnreadableOut]
    resumed: list[str]
    started_at: datetime
    started_by: str
    finished_at: datetime | None = None
    error: str | None = None

    @classmethod
    def from_domain(cls, job: RotationJob) -> RotationOut:
        p: RotationProgress = job.progress
        percent = p.percent
        return cls.from_attributes(
            job,
            target=str(p.target),
            percent=None if percent is None else round(percent, 2),
            total=p.total,
            counts=p.counts(),
            unreadable=[UnreadableOut(source=s, record_id=r) for s, r in p.unreadable],
            resumed=list(p.resumed),
        )
