"""Domain errors: raised by aggregates when an invariant would be broken."""

from __future__ import annotations

from collections.abc import Sequence


class DomainError(Exception):
    """Base class of every error the domain raises; carries a stable code."""

    code = "DOMAIN_ERROR"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field  # the request field at fault, when one is


class InvalidOrder(DomainError):
    """An order's fields are inconsistent (no limit price on a limit order, ...)."""

    code = "INVALID_ORDER"


class IllegalTransition(DomainError):
    """A state machine was asked to move along an edge it does not have."""

    code = "ILLEGAL_TRANSITION"


class InvalidFill(DomainError):
    """A fill does not fit its order (overfill, wrong side, wrong symbol)."""

    code = "INVALID_FILL"


class InvalidRule(DomainError):
    """A risk rule's parameters cannot be compiled into a control."""

    code = "INVALID_RULE"


class InvalidInstrument(DomainError):
    """An instrument definition is incomplete or inconsistent."""

    code = "INVALID_INSTRUMENT"


class NotFound(DomainError):
    """The resource does not exist, or belongs to someone else (answered the same way)."""

    code = "NOT_FOUND"


class Forbidden(DomainError):
    """The principal is known but its role does not allow the action."""

    code = "FORBIDDEN"


class Conflict(DomainError):
    """The request conflicts with the current state (e.g. a reused idempotency key)."""

    code = "CONFLICT"


class Unauthenticated(DomainError):
    """Credentials are missing, wrong, expired or revoked (answered without saying which)."""

    code = "UNAUTHENTICATED"


class MfaRequired(Unauthenticated):
    """The password was right but the account has TOTP enrolled and no valid code was given."""

    code = "MFA_REQUIRED"


class LoginLocked(DomainError):
    """Recent failed logins of this username cost a short wait; `retry_after` in seconds."""

    code = "LOGIN_LOCKED"

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimited(DomainError):
    """The caller exceeded a rate limit; `retry_after` says when to try again (seconds)."""

    code = "RATE_LIMITED"

    def __init__(self, message: str, retry_after: float = 1.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class LoginThrottled(RateLimited):
    """Too many failed logins from this client address: it waits `retry_after` seconds."""

    code = "LOGIN_THROTTLED"


class ConcurrentUpdate(Conflict):
    """Someone else changed the aggregate since it was loaded (optimistic lock); retryable."""

    code = "CONCURRENT_UPDATE"


class DuplicateMessage(Conflict):
    """A command message whose effect is already committed (a redelivery): nothing to do."""

    code = "DUPLICATE_MESSAGE"


class StoreUnavailable(DomainError):
    """The durable store cannot be reached; nothing was decided or written (retry later)."""

    code = "STORE_UNAVAILABLE"


class CapabilityNotConfigured(DomainError):
    """A capability this instance was not configured with (account aggregation without Plaid's
    keys, SMS without Twilio's, drills where BULWARK_PAPER_FAULTS is unset, ...): the route
    exists and the request may be well formed, but answering it needs `settings` the operator
    has not set. The HTTP layer answers 409 with the capability and the settings named.

    Not an outage: a capability configured but unreachable is the capability's own
    *_UNAVAILABLE error (503, Retry-After). Retrying this one changes nothing until the
    operator sets what is named.
    """

    code = "CAPABILITY_NOT_CONFIGURED"

    def __init__(
        self, capability: str, settings: Sequence[str], message: str | None = None
    ) -> None:
        names = list(settings)
        super().__init__(message or _not_configured(capability, names))
        self.capability = capability
        self.settings = names

    def again(self) -> CapabilityNotConfigured:
        """The same refusal as a fresh error, for a service that keeps one to raise on each
        call (one instance raised again and again would grow its traceback each time)."""
        return CapabilityNotConfigured(self.capability, self.settings, self.message)


def _not_configured(capability: str, settings: list[str]) -> str:
    """The operator's sentence: "this instance is not configured for account aggregation: set
    BULWARK_PLAID_CLIENT_ID and BULWARK_PLAID_SECRET"."""
    if not settings:
        return f"this instance is not configured for {capability}"
    named = settings[0] if len(settings) == 1 else f"{', '.join(settings[:-1])} and {settings[-1]}"
    return f"this instance is not configured for {capability}: set {named}"


class ComputeUnavailable(DomainError):
    """A numerical job was not run or not finished in time; `retry_after` says when to retry.

    COMPUTE_BUSY: every compute slot is taken (a previous job may still be finishing after
    its own budget ran out). The HTTP layer answers 503 with Retry-After.
    """

    code = "COMPUTE_BUSY"

    def __init__(self, message: str, retry_after: float = 5.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ComputeTimeBudgetExceeded(ComputeUnavailable):
    """The job ran past its time budget; its answer is dropped (503, Retry-After)."""

    code = "COMPUTE_TIME_BUDGET"


class InvalidTransaction(DomainError):
    """A ledger transaction's fields are inconsistent (negative quantity, unknown currency,
    a sale larger than the position, an unknown lot, ...); `field` names the one at fault."""

    code = "INVALID_TRANSACTION"


class DuplicateTransaction(Conflict):
    """A ledger transaction whose `external_id` (a fill id, a broker reference) or `id` is
    already booked in that portfolio, or repeated within one batch; nothing of the batch was
    written. `external_id` names the duplicate (None when the ledger id repeats)."""

    code = "DUPLICATE_TRANSACTION"

    def __init__(
        self, message: str, *, external_id: str | None = None, field: str = "external_id"
    ) -> None:
        super().__init__(message, field=field)
        self.external_id = external_id


class AccountAlreadyHeld(Conflict):
    """An account (a trading account or a manual holding) already belongs to a portfolio: an
    account lives in one portfolio only, so a fill books into exactly one ledger."""

    code = "ACCOUNT_ALREADY_HELD"
