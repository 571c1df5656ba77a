from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.daf_fund_out import DafFundOut
  from ..models.daf_funds_out_conventions import DafFundsOutConventions





T = TypeVar("T", bound="DafFundsOut")



@_attrs_define
class DafFundsOut:
    """ 
        Attributes:
            conventions (DafFundsOutConventions):
            funds (list[DafFundOut]):
     """

    conventions: DafFundsOutConventions
    funds: list[DafFundOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.daf_fund_out import DafFundOut # noqa: PLC0415
        from ..models.daf_funds_out_conventions import DafFundsOutConventions # noqa: PLC0415
        conventions = self.conventions.to_dict()

        funds = []
        for funds_item_data in self.funds:
            funds_item = funds_item_data.to_dict()
            funds.append(funds_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "funds": funds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.daf_fund_out import DafFundOut # noqa: PLC0415
        from ..models.daf_funds_out_conventions import DafFundsOutConventions # noqa: PLC0415
        d = dict(src_dict)
        conventions = DafFundsOutConventions.from_dict(d.pop("conventions"))




        funds = []
        _funds = d.pop("funds")
        for funds_item_data in (_funds):
            funds_item = DafFundOut.from_dict(funds_item_data)



            funds.append(funds_item)


        daf_funds_out = cls(
            conventions=conventions,
            funds=funds,
        )


        daf_funds_out.additional_properties = d
        return daf_funds_out

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
