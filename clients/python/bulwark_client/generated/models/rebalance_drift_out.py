from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.rebalance_symbol_drift_out import RebalanceSymbolDriftOut





T = TypeVar("T", bound="RebalanceDriftOut")



@_attrs_define
class RebalanceDriftOut:
    """ 
        Attributes:
            account_id (None | str):
            cash (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            symbols (list[RebalanceSymbolDriftOut]):
            value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    account_id: None | str
    cash: str
    symbols: list[RebalanceSymbolDriftOut]
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rebalance_symbol_drift_out import RebalanceSymbolDriftOut # noqa: PLC0415
        account_id: None | str
        account_id = self.account_id

        cash = self.cash

        symbols = []
        for symbols_item_data in self.symbols:
            symbols_item = symbols_item_data.to_dict()
            symbols.append(symbols_item)



        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "cash": cash,
            "symbols": symbols,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rebalance_symbol_drift_out import RebalanceSymbolDriftOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        cash = d.pop("cash")

        symbols = []
        _symbols = d.pop("symbols")
        for symbols_item_data in (_symbols):
            symbols_item = RebalanceSymbolDriftOut.from_dict(symbols_item_data)



            symbols.append(symbols_item)


        value = d.pop("value")

        rebalance_drift_out = cls(
            account_id=account_id,
            cash=cash,
            symbols=symbols,
            value=value,
        )


        rebalance_drift_out.additional_properties = d
        return rebalance_drift_out

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
