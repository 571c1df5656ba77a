"""The encoder written with onnxruntime's fused operators computes what the plain graph does."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import pytest

from adapters.gpu.encoder_export import ENCODER_INPUTS, minilm_files
from adapters.gpu.encoder_fused import MS_DOMAIN, build_fused_encoder, quantize_int8_fused

TEXTS = [
    "Profit doubled and the dividend was raised.",
    "The bank failed its stress test and its shares fell sharply in early trading.",
    "Shares were flat.",
    "Guidance was cut for the second time this year as demand for chips weakened.",
]


def session(path: Path) -> onnxruntime.InferenceSession:
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


@pytest.fixture(scope="module")
def fused_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fused") / "fused.onnx"
    onnx.save(build_fused_encoder(minilm_files() / "model.safetensors"), str(path))
    return path


def feeds(models_dir: Path) -> dict[str, np.ndarray]:
    """The texts tokenised and padded to the longest: their masks differ."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(models_dir / "tokenizer.json"))
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    encoded = tokenizer.encode_batch(TEXTS)
    columns = ([e.ids for e in encoded], [e.attention_mask for e in encoded],
               [e.type_ids for e in encoded])  # fmt: skip
    out = {
        name: np.asarray(c, dtype=np.int64) for name, c in zip(ENCODER_INPUTS, columns, strict=True)
    }
    assert out["attention_mask"].min() == 0  # some padding
    return out


def test_the_fused_graph_is_a_few_fused_operators_a_layer(fused_path: Path) -> None:
    # Act
    model = onnx.load(str(fused_path))
    fused = [n.op_type for n in model.graph.node if n.domain == MS_DOMAIN]

    # Assert: per layer one Attention, one BiasGelu, two SkipLayerNormalization
    assert fused.count("Attention") == 6 and fused.count("BiasGelu") == 6
    assert fused.count("SkipLayerNormalization") == 12
    assert not any(n.op_type in {"Softmax", "Erf"} for n in model.graph.node)


def test_fp32_fused_equals_the_plain_encoder_on_padded_batches(
    fused_path: Path, models_dir: Path
) -> None:
    # Arrange
    plain = session(models_dir / "minilm-l6-fp32.onnx")
    inputs = feeds(models_dir)

    # Act
    expected = plain.run(None, inputs)[0]
    got = session(fused_path).run(None, inputs)[0]

    # Assert
    assert got.shape == expected.shape == (len(TEXTS), 384)
    np.testing.assert_allclose(got, expected, atol=1e-5)


def test_int8_fused_stays_close_to_fp32_and_uses_quantized_attention(
    fused_path: Path, models_dir: Path
) -> None:
    # Arrange
    int8_path = fused_path.with_name("fused-int8.onnx")
    inputs = feeds(models_dir)
    expected = session(models_dir / "minilm-l6-fp32.onnx").run(None, inputs)[0]

    # Act
    quantize_int8_fused(fused_path, int8_path)
    got = session(int8_path).run(None, inputs)[0]

    # Assert: unit vectors whose direction barely moves; the attention runs in int8
    ops = {n.op_type for n in onnx.load(str(int8_path)).graph.node}
    assert "QAttention" in ops and "Attention" not in ops
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert float((got * expected).sum(axis=1).min()) > 0.98
