"""Inference port: classify texts, embed texts, run a named model on arrays (docs/inference.md).

One adapter serves it (adapters/gpu/): ONNX Runtime with the TensorRT, CUDA or CPU execution
provider, or TensorRT engines directly, behind a dynamic batcher: concurrent callers' rows run
together in one model call (up to the batch size or the wait limit) and each caller gets its
own rows back. A full queue answers InferenceBusy (503) at once rather than queueing without
bound. The methods are coroutines: the model runs on the adapter's own thread, never on the
event loop.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class TensorSpec:
    """One input or output: name, element type ("float32", "int64") and shape, where a
    string names a dynamic axis ("batch", "sequence")."""

    name: str
    dtype: str
    shape: tuple[int | str, ...]


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """A model as its manifest describes it, plus where it runs once loaded.

    `loaded` False: listed by the manifest and not yet loaded (a model loads on its first use,
    when its file's sha256 and its graph's inputs and outputs are checked); `provider` is
    then empty."""

    name: str
    version: str
    kind: str  # "encoder", "classifier"
    sha256: str
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    labels: tuple[str, ...] = ()
    metrics: Mapping[str, float] = field(default_factory=dict)
    provider: str = ""  # e.g. "CPUExecutionProvider"
    encoder: str | None = None  # a classifier over text: the encoder it reads embeddings of
    description: str = ""
    loaded: bool = True


@dataclass(frozen=True, slots=True)
class InferenceInfo:
    """What serves the models, for /api/status: provider chosen, device, why, batching."""

    runtime: str  # "onnxruntime" or "tensorrt"
    provider: str  # e.g. "CUDAExecutionProvider", "CPUExecutionProvider", "TensorRT engine"
    device: str
    reason: str
    encoder: str  # the model texts are embedded with
    batch_size: int
    wait_ms: float
    queue_bound: int
    models: int
    problems: tuple[str, ...] = ()  # models refused at the last load, one line each


@dataclass(frozen=True, slots=True)
class Classification:
    label: str
    probabilities: Mapping[str, float]


FloatMatrix = npt.NDArray[np.float32]


class InferencePort(Protocol):
    """Models by name; see the module doc for batching and backpressure."""

    def info(self) -> InferenceInfo: ...

    def models(self) -> list[ModelInfo]:
        """Every loaded model, by name."""
        ...

    async def embed(self, texts: Sequence[str]) -> FloatMatrix:
        """Unit-length sentence embeddings, one row per text, by the configured encoder."""
        ...

    async def classify(self, model: str, texts: Sequence[str]) -> list[Classification]:
        """A text classifier's label and per-label probabilities for each text.
        UnknownModel for a name not loaded or not a text classifier."""
        ...

    async def run(
        self, model: str, inputs: Mapping[str, npt.NDArray[np.generic]]
    ) -> dict[str, npt.NDArray[np.generic]]:
        """The model's outputs for arrays whose first axis is the batch.
        InvalidModelInput (field named) for a missing, extra or ill-shaped input."""
        ...
