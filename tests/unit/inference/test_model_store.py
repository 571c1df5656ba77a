"""The model manager: hash and shape verification, refusal with a clear line, reload."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from adapters.gpu.manifest import ManifestError, ModelEntry, read_manifest
from adapters.gpu.model_store import ModelStore
from adapters.gpu.onnx_runtime import CPU_EP, OrtModel
from domain.inference.errors import ModelUnavailable, UnknownModel
from ports.inference.inference import TensorSpec
from tests.unit.inference.tiny_models import write_linear, write_models


def cpu_store(folder: Path) -> ModelStore:
    return ModelStore(folder, lambda path, entry: OrtModel(path, entry, (CPU_EP,), 1))


def test_a_verified_model_loads_and_runs(tmp_path: Path) -> None:
    # Arrange
    write_models(tmp_path, write_linear(tmp_path))
    store = cpu_store(tmp_path)

    # Act
    store.load()
    out = store.get("linear").runnable.run({"x": np.ones((2, 3), dtype=np.float32)})

    # Assert
    assert store.problems == ()
    assert [i.name for i in store.infos()] == ["linear"]
    assert store.infos()[0].provider == CPU_EP
    np.testing.assert_allclose(out["y"], np.full((2, 3), 3.0))


def test_a_corrupt_file_is_refused_and_the_others_still_load(tmp_path: Path) -> None:
    # Arrange: two models, one of whose files loses a byte after the manifest was written
    good, bad = write_linear(tmp_path, "good"), write_linear(tmp_path, "bad")
    write_models(tmp_path, good, bad)
    path = tmp_path / "bad.onnx"
    path.write_bytes(path.read_bytes()[:-1] + b"\x00")
    store = cpu_store(tmp_path)

    # Act
    store.load()

    # Assert
    assert store.names() == ["good"]
    assert len(store.problems) == 1
    assert "model bad" in store.problems[0] and "sha256" in store.problems[0]
    with pytest.raises(UnknownModel):
        store.get("bad")


def test_a_model_whose_shape_differs_from_the_manifest_is_refused(tmp_path: Path) -> None:
    # Arrange: the manifest says 4 features, the file takes 3 (hash right, shape wrong)
    entry = write_linear(tmp_path)
    wrong = replace(entry, inputs=(TensorSpec("x", "float32", ("batch", 4)),))
    write_models(tmp_path, wrong)
    store = cpu_store(tmp_path)

    # Act
    store.load()

    # Assert
    assert store.names() == []
    assert store.problems == (
        "model linear: input 'x' is float32 ['batch', 4] in the manifest but float32 "
        "['batch', 3] in the file",
    )


def test_a_renamed_input_is_refused(tmp_path: Path) -> None:
    # Arrange
    entry = write_linear(tmp_path)
    write_models(tmp_path, replace(entry, inputs=(TensorSpec("z", "float32", ("batch", 3)),)))
    store = cpu_store(tmp_path)

    # Act
    store.load()

    # Assert
    assert "lists inputs ['z'], the file has ['x']" in store.problems[0]


def test_without_a_manifest_nothing_is_served_and_the_error_says_how_to_build(
    tmp_path: Path,
) -> None:
    # Arrange
    store = cpu_store(tmp_path / "missing")

    # Act / Assert
    with pytest.raises(ModelUnavailable, match="bulwark models build"):
        store.get("sentiment")
    assert "does not exist" in store.problems[0]


def test_refresh_reloads_a_rebuilt_model_and_keeps_a_good_one_over_a_bad_rebuild(
    tmp_path: Path,
) -> None:
    # Arrange: version 1 loaded
    write_models(tmp_path, write_linear(tmp_path, scale=2.0))
    store = cpu_store(tmp_path)
    store.load()
    ones = {"x": np.ones((1, 3), dtype=np.float32)}

    # Act 1: a rebuild with another scale and version
    entry = replace(write_linear(tmp_path, scale=5.0), version="2")
    write_models(tmp_path, entry)
    reloaded = store.refresh()

    # Assert 1
    assert reloaded
    assert store.get("linear").entry.version == "2"
    np.testing.assert_allclose(store.get("linear").runnable.run(ones)["y"], [[6.0] * 3])
    assert not store.refresh()  # nothing changed since

    # Act 2: the file is damaged; the manifest is rewritten (a new signature)
    path = tmp_path / "linear.onnx"
    path.write_bytes(b"not onnx")
    os.utime(path)
    write_models(tmp_path, replace(entry, version="3"))
    store.refresh()

    # Assert 2: version 2 still serves, and the refusal says so
    assert store.get("linear").entry.version == "2"
    assert "still serving version 2" in store.problems[0]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sha256", "abc", "sha256 must be 64 hex digits"),
        ("file", "../elsewhere.onnx", "file must be a file name"),
        ("inputs", [], "inputs must be a non-empty list"),
        ("labels", [1], "labels must be a list of strings"),
    ],
)
def test_a_malformed_manifest_entry_names_the_field(
    tmp_path: Path, field: str, value: object, message: str
) -> None:
    # Arrange
    import json

    write_models(tmp_path, write_linear(tmp_path))
    document = json.loads((tmp_path / "manifest.json").read_text())
    document["models"][0][field] = value
    (tmp_path / "manifest.json").write_text(json.dumps(document))

    # Act / Assert
    with pytest.raises(ManifestError, match=rf"models\[0\]\.{message}"):
        read_manifest(tmp_path / "manifest.json")


def counting_store(folder: Path) -> tuple[ModelStore, list[str]]:
    """A CPU store that records the name of each model its loader builds."""
    built: list[str] = []

    def load(path: Path, entry: ModelEntry) -> OrtModel:
        built.append(entry.name)
        return OrtModel(path, entry, (CPU_EP,), 1)

    return ModelStore(folder, load), built


def test_a_model_loads_with_its_first_use_and_the_others_stay_unloaded(tmp_path: Path) -> None:
    # Arrange
    write_models(tmp_path, write_linear(tmp_path, "used"), write_linear(tmp_path, "unused"))
    store, built = counting_store(tmp_path)

    # Act
    before = {info.name: info.loaded for info in store.infos()}
    first, second = store.get("used"), store.get("used")

    # Assert
    assert before == {"unused": False, "used": False}
    assert store.names() == ["unused", "used"]
    assert first is second
    assert built == ["used"]
    assert store.loaded_model("unused") is None
    assert {i.name: i.provider for i in store.infos()} == {"unused": "", "used": CPU_EP}
    assert {i.name: i.loaded for i in store.infos()} == {"unused": False, "used": True}


def test_concurrent_first_uses_load_a_model_once(tmp_path: Path) -> None:
    # Arrange
    write_models(tmp_path, write_linear(tmp_path))
    store, built = counting_store(tmp_path)

    # Act
    with ThreadPoolExecutor(max_workers=8) as pool:
        loaded = list(pool.map(lambda _: store.get("linear"), range(16)))

    # Assert
    assert built == ["linear"]
    assert all(model is loaded[0] for model in loaded)


def test_a_model_refused_at_its_first_use_is_named_in_the_problems(tmp_path: Path) -> None:
    # Arrange: a file that loses a byte after the manifest was written
    write_models(tmp_path, write_linear(tmp_path, "good"), write_linear(tmp_path, "bad"))
    path = tmp_path / "bad.onnx"
    path.write_bytes(path.read_bytes()[:-1] + b"\x00")
    store, built = counting_store(tmp_path)

    # Act
    with pytest.raises(UnknownModel, match=r"model bad: bad\.onnx has sha256"):
        store.get("bad")
    store.get("good")

    # Assert
    assert built == ["good"]
    assert store.names() == ["good"]
    assert len(store.problems) == 1 and "model bad" in store.problems[0]


def test_refresh_reloads_the_loaded_models_only(tmp_path: Path) -> None:
    # Arrange: two models, one of them used
    write_models(tmp_path, write_linear(tmp_path, "used"), write_linear(tmp_path, "idle"))
    store, built = counting_store(tmp_path)
    store.get("used")

    # Act: a rebuild of both
    rebuilt = [
        replace(write_linear(tmp_path, name, scale=5.0), version="2") for name in ("used", "idle")
    ]
    write_models(tmp_path, *rebuilt)
    reloaded = store.refresh()

    # Assert
    assert reloaded
    assert built == ["used", "used"]
    assert store.loaded_model("used") is not None
    assert store.loaded_model("used").entry.version == "2"  # type: ignore[union-attr]
    assert store.loaded_model("idle") is None
    assert store.get("idle").entry.version == "2"
