from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.regime_change_out_after import RegimeChangeOutAfter
from ..models.regime_change_out_before import RegimeChangeOutBefore
from typing import cast
import datetime






T = TypeVar("T", bound="RegimeChangeOut")



@_attrs_define
class RegimeChangeOut:
    """ 
        Attributes:
            after (RegimeChangeOutAfter):
            before (RegimeChangeOutBefore):
            on (datetime.date): End of the first period read in `after`
            period (int): Index of that period in `periods`
     """

    after: RegimeChangeOutAfter
    before: RegimeChangeOutBefore
    on: datetime.date
    period: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        after = self.after.value

        before = self.before.value

        on = self.on.isoformat()

        period = self.period


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "after": after,
            "before": before,
            "on": on,
            "period": period,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        after = RegimeChangeOutAfter(d.pop("after"))




        before = RegimeChangeOutBefore(d.pop("before"))




        on = datetime.date.fromisoformat(d.pop("on"))




        period = d.pop("period")

        regime_change_out = cls(
            after=after,
            before=before,
            on=on,
            period=period,
        )


        regime_change_out.additional_properties = d
        return regime_change_out

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
