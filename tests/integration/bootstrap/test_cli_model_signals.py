"""`bulwark models train-signal` from a backfilled Parquet bar store, then `models list`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bootstrap.cli import main
from tests.kit.logging_guard import logging_restored

__all__ = ["logging_restored"]

SPAN = ["--from", "2022-01-01", "--to", "2023-12-31"]


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, logging_restored: None) -> Path:
    monkeypatch.setenv("BULWARK_ENV", "test")
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")
    monkeypatch.setenv("BULWARK_BARS_DIR", str(tmp_path / "bars"))
    monkeypatch.setenv("BULWARK_MODEL_SIGNALS_DIR", str(tmp_path / "signals"))
    monkeypatch.setenv("BULWARK_MODELS_DIR", str(tmp_path / "no-models"))
    return tmp_path


def test_a_model_trains_from_backfilled_bars_and_is_listed_with_its_card(
    folders: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    backfill = ["--env-file", "", "bars", "backfill", "--provider", "synthetic"]
    assert main([*backfill, "--symbols", "AAPL,MSFT,XOM", *SPAN]) == 0
    capfd.readouterr()

    # Act
    trained = main(
        ["--env-file", "", "models", "train-signal", "--symbols", "AAPL,MSFT,XOM", *SPAN,
         "--model", "linear", "--name", "demo", "--folds", "3"]
    )  # fmt: skip
    train_out, train_err = capfd.readouterr()
    main(["--env-file", "", "models", "list"])  # 1 here: the inference models are not built
    list_out = capfd.readouterr().out

    # Assert
    assert trained == 0, train_out
    assert "progress 100%" in train_err and "progress" not in train_out
    assert "fold 2:" in train_out
    card = json.loads((folders / "signals" / "demo.card.json").read_text())
    assert card["symbols"] == ["AAPL", "MSFT", "XOM"] and len(card["folds"]) == 3
    assert (folders / "signals" / "demo.onnx").stat().st_size > 0
    assert "demo\t" in list_out and "signal/linear" in list_out


def test_training_without_stored_bars_fails_with_a_reason(
    folders: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Act
    code = main(
        ["--env-file", "", "models", "train-signal", "--symbols", "NONE", *SPAN, "--model",
         "linear"]
    )  # fmt: skip

    # Assert
    assert code == 1
    assert "no bars stored" in capfd.readouterr().err
