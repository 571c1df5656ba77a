"""Keyword extraction, the pure half: candidate n-grams and maximal marginal relevance.

The method is KeyBERT's: embed the document and every candidate phrase with the same sentence
encoder, rank candidates by cosine similarity to the document, and pick the final list with
maximal marginal relevance (Carbonell & Goldstein, 1998) so that near-duplicates ("rate cut",
"rate cuts", "cut rates") do not fill it:

    next = argmax_c [(1 - diversity) * sim(c, doc) - diversity * max_{s in chosen} sim(c, s)]

`diversity` = 0 is plain similarity ranking; 1 ignores the document after the first pick.
The encoder itself runs behind the InferencePort; here are only strings and unit vectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32] | npt.NDArray[np.float64]

MAX_CANDIDATES = 200
# Words, tickers ($NVDA), numbers with units (4.5%, $2bn), hyphenated and apostrophe forms.
_TOKEN = re.compile(r"\$?[A-Za-z0-9][A-Za-z0-9&'.%-]*[A-Za-z0-9%]|\$?[A-Za-z0-9]")
# Function words and reporting verbs: no candidate starts or ends with one (scikit-learn's
# English list would do as well; a small explicit one keeps the domain dependency-free).
STOPWORDS = frozenset(
    (
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "said",
        "same",
        "says",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "year",
        "years",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "new",
        "next",
        "last",
        "its",
        "it's",
        "company",
        "group",
        "quarter",
        "week",
        "month",
        "day",
        "today",
    )
)


@dataclass(frozen=True, slots=True)
class Keyword:
    """A phrase as it appeared in the text and its cosine similarity to the document."""

    phrase: str
    score: float


def candidate_phrases(text: str, ngram_range: tuple[int, int] = (1, 3)) -> list[str]:
    """Distinct n-grams of the text that neither start nor end with a stop word, in order of
    first appearance (case kept from that appearance), at most MAX_CANDIDATES."""
    low, high = ngram_range
    if not 1 <= low <= high:
        raise ValueError(f"ngram_range must be 1 <= min <= max, got {ngram_range}")
    tokens = [t.strip(".'") for t in _TOKEN.findall(text)]
    tokens = [t for t in tokens if t]
    seen: set[str] = set()
    phrases: list[str] = []
    for size in range(low, high + 1):
        for start in range(len(tokens) - size + 1):
            words = tokens[start : start + size]
            if words[0].lower() in STOPWORDS or words[-1].lower() in STOPWORDS:
                continue
            if all(_is_number(w) for w in words):
                continue
            phrase = " ".join(words)
            key = phrase.lower()
            if key not in seen:
                seen.add(key)
                phrases.append(phrase)
                if len(phrases) >= MAX_CANDIDATES:
                    return phrases
    return phrases


def _is_number(word: str) -> bool:
    return not any(ch.isalpha() for ch in word)


def maximal_marginal_relevance(
    document: FloatArray,
    candidates: FloatArray,
    phrases: list[str],
    top_n: int = 5,
    diversity: float = 0.5,
) -> list[Keyword]:
    """The `top_n` phrases chosen by MMR (module doc). Vectors must be unit length, `document`
    of shape [d] and `candidates` [n, d] in the order of `phrases`."""
    if not 0.0 <= diversity <= 1.0:
        raise ValueError(f"diversity must be within [0, 1], got {diversity}")
    if candidates.shape[0] != len(phrases):
        raise ValueError("one candidate vector per phrase is needed")
    if top_n < 1 or not phrases:
        return []
    to_document = candidates @ document
    among = candidates @ candidates.T
    chosen = [int(np.argmax(to_document))]
    remaining = [i for i in range(len(phrases)) if i != chosen[0]]
    while remaining and len(chosen) < top_n:
        redundancy = among[np.ix_(remaining, chosen)].max(axis=1)
        scores = (1.0 - diversity) * to_document[remaining] - diversity * redundancy
        best = remaining[int(np.argmax(scores))]
        chosen.append(best)
        remaining.remove(best)
    return [Keyword(phrases[i], round(float(to_document[i]), 4)) for i in chosen]
