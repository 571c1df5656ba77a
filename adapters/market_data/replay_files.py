"""Reads replay bars and quotes from CSV or Parquet files and checks every row.

A file holds bars when it has a `timeframe` column, quotes when it has a `bid` column:
- bars:   symbol, timeframe (1m 5m 15m 30m 1h 4h 1d), start, open, high, low, close, volume
          [, vwap, trades]
- quotes: symbol, at, bid, ask, last [, bid_size, ask_size]
Times are ISO 8601 strings (naive ones are UTC), epoch seconds, or Parquet timestamps; prices
are decimal strings or numbers (a float is read by its shortest repr, so 190.01 stays 190.01).
Empty optional cells are missing values. Any problem raises ReplayDataError naming the file
and the data row (1-based, header not counted), before anything is served.

What is read is kept for the process while the files stay as they were (their names and a
digest of their bytes: reading and hashing them takes a few milliseconds, parsing the demo's
12,000 rows ~0.4 s, and a modification time may not move between two writes). The replay feed
and the backtests' history read the same files, and a process that builds several apps (the
tests) reads them once. What is kept cannot be changed (tuples of frozen bars and quotes); a
load that fails is not kept.
"""

from __future__ import annotations

import csv
import hashlib
import math
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from domain.market_data.bars import Bar, Timeframe
from ports.market_data.marketdata import Quote

BAR_COLUMNS = ("symbol", "timeframe", "start", "open", "high", "low", "close", "volume")
QUOTE_COLUMNS = ("symbol", "at", "bid", "ask", "last")
SUFFIXES = (".csv", ".parquet")

Row = dict[str, object]
T = TypeVar("T")


class ReplayDataError(ValueError):
    """A replay file is missing, unreadable, or holds a bad row; the message says where."""


@dataclass(frozen=True, slots=True)
class ReplayData:
    """Everything read from the replay files, in file order."""

    bars: tuple[Bar, ...]
    quotes: tuple[Quote, ...]


# What was read, per resolved path: the files' names and digests, and their data.
FileStamp = tuple[str, bytes]
_READ: dict[Path, tuple[tuple[FileStamp, ...], ReplayData]] = {}
_READ_MOST = 16  # paths kept; past it the one read longest ago goes
_READ_LOCK = threading.Lock()


def load_replay(path: str | Path) -> ReplayData:
    """Read one file, or every .csv and .parquet file in a directory (sorted by name); read
    again only when the files changed since this process last read them."""
    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.iterdir() if p.suffix.lower() in SUFFIXES)
        if not files:
            raise ReplayDataError(f"{root}: no .csv or .parquet files")
    elif root.is_file():
        files = [root]
    else:
        raise ReplayDataError(f"{root}: no such file or directory")
    try:
        key, stamps = root.resolve(), tuple(_stamp(file) for file in files)
    except OSError as failure:  # gone between the listing and the look
        raise ReplayDataError(f"{root}: cannot be read ({failure})") from failure
    with _READ_LOCK:
        kept = _READ.get(key)
    if kept is not None and kept[0] == stamps:
        return kept[1]
    data = _parse_files(files)
    with _READ_LOCK:
        _READ.pop(key, None)
        if len(_READ) >= _READ_MOST:
            del _READ[next(iter(_READ))]
        _READ[key] = (stamps, data)
    return data


def _stamp(file: Path) -> FileStamp:
    return file.name, hashlib.blake2b(file.read_bytes(), digest_size=16).digest()


def _parse_files(files: list[Path]) -> ReplayData:
    bars: list[Bar] = []
    quotes: list[Quote] = []
    first_seen: dict[tuple[str, Timeframe, datetime], str] = {}
    for file in files:
        kind, rows = _read(file)
        if kind == "quotes":
            quotes.extend(_parse_all(file, rows, _quote))
            continue
        for number, bar in enumerate(_parse_all(file, rows, _bar), start=1):
            key = (bar.symbol, bar.timeframe, bar.start)
            if key in first_seen:
                raise ReplayDataError(
                    f"{file}: row {number}: a second {bar.timeframe.value} bar of {bar.symbol}"
                    f" at {bar.start.isoformat()} (the first is {first_seen[key]})"
                )
            first_seen[key] = f"{file.name} row {number}"
            bars.append(bar)
    return ReplayData(bars=tuple(bars), quotes=tuple(quotes))


def _read(file: Path) -> tuple[str, list[Row]]:
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReplayDataError(f"{file}: not a .csv or .parquet file")
    try:
        if suffix == ".csv":
            with file.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                columns = [name.strip() for name in reader.fieldnames or ()]
                rows: list[Row] = [
                    {key.strip(): value for key, value in row.items() if key is not None}
                    for row in reader
                ]
        else:
            columns, rows = _read_parquet(file)
    except (OSError, UnicodeDecodeError, csv.Error) as failure:
        raise ReplayDataError(f"{file}: cannot be read ({failure})") from failure
    return _kind(file, columns), rows


