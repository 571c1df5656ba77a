from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.futures_quote_in import FuturesQuoteIn





T = TypeVar("T", bound="FuturesCurveIn")



@_attrs_define
class FuturesCurveIn:
    """ 
        Attributes:
            as_of (datetime.date):
            contracts (list[FuturesQuoteIn]): 1 to 120 contracts
            spot (None | str | Unset): Spot price, above zero
     """

    as_of: datetime.date
    contracts: list[FuturesQuoteIn]
    spot: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.futures_quote_in import FuturesQuoteIn # noqa: PLC0415
        as_of = self.as_of.isoformat()

        contracts = []
        for contracts_item_data in self.contracts:
            contracts_item = contracts_item_data.to_dict()
            contracts.append(contracts_item)



        spot: None | str | Unset
        if isinstance(self.spot, Unset):
            spot = UNSET
        else:
            spot = self.spot


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "contracts": contracts,
        })
        if spot is not UNSET:
            field_dict["spot"] = spot

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.futures_quote_in import FuturesQuoteIn # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        contracts = []
        _contracts = d.pop("contracts")
        for contracts_item_data in (_contracts):
            contracts_item = FuturesQuoteIn.from_dict(contracts_item_data)



            contracts.append(contracts_item)


        def _parse_spot(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        spot = _parse_spot(d.pop("spot", UNSET))


        futures_curve_in = cls(
            as_of=as_of,
            contracts=contracts,
            spot=spot,
        )


        futures_curve_in.additional_properties = d
        return futures_curve_in

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
