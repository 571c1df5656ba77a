from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.factor_model_out import FactorModelOut
  from ..models.replay_catalog_out_units import ReplayCatalogOutUnits
  from ..models.replay_out import ReplayOut





T = TypeVar("T", bound="ReplayCatalogOut")



@_attrs_define
class ReplayCatalogOut:
    """ 
        Attributes:
            factor_model (FactorModelOut | None):
            replays (list[ReplayOut]):
            source (str):
            units (ReplayCatalogOutUnits):
     """

    factor_model: FactorModelOut | None
    replays: list[ReplayOut]
    source: str
    units: ReplayCatalogOutUnits
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.factor_model_out import FactorModelOut # noqa: PLC0415
        from ..models.replay_catalog_out_units import ReplayCatalogOutUnits # noqa: PLC0415
        from ..models.replay_out import ReplayOut # noqa: PLC0415
        factor_model: dict[str, Any] | None
        if isinstance(self.factor_model, FactorModelOut):
            factor_model = self.factor_model.to_dict()
        else:
            factor_model = self.factor_model

        replays = []
        for replays_item_data in self.replays:
            replays_item = replays_item_data.to_dict()
            replays.append(replays_item)



        source = self.source

        units = self.units.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "factor_model": factor_model,
            "replays": replays,
            "source": source,
            "units": units,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.factor_model_out import FactorModelOut # noqa: PLC0415
        from ..models.replay_catalog_out_units import ReplayCatalogOutUnits # noqa: PLC0415
        from ..models.replay_out import ReplayOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_factor_model(data: object) -> FactorModelOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                factor_model_type_0 = FactorModelOut.from_dict(data)



                return factor_model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FactorModelOut | None, data)

        factor_model = _parse_factor_model(d.pop("factor_model"))


        replays = []
        _replays = d.pop("replays")
        for replays_item_data in (_replays):
            replays_item = ReplayOut.from_dict(replays_item_data)



            replays.append(replays_item)


        source = d.pop("source")

        units = ReplayCatalogOutUnits.from_dict(d.pop("units"))




        replay_catalog_out = cls(
            factor_model=factor_model,
            replays=replays,
            source=source,
            units=units,
        )


        replay_catalog_out.additional_properties = d
        return replay_catalog_out

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
