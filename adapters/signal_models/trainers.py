"""Fit signal models and export them to ONNX: LightGBM (onnxmltools) and a ridge regression
on standardised features (scikit-learn, skl2onnx).

Both export one float32 input `features` (batch, n) and one float32 output `score` (batch, 1).
NaN features never reach a model: training keeps only defined rows and serving skips a symbol
whose row is not defined. Training is deterministic (fixed seeds, one thread for LightGBM).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ports.model_signals.signal_models import Features, FittedSignalModel, Predictions

INPUT_NAME = "features"
OUTPUT_NAME = "score"
ONNX_OPSET = 15


class _Fitted:
    def __init__(self, kind: str, model: Any) -> None:
        self._kind = kind
        self._model = model

    def predict(self, features: Features) -> Predictions:
        return np.asarray(self._model.predict(features), dtype=np.float64).reshape(-1)

    def to_onnx(self, n_features: int) -> bytes:
        if self._kind == "lightgbm":
            from onnxmltools import convert_lightgbm
            from onnxmltools.convert.common.data_types import FloatTensorType as LgbFloat

            onnx_model = convert_lightgbm(
                self._model, initial_types=[(INPUT_NAME, LgbFloat([None, n_features]))],
                target_opset=ONNX_OPSET, zipmap=False,
            )  # fmt: skip
        else:
            from skl2onnx import convert_sklearn
            from skl2onnx.common.data_types import FloatTensorType

            onnx_model = convert_sklearn(
                self._model, initial_types=[(INPUT_NAME, FloatTensorType([None, n_features]))],
                target_opset=ONNX_OPSET,
            )  # fmt: skip
        _rename_output(onnx_model, OUTPUT_NAME)
        return bytes(onnx_model.SerializeToString())


def _rename_output(model: Any, name: str) -> None:
    """One output, named `name` (converters name it `variable` or after the estimator)."""
    old = model.graph.output[0].name
    if old == name:
        return
    for node in model.graph.node:
        node.output[:] = [name if out == old else out for out in node.output]
    model.graph.output[0].name = name


class SignalModelFitter:
    """SignalModelTrainer over lightgbm and scikit-learn."""

    def __init__(self, seed: int = 7, trees: int = 200) -> None:
        self._seed = seed
        self._trees = trees

    def fit(self, kind: str, features: Features, labels: Predictions) -> FittedSignalModel:
        if kind == "lightgbm":
            import lightgbm

            model: Any = lightgbm.LGBMRegressor(
                n_estimators=self._trees, learning_rate=0.03, num_leaves=15,
                min_child_samples=40, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                random_state=self._seed, n_jobs=1, verbose=-1, deterministic=True,
            )  # fmt: skip
        elif kind == "linear":
            from sklearn.linear_model import Ridge
            from sklearn.pipeline import make_pipeline
            from sklearn.preprocessing import StandardScaler

            model = make_pipeline(StandardScaler(), Ridge(alpha=1.0))
        else:
            raise ValueError(f"unknown model kind {kind!r}")
        model.fit(np.asarray(features, dtype=np.float32), np.asarray(labels, dtype=np.float64))
        return _Fitted(kind, model)
