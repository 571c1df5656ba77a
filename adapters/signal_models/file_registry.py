"""Signal models in a folder: `<name>.onnx` and `<name>.card.json` side by side.

A save writes both files to temporary names and renames them (the model first), so a reader
sees the old pair or the new one. The folder is BULWARK_MODEL_SIGNALS_DIR.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from domain.model_signals.card import SignalModelCard, check_model_name
from domain.model_signals.walk_forward import FoldMetrics
from ports.model_signals.signal_models import UnknownSignalModel

CARD_SUFFIX = ".card.json"


def card_to_json(card: SignalModelCard) -> dict[str, Any]:
    return {
        "name": card.name, "version": card.version, "kind": card.kind,
        "features": list(card.features), "horizon": card.horizon, "timeframe": card.timeframe,
        "symbols": list(card.symbols), "train_from": card.train_from.isoformat(),
        "train_to": card.train_to.isoformat(), "trained_at": card.trained_at.isoformat(),
        "rows": card.rows, "data_hash": card.data_hash, "onnx_sha256": card.onnx_sha256,
        "score_scale": card.score_scale,
        "folds": [
            {"fold": f.fold, "train_rows": f.train_rows, "test_rows": f.test_rows,
             "hit_rate": f.hit_rate, "ic": f.ic}
            for f in card.folds
        ],
    }  # fmt: skip


def card_from_json(data: dict[str, Any]) -> SignalModelCard:
    return SignalModelCard(
        name=data["name"], version=data["version"], kind=data["kind"],
        features=tuple(data["features"]), horizon=int(data["horizon"]),
        timeframe=data["timeframe"], symbols=tuple(data["symbols"]),
        train_from=datetime.fromisoformat(data["train_from"]),
        train_to=datetime.fromisoformat(data["train_to"]),
        trained_at=datetime.fromisoformat(data["trained_at"]), rows=int(data["rows"]),
        data_hash=data["data_hash"], onnx_sha256=data["onnx_sha256"],
        score_scale=float(data["score_scale"]),
        folds=tuple(
            FoldMetrics(int(f["fold"]), int(f["train_rows"]), int(f["test_rows"]),
                        float(f["hit_rate"]), float(f["ic"]))
            for f in data["folds"]
        ),
    )  # fmt: skip


class FolderSignalModelRegistry:
    """SignalModelRegistry over a folder (module doc)."""

    def __init__(self, folder: str | Path) -> None:
        self._folder = Path(folder)

    def _paths(self, name: str) -> tuple[Path, Path]:
        check_model_name(name)
        return self._folder / f"{name}.onnx", self._folder / f"{name}{CARD_SUFFIX}"

    def save(self, card: SignalModelCard, model: bytes) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        model_path, card_path = self._paths(card.name)
        for path, payload in (
            (model_path, model),
            (card_path, json.dumps(card_to_json(card), indent=2).encode()),
        ):
            temporary = path.with_name(f".{path.name}.tmp")
            temporary.write_bytes(payload)
            os.replace(temporary, path)

    def cards(self) -> list[SignalModelCard]:
        if not self._folder.is_dir():
            return []
        names = sorted(p.name[: -len(CARD_SUFFIX)] for p in self._folder.glob(f"*{CARD_SUFFIX}"))
        return [self.card(name) for name in names if not name.startswith(".")]

    def card(self, name: str) -> SignalModelCard:
        _, card_path = self._paths(name)
        try:
            return card_from_json(json.loads(card_path.read_text()))
        except FileNotFoundError:
            raise UnknownSignalModel(f"no signal model named {name}", field="name") from None

    def model_bytes(self, name: str) -> bytes:
        model_path, _ = self._paths(name)
        try:
            return model_path.read_bytes()
        except FileNotFoundError:
            raise UnknownSignalModel(f"no signal model named {name}", field="name") from None
