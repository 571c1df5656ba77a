from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lot_method import LotMethod
from typing import cast

if TYPE_CHECKING:
  from ..models.holding_account_out_cash import HoldingAccountOutCash
  from ..models.holding_position_out import HoldingPositionOut
  from ..models.portfolio_account_out import PortfolioAccountOut





T = TypeVar("T", bound="HoldingAccountOut")



@_attrs_define
class HoldingAccountOut:
    """ 
        Attributes:
            account (PortfolioAccountOut):
            cash (HoldingAccountOutCash): Balance per ISO 4217 currency
            lot_method (LotMethod): Which lots a sale consumes unless the sale says otherwise
            positions (list[HoldingPositionOut]):
     """

    account: PortfolioAccountOut
    cash: HoldingAccountOutCash
    lot_method: LotMethod
    positions: list[HoldingPositionOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.holding_account_out_cash import HoldingAccountOutCash # noqa: PLC0415
        from ..models.holding_position_out import HoldingPositionOut # noqa: PLC0415
        from ..models.portfolio_account_out import PortfolioAccountOut # noqa: PLC0415
        account = self.account.to_dict()

        cash = self.cash.to_dict()

        lot_method = self.lot_method.value

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account": account,
            "cash": cash,
            "lot_method": lot_method,
            "positions": positions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.holding_account_out_cash import HoldingAccountOutCash # noqa: PLC0415
        from ..models.holding_position_out import HoldingPositionOut # noqa: PLC0415
        from ..models.portfolio_account_out import PortfolioAccountOut # noqa: PLC0415
        d = dict(src_dict)
        account = PortfolioAccountOut.from_dict(d.pop("account"))




        cash = HoldingAccountOutCash.from_dict(d.pop("cash"))




        lot_method = LotMethod(d.pop("lot_method"))




        positions = []
        _positions = d.pop("positions")
        for positions_item_data in (_positions):
            positions_item = HoldingPositionOut.from_dict(positions_item_data)



            positions.append(positions_item)


        holding_account_out = cls(
            account=account,
            cash=cash,
            lot_method=lot_method,
            positions=positions,
        )


        holding_account_out.additional_properties = d
        return holding_account_out

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
