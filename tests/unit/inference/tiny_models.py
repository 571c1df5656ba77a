"""Small ONNX models written here (no build needed) for the store and runner tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from adapters.gpu.manifest import Manifest, ModelEntry, sha256_of, write_manifest
from ports.inference.inference import TensorSpec

WIDTH = 3


def linear_model(scale: float = 2.0, width: int = WIDTH) -> onnx.ModelProto:
    """y = x @ (scale * I) + 1: float32 [batch, width] -> [batch, width]."""
    weight = numpy_helper.from_array((np.eye(width) * scale).astype(np.float32), "w")
    bias = numpy_helper.from_array(np.ones(width, dtype=np.float32), "b")
    nodes = [
        helper.make_node("MatMul", ["x", "w"], ["xw"]),
        helper.make_node("Add", ["xw", "b"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes, "linear",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", width])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", width])],
        [weight, bias],
    )  # fmt: skip
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


def linear_entry(name: str, path: Path, width: int = WIDTH, version: str = "1") -> ModelEntry:
    return ModelEntry(
        name=name, version=version, kind="tabular", file=path.name, sha256=sha256_of(path),
        inputs=(TensorSpec("x", "float32", ("batch", width)),),
        outputs=(TensorSpec("y", "float32", ("batch", width)),),
    )  # fmt: skip


def write_linear(folder: Path, name: str = "linear", scale: float = 2.0) -> ModelEntry:
    """Writes `<name>.onnx` and returns its manifest entry (the manifest is not written)."""
    path = folder / f"{name}.onnx"
    onnx.save(linear_model(scale), str(path))
    return linear_entry(name, path)


def write_models(folder: Path, *entries: ModelEntry) -> None:
    write_manifest(folder, Manifest(tuple(entries), None, "test"))
