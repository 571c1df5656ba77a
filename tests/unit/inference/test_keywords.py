"""Keyword candidates and maximal marginal relevance (pure half of the extractor)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.inference.keywords import candidate_phrases, maximal_marginal_relevance

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type


def test_candidates_skip_phrases_that_start_or_end_with_a_stop_word() -> None:
    # Act
    found = candidate_phrases("The Fed held rates at 5.25% on Wednesday", (1, 2))

    # Assert
    assert "Fed" in found and "Fed held" in found and "5.25%" not in found
    assert "held rates" in found and "Wednesday" in found
    assert not any(p.lower().startswith(("the ", "at ", "on ")) for p in found)
    assert "The" not in found and "at" not in found


def test_candidates_are_distinct_ignoring_case_and_keep_first_spelling() -> None:
    # Act / Assert
    assert candidate_phrases("Tariffs hit. tariffs HIT.", (1, 1)) == ["Tariffs", "hit"]


def test_number_only_phrases_are_not_keywords_but_tickers_are() -> None:
    # Act
    found = candidate_phrases("$NVDA rose 12 percent", (1, 1))

    # Assert
    assert "$NVDA" in found and "12" not in found


def unit(rows: list[list[float]]) -> np.ndarray:
    array = np.asarray(rows, dtype=np.float64)
    return array / np.linalg.norm(array, axis=-1, keepdims=True)


def test_mmr_passes_over_a_near_duplicate_for_a_different_relevant_phrase() -> None:
    # Arrange: "rate cut" and "rate cuts" nearly the same; "inflation" relevant and different
    document = unit([[1.0, 1.0, 0.0]])[0]
    candidates = unit([[1.0, 0.3, 0.0], [1.0, 0.31, 0.0], [0.2, 1.0, 0.0], [0.0, 0.0, 1.0]])
    phrases = ["rate cut", "rate cuts", "inflation", "weather"]

    # Act
    plain = maximal_marginal_relevance(document, candidates, phrases, 2, diversity=0.0)
    diverse = maximal_marginal_relevance(document, candidates, phrases, 2, diversity=0.5)

    # Assert
    assert [k.phrase for k in plain] == ["rate cuts", "rate cut"]
    assert [k.phrase for k in diverse] == ["rate cuts", "inflation"]


@given(
    st.integers(1, 12),
    st.integers(1, 6),
    st.floats(0, 1),
    st.integers(0, 2**31 - 1),
)
def test_mmr_picks_distinct_phrases_starting_with_the_most_similar(
    count: int, top_n: int, diversity: float, seed: int
) -> None:
    # Arrange
    rng = np.random.default_rng(seed)
    document = unit(rng.normal(size=(1, 8)).tolist())[0]
    candidates = unit(rng.normal(size=(count, 8)).tolist())
    phrases = [f"p{i}" for i in range(count)]

    # Act
    chosen = maximal_marginal_relevance(document, candidates, phrases, top_n, diversity)

    # Assert
    names = [k.phrase for k in chosen]
    assert len(names) == min(top_n, count) == len(set(names))
    assert names[0] == phrases[int(np.argmax(candidates @ document))]


def test_mmr_refuses_a_diversity_outside_zero_to_one() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="diversity"):
        maximal_marginal_relevance(np.ones(2), np.ones((1, 2)), ["a"], 1, 1.5)
