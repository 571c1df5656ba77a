from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.investor_profile_in_filing_status import InvestorProfileInFilingStatus
from ..models.investor_profile_in_risk_tolerance_type_1 import InvestorProfileInRiskToleranceType1
from ..models.investor_profile_in_risk_tolerance_type_2_type_1 import InvestorProfileInRiskToleranceType2Type1
from ..models.investor_profile_in_risk_tolerance_type_3_type_1 import InvestorProfileInRiskToleranceType3Type1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InvestorProfileIn")



@_attrs_define
class InvestorProfileIn:
    """ 
        Attributes:
            federal_bracket (str): A fraction in [0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
            filing_status (InvestorProfileInFilingStatus):
            horizon_years (int): Years until the money is needed, 1..80
            accept_terms (None | str | Unset): The current terms version, to accept it
            accredited_bases (list[str] | Unset): Rule 501(a) bases you attest to (GET criteria)
            questionnaire_score (int | None | Unset): 0..100, bands of 20 points
            risk_tolerance (InvestorProfileInRiskToleranceType1 | InvestorProfileInRiskToleranceType2Type1 |
                InvestorProfileInRiskToleranceType3Type1 | None | Unset):
            state (None | str | Unset): USPS code of your state
            state_rate (str | Unset): A fraction in [0, 1] (0.25 = 25%), 8 decimal places; a decimal string such as "12.5"
                Default: '0'.
     """

    federal_bracket: str
    filing_status: InvestorProfileInFilingStatus
    horizon_years: int
    accept_terms: None | str | Unset = UNSET
    accredited_bases: list[str] | Unset = UNSET
    questionnaire_score: int | None | Unset = UNSET
    risk_tolerance: InvestorProfileInRiskToleranceType1 | InvestorProfileInRiskToleranceType2Type1 | InvestorProfileInRiskToleranceType3Type1 | None | Unset = UNSET
    state: None | str | Unset = UNSET
    state_rate: str | Unset = '0'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        federal_bracket = self.federal_bracket

        filing_status = self.filing_status.value

        horizon_years = self.horizon_years

        accept_terms: None | str | Unset
        if isinstance(self.accept_terms, Unset):
            accept_terms = UNSET
        else:
            accept_terms = self.accept_terms

        accredited_bases: list[str] | Unset = UNSET
        if not isinstance(self.accredited_bases, Unset):
            accredited_bases = self.accredited_bases



        questionnaire_score: int | None | Unset
        if isinstance(self.questionnaire_score, Unset):
            questionnaire_score = UNSET
        else:
            questionnaire_score = self.questionnaire_score

        risk_tolerance: None | str | Unset
        if isinstance(self.risk_tolerance, Unset):
            risk_tolerance = UNSET
        elif isinstance(self.risk_tolerance, InvestorProfileInRiskToleranceType1):
            risk_tolerance = self.risk_tolerance.value
        elif isinstance(self.risk_tolerance, InvestorProfileInRiskToleranceType2Type1):
            risk_tolerance = self.risk_tolerance.value
        elif isinstance(self.risk_tolerance, InvestorProfileInRiskToleranceType3Type1):
            risk_tolerance = self.risk_tolerance.value
        else:
            risk_tolerance = self.risk_tolerance

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        state_rate = self.state_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "federal_bracket": federal_bracket,
            "filing_status": filing_status,
            "horizon_years": horizon_years,
        })
        if accept_terms is not UNSET:
            field_dict["accept_terms"] = accept_terms
        if accredited_bases is not UNSET:
            field_dict["accredited_bases"] = accredited_bases
        if questionnaire_score is not UNSET:
            field_dict["questionnaire_score"] = questionnaire_score
        if risk_tolerance is not UNSET:
            field_dict["risk_tolerance"] = risk_tolerance
        if state is not UNSET:
            field_dict["state"] = state
        if state_rate is not UNSET:
            field_dict["state_rate"] = state_rate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        federal_bracket = d.pop("federal_bracket")

        filing_status = InvestorProfileInFilingStatus(d.pop("filing_status"))




        horizon_years = d.pop("horizon_years")

        def _parse_accept_terms(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accept_terms = _parse_accept_terms(d.pop("accept_terms", UNSET))


        accredited_bases = cast(list[str], d.pop("accredited_bases", UNSET))


        def _parse_questionnaire_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        questionnaire_score = _parse_questionnaire_score(d.pop("questionnaire_score", UNSET))


        def _parse_risk_tolerance(data: object) -> InvestorProfileInRiskToleranceType1 | InvestorProfileInRiskToleranceType2Type1 | InvestorProfileInRiskToleranceType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_tolerance_type_1 = InvestorProfileInRiskToleranceType1(data)



                return risk_tolerance_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_tolerance_type_2_type_1 = InvestorProfileInRiskToleranceType2Type1(data)



                return risk_tolerance_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_tolerance_type_3_type_1 = InvestorProfileInRiskToleranceType3Type1(data)



                return risk_tolerance_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvestorProfileInRiskToleranceType1 | InvestorProfileInRiskToleranceType2Type1 | InvestorProfileInRiskToleranceType3Type1 | None | Unset, data)

        risk_tolerance = _parse_risk_tolerance(d.pop("risk_tolerance", UNSET))


        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))


        state_rate = d.pop("state_rate", UNSET)

        investor_profile_in = cls(
            federal_bracket=federal_bracket,
            filing_status=filing_status,
            horizon_years=horizon_years,
            accept_terms=accept_terms,
            accredited_bases=accredited_bases,
            questionnaire_score=questionnaire_score,
            risk_tolerance=risk_tolerance,
            state=state,
            state_rate=state_rate,
        )


        investor_profile_in.additional_properties = d
        return investor_profile_in

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
