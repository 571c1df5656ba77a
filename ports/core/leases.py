"""The lease port: which process runs a background job, so that it runs once across workers
and instances (a lease with takeover), never once per process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class Leases(Protocol):
    """Named leases, each held by at most one holder at a time.

    - `acquire(name, holder, ttl_seconds)` takes the lease `name` for `holder` and answers
      True, or answers False while another holder has it. Acquiring a lease one already
      holds renews it (True).
    - `renew(name, holder, ttl_seconds)` keeps a held lease for another `ttl_seconds` and
      answers True; it answers False when `holder` no longer has it (it expired and was
      taken, or the adapter lost it, e.g. its connection dropped): the holder must then stop
      the job at once.
    - `release(name, holder)` gives the lease up so that another holder can take it at
      once; releasing a lease one does not hold does nothing.
    - A holder that stops renewing (a hung or dead process) loses the lease at the latest
      `ttl_seconds` after its last acquire or renew; an adapter whose lease dies with its
      holder's process or connection may free it sooner.
    - `aclose()` releases every lease this object holds and frees its resources.

    A store outage may raise from any method; a holder treats a failed renew as a lost lease.
    """

    async def acquire(self, name: str, holder: str, ttl_seconds: float) -> bool: ...

    async def renew(self, name: str, holder: str, ttl_seconds: float) -> bool: ...

    async def release(self, name: str, holder: str) -> None: ...

    async def aclose(self) -> None: ...


@dataclass(frozen=True, slots=True)
class HeldJob:
    """A leased job this process runs now, and since when it holds the job's lease."""

    name: str
    since: datetime


@dataclass(frozen=True, slots=True)
class JobLeaseReport:
    """This process's leased jobs: those it runs now (`held`) and those another process of
    the deployment holds (`waiting`: this one takes each over when its holder dies)."""

    lease_seconds: float
    held: tuple[HeldJob, ...]
    waiting: tuple[str, ...]


class JobLeaseStatus(Protocol):
    """What this process's job runners hold now, as of the call (status pages, metrics)."""

    def report(self) -> JobLeaseReport: ...
