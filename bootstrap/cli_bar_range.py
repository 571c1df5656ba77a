"""The range of bars a command reads: --symbols A,B --from DAY --to DAY [--timeframe 1d].

`bulwark bars` and `bulwark models train-signal` take it alike. Days are UTC and both ends
are included.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, timedelta

from domain.market_data.bars import Timeframe


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected YYYY-MM-DD") from None


def symbols(text: str) -> list[str]:
    """Upper-cased, without blanks or repeats, in the order given."""
    found = list(dict.fromkeys(s.strip().upper() for s in text.split(",") if s.strip()))
    if not found:
        raise argparse.ArgumentTypeError("expected symbols separated by commas")
    return found


def add_range_arguments(parser: argparse.ArgumentParser) -> None:
    """--symbols, --from (as `first`), --to (as `last`) and --timeframe (1d)."""
    parser.add_argument("--symbols", required=True, type=symbols, help="A,B,C")
    parser.add_argument("--from", dest="first", required=True, type=day, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="last", required=True, type=day, help="YYYY-MM-DD")
    parser.add_argument(
        "--timeframe",
        type=Timeframe,
        choices=list(Timeframe),
        default=Timeframe.D1,
        help="the bars' length (1d)",
    )


def span(args: argparse.Namespace) -> tuple[datetime, datetime]:
    """[start, end) in UTC: from the first day's midnight to the midnight after the last."""
    start = datetime.combine(args.first, datetime.min.time(), UTC)
    end = datetime.combine(args.last + timedelta(days=1), datetime.min.time(), UTC)
    return start, end
