"""The gate's decision on an order, told to a model: each reason with its code, and one
sentence it can act on ("Denied: ...; reduce the quantity to at most 52")."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

Json = dict[str, Any]

# What to do next, for the reasons no quantity can cure.
_NEXT_STEP = {
    "TRADING_HALTED": "trading is halted for this scope: place no orders until "
    "kill_switch_state shows it active again",
    "TRADING_REDUCE_ONLY": "the scope is reducing: only orders that shrink a position are "
    "accepted (set reduce_only)",
    "RESTRICTED_SYMBOL": "this symbol is restricted: do not trade it",
    "OUTSIDE_TRADING_HOURS": "the market is closed for this instrument: try again in its "
    "trading hours",
    "ORDER_RATE": "too many orders too fast: wait before the next one",
    "DUPLICATE_ORDER": "the same order was just sent: do not resend it",
    "MAX_DAILY_LOSS": "the daily loss limit is reached: stop opening risk today",
    "MAX_DRAWDOWN": "the drawdown limit is reached: stop opening risk",
    "SELF_MATCH": "it would trade against your own resting order: cancel that one first",
    "MAX_OPEN_ORDERS": "too many open orders: cancel some before placing more",
    "REDUCE_ONLY_VIOLATION": "a reduce-only order may not grow the position",
}


def plain(number: Any) -> str:
    """A wire figure ("52.00000000") as a person writes it ("52"); other text as it is."""
    try:
        value = Decimal(str(number))
    except (InvalidOperation, ValueError):
        return str(number)
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def reasons_of(verdicts: list[Json], codes: list[str] | None = None) -> list[Json]:
    """The verdicts that did something (denied, reduced, warned), or those of `codes`."""
    chosen = [
        v
        for v in verdicts
        if (v.get("code") in codes if codes is not None else v.get("outcome") != "pass")
    ]
    return [
        {
            "code": v.get("code"),
            "outcome": v.get("outcome"),
            "control": v.get("control"),
            "message": v.get("message"),
            "rule_id": v.get("rule_id"),
            "allowed_quantity": v.get("allowed_quantity"),
        }
        for v in chosen
    ]


def most_that_fits(codes: list[str], headroom: list[Json], requested: Any) -> Decimal | None:
    """The largest quantity under every size limit that denied the order, in whole lots of
    the instrument as the analysis counts each limit's room (0: not even one lot fits; None:
    no such limit denied it)."""
    capacities = []
    for room in headroom:
        if room.get("code") not in codes:
            continue
        try:
            capacities.append(Decimal(str(room["capacity"])))
        except (InvalidOperation, KeyError, ValueError):
            continue
    if not capacities:
        return None
    fits = min(capacities)
    try:
        asked = Decimal(str(requested))
    except (InvalidOperation, ValueError):
        return fits
    return fits if fits < asked else None


def denial_sentence(reasons: list[Json], codes: list[str], fits: Decimal | None) -> str:
    """ "Denied: <what each control said>; <what to do>"."""
    said = [str(r["message"]) for r in reasons if r.get("message")]
    what = "; ".join(said) if said else "reasons " + ", ".join(codes)
    if fits is not None and fits > 0:
        step = f"reduce the quantity to at most {plain(fits)}"
    elif fits is not None:
        step = "no order fits under the limit now, not even one lot: do not resend it"
    else:
        steps = [_NEXT_STEP[c] for c in codes if c in _NEXT_STEP]
        step = steps[0] if steps else "do not resend it unchanged"
    return f"Denied: {what}; {step}."


def approval_sentence(order: Json, decision: Json | None, replayed: bool, key: str) -> str:
    """ "Approved: buy 10 AAPL on acct-1 (order o-1, filled)." with a reduction or replay."""
    side, symbol = order.get("side"), order.get("symbol")
    quantity = plain(order.get("quantity"))
    text = (
        f"Approved: {side} {quantity} {symbol} on {order.get('account_id')} "
        f"(order {order.get('id')}, {order.get('status')})."
    )
    requested = (decision or {}).get("requested_quantity")
    if requested is not None and plain(requested) != quantity:
        controls = [
            str(v.get("control")) for v in (decision or {}).get("verdicts", [])
            if v.get("outcome") == "reduce"
        ]  # fmt: skip
        by = f" by {', '.join(controls)}" if controls else ""
        text += f" Reduced from {plain(requested)} to {quantity}{by}."
    if replayed:
        text += f" A replay of idempotency key {key}: the same order, not a new one."
    return text


def held_sentence(order: Json, decision: Json | None) -> str:
    """ "Held for a person's approval: buy 10 AAPL on acct-1 (order o-1): MAX_ORDER_NOTIONAL..."
    A held order is not sent until the account's owner or a risk officer approves it."""
    reasons = [
        str(v.get("message") or v.get("code"))
        for v in (decision or {}).get("verdicts", [])
        if v.get("outcome") == "hold"
    ] or [str(code) for code in order.get("hold_reasons", [])]
    return (
        f"Held for a person's approval: {order.get('side')} {plain(order.get('quantity'))} "
        f"{order.get('symbol')} on {order.get('account_id')} (order {order.get('id')}): "
        f"{'; '.join(reasons)}. It is not sent until the account's owner or a risk officer "
        "approves it (you cannot), and expires unsent if nobody does; follow it with "
        "list_orders."
    )