def _read_parquet(file: Path) -> tuple[list[str], list[Row]]:
    """A Parquet file's columns and rows; pyarrow is loaded here, by the first Parquet replay,
    not by every process that imports the replay feed."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    try:
        table = pq.read_table(file)
    except pa.ArrowException as failure:
        raise ReplayDataError(f"{file}: cannot be read ({failure})") from failure
    return list(table.column_names), table.to_pylist()


def _kind(file: Path, columns: list[str]) -> str:
    present = set(columns)
    needed: tuple[str, ...]
    if "timeframe" in present:
        kind, needed = "bars", BAR_COLUMNS
    elif "bid" in present:
        kind, needed = "quotes", QUOTE_COLUMNS
    else:
        raise ReplayDataError(
            f"{file}: neither bars (a timeframe column) nor quotes (a bid column)"
        )
    missing = [name for name in needed if name not in present]
    if missing:
        raise ReplayDataError(
            f"{file}: {kind} miss the columns {', '.join(missing)} (need {', '.join(needed)})"
        )
    return kind


def _parse_all(file: Path, rows: Iterable[Row], parse: Callable[[Row], T]) -> Iterator[T]:
    for number, row in enumerate(rows, start=1):
        try:
            yield parse(row)
        except (ValueError, TypeError, ArithmeticError) as problem:
            raise ReplayDataError(f"{file}: row {number}: {problem}") from problem


def _bar(row: Row) -> Bar:
    symbol = _symbol(row)
    raw_timeframe = _text(row, "timeframe")
    try:
        timeframe = Timeframe(raw_timeframe)
    except ValueError:
        raise ValueError(
            f"timeframe {raw_timeframe!r} is not one of {', '.join(t.value for t in Timeframe)}"
        ) from None
    start = _time(row, "start")
    if timeframe.floor(start) != start:
        raise ValueError(f"start {start.isoformat()} is not on a {timeframe.value} boundary")
    prices = {name: _price(row, name) for name in ("open", "high", "low", "close")}
    if prices["low"] > prices["high"]:
        raise ValueError(f"low {prices['low']} is above high {prices['high']}")
    vwap = _optional_price(row, "vwap")
    if vwap is not None and not prices["low"] <= vwap <= prices["high"]:
        raise ValueError(f"vwap {vwap} is outside [low, high]")
    trades = _optional_int(row, "trades")
    return Bar(
        symbol=symbol,
        timeframe=timeframe,
        start=start,
        volume=_amount(row, "volume"),
        vwap=vwap,
        trades=trades,
        **prices,
    )


def _quote(row: Row) -> Quote:
    bid, ask, last = _amount(row, "bid"), _amount(row, "ask"), _amount(row, "last")
    if bid > 0 and ask > 0 and bid > ask:
        raise ValueError(f"crossed quote: bid {bid} above ask {ask}")
    if bid == 0 and ask == 0 and last == 0:
        raise ValueError("a quote needs a bid, an ask or a last price")
    return Quote(
        symbol=_symbol(row),
        bid=bid,
        ask=ask,
        last=last,
        at=_time(row, "at"),
        bid_size=_optional_amount(row, "bid_size"),
        ask_size=_optional_amount(row, "ask_size"),
    )


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _value(row: Row, name: str) -> object:
    value = row.get(name)
    if _missing(value):
        raise ValueError(f"{name} is empty")
    return value


def _text(row: Row, name: str) -> str:
    return str(_value(row, name)).strip()


def _symbol(row: Row) -> str:
    symbol = _text(row, "symbol")
    if any(ch.isspace() for ch in symbol):
        raise ValueError(f"symbol {symbol!r} contains spaces")
    return symbol


def _decimal(name: str, value: object) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"{name} {value!r} is not a number")
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(f"{name} {value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{name} {value!r} is not a finite number")
    return number


def _amount(row: Row, name: str) -> Decimal:
    number = _decimal(name, _value(row, name))
    if number < 0:
        raise ValueError(f"{name} {number} is negative")
    return number


def _price(row: Row, name: str) -> Decimal:
    number = _amount(row, name)
    if number == 0:
        raise ValueError(f"{name} must be positive")
    return number


def _optional_price(row: Row, name: str) -> Decimal | None:
    return None if _missing(row.get(name)) else _price(row, name)


def _optional_amount(row: Row, name: str) -> Decimal:
    return Decimal(0) if _missing(row.get(name)) else _amount(row, name)


def _optional_int(row: Row, name: str) -> int | None:
    if _missing(row.get(name)):
        return None
    number = _amount(row, name)
    if number != number.to_integral_value():
        raise ValueError(f"{name} {number} is not a whole number")
    return int(number)


def _time(row: Row, name: str) -> datetime:
    value = _value(row, name)
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError(f"{name} {value!r} is not a time")
        moment = datetime.fromtimestamp(value, tz=UTC)
    else:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            try:
                moment = datetime.fromtimestamp(float(text), tz=UTC)
            except (ValueError, OverflowError):
                raise ValueError(f"{name} {text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
