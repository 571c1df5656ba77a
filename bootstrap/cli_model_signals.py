"""`bulwark models train-signal` and the signal models part of `bulwark models list`.

train-signal: --symbols A,B --from DAY --to DAY [--model lightgbm|linear] [--name NAME]
[--horizon 5] [--folds 4] [--timeframe 1d]: reads the bars of those days from the bar store
(fill it with `bulwark bars backfill`, e.g. --provider synthetic offline), trains walk-forward
with a progress bar, exports ONNX and saves model + card to BULWARK_MODEL_SIGNALS_DIR
(docs/model-signals.md). Days are UTC, both ends included.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_bar_range import add_range_arguments, span

if TYPE_CHECKING:
    from bootstrap.settings import Settings
    from domain.model_signals.card import SignalModelCard

EXIT_FAILED = 1
EXIT_USAGE = 2


def add_verbs(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    train = verbs.add_parser(
        "train-signal", help="train a signal model walk-forward from the bar store (ONNX + card)"
    )
    add_range_arguments(train)
    train.add_argument(
        "--model", choices=("lightgbm", "linear"), default="lightgbm", help="the learner"
    )
    train.add_argument("--name", default=None, help="the model's name (default: signal-MODEL)")
    train.add_argument("--horizon", type=int, default=5, help="label horizon in bars")
    train.add_argument("--folds", type=int, default=4, help="walk-forward folds")


def train(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    if args.last < args.first:
        print("bulwark: --to is before --from", file=err)
        return EXIT_USAGE
    if not 1 <= args.horizon <= 250 or not 1 <= args.folds <= 20:
        print("bulwark: --horizon must be 1..250 and --folds 1..20", file=err)
        return EXIT_USAGE
    return asyncio.run(_train(args, settings, out, err))


async def _train(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    from application.model_signals.training import TrainingFailed, TrainRequest
    from bootstrap.cli_progress import ProgressBar
    from bootstrap.closing import close_quietly
    from bootstrap.containers.commands import CommandContainers
    from domain.errors import DomainError

    contexts = CommandContainers(settings)
    store = contexts.market_data.bar_store()
    start, end = span(args)
    request = TrainRequest(
        name=args.name or f"signal-{args.model}", kind=args.model, symbols=tuple(args.symbols),
        start=start, end=end,
        timeframe=args.timeframe, horizon=args.horizon, folds=args.folds,
    )  # fmt: skip
    bar = ProgressBar(err)  # stderr: stdout carries the folds and the card alone
    try:
        card = await contexts.model_signals.training().run(request, bar.show)
    except (TrainingFailed, DomainError) as exc:
        bar.done()
        print(f"bulwark: train-signal failed: {exc}", file=err)
        return EXIT_FAILED
    finally:
        await close_quietly([store])
    bar.done()
    for fold in card.folds:
        print(
            f"fold {fold.fold}: train {fold.train_rows} rows, test {fold.test_rows} rows, "
            f"hit rate {fold.hit_rate:.3f}, IC {fold.ic:+.3f}",
            file=out,
        )
    print(
        f"{card.name} {card.version} ({card.kind}) saved to {settings.model_signals.dir}: "
        f"{card.rows} rows of {len(card.symbols)} symbols, mean hit rate "
        f"{card.mean_hit_rate:.3f}, mean IC {card.mean_ic:+.3f}, bars {card.data_hash[:12]}",
        file=out,
    )
    return 0


def card_line(card: SignalModelCard) -> str:
    return (
        f"{card.name}\t{card.version}\tsignal/{card.kind}\t{card.timeframe} h{card.horizon}\t"
        f"hit rate {card.mean_hit_rate:.3f}, IC {card.mean_ic:+.3f}, folds {len(card.folds)}, "
        f"trained {card.train_from.date()}..{card.train_to.date()}"
    )


def signal_cards(settings: Settings) -> list[SignalModelCard]:
    """The cards of the signal models in BULWARK_MODEL_SIGNALS_DIR."""
    from adapters.signal_models.file_registry import FolderSignalModelRegistry

    return list(FolderSignalModelRegistry(settings.model_signals.dir).cards())


def list_signal_models(settings: Settings, out: TextIO) -> int:
    """Prints a line per signal model; returns how many."""
    cards = signal_cards(settings)
    for card in cards:
        print(card_line(card), file=out)
    return len(cards)
