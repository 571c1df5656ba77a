"""Reading the giving page's forms (a donation, a DAF grant, the deduction's AGI) into the
giving use cases' inputs; a field that cannot be used is kept in `reader.errors` beside it.

`form_field` turns the field a use case names (`fair_market_value`, `agi.2024`) into the form's
own, so a refusal is shown beside what the user typed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from adapters.http.console.form_fields import FieldReader
from application.portfolio.giving import NewDonation, NewGrant
from domain.analytics.giving.model import DonationKind, DoneeKind

DONEE_KINDS = [k.value for k in DoneeKind]
KINDS = [k.value for k in DonationKind]
_AGI_LINE = re.compile(r"^\s*(\d{4})\s*[:=,\s]\s*(\S+)\s*$")


def form_field(service_field: str, *, tax_year: int | None = None) -> str:
    """The form field beside which the use case's refusal of `service_field` is shown."""
    if service_field == "fair_market_value":
        return "amount"
    if service_field.startswith("agi."):
        year = service_field.removeprefix("agi.")
        return "agi" if tax_year is not None and year == str(tax_year) else "earlier_agi"
    return service_field or "amount"


def donation(reader: FieldReader) -> NewDonation | None:
    """The donation a posted form records (None while a field has an error)."""
    donated_on = reader.day("donated_on")
    donee = reader.text("donee")
    if not donee:
        reader.errors["donee"] = "donee: required"
    donee_kind = reader.choice("donee_kind", DONEE_KINDS)
    kind = reader.choice("kind", KINDS)
    amount = reader.decimal("amount")
    shares = reader.decimal("shares", required=False)
    basis = reader.decimal("cost_basis", required=False)
    acquired = reader.day("acquired", required=False)
    if reader.errors or donated_on is None or donee_kind is None or kind is None:
        return None
    if amount is None:
        return None
    return NewDonation(
        donated_on=donated_on,
        donee=donee[:200],
        donee_kind=DoneeKind(donee_kind),
        kind=DonationKind(kind),
        fair_market_value=amount,
        donee_ein=reader.text("donee_ein")[:10] or None,
        fund=reader.text("fund")[:200] or None,
        symbol=reader.text("symbol")[:32] or None,
        shares=shares,
        cost_basis=basis,
        acquired=acquired,
        memo=reader.text("memo")[:1000],
    )


def grant(reader: FieldReader) -> NewGrant | None:
    """The DAF grant a posted form records (None while a field has an error)."""
    fund = reader.text("fund")
    if not fund:
        reader.errors["fund"] = "fund: required"
    granted_on = reader.day("granted_on")
    grantee = reader.text("grantee")
    if not grantee:
        reader.errors["grantee"] = "grantee: required"
    amount = reader.decimal("amount")
    if reader.errors or granted_on is None or amount is None:
        return None
    return NewGrant(
        fund=fund[:200],
        granted_on=granted_on,
        grantee=grantee[:200],
        amount=amount,
        grantee_ein=reader.text("grantee_ein")[:10] or None,
        memo=reader.text("memo")[:1000],
    )


def deduction(reader: FieldReader) -> tuple[int, dict[int, Decimal]] | None:
    """The tax year and the AGI by year: the year's own field, then `YEAR=AGI` lines."""
    tax_year = reader.integer("tax_year")
    agi = reader.decimal("agi")
    by_year: dict[int, Decimal] = {}
    for number, line in enumerate(reader.text("earlier_agi").splitlines(), start=1):
        if not line.strip():
            continue
        found = _AGI_LINE.match(line)
        try:
            if found is None:
                raise ValueError
            by_year[int(found.group(1))] = Decimal(found.group(2).replace(",", ""))
        except (ValueError, ArithmeticError):
            reader.errors["earlier_agi"] = f"earlier_agi: line {number} is not “YEAR=AGI”"
            break
    if reader.errors or tax_year is None or agi is None:
        return None
    by_year[tax_year] = agi
    return tax_year, by_year
