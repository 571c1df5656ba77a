"""Run exported signal models with ONNX Runtime: one session per model (loaded on first use,
its file's SHA-256 checked against the card), rows batched by the inference context's
DynamicBatcher (adapters/gpu/batching.py) on one model thread, never on the event loop."""

from __future__ import annotations

import asyncio
import hashlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from adapters.gpu.batching import BatchSettings, DynamicBatcher
from adapters.signal_models.trainers import INPUT_NAME
from ports.model_signals.signal_models import Features, Predictions, SignalModelRegistry

Session = Any


def session_of(model: bytes, threads: int = 1) -> Session:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])


def run_session(session: Session, features: Features) -> Predictions:
    (out,) = session.run(None, {INPUT_NAME: np.ascontiguousarray(features, dtype=np.float32)})
    return np.asarray(out, dtype=np.float64).reshape(-1)


def predict_once(model: bytes, features: Features) -> Predictions:
    """An exported model's predictions (training's check of the export)."""
    return run_session(session_of(model), features)


class ModelIntegrityError(RuntimeError):
    """A stored model file's digest is not the one its card names."""


class OnnxSignalScorer:
    """SignalScorer: feature blocks of concurrent callers run together per model."""

    def __init__(
        self, registry: SignalModelRegistry, settings: BatchSettings | None = None
    ) -> None:
        self._registry = registry
        self._settings = settings or BatchSettings(max_batch=4096, wait_s=0.001, queue_bound=65536)
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="signal-models")
        self._sessions: dict[tuple[str, str], Session] = {}
        self._batchers: dict[tuple[str, str], DynamicBatcher[Features, Predictions]] = {}

    def session(self, name: str) -> Session:
        card = self._registry.card(name)
        key = (name, card.onnx_sha256)
        found = self._sessions.get(key)
        if found is None:
            model = self._registry.model_bytes(name)
            if hashlib.sha256(model).hexdigest() != card.onnx_sha256:
                raise ModelIntegrityError(f"signal model {name}: file does not match its card")
            found = self._sessions[key] = session_of(model)
        return found

    def predict(self, name: str, features: Features) -> Predictions:
        """Synchronous predictions (backtests, which run the model once per series)."""
        return run_session(self.session(name), features)

    async def score(self, name: str, features: Features) -> Predictions:
        if len(features) == 0:
            return np.zeros(0)
        session = await asyncio.get_running_loop().run_in_executor(
            self._executor, self.session, name
        )
        key = (name, self._registry.card(name).onnx_sha256)
        batcher = self._batchers.get(key)
        if batcher is None:

            def run_batch(blocks: list[Features]) -> list[Predictions]:
                joined = run_session(session, np.concatenate(blocks))
                bounds = np.cumsum([len(b) for b in blocks])[:-1]
                return list(np.split(joined, bounds))

            batcher = self._batchers[key] = DynamicBatcher(
                run_batch, self._executor, self._settings, rows=len
            )
        (predictions,) = await batcher.submit([features])
        return predictions

    def close(self) -> None:
        self._executor.shutdown(wait=False)
