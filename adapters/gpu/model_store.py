"""The model manager: every model of a models directory, verified, loaded and reloaded.

`load()` reads manifest.json, and for each entry checks the file's sha256 against the
manifest and the graph's inputs/outputs against the declared ones before the model is served.
A model that fails is refused with one line in `problems` (which /api/status shows) and the
others still load; on a reload a refused model keeps its previous good version, if there was
one. `refresh()` reloads when the manifest or any model file changed (size or mtime), which a
background task polls (BULWARK_INFERENCE_RELOAD_S); `bulwark models build` writes the files
first and the manifest last, atomically, so a reload never sees half a build.
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
    """The verified models of `folder`, by name (module doc). Thread-safe reads."""

    def __init__(self, folder: Path, loader: Loader) -> None:
        self.folder = folder
        self._loader = loader
        self._lock = threading.RLock()
        self._models: dict[str, LoadedModel] = {}
        self._tokenizer: TokenizerEntry | None = None
        self._signature: tuple[tuple[str, int, int], ...] | None = None
        self.problems: tuple[str, ...] = ()
        self.built_at = ""
        self.loaded = False  # whether load() ran (the first use loads, or the warm-up)

    # -- reading ------------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if not self.loaded:
            with self._lock:
                if not self.loaded:
                    self._load_locked()

    def get(self, name: str) -> LoadedModel:
        self.ensure_loaded()
        model = self._models.get(name)
        if model is None:
            if not self._models:
                raise ModelUnavailable(
                    f"no models are loaded from {self.folder}: run `bulwark models build`"
                )
            raise UnknownModel(f"no model named {name!r} (GET /api/v1/ml/models lists them)")
        return model

    def names(self) -> list[str]:
        """The loaded models' names (loads nothing: empty before the first load)."""
        return sorted(self._models)

    def infos(self) -> list[ModelInfo]:
        self.ensure_loaded()
        return [self._models[name].info() for name in sorted(self._models)]

    def tokenizer(self) -> tuple[Path, int]:
        """The tokenizer file (verified) and the maximum sequence length."""
        self.ensure_loaded()
        entry = self._tokenizer
        if entry is None:
            raise ModelUnavailable(f"no tokenizer in {self.folder}: run `bulwark models build`")
        return self.folder / entry.file, entry.max_length

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        """(Re)load everything the manifest lists (module doc); never raises for a bad file."""
        with self._lock:
            self._load_locked()

    def _load_locked(self) -> None:
        signature = self._current_signature()
        try:
            manifest = read_manifest(self.folder / MANIFEST_NAME)
        except ManifestError as exc:
            self.problems = (str(exc),)
        else:
            self._install(manifest)
        self._signature = signature
        self.loaded = True

    def refresh(self) -> bool:
        """Reload when the manifest or a model file changed; whether it reloaded."""
        if self._current_signature() == self._signature:
            return False
        self.load()
        return True

    def _install(self, manifest: Manifest) -> None:
        problems: list[str] = []
        models: dict[str, LoadedModel] = {}
        for entry in manifest.models:
            try:
                models[entry.name] = self._verified(entry)
            except ManifestError as exc:
                previous = self._models.get(entry.name)
                if previous is not None:
                    models[entry.name] = previous
                    problems.append(f"{exc}; still serving version {previous.entry.version}")
                else:
                    problems.append(str(exc))
        tokenizer = manifest.tokenizer
        if tokenizer is not None:
            try:
                _verify_file(self.folder, tokenizer.file, tokenizer.sha256, "tokenizer")
            except ManifestError as exc:
                problems.append(str(exc))
                tokenizer = self._tokenizer
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
