from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.sensitivities_in import SensitivitiesIn





T = TypeVar("T", bound="StressPositionIn")



@_attrs_define
class StressPositionIn:
    """ 
        Attributes:
            market_value (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5"
            name (str):
            hedge (bool | Unset): Counted as a hedge by hedge_sufficiency Default: False.
            sensitivities (SensitivitiesIn | Unset):
     """

    market_value: str
    name: str
    hedge: bool | Unset = False
    sensitivities: SensitivitiesIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sensitivities_in import SensitivitiesIn # noqa: PLC0415
        market_value = self.market_value

        name = self.name

        hedge = self.hedge

        sensitivities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sensitivities, Unset):
            sensitivities = self.sensitivities.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "market_value": market_value,
            "name": name,
        })
        if hedge is not UNSET:
            field_dict["hedge"] = hedge
        if sensitivities is not UNSET:
            field_dict["sensitivities"] = sensitivities

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sensitivities_in import SensitivitiesIn # noqa: PLC0415
        d = dict(src_dict)
        market_value = d.pop("market_value")

        name = d.pop("name")

        hedge = d.pop("hedge", UNSET)

        _sensitivities = d.pop("sensitivities", UNSET)
        sensitivities: SensitivitiesIn | Unset
        if isinstance(_sensitivities,  Unset):
            sensitivities = UNSET
        else:
            sensitivities = SensitivitiesIn.from_dict(_sensitivities)




        stress_position_in = cls(
            market_value=market_value,
            name=name,
            hedge=hedge,
            sensitivities=sensitivities,
        )


        stress_position_in.additional_properties = d
        return stress_position_in

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
