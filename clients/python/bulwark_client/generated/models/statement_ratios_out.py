from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.computed_ratio_out import ComputedRatioOut





T = TypeVar("T", bound="StatementRatiosOut")



@_attrs_define
class StatementRatiosOut:
    """ 
        Attributes:
            period_end (datetime.date):
            price (None | str):
            price_note (None | str):
            prior_period_end (datetime.date | None):
            ratios (list[ComputedRatioOut]):
     """

    period_end: datetime.date
    price: None | str
    price_note: None | str
    prior_period_end: datetime.date | None
    ratios: list[ComputedRatioOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.computed_ratio_out import ComputedRatioOut # noqa: PLC0415
        period_end = self.period_end.isoformat()

        price: None | str
        price = self.price

        price_note: None | str
        price_note = self.price_note

        prior_period_end: None | str
        if isinstance(self.prior_period_end, datetime.date):
            prior_period_end = self.prior_period_end.isoformat()
        else:
            prior_period_end = self.prior_period_end

        ratios = []
        for ratios_item_data in self.ratios:
            ratios_item = ratios_item_data.to_dict()
            ratios.append(ratios_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "period_end": period_end,
            "price": price,
            "price_note": price_note,
            "prior_period_end": prior_period_end,
            "ratios": ratios,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.computed_ratio_out import ComputedRatioOut # noqa: PLC0415
        d = dict(src_dict)
        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        def _parse_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        price = _parse_price(d.pop("price"))


        def _parse_price_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        price_note = _parse_price_note(d.pop("price_note"))


        def _parse_prior_period_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prior_period_end_type_0 = datetime.date.fromisoformat(data)



                return prior_period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        prior_period_end = _parse_prior_period_end(d.pop("prior_period_end"))


        ratios = []
        _ratios = d.pop("ratios")
        for ratios_item_data in (_ratios):
            ratios_item = ComputedRatioOut.from_dict(ratios_item_data)



            ratios.append(ratios_item)


        statement_ratios_out = cls(
            period_end=period_end,
            price=price,
            price_note=price_note,
            prior_period_end=prior_period_end,
            ratios=ratios,
        )


        statement_ratios_out.additional_properties = d
        return statement_ratios_out

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
