from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.proposal_out_wash_free_after import ProposalOutWashFreeAfter
  from ..models.rebalance_trade_out import RebalanceTradeOut
  from ..models.rebalance_unresolved_out import RebalanceUnresolvedOut





T = TypeVar("T", bound="ProposalOut")



@_attrs_define
class ProposalOut:
    """ 
        Attributes:
            band (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
            by_autopilot (bool):
            created_at (datetime.datetime):
            executed_at (datetime.datetime | None):
            fractional (bool):
            id (str):
            lot_method (str):
            order_ids (list[str]):
            portfolio_id (str):
            realised_gain (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            realised_gain_long (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            realised_gain_short (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            status (str):
            trade_day (datetime.date):
            trades (list[RebalanceTradeOut]):
            turnover (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places, rounded
                half-even, never in exponent notation
            unresolved (list[RebalanceUnresolvedOut]):
            value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            wash_free_after (ProposalOutWashFreeAfter):
     """

    band: str
    by_autopilot: bool
    created_at: datetime.datetime
    executed_at: datetime.datetime | None
    fractional: bool
    id: str
    lot_method: str
    order_ids: list[str]
    portfolio_id: str
    realised_gain: str
    realised_gain_long: str
    realised_gain_short: str
    status: str
    trade_day: datetime.date
    trades: list[RebalanceTradeOut]
    turnover: str
    unresolved: list[RebalanceUnresolvedOut]
    value: str
    wash_free_after: ProposalOutWashFreeAfter
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.proposal_out_wash_free_after import ProposalOutWashFreeAfter # noqa: PLC0415
        from ..models.rebalance_trade_out import RebalanceTradeOut # noqa: PLC0415
        from ..models.rebalance_unresolved_out import RebalanceUnresolvedOut # noqa: PLC0415
        band = self.band

        by_autopilot = self.by_autopilot

        created_at = self.created_at.isoformat()

        executed_at: None | str
        if isinstance(self.executed_at, datetime.datetime):
            executed_at = self.executed_at.isoformat()
        else:
            executed_at = self.executed_at

        fractional = self.fractional

        id = self.id

        lot_method = self.lot_method

        order_ids = self.order_ids



        portfolio_id = self.portfolio_id

        realised_gain = self.realised_gain

        realised_gain_long = self.realised_gain_long

        realised_gain_short = self.realised_gain_short

        status = self.status

        trade_day = self.trade_day.isoformat()

        trades = []
        for trades_item_data in self.trades:
            trades_item = trades_item_data.to_dict()
            trades.append(trades_item)



        turnover = self.turnover

        unresolved = []
        for unresolved_item_data in self.unresolved:
            unresolved_item = unresolved_item_data.to_dict()
            unresolved.append(unresolved_item)



        value = self.value

        wash_free_after = self.wash_free_after.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "band": band,
            "by_autopilot": by_autopilot,
            "created_at": created_at,
            "executed_at": executed_at,
            "fractional": fractional,
            "id": id,
            "lot_method": lot_method,
            "order_ids": order_ids,
            "portfolio_id": portfolio_id,
            "realised_gain": realised_gain,
            "realised_gain_long": realised_gain_long,
            "realised_gain_short": realised_gain_short,
            "status": status,
            "trade_day": trade_day,
            "trades": trades,
            "turnover": turnover,
            "unresolved": unresolved,
            "value": value,
            "wash_free_after": wash_free_after,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_out_wash_free_after import ProposalOutWashFreeAfter # noqa: PLC0415
        from ..models.rebalance_trade_out import RebalanceTradeOut # noqa: PLC0415
        from ..models.rebalance_unresolved_out import RebalanceUnresolvedOut # noqa: PLC0415
        d = dict(src_dict)
        band = d.pop("band")

        by_autopilot = d.pop("by_autopilot")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_executed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                executed_at_type_0 = datetime.datetime.fromisoformat(data)



                return executed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        executed_at = _parse_executed_at(d.pop("executed_at"))


        fractional = d.pop("fractional")

        id = d.pop("id")

        lot_method = d.pop("lot_method")

        order_ids = cast(list[str], d.pop("order_ids"))


        portfolio_id = d.pop("portfolio_id")

        realised_gain = d.pop("realised_gain")

        realised_gain_long = d.pop("realised_gain_long")

        realised_gain_short = d.pop("realised_gain_short")

        status = d.pop("status")

        trade_day = datetime.date.fromisoformat(d.pop("trade_day"))




        trades = []
        _trades = d.pop("trades")
        for trades_item_data in (_trades):
            trades_item = RebalanceTradeOut.from_dict(trades_item_data)



            trades.append(trades_item)


        turnover = d.pop("turnover")

        unresolved = []
        _unresolved = d.pop("unresolved")
        for unresolved_item_data in (_unresolved):
            unresolved_item = RebalanceUnresolvedOut.from_dict(unresolved_item_data)



            unresolved.append(unresolved_item)


        value = d.pop("value")

        wash_free_after = ProposalOutWashFreeAfter.from_dict(d.pop("wash_free_after"))




        proposal_out = cls(
            band=band,
            by_autopilot=by_autopilot,
            created_at=created_at,
            executed_at=executed_at,
            fractional=fractional,
            id=id,
            lot_method=lot_method,
            order_ids=order_ids,
            portfolio_id=portfolio_id,
            realised_gain=realised_gain,
            realised_gain_long=realised_gain_long,
            realised_gain_short=realised_gain_short,
            status=status,
            trade_day=trade_day,
            trades=trades,
            turnover=turnover,
            unresolved=unresolved,
            value=value,
            wash_free_after=wash_free_after,
        )


        proposal_out.additional_properties = d
        return proposal_out

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
