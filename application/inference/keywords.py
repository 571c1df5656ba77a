"""Keywords of a text: candidate n-grams ranked by the encoder and chosen by MMR.

The candidates (domain.inference.keywords.candidate_phrases) and the text are embedded in one
call to the InferencePort (the batcher runs them together); `maximal_marginal_relevance`
picks `top_n` phrases that are close to the text and not to each other. This is what the
HypeMeter's `extract_keywords` calls (ports.inference.sentiment.KeywordSource).
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.inference.errors import InvalidModelInput
from domain.inference.keywords import Keyword, candidate_phrases, maximal_marginal_relevance
from ports.inference.inference import InferencePort

MAX_TEXT_CHARS = 5_000
MAX_TOP_N = 20


@dataclass(eq=False)
class KeywordService:
    """KeywordSource over the inference port's sentence encoder."""

    inference: InferencePort

    async def extract_keywords(
        self, text: str, top_n: int = 5, diversity: float = 0.5, max_ngram: int = 3
    ) -> list[Keyword]:
        if not text.strip():
            raise InvalidModelInput("give a non-empty text", field="text")
        if len(text) > MAX_TEXT_CHARS:
            raise InvalidModelInput(f"at most {MAX_TEXT_CHARS} characters", field="text")
        if not 1 <= top_n <= MAX_TOP_N:
            raise InvalidModelInput(f"top_n must be within [1, {MAX_TOP_N}]", field="top_n")
        if not 0.0 <= diversity <= 1.0:
            raise InvalidModelInput("diversity must be within [0, 1]", field="diversity")
        if not 1 <= max_ngram <= 4:
            raise InvalidModelInput("max_ngram must be within [1, 4]", field="max_ngram")
        phrases = candidate_phrases(text, (1, max_ngram))
        if not phrases:
            return []
        vectors = await self.inference.embed([text, *phrases])
        return maximal_marginal_relevance(vectors[0], vectors[1:], phrases, top_n, diversity)
