"""The model catalogue and raw predictions: GET /api/v1/ml/models, POST .../predict/{model}."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from domain.inference.errors import InvalidModelInput
from ports.inference.inference import InferencePort, ModelInfo

MAX_VALUES = 1_000_000  # numbers in one request, all inputs together


@dataclass(eq=False)
class MlModelService:
    """Lists the loaded models and runs one on posted arrays (nested lists of numbers)."""

    inference: InferencePort

    def models(self) -> list[ModelInfo]:
        return self.inference.models()

    async def predict(
        self, model: str, inputs: Mapping[str, Sequence[Any]]
    ) -> dict[str, list[Any]]:
        if not inputs:
            raise InvalidModelInput("give the model's inputs", field="inputs")
        arrays = {}
        total = 0
        for name, value in inputs.items():
            try:
                array = np.asarray(value)
            except ValueError:
                raise InvalidModelInput(
                    f"{name} must be a rectangular array", field=f"inputs.{name}"
                ) from None
            if array.dtype == object or array.dtype.kind not in "biuf":
                raise InvalidModelInput(
                    f"{name} must be a rectangular array of numbers", field=f"inputs.{name}"
                )
            total += array.size
            arrays[name] = array
        if total > MAX_VALUES:
            raise InvalidModelInput(f"at most {MAX_VALUES} numbers per request", field="inputs")
        outputs = await self.inference.run(model, arrays)
        return {name: np.asarray(value).tolist() for name, value in outputs.items()}
