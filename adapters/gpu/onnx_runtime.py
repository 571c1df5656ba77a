"""ONNX Runtime sessions and the execution-provider choice (BULWARK_INFERENCE_PROVIDER).

`auto` takes, in order, TensorRT -> CUDA -> CPU among what `onnxruntime.get_available_providers()`
offers: the GPU build (`onnxruntime-gpu`, docs/inference.md says how a GPU host installs it)
offers the first two, the CPU build only the CPU. The CPU provider always stays last in the
list, so a session whose GPU provider fails to initialise (a missing CUDA library) still runs,
and the provider a session really got (`session.get_providers()[0]`) is what /api/status
reports. `cpu`, `cuda` and `tensorrt` force one (the latter two fail at start-up with one line
where the provider is not offered); `tensorrt-engine` runs serialized TensorRT engines directly
(adapters/gpu/tensorrt_runner.py) instead of ONNX Runtime.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from adapters.gpu.manifest import ManifestError, ModelEntry
from domain.inference.errors import InvalidModelInput, ModelUnavailable
from ports.inference.inference import TensorSpec

PROVIDER_MODES = ("auto", "cpu", "cuda", "tensorrt", "tensorrt-engine")
TENSORRT_EP = "TensorrtExecutionProvider"
CUDA_EP = "CUDAExecutionProvider"
CPU_EP = "CPUExecutionProvider"
_ORT_DTYPES = {
    "tensor(float)": "float32",
    "tensor(float16)": "float16",
    "tensor(int64)": "int64",
    "tensor(int32)": "int32",
    "tensor(bool)": "bool",
}

Arrays = Mapping[str, npt.NDArray[Any]]


class ProviderUnavailable(Exception):
    """A forced provider this machine cannot run; the message says why (one line)."""


@dataclass(frozen=True, slots=True)
class ProviderChoice:
    runtime: str  # "onnxruntime" or "tensorrt"
    providers: tuple[str, ...]  # ONNX Runtime's list, first choice first (CPU last)
    reason: str


def available_providers() -> list[str]:
    import onnxruntime

    return list(onnxruntime.get_available_providers())


def choose_providers(
    mode: str, available: Sequence[str] | None = None, tensorrt_importable: bool | None = None
) -> ProviderChoice:
    """The runtime and providers for BULWARK_INFERENCE_PROVIDER=`mode` (module doc)."""
    if mode not in PROVIDER_MODES:
        raise ValueError(f"inference provider must be one of {', '.join(PROVIDER_MODES)}")
    if mode == "tensorrt-engine":
        if tensorrt_importable is None:
            from adapters.gpu.tensorrt_runner import tensorrt_problem

            problem = tensorrt_problem()
        else:
            problem = None if tensorrt_importable else "tensorrt / pycuda do not import"
        if problem:
            raise ProviderUnavailable(f"BULWARK_INFERENCE_PROVIDER=tensorrt-engine: {problem}")
        return ProviderChoice("tensorrt", (), "BULWARK_INFERENCE_PROVIDER=tensorrt-engine")
    offered = list(available_providers() if available is None else available)
    if mode == "cpu":
        return ProviderChoice("onnxruntime", (CPU_EP,), "BULWARK_INFERENCE_PROVIDER=cpu")
    forced = {"cuda": CUDA_EP, "tensorrt": TENSORRT_EP}.get(mode)
    if forced is not None:
        if forced not in offered:
            raise ProviderUnavailable(
                f"BULWARK_INFERENCE_PROVIDER={mode} but onnxruntime offers only "
                f"{', '.join(offered)} (install onnxruntime-gpu: docs/inference.md)"
            )
        chain: tuple[str, ...] = (
            (TENSORRT_EP, CUDA_EP, CPU_EP) if forced == TENSORRT_EP else (CUDA_EP, CPU_EP)
        )
        return ProviderChoice("onnxruntime", chain, f"BULWARK_INFERENCE_PROVIDER={mode}")
    chain = (*(p for p in (TENSORRT_EP, CUDA_EP) if p in offered), CPU_EP)
    if chain[0] == CPU_EP:
        return ProviderChoice("onnxruntime", chain, "auto: onnxruntime offers no GPU provider")
    return ProviderChoice("onnxruntime", chain, f"auto: onnxruntime offers {chain[0]}")


def describe_device(provider: str) -> str:
    if provider == CPU_EP:
        return f"{os.cpu_count()} CPU cores"
    from adapters.gpu.detect import probe_cuda

    probe = probe_cuda()
    return probe.device if probe.usable else f"GPU ({probe.reason})"


class OrtModel:
    """One ONNX model in an InferenceSession whose inputs/outputs match its manifest entry."""

    def __init__(
        self, path: Path, entry: ModelEntry, providers: Sequence[str], threads: int = 0
    ) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # warnings about unused providers are not ours
        # Worker threads sleep between calls instead of spinning: the service shares its
        # cores with the event loop (and, on a small host, with everything else).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self._session = onnxruntime.InferenceSession(
                str(path), options, providers=list(providers)
            )
        except Exception as exc:  # onnxruntime's own errors: a corrupt or truncated file
            raise ManifestError(f"model {entry.name}: {path.name} does not load ({exc})") from None
        check_signature(entry, _specs(self._session.get_inputs()), "input")
        check_signature(entry, _specs(self._session.get_outputs()), "output")
        self.entry = entry
        self.provider = self._session.get_providers()[0]
        self._outputs = [o.name for o in entry.outputs]

    def run(self, feeds: Arrays) -> dict[str, npt.NDArray[Any]]:
        from onnxruntime.capi.onnxruntime_pybind11_state import InvalidArgument

        try:
            values = self._session.run(self._outputs, dict(feeds))
        except InvalidArgument as exc:  # values the graph refuses (an id past the vocabulary)
            raise InvalidModelInput(f"{self.entry.name} refused the inputs: {exc}") from None
        except Exception as exc:
            raise ModelUnavailable(f"{self.entry.name} failed: {type(exc).__name__}") from None
        return {name: np.asarray(value) for name, value in zip(self._outputs, values, strict=True)}


def _specs(nodes: Sequence[Any]) -> dict[str, TensorSpec]:
    specs = {}
    for node in nodes:
        dtype = _ORT_DTYPES.get(node.type, node.type)
        shape = tuple(d if isinstance(d, int) else str(d or "?") for d in node.shape)
        specs[node.name] = TensorSpec(node.name, dtype, shape)
    return specs


def check_signature(entry: ModelEntry, found: Mapping[str, TensorSpec], kind: str) -> None:
    """ManifestError unless the file's inputs (or outputs) are the manifest's: same names,
    dtypes and ranks; a fixed size must match; a named (dynamic) axis must be dynamic."""
    declared = entry.inputs if kind == "input" else entry.outputs
    names = {s.name for s in declared}
    if kind == "input" and names != set(found):
        raise ManifestError(
            f"model {entry.name}: the manifest lists inputs {sorted(names)}, "
            f"the file has {sorted(found)}"
        )
    for spec in declared:
        actual = found.get(spec.name)
        if actual is None:
            raise ManifestError(f"model {entry.name}: the file has no {kind} {spec.name!r}")
        if actual.dtype != spec.dtype or not _shapes_agree(spec.shape, actual.shape):
            raise ManifestError(
                f"model {entry.name}: {kind} {spec.name!r} is {spec.dtype} {list(spec.shape)} "
                f"in the manifest but {actual.dtype} {list(actual.shape)} in the file"
            )


def _shapes_agree(declared: tuple[int | str, ...], actual: tuple[int | str, ...]) -> bool:
    if len(declared) != len(actual):
        return False
    for want, have in zip(declared, actual, strict=True):
        if isinstance(want, int) and want != have:
            return False
        if isinstance(want, str) and isinstance(have, int):
            return False
    return True
