"""`BulwarkGated`: a freqtrade strategy mixin that puts Bulwark's pre-trade gate in front of every
entry, exit and position adjustment.

Put it first among the bases, before the strategy it gates::

    class MyGatedStrategy(BulwarkGated, MyStrategy):
        pass

Each callback asks the strategy's own first (`super()`), then Bulwark (`bulwark_freqtrade.gate`):
an order goes ahead only when both say yes. A refused entry locks the pair for the rest of its
candle, with Bulwark's reasons as the lock's reason (freqtrade's lock list, and a backtest
result's `locks`, show every refusal), so a live bot does not ask again at every loop.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bulwark_freqtrade.gate import GateClient, GateConfigError, GateSettings, Verdict

if TYPE_CHECKING:  # the mixin is typed as the strategy it is mixed into
    from freqtrade.persistence import Trade
    from freqtrade.strategy import IStrategy as _Strategy
else:
    _Strategy = object

logger = logging.getLogger(__name__)

LOCK_PREFIX = "Bulwark: "
# freqtrade takes a callback's exception as a yes; Bulwark is asked all the same.
_OWN_FAILED = "the strategy's own %s failed: a yes, as freqtrade takes it; Bulwark is still asked"


class BulwarkGated(_Strategy):
    """Bulwark's gate in front of `confirm_trade_entry`, `confirm_trade_exit` and
    `adjust_trade_position`. Settings: the `bulwark` section of freqtrade's config
    (`GateSettings.from_config`); the key from `BULWARK_API_KEY`."""

    _bulwark_gate: GateClient | None = None

    def bulwark_check(self, pair: str, side: str, quantity: float, price: float) -> Verdict:
        """Bulwark's verdict on an order of `quantity` at `price` (side buy or sell); a refusal
        when the `bulwark` section is wrong, as when Bulwark cannot answer. Never raises:
        freqtrade takes a callback's exception as a yes."""
        try:
            return self._bulwark_check(pair, side, quantity, price)
        except Exception as exc:
            why = f"Bulwark's check failed ({type(exc).__name__}: {exc}); refused (fail closed)"
            logger.exception(why)
            return Verdict(False, (), why)

    def _bulwark_check(self, pair: str, side: str, quantity: float, price: float) -> Verdict:
        if self._bulwark_gate is None:
            try:
                settings = GateSettings.from_config(self.config)
            except GateConfigError as exc:
                verdict = Verdict(False, (), f"Bulwark is not configured: {exc}; refused")
                logger.error(verdict.why)
                return verdict
            self._bulwark_gate = GateClient(settings)
        verdict = self._bulwark_gate.check(pair, side, quantity, price)
        if verdict.approved:
            logger.debug(verdict.why)
        elif verdict.reasons:
            logger.warning(verdict.why)
        else:
            logger.error(verdict.why)
        return verdict

    def confirm_trade_entry(
        self,
        pair: str,
        order_type: str,
        amount: float,
        rate: float,
        time_in_force: str,
        current_time: datetime,
        entry_tag: str | None,
        side: str,
        **kwargs: Any,
    ) -> bool:
        try:
            own = super().confirm_trade_entry(
                pair, order_type, amount, rate, time_in_force, current_time, entry_tag, side,
                **kwargs,
            )  # fmt: skip
        except Exception:
            logger.exception(_OWN_FAILED, "confirm_trade_entry")
            own = True
        if not own:
            return False
        verdict = self.bulwark_check(pair, "sell" if side == "short" else "buy", amount, rate)
        if not verdict.approved:
            try:
                self._lock_for_the_candle(pair, current_time, side, verdict)
            except Exception:
                logger.exception("could not lock %s after Bulwark's refusal", pair)
        return verdict.approved

    def confirm_trade_exit(
        self,
        pair: str,
        trade: Trade,
        order_type: str,
        amount: float,
        rate: float,
        time_in_force: str,
        exit_reason: str,
        current_time: datetime,
        **kwargs: Any,
    ) -> bool:
        try:
            own = super().confirm_trade_exit(
                pair, trade, order_type, amount, rate, time_in_force, exit_reason, current_time,
                **kwargs,
            )  # fmt: skip
        except Exception:
            logger.exception(_OWN_FAILED, "confirm_trade_exit")
            own = True
        if not own:
            return False
        side = "buy" if trade.is_short else "sell"
        return self.bulwark_check(pair, side, amount, rate).approved

    def adjust_trade_position(
        self,
        trade: Trade,
        current_time: datetime,
        current_rate: float,
        current_profit: float,
        min_stake: float | None,
        max_stake: float,
        current_entry_rate: float,
        current_exit_rate: float,
        current_entry_profit: float,
        current_exit_profit: float,
        **kwargs: Any,
    ) -> float | tuple[float | None, str | None] | None:
        """The strategy's adjustment when Bulwark approves its order, else none. A positive
        stake adds to the position (a buy of a long, a sell of a short), a negative one takes
        from it; the quantity is the stake over the rate, times the trade's leverage."""
        wanted = super().adjust_trade_position(
            trade,
            current_time,
            current_rate,
            current_profit,
            min_stake,
            max_stake,
            current_entry_rate,
            current_exit_rate,
            current_entry_profit,
            current_exit_profit,
            **kwargs,
        )
        stake = wanted[0] if isinstance(wanted, tuple) else wanted
        if not stake:
            return wanted
        adds = stake > 0
        rate = current_entry_rate if adds else current_exit_rate
        # As freqtrade sizes the order: an addition at the rate, a reduction pro rata.
        wanted_amount = (
            stake / rate * trade.leverage if adds else -stake * trade.amount / trade.stake_amount
        )
        quantity = self._amount(trade.pair, wanted_amount)
        if quantity <= 0:  # nothing left after the lot precision: freqtrade places nothing
            return wanted
        buys = adds != trade.is_short
        verdict = self.bulwark_check(trade.pair, "buy" if buys else "sell", quantity, rate)
        return wanted if verdict.approved else None

    def _amount(self, pair: str, amount: float) -> float:
        """The amount as the exchange will trade it (its lot precision), where it is known."""
        exchange = getattr(self.dp, "_exchange", None)
        if exchange is None:
            return amount
        try:
            return float(exchange.amount_to_precision(pair, amount))
        except Exception:  # an unknown market: the amount as freqtrade asked
            return amount

    def _lock_for_the_candle(
        self, pair: str, current_time: datetime, side: str, verdict: Verdict
    ) -> None:
        from freqtrade.exchange import timeframe_to_next_date

        until = timeframe_to_next_date(self.timeframe, current_time)
        reason = LOCK_PREFIX + (", ".join(verdict.reasons) or "no answer (fail closed)")
        self.lock_pair(pair, until, reason, side=side)
