from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.stored_conversion_in_filing_status_type_1 import StoredConversionInFilingStatusType1
from ..models.stored_conversion_in_filing_status_type_2_type_1 import StoredConversionInFilingStatusType2Type1
from ..models.stored_conversion_in_filing_status_type_3_type_1 import StoredConversionInFilingStatusType3Type1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="StoredConversionIn")



@_attrs_define
class StoredConversionIn:
    """ 
        Attributes:
            growth_rate (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5"
            taxable_income (str): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5"
            years (int): Years until the money is withdrawn, 0..80
            age (int | None | Unset):
            amount (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5" Default: '0'.
            filing_status (None | StoredConversionInFilingStatusType1 | StoredConversionInFilingStatusType2Type1 |
                StoredConversionInFilingStatusType3Type1 | Unset): 2025 brackets; default: your profile's
            future_rate (None | str | Unset): Tax rate on later withdrawals; default: your profile's federal bracket + state
                rate
            outside_growth_rate (None | str | Unset):
            state_rate (None | str | Unset): Default: your profile's
            tax_from_outside (bool | Unset):  Default: True.
     """

    growth_rate: str
    taxable_income: str
    years: int
    age: int | None | Unset = UNSET
    amount: str | Unset = '0'
    filing_status: None | StoredConversionInFilingStatusType1 | StoredConversionInFilingStatusType2Type1 | StoredConversionInFilingStatusType3Type1 | Unset = UNSET
    future_rate: None | str | Unset = UNSET
    outside_growth_rate: None | str | Unset = UNSET
    state_rate: None | str | Unset = UNSET
    tax_from_outside: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        growth_rate = self.growth_rate

        taxable_income = self.taxable_income

        years = self.years

        age: int | None | Unset
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        amount = self.amount

        filing_status: None | str | Unset
        if isinstance(self.filing_status, Unset):
            filing_status = UNSET
        elif isinstance(self.filing_status, StoredConversionInFilingStatusType1):
            filing_status = self.filing_status.value
        elif isinstance(self.filing_status, StoredConversionInFilingStatusType2Type1):
            filing_status = self.filing_status.value
        elif isinstance(self.filing_status, StoredConversionInFilingStatusType3Type1):
            filing_status = self.filing_status.value
        else:
            filing_status = self.filing_status

        future_rate: None | str | Unset
        if isinstance(self.future_rate, Unset):
            future_rate = UNSET
        else:
            future_rate = self.future_rate

        outside_growth_rate: None | str | Unset
        if isinstance(self.outside_growth_rate, Unset):
            outside_growth_rate = UNSET
        else:
            outside_growth_rate = self.outside_growth_rate

        state_rate: None | str | Unset
        if isinstance(self.state_rate, Unset):
            state_rate = UNSET
        else:
            state_rate = self.state_rate

        tax_from_outside = self.tax_from_outside


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "growth_rate": growth_rate,
            "taxable_income": taxable_income,
            "years": years,
        })
        if age is not UNSET:
            field_dict["age"] = age
        if amount is not UNSET:
            field_dict["amount"] = amount
        if filing_status is not UNSET:
            field_dict["filing_status"] = filing_status
        if future_rate is not UNSET:
            field_dict["future_rate"] = future_rate
        if outside_growth_rate is not UNSET:
            field_dict["outside_growth_rate"] = outside_growth_rate
        if state_rate is not UNSET:
            field_dict["state_rate"] = state_rate
        if tax_from_outside is not UNSET:
            field_dict["tax_from_outside"] = tax_from_outside

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        growth_rate = d.pop("growth_rate")

        taxable_income = d.pop("taxable_income")

        years = d.pop("years")

        def _parse_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))


        amount = d.pop("amount", UNSET)

        def _parse_filing_status(data: object) -> None | StoredConversionInFilingStatusType1 | StoredConversionInFilingStatusType2Type1 | StoredConversionInFilingStatusType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_1 = StoredConversionInFilingStatusType1(data)



                return filing_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_2_type_1 = StoredConversionInFilingStatusType2Type1(data)



                return filing_status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_3_type_1 = StoredConversionInFilingStatusType3Type1(data)



                return filing_status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StoredConversionInFilingStatusType1 | StoredConversionInFilingStatusType2Type1 | StoredConversionInFilingStatusType3Type1 | Unset, data)

        filing_status = _parse_filing_status(d.pop("filing_status", UNSET))


        def _parse_future_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        future_rate = _parse_future_rate(d.pop("future_rate", UNSET))


        def _parse_outside_growth_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outside_growth_rate = _parse_outside_growth_rate(d.pop("outside_growth_rate", UNSET))


        def _parse_state_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state_rate = _parse_state_rate(d.pop("state_rate", UNSET))


        tax_from_outside = d.pop("tax_from_outside", UNSET)

        stored_conversion_in = cls(
            growth_rate=growth_rate,
            taxable_income=taxable_income,
            years=years,
            age=age,
            amount=amount,
            filing_status=filing_status,
            future_rate=future_rate,
            outside_growth_rate=outside_growth_rate,
            state_rate=state_rate,
            tax_from_outside=tax_from_outside,
        )


        stored_conversion_in.additional_properties = d
        return stored_conversion_in

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
