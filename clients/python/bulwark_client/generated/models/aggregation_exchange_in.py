from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AggregationExchangeIn")



@_attrs_define
class AggregationExchangeIn:
    """ 
        Attributes:
            public_token (str):
            portfolio_id (None | str | Unset):
     """

    public_token: str
    portfolio_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        public_token = self.public_token

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "public_token": public_token,
        })
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        public_token = d.pop("public_token")

        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        aggregation_exchange_in = cls(
            public_token=public_token,
            portfolio_id=portfolio_id,
        )


        aggregation_exchange_in.additional_properties = d
        return aggregation_exchange_in

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
