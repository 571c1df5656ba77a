"""The sentiment model's metrics, recomputed from the shipped test split with the built model."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from adapters.gpu.model_build import (
    SENTIMENT_LABELS,
    classification_metrics,
    embed_texts,
    read_labelled_set,
)
from adapters.gpu.model_store import ModelStore
from tests.inference.models_cache import DATA

TARGET_MACRO_F1 = 0.80


def test_the_shipped_set_is_balanced_and_the_split_fixed_and_stratified() -> None:
    # Arrange
    with (DATA / "financial_phrases.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (DATA / "split.csv").open(newline="") as handle:
        split = {row["id"]: row["split"] for row in csv.DictReader(handle)}

    # Act
    labels = Counter(row["label"] for row in rows)
    test_labels = Counter(row["label"] for row in rows if split[row["id"]] == "test")

    # Assert
    assert len(rows) >= 1500
    assert len({row["text"] for row in rows}) == len(rows)  # no duplicates
    assert set(labels) == set(SENTIMENT_LABELS)
    assert max(labels.values()) - min(labels.values()) <= 2
    assert set(split) == {row["id"] for row in rows}
    assert all(abs(test_labels[k] / labels[k] - 0.2) < 0.01 for k in labels)
    assert {row["kind"] for row in rows} == {"headline", "sentence"}


def test_metrics_recomputed_from_the_test_split_match_the_manifest_and_the_target(
    store: ModelStore, models_dir: Path
) -> None:
    # Arrange: the head's own encoder, run directly (not through the service)
    head = store.get("sentiment")
    encoder = store.get(head.entry.encoder or "")
    data = read_labelled_set(DATA)
    test_texts = [t for t, is_test in zip(data.texts, data.is_test, strict=True) if is_test]

    class Session:  # embed_texts wants onnxruntime's run(names, feeds)
        def run(self, _: list[str], feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
            return [encoder.runnable.run(feeds)["sentence_embedding"]]

    # Act
    embeddings = embed_texts(Session(), models_dir / "tokenizer.json", test_texts)
    probabilities = head.runnable.run({"embedding": embeddings})["probabilities"]
    metrics = classification_metrics(
        data.labels[data.is_test], np.argmax(probabilities, axis=1), len(SENTIMENT_LABELS)
    )

    # Assert
    recorded = head.entry.metrics
    assert metrics["test_rows"] == recorded["test_rows"] == data.is_test.sum()
    assert metrics["accuracy"] == pytest.approx(recorded["accuracy"], abs=0.004)
    assert metrics["macro_f1"] == pytest.approx(recorded["macro_f1"], abs=0.004)
    assert metrics["macro_f1"] >= TARGET_MACRO_F1
    assert head.entry.labels == SENTIMENT_LABELS
