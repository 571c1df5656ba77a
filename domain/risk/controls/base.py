"""The control protocol: a small object that says how much of an order fits."""

from __future__ import annotations

from decimal import Decimal

from domain.risk.reasons import Action, Outcome, ReasonCode, RuleScope
from domain.risk.screen import Bind
from domain.risk.verdicts import Verdict
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order

ZERO = Decimal(0)


class Control:
    """Base class of every pre-trade control.

    `breach()` returns None when the order fits, otherwise the largest quantity
    that would fit (ZERO for controls that are not about size). The gate turns
    that into a verdict according to the control's action. `quantity_based`
    controls may use the REDUCE action; the others may only BLOCK, WARN or HOLD.
    """

    __slots__ = ("action", "code", "name", "pass_verdict", "rule_id", "scope", "scope_id")

    code: ReasonCode
    quantity_based: bool = False

    def __init__(
        self,
        *,
        action: Action = Action.BLOCK,
        scope: RuleScope = RuleScope.ACCOUNT,
        scope_id: str | None = None,
        rule_id: str | None = None,
    ) -> None:
        self.action = action
        self.scope = scope
        self.scope_id = scope_id
        self.rule_id = rule_id
        self.name = type(self).__name__
        self.pass_verdict = Verdict(ReasonCode.OK, Outcome.PASS, self.name, rule_id, "")

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        """None when `quantity` fits; else the largest quantity that fits (>= 0).

        `unit` is the order's price × multiplier (value of one unit), `value` is
        quantity × unit, and `reduces` tells whether the order only shrinks an existing position.
        """
        raise NotImplementedError

    def pass_source(self, bind: Bind) -> str | None:
        """Python lines that `return False` unless `breach()` would return None, or None.

        The gate compiles the sources of a policy's controls into one screening
        function (domain/risk/screen.py): they read the names in SCREEN_ARGS, get
        constants through `bind(value)`, must mirror `breach()`'s pass path
        operation for operation, and must not assign an argument. None (the
        default) keeps every order of the policy on the exact, per-control path.
        """
        return None

    def reason(self, view: AccountRiskView) -> ReasonCode:
        """The reason code of a breach (a control may have more than one)."""
        return self.code

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        """A human-readable sentence for a breach (only called when there is one)."""
        return f"{self.code.value}: {order.symbol} {order.side.value} {quantity}"


def fit(room: Decimal, unit: Decimal) -> Decimal:
    """How many units of value `unit` fit into `room` (never negative)."""
    if room <= ZERO or unit <= ZERO:
        return ZERO
    return room / unit
