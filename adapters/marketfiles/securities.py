"""The security master for 13F as a SecuritiesMasterPort (offline;
BULWARK_SEC13F_DIR/securities.csv, default the shipped SAMPLE in data/sec13f/).

`symbol,cusip,figi,name_of_issuer,title_of_class,listed_13f` rows; `#` lines are comments and
`# official_list_period: 2024 Q4` names the Official List's period. A malformed row is
DataSourceUnavailable naming the file and line (503).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from pathlib import Path

from adapters.marketfiles.cached import CachedFile, bad_row
from ports.markets.sec13f import Security13F

HEADER = ["symbol", "cusip", "figi", "name_of_issuer", "title_of_class", "listed_13f"]
_PERIOD = "# official_list_period:"


class FileSecuritiesMaster:
    """SecuritiesMasterPort over `directory`/securities.csv."""

    name = "file"

    def __init__(self, directory: str | Path) -> None:
        self._file = CachedFile(Path(directory) / "securities.csv", _parse)

    async def lookup(self, symbols: Collection[str]) -> dict[str, Security13F]:
        known, _ = await self._file.get()
        return {s: known[s] for s in {x.upper() for x in symbols} if s in known}

    async def list_period(self) -> str:
        return (await self._file.get())[1]


def _parse(text: str, name: str) -> tuple[dict[str, Security13F], str]:
    period, lines = "unknown", []
    for line in text.splitlines():
        if line.lower().startswith(_PERIOD):
            period = line[len(_PERIOD) :].strip() or period
        lines.append("" if line.lstrip().startswith("#") else line)
    reader = csv.reader(io.StringIO("\n".join(lines)))
    known: dict[str, Security13F] = {}
    header_seen = False
    for number, row in enumerate(reader, start=1):
        if not row or all(not c.strip() for c in row):
            continue
        cells = [c.strip() for c in row]
        if not header_seen:
            if [c.lower() for c in cells] != HEADER:
                raise bad_row(name, number, f"expected the header {','.join(HEADER)}")
            header_seen = True
            continue
        if len(cells) != len(HEADER):
            raise bad_row(name, number, f"expected {len(HEADER)} columns")
        symbol, cusip, figi, issuer, title, listed = cells
        if not symbol or len(cusip) != 9 or not issuer or not title:
            raise bad_row(name, number, "symbol, a 9-character cusip, issuer and title needed")
        if listed.lower() not in ("true", "false"):
            raise bad_row(name, number, "listed_13f must be true or false")
        known[symbol.upper()] = Security13F(
            symbol.upper(), cusip.upper(), issuer, title, figi.upper() or None,
            listed.lower() == "true",
        )  # fmt: skip
    if not header_seen:
        raise bad_row(name, 1, f"expected the header {','.join(HEADER)}")
    return known, period
