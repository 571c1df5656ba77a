from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_in_linking import AttributionInLinking
from ..models.attribution_in_model import AttributionInModel
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.attribution_cusum_in import AttributionCusumIn
  from ..models.attribution_period_in import AttributionPeriodIn





T = TypeVar("T", bound="AttributionIn")



@_attrs_define
class AttributionIn:
    """ 
        Attributes:
            periods (list[AttributionPeriodIn]): 1 to 2,000 periods, in date order
            cusum (AttributionCusumIn | None | Unset):
            linking (AttributionInLinking | Unset):  Default: AttributionInLinking.CARINO.
            model (AttributionInModel | Unset):  Default: AttributionInModel.BRINSON_FACHLER.
     """

    periods: list[AttributionPeriodIn]
    cusum: AttributionCusumIn | None | Unset = UNSET
    linking: AttributionInLinking | Unset = AttributionInLinking.CARINO
    model: AttributionInModel | Unset = AttributionInModel.BRINSON_FACHLER
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attribution_cusum_in import AttributionCusumIn # noqa: PLC0415
        from ..models.attribution_period_in import AttributionPeriodIn # noqa: PLC0415
        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)



        cusum: dict[str, Any] | None | Unset
        if isinstance(self.cusum, Unset):
            cusum = UNSET
        elif isinstance(self.cusum, AttributionCusumIn):
            cusum = self.cusum.to_dict()
        else:
            cusum = self.cusum

        linking: str | Unset = UNSET
        if not isinstance(self.linking, Unset):
            linking = self.linking.value


        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "periods": periods,
        })
        if cusum is not UNSET:
            field_dict["cusum"] = cusum
        if linking is not UNSET:
            field_dict["linking"] = linking
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_cusum_in import AttributionCusumIn # noqa: PLC0415
        from ..models.attribution_period_in import AttributionPeriodIn # noqa: PLC0415
        d = dict(src_dict)
        periods = []
        _periods = d.pop("periods")
        for periods_item_data in (_periods):
            periods_item = AttributionPeriodIn.from_dict(periods_item_data)



            periods.append(periods_item)


        def _parse_cusum(data: object) -> AttributionCusumIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cusum_type_0 = AttributionCusumIn.from_dict(data)



                return cusum_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttributionCusumIn | None | Unset, data)

        cusum = _parse_cusum(d.pop("cusum", UNSET))


        _linking = d.pop("linking", UNSET)
        linking: AttributionInLinking | Unset
        if isinstance(_linking,  Unset):
            linking = UNSET
        else:
            linking = AttributionInLinking(_linking)




        _model = d.pop("model", UNSET)
        model: AttributionInModel | Unset
        if isinstance(_model,  Unset):
            model = UNSET
        else:
            model = AttributionInModel(_model)




        attribution_in = cls(
            periods=periods,
            cusum=cusum,
            linking=linking,
            model=model,
        )


        attribution_in.additional_properties = d
        return attribution_in

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
