from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="InvestorProfileOut")



@_attrs_define
class InvestorProfileOut:
    """ 
        Attributes:
            accredited (bool):
            accredited_attested_at (datetime.datetime | None):
            accredited_bases (list[str]):
            federal_bracket (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            filing_status (str):
            horizon_years (int):
            questionnaire_score (int | None):
            risk_level (int):
            risk_tolerance (str):
            state (None | str):
            state_rate (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            terms_accepted_at (datetime.datetime | None):
            terms_current (bool):
            terms_version (None | str):
            updated_at (datetime.datetime):
            user_id (str):
     """

    accredited: bool
    accredited_attested_at: datetime.datetime | None
    accredited_bases: list[str]
    federal_bracket: str
    filing_status: str
    horizon_years: int
    questionnaire_score: int | None
    risk_level: int
    risk_tolerance: str
    state: None | str
    state_rate: str
    terms_accepted_at: datetime.datetime | None
    terms_current: bool
    terms_version: None | str
    updated_at: datetime.datetime
    user_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accredited = self.accredited

        accredited_attested_at: None | str
        if isinstance(self.accredited_attested_at, datetime.datetime):
            accredited_attested_at = self.accredited_attested_at.isoformat()
        else:
            accredited_attested_at = self.accredited_attested_at

        accredited_bases = self.accredited_bases



        federal_bracket = self.federal_bracket

        filing_status = self.filing_status

        horizon_years = self.horizon_years

        questionnaire_score: int | None
        questionnaire_score = self.questionnaire_score

        risk_level = self.risk_level

        risk_tolerance = self.risk_tolerance

        state: None | str
        state = self.state

        state_rate = self.state_rate

        terms_accepted_at: None | str
        if isinstance(self.terms_accepted_at, datetime.datetime):
            terms_accepted_at = self.terms_accepted_at.isoformat()
        else:
            terms_accepted_at = self.terms_accepted_at

        terms_current = self.terms_current

        terms_version: None | str
        terms_version = self.terms_version

        updated_at = self.updated_at.isoformat()

        user_id = self.user_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accredited": accredited,
            "accredited_attested_at": accredited_attested_at,
            "accredited_bases": accredited_bases,
            "federal_bracket": federal_bracket,
            "filing_status": filing_status,
            "horizon_years": horizon_years,
            "questionnaire_score": questionnaire_score,
            "risk_level": risk_level,
            "risk_tolerance": risk_tolerance,
            "state": state,
            "state_rate": state_rate,
            "terms_accepted_at": terms_accepted_at,
            "terms_current": terms_current,
            "terms_version": terms_version,
            "updated_at": updated_at,
            "user_id": user_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accredited = d.pop("accredited")

        def _parse_accredited_attested_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accredited_attested_at_type_0 = datetime.datetime.fromisoformat(data)



                return accredited_attested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accredited_attested_at = _parse_accredited_attested_at(d.pop("accredited_attested_at"))


        accredited_bases = cast(list[str], d.pop("accredited_bases"))


        federal_bracket = d.pop("federal_bracket")

        filing_status = d.pop("filing_status")

        horizon_years = d.pop("horizon_years")

        def _parse_questionnaire_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        questionnaire_score = _parse_questionnaire_score(d.pop("questionnaire_score"))


        risk_level = d.pop("risk_level")

        risk_tolerance = d.pop("risk_tolerance")

        def _parse_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state = _parse_state(d.pop("state"))


        state_rate = d.pop("state_rate")

        def _parse_terms_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terms_accepted_at_type_0 = datetime.datetime.fromisoformat(data)



                return terms_accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        terms_accepted_at = _parse_terms_accepted_at(d.pop("terms_accepted_at"))


        terms_current = d.pop("terms_current")

        def _parse_terms_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        terms_version = _parse_terms_version(d.pop("terms_version"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        user_id = d.pop("user_id")

        investor_profile_out = cls(
            accredited=accredited,
            accredited_attested_at=accredited_attested_at,
            accredited_bases=accredited_bases,
            federal_bracket=federal_bracket,
            filing_status=filing_status,
            horizon_years=horizon_years,
            questionnaire_score=questionnaire_score,
            risk_level=risk_level,
            risk_tolerance=risk_tolerance,
            state=state,
            state_rate=state_rate,
            terms_accepted_at=terms_accepted_at,
            terms_current=terms_current,
            terms_version=terms_version,
            updated_at=updated_at,
            user_id=user_id,
        )


        investor_profile_out.additional_properties = d
        return investor_profile_out

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
