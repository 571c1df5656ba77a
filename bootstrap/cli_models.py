"""`bulwark models build [--if-missing] [--data DIR]`, `bulwark models list` and
`bulwark models train-signal` (bootstrap/cli_model_signals.py).

`build` writes the encoders, the sentiment head and the risk model into BULWARK_MODELS_DIR
(adapters/gpu/model_build.py), offline from the installed packages and data/sentiment; `make
run` calls it with --if-missing, so only a fresh checkout (or a deleted var/models) pays for
it. `list` prints each model of the manifest with its verification result and metrics, then
each trained signal model with its walk-forward figures. Neither needs the store or a server.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_output import add_json_flag, print_json
from bootstrap.settings import Settings
from bootstrap.shipped import shipped_data

if TYPE_CHECKING:
    from domain.model_signals.card import SignalModelCard
    from ports.inference.inference import ModelInfo

DEFAULT_DATA = shipped_data() / "sentiment"
EXIT_FAILED = 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    models = sub.add_parser("models", help="build or list the ONNX models (docs/inference.md)")
    verbs = models.add_subparsers(dest="verb", required=True)
    build = verbs.add_parser("build", help="build every model into BULWARK_MODELS_DIR")
    build.add_argument(
        "--if-missing", action="store_true", help="do nothing when a manifest is already there"
    )
    build.add_argument("--data", default=str(DEFAULT_DATA), help="the labelled sentiment set")
    listing = verbs.add_parser(
        "list", help="the models of BULWARK_MODELS_DIR, verified, and signal models"
    )
    add_json_flag(listing)
    from bootstrap.cli_model_signals import add_verbs

    add_verbs(verbs)


def run(args: argparse.Namespace, settings: Settings, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    folder = Path(settings.inference.models_dir)
    if args.verb == "build":
        return _build(folder, Path(args.data), settings, args.if_missing, out)
    if args.verb == "train-signal":
        from bootstrap.cli_model_signals import train

        return train(args, settings, out, sys.stderr)
    return _list(folder, settings, out, as_json=args.json)


def _build(folder: Path, data: Path, settings: Settings, if_missing: bool, out: TextIO) -> int:
    from adapters.gpu.encoder_export import EncoderSourceMissing
    from adapters.gpu.manifest import MANIFEST_NAME
    from adapters.gpu.model_build import build_models

    if if_missing and (folder / MANIFEST_NAME).is_file():
        print(f"models: {folder} already built (bulwark models build rebuilds it)", file=out)
        return 0
    started = time.perf_counter()
    print(f"models: building into {folder} (offline, about a minute on 2 cores)", file=out)
    try:
        manifest = build_models(
            folder, data, encoder=settings.inference.encoder,
            log=lambda line: print(f"models: {line}", file=out, flush=True),
        )  # fmt: skip
    except (EncoderSourceMissing, OSError, ValueError) as exc:
        print(f"bulwark: models build failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for entry in manifest.models:
        figures = ", ".join(f"{k} {v:g}" for k, v in entry.metrics.items() if k in _SHOWN)
        print(f"models: {entry.name} {entry.version} {figures}".rstrip(), file=out)
    print(f"models: done in {time.perf_counter() - started:.1f} s", file=out)
    return 0


_SHOWN = ("accuracy", "macro_f1", "test_rows")


def _list(folder: Path, settings: Settings, out: TextIO, *, as_json: bool = False) -> int:
    from bootstrap.cli_model_signals import signal_cards
    from bootstrap.inference import model_store, provider_choice

    choice = provider_choice(settings)  # a forced provider that cannot run here: one line now
    store = model_store(settings, lambda: choice)
    store.load()
    if as_json:
        cards = signal_cards(settings)
        rows = [model_record(info) for info in store.infos()]
        print_json([*rows, *(signal_record(card) for card in cards)], out)
        for problem in store.problems:
            print(f"bulwark: refused: {problem}", file=sys.stderr)
        return EXIT_FAILED if store.problems or not (store.names() or cards) else 0
    for info in store.infos():
        figures = ", ".join(f"{k} {v:g}" for k, v in info.metrics.items() if k in _SHOWN)
        print(f"{info.name}\t{info.version}\t{info.kind}\t{info.provider}\t{figures}", file=out)
    for problem in store.problems:
        print(f"refused: {problem}", file=out)
    from bootstrap.cli_model_signals import list_signal_models

    signal_models = list_signal_models(settings, out)
    return EXIT_FAILED if store.problems or not (store.names() or signal_models) else 0


def model_record(info: ModelInfo) -> dict[str, object]:
    """An ONNX model as `models list --json` prints it (the keys of signal models too)."""
    return {
        "name": info.name,
        "version": info.version,
        "kind": info.kind,
        "provider": info.provider,
        "metrics": dict(info.metrics),
        "timeframe": None,
        "horizon": None,
        "trained_from": None,
        "trained_to": None,
    }


def signal_record(card: SignalModelCard) -> dict[str, object]:
    """A signal model as `models list --json` prints it: its walk-forward figures."""
    return {
        "name": card.name,
        "version": card.version,
        "kind": f"signal/{card.kind}",
        "provider": None,
        "metrics": {
            "mean_hit_rate": card.mean_hit_rate,
            "mean_ic": card.mean_ic,
            "folds": len(card.folds),
        },
        "timeframe": card.timeframe,
        "horizon": card.horizon,
        "trained_from": card.train_from,
        "trained_to": card.train_to,
    }
