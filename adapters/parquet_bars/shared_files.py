"""The yearly files that every symbol's 4h and daily bars share: many-symbol writes and reads.

A file holds one year of every symbol: a `symbol` column first, rows sorted by symbol then
start, row groups of ROW_GROUP rows, so a reader of a few symbols skips the other row groups
by their min/max statistics. A write merges any number of symbols' bars into each year file
it touches, once (read, merge, write a temporary file, rename: files.write_atomic), under the
year folder's lock; a merge that changes nothing writes nothing.

Bars of a symbol still in the earlier per-symbol layout (layout.legacy_symbols) are merged
below the stored rows: the oldest source loses to the yearly file, which loses to the write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa  # type: ignore[import-untyped]  # no stubs
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from adapters.parquet_bars.files import SCHEMA, last_of_each, locked, write_atomic
from adapters.parquet_bars.layout import partition_files, year_file, year_runs
from domain.market_data.bars import BarSeries, Timeframe

SHARED_SCHEMA = pa.schema([("symbol", pa.string()), *SCHEMA])
# ~31 symbols' year of daily bars a row group: a read of one symbol decodes one or two groups
# of a file, and a file of 500 symbols holds 16 groups.
ROW_GROUP = 8192
SERIES = ("start", "open", "high", "low", "close", "volume")


def with_symbol(symbol: str, table: pa.Table) -> pa.Table:
    """A per-symbol table (files.SCHEMA) as rows of a shared file."""
    return table.add_column(0, SHARED_SCHEMA.field("symbol"), pa.repeat(symbol, table.num_rows))


def legacy_table(root: Path, timeframe: Timeframe, symbol: str) -> pa.Table | None:
    """The symbol's bars in the earlier per-symbol layout, as shared rows (None: none)."""
    files = partition_files(root, timeframe, symbol)
    if not files:
        return None
    return with_symbol(symbol, pa.concat_tables(pq.read_table(f, schema=SCHEMA) for f in files))


def by_year(tables: Mapping[str, pa.Table]) -> dict[str, dict[str, list[pa.Table]]]:
    """Symbols' shared rows (sorted by start) split by the year of their bars."""
    years: dict[str, dict[str, list[pa.Table]]] = {}
    for symbol, table in tables.items():
        starts = np.asarray(table.column("start").to_numpy(), dtype=np.int64)
        for year, first, end in year_runs(starts):
            years.setdefault(year, {}).setdefault(symbol, []).append(
                table.slice(first, end - first)
            )
    return years


def _newest_of_each(parts: list[pa.Table]) -> pa.Table:
    """One symbol's rows from `parts` (oldest source first, each sorted by start), sorted by
    start, the row of the newest part winning where starts repeat."""
    table = parts[0] if len(parts) == 1 else pa.concat_tables(parts)
    starts = np.asarray(table.column("start").to_numpy(), dtype=np.int64)
    if len(parts) == 1 or bool(np.all(starts[1:] > starts[:-1])):
        return table  # an append, or a single source: already in order
    return table.take(pa.array(last_of_each(starts)))


def merge_year(
    path: Path, new: Mapping[str, list[pa.Table]], older: Mapping[str, list[pa.Table]]
) -> bool:
    """Merge symbols' rows into the year file at `path`: `older` under the stored rows, `new`
    over them (each a symbol's tables, sorted by start). Only the touched symbols' rows are
    merged; the others' are copied as they are. Whether the file was (re)written: a merge that
    changes nothing writes nothing."""
    with locked(path.parent):
        stored = pq.read_table(path, schema=SHARED_SCHEMA) if path.exists() else None
        names, bounds = (
            ([], np.zeros(1, dtype=np.int64)) if stored is None else runs(stored.column("symbol"))
        )
        at = {symbol: (int(bounds[i]), int(bounds[i + 1])) for i, symbol in enumerate(names)}
        pieces: list[pa.Table] = []
        changed = bool(older)
        for symbol in sorted(set(at) | set(new) | set(older)):
            own = None
            if symbol in at and stored is not None:
                first, end = at[symbol]
                own = stored.slice(first, end - first)
            if symbol not in new and symbol not in older:
                pieces.append(own)
                continue
            parts = [
                *older.get(symbol, []),
                *([own] if own is not None else []),
                *new.get(symbol, []),
            ]
            merged = _newest_of_each(parts)
            changed = changed or own is None or not merged.equals(own)
            pieces.append(merged)
        if not changed:
            return False  # a re-run of stored bars: nothing to rewrite
        write_atomic(path, pa.concat_tables(pieces).combine_chunks(), ROW_GROUP)
        return True


