from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.match_tier_in import MatchTierIn
  from ..models.vesting_in import VestingIn





T = TypeVar("T", bound="EmployerMatchIn")



@_attrs_define
class EmployerMatchIn:
    """ 
        Attributes:
            compensation (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5"
            deferral (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string such
                as "12.5"
            tax_year (int):
            tiers (list[MatchTierIn]):
            employer_balance (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5" Default: '0'.
            vesting (None | Unset | VestingIn):
            years_of_service (int | Unset):  Default: 0.
     """

    compensation: str
    deferral: str
    tax_year: int
    tiers: list[MatchTierIn]
    employer_balance: str | Unset = '0'
    vesting: None | Unset | VestingIn = UNSET
    years_of_service: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.match_tier_in import MatchTierIn # noqa: PLC0415
        from ..models.vesting_in import VestingIn # noqa: PLC0415
        compensation = self.compensation

        deferral = self.deferral

        tax_year = self.tax_year

        tiers = []
        for tiers_item_data in self.tiers:
            tiers_item = tiers_item_data.to_dict()
            tiers.append(tiers_item)



        employer_balance = self.employer_balance

        vesting: dict[str, Any] | None | Unset
        if isinstance(self.vesting, Unset):
            vesting = UNSET
        elif isinstance(self.vesting, VestingIn):
            vesting = self.vesting.to_dict()
        else:
            vesting = self.vesting

        years_of_service = self.years_of_service


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "compensation": compensation,
            "deferral": deferral,
            "tax_year": tax_year,
            "tiers": tiers,
        })
        if employer_balance is not UNSET:
            field_dict["employer_balance"] = employer_balance
        if vesting is not UNSET:
            field_dict["vesting"] = vesting
        if years_of_service is not UNSET:
            field_dict["years_of_service"] = years_of_service

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_tier_in import MatchTierIn # noqa: PLC0415
        from ..models.vesting_in import VestingIn # noqa: PLC0415
        d = dict(src_dict)
        compensation = d.pop("compensation")

        deferral = d.pop("deferral")

        tax_year = d.pop("tax_year")

        tiers = []
        _tiers = d.pop("tiers")
        for tiers_item_data in (_tiers):
            tiers_item = MatchTierIn.from_dict(tiers_item_data)



            tiers.append(tiers_item)


        employer_balance = d.pop("employer_balance", UNSET)

        def _parse_vesting(data: object) -> None | Unset | VestingIn:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vesting_type_0 = VestingIn.from_dict(data)



                return vesting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VestingIn, data)

        vesting = _parse_vesting(d.pop("vesting", UNSET))


        years_of_service = d.pop("years_of_service", UNSET)

        employer_match_in = cls(
            compensation=compensation,
            deferral=deferral,
            tax_year=tax_year,
            tiers=tiers,
            employer_balance=employer_balance,
            vesting=vesting,
            years_of_service=years_of_service,
        )


        employer_match_in.additional_properties = d
        return employer_match_in

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
