"""The tax-loss harvesting page's reading of its form and what it shows of the plan.

The plan is the use case's (application/portfolio/tax_harvesting.py, answered through the API's
own DTO so every figure is the string POST /api/v1/tax/harvesting answers). What this module
adds is for the eye: each candidate's wash-sale window if it is sold today (30 days before and
after the sale, IRC 1091), each blocked lot's window from the buy that blocks it, and whether a
candidate's account is a trading account (only those can be sold from here, through the gate).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import msgspec

from adapters.http.console.form_fields import FieldReader
from adapters.http.portfolio.tax_harvest_schemas import HarvestOut
from application.portfolio.tax_harvesting import HarvestReport, HarvestRequest
from domain.errors import DomainError, NotFound
from domain.numbers import ZERO
from domain.tax.harvesting import WASH_DAYS

FILING_STATUSES = ("", "single", "married_joint")
_ID_MAX = 64


class HarvestCandidateNotFound(NotFound):
    """The lot is not (or no longer) one of the caller's harvesting candidates."""

    code = "HARVEST_CANDIDATE_NOT_FOUND"


class HarvestNotTradable(DomainError):
    """The lot is held in a manual account: it is sold at its institution, not from here."""

    code = "HARVEST_NOT_TRADABLE"


@dataclass(slots=True)
class HarvestForm:
    """The page's question as typed, the errors by field, and the request it makes."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    request: HarvestRequest | None = None


def read_form(query: Mapping[str, Any]) -> HarvestForm:
    """The harvesting question of the page's query string (every field optional; `income` is
    the year's taxable ordinary income without gains, which the savings depend on)."""
    fields = ("portfolio_id", "min_loss", "filing", "income")
    reader = FieldReader({k: query.get(k, "") for k in fields})
    portfolio_id = reader.text("portfolio_id")[:_ID_MAX] or None
    min_loss = reader.decimal("min_loss", required=False)
    if min_loss is not None and min_loss < 0:
        reader.errors["min_loss"] = "min_loss: must be 0 or more dollars"
    filing = reader.choice("filing", FILING_STATUSES, required=False) or None
    income = reader.decimal("income", required=False)
    form = HarvestForm(reader.values, reader.errors)
    if not reader.errors:
        form.request = HarvestRequest(
            min_loss=min_loss,
            filing_status=filing,
            ordinary_income=income if income is not None else ZERO,
            portfolio_id=portfolio_id,
        )
    return form


def wash_window(day: date) -> tuple[date, date]:
    """The 61 days around `day` in which a purchase of the same security washes a loss."""
    return day - timedelta(days=WASH_DAYS), day + timedelta(days=WASH_DAYS)


def plan_view(report: HarvestReport, tradable: Iterable[str]) -> dict[str, Any]:
    """The plan as the API answers it, with each candidate's and blocked lot's window."""
    plan: dict[str, Any] = msgspec.to_builtins(HarvestOut.from_report(report))
    trading = frozenset(tradable)
    start, end = wash_window(report.as_of)
    for candidate in plan["candidates"]:
        candidate["window_start"], candidate["window_end"] = start.isoformat(), end.isoformat()
        candidate["tradable"] = candidate["account_id"] in trading
    for blocked in plan["blocked"]:
        for block in blocked["blocks"]:
            if block["day"] is None:
                block["window_end"] = None
                continue
            block["window_end"] = wash_window(date.fromisoformat(block["day"]))[1].isoformat()
    return plan


def trading_accounts(portfolios: Iterable[Any]) -> set[str]:
    """The ids of the trading accounts among the caller's portfolios' accounts."""
    return {a.id for p in portfolios for a in p.accounts if a.kind == "trading"}


def candidate_of(report: HarvestReport, lot_id: str) -> Any:
    """The caller's candidate of lot `lot_id` (404 when it is none of theirs, or no longer one)."""
    for candidate in report.candidates:
        if candidate.lot.lot.id == lot_id:
            return candidate
    raise HarvestCandidateNotFound(
        f"lot {lot_id[:_ID_MAX]} is not (or no longer) a harvesting candidate of yours"
    )
