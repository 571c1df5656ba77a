from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.put_call_out import PutCallOut





T = TypeVar("T", bound="ExpiryOut")



@_attrs_define
class ExpiryOut:
    """ 
        Attributes:
            atm_iv (float | None): IV at the spot, interpolated in strike
            contracts (int):
            expiry (datetime.date):
            max_pain (float | None): Listed strike of least total holder payout
            put_call (PutCallOut):
            years (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    atm_iv: float | None
    contracts: int
    expiry: datetime.date
    max_pain: float | None
    put_call: PutCallOut
    years: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.put_call_out import PutCallOut # noqa: PLC0415
        atm_iv: float | None
        atm_iv = self.atm_iv

        contracts = self.contracts

        expiry = self.expiry.isoformat()

        max_pain: float | None
        max_pain = self.max_pain

        put_call = self.put_call.to_dict()

        years = self.years


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "atm_iv": atm_iv,
            "contracts": contracts,
            "expiry": expiry,
            "max_pain": max_pain,
            "put_call": put_call,
            "years": years,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.put_call_out import PutCallOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_atm_iv(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        atm_iv = _parse_atm_iv(d.pop("atm_iv"))


        contracts = d.pop("contracts")

        expiry = datetime.date.fromisoformat(d.pop("expiry"))




        def _parse_max_pain(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_pain = _parse_max_pain(d.pop("max_pain"))


        put_call = PutCallOut.from_dict(d.pop("put_call"))




        years = d.pop("years")

        expiry_out = cls(
            atm_iv=atm_iv,
            contracts=contracts,
            expiry=expiry,
            max_pain=max_pain,
            put_call=put_call,
            years=years,
        )


        expiry_out.additional_properties = d
        return expiry_out

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
