"""Bulwark's pre-trade gate asked about one order, on the standard library alone.

`BulwarkGate.check(terms)` posts the order's terms to Bulwark's pre-trade analysis
(`POST /api/v1/risk/analyze`, with an agent's key in `X-API-Key`): the same gate that
`POST /api/v1/orders` runs — kill switch, the owner's rules, buying power — evaluated on
the Bulwark account's current state, with nothing stored or sent. The answer is `allowed`
only when Bulwark would approve the order whole: a denial, a reduction, a hold for a person,
a refusal of the request, and any failure to get a clear answer (connection refused, a
timeout, a 5xx, a body that is not the documented one) deny it, with a reason saying which
(fail closed).

Nothing here imports NautilusTrader: `bulwark_nautilus.strategy` turns a Nautilus order into
`Terms` and a denial into Nautilus's `OrderDenied`.
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

__all__ = ["Answer", "BulwarkGate", "Terms", "bulwark_symbol"]

ANALYZE_PATH = "/api/v1/risk/analyze"
DEFAULT_TIMEOUT_S = 2.0
FAIL_CLOSED = "denied (fail closed)"


def bulwark_symbol(instrument_id: str, symbols: Mapping[str, str] | None = None) -> str:
    """Bulwark's symbol for a Nautilus instrument id ("AAPL.XNAS" -> "AAPL").

    An entry of `symbols` (keyed by the whole instrument id, "BTCUSDT.BINANCE": "BTC-USD")
    wins; otherwise the symbol is the id without its venue: Nautilus writes an
    `InstrumentId` as "{symbol}.{venue}" and a venue has no dot, so everything before the
    last dot ("BRK.B.XNYS" -> "BRK.B"). Bulwark upper-cases symbols itself.
    """
    if symbols and instrument_id in symbols:
        return symbols[instrument_id]
    symbol, dot, _venue = instrument_id.rpartition(".")
    return symbol if dot else instrument_id


@dataclass(frozen=True, slots=True)
class Terms:
    """An order's terms as Bulwark's order body has them: decimal strings, lower-case enums."""

    symbol: str
    side: str  # buy | sell
    quantity: str
    order_type: str = "market"  # market | limit | stop | stop_limit
    time_in_force: str = "day"  # day | gtc | ioc | fok
    limit_price: str | None = None
    stop_price: str | None = None
    reduce_only: bool = False


@dataclass(frozen=True, slots=True)
class Answer:
    """Whether the order may go on; when not, `reason` says why in one line."""

    allowed: bool
    reason: str = ""
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class BulwarkGate:
    """A Bulwark instance's gate for one of its accounts, asked with an agent's key.

    `url` is the instance's base ("https://bulwark.example"), `account_id` the account the
    strategy trades as far as Bulwark knows, `timeout_s` how long one check may take before
    the order is denied.
    """

    url: str
    api_key: str
    account_id: str
    timeout_s: float = DEFAULT_TIMEOUT_S
    symbols: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> BulwarkGate:
        """From BULWARK_URL, BULWARK_API_KEY, BULWARK_ACCOUNT and optionally
        BULWARK_GATE_TIMEOUT_S (seconds). Raises KeyError naming a missing variable."""
        env = os.environ if environ is None else environ
        missing = [
            n for n in ("BULWARK_URL", "BULWARK_API_KEY", "BULWARK_ACCOUNT") if not env.get(n)
        ]
        if missing:
            raise KeyError(f"set {', '.join(missing)} to gate orders through Bulwark")
        return cls(
            url=env["BULWARK_URL"],
            api_key=env["BULWARK_API_KEY"],
            account_id=env["BULWARK_ACCOUNT"],
            timeout_s=float(env.get("BULWARK_GATE_TIMEOUT_S") or DEFAULT_TIMEOUT_S),
        )

    def symbol(self, instrument_id: str) -> str:
        return bulwark_symbol(instrument_id, self.symbols)

    def check(self, terms: Terms) -> Answer:
        """Bulwark's answer on `terms`; every failure to get one denies (fail closed)."""
        body = {k: v for k, v in asdict(terms).items() if v is not None}
        body["account_id"] = self.account_id
        request = urllib.request.Request(
            self.url.rstrip("/") + ANALYZE_PATH,
            data=json.dumps(body).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Accept": "application/json",
                "X-API-Key": self.api_key,
                "User-Agent": "bulwark-nautilus/0.1.0",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                return decide(response.status, response.read())
        except urllib.error.HTTPError as exc:
            with exc:
                return decide(exc.code, exc.read())
        except TimeoutError:
            return _timed_out(self.timeout_s)
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                return _timed_out(self.timeout_s)
            return Answer(False, f"Bulwark unreachable at {self.url} ({exc.reason}): {FAIL_CLOSED}")
        except (OSError, ValueError, http.client.HTTPException) as exc:
            return Answer(False, f"Bulwark unreachable at {self.url} ({exc}): {FAIL_CLOSED}")


def _timed_out(timeout_s: float) -> Answer:
    return Answer(False, f"Bulwark did not answer within {timeout_s:g} s: {FAIL_CLOSED}")


def decide(status: int, raw: bytes) -> Answer:
    """The answer in a response of POST /api/v1/risk/analyze (`status`, body `raw`)."""
    try:
        body = json.loads(raw)
    except ValueError:
        body = None
    if status >= 500 or status < 200 or (300 <= status < 400):
        return Answer(False, f"Bulwark answered {status}{_problem(body)}: {FAIL_CLOSED}")
    if status >= 400:
        return Answer(False, f"Bulwark refused the check ({status}{_problem(body)})")
    try:
        return _decision(body["decision"])
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        return Answer(
            False, f"Bulwark's answer was not understood ({type(exc).__name__}): {FAIL_CLOSED}"
        )


def _problem(body: Any) -> str:
    """' CODE: detail' of an RFC 9457 problem body, '' for anything else."""
    if not isinstance(body, dict):
        return ""
    code, detail = body.get("code"), body.get("detail") or body.get("title")
    return "".join(part for part in (f" {code}" if code else "", f": {detail}" if detail else ""))


def _decision(decision: dict[str, Any]) -> Answer:
    approved = decision["approved"]
    if not isinstance(approved, bool):
        raise TypeError("approved")
    requested = Decimal(decision["requested_quantity"])
    quantity = Decimal(decision["quantity"])
    verdicts = [v for v in decision["verdicts"] if v["outcome"] != "pass"]
    warnings = tuple(_said(v) for v in verdicts if v["outcome"] == "warn")
    if not approved:
        denials = [_said(v) for v in verdicts if v["outcome"] == "deny"]
        said = "; ".join(denials) or ", ".join(decision["reasons"]) or "no reason given"
        return Answer(False, f"Bulwark denied: {said}")
    if decision.get("holds"):
        held = "; ".join(_said(v) for v in verdicts if v["outcome"] == "hold")
        return Answer(False, f"Bulwark would hold it for a person's approval: {held}")
    if quantity < requested:
        cut = "; ".join(_said(v) for v in verdicts if v["outcome"] == "reduce")
        return Answer(
            False, f"Bulwark would reduce it to {_plain(quantity)} of {_plain(requested)}: {cut}"
        )
    return Answer(True, warnings=warnings)


def _said(verdict: dict[str, Any]) -> str:
    """'CODE (the control's message)' or 'CODE'."""
    code, message = str(verdict["code"]), str(verdict.get("message") or "")
    return f"{code} ({message})" if message else code


def _plain(number: Decimal) -> str:
    """A quantity without trailing zeros ("52.00000000" -> "52")."""
    return format(number.normalize(), "f")
