"""The service over the built models: batched equals single, each caller its own answer."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from adapters.gpu.inference import ModelInference
from adapters.gpu.model_store import ModelStore
from domain.inference.errors import InvalidModelInput, UnknownModel

TEXTS = [
    "Shares plunged after the lender slashed its dividend and warned on bad loans.",
    "The chipmaker beat forecasts and raised its outlook for the year.",
    "The annual meeting will be held in Zurich on 14 April.",
    "Copper slid as Chinese demand weakened.",
    "Quarterly revenue was roughly unchanged from a year earlier.",
    "Analysts upgraded the stock to buy, citing strong cash flow.",
]


async def test_batched_embeddings_equal_one_by_one_embeddings(inference: ModelInference) -> None:
    # Act
    together = await inference.embed(TEXTS)
    alone = np.vstack([await inference.embed([t]) for t in TEXTS])

    # Assert: the fp32 encoder's padding is masked out: the same vectors to float precision
    np.testing.assert_allclose(together, alone, atol=2e-5)
    np.testing.assert_allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)


async def test_concurrent_callers_each_get_their_own_classification(
    inference: ModelInference,
) -> None:
    # Arrange: the answers one at a time
    single = [(await inference.classify("sentiment", [t]))[0] for t in TEXTS]
    encoder_batches = inference._text_batchers["minilm-l6-fp32"]
    before = encoder_batches.batches_run

    # Act: 36 callers at once, each with one text
    callers = TEXTS * 6
    answers = await asyncio.gather(*(inference.classify("sentiment", [t]) for t in callers))

    # Assert
    for text, (answer,) in zip(callers, answers, strict=True):
        expected = single[TEXTS.index(text)]
        assert answer.label == expected.label
        for label, p in expected.probabilities.items():
            assert answer.probabilities[label] == pytest.approx(p, abs=1e-4)
    assert encoder_batches.batches_run - before < len(callers)  # callers shared model calls


async def test_the_model_reads_financial_sentiment(inference: ModelInference) -> None:
    # Act
    labels = [c.label for c in await inference.classify("sentiment", TEXTS)]

    # Assert
    assert labels[:3] == ["negative", "positive", "neutral"]


async def test_int8_encoder_agrees_with_fp32(inference: ModelInference, store: ModelStore) -> None:
    # Arrange
    feeds = inference.tokenize(TEXTS)

    # Act
    fp32 = store.get("minilm-l6-fp32").runnable.run(feeds)["sentence_embedding"]
    int8 = store.get("minilm-l6-int8").runnable.run(feeds)["sentence_embedding"]

    # Assert: cosine similarity of the unit vectors
    assert np.min(np.sum(fp32 * int8, axis=1)) > 0.99


async def test_run_checks_inputs_and_names_the_field(inference: ModelInference) -> None:
    # Act / Assert
    with pytest.raises(InvalidModelInput) as wrong_width:
        await inference.run("risk-rater", {"features": np.zeros((2, 9))})
    assert wrong_width.value.field == "inputs.features"
    with pytest.raises(InvalidModelInput, match="needs input"):
        await inference.run("risk-rater", {})
    with pytest.raises(InvalidModelInput, match="NaN"):
        await inference.run("risk-rater", {"features": np.full((1, 10), np.nan)})
    with pytest.raises(UnknownModel):
        await inference.run("no-such-model", {"x": np.zeros((1, 1))})
    too_long = np.ones((1, 600), dtype=np.int64)
    with pytest.raises(InvalidModelInput, match="512 tokens"):
        await inference.run(
            "minilm-l6-fp32",
            {"input_ids": too_long, "attention_mask": too_long, "token_type_ids": too_long * 0},
        )
    out_of_vocabulary = np.array([[101, 99_999_999, 102]])
    with pytest.raises(InvalidModelInput, match="refused the inputs"):
        await inference.run(
            "minilm-l6-fp32",
            {"input_ids": out_of_vocabulary, "attention_mask": out_of_vocabulary * 0 + 1,
             "token_type_ids": out_of_vocabulary * 0},
        )  # fmt: skip
    with pytest.raises(UnknownModel, match="not a text classifier"):
        await inference.classify("risk-rater", ["text"])


async def test_a_large_request_runs_in_batches_and_keeps_its_order(
    inference: ModelInference,
) -> None:
    # Arrange: 100 rows, more than a batch of 32
    rng = np.random.default_rng(3)
    features = rng.uniform(0, 1, size=(100, 10)).astype(np.float32)

    # Act
    whole = (await inference.run("risk-rater", {"features": features}))["probabilities"]
    parts = [
        (await inference.run("risk-rater", {"features": features[i : i + 7]}))["probabilities"]
        for i in range(0, 100, 7)
    ]

    # Assert
    np.testing.assert_allclose(whole, np.vstack(parts), atol=1e-6)
    np.testing.assert_allclose(whole.sum(axis=1), 1.0, atol=1e-5)
