from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.analysis_out_probabilities_type_0 import AnalysisOutProbabilitiesType0
  from ..models.common_decision_out import CommonDecisionOut
  from ..models.headroom_out import HeadroomOut
  from ..models.margin_impact_out import MarginImpactOut





T = TypeVar("T", bound="AnalysisOut")



@_attrs_define
class AnalysisOut:
    """ 
        Attributes:
            decision (CommonDecisionOut):
            headroom (list[HeadroomOut]):
            margin (MarginImpactOut):
            rating (str):
            reasons (list[str]):
            sector (str):
            sector_limit (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            sector_weight_after (None | str):
            fallback (None | str | Unset):
            probabilities (AnalysisOutProbabilitiesType0 | None | Unset):
            rater (str | Unset):  Default: 'rules'.
     """

    decision: CommonDecisionOut
    headroom: list[HeadroomOut]
    margin: MarginImpactOut
    rating: str
    reasons: list[str]
    sector: str
    sector_limit: str
    sector_weight_after: None | str
    fallback: None | str | Unset = UNSET
    probabilities: AnalysisOutProbabilitiesType0 | None | Unset = UNSET
    rater: str | Unset = 'rules'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.analysis_out_probabilities_type_0 import AnalysisOutProbabilitiesType0 # noqa: PLC0415
        from ..models.common_decision_out import CommonDecisionOut # noqa: PLC0415
        from ..models.headroom_out import HeadroomOut # noqa: PLC0415
        from ..models.margin_impact_out import MarginImpactOut # noqa: PLC0415
        decision = self.decision.to_dict()

        headroom = []
        for headroom_item_data in self.headroom:
            headroom_item = headroom_item_data.to_dict()
            headroom.append(headroom_item)



        margin = self.margin.to_dict()

        rating = self.rating

        reasons = self.reasons



        sector = self.sector

        sector_limit = self.sector_limit

        sector_weight_after: None | str
        sector_weight_after = self.sector_weight_after

        fallback: None | str | Unset
        if isinstance(self.fallback, Unset):
            fallback = UNSET
        else:
            fallback = self.fallback

        probabilities: dict[str, Any] | None | Unset
        if isinstance(self.probabilities, Unset):
            probabilities = UNSET
        elif isinstance(self.probabilities, AnalysisOutProbabilitiesType0):
            probabilities = self.probabilities.to_dict()
        else:
            probabilities = self.probabilities

        rater = self.rater


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "decision": decision,
            "headroom": headroom,
            "margin": margin,
            "rating": rating,
            "reasons": reasons,
            "sector": sector,
            "sector_limit": sector_limit,
            "sector_weight_after": sector_weight_after,
        })
        if fallback is not UNSET:
            field_dict["fallback"] = fallback
        if probabilities is not UNSET:
            field_dict["probabilities"] = probabilities
        if rater is not UNSET:
            field_dict["rater"] = rater

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.analysis_out_probabilities_type_0 import AnalysisOutProbabilitiesType0 # noqa: PLC0415
        from ..models.common_decision_out import CommonDecisionOut # noqa: PLC0415
        from ..models.headroom_out import HeadroomOut # noqa: PLC0415
        from ..models.margin_impact_out import MarginImpactOut # noqa: PLC0415
        d = dict(src_dict)
        decision = CommonDecisionOut.from_dict(d.pop("decision"))




        headroom = []
        _headroom = d.pop("headroom")
        for headroom_item_data in (_headroom):
            headroom_item = HeadroomOut.from_dict(headroom_item_data)



            headroom.append(headroom_item)


        margin = MarginImpactOut.from_dict(d.pop("margin"))




        rating = d.pop("rating")

        reasons = cast(list[str], d.pop("reasons"))


        sector = d.pop("sector")

        sector_limit = d.pop("sector_limit")

        def _parse_sector_weight_after(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector_weight_after = _parse_sector_weight_after(d.pop("sector_weight_after"))


        def _parse_fallback(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fallback = _parse_fallback(d.pop("fallback", UNSET))


        def _parse_probabilities(data: object) -> AnalysisOutProbabilitiesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                probabilities_type_0 = AnalysisOutProbabilitiesType0.from_dict(data)



                return probabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnalysisOutProbabilitiesType0 | None | Unset, data)

        probabilities = _parse_probabilities(d.pop("probabilities", UNSET))


        rater = d.pop("rater", UNSET)

        analysis_out = cls(
            decision=decision,
            headroom=headroom,
            margin=margin,
            rating=rating,
            reasons=reasons,
            sector=sector,
            sector_limit=sector_limit,
            sector_weight_after=sector_weight_after,
            fallback=fallback,
            probabilities=probabilities,
            rater=rater,
        )


        analysis_out.additional_properties = d
        return analysis_out

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
