from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.commodity_in import CommodityIn





T = TypeVar("T", bound="CommoditiesIn")



@_attrs_define
class CommoditiesIn:
    """ 
        Attributes:
            amount (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            commodities (list[CommodityIn]): 1 to 500 commodities
            cpi (list[float] | None | Unset): CPI levels instead: one more than the returns
            currency (str | Unset): ISO 4217 Default: 'USD'.
            inflation (list[float] | None | Unset): Inflation per period (fractions), at most 1200
     """

    amount: str
    commodities: list[CommodityIn]
    cpi: list[float] | None | Unset = UNSET
    currency: str | Unset = 'USD'
    inflation: list[float] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.commodity_in import CommodityIn # noqa: PLC0415
        amount = self.amount

        commodities = []
        for commodities_item_data in self.commodities:
            commodities_item = commodities_item_data.to_dict()
            commodities.append(commodities_item)



        cpi: list[float] | None | Unset
        if isinstance(self.cpi, Unset):
            cpi = UNSET
        elif isinstance(self.cpi, list):
            cpi = self.cpi


        else:
            cpi = self.cpi

        currency = self.currency

        inflation: list[float] | None | Unset
        if isinstance(self.inflation, Unset):
            inflation = UNSET
        elif isinstance(self.inflation, list):
            inflation = self.inflation


        else:
            inflation = self.inflation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "commodities": commodities,
        })
        if cpi is not UNSET:
            field_dict["cpi"] = cpi
        if currency is not UNSET:
            field_dict["currency"] = currency
        if inflation is not UNSET:
            field_dict["inflation"] = inflation

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commodity_in import CommodityIn # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount")

        commodities = []
        _commodities = d.pop("commodities")
        for commodities_item_data in (_commodities):
            commodities_item = CommodityIn.from_dict(commodities_item_data)



            commodities.append(commodities_item)


        def _parse_cpi(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                cpi_type_0 = cast(list[float], data)

                return cpi_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        cpi = _parse_cpi(d.pop("cpi", UNSET))


        currency = d.pop("currency", UNSET)

        def _parse_inflation(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                inflation_type_0 = cast(list[float], data)

                return inflation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        inflation = _parse_inflation(d.pop("inflation", UNSET))


        commodities_in = cls(
            amount=amount,
            commodities=commodities,
            cpi=cpi,
            currency=currency,
            inflation=inflation,
        )


        commodities_in.additional_properties = d
        return commodities_in

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
