from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.implied_vol_out_reasons import ImpliedVolOutReasons
  from ..models.implied_vol_out_units import ImpliedVolOutUnits





T = TypeVar("T", bound="ImpliedVolOut")



@_attrs_define
class ImpliedVolOut:
    """ 
        Attributes:
            backend (str):
            count (int):
            reason (list[str]):
            reasons (ImpliedVolOutReasons):
            solved (int):
            units (ImpliedVolOutUnits):
            volatility (list[float | None]): One per option, rounded to 10 decimal places; null: none fits
     """

    backend: str
    count: int
    reason: list[str]
    reasons: ImpliedVolOutReasons
    solved: int
    units: ImpliedVolOutUnits
    volatility: list[float | None]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.implied_vol_out_reasons import ImpliedVolOutReasons # noqa: PLC0415
        from ..models.implied_vol_out_units import ImpliedVolOutUnits # noqa: PLC0415
        backend = self.backend

        count = self.count

        reason = self.reason



        reasons = self.reasons.to_dict()

        solved = self.solved

        units = self.units.to_dict()

        volatility = []
        for volatility_item_data in self.volatility:
            volatility_item: float | None
            volatility_item = volatility_item_data
            volatility.append(volatility_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "backend": backend,
            "count": count,
            "reason": reason,
            "reasons": reasons,
            "solved": solved,
            "units": units,
            "volatility": volatility,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.implied_vol_out_reasons import ImpliedVolOutReasons # noqa: PLC0415
        from ..models.implied_vol_out_units import ImpliedVolOutUnits # noqa: PLC0415
        d = dict(src_dict)
        backend = d.pop("backend")

        count = d.pop("count")

        reason = cast(list[str], d.pop("reason"))


        reasons = ImpliedVolOutReasons.from_dict(d.pop("reasons"))




        solved = d.pop("solved")

        units = ImpliedVolOutUnits.from_dict(d.pop("units"))




        volatility = []
        _volatility = d.pop("volatility")
        for volatility_item_data in (_volatility):
            def _parse_volatility_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            volatility_item = _parse_volatility_item(volatility_item_data)

            volatility.append(volatility_item)


        implied_vol_out = cls(
            backend=backend,
            count=count,
            reason=reason,
            reasons=reasons,
            solved=solved,
            units=units,
            volatility=volatility,
        )


        implied_vol_out.additional_properties = d
        return implied_vol_out

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
