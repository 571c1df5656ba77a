"""The gate reads the account profile and the instrument flags: closed, inactive, no borrowing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.killswitch.state import TradingState
from domain.risk.book import RiskBook
from domain.risk.reasons import ReasonCode
from domain.risk.rules import RuleType
from domain.risk.view import AccountRiskView, build_risk_view
from domain.trading.account_profile import AccountStatus, TradingType
from domain.trading.accounts import Account
from tests.kit.gate import (
    BUY,
    NOW,
    SELL,
    account,
    decide,
    instrument,
    instruments,
    order,
    policy,
    rule,
    view,
)
from tests.unit.risk.gate import test_risk_book as book_test

D = Decimal
BUYING_POWER = rule(RuleType.BUYING_POWER)


def cash_account(cash: int = 100_000, *positions: tuple[str, int]) -> Account:
    acct = account(cash, *positions)
    acct.trading_type = TradingType.CASH
    return acct


def test_a_closed_accounts_order_is_denied_before_any_control() -> None:
    # Arrange
    acct = account()
    acct.close()

    # Act
    decision = decide(order("AAPL", BUY, 1), view(acct), BUYING_POWER)

    # Assert
    assert (decision.approved, decision.reasons) == (False, (ReasonCode.ACCOUNT_CLOSED,))
    assert "acc-1 is not open" in decision.verdicts[0].message


def test_an_archived_account_is_denied_too() -> None:
    acct = account()
    acct.archive()

    decision = decide(order("AAPL", SELL, 1), view(acct))

    assert decision.reasons == (ReasonCode.ACCOUNT_CLOSED,)
    assert acct.status is AccountStatus.ARCHIVED


def test_an_inactive_instrument_is_denied() -> None:
    # Arrange
    universe = instruments(replace(instrument("AAPL"), active=False))

    # Act
    decision = decide(order("AAPL", BUY, 1), view(account(), universe=universe))

    # Assert
    assert decision.reasons == (ReasonCode.INSTRUMENT_INACTIVE,)
    assert "AAPL is not active" in decision.verdicts[0].message


def test_a_non_shortable_instrument_refuses_only_a_sell_that_goes_short() -> None:
    # Arrange: 10 AAPL held
    universe = instruments(replace(instrument("AAPL"), shortable=False))
    risk_view = view(account(100_000, ("AAPL", 10)), universe=universe)

    # Act
    closing = decide(order("AAPL", SELL, 10), risk_view)
    flipping = decide(order("AAPL", SELL, 11), risk_view)
    opening = decide(order("AAPL", SELL, 1), view(account(), universe=universe))

    # Assert
    assert closing.approved
    assert flipping.reasons == (ReasonCode.SHORT_NOT_ALLOWED,)
    assert opening.reasons == (ReasonCode.SHORT_NOT_ALLOWED,)
    assert "AAPL is not shortable" in opening.verdicts[0].message


def test_a_shortable_instrument_in_a_margin_account_may_go_short() -> None:
    decision = decide(order("AAPL", SELL, 5), view(account()), BUYING_POWER)

    assert decision.approved


def test_a_cash_account_may_not_sell_short_even_a_shortable_instrument() -> None:
    decision = decide(order("AAPL", SELL, 5), view(cash_account()), BUYING_POWER)

    assert decision.reasons == (ReasonCode.SHORT_NOT_ALLOWED,)
    assert "a cash account may not sell short" in decision.verdicts[0].message


def test_a_cash_accounts_buying_power_is_its_cash() -> None:
    # Arrange: 100,000 cash and 200 AAPL at 100 (20,000) held: the cash is what is left
    risk_view = view(cash_account(100_000, ("AAPL", 200)))

    # Act
    fits = decide(order("MSFT", BUY, 500), risk_view, BUYING_POWER)  # 100,000
    over = decide(order("MSFT", BUY, 501), risk_view, BUYING_POWER)  # 100,200

    # Assert
    assert risk_view.available_margin == D(100_000)  # equity 120,000 - 100% of 20,000
    assert fits.approved
    assert over.reasons == (ReasonCode.INSUFFICIENT_BUYING_POWER,)


def test_a_margin_account_borrows_at_the_default_rate() -> None:
    # The same account on margin: 50% initial, 110,000 available -> 220,000 of MSFT
    risk_view = view(account(100_000, ("AAPL", 200)))

    assert decide(order("MSFT", BUY, 1_000), risk_view, BUYING_POWER).approved


def test_a_non_marginable_instrument_gets_no_margin_credit() -> None:
    # Arrange: GME non-marginable at 20; 100,000 cash in a margin account
    universe = instruments(replace(instrument("GME", sector="RETAIL"), marginable=False))
    risk_view = view(account(), universe=universe)

    # Act
    fits = decide(order("GME", BUY, 5_000), risk_view, BUYING_POWER)  # 100,000
    over = decide(order("GME", BUY, 5_001), risk_view, BUYING_POWER)
    marginable = decide(order("XOM", BUY, 3_000), risk_view, BUYING_POWER)  # 150,000 at 50%

    # Assert
    assert fits.approved
    assert over.reasons == (ReasonCode.INSUFFICIENT_BUYING_POWER,)
    assert marginable.approved


def test_an_exact_decision_agrees_with_the_screen_for_a_cash_account() -> None:
    # Arrange
    risk_view = view(cash_account(10_000))
    compiled = policy(BUYING_POWER)

    # Act / Assert: both paths see the 100% rate of the order's symbol
    for quantity in (99, 100, 101):
        fast = compiled.evaluate(order("AAPL", BUY, quantity), risk_view)
        exact = compiled.evaluate(order("AAPL", BUY, quantity), risk_view, exact=True)
        assert fast.approved == exact.approved == (quantity <= 100)


# -- the incremental book agrees with a rebuilt view for a cash account ---------------------

UNIVERSE = {
    **book_test.INSTRUMENTS,
    "XOM": replace(book_test.INSTRUMENTS["XOM"], marginable=False),
}


class CashWorld(book_test.World):
    """test_risk_book's world, on a cash account with one non-marginable instrument."""

    def __init__(self, trading_type: TradingType) -> None:
        super().__init__()
        self.account.trading_type = trading_type
        self.book = RiskBook(self.account, UNIVERSE)

    def rebuilt(self) -> AccountRiskView:
        return build_risk_view(
            self.account, UNIVERSE, self.marks, now=NOW, trading_state=TradingState.ACTIVE
        )


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(list(TradingType)), st.lists(book_test.events, max_size=40))
def test_the_incremental_view_of_a_cash_account_equals_a_rebuilt_one(
    trading_type: TradingType, sequence: list[object]
) -> None:
    # Arrange
    world = CashWorld(trading_type)
    world.incremental("AAPL")

    # Act
    for event in sequence:
        world.apply(event)

    # Assert
    incremental, rebuilt = world.incremental("AAPL"), world.rebuilt()
    book_test.assert_same(incremental, rebuilt)
    assert incremental.cash_only == rebuilt.cash_only == (trading_type is TradingType.CASH)
