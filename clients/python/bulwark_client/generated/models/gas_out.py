from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.gas_cheapest_window_out import GasCheapestWindowOut
  from ..models.gas_out_conventions import GasOutConventions
  from ..models.gas_spike_out import GasSpikeOut





T = TypeVar("T", bound="GasOut")



@_attrs_define
class GasOut:
    """ 
        Attributes:
            cheapest (GasCheapestWindowOut):
            conventions (GasOutConventions):
            latest (GasSpikeOut | None):
            latest_is_spike (bool):
            observations (int):
            spike_count (int):
            spikes (list[GasSpikeOut]): The first 1,000 spikes, by time
            threshold (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            window (int):
     """

    cheapest: GasCheapestWindowOut
    conventions: GasOutConventions
    latest: GasSpikeOut | None
    latest_is_spike: bool
    observations: int
    spike_count: int
    spikes: list[GasSpikeOut]
    threshold: float
    window: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.gas_cheapest_window_out import GasCheapestWindowOut # noqa: PLC0415
        from ..models.gas_out_conventions import GasOutConventions # noqa: PLC0415
        from ..models.gas_spike_out import GasSpikeOut # noqa: PLC0415
        cheapest = self.cheapest.to_dict()

        conventions = self.conventions.to_dict()

        latest: dict[str, Any] | None
        if isinstance(self.latest, GasSpikeOut):
            latest = self.latest.to_dict()
        else:
            latest = self.latest

        latest_is_spike = self.latest_is_spike

        observations = self.observations

        spike_count = self.spike_count

        spikes = []
        for spikes_item_data in self.spikes:
            spikes_item = spikes_item_data.to_dict()
            spikes.append(spikes_item)



        threshold = self.threshold

        window = self.window


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cheapest": cheapest,
            "conventions": conventions,
            "latest": latest,
            "latest_is_spike": latest_is_spike,
            "observations": observations,
            "spike_count": spike_count,
            "spikes": spikes,
            "threshold": threshold,
            "window": window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gas_cheapest_window_out import GasCheapestWindowOut # noqa: PLC0415
        from ..models.gas_out_conventions import GasOutConventions # noqa: PLC0415
        from ..models.gas_spike_out import GasSpikeOut # noqa: PLC0415
        d = dict(src_dict)
        cheapest = GasCheapestWindowOut.from_dict(d.pop("cheapest"))




        conventions = GasOutConventions.from_dict(d.pop("conventions"))




        def _parse_latest(data: object) -> GasSpikeOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_type_0 = GasSpikeOut.from_dict(data)



                return latest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GasSpikeOut | None, data)

        latest = _parse_latest(d.pop("latest"))


        latest_is_spike = d.pop("latest_is_spike")

        observations = d.pop("observations")

        spike_count = d.pop("spike_count")

        spikes = []
        _spikes = d.pop("spikes")
        for spikes_item_data in (_spikes):
            spikes_item = GasSpikeOut.from_dict(spikes_item_data)



            spikes.append(spikes_item)


        threshold = d.pop("threshold")

        window = d.pop("window")

        gas_out = cls(
            cheapest=cheapest,
            conventions=conventions,
            latest=latest,
            latest_is_spike=latest_is_spike,
            observations=observations,
            spike_count=spike_count,
            spikes=spikes,
            threshold=threshold,
            window=window,
        )


        gas_out.additional_properties = d
        return gas_out

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
