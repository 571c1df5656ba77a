"""The alternatives allocator on posted inputs (docs/alternatives.md): nothing stored.

Four sleeves, each a pure rule of domain/analytics/alternatives applied to an `amount` of money
(Decimal, in `currency`, split to the cent: the parts never add up to more than the amount, and
what a rule leaves unallocated is said): crypto (capped market-cap weights above a floor), REITs
(equal property-sector weights), private equity (Rule 501(a) / qualified-purchaser eligibility,
then the funds the investor may enter), commodities (weights by positive inflation beta).
Requests are bounded (MAX_ITEMS assets or funds, MAX_PERIODS periods), so the work is small
and runs inline. Refusals are 422 with a stable code naming the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from domain.analytics.alternatives.accredited import (
    Eligibility,
    Fund,
    FundAllocation,
    InvestorFinances,
    Requirement,
    allocate_funds,
    eligibility,
)
from domain.analytics.alternatives.commodities import (
    InflationBeta,
    beta_weights,
    inflation_beta,
    inflation_from_cpi,
)
from domain.analytics.alternatives.crypto import (
    DEFAULT_MARKET_CAP_FLOOR,
    MAX_SINGLE_ASSET,
    CryptoAsset,
    capped_weights,
    crypto_weights,
)
from domain.analytics.alternatives.errors import (
    EmptyAlternatives,
    InvalidAlternativesInput,
    TooManyAlternatives,
)
from domain.analytics.alternatives.limits import (
    AlternativesLimits,
    annualised_volatility,
    tighter,
    volatility_scale,
)
from domain.analytics.alternatives.money import split
from domain.analytics.alternatives.reits import Reit, reit_weights
from domain.portfolio.currencies import is_currency

MAX_ITEMS = 500
MAX_PERIODS = 1_200  # a century of months
MAX_SYMBOL = 64


@dataclass(frozen=True, slots=True)
class Allocation:
    """One holding of a sleeve: its weight (fraction of the amount) and money."""

    symbol: str
    weight: float
    amount: Decimal


@dataclass(frozen=True, slots=True)
class SleeveResult:
    """The allocations, what is left unallocated (money) and why, in `currency`."""

    currency: str
    amount: Decimal
    allocations: tuple[Allocation, ...]
    unallocated: Decimal
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CryptoResult:
    sleeve: SleeveResult
    below_floor: tuple[str, ...]
    max_weight: float
    market_cap_floor: Decimal


@dataclass(frozen=True, slots=True)
class ReitResult:
    sleeve: SleeveResult
    sectors: dict[str, str]  # symbol -> sector
    sector_weights: dict[str, float]
    herfindahl: float
    effective_sectors: float


@dataclass(frozen=True, slots=True)
class PrivateEquityResult:
    currency: str
    amount: Decimal
    eligibility: Eligibility
    funds: tuple[FundAllocation, ...]
    unallocated: Decimal
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CommodityResult:
    sleeve: SleeveResult
    betas: dict[str, InflationBeta]


def _sleeve(
    amount: Decimal, currency: str, symbols: Sequence[str], weights: Sequence[float],
    notes: Sequence[str] = (),
) -> SleeveResult:  # fmt: skip
    parts = split(amount, weights)
    allocations = tuple(
        Allocation(s, w, p) for s, w, p in zip(symbols, weights, parts, strict=True)
    )
    return SleeveResult(
        currency, amount, allocations, amount - sum(parts, Decimal(0)), tuple(notes)
    )


def _check(amount: Decimal, currency: str, symbols: Sequence[str], field: str) -> None:
    if not is_currency(currency):
        raise InvalidAlternativesInput(
            f"currency must be an ISO 4217 code, got {currency[:8]!r}", field="currency"
        )
    if not amount > 0:
        raise InvalidAlternativesInput("amount must be positive", field="amount")
    if not symbols:
        raise EmptyAlternatives(f"{field} is empty: nothing to allocate across", field=field)
    if len(symbols) > MAX_ITEMS:
        raise TooManyAlternatives(f"at most {MAX_ITEMS} a request, got {len(symbols)}", field=field)
    seen: set[str] = set()
    for index, symbol in enumerate(symbols):
        if not symbol or len(symbol) > MAX_SYMBOL or not symbol.isprintable():
            raise InvalidAlternativesInput(
                f"a name is 1 to {MAX_SYMBOL} printable characters", field=f"{field}[{index}]"
            )
        if symbol in seen:
            raise InvalidAlternativesInput(f"{symbol!r} is listed twice", field=f"{field}[{index}]")
        seen.add(symbol)


def allocate_crypto(
    amount: Decimal,
    currency: str,
    assets: Sequence[CryptoAsset],
    max_weight: float = MAX_SINGLE_ASSET,
    market_cap_floor: Decimal = DEFAULT_MARKET_CAP_FLOOR,
) -> CryptoResult:
    """Capped market-cap weights (at most 40 % an asset) over the assets above the floor."""
    _check(amount, currency, [a.symbol for a in assets], "assets")
    for index, asset in enumerate(assets):
        if not asset.market_cap > 0:
            raise InvalidAlternativesInput(
                "market_cap must be positive", field=f"assets[{index}].market_cap"
            )
    if not market_cap_floor >= 0:
        raise InvalidAlternativesInput("market_cap_floor must not be negative",
                                       field="market_cap_floor")  # fmt: skip
    found = crypto_weights(assets, cap=max_weight, floor=market_cap_floor)
    notes = []
    if found.below_floor:
        notes.append(f"below the {market_cap_floor} {currency} market-cap floor: "
                     + ", ".join(found.below_floor))  # fmt: skip
    if found.unallocated > 1e-12:
        notes.append(f"{len(found.weights)} eligible asset(s) at most {max_weight:g} each cannot "
                     "hold the whole sleeve: the rest is left unallocated")  # fmt: skip
    symbols = list(found.weights)
    sleeve = _sleeve(amount, currency, symbols, [found.weights[s] for s in symbols], notes)
    return CryptoResult(sleeve, found.below_floor, max_weight, market_cap_floor)


def allocate_reits(
    amount: Decimal, currency: str, reits: Sequence[Reit], max_sector_weight: float | None = None
) -> ReitResult:
    """Equal weights across the property sectors present, market-cap weights within each."""
    _check(amount, currency, [r.symbol for r in reits], "reits")
    for index, reit in enumerate(reits):
        if not reit.market_cap > 0:
            raise InvalidAlternativesInput(
                "market_cap must be positive", field=f"reits[{index}].market_cap"
            )
    found = reit_weights(reits, max_sector_weight)
    symbols = [r.symbol for r in reits]
    sleeve = _sleeve(amount, currency, symbols, [found.weights[s] for s in symbols])
    return ReitResult(
        sleeve,
        {r.symbol: r.sector for r in reits},
        found.sector_weights,
        found.herfindahl,
        found.effective_sectors,
    )


def allocate_private_equity(
    amount: Decimal,
    currency: str,
    investor: InvestorFinances,
    funds: Sequence[Fund],
    max_net_worth_fraction: Decimal | None = None,
) -> PrivateEquityResult:
    """The investor's eligibility (every prong shown), then equal shares of the funds they may
    enter whose minimums the share meets. The thresholds are US dollars: `currency` is USD.
    With `max_net_worth_fraction`, at most that share of the investor's net worth (excluding
    the residence) is allocated; the rest is left unallocated."""
    _check(amount, currency, [f.name for f in funds], "funds")
    if currency != "USD":
        raise InvalidAlternativesInput(
            "the SEC's thresholds are US dollars: post USD figures", field="currency"
        )
    for index, fund in enumerate(funds):
        if fund.minimum_investment < 0:
            raise InvalidAlternativesInput("minimum_investment must not be negative",
                                           field=f"funds[{index}].minimum_investment")  # fmt: skip
    who = eligibility(investor)
    notes: list[str] = []
    investable = amount
    if max_net_worth_fraction is not None:
        cap = (
            max(who.net_worth_excluding_residence, Decimal(0)) * max_net_worth_fraction
        ).quantize(Decimal("0.01"))
        if cap < amount:
            investable = cap
            notes.append(f"at most {max_net_worth_fraction} of the net worth excluding the "
                         f"residence ({who.net_worth_excluding_residence}): {cap}")  # fmt: skip
    allocated = allocate_funds(investable, funds, who) if investable > 0 else [
        FundAllocation(f, who.meets(f.requirement), Decimal(0), "over the net-worth limit")
        for f in funds
    ]  # fmt: skip
    given = sum((a.amount for a in allocated), Decimal(0))
    return PrivateEquityResult(
        currency, amount, who, tuple(allocated), amount - given, tuple(notes)
    )


def parse_requirement(value: str, field: str) -> Requirement:
    try:
        return Requirement(value)
    except ValueError:
        names = ", ".join(r.value for r in Requirement)
        raise InvalidAlternativesInput(f"requirement is one of {names}", field=field) from None


def allocate_commodities(
    amount: Decimal,
    currency: str,
    commodities: Sequence[tuple[str, Sequence[float]]],
    inflation: Sequence[float] | None = None,
    cpi: Sequence[float] | None = None,
    max_weight: float | None = None,
    volatility_cap: float | None = None,
    periods_per_year: int = 12,
) -> CommodityResult:
    """Inflation betas (OLS of each commodity's returns on inflation), then weights in
    proportion to the positive betas. `inflation` (per-period changes) or `cpi` (levels, one
    more than the returns) gives the inflation series. With `max_weight` no commodity holds
    more (the excess re-spread, as the crypto cap does); with `volatility_cap` the sleeve's
    annualised volatility is scaled down to it (the rest unallocated)."""
    _check(amount, currency, [name for name, _ in commodities], "commodities")
    if (inflation is None) == (cpi is None):
        raise InvalidAlternativesInput("post exactly one of inflation or cpi", field="inflation")
    series = list(inflation) if inflation is not None else inflation_from_cpi(cpi or [])
    if len(series) > MAX_PERIODS:
        raise TooManyAlternatives(f"at most {MAX_PERIODS} periods", field="inflation")
    betas = {
        name: inflation_beta(returns, series, f"commodities[{index}].returns")
        for index, (name, returns) in enumerate(commodities)
    }
    weights = beta_weights([b.beta for b in betas.values()])
    notes = [] if any(weights) else ["no commodity's return rose with inflation: nothing allocated"]
    if max_weight is not None and any(w > max_weight for w in weights):
        held = [k for k, w in enumerate(weights) if w > 0]
        capped = capped_weights([weights[k] for k in held], max_weight)
        weights = [0.0] * len(weights)
        for k, w in zip(held, capped, strict=True):
            weights[k] = w
        notes.append(f"no commodity above {max_weight:g} of the sleeve")
    if volatility_cap is not None and any(weights):
        returns = [list(r) for _, r in commodities]
        vol = annualised_volatility(weights, returns, periods_per_year)
        scale = volatility_scale(vol, volatility_cap)
        if scale < 1.0:
            weights = [w * scale for w in weights]
            notes.append(f"sleeve volatility {vol:.4f} a year scaled to the cap "
                         f"{volatility_cap:g}: the rest is left unallocated")  # fmt: skip
    sleeve = _sleeve(amount, currency, list(betas), weights, notes)
    return CommodityResult(sleeve, betas)


@dataclass(eq=False)
class AlternativesService:
    """POST /api/v1/planning/alternatives/*: the sleeves' rules on posted inputs (module doc).

    A class so that the HTTP adapter finds it among the use cases, like every other; the rules
    need no port (everything comes in the request). The configured `limits`
    (domain/analytics/alternatives/limits.py) are the defaults and the loosest a request may ask.
    """

    limits: AlternativesLimits = field(default_factory=AlternativesLimits)

    def crypto(self, amount: Decimal, currency: str, assets: Sequence[CryptoAsset],
               max_weight: float | None = None,
               market_cap_floor: Decimal | None = None) -> CryptoResult:  # fmt: skip
        cap = tighter(max_weight, self.limits.crypto_max_weight, "max_weight")
        floor = (
            self.limits.crypto_market_cap_floor if market_cap_floor is None else market_cap_floor
        )
        return allocate_crypto(amount, currency, assets, cap, floor)

    def reits(self, amount: Decimal, currency: str, reits: Sequence[Reit],
              max_sector_weight: float | None = None) -> ReitResult:  # fmt: skip
        cap = tighter(max_sector_weight, self.limits.reit_max_sector_weight, "max_sector_weight")
        return allocate_reits(amount, currency, reits, cap)

    def private_equity(self, amount: Decimal, currency: str, investor: InvestorFinances,
                       funds: Sequence[Fund]) -> PrivateEquityResult:  # fmt: skip
        fraction = self.limits.private_equity_max_net_worth_fraction
        return allocate_private_equity(amount, currency, investor, funds, fraction)

    def commodities(self, amount: Decimal, currency: str,
                    commodities: Sequence[tuple[str, Sequence[float]]],
                    inflation: Sequence[float] | None = None,
                    cpi: Sequence[float] | None = None) -> CommodityResult:  # fmt: skip
        return allocate_commodities(
            amount, currency, commodities, inflation, cpi,
            max_weight=self.limits.commodity_max_weight,
            volatility_cap=self.limits.volatility_cap,
            periods_per_year=self.limits.periods_per_year,
        )  # fmt: skip
