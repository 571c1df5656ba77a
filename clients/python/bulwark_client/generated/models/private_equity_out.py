from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fund_out import FundOut
  from ..models.prong_out import ProngOut





T = TypeVar("T", bound="PrivateEquityOut")



@_attrs_define
class PrivateEquityOut:
    """ 
        Attributes:
            accredited_investor (bool):
            amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            currency (str):
            disclaimer (str):
            funds (list[FundOut]):
            net_worth_excluding_residence (str): An amount of money in the account's currency: a decimal string with exactly
                2 decimal places, rounded half-even, never in exponent notation
            prongs (list[ProngOut]):
            qualified_purchaser (bool):
            unallocated (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            notes (list[str] | Unset):
     """

    accredited_investor: bool
    amount: str
    currency: str
    disclaimer: str
    funds: list[FundOut]
    net_worth_excluding_residence: str
    prongs: list[ProngOut]
    qualified_purchaser: bool
    unallocated: str
    notes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fund_out import FundOut # noqa: PLC0415
        from ..models.prong_out import ProngOut # noqa: PLC0415
        accredited_investor = self.accredited_investor

        amount = self.amount

        currency = self.currency

        disclaimer = self.disclaimer

        funds = []
        for funds_item_data in self.funds:
            funds_item = funds_item_data.to_dict()
            funds.append(funds_item)



        net_worth_excluding_residence = self.net_worth_excluding_residence

        prongs = []
        for prongs_item_data in self.prongs:
            prongs_item = prongs_item_data.to_dict()
            prongs.append(prongs_item)



        qualified_purchaser = self.qualified_purchaser

        unallocated = self.unallocated

        notes: list[str] | Unset = UNSET
        if not isinstance(self.notes, Unset):
            notes = self.notes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accredited_investor": accredited_investor,
            "amount": amount,
            "currency": currency,
            "disclaimer": disclaimer,
            "funds": funds,
            "net_worth_excluding_residence": net_worth_excluding_residence,
            "prongs": prongs,
            "qualified_purchaser": qualified_purchaser,
            "unallocated": unallocated,
        })
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fund_out import FundOut # noqa: PLC0415
        from ..models.prong_out import ProngOut # noqa: PLC0415
        d = dict(src_dict)
        accredited_investor = d.pop("accredited_investor")

        amount = d.pop("amount")

        currency = d.pop("currency")

        disclaimer = d.pop("disclaimer")

        funds = []
        _funds = d.pop("funds")
        for funds_item_data in (_funds):
            funds_item = FundOut.from_dict(funds_item_data)



            funds.append(funds_item)


        net_worth_excluding_residence = d.pop("net_worth_excluding_residence")

        prongs = []
        _prongs = d.pop("prongs")
        for prongs_item_data in (_prongs):
            prongs_item = ProngOut.from_dict(prongs_item_data)



            prongs.append(prongs_item)


        qualified_purchaser = d.pop("qualified_purchaser")

        unallocated = d.pop("unallocated")

        notes = cast(list[str], d.pop("notes", UNSET))


        private_equity_out = cls(
            accredited_investor=accredited_investor,
            amount=amount,
            currency=currency,
            disclaimer=disclaimer,
            funds=funds,
            net_worth_excluding_residence=net_worth_excluding_residence,
            prongs=prongs,
            qualified_purchaser=qualified_purchaser,
            unallocated=unallocated,
            notes=notes,
        )


        private_equity_out.additional_properties = d
        return private_equity_out

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
