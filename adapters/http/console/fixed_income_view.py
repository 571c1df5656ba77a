"""The fixed-income page's forms (one bond; a ladder typed a rung a line) and what it shows.

Conventions are the use case's (application/analytics/fixed_income.py) and are named on the
page: yields and coupons are annual fractions (0.05 = 5 %), the yield compounded `frequency`
times a year; prices and accrued interest per 100 face; durations in years, convexity in
years^2; DV01 and money in the currency named, per 1 bp fall of the yield. The ladder's
cash-flow schedule is each rung's remaining flows (per 100 face, scaled to its face) added up
by pay date: coupons, and the redemption of the face at maturity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, date, datetime, time
from typing import Any

from adapters.http.console.form_fields import FieldReader
from application.analytics.fixed_income import BondRequest, BondSpec, LadderRequest
from domain.fixedincome.daycount import DAY_COUNT_NAMES
from domain.fixedincome.ladder import LadderAnalytics

FREQUENCIES = ("1", "2", "4")
MAX_RUNGS = 100
_SPLIT = re.compile(r"[\s,;]+")
RUNG_FORMAT = "MATURITY COUPON YIELD FACE (e.g. 2028-06-15 0.04 0.045 10000)"


def bond_defaults(today: date) -> dict[str, str]:
    return {
        "settlement": today.isoformat(),
        "maturity": date(today.year + 10, today.month, min(today.day, 28)).isoformat(),
        "issue_date": "",
        "coupon_rate": "0.045",
        "frequency": "2",
        "day_count": "30/360 US",
        "yield_rate": "0.05",
        "clean_price": "",
        "face": "10000",
        "currency": "USD",
        "shocks_bp": "",
    }


def ladder_defaults(today: date) -> dict[str, str]:
    day = min(today.day, 28)
    rungs = [
        f"{date(today.year + k, today.month, day).isoformat()} {0.035 + 0.0025 * k:.4f} "
        f"{0.038 + 0.002 * k:.4f} 10000"
        for k in range(1, 6)
    ]
    return {
        "settlement": today.isoformat(),
        "frequency": "2",
        "day_count": "30/360 US",
        "currency": "USD",
        "rungs": "\n".join(rungs),
        "shocks_bp": "",
    }


def read_shocks(reader: FieldReader) -> list[float] | None:
    text = reader.text("shocks_bp")
    if not text:
        return None
    try:
        return [float(part) for part in _SPLIT.split(text) if part]
    except ValueError:
        reader.errors["shocks_bp"] = "shocks_bp: basis points separated by spaces, e.g. -100 100"
        return None


def _frequency(reader: FieldReader) -> int:
    return int(reader.choice("frequency", FREQUENCIES) or 2)


def read_bond_form(reader: FieldReader) -> BondRequest | None:
    """The bond request as typed, or None with the errors by field."""
    settlement, maturity = reader.day("settlement"), reader.day("maturity")
    issue = reader.day("issue_date", required=False)
    coupon = reader.decimal("coupon_rate")
    frequency = _frequency(reader)
    day_count = reader.choice("day_count", DAY_COUNT_NAMES)
    yield_rate = reader.decimal("yield_rate", required=False)
    clean = reader.decimal("clean_price", required=False)
    face = reader.decimal("face")
    shocks = read_shocks(reader)
    if reader.errors or settlement is None or maturity is None or coupon is None:
        return None
    if face is None or day_count is None:
        return None
    spec = BondSpec(
        maturity=maturity,
        coupon_rate=float(coupon),
        frequency=frequency,
        day_count=day_count,
        issue_date=issue,
        yield_rate=None if yield_rate is None else float(yield_rate),
        clean_price=None if clean is None else float(clean),
        face=float(face),
    )
    return BondRequest(settlement, spec, reader.text("currency").upper() or "USD", shocks)


def _rung(line: str, frequency: int, day_count: str) -> BondSpec:
    parts = [p for p in _SPLIT.split(line) if p]
    if len(parts) != 4:
        raise ValueError(RUNG_FORMAT)
    return BondSpec(
        maturity=date.fromisoformat(parts[0]),
        coupon_rate=float(parts[1]),
        frequency=frequency,
        day_count=day_count,
        yield_rate=float(parts[2]),
        face=float(parts[3]),
    )


def read_ladder_form(reader: FieldReader) -> LadderRequest | None:
    """The ladder request as typed (every rung shares the frequency and day count)."""
    settlement = reader.day("settlement")
    frequency = _frequency(reader)
    day_count = reader.choice("day_count", DAY_COUNT_NAMES)
    shocks = read_shocks(reader)
    lines = [line.strip() for line in reader.text("rungs").splitlines() if line.strip()]
    bonds: list[BondSpec] = []
    if not 1 <= len(lines) <= MAX_RUNGS:
        reader.errors["rungs"] = f"rungs: 1 to {MAX_RUNGS} lines, {RUNG_FORMAT}"
    for number, line in enumerate(lines[:MAX_RUNGS], start=1):
        try:
            bonds.append(_rung(line, frequency, day_count or "30/360 US"))
        except ValueError:
            reader.errors["rungs"] = f"rungs: line {number}: {RUNG_FORMAT}"
            break
    if reader.errors or settlement is None or day_count is None:
        return None
    return LadderRequest(settlement, bonds, reader.text("currency").upper() or "USD", shocks)


_RUNG_FIELD = re.compile(r"^bonds\[(\d+)\]\.(\w+)$")


def ladder_field(field: str, message: str) -> tuple[str, str]:
    """A use-case field (`bonds[2].yield_rate`) as the form's field and message (line 3)."""
    found = _RUNG_FIELD.match(field)
    if found:
        return "rungs", f"rungs: line {int(found.group(1)) + 1}: {message}"
    if field == "bonds":
        return "rungs", f"rungs: {message}"
    return field, f"{field}: {message}"


def cash_flow_schedule(a: LadderAnalytics) -> list[dict[str, Any]]:
    """Per pay date: coupons, principal (the face redeemed at maturity) and total, in money."""
    coupons: dict[date, float] = defaultdict(float)
    principal: dict[date, float] = defaultdict(float)
    for p in a.positions:
        scale = p.face / 100.0
        flows = p.analytics.flows
        for day, amount in zip(flows.pay_dates, flows.amounts.tolist(), strict=True):
            money = amount * scale
            if day == p.analytics.bond.maturity:
                principal[day] += p.face
                money -= p.face
            coupons[day] += money
    days = sorted(set(coupons) | set(principal))
    return [
        {
            "date": day,
            "coupon": coupons[day],
            "principal": principal[day],
            "total": coupons[day] + principal[day],
        }
        for day in days
    ]


def schedule_chart(schedule: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars per pay date (unix seconds at 00:00 UTC): the total paid that day."""
    return {
        "x": [int(datetime.combine(r["date"], time(), UTC).timestamp()) for r in schedule],
        "series": {"Cash flow": [round(r["total"], 2) for r in schedule]},
        "bars": True,
    }


def shock_chart(shocks: Any) -> dict[str, Any]:
    """The value change against the yield shift (bp): full repricing beside the duration and
    the duration + convexity estimates (per 100 face for a bond, money for a ladder)."""
    ordered = sorted(shocks, key=lambda s: s.shift_bp)
    return {
        "x": [s.shift_bp for s in ordered],
        "series": {
            "Full repricing": [round(s.full_change, 6) for s in ordered],
            "Duration": [round(s.duration_estimate, 6) for s in ordered],
            "Duration + convexity": [round(s.estimate, 6) for s in ordered],
        },
        "time": False,
        "xLabel": "Shift (bp)",
    }
