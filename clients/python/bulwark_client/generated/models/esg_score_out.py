from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.esg_coverage_out import EsgCoverageOut
  from ..models.esg_dataset_out import EsgDatasetOut
  from ..models.esg_holding_score_out import EsgHoldingScoreOut
  from ..models.esg_holdings_source_out import EsgHoldingsSourceOut
  from ..models.esg_score_out_conventions import EsgScoreOutConventions





T = TypeVar("T", bound="EsgScoreOut")



@_attrs_define
class EsgScoreOut:
    """ 
        Attributes:
            conventions (EsgScoreOutConventions):
            coverage (EsgCoverageOut):
            dataset (EsgDatasetOut):
            environmental (None | str):
            governance (None | str):
            holdings (list[EsgHoldingScoreOut]):
            score (None | str):
            social (None | str):
            source (EsgHoldingsSourceOut):
            total_value (str):
            uncovered (list[str]):
     """

    conventions: EsgScoreOutConventions
    coverage: EsgCoverageOut
    dataset: EsgDatasetOut
    environmental: None | str
    governance: None | str
    holdings: list[EsgHoldingScoreOut]
    score: None | str
    social: None | str
    source: EsgHoldingsSourceOut
    total_value: str
    uncovered: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.esg_coverage_out import EsgCoverageOut # noqa: PLC0415
        from ..models.esg_dataset_out import EsgDatasetOut # noqa: PLC0415
        from ..models.esg_holding_score_out import EsgHoldingScoreOut # noqa: PLC0415
        from ..models.esg_holdings_source_out import EsgHoldingsSourceOut # noqa: PLC0415
        from ..models.esg_score_out_conventions import EsgScoreOutConventions # noqa: PLC0415
        conventions = self.conventions.to_dict()

        coverage = self.coverage.to_dict()

        dataset = self.dataset.to_dict()

        environmental: None | str
        environmental = self.environmental

        governance: None | str
        governance = self.governance

        holdings = []
        for holdings_item_data in self.holdings:
            holdings_item = holdings_item_data.to_dict()
            holdings.append(holdings_item)



        score: None | str
        score = self.score

        social: None | str
        social = self.social

        source = self.source.to_dict()

        total_value = self.total_value

        uncovered = self.uncovered




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "coverage": coverage,
            "dataset": dataset,
            "environmental": environmental,
            "governance": governance,
            "holdings": holdings,
            "score": score,
            "social": social,
            "source": source,
            "total_value": total_value,
            "uncovered": uncovered,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.esg_coverage_out import EsgCoverageOut # noqa: PLC0415
        from ..models.esg_dataset_out import EsgDatasetOut # noqa: PLC0415
        from ..models.esg_holding_score_out import EsgHoldingScoreOut # noqa: PLC0415
        from ..models.esg_holdings_source_out import EsgHoldingsSourceOut # noqa: PLC0415
        from ..models.esg_score_out_conventions import EsgScoreOutConventions # noqa: PLC0415
        d = dict(src_dict)
        conventions = EsgScoreOutConventions.from_dict(d.pop("conventions"))




        coverage = EsgCoverageOut.from_dict(d.pop("coverage"))




        dataset = EsgDatasetOut.from_dict(d.pop("dataset"))




        def _parse_environmental(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        environmental = _parse_environmental(d.pop("environmental"))


        def _parse_governance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        governance = _parse_governance(d.pop("governance"))


        holdings = []
        _holdings = d.pop("holdings")
        for holdings_item_data in (_holdings):
            holdings_item = EsgHoldingScoreOut.from_dict(holdings_item_data)



            holdings.append(holdings_item)


        def _parse_score(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        score = _parse_score(d.pop("score"))


        def _parse_social(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        social = _parse_social(d.pop("social"))


        source = EsgHoldingsSourceOut.from_dict(d.pop("source"))




        total_value = d.pop("total_value")

        uncovered = cast(list[str], d.pop("uncovered"))


        esg_score_out = cls(
            conventions=conventions,
            coverage=coverage,
            dataset=dataset,
            environmental=environmental,
            governance=governance,
            holdings=holdings,
            score=score,
            social=social,
            source=source,
            total_value=total_value,
            uncovered=uncovered,
        )


        esg_score_out.additional_properties = d
        return esg_score_out

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
