"""The MiniLM encoder written with onnxruntime's fused transformer operators, for int8 speed.

The same network as `encoder_export.build_fp32_encoder` (the same weights, embeddings, pooling
and output), but each layer is four fused operators of onnxruntime's `com.microsoft` domain
instead of ~30 plain ones: `Attention` (the Q, K and V projections packed into one [384, 1152]
weight, softmax with the padding mask, the heads merged), `SkipLayerNormalization` (the dense
output's bias, the residual and the layer norm in one pass), `BiasGelu` (the intermediate
bias and BERT's exact erf GELU) and `SkipLayerNormalization` again. onnxruntime's own
transformer optimiser does not recognise the plain graph's patterns, so the fusion is written
here. In fp32 it computes what the plain graph does (to ~1e-7: the matrix products dominate and
run the same kernels); its value is in `quantize_int8_fused`, where dynamic quantisation turns
`Attention` into `QAttention` and the fused element-wise operators stay single passes.

onnxruntime-only (the contrib operators are not standard ONNX): the benchmark measures it
beside the other encoders (benchmarks/bench_inference.py); nothing serves it by default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto

from adapters.gpu.encoder_export import (
    ENCODER_INPUTS,
    HEADS,
    LAYER_NORM_EPS,
    LAYERS,
    Graph,
    embeddings,
    finish,
    transposed_weight,
)

MS_DOMAIN = "com.microsoft"


def build_fused_encoder(safetensors_path: Path) -> onnx.ModelProto:
    """The fp32 sentence encoder from BERT weights, one fused operator per sub-layer."""
    from safetensors.numpy import load_file

    weights = load_file(str(safetensors_path))
    g = Graph()
    x = embeddings(g, weights)
    mask = g.op("Cast", [ENCODER_INPUTS[1]], to=TensorProto.INT32)  # Attention's mask_index
    for layer in range(LAYERS):
        prefix = f"encoder.layer.{layer}"
        x = _attention_block(g, x, mask, weights, prefix)
        x = _feed_forward_block(g, x, weights, prefix)
    return finish(g, x, "minilm_l6_fp32_fused", domains=(MS_DOMAIN,))


def quantize_int8_fused(fp32_path: Path, out_path: Path) -> None:
    """Dynamic quantisation of the fused encoder: int8 weights per channel, uint8 activations,
    for the matrix products and the attention (QAttention)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fp32_path), str(out_path), weight_type=QuantType.QInt8, per_channel=True,
        op_types_to_quantize=["MatMul", "Attention"],
        # The contrib operators defeat ONNX's shape inference: their outputs are float.
        extra_options={"DefaultTensorType": TensorProto.FLOAT},
    )  # fmt: skip


def _add_norm(
    g: Graph, x: str, residual: str, weights: dict[str, Any], dense: str, norm: str
) -> str:
    """LayerNorm(x + dense bias + residual) in one SkipLayerNormalization."""
    gamma = g.const(norm + ".weight", weights[norm + ".weight"])
    beta = g.const(norm + ".bias", weights[norm + ".bias"])
    bias = g.const(dense + ".bias", weights[dense + ".bias"])
    return g.op(
        "SkipLayerNormalization", [x, residual, gamma, beta, bias], domain=MS_DOMAIN,
        epsilon=LAYER_NORM_EPS,
    )  # fmt: skip


def _attention_block(g: Graph, x: str, mask: str, weights: dict[str, Any], prefix: str) -> str:
    self_attention = f"{prefix}.attention.self"
    names = ("query", "key", "value")
    packed = np.concatenate([weights[f"{self_attention}.{n}.weight"].T for n in names], axis=1)
    packed_bias = np.concatenate([weights[f"{self_attention}.{n}.bias"] for n in names])
    context = g.op(
        "Attention",
        [x, g.const("qkv_weight", np.ascontiguousarray(packed)),
         g.const("qkv_bias", packed_bias), mask],
        domain=MS_DOMAIN, num_heads=HEADS,
    )  # fmt: skip
    dense = f"{prefix}.attention.output.dense"
    out = g.op("MatMul", [context, transposed_weight(g, weights, dense)])
    return _add_norm(g, out, x, weights, dense, f"{prefix}.attention.output.LayerNorm")


def _feed_forward_block(g: Graph, x: str, weights: dict[str, Any], prefix: str) -> str:
    inner = f"{prefix}.intermediate.dense"
    h = g.op("MatMul", [x, transposed_weight(g, weights, inner)])
    bias = g.const(inner + ".bias", weights[inner + ".bias"])
    h = g.op("BiasGelu", [h, bias], domain=MS_DOMAIN)
    dense = f"{prefix}.output.dense"
    out = g.op("MatMul", [h, transposed_weight(g, weights, dense)])
    return _add_norm(g, out, x, weights, dense, f"{prefix}.output.LayerNorm")
