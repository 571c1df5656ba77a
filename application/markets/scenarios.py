"""Scenario and stress use cases (docs/scenarios.md): macro shocks and historical replays on
posted positions or on one of the caller's portfolios, hedge sufficiency, the bank-run
liquidity stress and the recovery timeline.

A portfolio is the caller's own (another user's answers 404 PORTFOLIO_NOT_FOUND, through
PortfolioService.get). Its priced positions in the base currency become stress positions
(one per symbol, summed over accounts) with the sensitivities the request gives per symbol,
or `default_sensitivities`; its base-currency cash is a position with no sensitivity.
Positions in another currency or without a reference price are listed in `excluded`.
The liquidity stress takes posted assets or, through StoredHoldings (shared with the
optimisation and ESG), a ledger `portfolio_id` or a trading `account_id` of the caller's
(another's is 404): each long holding at its market value becomes an asset with the
liquidation terms of its stored instrument's asset class (domain liquidation_terms, posted
overrides by symbol or class first), the stored cash an asset sold on day 1 at no haircut;
shorts, futures, negative cash and what the reader left out are named in `left_out`.
With `estimate_betas`, a portfolio's symbols without posted sensitivities get equity, oil and
USD betas estimated from the stored daily bars (application/markets/scenario_betas.py: OLS on
the factor proxies over a window of daily returns) and no rates or credit sensitivity; posted
sensitivities override them; a symbol with too little history takes `default_sensitivities`
when given, else is listed in `excluded`; `betas` in the report says, per symbol, which were
posted, estimated or defaulted and what the estimate was read from.
Large requests (positions x scenarios above INLINE_CELLS) run within the compute budget, off
the event loop. These are deterministic what-ifs; POST /api/v1/risk/scenario-simulation
 simulates random regime-switching paths instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from application.analytics.stored_holdings import StoredHoldings
from application.core.compute_budget import ComputeBudget
from application.markets.scenario_betas import BetaSettings, StoredBetas
from application.portfolio.portfolios import PortfolioService
from domain.analytics.scenarios.factor_betas import (
    BETA_FACTORS,
    MAX_WINDOW,
    BetaEstimate,
    NoBetaEstimate,
)
from domain.analytics.scenarios.factors import (
    CorrelationModel,
    Factor,
    InvalidScenario,
    Scenario,
    check_shock,
    complete,
    correlation_model,
    mahalanobis,
)
from domain.analytics.scenarios.repricing import (
    BETA_BOUND,
    EmptyPortfolio,
    ScenarioPnl,
    Sensitivities,
    StressPosition,
    reprice,
)
from domain.analytics.scenarios.stress import (
    CASH_CLASS,
    MAX_ASSETS,
    MAX_DAYS,
    UNSOLD_CLASSES,
    LiquidAsset,
    LiquidityStress,
    Recovery,
    hedge_sufficiency,
    liquidation_terms,
    liquidity_stress,
    recovery,
    run_outflows,
)
from domain.principals import Principal
from ports.markets.scenarios import HistoricalReplay, HistoricalScenarioPort, UnknownReplay

T = TypeVar("T")
INLINE_CELLS = 20_000  # positions x scenarios computed on the loop; above: the compute budget
MAX_CUSTOM_SCENARIOS = 100
ALL_REPLAYS = "all"


@dataclass(frozen=True, slots=True)
class CorrelationInput:
    volatilities: Mapping[str, float]
    correlations: Sequence[Sequence[float]]


@dataclass(frozen=True, slots=True)
class ScenarioInput:
    name: str
    shocks: Mapping[str, float]  # factor name -> move (units: factors.py)


@dataclass(frozen=True, slots=True)
class ShockRequest:
    """Either `positions` or `portfolio_id` (with `sensitivities` per symbol and/or
    `default_sensitivities`, `hedges` naming hedge symbols); `scenarios` and/or `replays`
    (names, or "all"); `correlation` (else the source's default model when `fill_missing`)."""

    scenarios: Sequence[ScenarioInput] = ()
    replays: Sequence[str] = ()
    positions: Sequence[StressPosition] | None = None
    portfolio_id: str | None = None
    sensitivities: Mapping[str, Sensitivities] = field(default_factory=dict)
    default_sensitivities: Sensitivities | None = None
    hedges: frozenset[str] = frozenset()
    correlation: CorrelationInput | None = None
    fill_missing: bool = False
    expected_return: float | None = None
    estimate_betas: bool = False
    beta_settings: BetaSettings = field(default_factory=BetaSettings)


@dataclass(frozen=True, slots=True)
class SymbolBetas:
    """Where a symbol's sensitivities came from: "posted" (the request's, per symbol),
    "estimated" (from stored bars), "default" (`default_sensitivities`, the estimate failing)
    or "none" (no estimate and no default: the symbol is excluded), with the estimate tried."""

    symbol: str
    basis: str
    estimate: BetaEstimate | NoBetaEstimate | None


@dataclass(frozen=True, slots=True)
class ScenarioOutcome:
    pnl: ScenarioPnl
    hedge_sufficiency: float
    mahalanobis: float | None
    recovery: Recovery | None  # with `expected_return` and a loss
    replay: HistoricalReplay | None


@dataclass(frozen=True, slots=True)
class ShockReport:
    portfolio_id: str | None
    base_currency: str | None
    positions: int
    gross_value: Decimal  # sum |market value|
    net_value: Decimal  # sum of market values
    excluded: tuple[tuple[str, str], ...]  # (symbol, why)
    outcomes: tuple[ScenarioOutcome, ...]
    model: str | None  # "posted", "default" or None (the factors left out stay at 0)
    model_source: str | None
    betas: tuple[SymbolBetas, ...] = ()  # with `estimate_betas`
    beta_settings: BetaSettings | None = None  # with `estimate_betas`

    @property
    def worst(self) -> ScenarioOutcome:
        return min(self.outcomes, key=lambda o: o.pnl.pnl)


@dataclass(frozen=True, slots=True)
class ReplayCatalog:
    replays: tuple[HistoricalReplay, ...]
    model_horizon: str | None
    model_source: str | None
    source: str


@dataclass(frozen=True, slots=True)
class StoredAsset:
    """A stored holding as a liquidity-stress asset, with why it got its terms."""

    asset: LiquidAsset
    asset_class: str
    basis: str


@dataclass(frozen=True, slots=True)
class StoredLiquidity:
    """A liquidity stress of stored holdings with what was read and left out."""

    stress: LiquidityStress
    portfolio_id: str | None
    account_id: str | None
    currency: str
    assets: tuple[StoredAsset, ...]
    left_out: tuple[str, ...]  # "SYMBOL: why"


@dataclass(eq=False)
class ScenarioService:
    replays: HistoricalScenarioPort
    portfolios: PortfolioService
    budget: ComputeBudget
    stored: StoredHoldings | None = None  # a portfolio's or an account's holdings
    betas: StoredBetas | None = None  # estimates from the bar history store

    async def catalog(self) -> ReplayCatalog:
        model = await self.replays.factor_model()
        return ReplayCatalog(
            tuple(await self.replays.replays()),
            None if model is None else model.horizon,
            None if model is None else model.source,
            self.replays.name,
        )

    async def shock(self, principal: Principal, request: ShockRequest) -> ShockReport:
        if (request.positions is None) == (request.portfolio_id is None):
            raise InvalidScenario("give positions or portfolio_id (one of them)", field="positions")
        if request.expected_return is not None:
            recovery(0.0, request.expected_return)  # refuses a return out of range, naming it
        excluded: tuple[tuple[str, str], ...] = ()
        base = None
        betas: tuple[SymbolBetas, ...] = ()
        if request.estimate_betas and request.portfolio_id is None:
            raise InvalidScenario(
                "estimate_betas applies to a portfolio_id: posted positions carry their own "
                "sensitivities",
                field="estimate_betas",
            )
        if request.portfolio_id is not None:
            positions, excluded, base, betas = await self._portfolio_positions(principal, request)
        else:
            positions = list(request.positions or ())
        model, model_name, model_source = await self._model(request)
        scenarios, replay_of = await self._scenarios(request, model)
        if not positions:
            raise EmptyPortfolio(
                "the portfolio holds nothing priced in its base currency to stress"
                if request.portfolio_id
                else "there is no position to stress",
                field="portfolio_id" if request.portfolio_id else "positions",
            )

        def work() -> list[ScenarioPnl]:
            return reprice(positions, scenarios)

        results = await self._run(work, len(positions) * len(scenarios))
        gross = sum((abs(p.market_value) for p in positions), Decimal(0))
        net = sum((p.market_value for p in positions), Decimal(0))
        outcomes = tuple(
            ScenarioOutcome(
                pnl=r,
                hedge_sufficiency=hedge_sufficiency(r.core_pnl, r.hedge_pnl),
                mahalanobis=None if model is None else mahalanobis(r.scenario, model),
                recovery=_recovery(r.pnl, net, request.expected_return),
                replay=replay_of.get(r.scenario.name),
            )
            for r in results
        )
        return ShockReport(
            portfolio_id=request.portfolio_id, base_currency=base, positions=len(positions),
            gross_value=gross, net_value=net,
            excluded=excluded, outcomes=outcomes, model=model_name, model_source=model_source,
            betas=betas,
            beta_settings=request.beta_settings if request.estimate_betas else None,
        )  # fmt: skip

    def liquidity(
        self,
        assets: Sequence[LiquidAsset],
        obligations: Sequence[Decimal] | None,
        run: tuple[Decimal, Decimal, int] | None,
    ) -> LiquidityStress:
        """Against `obligations` (a day each) or a run (deposits, daily rate, days): one."""
        if (obligations is None) == (run is None):
            raise InvalidScenario("give obligations or run (one of them)", field="obligations")
        if run is not None:
            deposits, daily_rate, days = run
            return liquidity_stress(assets, run_outflows(deposits, daily_rate, days))
        return liquidity_stress(assets, list(obligations or ()))

    async def stored_liquidity(
        self,
        principal: Principal,
        *,
        portfolio_id: str | None,
        account_id: str | None,
        terms: Mapping[str, tuple[Decimal, int]] | None,
        obligations: Sequence[Decimal] | None,
        run: tuple[Decimal, Decimal, int] | None,
    ) -> StoredLiquidity:
        """The liquidity stress of a stored portfolio's or account's holdings (module doc)."""
        if (portfolio_id is None) == (account_id is None):
            raise InvalidScenario(
                "give assets, portfolio_id or account_id (exactly one)",
                field="account_id" if portfolio_id is not None else "assets",
            )
        field = "portfolio_id" if portfolio_id is not None else "account_id"
        if (obligations is None) == (run is None):  # before reading anything
            raise InvalidScenario("give obligations or run (one of them)", field="obligations")
        if self.stored is None:
            raise InvalidScenario("stored holdings are not served by this instance", field=field)
        held = await self.stored.read(
            principal, portfolio_id=portfolio_id, account_id=account_id,
            max_holdings=MAX_ASSETS - 1, error=InvalidScenario,
        )  # fmt: skip
        longs = [(s, v) for s, v in held.values if v > 0]
        left_out = list(held.left_out)
        left_out += [f"{s}: short or zero value, not an asset to sell"
                     for s, v in held.values if v <= 0]  # fmt: skip
        instruments = await self.stored.instruments([s for s, _ in longs])
        given = dict(terms or {})
        for key, (haircut, days) in given.items():
            where = f"liquidity.{key[:32]}"
            if not haircut.is_finite() or not 0 <= haircut < 1:
                raise InvalidScenario(f"{where}.haircut: a fraction in [0, 1)", field=where)
            if not 1 <= days <= MAX_DAYS:
                raise InvalidScenario(f"{where}.horizon_days: 1 to {MAX_DAYS}", field=where)
        assets: list[StoredAsset] = []
        for symbol, value in longs:
            instrument = instruments.get(symbol)
            cls = None if instrument is None else instrument.asset_class.value
            if cls in UNSOLD_CLASSES and symbol not in given and cls not in given:
                left_out.append(f"{symbol}: a {cls}, its notional raises no cash")
                continue
            haircut, days, basis = liquidation_terms(symbol, cls, given)
            assets.append(StoredAsset(LiquidAsset(symbol, value, haircut, days), cls or "", basis))
        cash_name = f"CASH {held.currency}"
        if held.cash > 0:
            haircut, days, basis = liquidation_terms(cash_name, CASH_CLASS, given)
            cash = LiquidAsset(cash_name, held.cash, haircut, days)
            assets.append(StoredAsset(cash, CASH_CLASS, basis))
        elif held.cash < 0:
            left_out.append(f"{cash_name}: negative cash (owed), not an asset")
        if not assets:
            raise InvalidScenario(
                f"the {field.removesuffix('_id')} holds nothing priced to sell"
                + (f" (left out: {', '.join(left_out[:10])})" if left_out else ""),
                field=field,
            )
        stress = self.liquidity([a.asset for a in assets], obligations, run)
        return StoredLiquidity(
            stress, held.portfolio_id, held.account_id, held.currency, tuple(assets),
            tuple(left_out),
        )  # fmt: skip

    def recovery(
        self,
        expected_return: float,
        loss: float | None,
        peak_value: Decimal | None,
        current_value: Decimal | None,
    ) -> Recovery:
        """From `loss`, or from `peak_value` and `current_value` (loss = 1 - current / peak)."""
        if loss is None:
            if peak_value is None or current_value is None:
                raise InvalidScenario("give loss, or peak_value and current_value", field="loss")
            if not peak_value > 0 or not 0 <= current_value <= peak_value:
                raise InvalidScenario(
                    "peak_value above 0 and 0 <= current_value <= peak_value", field="current_value"
                )
            loss = float(1 - current_value / peak_value)
        elif peak_value is not None or current_value is not None:
            raise InvalidScenario("give loss or the two values, not both", field="loss")
        return recovery(loss, expected_return)

    async def _run(self, work: Callable[[], T], cells: int) -> T:
        if cells <= INLINE_CELLS:
            return work()
        return await self.budget.run("scenario-shock", work)

    async def _model(
        self, request: ShockRequest
    ) -> tuple[CorrelationModel | None, str | None, str | None]:
        if request.correlation is not None:
            vols = {_factor(k, f"correlation.volatilities.{k}"): float(v)
                    for k, v in request.correlation.volatilities.items()}  # fmt: skip
            model = correlation_model(vols, request.correlation.correlations)
            return model, "posted", "posted with the request"
        if request.fill_missing:
            found = await self.replays.factor_model()
            if found is None:
                raise InvalidScenario(
                    "fill_missing needs a correlation: the source has no default model",
                    field="correlation",
                )
            return found.model, "default", found.source
        return None, None, None

    async def _scenarios(
        self, request: ShockRequest, model: CorrelationModel | None
    ) -> tuple[list[Scenario], dict[str, HistoricalReplay]]:
        if not request.scenarios and not request.replays:
            raise InvalidScenario("give scenarios and/or replays", field="scenarios")
        if len(request.scenarios) > MAX_CUSTOM_SCENARIOS:
            raise InvalidScenario(
                f"at most {MAX_CUSTOM_SCENARIOS} scenarios a request", field="scenarios"
            )
        scenarios, seen = [], set()
        for index, custom in enumerate(request.scenarios):
            where = f"scenarios[{index}]"
            name = custom.name.strip()
            if not name or len(name) > 100 or name in seen:
                raise InvalidScenario(
                    f"{where}.name: 1 to 100 characters, unique", field=f"{where}.name"
                )
            seen.add(name)
            given = {}
            for key, move in custom.shocks.items():
                factor = _factor(key, f"{where}.shocks.{key}")
                given[factor] = check_shock(factor, float(move), f"{where}.shocks.{key}")
            scenarios.append(complete(name, given, model))
        replay_of: dict[str, HistoricalReplay] = {}
        if request.replays:
            known = {r.name: r for r in await self.replays.replays()}
            wanted = list(known) if ALL_REPLAYS in request.replays else list(request.replays)
            for index, name in enumerate(wanted):
                replay = known.get(name)
                if replay is None:
                    raise UnknownReplay(
                        f"no historical replay {name[:64]!r}; known: {', '.join(known)}",
                        field=f"replays[{index}]",
                    )
                if name in seen:
                    continue
                seen.add(name)
                replay_of[name] = replay
                scenarios.append(Scenario(name, dict(replay.shocks), frozenset(replay.shocks)))
        return scenarios, replay_of

    async def _portfolio_positions(
        self, principal: Principal, request: ShockRequest
    ) -> tuple[list[StressPosition], tuple[tuple[str, str], ...], str, tuple[SymbolBetas, ...]]:
        assert request.portfolio_id is not None
        view = await self.portfolios.holdings(principal, request.portfolio_id)
        base = view.portfolio.base_currency
        values: dict[str, Decimal] = defaultdict(Decimal)
        excluded: dict[str, str] = {}
        cash = Decimal(0)
        for account in view.accounts:
            for p in account.positions:
                if p.market_value is None:
                    excluded[p.symbol] = "no reference price"
                elif p.currency != base:
                    excluded[p.symbol] = f"held in {p.currency}, not the base currency {base}"
                else:
                    values[p.symbol] += p.market_value
            cash += account.cash.get(base, Decimal(0))
            for currency in account.cash:
                if currency != base and account.cash[currency]:
                    excluded[f"CASH {currency}"] = f"cash in {currency}, not {base}"
        held = sorted(s for s in values if s not in excluded)
        chosen, betas = await self._sensitivities(held, request, excluded)
        positions = [
            StressPosition(symbol, values[symbol], chosen[symbol], hedge=symbol in request.hedges)
            for symbol in held
            if symbol in chosen
        ]
        if cash:
            positions.append(StressPosition(f"CASH {base}", cash, Sensitivities()))
        return positions, tuple(sorted(excluded.items())), base, betas

    async def _sensitivities(
        self, held: Sequence[str], request: ShockRequest, excluded: dict[str, str]
    ) -> tuple[dict[str, Sensitivities], tuple[SymbolBetas, ...]]:
        """Each held symbol's sensitivities: posted, else estimated (with `estimate_betas`),
        else the default; a symbol with none is refused (without `estimate_betas`) or added
        to `excluded` (with it)."""
        posted = {s: request.sensitivities[s] for s in held if s in request.sensitivities}
        default = request.default_sensitivities
        if not request.estimate_betas:
            missing = [s for s in held if s not in posted and default is None]
            if missing:
                raise InvalidScenario(
                    f"sensitivities: none given for {', '.join(missing[:20])} (give them per "
                    "symbol, default_sensitivities, or estimate_betas)",
                    field="sensitivities",
                )
            return {s: posted.get(s) or default or Sensitivities() for s in held}, ()
        if self.betas is None:
            raise InvalidScenario(
                "estimate_betas: the bar history store is not served by this instance",
                field="estimate_betas",
            )
        settings = request.beta_settings
        _check_beta_settings(settings)
        estimates = await self.betas.estimate([s for s in held if s not in posted], settings)
        chosen: dict[str, Sensitivities] = dict(posted)
        report = [SymbolBetas(s, "posted", None) for s in posted]
        for symbol, found in estimates.items():
            if isinstance(found, BetaEstimate) and any(
                abs(b) > BETA_BOUND for b in found.betas.values()
            ):
                found = NoBetaEstimate(
                    f"an estimated beta beyond +-{BETA_BOUND:g}", found.observations,
                    found.first_day, found.last_day,
                )  # fmt: skip
            if isinstance(found, BetaEstimate):
                chosen[symbol] = Sensitivities(
                    beta_equity=found.betas.get(Factor.EQUITY, 0.0),
                    beta_oil=found.betas.get(Factor.OIL, 0.0),
                    beta_usd=found.betas.get(Factor.USD, 0.0),
                )
                report.append(SymbolBetas(symbol, "estimated", found))
            elif default is not None:
                chosen[symbol] = default
                report.append(SymbolBetas(symbol, "default", found))
            else:
                excluded[symbol] = f"no beta estimate: {found.reason}"
                report.append(SymbolBetas(symbol, "none", found))
        return chosen, tuple(sorted(report, key=lambda b: b.symbol))


def _check_beta_settings(settings: BetaSettings) -> None:
    if not 1 <= settings.window <= MAX_WINDOW:
        raise InvalidScenario(f"beta_window: 1 to {MAX_WINDOW} daily returns", field="beta_window")
    if not 2 <= settings.min_observations <= settings.window:
        raise InvalidScenario(
            "beta_min_observations: 2 to beta_window", field="beta_min_observations"
        )
    if not settings.proxies:
        raise InvalidScenario("beta_proxies: name at least one proxy", field="beta_proxies")
    for factor, proxy in settings.proxies.items():
        if factor not in BETA_FACTORS:
            raise InvalidScenario(
                f"beta_proxies.{factor.value}: betas are estimated for "
                f"{', '.join(f.value for f in BETA_FACTORS)} only",
                field=f"beta_proxies.{factor.value}",
            )
        if not proxy.strip():
            raise InvalidScenario(
                f"beta_proxies.{factor.value}: a symbol", field=f"beta_proxies.{factor.value}"
            )


def _factor(name: str, where: str) -> Factor:
    try:
        return Factor(name)
    except ValueError:
        raise InvalidScenario(
            f"{where}: a factor is one of {', '.join(f.value for f in Factor)}", field=where
        ) from None


def _recovery(pnl: Decimal, net: Decimal, expected_return: float | None) -> Recovery | None:
    """The recovery from the scenario's loss as a fraction of the net value (None without an
    expected return, a loss or a positive net value; a loss of all of it: never regained)."""
    if expected_return is None or pnl >= 0 or net <= 0:
        return None
    loss = float(-pnl / net)
    if loss >= 1.0:
        return Recovery(loss, expected_return, None, None, float("inf"))
    return recovery(loss, expected_return)
