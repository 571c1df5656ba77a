"""`/console/crypto`: impermanent loss (with its curve over price ratios), pool drains, gas, the
chains this instance reads and a wallet's balances.

The same use cases as `/api/v1/analytics/crypto` (application/analytics: CryptoAnalyticsService,
WalletBalanceService), answered through the API's own DTOs, so every figure on the page is the
string the API answers for the same input. Each calculator is a form (CSRF) that stores
nothing: any signed-in role may ask, the viewer included (as on the planning page). A field
the form or the use case refuses is shown beside it (422, or 200 with `X-Bulwark-Status: 422`
for htmx); posted by htmx only the calculator's card is swapped.

The page also lists the caller's stored wallets and their aggregated portfolio (the use case of
`/api/v1/crypto/wallets` and `/portfolio`, through the same DTOs); a chain that cannot answer
leaves the portfolio out with the reason, the rest of the page is served.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import msgspec
from litestar import Request, get, post
from litestar.params import FromPath
from litestar.response import Template

from adapters.http.analytics.crypto_book_schemas import CryptoPortfolioOut, CryptoWalletOut
from adapters.http.analytics.crypto_schemas import GasOut, ImpermanentLossOut, PoolDrainOut
from adapters.http.analytics.crypto_wallets_schemas import EvmChainOut, WalletBalancesOut
from adapters.http.console import crypto_forms
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ConsolePage, fragment, is_htmx, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.errors import DomainError, NotFound
from domain.principals import Principal
from ports.analytics.chain import NotAToken, UnknownChain

CALCULATORS = ("impermanent-loss", "pool-drain", "gas", "wallets")
_START = datetime(2026, 1, 5, tzinfo=UTC)  # the samples' first hour (a Monday)
_TVL = (1_000_000, 1_020_000, 1_015_000, 990_000, 930_000, 780_000, 610_000, 600_000)
_GAS = (30, 28, 25, 22, 18, 15, 14, 16, 24, 35, 42, 45, 44, 41, 40, 38, 39, 43, 47, 52, 48, 41,
        36, 33) * 2 + (31, 29, 140)  # fmt: skip


def _sample(values: tuple[int, ...]) -> str:
    return "\n".join(
        f"{(_START + timedelta(hours=i)).strftime('%Y-%m-%dT%H:%MZ')}, {v}"
        for i, v in enumerate(values)
    )


DEFAULTS: dict[str, dict[str, str]] = {
    "impermanent-loss": {"entry_price": "2000", "deposit": "10000", "lower": "", "upper": "",
                         "ratios": crypto_forms.DEFAULT_RATIOS},
    "pool-drain": {"series": _sample(_TVL), "window_hours": "24", "threshold": "0.3"},
    "gas": {"series": _sample(_GAS), "window": "24", "threshold": "3", "hours": "2",
            "timezone": "UTC"},
    "wallets": {"chain_id": "1", "address": "", "tokens": ""},
}  # fmt: skip


@dataclass(slots=True)
class Calc:
    """One calculator card: what was typed, the errors by field, the API's answer, a chart."""

    form: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    answer: dict[str, Any] | None = None
    chart: dict[str, Any] | None = None


