"""A ReviewerPort over an OpenAI-compatible chat-completions endpoint (docs/ai-review.md).

Any server that speaks POST {base_url}/chat/completions serves: a local llama.cpp server,
vLLM, or a hosted provider. The request asks for a strict JSON schema (rating, reasons each
naming a figure it was sent, confidence in [0, 1]); the answer is validated again on
receipt, since not every server enforces the schema: a malformed or off-schema answer, or a
reason naming a figure it was not sent, raises ReviewFailed(INVALID_ANSWER). A failed
request (connection, 4xx, 5xx) raises ReviewFailed(ERROR). The client never retries: the
caller's time budget is short and the rules rater answers when it runs out.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

import msgspec
import openai

from domain.risk.analysis import RiskRating
from domain.risk.review import ReviewFallback, ReviewReason
from ports.review.reviewer import ModelAnswer, ReviewFailed, ReviewPrompt, Transcript

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


class OpenAIChatReviewer:
    """Reviews through `client.chat.completions.create` on `model`, temperature 0."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None,
        *,
        request_timeout_s: float = 10.0,
        max_tokens: int = 512,
        client: openai.AsyncOpenAI | None = None,
        key_source: Callable[[], Awaitable[str]] | None = None,
    ) -> None:
        self.model = model
        self._max_tokens = max_tokens
        # Where the key comes from when it is not given (the API-key vault); read per review.
        self._key_source = key_source
        self._key = api_key
        # Local servers take any key; the client insists on one being set.
        self._client = client or openai.AsyncOpenAI(
            base_url=base_url,
            api_key=api_key or "not-needed",
            timeout=request_timeout_s,
            max_retries=0,
        )

    async def review(self, prompt: ReviewPrompt) -> ModelAnswer:
        if self._key_source is not None:
            key = await self._key_source()
            if key != self._key:
                self._key = key
                self._client = self._client.with_options(api_key=key)
        messages: list[Any] = [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": user_message(prompt)},
        ]
        sent = json.dumps({"model": self.model, "messages": messages})
        response_format: Any = {
            "type": "json_schema",
            "json_schema": {
                "name": "risk_review",
                "strict": True,
                "schema": answer_schema(sorted(prompt.figures)),
            },
        }
        try:
            completion = await self._client.chat.completions.create(
                model=self.model,
                messages=messages,
                temperature=0,
                max_tokens=self._max_tokens,
                response_format=response_format,
            )
        except openai.APIStatusError as exc:
            raise ReviewFailed(
                ReviewFallback.ERROR, f"the endpoint answered {exc.status_code}", Transcript(sent)
            ) from None
        except openai.APIError as exc:  # connection refused, timed out, unreadable body
            raise ReviewFailed(ReviewFallback.ERROR, type(exc).__name__, Transcript(sent)) from None
        content = _content(completion)
        transcript = Transcript(sent, content)
        try:
            rating, reasons, confidence = parse_answer(content, prompt)
        except InvalidAnswer as exc:
            raise ReviewFailed(ReviewFallback.INVALID_ANSWER, str(exc), transcript) from None
        return ModelAnswer(rating, reasons, confidence, transcript)

    async def aclose(self) -> None:
        await self._client.close()


def _content(completion: Any) -> str | None:
    """The first choice's message text (None: no choice, a refusal, no content)."""
    choices = getattr(completion, "choices", None) or []
    if not choices:
        return None
    message = getattr(choices[0], "message", None)
    if message is None or getattr(message, "refusal", None):
        return None
    content = getattr(message, "content", None)
    return content if isinstance(content, str) else None
