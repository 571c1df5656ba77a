"""The models directory's manifest.json: what each model file is and what it must look like.

```
{"format": 1, "built_at": "...", "builder": "bulwark models build",
 "tokenizer": {"file": "tokenizer.json", "sha256": "...", "max_length": 128},
 "models": [{"name": "sentiment", "version": "...", "kind": "classifier",
             "file": "sentiment.onnx", "sha256": "...", "encoder": "minilm-l6-fp32",
             "inputs": [{"name": "embedding", "dtype": "float32", "shape": ["batch", 384]}],
             "outputs": [...], "labels": ["negative", "neutral", "positive"],
             "metrics": {"accuracy": 0.85, "macro_f1": 0.85}, "description": "..."}]}
```

`read_manifest` checks the document's form (a ManifestError names the field); the model store
then checks each file against its entry (sha256, and the inputs/outputs the ONNX graph
declares).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ports.inference.inference import ModelInfo, TensorSpec

FORMAT = 1
MANIFEST_NAME = "manifest.json"
DTYPES = ("float32", "float16", "int64", "int32", "bool")


class ManifestError(Exception):
    """The manifest or one of its entries is malformed, or a file does not match it."""


@dataclass(frozen=True, slots=True)
class ModelEntry:
    name: str
    version: str
    kind: str
    file: str
    sha256: str
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    labels: tuple[str, ...] = ()
    metrics: dict[str, float] = field(default_factory=dict)
    encoder: str | None = None
    description: str = ""

    def info(self, provider: str) -> ModelInfo:
        """As served: `provider` is where the loaded model runs, "" while it is not loaded."""
        return ModelInfo(
            self.name, self.version, self.kind, self.sha256, self.inputs, self.outputs,
            self.labels, dict(self.metrics), provider, self.encoder, self.description,
            loaded=bool(provider),
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "kind": self.kind,
            "file": self.file,
            "sha256": self.sha256,
            "encoder": self.encoder,
            "inputs": [_spec_json(s) for s in self.inputs],
            "outputs": [_spec_json(s) for s in self.outputs],
            "labels": list(self.labels),
            "metrics": self.metrics,
            "description": self.description,
        }


@dataclass(frozen=True, slots=True)
class TokenizerEntry:
    file: str
    sha256: str
    max_length: int


@dataclass(frozen=True, slots=True)
class Manifest:
    models: tuple[ModelEntry, ...]
    tokenizer: TokenizerEntry | None
    built_at: str = ""

    def to_json(self) -> dict[str, Any]:
        tokenizer = None
        if self.tokenizer is not None:
            tokenizer = {
                "file": self.tokenizer.file,
                "sha256": self.tokenizer.sha256,
                "max_length": self.tokenizer.max_length,
            }
        return {
            "format": FORMAT,
            "built_at": self.built_at,
            "builder": "bulwark models build",
            "tokenizer": tokenizer,
            "models": [m.to_json() for m in self.models],
        }


def _spec_json(spec: TensorSpec) -> dict[str, Any]:
    return {"name": spec.name, "dtype": spec.dtype, "shape": list(spec.shape)}


def write_manifest(folder: Path, manifest: Manifest) -> Path:
    """Writes manifest.json atomically (a reader never sees half a file)."""
    path = folder / MANIFEST_NAME
    partial = folder / (MANIFEST_NAME + ".partial")
    partial.write_text(json.dumps(manifest.to_json(), indent=2, sort_keys=False) + "\n")
    partial.replace(path)
    return path


def read_manifest(path: Path) -> Manifest:
    """The manifest at `path`; ManifestError naming what is wrong."""
    try:
        document = json.loads(path.read_text())
    except FileNotFoundError:
        raise ManifestError(f"{path} does not exist: run `bulwark models build`") from None
    except (OSError, ValueError) as exc:
        raise ManifestError(f"{path} is not readable JSON ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ManifestError(f"{path}: format must be {FORMAT}")
    models = document.get("models")
    if not isinstance(models, list):
        raise ManifestError(f"{path}: models must be a list")
    entries = tuple(_entry(m, f"models[{i}]") for i, m in enumerate(models))
    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        raise ManifestError(f"{path}: model names repeat")
    return Manifest(entries, _tokenizer(document.get("tokenizer")), str(document.get("built_at")))


def _tokenizer(raw: Any) -> TokenizerEntry | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ManifestError("tokenizer must be an object")
    max_length = raw.get("max_length")
    if not isinstance(max_length, int) or not 8 <= max_length <= 512:
        raise ManifestError("tokenizer.max_length must be an integer within [8, 512]")
    return TokenizerEntry(
        _text(raw, "file", "tokenizer"), _text(raw, "sha256", "tokenizer"), max_length
    )


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value:
        raise ManifestError(f"{where}.{key} must be a non-empty string")
    return value


def _entry(raw: Any, where: str) -> ModelEntry:
    if not isinstance(raw, dict):
        raise ManifestError(f"{where} must be an object")
    name = _text(raw, "name", where)
    file = _text(raw, "file", where)
    if "/" in file or "\\" in file or file.startswith("."):
        raise ManifestError(f"{where}.file must be a file name inside the models directory")
    digest = _text(raw, "sha256", where).lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ManifestError(f"{where}.sha256 must be 64 hex digits")
    labels = raw.get("labels") or []
    metrics = raw.get("metrics") or {}
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise ManifestError(f"{where}.labels must be a list of strings")
    if not isinstance(metrics, dict) or not all(
        isinstance(v, int | float) for v in metrics.values()
    ):
        raise ManifestError(f"{where}.metrics must map names to numbers")
    encoder = raw.get("encoder")
    if encoder is not None and not isinstance(encoder, str):
        raise ManifestError(f"{where}.encoder must be a model name")
    return ModelEntry(
        name=name,
        version=str(raw.get("version", "")),
        kind=_text(raw, "kind", where),
        file=file,
        sha256=digest,
        inputs=_specs(raw.get("inputs"), f"{where}.inputs"),
        outputs=_specs(raw.get("outputs"), f"{where}.outputs"),
        labels=tuple(labels),
        metrics={k: float(v) for k, v in metrics.items()},
        encoder=encoder,
        description=str(raw.get("description", "")),
    )


def _specs(raw: Any, where: str) -> tuple[TensorSpec, ...]:
    if not isinstance(raw, list) or not raw:
        raise ManifestError(f"{where} must be a non-empty list")
    specs = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise ManifestError(f"{at} must be an object")
        dtype = _text(item, "dtype", at)
        if dtype not in DTYPES:
            raise ManifestError(f"{at}.dtype must be one of {', '.join(DTYPES)}")
        shape = item.get("shape")
        if not isinstance(shape, list) or not all(
            (isinstance(d, int) and d > 0) or (isinstance(d, str) and d) for d in shape
        ):
            raise ManifestError(f"{at}.shape must list positive sizes or axis names")
        specs.append(TensorSpec(_text(item, "name", at), dtype, tuple(shape)))
    return tuple(specs)


def sha256_of(path: Path) -> str:
    """The file's SHA-256, hex (read in 1 MiB blocks)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
