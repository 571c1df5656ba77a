"""Errors of the inference features, each with a stable code (docs/inference.md)."""

from __future__ import annotations

from domain.errors import ComputeUnavailable, DomainError, NotFound


class UnknownModel(NotFound):
    """No model of that name is loaded (404)."""

    code = "UNKNOWN_MODEL"


class InvalidModelInput(DomainError):
    """Arrays or texts that do not fit the model (name, dtype, shape, size): 422, field named."""

    code = "INVALID_MODEL_INPUT"


class InferenceBusy(ComputeUnavailable):
    """The batching queue is full: 503 with Retry-After rather than an unbounded queue."""

    code = "INFERENCE_BUSY"

    def __init__(self, message: str, retry_after: float = 1.0) -> None:
        super().__init__(message, retry_after)


class ModelUnavailable(ComputeUnavailable):
    """The models are not built, or a model failed to run (503; `bulwark models build`)."""

    code = "MODEL_UNAVAILABLE"

    def __init__(self, message: str, retry_after: float = 30.0) -> None:
        super().__init__(message, retry_after)
