"""Who is asking, for the audit log: the request id and client IP of the work in progress.

Why a context variable: about twenty use cases record audit entries and none of them should
have to carry a request id and an IP through its signature. The HTTP edge sets both for
each request (the request id it issues or keeps, the client address as uvicorn gives it,
which honours the trusted-proxy rules of FORWARDED_ALLOW_IPS, the same address the API rate
limit keys on); the Kafka command handler and the CLI set a request id of their own and no
IP. The audit adapters fill whichever of the two an entry leaves None.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass

from ports.core.events import AuditEntry


@dataclass(frozen=True, slots=True)
class AuditContext:
    request_id: str | None = None
    ip: str | None = None


_CURRENT: ContextVar[AuditContext | None] = ContextVar("bulwark_audit_context", default=None)


def bind_audit_context(request_id: str | None, ip: str | None) -> Token[AuditContext | None]:
    """Set the context of the current task (and the tasks it starts); reset with the token."""
    return _CURRENT.set(AuditContext(request_id, ip))


def reset_audit_context(token: Token[AuditContext | None]) -> None:
    _CURRENT.reset(token)


@contextmanager
def audit_context(request_id: str | None, ip: str | None = None) -> Iterator[None]:
    """`with audit_context("cli-audit-verify"):` around a piece of work."""
    token = bind_audit_context(request_id, ip)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current_audit_context() -> AuditContext | None:
    return _CURRENT.get()


def stamped(entry: AuditEntry) -> AuditEntry:
    """The entry with its request id and IP filled from the context where it left them None."""
    context = _CURRENT.get()
    if context is None or (entry.request_id is not None and entry.ip is not None):
        return entry
    request_id = entry.request_id if entry.request_id is not None else context.request_id
    ip = entry.ip if entry.ip is not None else context.ip
    if request_id == entry.request_id and ip == entry.ip:
        return entry
    return AuditEntry(  # built directly: dataclasses.replace costs several times as much
        entry.actor,
        entry.action,
        entry.target,
        entry.outcome,
        entry.at,
        entry.details,
        request_id,
        ip,
        entry.actor_id,
    )
