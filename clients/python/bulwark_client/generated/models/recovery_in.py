from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RecoveryIn")



@_attrs_define
class RecoveryIn:
    """ 
        Attributes:
            expected_return (float): A year, fraction, (-1, 10]
            current_value (None | str | Unset):
            loss (float | None | Unset): Fraction of the peak, [0, 1)
            peak_value (None | str | Unset):
     """

    expected_return: float
    current_value: None | str | Unset = UNSET
    loss: float | None | Unset = UNSET
    peak_value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        expected_return = self.expected_return

        current_value: None | str | Unset
        if isinstance(self.current_value, Unset):
            current_value = UNSET
        else:
            current_value = self.current_value

        loss: float | None | Unset
        if isinstance(self.loss, Unset):
            loss = UNSET
        else:
            loss = self.loss

        peak_value: None | str | Unset
        if isinstance(self.peak_value, Unset):
            peak_value = UNSET
        else:
            peak_value = self.peak_value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expected_return": expected_return,
        })
        if current_value is not UNSET:
            field_dict["current_value"] = current_value
        if loss is not UNSET:
            field_dict["loss"] = loss
        if peak_value is not UNSET:
            field_dict["peak_value"] = peak_value

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expected_return = d.pop("expected_return")

        def _parse_current_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_value = _parse_current_value(d.pop("current_value", UNSET))


        def _parse_loss(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        loss = _parse_loss(d.pop("loss", UNSET))


        def _parse_peak_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        peak_value = _parse_peak_value(d.pop("peak_value", UNSET))


        recovery_in = cls(
            expected_return=expected_return,
            current_value=current_value,
            loss=loss,
            peak_value=peak_value,
        )


        recovery_in.additional_properties = d
        return recovery_in

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
