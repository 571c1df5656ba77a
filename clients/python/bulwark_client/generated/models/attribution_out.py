from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_out_model import AttributionOutModel
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.attribution_cusum_out import AttributionCusumOut
  from ..models.attribution_linked_out import AttributionLinkedOut
  from ..models.attribution_out_conventions import AttributionOutConventions
  from ..models.attribution_out_units import AttributionOutUnits
  from ..models.attribution_period_out import AttributionPeriodOut
  from ..models.regime_shifts_out import RegimeShiftsOut
  from ..models.stored_attribution_source_out import StoredAttributionSourceOut





T = TypeVar("T", bound="AttributionOut")



@_attrs_define
class AttributionOut:
    """ 
        Attributes:
            conventions (AttributionOutConventions):
            cusum (AttributionCusumOut):
            linked (AttributionLinkedOut):
            model (AttributionOutModel):
            periods (list[AttributionPeriodOut]):
            sectors (list[str]):
            units (AttributionOutUnits):
            regimes (None | RegimeShiftsOut | Unset): Stored input: the regime shifts; null with regime none
            source (None | StoredAttributionSourceOut | Unset): Stored input: what the periods came from
     """

    conventions: AttributionOutConventions
    cusum: AttributionCusumOut
    linked: AttributionLinkedOut
    model: AttributionOutModel
    periods: list[AttributionPeriodOut]
    sectors: list[str]
    units: AttributionOutUnits
    regimes: None | RegimeShiftsOut | Unset = UNSET
    source: None | StoredAttributionSourceOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attribution_cusum_out import AttributionCusumOut # noqa: PLC0415
        from ..models.attribution_linked_out import AttributionLinkedOut # noqa: PLC0415
        from ..models.attribution_out_conventions import AttributionOutConventions # noqa: PLC0415
        from ..models.attribution_out_units import AttributionOutUnits # noqa: PLC0415
        from ..models.attribution_period_out import AttributionPeriodOut # noqa: PLC0415
        from ..models.regime_shifts_out import RegimeShiftsOut # noqa: PLC0415
        from ..models.stored_attribution_source_out import StoredAttributionSourceOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        cusum = self.cusum.to_dict()

        linked = self.linked.to_dict()

        model = self.model.value

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)



        sectors = self.sectors



        units = self.units.to_dict()

        regimes: dict[str, Any] | None | Unset
        if isinstance(self.regimes, Unset):
            regimes = UNSET
        elif isinstance(self.regimes, RegimeShiftsOut):
            regimes = self.regimes.to_dict()
        else:
            regimes = self.regimes

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, StoredAttributionSourceOut):
            source = self.source.to_dict()
        else:
            source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "cusum": cusum,
            "linked": linked,
            "model": model,
            "periods": periods,
            "sectors": sectors,
            "units": units,
        })
        if regimes is not UNSET:
            field_dict["regimes"] = regimes
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_cusum_out import AttributionCusumOut # noqa: PLC0415
        from ..models.attribution_linked_out import AttributionLinkedOut # noqa: PLC0415
        from ..models.attribution_out_conventions import AttributionOutConventions # noqa: PLC0415
        from ..models.attribution_out_units import AttributionOutUnits # noqa: PLC0415
        from ..models.attribution_period_out import AttributionPeriodOut # noqa: PLC0415
        from ..models.regime_shifts_out import RegimeShiftsOut # noqa: PLC0415
        from ..models.stored_attribution_source_out import StoredAttributionSourceOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = AttributionOutConventions.from_dict(d.pop("conventions"))




        cusum = AttributionCusumOut.from_dict(d.pop("cusum"))




        linked = AttributionLinkedOut.from_dict(d.pop("linked"))




        model = AttributionOutModel(d.pop("model"))




        periods = []
        _periods = d.pop("periods")
        for periods_item_data in (_periods):
            periods_item = AttributionPeriodOut.from_dict(periods_item_data)



            periods.append(periods_item)


        sectors = cast(list[str], d.pop("sectors"))


        units = AttributionOutUnits.from_dict(d.pop("units"))




        def _parse_regimes(data: object) -> None | RegimeShiftsOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                regimes_type_0 = RegimeShiftsOut.from_dict(data)



                return regimes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegimeShiftsOut | Unset, data)

        regimes = _parse_regimes(d.pop("regimes", UNSET))


        def _parse_source(data: object) -> None | StoredAttributionSourceOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = StoredAttributionSourceOut.from_dict(data)



                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StoredAttributionSourceOut | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        attribution_out = cls(
            conventions=conventions,
            cusum=cusum,
            linked=linked,
            model=model,
            periods=periods,
            sectors=sectors,
            units=units,
            regimes=regimes,
            source=source,
        )


        attribution_out.additional_properties = d
        return attribution_out

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
