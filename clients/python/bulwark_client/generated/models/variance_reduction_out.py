from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.control_variate_out import ControlVariateOut
  from ..models.importance_sampling_out import ImportanceSamplingOut
  from ..models.variance_reduction_out_conventions import VarianceReductionOutConventions





T = TypeVar("T", bound="VarianceReductionOut")



@_attrs_define
class VarianceReductionOut:
    """ 
        Attributes:
            antithetic_standard_error (float | None):
            antithetic_variance_ratio (float | None):
            combined_variance_ratio (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            control_variate (ControlVariateOut):
            conventions (VarianceReductionOutConventions):
            importance_note (None | str):
            importance_sampling (ImportanceSamplingOut | None):
            plain_standard_error (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    antithetic_standard_error: float | None
    antithetic_variance_ratio: float | None
    combined_variance_ratio: float
    control_variate: ControlVariateOut
    conventions: VarianceReductionOutConventions
    importance_note: None | str
    importance_sampling: ImportanceSamplingOut | None
    plain_standard_error: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.control_variate_out import ControlVariateOut # noqa: PLC0415
        from ..models.importance_sampling_out import ImportanceSamplingOut # noqa: PLC0415
        from ..models.variance_reduction_out_conventions import VarianceReductionOutConventions # noqa: PLC0415
        antithetic_standard_error: float | None
        antithetic_standard_error = self.antithetic_standard_error

        antithetic_variance_ratio: float | None
        antithetic_variance_ratio = self.antithetic_variance_ratio

        combined_variance_ratio = self.combined_variance_ratio

        control_variate = self.control_variate.to_dict()

        conventions = self.conventions.to_dict()

        importance_note: None | str
        importance_note = self.importance_note

        importance_sampling: dict[str, Any] | None
        if isinstance(self.importance_sampling, ImportanceSamplingOut):
            importance_sampling = self.importance_sampling.to_dict()
        else:
            importance_sampling = self.importance_sampling

        plain_standard_error = self.plain_standard_error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "antithetic_standard_error": antithetic_standard_error,
            "antithetic_variance_ratio": antithetic_variance_ratio,
            "combined_variance_ratio": combined_variance_ratio,
            "control_variate": control_variate,
            "conventions": conventions,
            "importance_note": importance_note,
            "importance_sampling": importance_sampling,
            "plain_standard_error": plain_standard_error,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.control_variate_out import ControlVariateOut # noqa: PLC0415
        from ..models.importance_sampling_out import ImportanceSamplingOut # noqa: PLC0415
        from ..models.variance_reduction_out_conventions import VarianceReductionOutConventions # noqa: PLC0415
        d = dict(src_dict)
        def _parse_antithetic_standard_error(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        antithetic_standard_error = _parse_antithetic_standard_error(d.pop("antithetic_standard_error"))


        def _parse_antithetic_variance_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        antithetic_variance_ratio = _parse_antithetic_variance_ratio(d.pop("antithetic_variance_ratio"))


        combined_variance_ratio = d.pop("combined_variance_ratio")

        control_variate = ControlVariateOut.from_dict(d.pop("control_variate"))




        conventions = VarianceReductionOutConventions.from_dict(d.pop("conventions"))




        def _parse_importance_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        importance_note = _parse_importance_note(d.pop("importance_note"))


        def _parse_importance_sampling(data: object) -> ImportanceSamplingOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                importance_sampling_type_0 = ImportanceSamplingOut.from_dict(data)



                return importance_sampling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportanceSamplingOut | None, data)

        importance_sampling = _parse_importance_sampling(d.pop("importance_sampling"))


        plain_standard_error = d.pop("plain_standard_error")

        variance_reduction_out = cls(
            antithetic_standard_error=antithetic_standard_error,
            antithetic_variance_ratio=antithetic_variance_ratio,
            combined_variance_ratio=combined_variance_ratio,
            control_variate=control_variate,
            conventions=conventions,
            importance_note=importance_note,
            importance_sampling=importance_sampling,
            plain_standard_error=plain_standard_error,
        )


        variance_reduction_out.additional_properties = d
        return variance_reduction_out

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
