"""An ESG data CSV as an EsgDataPort (offline; BULWARK_ESG_FILE, default the SYNTHETIC sample).

Lines starting with `#` are comments; a comment `# synthetic: true` marks the file as a
sample (every response then says so). Then a header and one row per issuer:

    symbol,name,sector,as_of,esg_score,environmental,social,governance,tobacco,alcohol,
    gambling,weapons,adult_entertainment,thermal_coal,scope1_tco2e,scope2_tco2e,
    revenue_musd,evic_musd,pcaf_quality

symbol, name, sector and as_of (YYYY-MM-DD) are required; any other cell may be empty (no
figure). Scores 0-100; the six business columns are revenue shares, fractions 0-1; emissions
tCO2e >= 0; revenue and EVIC USD millions >= 0; pcaf_quality 1-5. Columns may come in any
order; unknown columns are refused (a typo would silently drop data). The file is read on
first use and again when it changes; a bad file is EsgDataUnavailable naming line and column.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from domain.analytics.esg.model import EsgRecord, ExclusionCategory
from ports.analytics.esg import EsgDataset, EsgDataUnavailable

REQUIRED = ("symbol", "name", "sector", "as_of")
SCORES = ("esg_score", "environmental", "social", "governance")
SHARES = tuple(c.value for c in ExclusionCategory)
AMOUNTS = ("scope1_tco2e", "scope2_tco2e", "revenue_musd", "evic_musd")
COLUMNS = (*REQUIRED, *SCORES, *SHARES, *AMOUNTS, "pcaf_quality")
MAX_BYTES = 64 * 1024 * 1024
HUNDRED = Decimal(100)


class FileEsgData:
    """EsgDataPort over one CSV file (module doc)."""

    def __init__(self, path: str | Path) -> None:
        self._path = Path(path)
        self._loaded: tuple[int, dict[str, EsgRecord], bool] | None = None

    async def records(self, symbols: Sequence[str]) -> dict[str, EsgRecord]:
        table, _ = await asyncio.to_thread(self._load)
        return {s: table[s] for s in symbols if s in table}

    async def record(self, symbol: str) -> EsgRecord | None:
        table, _ = await asyncio.to_thread(self._load)
        return table.get(symbol.upper())

    async def dataset(self) -> EsgDataset:
        table, synthetic = await asyncio.to_thread(self._load)
        as_of = max((r.as_of for r in table.values()), default=None)
        return EsgDataset(f"file:{self._path.name}", as_of, len(table), synthetic)

    def _load(self) -> tuple[dict[str, EsgRecord], bool]:
        try:
            stat = self._path.stat()
        except OSError:
            raise self._bad("cannot be read") from None
        if self._loaded is not None and self._loaded[0] == stat.st_mtime_ns:
            return self._loaded[1], self._loaded[2]
        if stat.st_size > MAX_BYTES:
            raise self._bad(f"is larger than {MAX_BYTES // 1_048_576} MiB")
        try:
            text = self._path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise self._bad("is not readable UTF-8 text") from None
        table, synthetic = self._parse(text)
        self._loaded = (stat.st_mtime_ns, table, synthetic)
        return table, synthetic

    def _parse(self, text: str) -> tuple[dict[str, EsgRecord], bool]:
        lines = text.splitlines()
        synthetic = any(
            line.strip().lower().replace(" ", "") == "#synthetic:true" for line in lines
        )
        numbered = [(n, line) for n, line in enumerate(lines, 1) if not line.startswith("#")]
        numbered = [(n, line) for n, line in numbered if line.strip()]
        if not numbered:
            raise self._bad("has no header")
        reader = csv.reader(io.StringIO("\n".join(line for _, line in numbered)))
        header = [h.strip().lower() for h in next(reader)]
        unknown = [h for h in header if h not in COLUMNS]
        missing = [h for h in REQUIRED if h not in header]
        if unknown or missing or len(set(header)) != len(header):
            what = f"unknown {unknown}" if unknown else f"missing {missing}"
            raise self._bad(f"line {numbered[0][0]}: header {what or 'repeats a column'}")
        table: dict[str, EsgRecord] = {}
        for (line_no, _), row in zip(numbered[1:], reader, strict=False):
            if len(row) != len(header):
                raise self._bad(f"line {line_no}: {len(row)} cells, the header has {len(header)}")
            cells = dict(zip(header, (c.strip() for c in row), strict=True))
            record = self._record(cells, line_no)
            if record.symbol in table:
                raise self._bad(f"line {line_no}: symbol {record.symbol} repeats")
            table[record.symbol] = record
        return table, synthetic

    def _record(self, cells: dict[str, str], line: int) -> EsgRecord:
        for column in REQUIRED:
            if not cells.get(column):
                raise self._bad(f"line {line}, {column}: required")
        try:
            as_of = date.fromisoformat(cells["as_of"])
        except ValueError:
            raise self._bad(f"line {line}, as_of: not YYYY-MM-DD") from None
        number = {c: self._number(cells.get(c, ""), line, c) for c in (*SCORES, *SHARES, *AMOUNTS)}
        for column in SCORES:
            value = number[column]
            if value is not None and not 0 <= value <= HUNDRED:
                raise self._bad(f"line {line}, {column}: a score is 0 to 100")
        for column in SHARES:
            value = number[column]
            if value is not None and not 0 <= value <= 1:
                raise self._bad(f"line {line}, {column}: a revenue share is a fraction 0 to 1")
        for column in AMOUNTS:
            value = number[column]
            if value is not None and value < 0:
                raise self._bad(f"line {line}, {column}: must be 0 or more")
        quality = cells.get("pcaf_quality", "")
        if quality and quality not in {"1", "2", "3", "4", "5"}:
            raise self._bad(f"line {line}, pcaf_quality: 1 to 5")
        return EsgRecord(
            symbol=cells["symbol"].upper(),
            name=cells["name"],
            sector=cells["sector"],
            as_of=as_of,
            score=number["esg_score"],
            environmental=number["environmental"],
            social=number["social"],
            governance=number["governance"],
            revenue_shares={
                ExclusionCategory(c): v for c in SHARES if (v := number[c]) is not None
            },
            scope1_tco2e=number["scope1_tco2e"],
            scope2_tco2e=number["scope2_tco2e"],
            revenue_musd=number["revenue_musd"],
            evic_musd=number["evic_musd"],
            pcaf_quality=int(quality) if quality else None,
        )

    def _number(self, text: str, line: int, column: str) -> Decimal | None:
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise self._bad(f"line {line}, {column}: not a number") from None
        if not value.is_finite() or len(text) > 40:
            raise self._bad(f"line {line}, {column}: not a finite number")
        return value

    def _bad(self, what: str) -> EsgDataUnavailable:
        return EsgDataUnavailable(f"the ESG data file {self._path.name} {what}")
