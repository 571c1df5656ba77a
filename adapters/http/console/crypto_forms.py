"""Reading the crypto page's forms into the crypto use cases' requests, errors by field.

Each reader takes a `FieldReader` over the posted form and answers the request to run, or None
while a field has an error (kept in `reader.errors` under the form's own field name). A time
series is typed one observation a line, `time, value` (RFC 3339 with a zone). `form_field`
turns a field the use case names (`prices[3]`, `at[2]`, `wallets[0].chain_id`) back into the
form's field, so a refusal is shown beside what the user typed.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from adapters.http.console.form_fields import FieldReader
from application.analytics.crypto import GasRequest, ImpermanentLossRequest, PoolDrainRequest
from application.analytics.crypto_wallets import WalletRequest

DEFAULT_RATIOS = "0.2, 0.33, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 3, 5"
MAX_RATIOS = 200
MAX_LINES = 10_000  # observations typed in a series box
_SPLIT = re.compile(r"[\s,;]+")
_INDEXED = re.compile(r"^(?:range\.)?([a-z_]+)(?:\[(\d+)\])?")
# Use-case field -> form field, per calculator.
_FIELDS = {
    "impermanent-loss": {"prices": "ratios", "entry_price": "entry_price", "deposit": "deposit",
                         "lower": "lower", "upper": "upper"},
    "pool-drain": {"at": "series", "tvl": "series", "window": "window_hours",
                   "window_hours": "window_hours", "threshold": "threshold"},
    "gas": {"at": "series", "gwei": "series", "window": "window", "threshold": "threshold",
            "hours": "hours", "min_samples": "hours", "timezone": "timezone"},
}  # fmt: skip


def form_field(kind: str, field: str) -> str:
    """The form field beside which a use case's refusal of `field` is shown."""
    if kind == "wallets":
        for name in ("chain_id", "tokens", "address"):
            if name in field:
                return name
        return "address"
    found = _INDEXED.match(field)
    name = found.group(1) if found else field
    return _FIELDS.get(kind, {}).get(name, name)


def line_of(field: str) -> int | None:
    """The line (1-based) of a series observation a use case's field names (`at[2]`: 3)."""
    found = _INDEXED.match(field)
    return int(found.group(2)) + 1 if found and found.group(2) is not None else None


def impermanent_loss(reader: FieldReader) -> tuple[ImpermanentLossRequest, list[Decimal]] | None:
    """The request, and the price ratios it values the position at (the chart's x)."""
    entry = reader.decimal("entry_price")
    deposit = reader.decimal("deposit", required=False)
    lower = reader.decimal("lower", required=False)
    upper = reader.decimal("upper", required=False)
    ratios = _decimals(reader, "ratios", MAX_RATIOS)
    if (lower is None) != (upper is None) and "lower" not in reader.errors:
        reader.errors["lower" if lower is None else "upper"] = (
            "a range needs both lower and upper (or neither: the full range)"
        )
    if reader.errors or entry is None or ratios is None:
        return None
    if not entry.is_finite() or entry <= 0:
        reader.errors["entry_price"] = "entry_price: must be greater than 0"
        return None
    request = ImpermanentLossRequest(
        entry_price=entry,
        prices=[entry * r for r in ratios],
        deposit=deposit if deposit is not None else Decimal(1),
        lower=lower,
        upper=upper,
    )
    return request, ratios


def pool_drain(reader: FieldReader) -> PoolDrainRequest | None:
    series = _series(reader)
    hours = reader.decimal("window_hours")
    threshold = reader.decimal("threshold")
    if reader.errors or series is None or hours is None or threshold is None:
        return None
    if not 0 < hours <= 8784:
        reader.errors["window_hours"] = "window_hours: must be above 0 and at most 8784"
        return None
    at, values = series
    return PoolDrainRequest(
        at=at, tvl=values, window=timedelta(hours=float(hours)), threshold=threshold
    )


def gas(reader: FieldReader) -> GasRequest | None:
    series = _series(reader)
    window = reader.integer("window")
    threshold = reader.decimal("threshold")
    hours = reader.integer("hours")
    zone = reader.text("timezone") or "UTC"
    if reader.errors or series is None or window is None or threshold is None or hours is None:
        return None
    at, values = series
    return GasRequest(
        at=at, gwei=[float(v) for v in values], window=window, threshold=float(threshold),
        hours=hours, timezone=zone[:64],
    )  # fmt: skip


def wallet(reader: FieldReader, chain_ids: list[str]) -> WalletRequest | None:
    chain = reader.choice("chain_id", chain_ids)
    address = reader.text("address")
    if not address:
        reader.errors["address"] = "address: required"
    tokens = tuple(t for t in _SPLIT.split(reader.text("tokens")) if t)
    if reader.errors or chain is None:
        return None
    return WalletRequest(int(chain), address[:42], tuple(t[:42] for t in tokens))


def _decimals(reader: FieldReader, name: str, cap: int) -> list[Decimal] | None:
    words = [w for w in _SPLIT.split(reader.text(name)) if w]
    if not words:
        reader.errors[name] = f"{name}: required"
        return None
    if len(words) > cap:
        reader.errors[name] = f"{name}: at most {cap} values"
        return None
    values = []
    for i, word in enumerate(words, start=1):
        try:
            value = Decimal(word)
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite() or value <= 0:
            reader.errors[name] = f"{name}: value {i} ({word[:20]!r}) must be a number above 0"
            return None
        values.append(value)
    return values


def _series(reader: FieldReader) -> tuple[list[datetime], list[Decimal]] | None:
    """`time, value` lines (blank lines skipped): the times and the values, in order."""
    lines = [ln.strip() for ln in reader.text("series").splitlines() if ln.strip()]
    if not lines:
        reader.errors["series"] = "series: required, one “time, value” a line"
        return None
    if len(lines) > MAX_LINES:
        reader.errors["series"] = f"series: at most {MAX_LINES:,} lines"
        return None
    at: list[datetime] = []
    values: list[Decimal] = []
    for number, line in enumerate(lines, start=1):
        parts = [p for p in _SPLIT.split(line) if p]
        try:
            if len(parts) != 2:
                raise ValueError
            when = datetime.fromisoformat(parts[0].replace("Z", "+00:00"))
            value = Decimal(parts[1])
        except (ValueError, InvalidOperation):
            reader.errors["series"] = f"series: line {number} is not “time, value”"
            return None
        if when.tzinfo is None:
            reader.errors["series"] = f"series: line {number}: the time needs a zone (Z)"
            return None
        if not value.is_finite() or value < 0:
            reader.errors["series"] = f"series: line {number}: the value must be 0 or more"
            return None
        at.append(when)
        values.append(value)
    return at, values
