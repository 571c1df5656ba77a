from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RegimeOverrideIn")



@_attrs_define
class RegimeOverrideIn:
    """ 
        Attributes:
            correlation (float | list[list[float]] | None | Unset):
            drift (float | list[float] | None | Unset):
            volatility (float | list[float] | None | Unset):
     """

    correlation: float | list[list[float]] | None | Unset = UNSET
    drift: float | list[float] | None | Unset = UNSET
    volatility: float | list[float] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        correlation: float | list[list[float]] | None | Unset
        if isinstance(self.correlation, Unset):
            correlation = UNSET
        elif isinstance(self.correlation, list):
            correlation = []
            for correlation_type_1_item_data in self.correlation:
                correlation_type_1_item = correlation_type_1_item_data


                correlation.append(correlation_type_1_item)


        else:
            correlation = self.correlation

        drift: float | list[float] | None | Unset
        if isinstance(self.drift, Unset):
            drift = UNSET
        elif isinstance(self.drift, list):
            drift = self.drift


        else:
            drift = self.drift

        volatility: float | list[float] | None | Unset
        if isinstance(self.volatility, Unset):
            volatility = UNSET
        elif isinstance(self.volatility, list):
            volatility = self.volatility


        else:
            volatility = self.volatility


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if correlation is not UNSET:
            field_dict["correlation"] = correlation
        if drift is not UNSET:
            field_dict["drift"] = drift
        if volatility is not UNSET:
            field_dict["volatility"] = volatility

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_correlation(data: object) -> float | list[list[float]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                correlation_type_1 = []
                _correlation_type_1 = data
                for correlation_type_1_item_data in (_correlation_type_1):
                    correlation_type_1_item = cast(list[float], correlation_type_1_item_data)

                    correlation_type_1.append(correlation_type_1_item)

                return correlation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[list[float]] | None | Unset, data)

        correlation = _parse_correlation(d.pop("correlation", UNSET))


        def _parse_drift(data: object) -> float | list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                drift_type_1 = cast(list[float], data)

                return drift_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float] | None | Unset, data)

        drift = _parse_drift(d.pop("drift", UNSET))


        def _parse_volatility(data: object) -> float | list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                volatility_type_1 = cast(list[float], data)

                return volatility_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float] | None | Unset, data)

        volatility = _parse_volatility(d.pop("volatility", UNSET))


        regime_override_in = cls(
            correlation=correlation,
            drift=drift,
            volatility=volatility,
        )


        regime_override_in.additional_properties = d
        return regime_override_in

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
