from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.indicator_out_columns import IndicatorOutColumns





T = TypeVar("T", bound="IndicatorOut")



@_attrs_define
class IndicatorOut:
    """ 
        Attributes:
            columns (IndicatorOutColumns):
            key (str):
            lookback (int):
            name (str):
            params (list[float | int | str]):
     """

    columns: IndicatorOutColumns
    key: str
    lookback: int
    name: str
    params: list[float | int | str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.indicator_out_columns import IndicatorOutColumns # noqa: PLC0415
        columns = self.columns.to_dict()

        key = self.key

        lookback = self.lookback

        name = self.name

        params = []
        for params_item_data in self.params:
            params_item: float | int | str
            params_item = params_item_data
            params.append(params_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "columns": columns,
            "key": key,
            "lookback": lookback,
            "name": name,
            "params": params,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_out_columns import IndicatorOutColumns # noqa: PLC0415
        d = dict(src_dict)
        columns = IndicatorOutColumns.from_dict(d.pop("columns"))




        key = d.pop("key")

        lookback = d.pop("lookback")

        name = d.pop("name")

        params = []
        _params = d.pop("params")
        for params_item_data in (_params):
            def _parse_params_item(data: object) -> float | int | str:
                return cast(float | int | str, data)

            params_item = _parse_params_item(params_item_data)

            params.append(params_item)


        indicator_out = cls(
            columns=columns,
            key=key,
            lookback=lookback,
            name=name,
            params=params,
        )


        indicator_out.additional_properties = d
        return indicator_out

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
