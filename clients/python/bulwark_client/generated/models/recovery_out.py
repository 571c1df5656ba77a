from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.recovery_out_conventions import RecoveryOutConventions





T = TypeVar("T", bound="RecoveryOut")



@_attrs_define
class RecoveryOut:
    """ 
        Attributes:
            conventions (RecoveryOutConventions):
            expected_return (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            loss (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            months (float | None):
            required_gain (float | None):
            whole_months (int | None):
     """

    conventions: RecoveryOutConventions
    expected_return: float
    loss: float
    months: float | None
    required_gain: float | None
    whole_months: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.recovery_out_conventions import RecoveryOutConventions # noqa: PLC0415
        conventions = self.conventions.to_dict()

        expected_return = self.expected_return

        loss = self.loss

        months: float | None
        months = self.months

        required_gain: float | None
        required_gain = self.required_gain

        whole_months: int | None
        whole_months = self.whole_months


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "expected_return": expected_return,
            "loss": loss,
            "months": months,
            "required_gain": required_gain,
            "whole_months": whole_months,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recovery_out_conventions import RecoveryOutConventions # noqa: PLC0415
        d = dict(src_dict)
        conventions = RecoveryOutConventions.from_dict(d.pop("conventions"))




        expected_return = d.pop("expected_return")

        loss = d.pop("loss")

        def _parse_months(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        months = _parse_months(d.pop("months"))


        def _parse_required_gain(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        required_gain = _parse_required_gain(d.pop("required_gain"))


        def _parse_whole_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        whole_months = _parse_whole_months(d.pop("whole_months"))


        recovery_out = cls(
            conventions=conventions,
            expected_return=expected_return,
            loss=loss,
            months=months,
            required_gain=required_gain,
            whole_months=whole_months,
        )


        recovery_out.additional_properties = d
        return recovery_out

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
