from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.inflation_beta_out import InflationBetaOut
  from ..models.sleeve_out import SleeveOut





T = TypeVar("T", bound="CommoditiesOut")



@_attrs_define
class CommoditiesOut:
    """ 
        Attributes:
            betas (list[InflationBetaOut]):
            rule (str):
            sleeve (SleeveOut):
     """

    betas: list[InflationBetaOut]
    rule: str
    sleeve: SleeveOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.inflation_beta_out import InflationBetaOut # noqa: PLC0415
        from ..models.sleeve_out import SleeveOut # noqa: PLC0415
        betas = []
        for betas_item_data in self.betas:
            betas_item = betas_item_data.to_dict()
            betas.append(betas_item)



        rule = self.rule

        sleeve = self.sleeve.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "betas": betas,
            "rule": rule,
            "sleeve": sleeve,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inflation_beta_out import InflationBetaOut # noqa: PLC0415
        from ..models.sleeve_out import SleeveOut # noqa: PLC0415
        d = dict(src_dict)
        betas = []
        _betas = d.pop("betas")
        for betas_item_data in (_betas):
            betas_item = InflationBetaOut.from_dict(betas_item_data)



            betas.append(betas_item)


        rule = d.pop("rule")

        sleeve = SleeveOut.from_dict(d.pop("sleeve"))




        commodities_out = cls(
            betas=betas,
            rule=rule,
            sleeve=sleeve,
        )


        commodities_out.additional_properties = d
        return commodities_out

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
