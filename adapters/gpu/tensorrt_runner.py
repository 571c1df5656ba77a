"""Direct TensorRT engines (tensorrt + pycuda, the `gpu` extra): provider `tensorrt-engine`.

The platform's GPU hosts run TensorRT engines without ONNX Runtime in between. A model's ONNX
file is parsed by TensorRT's ONNX parser and built into an engine with one optimisation
profile (batch 1..`max_batch`, optimised for `opt_batch`; a named sequence axis 1..128,
optimised for 64), FP16 allowed where the GPU has fast FP16. The serialised engine is cached
beside the model as `<name>.<sha256[:12]>.<tensorrt version>.plan`, so only the first start
after a build pays for the build (tens of seconds for the encoder).

Running one call (TensorRT 10+/11's name-based tensor API): each input's shape is set on the
execution context, inputs are copied to device buffers (pycuda, grown when a larger batch
comes), every tensor's address is set, `execute_async_v3` runs on a pycuda stream, outputs
are copied back and the stream synchronised. One context per model, used from the model
thread only (the batcher's), which is how TensorRT wants an execution context used.

Models TensorRT's parser cannot take (the classifier heads use ONNX-ML operators such as
LinearClassifier, which TensorRT does not implement) run on ONNX Runtime's CPU provider
instead, and their reported provider says so.

Nothing here imports tensorrt or pycuda at module import: `tensorrt_problem()` says why they
cannot be used on this machine (tests skip with that reason).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from adapters.gpu.manifest import ManifestError, ModelEntry

SEQUENCE_MAX = 128
SEQUENCE_OPT = 64
WORKSPACE_BYTES = 1 << 30


def tensorrt_problem() -> str | None:
    """Why direct TensorRT cannot run here, or None when tensorrt and pycuda both work."""
    for module in ("tensorrt", "pycuda.driver"):
        try:
            importlib.import_module(module)
        except Exception as exc:  # ImportError, or a library that fails to load its .so
            kind = type(exc).__name__
            return f"{module} does not import ({kind}: {exc}); pip install bulwark[gpu]"
    try:
        cuda: Any = importlib.import_module("pycuda.driver")
        cuda.init()
        if cuda.Device.count() < 1:
            return "pycuda sees no CUDA device"
    except Exception as exc:
        return f"CUDA driver not usable ({type(exc).__name__}: {exc})"
    return None


def _profile_shape(shape: tuple[int | str, ...], batch: int, sequence: int) -> tuple[int, ...]:
    dims = []
    for axis, size in enumerate(shape):
        if isinstance(size, int):
            dims.append(size)
        elif axis == 0:
            dims.append(batch)
        else:
            dims.append(sequence)
    return tuple(dims)


class TensorRTEngine:
    """One model as a TensorRT engine (module doc); `run` like OrtModel's."""

    provider = "TensorRT engine"

    def __init__(self, path: Path, entry: ModelEntry, max_batch: int, opt_batch: int) -> None:
        self._trt: Any = importlib.import_module("tensorrt")
        self._cuda: Any = importlib.import_module("pycuda.driver")
        self._cuda.init()
        self._context_owner = self._cuda.Device(0).retain_primary_context()
        self._context_owner.push()
        try:
            self.entry = entry
            logger = self._trt.Logger(self._trt.Logger.WARNING)
            plan = path.with_name(f"{entry.name}.{entry.sha256[:12]}.{self._trt.__version__}.plan")
            if plan.is_file():
                serialized = plan.read_bytes()
            else:
                serialized = self._build(path, entry, logger, max_batch, opt_batch)
                plan.write_bytes(serialized)
            runtime = self._trt.Runtime(logger)
            self._engine = runtime.deserialize_cuda_engine(serialized)
            if self._engine is None:
                raise ManifestError(f"model {entry.name}: TensorRT could not load {plan.name}")
            self._context = self._engine.create_execution_context()
            self._stream = self._cuda.Stream()
            self._buffers: dict[str, tuple[Any, int]] = {}
        finally:
            self._context_owner.pop()

    def _build(
        self, path: Path, entry: ModelEntry, logger: Any, max_batch: int, opt_batch: int
    ) -> bytes:
        trt = self._trt
        builder = trt.Builder(logger)
        network = builder.create_network(0)  # explicit batch: the only mode since TensorRT 10
        parser = trt.OnnxParser(network, logger)
        if not parser.parse(path.read_bytes()):
            errors = "; ".join(str(parser.get_error(i)) for i in range(parser.num_errors))
            raise ManifestError(f"model {entry.name}: TensorRT cannot parse it ({errors})")
        config = builder.create_builder_config()
        config.set_memory_pool_limit(trt.MemoryPoolType.WORKSPACE, WORKSPACE_BYTES)
        if getattr(builder, "platform_has_fast_fp16", False):
            config.set_flag(trt.BuilderFlag.FP16)
        profile = builder.create_optimization_profile()
        for spec in entry.inputs:
            profile.set_shape(
                spec.name,
                _profile_shape(spec.shape, 1, 1),
                _profile_shape(spec.shape, opt_batch, SEQUENCE_OPT),
                _profile_shape(spec.shape, max_batch, SEQUENCE_MAX),
            )
        config.add_optimization_profile(profile)
        serialized = builder.build_serialized_network(network, config)
        if serialized is None:
            raise ManifestError(f"model {entry.name}: TensorRT could not build an engine")
        return bytes(serialized)

    def _device_buffer(self, name: str, nbytes: int) -> Any:
        current = self._buffers.get(name)
        if current is None or current[1] < nbytes:
            if current is not None:
                current[0].free()
            current = (self._cuda.mem_alloc(max(nbytes, 1)), nbytes)
            self._buffers[name] = current
        return current[0]

    def run(self, feeds: Mapping[str, npt.NDArray[Any]]) -> dict[str, npt.NDArray[Any]]:
        trt, cuda, context = self._trt, self._cuda, self._context
        self._context_owner.push()
        try:
            for spec in self.entry.inputs:
                host = np.ascontiguousarray(feeds[spec.name], dtype=spec.dtype)
                context.set_input_shape(spec.name, host.shape)
                device = self._device_buffer(spec.name, host.nbytes)
                cuda.memcpy_htod_async(device, host, self._stream)
                context.set_tensor_address(spec.name, int(device))
            outputs: dict[str, npt.NDArray[Any]] = {}
            for spec in self.entry.outputs:
                shape = tuple(context.get_tensor_shape(spec.name))
                dtype = trt.nptype(self._engine.get_tensor_dtype(spec.name))
                host = cuda.pagelocked_empty(shape, dtype)
                device = self._device_buffer(spec.name, host.nbytes)
                context.set_tensor_address(spec.name, int(device))
                outputs[spec.name] = host
            if not context.execute_async_v3(stream_handle=self._stream.handle):
                raise RuntimeError(f"TensorRT failed to run {self.entry.name}")
            for spec in self.entry.outputs:
                device = self._buffers[spec.name][0]
                cuda.memcpy_dtoh_async(outputs[spec.name], device, self._stream)
            self._stream.synchronize()
            return {k: np.array(v, dtype=np.float32 if v.dtype == np.float16 else v.dtype)
                    for k, v in outputs.items()}  # fmt: skip
        finally:
            self._context_owner.pop()
