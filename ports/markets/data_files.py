"""What every offline data source of the markets and planning screens raises when
it cannot answer: a data file missing, unreadable or malformed (named with its line)."""

from __future__ import annotations

from domain.errors import DomainError


class DataSourceUnavailable(DomainError):
    """The source cannot answer now (a data file unreadable or malformed); 503 with
    Retry-After (`retry_after`, seconds). The message names the file and line, never a path
    outside the source's directory."""

    code = "DATA_SOURCE_UNAVAILABLE"

    def __init__(self, message: str, retry_after: float = 60.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after
