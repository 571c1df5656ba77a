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
from typing import Any

import openai

from adapters.reviewer.chat_answers import (
    SYSTEM_PROMPT,
    InvalidAnswer,
    answer_schema,
    parse_answer,
    user_message,
)
from domain.risk.review import ReviewFallback
from ports.review.reviewer import ModelAnswer, ReviewFailed, ReviewPrompt, Transcript


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
