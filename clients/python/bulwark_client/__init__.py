"""A typed Python client for Bulwark's API.

`bulwark_client.generated` is written by openapi-python-client from the API's OpenAPI
document (never edit it: tools/client_generate.py rewrites it); the rest of the package is
the hand-written layer over it: `Bulwark` / `AsyncBulwark`, typed errors, safe retries,
idempotent order placement and the live events.
"""

from bulwark_client.errors import (
    BadRequest,
    BulwarkError,
    CapabilityNotConfigured,
    Conflict,
    FieldProblem,
    Forbidden,
    IdempotencyInProgress,
    NotFound,
    OrderDenied,
    RateLimited,
    ServerError,
    Unauthenticated,
    Unprocessable,
    ValidationFailed,
)
from bulwark_client.events import EventStream
from bulwark_client.facade import AsyncBulwark, Bulwark, new_idempotency_key
from bulwark_client.retries import RetryPolicy

__all__ = [
    "AsyncBulwark",
    "BadRequest",
    "Bulwark",
    "BulwarkError",
    "CapabilityNotConfigured",
    "Conflict",
    "EventStream",
    "FieldProblem",
    "Forbidden",
    "IdempotencyInProgress",
    "NotFound",
    "OrderDenied",
    "RateLimited",
    "RetryPolicy",
    "ServerError",
    "Unauthenticated",
    "Unprocessable",
    "ValidationFailed",
    "new_idempotency_key",
]
