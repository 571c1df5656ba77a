from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ratio_out import RatioOut





T = TypeVar("T", bound="FundamentalsOut")



@_attrs_define
class FundamentalsOut:
    """ 
        Attributes:
            as_of (datetime.datetime):
            ratios (list[RatioOut]):
            source (str):
            symbol (str):
     """

    as_of: datetime.datetime
    ratios: list[RatioOut]
    source: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ratio_out import RatioOut # noqa: PLC0415
        as_of = self.as_of.isoformat()

        ratios = []
        for ratios_item_data in self.ratios:
            ratios_item = ratios_item_data.to_dict()
            ratios.append(ratios_item)



        source = self.source

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "ratios": ratios,
            "source": source,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ratio_out import RatioOut # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        ratios = []
        _ratios = d.pop("ratios")
        for ratios_item_data in (_ratios):
            ratios_item = RatioOut.from_dict(ratios_item_data)



            ratios.append(ratios_item)


        source = d.pop("source")

        symbol = d.pop("symbol")

        fundamentals_out = cls(
            as_of=as_of,
            ratios=ratios,
            source=source,
            symbol=symbol,
        )


        fundamentals_out.additional_properties = d
        return fundamentals_out

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
