"""Illiquid assets of a portfolio (real estate, art, private equity): manual valuations and the
appreciation history they make.

An illiquid asset has no market price: its owner records what it cost (`cost`, on `acquired`)
and, from time to time, what it is worth (a valuation `as_of` a date, by a stated `method`:
an appraisal, a broker's opinion, a fund's capital-account statement, ...). The history is the
cost point followed by the valuations in date order, one a day at most; it is append-only (a
correction is a new valuation, dated later). Money is Decimal in the asset's `currency`.

Appreciation (every point): the change from the previous point (money and fraction), the total
since cost (value - cost and value / cost - 1) and its annualised rate (value / cost) ^
(365 / days) - 1, days counted ACT/365 from `acquired` (null on the acquisition day itself).
A value older than STALE_AFTER_DAYS days is flagged stale: appraisals go out of date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from domain.errors import Conflict, DomainError
from domain.numbers import ZERO

STALE_AFTER_DAYS = 365
MAX_NOTE = 500


class IlliquidKind(StrEnum):
    REAL_ESTATE = "real_estate"
    ART = "art"
    PRIVATE_EQUITY = "private_equity"


class ValuationMethod(StrEnum):
    APPRAISAL = "appraisal"  # an independent appraiser's report
    BROKER_OPINION = "broker_opinion"  # a broker's price opinion / comparable sales
    CAPITAL_ACCOUNT = "capital_account"  # a fund's NAV / capital-account statement
    AUCTION_ESTIMATE = "auction_estimate"  # an auction house's estimate or a sale result
    OWNER_ESTIMATE = "owner_estimate"  # the owner's own estimate


class InvalidIlliquidAsset(DomainError):
    """An illiquid asset's or valuation's field is wrong; `field` names it (422)."""

    code = "INVALID_ILLIQUID_ASSET"


class DuplicateValuation(Conflict):
    """The asset already has a valuation on that date (409): the history is append-only."""

    code = "DUPLICATE_VALUATION"


@dataclass(frozen=True, slots=True)
class IlliquidAsset:
    """An asset held in a portfolio of `owner_id`; `cost` (> 0) in `currency` on `acquired`."""

    id: str
    portfolio_id: str
    owner_id: str
    name: str
    kind: IlliquidKind
    currency: str
    acquired: date
    cost: Decimal
    created_at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class Valuation:
    """What the asset is worth `as_of` a date (>= 0: a write-off is 0), by `method`."""

    asset_id: str
    as_of: date
    value: Decimal
    method: ValuationMethod
    recorded_at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class AppreciationPoint:
    as_of: date
    value: Decimal
    source: str  # "cost" or the valuation method
    change: Decimal | None  # from the previous point, money
    change_fraction: Decimal | None  # from the previous point
    total_appreciation: Decimal  # value - cost
    total_return: Decimal  # value / cost - 1
    annualized_return: float | None  # (value / cost) ^ (365 / days) - 1; None on day 0


@dataclass(frozen=True, slots=True)
class AppreciationHistory:
    points: tuple[AppreciationPoint, ...]
    latest_value: Decimal
    latest_as_of: date
    stale: bool  # the latest value is older than STALE_AFTER_DAYS on `today`


def check_asset(asset: IlliquidAsset, today: date) -> IlliquidAsset:
    if not asset.name.strip() or len(asset.name) > 100 or not asset.name.isprintable():
        raise InvalidIlliquidAsset("name must be 1 to 100 printable characters", field="name")
    if not (asset.cost.is_finite() and asset.cost > ZERO):
        raise InvalidIlliquidAsset("cost must be a positive amount", field="cost")
    if asset.acquired > today:
        raise InvalidIlliquidAsset("acquired is after today (UTC)", field="acquired")
    if len(asset.note) > MAX_NOTE:
        raise InvalidIlliquidAsset(f"note is at most {MAX_NOTE} characters", field="note")
    return asset


def check_valuation(asset: IlliquidAsset, valuation: Valuation, today: date) -> Valuation:
    if not (valuation.value.is_finite() and valuation.value >= ZERO):
        raise InvalidIlliquidAsset("value must not be negative", field="value")
    if valuation.as_of < asset.acquired:
        raise InvalidIlliquidAsset(
            f"as_of is before the asset was acquired ({asset.acquired})", field="as_of"
        )
    if valuation.as_of > today:
        raise InvalidIlliquidAsset("as_of is after today (UTC)", field="as_of")
    if len(valuation.note) > MAX_NOTE:
        raise InvalidIlliquidAsset(f"note is at most {MAX_NOTE} characters", field="note")
    return valuation


def appreciation(
    asset: IlliquidAsset, valuations: Sequence[Valuation], today: date
) -> AppreciationHistory:
    """The cost point, then each valuation in date order, with its appreciation (module doc).
    A valuation on the acquisition day replaces the cost point as that day's value."""
    dated = sorted(valuations, key=lambda v: v.as_of)
    raw: list[tuple[date, Decimal, str]] = []
    if not dated or dated[0].as_of != asset.acquired:
        raw.append((asset.acquired, asset.cost, "cost"))
    raw += [(v.as_of, v.value, v.method.value) for v in dated]
    points = []
    previous: Decimal | None = None
    for as_of, value, source in raw:
        days = (as_of - asset.acquired).days
        ratio = value / asset.cost
        points.append(
            AppreciationPoint(
                as_of=as_of,
                value=value,
                source=source,
                change=None if previous is None else value - previous,
                change_fraction=None if not previous else (value - previous) / previous,
                total_appreciation=value - asset.cost,
                total_return=(value - asset.cost) / asset.cost,
                annualized_return=None if days <= 0 else float(ratio) ** (365.0 / days) - 1.0,
            )
        )
        previous = value
    last = points[-1]
    return AppreciationHistory(
        tuple(points), last.value, last.as_of, (today - last.as_of).days > STALE_AFTER_DAYS
    )