def _analytics(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(
        request, "analytics", "crypto analytics are not served by this instance"
    )


def _wire(value: Any) -> dict[str, Any]:
    found: dict[str, Any] = msgspec.to_builtins(value)
    return found


def il_curve(answer: dict[str, Any], ratios: list[Decimal]) -> dict[str, Any]:
    """Chart data: impermanent loss (%) against the price's ratio to the entry price."""
    return {
        "x": [float(r) for r in ratios],
        "series": {
            "Impermanent loss (%)": [
                float(Decimal(p["impermanent_loss"]) * 100) for p in answer["points"]
            ]
        },
        "time": False,
        "xLabel": "price / entry price",
    }


async def _run(services: Any, kind: str, reader: FieldReader) -> Calc:
    """The calculator `kind` on the posted fields (errors kept beside their fields)."""
    calc = Calc(reader.values, reader.errors)
    try:
        if kind == "impermanent-loss":
            read = crypto_forms.impermanent_loss(reader)
            if read is not None:
                request, ratios = read
                report = await services.crypto.impermanent_loss(request)
                calc.answer = _wire(ImpermanentLossOut.from_domain(report))
                calc.chart = il_curve(calc.answer, ratios)
        elif kind == "pool-drain":
            drain = crypto_forms.pool_drain(reader)
            if drain is not None:
                calc.answer = _wire(
                    PoolDrainOut.from_domain(await services.crypto.pool_drain(drain))
                )
        elif kind == "gas":
            question = crypto_forms.gas(reader)
            if question is not None:
                calc.answer = _wire(GasOut.from_domain(await services.crypto.gas(question)))
        else:
            chain_ids = [str(c.chain_id) for c in services.crypto_wallets.chains()]
            wanted = crypto_forms.wallet(reader, chain_ids)
            if wanted is not None:
                balances = await services.crypto_wallets.balances([wanted])
                calc.answer = _wire(WalletBalancesOut.from_domain(balances))
    except (InvalidCryptoInput, UnknownChain) as exc:
        name = crypto_forms.form_field(kind, exc.field or "")
        line = crypto_forms.line_of(exc.field or "") if name == "series" else None
        where = f" (line {line})" if line is not None else ""
        reader.errors[name] = f"{exc.field or name}{where}: {exc.message}"
    except NotAToken as exc:
        reader.errors["tokens"] = f"tokens: {exc.token}: {exc.message}"
    if reader.errors:
        calc.answer, calc.chart = None, None
    return calc


def _context(services: Any, calcs: dict[str, Calc] | None = None) -> dict[str, Any]:
    wallets = services.crypto_wallets
    chains = wallets.chains()
    return {
        "calcs": {**{k: Calc(dict(v)) for k, v in DEFAULTS.items()}, **(calcs or {})},
        "chains": [_wire(EvmChainOut.from_domain(c)) for c in chains],
        "chain_options": [(str(c.chain_id), f"{c.name} ({c.chain_id})") for c in chains],
        "chain_source": wallets.source,
    }


async def _kept(services: Any, principal: Principal) -> dict[str, Any]:
    """The caller's stored wallets and their portfolio (or why it could not be read)."""
    book = services.crypto_wallet_book
    wallets = [_wire(CryptoWalletOut.from_domain(w)) for w in await book.list_for(principal)]
    portfolio, portfolio_error = None, None
    if wallets:
        try:
            portfolio = _wire(CryptoPortfolioOut.from_domain(await book.portfolio(principal)))
        except DomainError as exc:  # a chain down, a token the chain refuses
            portfolio_error = f"{exc.code}: {exc.message}"
    return {"kept": wallets, "portfolio": portfolio, "portfolio_error": portfolio_error}


class CryptoPageController(ConsolePage):
    """`/console/crypto` and its four calculators."""

    path = "/crypto"

    @get("/")
    async def crypto(self, request: Request[Any, Any, Any]) -> Template:
        services = _analytics(request)
        context = {**_context(services), **await _kept(services, caller_of(request).principal)}
        return page(request, "crypto.html", title="Crypto", context=context)

    @post("/{kind:str}", status_code=200)
    async def calculate(self, request: Request[Any, Any, Any], kind: FromPath[str]) -> Template:
        if kind not in CALCULATORS:
            raise NotFound(f"no crypto calculator {kind!r}")
        services = _analytics(request)
        calc = await _run(services, kind, FieldReader(await request.form()))
        status = 422 if calc.errors else 200
        code = "INVALID_CRYPTO_INPUT" if calc.errors else None
        context = _context(services, {kind: calc})
        if is_htmx(request):
            return fragment(
                request, f"partials/crypto_{kind.replace('-', '_')}.html", status_code=status,
                code=code, context={**context, "calc": calc},
            )  # fmt: skip
        context.update(await _kept(services, caller_of(request).principal))
        return page(request, "crypto.html", title="Crypto", status_code=status, context=context)
