from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.room_in_account_type import RoomInAccountType
from ..models.room_in_filing_status_type_1 import RoomInFilingStatusType1
from ..models.room_in_filing_status_type_2_type_1 import RoomInFilingStatusType2Type1
from ..models.room_in_filing_status_type_3_type_1 import RoomInFilingStatusType3Type1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RoomIn")



@_attrs_define
class RoomIn:
    """ 
        Attributes:
            account_type (RoomInAccountType):
            age (int): Age on December 31 of the tax year
            tax_year (int):
            balance (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5" Default: '0'.
            compensation (None | str | Unset):
            contributed (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5" Default: '0'.
            employer_contributions (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places;
                a decimal string such as "12.5" Default: '0'.
            filing_status (None | RoomInFilingStatusType1 | RoomInFilingStatusType2Type1 | RoomInFilingStatusType3Type1 |
                Unset): Default: your profile's, else single
            magi (None | str | Unset): Modified AGI (Roth IRA)
            self_employed (bool | Unset):  Default: False.
            state_aggregate_limit (None | str | Unset): 529: the state plan's cap
     """

    account_type: RoomInAccountType
    age: int
    tax_year: int
    balance: str | Unset = '0'
    compensation: None | str | Unset = UNSET
    contributed: str | Unset = '0'
    employer_contributions: str | Unset = '0'
    filing_status: None | RoomInFilingStatusType1 | RoomInFilingStatusType2Type1 | RoomInFilingStatusType3Type1 | Unset = UNSET
    magi: None | str | Unset = UNSET
    self_employed: bool | Unset = False
    state_aggregate_limit: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_type = self.account_type.value

        age = self.age

        tax_year = self.tax_year

        balance = self.balance

        compensation: None | str | Unset
        if isinstance(self.compensation, Unset):
            compensation = UNSET
        else:
            compensation = self.compensation

        contributed = self.contributed

        employer_contributions = self.employer_contributions

        filing_status: None | str | Unset
        if isinstance(self.filing_status, Unset):
            filing_status = UNSET
        elif isinstance(self.filing_status, RoomInFilingStatusType1):
            filing_status = self.filing_status.value
        elif isinstance(self.filing_status, RoomInFilingStatusType2Type1):
            filing_status = self.filing_status.value
        elif isinstance(self.filing_status, RoomInFilingStatusType3Type1):
            filing_status = self.filing_status.value
        else:
            filing_status = self.filing_status

        magi: None | str | Unset
        if isinstance(self.magi, Unset):
            magi = UNSET
        else:
            magi = self.magi

        self_employed = self.self_employed

        state_aggregate_limit: None | str | Unset
        if isinstance(self.state_aggregate_limit, Unset):
            state_aggregate_limit = UNSET
        else:
            state_aggregate_limit = self.state_aggregate_limit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_type": account_type,
            "age": age,
            "tax_year": tax_year,
        })
        if balance is not UNSET:
            field_dict["balance"] = balance
        if compensation is not UNSET:
            field_dict["compensation"] = compensation
        if contributed is not UNSET:
            field_dict["contributed"] = contributed
        if employer_contributions is not UNSET:
            field_dict["employer_contributions"] = employer_contributions
        if filing_status is not UNSET:
            field_dict["filing_status"] = filing_status
        if magi is not UNSET:
            field_dict["magi"] = magi
        if self_employed is not UNSET:
            field_dict["self_employed"] = self_employed
        if state_aggregate_limit is not UNSET:
            field_dict["state_aggregate_limit"] = state_aggregate_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_type = RoomInAccountType(d.pop("account_type"))




        age = d.pop("age")

        tax_year = d.pop("tax_year")

        balance = d.pop("balance", UNSET)

        def _parse_compensation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        compensation = _parse_compensation(d.pop("compensation", UNSET))


        contributed = d.pop("contributed", UNSET)

        employer_contributions = d.pop("employer_contributions", UNSET)

        def _parse_filing_status(data: object) -> None | RoomInFilingStatusType1 | RoomInFilingStatusType2Type1 | RoomInFilingStatusType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_1 = RoomInFilingStatusType1(data)



                return filing_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_2_type_1 = RoomInFilingStatusType2Type1(data)



                return filing_status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_3_type_1 = RoomInFilingStatusType3Type1(data)



                return filing_status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RoomInFilingStatusType1 | RoomInFilingStatusType2Type1 | RoomInFilingStatusType3Type1 | Unset, data)

        filing_status = _parse_filing_status(d.pop("filing_status", UNSET))


        def _parse_magi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        magi = _parse_magi(d.pop("magi", UNSET))


        self_employed = d.pop("self_employed", UNSET)

        def _parse_state_aggregate_limit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state_aggregate_limit = _parse_state_aggregate_limit(d.pop("state_aggregate_limit", UNSET))


        room_in = cls(
            account_type=account_type,
            age=age,
            tax_year=tax_year,
            balance=balance,
            compensation=compensation,
            contributed=contributed,
            employer_contributions=employer_contributions,
            filing_status=filing_status,
            magi=magi,
            self_employed=self_employed,
            state_aggregate_limit=state_aggregate_limit,
        )


        room_in.additional_properties = d
        return room_in

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