def write_shared(
    root: Path,
    timeframe: Timeframe,
    batches: Mapping[str, pa.Table],
    legacy: Iterable[str] = (),
) -> None:
    """Every symbol's rows (files.SCHEMA, sorted, one per start) in the yearly files, each
    file written once; the `legacy` symbols' per-symbol files folded in, then removed."""
    new = by_year({s: with_symbol(s, t) for s, t in batches.items() if t.num_rows})
    moved = [s for s in legacy if partition_files(root, timeframe, s)]
    tables = {s: legacy_table(root, timeframe, s) for s in moved}
    old = by_year({s: t for s, t in tables.items() if t is not None})
    for year in sorted(set(new) | set(old)):
        merge_year(year_file(root, timeframe, year), new.get(year, {}), old.get(year, {}))
    for symbol in moved:  # only once every year holds them: a crash before leaves both
        for file in partition_files(root, timeframe, symbol):
            Path(file).unlink(missing_ok=True)


def runs(symbols: pa.ChunkedArray) -> tuple[list[str], npt.NDArray[np.int64]]:
    """The symbols of the runs of equal neighbours in a column, and the runs' bounds."""
    column = symbols.combine_chunks()
    n = len(column)
    if n == 0:
        return [], np.zeros(1, dtype=np.int64)
    changed = pc.not_equal(column.slice(1), column.slice(0, n - 1))
    cuts = np.flatnonzero(np.asarray(changed.to_numpy(zero_copy_only=False))) + 1
    bounds = np.concatenate(([0], cuts, [n])).astype(np.int64)
    return column.take(pa.array(bounds[:-1])).to_pylist(), bounds


def grouped(table: pa.Table, wanted: set[str]) -> dict[str, BarSeries]:
    """Rows of yearly files read in file order (a `symbol` column, then SERIES) as a series
    per wanted symbol.

    Each file's rows are sorted by symbol then start, and the files come oldest first, so a
    symbol's rows are runs (one a file), each in time order and the runs in time order: the
    runs are put one symbol's after the other by one gather of each column, and each series
    is a view of that.
    """
    names, bounds = runs(table.column("symbol"))
    firsts, ends = bounds[:-1], bounds[1:]
    code_of: dict[str, int] = {}
    codes = np.array(
        [code_of.setdefault(s, len(code_of)) if s in wanted else -1 for s in names],
        dtype=np.int64,
    )
    kept = np.flatnonzero(codes >= 0)
    by_symbol = kept[np.argsort(codes[kept], kind="stable")]
    lengths = (ends - firsts)[by_symbol]
    offsets = np.cumsum(lengths) - lengths
    order = np.repeat(firsts[by_symbol] - offsets, lengths) + np.arange(int(lengths.sum()))
    in_place = len(order) == table.num_rows and bool(np.all(order[1:] > order[:-1]))
    arrays = {}
    for name in SERIES:
        column = np.asarray(table.column(name).to_numpy(), dtype=np.float64)
        arrays[name] = column if in_place else column[order]
    per_code = np.zeros(len(code_of), dtype=np.int64)
    np.add.at(per_code, codes[kept], ends[kept] - firsts[kept])
    edges = np.concatenate(([0], np.cumsum(per_code)))
    found: dict[str, BarSeries] = {}
    for symbol, code in code_of.items():
        columns = {c: a[edges[code] : edges[code + 1]] for c, a in arrays.items()}  # views
        if not bool(np.all(columns["start"][1:] > columns["start"][:-1])):  # never, by layout
            by_start = np.argsort(columns["start"], kind="stable")
            columns = {c: a[by_start] for c, a in columns.items()}
        found[symbol] = BarSeries(**columns)
    return found
