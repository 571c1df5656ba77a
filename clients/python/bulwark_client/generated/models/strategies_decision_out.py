from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.sizing_inputs_out import SizingInputsOut





T = TypeVar("T", bound="StrategiesDecisionOut")



@_attrs_define
class StrategiesDecisionOut:
    """ 
        Attributes:
            account_id (str):
            action (str):
            decided_at (datetime.datetime):
            exit_reason (None | str):
            id (str):
            mode (str):
            order_id (None | str):
            price (None | str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            reason (str):
            score (float | None):
            side (None | str):
            signal_id (None | str):
            signal_kind (str):
            sizing (None | SizingInputsOut):
            stop (None | str):
            strategy_id (str):
            symbol (str):
            take_profit (None | str):
            trigger (str):
            verdict (str):
            verdict_reasons (list[str]):
     """

    account_id: str
    action: str
    decided_at: datetime.datetime
    exit_reason: None | str
    id: str
    mode: str
    order_id: None | str
    price: None | str
    quantity: str
    reason: str
    score: float | None
    side: None | str
    signal_id: None | str
    signal_kind: str
    sizing: None | SizingInputsOut
    stop: None | str
    strategy_id: str
    symbol: str
    take_profit: None | str
    trigger: str
    verdict: str
    verdict_reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sizing_inputs_out import SizingInputsOut # noqa: PLC0415
        account_id = self.account_id

        action = self.action

        decided_at = self.decided_at.isoformat()

        exit_reason: None | str
        exit_reason = self.exit_reason

        id = self.id

        mode = self.mode

        order_id: None | str
        order_id = self.order_id

        price: None | str
        price = self.price

        quantity = self.quantity

        reason = self.reason

        score: float | None
        score = self.score

        side: None | str
        side = self.side

        signal_id: None | str
        signal_id = self.signal_id

        signal_kind = self.signal_kind

        sizing: dict[str, Any] | None
        if isinstance(self.sizing, SizingInputsOut):
            sizing = self.sizing.to_dict()
        else:
            sizing = self.sizing

        stop: None | str
        stop = self.stop

        strategy_id = self.strategy_id

        symbol = self.symbol

        take_profit: None | str
        take_profit = self.take_profit

        trigger = self.trigger

        verdict = self.verdict

        verdict_reasons = self.verdict_reasons




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "action": action,
            "decided_at": decided_at,
            "exit_reason": exit_reason,
            "id": id,
            "mode": mode,
            "order_id": order_id,
            "price": price,
            "quantity": quantity,
            "reason": reason,
            "score": score,
            "side": side,
            "signal_id": signal_id,
            "signal_kind": signal_kind,
            "sizing": sizing,
            "stop": stop,
            "strategy_id": strategy_id,
            "symbol": symbol,
            "take_profit": take_profit,
            "trigger": trigger,
            "verdict": verdict,
            "verdict_reasons": verdict_reasons,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sizing_inputs_out import SizingInputsOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        action = d.pop("action")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))




        def _parse_exit_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        exit_reason = _parse_exit_reason(d.pop("exit_reason"))


        id = d.pop("id")

        mode = d.pop("mode")

        def _parse_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_id = _parse_order_id(d.pop("order_id"))


        def _parse_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        price = _parse_price(d.pop("price"))


        quantity = d.pop("quantity")

        reason = d.pop("reason")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        def _parse_side(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        side = _parse_side(d.pop("side"))


        def _parse_signal_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signal_id = _parse_signal_id(d.pop("signal_id"))


        signal_kind = d.pop("signal_kind")

        def _parse_sizing(data: object) -> None | SizingInputsOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sizing_type_0 = SizingInputsOut.from_dict(data)



                return sizing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SizingInputsOut, data)

        sizing = _parse_sizing(d.pop("sizing"))


        def _parse_stop(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stop = _parse_stop(d.pop("stop"))


        strategy_id = d.pop("strategy_id")

        symbol = d.pop("symbol")

        def _parse_take_profit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        take_profit = _parse_take_profit(d.pop("take_profit"))


        trigger = d.pop("trigger")

        verdict = d.pop("verdict")

        verdict_reasons = cast(list[str], d.pop("verdict_reasons"))


        strategies_decision_out = cls(
            account_id=account_id,
            action=action,
            decided_at=decided_at,
            exit_reason=exit_reason,
            id=id,
            mode=mode,
            order_id=order_id,
            price=price,
            quantity=quantity,
            reason=reason,
            score=score,
            side=side,
            signal_id=signal_id,
            signal_kind=signal_kind,
            sizing=sizing,
            stop=stop,
            strategy_id=strategy_id,
            symbol=symbol,
            take_profit=take_profit,
            trigger=trigger,
            verdict=verdict,
            verdict_reasons=verdict_reasons,
        )


        strategies_decision_out.additional_properties = d
        return strategies_decision_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
