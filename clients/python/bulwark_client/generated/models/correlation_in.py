from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.correlation_in_volatilities import CorrelationInVolatilities





T = TypeVar("T", bound="CorrelationIn")



@_attrs_define
class CorrelationIn:
    """ 
        Attributes:
            correlations (list[list[float]]): 5 x 5, order equity, rates, oil, usd, credit
            volatilities (CorrelationInVolatilities): factor -> volatility in its unit, >= 0
     """

    correlations: list[list[float]]
    volatilities: CorrelationInVolatilities
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.correlation_in_volatilities import CorrelationInVolatilities # noqa: PLC0415
        correlations = []
        for correlations_item_data in self.correlations:
            correlations_item = correlations_item_data


            correlations.append(correlations_item)



        volatilities = self.volatilities.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "correlations": correlations,
            "volatilities": volatilities,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.correlation_in_volatilities import CorrelationInVolatilities # noqa: PLC0415
        d = dict(src_dict)
        correlations = []
        _correlations = d.pop("correlations")
        for correlations_item_data in (_correlations):
            correlations_item = cast(list[float], correlations_item_data)

            correlations.append(correlations_item)


        volatilities = CorrelationInVolatilities.from_dict(d.pop("volatilities"))




        correlation_in = cls(
            correlations=correlations,
            volatilities=volatilities,
        )


        correlation_in.additional_properties = d
        return correlation_in

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
