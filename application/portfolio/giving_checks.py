"""Checks of giving input (application/portfolio/giving.py's use cases): every refusal is 422
INVALID_GIVING_INPUT naming the field. Dates from 2000-01-01 to today; names 1-200 printable
characters; memos up to 1,000; an EIN is nine digits (kept as 12-3456789); money > 0; a cash
gift carries no stock fields and a stock gift all of them (symbol, shares, basis >= 0, an
acquisition date not after the gift); only a donor-advised fund gift names a fund.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.analytics.giving.model import DonationKind, DoneeKind, InvalidGivingInput

FIRST_DATE = date(2000, 1, 1)
MAX_TEXT = 200
MAX_MEMO = 1000
_EIN = re.compile(r"^[0-9]{2}-?[0-9]{7}$")
_SYMBOL = re.compile(r"^[A-Za-z0-9.\-]{1,32}$")
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class NewDonation:
    donated_on: date
    donee: str
    donee_kind: DoneeKind
    kind: DonationKind
    fair_market_value: Decimal
    donee_ein: str | None = None
    fund: str | None = None
    symbol: str | None = None
    shares: Decimal | None = None
    cost_basis: Decimal | None = None
    acquired: date | None = None
    memo: str = ""


@dataclass(frozen=True, slots=True)
class NewGrant:
    fund: str
    granted_on: date
    grantee: str
    amount: Decimal
    grantee_ein: str | None = None
    memo: str = ""


def checked_donation(new: NewDonation, today: date) -> NewDonation:
    """`new` with its text trimmed, symbol upper-cased, EIN as 12-3456789; refusals name
    the field (module doc)."""
    check_day(new.donated_on, "donated_on", today)
    donee = text_field(new.donee, "donee")
    check_positive(new.fair_market_value, "fair_market_value")
    fund = None
    if new.donee_kind is DoneeKind.DONOR_ADVISED_FUND:
        if new.fund is None:
            raise InvalidGivingInput("a donor-advised fund gift names its fund", field="fund")
        fund = text_field(new.fund, "fund")
    elif new.fund is not None:
        raise InvalidGivingInput("only a donor-advised fund gift names a fund", field="fund")
    stock_fields = {
        "symbol": new.symbol, "shares": new.shares,
        "cost_basis": new.cost_basis, "acquired": new.acquired,
    }  # fmt: skip
    if new.kind is DonationKind.CASH:
        for name, value in stock_fields.items():
            if value is not None:
                raise InvalidGivingInput(f"a cash gift has no {name}", field=name)
    else:
        for name, value in stock_fields.items():
            if value is None:
                raise InvalidGivingInput(f"a stock gift needs its {name}", field=name)
        assert new.symbol is not None and new.shares is not None
        assert new.cost_basis is not None and new.acquired is not None
        if _SYMBOL.fullmatch(new.symbol) is None:
            raise InvalidGivingInput("a symbol is 1 to 32 letters, digits, . or -", field="symbol")
        check_positive(new.shares, "shares")
        if not new.cost_basis.is_finite() or new.cost_basis < ZERO:
            raise InvalidGivingInput("cost_basis must be 0 or more", field="cost_basis")
        if new.acquired > new.donated_on:
            raise InvalidGivingInput("acquired after it was given", field="acquired")
    return NewDonation(
        donated_on=new.donated_on,
        donee=donee,
        donee_kind=new.donee_kind,
        kind=new.kind,
        fair_market_value=new.fair_market_value,
        donee_ein=ein_field(new.donee_ein, "donee_ein"),
        fund=fund,
        symbol=None if new.symbol is None else new.symbol.upper(),
        shares=new.shares,
        cost_basis=new.cost_basis,
        acquired=new.acquired,
        memo=memo_field(new.memo),
    )


def check_day(day: date, field: str, today: date) -> None:
    if not FIRST_DATE <= day <= today:
        raise InvalidGivingInput(
            f"{field} must be from {FIRST_DATE} to today ({today})", field=field
        )


def decode_cursor(cursor: str) -> tuple[date, str]:
    day, sep, item = cursor.partition("~")
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        parsed = None
    if parsed is None or not sep or not item or len(cursor) > 128:
        raise InvalidGivingInput("a cursor this API did not make", field="cursor")
    return parsed, item


def check_year(year: int, field: str) -> None:
    if not FIRST_DATE.year <= year <= 2100:
        raise InvalidGivingInput(f"a year from {FIRST_DATE.year} to 2100", field=field)


def text_field(value: str, field: str) -> str:
    text = value.strip()
    if not text or len(text) > MAX_TEXT or not text.isprintable():
        raise InvalidGivingInput(
            f"{field} must be 1 to {MAX_TEXT} printable characters", field=field
        )
    return text


def memo_field(value: str) -> str:
    if len(value) > MAX_MEMO or not all(ch.isprintable() or ch in "\n\t" for ch in value):
        raise InvalidGivingInput(f"memo: at most {MAX_MEMO} printable characters", field="memo")
    return value


def ein_field(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    if _EIN.fullmatch(value) is None:
        raise InvalidGivingInput("an EIN is 9 digits, as 12-3456789", field=field)
    digits = value.replace("-", "")
    return f"{digits[:2]}-{digits[2:]}"


def check_positive(value: Decimal, field: str) -> None:
    if not value.is_finite() or value <= ZERO:
        raise InvalidGivingInput(f"{field} must be greater than 0", field=field)
