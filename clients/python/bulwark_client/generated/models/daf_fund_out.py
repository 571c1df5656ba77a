from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.daf_grant_out import DafGrantOut





T = TypeVar("T", bound="DafFundOut")



@_attrs_define
class DafFundOut:
    """ 
        Attributes:
            contributed (str):
            contributions (int):
            donee (str):
            fund (str):
            granted (str):
            grants (list[DafGrantOut]):
            ungranted (str):
     """

    contributed: str
    contributions: int
    donee: str
    fund: str
    granted: str
    grants: list[DafGrantOut]
    ungranted: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.daf_grant_out import DafGrantOut # noqa: PLC0415
        contributed = self.contributed

        contributions = self.contributions

        donee = self.donee

        fund = self.fund

        granted = self.granted

        grants = []
        for grants_item_data in self.grants:
            grants_item = grants_item_data.to_dict()
            grants.append(grants_item)



        ungranted = self.ungranted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contributed": contributed,
            "contributions": contributions,
            "donee": donee,
            "fund": fund,
            "granted": granted,
            "grants": grants,
            "ungranted": ungranted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.daf_grant_out import DafGrantOut # noqa: PLC0415
        d = dict(src_dict)
        contributed = d.pop("contributed")

        contributions = d.pop("contributions")

        donee = d.pop("donee")

        fund = d.pop("fund")

        granted = d.pop("granted")

        grants = []
        _grants = d.pop("grants")
        for grants_item_data in (_grants):
            grants_item = DafGrantOut.from_dict(grants_item_data)



            grants.append(grants_item)


        ungranted = d.pop("ungranted")

        daf_fund_out = cls(
            contributed=contributed,
            contributions=contributions,
            donee=donee,
            fund=fund,
            granted=granted,
            grants=grants,
            ungranted=ungranted,
        )


        daf_fund_out.additional_properties = d
        return daf_fund_out

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
