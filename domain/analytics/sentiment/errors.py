"""Errors of the sentiment indices, each with a stable code (docs/sentiment-indices.md)."""

from __future__ import annotations

from domain.errors import DomainError, NotFound


class InvalidSentimentInput(DomainError):
    """An input, history, window or parameter that cannot be used (422, naming the field)."""

    code = "INVALID_SENTIMENT_INPUT"


class InvalidWeights(InvalidSentimentInput):
    """Composite weights that are not each within [0, 1] or do not sum to 1 (422)."""

    code = "INVALID_WEIGHTS"


class UnknownSeries(InvalidSentimentInput):
    """An input or series name the index does not know, in a request body or query (422)."""

    code = "UNKNOWN_SERIES"


class UnknownSeriesPath(NotFound):
    """A series named in a URL path that does not exist (404, same code)."""

    code = "UNKNOWN_SERIES"


class InsufficientInputs(InvalidSentimentInput):
    """Fewer inputs than the minimum coverage of the weights (422 for posted inputs; the live
    index answers 503 DATA_SOURCE_UNAVAILABLE instead, its sources being at fault)."""

    code = "INSUFFICIENT_INPUTS"
