"""Bulwark's pre-trade gate asked about one prospective order, over its REST API.

`POST /api/v1/risk/analyze` with an agent's key in `X-API-Key`: the gate's decision on the order's
terms against the account named, with nothing stored or sent to a broker. Fail closed: anything
but a clear approval of the whole quantity (a denial, an order the gate would reduce or hold for a
person, a refused key, a timeout, a connection error, a 5xx, an answer that does not parse) is a
`Verdict` that refuses, with one line saying why.

Only httpx and the standard library: no freqtrade import, so the gate is usable (and tested)
without it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

ANALYZE_PATH = "/api/v1/risk/analyze"
API_KEY_ENV = "BULWARK_API_KEY"
DEFAULT_TIMEOUT_S = 2.0


class GateConfigError(ValueError):
    """The `bulwark` section of the freqtrade config is missing or wrong."""


@dataclass(frozen=True)
class GateSettings:
    """Where Bulwark is and whom the checks are made as.

    `url`: the Bulwark instance; `api_key`: an agent's key (`bwk_...`); `account_id`: the account
    the orders are checked against; `timeout_s`: the most one check may take; `symbols`: freqtrade
    pairs mapped to Bulwark symbols where the base currency is not the symbol (`bulwark_symbol`);
    `strategy_id`: a Bulwark strategy the checks are attributed to (optional).
    """

    url: str
    api_key: str
    account_id: str
    timeout_s: float = DEFAULT_TIMEOUT_S
    symbols: Mapping[str, str] = field(default_factory=dict)
    strategy_id: str | None = None

    @classmethod
    def from_config(
        cls, config: Mapping[str, Any], environ: Mapping[str, str] = os.environ
    ) -> GateSettings:
        """From freqtrade's config: its `bulwark` section, the key from `BULWARK_API_KEY` when the
        section has no `api_key` (freqtrade copies its config into every backtest result)."""
        section = config.get("bulwark")
        if not isinstance(section, Mapping):
            raise GateConfigError("the freqtrade config has no `bulwark` section")
        url = section.get("url")
        account_id = section.get("account_id")
        api_key = section.get("api_key") or environ.get(API_KEY_ENV)
        for name, value in (("url", url), ("account_id", account_id)):
            if not isinstance(value, str) or not value.strip():
                raise GateConfigError(f"bulwark.{name} is missing")
        if not isinstance(api_key, str) or not api_key.strip():
            raise GateConfigError(f"no API key: set {API_KEY_ENV} (or bulwark.api_key)")
        timeout = section.get("timeout", DEFAULT_TIMEOUT_S)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
            raise GateConfigError("bulwark.timeout must be a positive number of seconds")
        symbols = section.get("symbols", {})
        if not isinstance(symbols, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in symbols.items()
        ):
            raise GateConfigError('bulwark.symbols must map pairs to symbols: {"BTC/USDT": "BTC"}')
        strategy_id = section.get("strategy_id")
        if strategy_id is not None and not isinstance(strategy_id, str):
            raise GateConfigError("bulwark.strategy_id must be a string")
        return cls(
            url=str(url).rstrip("/"),
            api_key=api_key.strip(),
            account_id=str(account_id),
            timeout_s=float(timeout),
            symbols=dict(symbols),
            strategy_id=strategy_id,
        )


def bulwark_symbol(pair: str, symbols: Mapping[str, str] | None = None) -> str:
    """freqtrade's pair as Bulwark's symbol: the mapping's entry for the pair when it has one,
    else the pair's base currency, upper case ("AAPL/USD" -> "AAPL", "btc/usdt:USDT" -> "BTC")."""
    if symbols and pair in symbols:
        return symbols[pair]
    return pair.split("/", 1)[0].strip().upper()


def decimal_text(number: float) -> str:
    """A float as the plain decimal string Bulwark reads: its shortest round-tripping digits, no
    exponent, no trailing zeros (2.0 -> "2", 1e-05 -> "0.00001", 192.25 -> "192.25")."""
    text = format(Decimal(repr(float(number))).normalize(), "f")
    return text


@dataclass(frozen=True)
class Verdict:
    """The gate's answer on one order: `approved` only for a clear yes to the whole quantity;
    `reasons` Bulwark's reason codes (empty when it gave no answer); `why` one line for the log."""

    approved: bool
    reasons: tuple[str, ...]
    why: str


class GateClient:
    """Asks Bulwark's gate about prospective orders; one HTTP connection kept between checks."""

    def __init__(
        self, settings: GateSettings, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.settings = settings
        self._client = httpx.Client(
            base_url=settings.url,
            headers={"X-API-Key": settings.api_key},
            timeout=settings.timeout_s,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> GateClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check(self, pair: str, side: str, quantity: float, price: float) -> Verdict:
        """The gate's verdict on a limit order of `quantity` of the pair's symbol at `price`
        (`side` buy or sell). Never raises: whatever goes wrong is a refusal that says why."""
        symbol = bulwark_symbol(pair, self.settings.symbols)
        what = f"{side} {decimal_text(quantity)} {symbol} at {decimal_text(price)}"
        terms: dict[str, Any] = {
            "account_id": self.settings.account_id,
            "symbol": symbol,
            "side": side,
            "quantity": decimal_text(quantity),
            "order_type": "limit",
            "limit_price": decimal_text(price),
        }
        if self.settings.strategy_id is not None:
            terms["strategy_id"] = self.settings.strategy_id
        try:
            answer = self._client.post(ANALYZE_PATH, json=terms)
        except httpx.TimeoutException as exc:
            return _no_answer(what, f"no answer within {self.settings.timeout_s:g} s ({exc!r})")
        except httpx.HTTPError as exc:
            return _no_answer(what, f"{type(exc).__name__}: {exc}")
        if answer.status_code != 200:
            return _no_answer(what, f"HTTP {answer.status_code} {_problem(answer)}")
        try:
            return _verdict(what, answer.json())
        except (ValueError, KeyError, TypeError, InvalidOperation) as exc:
            return _no_answer(what, f"an answer that does not parse ({type(exc).__name__}: {exc})")


def _no_answer(what: str, why: str) -> Verdict:
    return Verdict(False, (), f"Bulwark gave no decision on {what}: {why}; refused (fail closed)")


def _problem(answer: httpx.Response) -> str:
    """The problem's code and detail (RFC 9457), or the start of the body."""
    try:
        body = answer.json()
    except ValueError:
        return answer.text[:200]
    if isinstance(body, dict):
        return f"{body.get('code', '')} {body.get('detail', body.get('title', ''))}".strip()
    return answer.text[:200]


def _verdict(what: str, body: Any) -> Verdict:
    decision = body["decision"]
    approved = decision["approved"]
    if not isinstance(approved, bool):
        raise TypeError("decision.approved is not a boolean")
    reasons = tuple(str(r) for r in decision["reasons"])
    holds = tuple(str(h) for h in decision.get("holds", ()))
    requested = Decimal(str(decision["requested_quantity"]))
    allowed = Decimal(str(decision["quantity"]))
    if not approved:
        return Verdict(False, reasons, f"Bulwark denied {what}: {', '.join(reasons) or 'denied'}")
    if holds:
        return Verdict(
            False, holds, f"Bulwark would hold {what} for a person's approval: {', '.join(holds)}"
        )
    if allowed < requested:
        return Verdict(
            False,
            reasons,
            f"Bulwark would reduce {what} to {allowed}: {', '.join(reasons) or 'reduced'}",
        )
    return Verdict(True, reasons, f"Bulwark approved {what}")
