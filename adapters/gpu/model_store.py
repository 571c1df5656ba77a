"""The model manager: every model of a models directory, verified, loaded and reloaded.

The manifest (manifest.json) is read at the store's first use; each model is loaded by its own
first use (`get`), once, under the store's lock: a process loads only the models its requests
run (the sentiment head and its encoder, say, and never the int8 encoder nobody asks for).
`load()` loads every model at once (`bulwark models list`, BULWARK_INFERENCE_WARMUP).
Loading a model checks the file's sha256 against the manifest and the graph's inputs/outputs
against the declared ones before the model is served. A model that fails is refused with one
line in `problems` (which /api/status shows) and the others still serve; on a reload a refused
model keeps its previous good version, if there was one. `refresh()` reads the manifest again
when it or any model file changed (size or mtime), which a background task polls
(BULWARK_INFERENCE_RELOAD_SECONDS), and reloads the models already loaded; `bulwark models
build` writes the files first and the manifest last, atomically, so a reload never sees half
a build.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy.typing as npt

from adapters.gpu.manifest import (
    MANIFEST_NAME,
    Manifest,
    ManifestError,
    ModelEntry,
    TokenizerEntry,
    read_manifest,
    sha256_of,
)
from domain.inference.errors import ModelUnavailable, UnknownModel
from ports.inference.inference import ModelInfo


class Runnable(Protocol):
    """A loaded model: runs arrays whose first axis is the batch."""

    provider: str

    def run(self, feeds: Mapping[str, npt.NDArray[Any]]) -> dict[str, npt.NDArray[Any]]: ...


Loader = Callable[[Path, ModelEntry], Runnable]


@dataclass(frozen=True, slots=True)
class LoadedModel:
    entry: ModelEntry
    runnable: Runnable

    def info(self) -> ModelInfo:
        return self.entry.info(self.runnable.provider)


class ModelStore:
    """The verified models of `folder`, by name (module doc). Thread-safe: reads take no lock;
    the manifest's reading and each model's load happen once, under the store's lock."""

    def __init__(self, folder: Path, loader: Loader) -> None:
        self.folder = folder
        self._loader = loader
        self._lock = threading.RLock()
        self._models: dict[str, LoadedModel] = {}  # loaded (replaced whole, never mutated)
        self._entries: dict[str, ModelEntry] = {}  # the manifest's, loaded on first use
        self._refused: dict[str, str] = {}  # the manifest's entries that failed: why
        self._tokenizer: TokenizerEntry | None = None
        self._signature: tuple[tuple[str, int, int], ...] | None = None
        self.problems: tuple[str, ...] = ()
        self.built_at = ""
        self.manifest_read = False  # whether the manifest was read (a first use, or load())

    # -- reading ------------------------------------------------------------------------
    def ensure_read(self) -> None:
        """Reads the manifest, once (loads no model)."""
        if not self.manifest_read:
            with self._lock:
                if not self.manifest_read:
                    self._read_locked(everything=False)

    def get(self, name: str) -> LoadedModel:
        """The model `name`, loaded by this call when it is its first use."""
        model = self._models.get(name)
        if model is not None:
            return model
        self.ensure_read()
        with self._lock:
            model = self._models.get(name)
            if model is None:
                model = self._load_one_locked(name)
        return model

    def loaded_model(self, name: str) -> LoadedModel | None:
        """The model `name` when it is loaded; loads nothing."""
        return self._models.get(name)

    def names(self) -> list[str]:
        """The models served: loaded, or listed by the manifest and not refused (loads
        nothing: empty before the manifest is read)."""
        listed = {n for n in self._entries if n not in self._refused}
        return sorted(listed | set(self._models))

    def infos(self) -> list[ModelInfo]:
        """Each model served, as its manifest describes it; the provider of a model not yet
        loaded is empty (listing loads no model)."""
        self.ensure_read()
        models, entries = self._models, self._entries
        infos = []
        for name in self.names():
            loaded = models.get(name)
            infos.append(loaded.info() if loaded is not None else entries[name].info(""))
        return infos

    def tokenizer(self) -> tuple[Path, int]:
        """The tokenizer file (verified) and the maximum sequence length."""
        self.ensure_read()
        entry = self._tokenizer
        if entry is None:
            raise ModelUnavailable(f"no tokenizer in {self.folder}: run `bulwark models build`")
        return self.folder / entry.file, entry.max_length

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        """(Re)load every model the manifest lists (module doc); never raises for a bad file."""
        with self._lock:
            self._read_locked(everything=True)

    def refresh(self) -> bool:
        """Read the manifest again when it or a model file changed, reloading the models
        already loaded (the others load on their first use); whether it read it again."""
        if self._current_signature() == self._signature:
            return False
        with self._lock:
            self._read_locked(everything=False)
        return True

    def _read_locked(self, *, everything: bool) -> None:
        signature = self._current_signature()
        try:
            manifest = read_manifest(self.folder / MANIFEST_NAME)
        except ManifestError as exc:
            self.problems = (str(exc),)
        else:
            self._install(manifest, everything)
        self._signature = signature
        self.manifest_read = True

    def _load_one_locked(self, name: str) -> LoadedModel:
        entry = self._entries.get(name)
        if entry is None or name in self._refused:
            if name in self._refused:
                raise UnknownModel(self._refused[name])
            if not self._entries and not self._models:
                raise ModelUnavailable(
                    f"no models are loaded from {self.folder}: run `bulwark models build`"
                )
            raise UnknownModel(f"no model named {name!r} (GET /api/v1/ml/models lists them)")
        try:
            model = self._verified(entry)
        except ManifestError as exc:
            self._refused = {**self._refused, name: str(exc)}
            self.problems = (*self.problems, str(exc))
            raise UnknownModel(str(exc)) from None
        self._models = {**self._models, name: model}
        return model

    def _install(self, manifest: Manifest, everything: bool) -> None:
        problems: list[str] = []
        models: dict[str, LoadedModel] = {}
        refused: dict[str, str] = {}
        for entry in manifest.models:
            previous = self._models.get(entry.name)
            if previous is None and not everything:
                continue  # loaded by its first use
            try:
                models[entry.name] = self._verified(entry)
            except ManifestError as exc:
                if previous is not None:
                    models[entry.name] = previous
                    problems.append(f"{exc}; still serving version {previous.entry.version}")
                else:
                    refused[entry.name] = str(exc)
                    problems.append(str(exc))
        tokenizer = manifest.tokenizer
        if tokenizer is not None:
            try:
                _verify_file(self.folder, tokenizer.file, tokenizer.sha256, "tokenizer")
            except ManifestError as exc:
                problems.append(str(exc))
                tokenizer = self._tokenizer
        self._entries = {entry.name: entry for entry in manifest.models}
        self._refused = refused
        self._models = models
        self._tokenizer = tokenizer
        self.problems = tuple(problems)
        self.built_at = manifest.built_at

    def _verified(self, entry: ModelEntry) -> LoadedModel:
        current = self._models.get(entry.name)
        if current is not None and current.entry == entry and self._unchanged(entry):
            return current  # same entry, same file: no need to hash and load it again
        path = _verify_file(self.folder, entry.file, entry.sha256, f"model {entry.name}")
        return LoadedModel(entry, self._loader(path, entry))

    def _unchanged(self, entry: ModelEntry) -> bool:
        before = {n: (s, m) for n, s, m in self._signature or ()}
        path = self.folder / entry.file
        try:
            stat = path.stat()
        except OSError:
            return False
        return before.get(entry.file) == (stat.st_size, stat.st_mtime_ns)

    def _current_signature(self) -> tuple[tuple[str, int, int], ...]:
        if not self.folder.is_dir():
            return ()
        found = []
        for path in sorted(self.folder.iterdir()):
            if path.suffix in (".onnx", ".json", ".plan") and path.is_file():
                stat = path.stat()
                found.append((path.name, stat.st_size, stat.st_mtime_ns))
        return tuple(found)


def _verify_file(folder: Path, name: str, sha256: str, what: str) -> Path:
    path = folder / name
    if not path.is_file():
        raise ManifestError(f"{what}: {path} is missing")
    found = sha256_of(path)
    if found != sha256:
        raise ManifestError(
            f"{what}: {path.name} has sha256 {found[:16]}..., the manifest says "
            f"{sha256[:16]}... (a corrupt or replaced file is refused)"
        )
    return path
