"""The control protocol: a small object that says how much of an order fits."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from decimal import Decimal
from typing import ClassVar, NamedTuple

from domain.numbers import ZERO
from domain.risk.reasons import Action, Outcome, ReasonCode, RuleScope
from domain.risk.verdicts import Verdict
from domain.risk.view import AccountRiskView
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, Side

_BUY = Side.BUY
_new = tuple.__new__


class Case(NamedTuple):
    """One order as the controls see it: the order and what the gate derived from it."""

    order: Order  # the order being decided
    quantity: Decimal  # its requested quantity (or the quantity an earlier REDUCE left)
    unit: Decimal  # price × multiplier: the value of one unit
    value: Decimal  # quantity × unit
    reduces: bool  # True when the order only shrinks an existing position
    view: AccountRiskView  # the account snapshot
    symbol: str  # order.symbol
    buy: bool  # order.side is Side.BUY
    mark: Decimal  # the reference price of the symbol (known, finite, positive, in the gate)
    instrument: Instrument  # the symbol's instrument (known, in the gate)


@dataclass(slots=True, eq=False)
class Control:
    """Base class of every pre-trade control.

    `breach()` returns None when the order fits, otherwise the largest quantity
    that would fit (ZERO for controls that are not about size). The gate turns
    that into a verdict according to the control's action. `quantity_based`
    controls may use the REDUCE action; the others may only BLOCK, WARN or HOLD.
    A plug-in control defines `breach()`; the built-in ones are `Condition`s, whose
    parameters are fields (a subclass is a dataclass too), before the keyword-only
    action, scope, scope_id and rule_id every control takes.
    """

    code: ClassVar[ReasonCode]
    quantity_based: ClassVar[bool] = False

    _: KW_ONLY
    action: Action = Action.BLOCK
    scope: RuleScope = RuleScope.ACCOUNT
    scope_id: str | None = None
    rule_id: str | None = None
    name: str = field(init=False, repr=False)
    pass_verdict: Verdict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.name = type(self).__name__
        self.pass_verdict = Verdict(ReasonCode.OK, Outcome.PASS, self.name, self.rule_id, "")

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
        A control defines this or check(): this one asks check() about the case it makes.
        """
        symbol = order.symbol
        mark, instrument = view.marks.get(symbol), view.instruments.get(symbol)
        fields = (order, quantity, unit, value, reduces, view, symbol, order.side is _BUY)
        return self.check(_new(Case, (*fields, mark, instrument)))

    def passes(self, case: Case) -> bool:
        """True when the case surely fits; False sends it to check(), which decides.

        A control without a pass condition of its own (a plug-in that defines only
        breach()) keeps this one: every order asks check(), and a policy that holds
        the control gets no compiled screen.
        """
        return False

    def check(self, case: Case) -> Decimal | None:
        """breach() of the case the gate has prepared (its exact path calls this).

        A control defines this or breach(): this one asks breach() about the case.
        """
        return self.breach(
            case.order, case.quantity, case.unit, case.value, case.reduces, case.view
        )

    def reason(self, view: AccountRiskView) -> ReasonCode:
        """The reason code of a breach (a control may have more than one)."""
        return self.code

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        """A human-readable sentence for a breach (only called when there is one)."""
        return f"{self.code.value}: {order.symbol} {order.side.value} {quantity}"


class Condition(Control):
    """A control defined by its pass condition, `passes()`, written once.

    The exact path runs `passes()` and, on a breach, `room()`; the gate's compiled
    screen (domain/risk/screen.py) inlines the body of `passes()` for every
    control of a policy, its parameters bound as constants. So `passes()` is
    written in the screen's style: it reads the case's fields and the control's
    attributes, returns False where the order breaches, ends with `return True`
    or `return <condition>`, and assigns none of the case's field names but to read
    a field into a local of its name (`view = case.view`: the screen drops it). The
    screen binds the attributes when it is compiled (an attribute that is None or
    a boolean folds: `self.limit is None` becomes True there, and the branch it
    guards goes), but reads the private data (a cache, `self._x`) when it runs.
    """

    __slots__ = ()

    def room(self, case: Case) -> Decimal:
        """The largest quantity that fits, once `passes()` said the case does not."""
        return ZERO

    def check(self, case: Case) -> Decimal | None:
        return None if self.passes(case) else self.room(case)


def fit(room: Decimal, unit: Decimal) -> Decimal:
    """How many units of value `unit` fit into `room` (never negative)."""
    if room <= ZERO or unit <= ZERO:
        return ZERO
    return room / unit
