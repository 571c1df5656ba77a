"""What the reviewing model is asked and how its answer is read, whatever serves the model: the
system prompt, the order and figures as the model reads them, the strict JSON schema of the
answer, and the answer validated again on receipt (not every server enforces the schema)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

import msgspec

from domain.risk.analysis import RiskRating
from domain.risk.review import ReviewReason
from ports.review.reviewer import ReviewPrompt

SYSTEM_PROMPT = (
    "You review one trading order that a pre-trade risk gate has already decided. The gate's "
    "decision stands; your review is advisory. Rate the order's risk SAFE, CAUTION or DANGER. "
    "Give one to five reasons; each names exactly one figure from the list you are given "
    "(its name as written) and says in one sentence what that figure shows. Give your "
    "confidence in the rating as a number between 0 and 1. Answer with JSON only."
)
MAX_REASONS = 5
MAX_REASON_CHARS = 400


class InvalidAnswer(ValueError):
    """The answer is not the schema's object, or cites a figure it was not sent."""


class _Reason(msgspec.Struct, forbid_unknown_fields=True):
    figure: str
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_REASON_CHARS)]


class _Answer(msgspec.Struct, forbid_unknown_fields=True):
    rating: Literal["SAFE", "CAUTION", "DANGER"]
    reasons: Annotated[list[_Reason], msgspec.Meta(min_length=1, max_length=MAX_REASONS)]
    confidence: Annotated[float, msgspec.Meta(ge=0.0, le=1.0)]


def answer_schema(figures: list[str]) -> dict[str, Any]:
    """The JSON schema the answer must meet; `figures` are the names a reason may cite."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["rating", "reasons", "confidence"],
        "properties": {
            "rating": {"type": "string", "enum": [r.value for r in RiskRating]},
            "reasons": {
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_REASONS,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["figure", "text"],
                    "properties": {
                        "figure": {"type": "string", "enum": figures},
                        "text": {"type": "string", "maxLength": MAX_REASON_CHARS},
                    },
                },
            },
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        },
    }


def user_message(prompt: ReviewPrompt) -> str:
    """The order and the gate's figures as the model reads them (JSON, names sorted)."""
    return json.dumps(
        {"order": dict(prompt.order), "figures": dict(sorted(prompt.figures.items()))},
        sort_keys=True,
    )


def parse_answer(
    content: str | None, prompt: ReviewPrompt
) -> tuple[RiskRating, tuple[ReviewReason, ...], float]:
    """The answer validated against the schema and the figures sent; InvalidAnswer otherwise."""
    if not content:
        raise InvalidAnswer("an empty answer")
    try:
        answer = msgspec.json.decode(content.strip(), type=_Answer)
    except msgspec.DecodeError as exc:  # ValidationError is a DecodeError
        raise InvalidAnswer(f"off the schema: {exc}") from None
    unknown = sorted({r.figure for r in answer.reasons} - set(prompt.figures))
    if unknown:
        raise InvalidAnswer(f"reasons name figures it was not sent: {', '.join(unknown)}")
    reasons = tuple(ReviewReason(r.figure, r.text.strip()) for r in answer.reasons)
    return RiskRating(answer.rating), reasons, float(answer.confidence)
