from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.tail_out import TailOut





T = TypeVar("T", bound="ImportanceSamplingOut")



@_attrs_define
class ImportanceSamplingOut:
    """ 
        Attributes:
            confidence (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            paths (int):
            shift (list[float]):
            tails (list[TailOut]):
     """

    confidence: float
    paths: int
    shift: list[float]
    tails: list[TailOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tail_out import TailOut # noqa: PLC0415
        confidence = self.confidence

        paths = self.paths

        shift = self.shift



        tails = []
        for tails_item_data in self.tails:
            tails_item = tails_item_data.to_dict()
            tails.append(tails_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "confidence": confidence,
            "paths": paths,
            "shift": shift,
            "tails": tails,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tail_out import TailOut # noqa: PLC0415
        d = dict(src_dict)
        confidence = d.pop("confidence")

        paths = d.pop("paths")

        shift = cast(list[float], d.pop("shift"))


        tails = []
        _tails = d.pop("tails")
        for tails_item_data in (_tails):
            tails_item = TailOut.from_dict(tails_item_data)



            tails.append(tails_item)


        importance_sampling_out = cls(
            confidence=confidence,
            paths=paths,
            shift=shift,
            tails=tails,
        )


        importance_sampling_out.additional_properties = d
        return importance_sampling_out

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
