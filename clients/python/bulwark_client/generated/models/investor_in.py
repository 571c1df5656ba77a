from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InvestorIn")



@_attrs_define
class InvestorIn:
    """ 
        Attributes:
            assets (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal string
                such as "12.5" Default: '0'.
            expects_same_income (bool | Unset):  Default: False.
            income_last_year (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5" Default: '0'.
            income_two_years_ago (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5" Default: '0'.
            investments (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5" Default: '0'.
            issuer_insider (bool | Unset):  Default: False.
            joint_income_last_year (None | str | Unset):
            joint_income_two_years_ago (None | str | Unset):
            knowledgeable_employee (bool | Unset):  Default: False.
            liabilities (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5" Default: '0'.
            licenses (list[str] | Unset): series_7, series_65, series_82
            primary_residence_value (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places;
                a decimal string such as "12.5" Default: '0'.
            residence_debt (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5" Default: '0'.
            residence_debt_added_60_days (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal
                places; a decimal string such as "12.5" Default: '0'.
     """

    assets: str | Unset = '0'
    expects_same_income: bool | Unset = False
    income_last_year: str | Unset = '0'
    income_two_years_ago: str | Unset = '0'
    investments: str | Unset = '0'
    issuer_insider: bool | Unset = False
    joint_income_last_year: None | str | Unset = UNSET
    joint_income_two_years_ago: None | str | Unset = UNSET
    knowledgeable_employee: bool | Unset = False
    liabilities: str | Unset = '0'
    licenses: list[str] | Unset = UNSET
    primary_residence_value: str | Unset = '0'
    residence_debt: str | Unset = '0'
    residence_debt_added_60_days: str | Unset = '0'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        assets = self.assets

        expects_same_income = self.expects_same_income

        income_last_year = self.income_last_year

        income_two_years_ago = self.income_two_years_ago

        investments = self.investments

        issuer_insider = self.issuer_insider

        joint_income_last_year: None | str | Unset
        if isinstance(self.joint_income_last_year, Unset):
            joint_income_last_year = UNSET
        else:
            joint_income_last_year = self.joint_income_last_year

        joint_income_two_years_ago: None | str | Unset
        if isinstance(self.joint_income_two_years_ago, Unset):
            joint_income_two_years_ago = UNSET
        else:
            joint_income_two_years_ago = self.joint_income_two_years_ago

        knowledgeable_employee = self.knowledgeable_employee

        liabilities = self.liabilities

        licenses: list[str] | Unset = UNSET
        if not isinstance(self.licenses, Unset):
            licenses = self.licenses



        primary_residence_value = self.primary_residence_value

        residence_debt = self.residence_debt

        residence_debt_added_60_days = self.residence_debt_added_60_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if assets is not UNSET:
            field_dict["assets"] = assets
        if expects_same_income is not UNSET:
            field_dict["expects_same_income"] = expects_same_income
        if income_last_year is not UNSET:
            field_dict["income_last_year"] = income_last_year
        if income_two_years_ago is not UNSET:
            field_dict["income_two_years_ago"] = income_two_years_ago
        if investments is not UNSET:
            field_dict["investments"] = investments
        if issuer_insider is not UNSET:
            field_dict["issuer_insider"] = issuer_insider
        if joint_income_last_year is not UNSET:
            field_dict["joint_income_last_year"] = joint_income_last_year
        if joint_income_two_years_ago is not UNSET:
            field_dict["joint_income_two_years_ago"] = joint_income_two_years_ago
        if knowledgeable_employee is not UNSET:
            field_dict["knowledgeable_employee"] = knowledgeable_employee
        if liabilities is not UNSET:
            field_dict["liabilities"] = liabilities
        if licenses is not UNSET:
            field_dict["licenses"] = licenses
        if primary_residence_value is not UNSET:
            field_dict["primary_residence_value"] = primary_residence_value
        if residence_debt is not UNSET:
            field_dict["residence_debt"] = residence_debt
        if residence_debt_added_60_days is not UNSET:
            field_dict["residence_debt_added_60_days"] = residence_debt_added_60_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assets = d.pop("assets", UNSET)

        expects_same_income = d.pop("expects_same_income", UNSET)

        income_last_year = d.pop("income_last_year", UNSET)

        income_two_years_ago = d.pop("income_two_years_ago", UNSET)

        investments = d.pop("investments", UNSET)

        issuer_insider = d.pop("issuer_insider", UNSET)

        def _parse_joint_income_last_year(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        joint_income_last_year = _parse_joint_income_last_year(d.pop("joint_income_last_year", UNSET))


        def _parse_joint_income_two_years_ago(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        joint_income_two_years_ago = _parse_joint_income_two_years_ago(d.pop("joint_income_two_years_ago", UNSET))


        knowledgeable_employee = d.pop("knowledgeable_employee", UNSET)

        liabilities = d.pop("liabilities", UNSET)

        licenses = cast(list[str], d.pop("licenses", UNSET))


        primary_residence_value = d.pop("primary_residence_value", UNSET)

        residence_debt = d.pop("residence_debt", UNSET)

        residence_debt_added_60_days = d.pop("residence_debt_added_60_days", UNSET)

        investor_in = cls(
            assets=assets,
            expects_same_income=expects_same_income,
            income_last_year=income_last_year,
            income_two_years_ago=income_two_years_ago,
            investments=investments,
            issuer_insider=issuer_insider,
            joint_income_last_year=joint_income_last_year,
            joint_income_two_years_ago=joint_income_two_years_ago,
            knowledgeable_employee=knowledgeable_employee,
            liabilities=liabilities,
            licenses=licenses,
            primary_residence_value=primary_residence_value,
            residence_debt=residence_debt,
            residence_debt_added_60_days=residence_debt_added_60_days,
        )


        investor_in.additional_properties = d
        return investor_in

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
