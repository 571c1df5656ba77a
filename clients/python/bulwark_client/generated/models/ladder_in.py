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
  from ..models.bond_spec_in import BondSpecIn





T = TypeVar("T", bound="LadderIn")



@_attrs_define
class LadderIn:
    """ 
        Attributes:
            bonds (list[BondSpecIn]): 1 to 1,000 bonds
            settlement (datetime.date):
            currency (str | Unset): ISO 4217 (default USD) Default: 'USD'.
            shocks_bp (list[float] | None | Unset): Parallel yield shifts in bp, at most 50 (default -200, -100, -50, -25,
                +25, +50, +100, +200); +/- N bp: [-N, N]
     """

    bonds: list[BondSpecIn]
    settlement: datetime.date
    currency: str | Unset = 'USD'
    shocks_bp: list[float] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bond_spec_in import BondSpecIn # noqa: PLC0415
        bonds = []
        for bonds_item_data in self.bonds:
            bonds_item = bonds_item_data.to_dict()
            bonds.append(bonds_item)



        settlement = self.settlement.isoformat()

        currency = self.currency

        shocks_bp: list[float] | None | Unset
        if isinstance(self.shocks_bp, Unset):
            shocks_bp = UNSET
        elif isinstance(self.shocks_bp, list):
            shocks_bp = self.shocks_bp


        else:
            shocks_bp = self.shocks_bp


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bonds": bonds,
            "settlement": settlement,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if shocks_bp is not UNSET:
            field_dict["shocks_bp"] = shocks_bp

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bond_spec_in import BondSpecIn # noqa: PLC0415
        d = dict(src_dict)
        bonds = []
        _bonds = d.pop("bonds")
        for bonds_item_data in (_bonds):
            bonds_item = BondSpecIn.from_dict(bonds_item_data)



            bonds.append(bonds_item)


        settlement = datetime.date.fromisoformat(d.pop("settlement"))




        currency = d.pop("currency", UNSET)

        def _parse_shocks_bp(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                shocks_bp_type_0 = cast(list[float], data)

                return shocks_bp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        shocks_bp = _parse_shocks_bp(d.pop("shocks_bp", UNSET))


        ladder_in = cls(
            bonds=bonds,
            settlement=settlement,
            currency=currency,
            shocks_bp=shocks_bp,
        )


        ladder_in.additional_properties = d
        return ladder_in

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
