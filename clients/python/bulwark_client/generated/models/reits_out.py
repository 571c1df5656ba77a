from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.reits_out_sector_weights import ReitsOutSectorWeights
  from ..models.reits_out_sectors import ReitsOutSectors
  from ..models.sleeve_out import SleeveOut





T = TypeVar("T", bound="ReitsOut")



@_attrs_define
class ReitsOut:
    """ 
        Attributes:
            effective_sectors (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            herfindahl (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            rule (str):
            sector_weights (ReitsOutSectorWeights):
            sectors (ReitsOutSectors):
            sleeve (SleeveOut):
     """

    effective_sectors: float
    herfindahl: float
    rule: str
    sector_weights: ReitsOutSectorWeights
    sectors: ReitsOutSectors
    sleeve: SleeveOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reits_out_sector_weights import ReitsOutSectorWeights # noqa: PLC0415
        from ..models.reits_out_sectors import ReitsOutSectors # noqa: PLC0415
        from ..models.sleeve_out import SleeveOut # noqa: PLC0415
        effective_sectors = self.effective_sectors

        herfindahl = self.herfindahl

        rule = self.rule

        sector_weights = self.sector_weights.to_dict()

        sectors = self.sectors.to_dict()

        sleeve = self.sleeve.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "effective_sectors": effective_sectors,
            "herfindahl": herfindahl,
            "rule": rule,
            "sector_weights": sector_weights,
            "sectors": sectors,
            "sleeve": sleeve,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reits_out_sector_weights import ReitsOutSectorWeights # noqa: PLC0415
        from ..models.reits_out_sectors import ReitsOutSectors # noqa: PLC0415
        from ..models.sleeve_out import SleeveOut # noqa: PLC0415
        d = dict(src_dict)
        effective_sectors = d.pop("effective_sectors")

        herfindahl = d.pop("herfindahl")

        rule = d.pop("rule")

        sector_weights = ReitsOutSectorWeights.from_dict(d.pop("sector_weights"))




        sectors = ReitsOutSectors.from_dict(d.pop("sectors"))




        sleeve = SleeveOut.from_dict(d.pop("sleeve"))




        reits_out = cls(
            effective_sectors=effective_sectors,
            herfindahl=herfindahl,
            rule=rule,
            sector_weights=sector_weights,
            sectors=sectors,
            sleeve=sleeve,
        )


        reits_out.additional_properties = d
        return reits_out

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
