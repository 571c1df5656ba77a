"""A symbol's corporate actions as one JSON file, replaced atomically under the folder's lock."""

from __future__ import annotations

import json
import os
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from adapters.parquet_bars.files import locked
from domain.market_data.corporate_actions import ActionKind, CorporateAction


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def actions_path(root: Path, symbol: str) -> Path:
    return root / "actions" / f"symbol={quote(symbol, safe='')}.json"


def read_actions(path: Path, symbol: str) -> list[CorporateAction]:
    try:
        rows = json.loads(path.read_text())
    except FileNotFoundError:
        return []
    return [
        CorporateAction(
            symbol=symbol,
            kind=ActionKind(row["kind"]),
            ex_date=date.fromisoformat(row["ex_date"]),
            value=Decimal(row["value"]),
            reference_close=None
            if row["reference_close"] is None
            else Decimal(row["reference_close"]),
        )
        for row in rows
    ]


def merge_actions(path: Path, symbol: str, actions: list[CorporateAction]) -> None:
    """Add `actions` to the file, a later action of the same key replacing the stored one."""
    with locked(path.parent):
        by_key = {a.key: a for a in read_actions(path, symbol)}
        by_key.update((a.key, a) for a in actions)
        rows = [
            {
                "kind": a.kind.value,
                "ex_date": a.ex_date.isoformat(),
                "value": str(a.value),
                "reference_close": None if a.reference_close is None else str(a.reference_close),
            }
            for a in sorted(by_key.values(), key=lambda a: (a.ex_date, a.kind))
        ]
        temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        with open(temporary, "w") as handle:
            json.dump(rows, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
