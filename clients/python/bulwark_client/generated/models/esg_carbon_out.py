from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.esg_carbon_out_conventions import EsgCarbonOutConventions
  from ..models.esg_coverage_out import EsgCoverageOut
  from ..models.esg_dataset_out import EsgDatasetOut
  from ..models.esg_holding_carbon_out import EsgHoldingCarbonOut
  from ..models.esg_holdings_source_out import EsgHoldingsSourceOut





T = TypeVar("T", bound="EsgCarbonOut")



@_attrs_define
class EsgCarbonOut:
    """ 
        Attributes:
            attribution_above_one (list[str]):
            carbon_footprint (None | str):
            conventions (EsgCarbonOutConventions):
            dataset (EsgDatasetOut):
            financed_coverage (EsgCoverageOut):
            financed_emissions (None | str):
            holdings (list[EsgHoldingCarbonOut]):
            pcaf_quality (None | str):
            source (EsgHoldingsSourceOut):
            total_value (str):
            waci (None | str):
            waci_coverage (EsgCoverageOut):
     """

    attribution_above_one: list[str]
    carbon_footprint: None | str
    conventions: EsgCarbonOutConventions
    dataset: EsgDatasetOut
    financed_coverage: EsgCoverageOut
    financed_emissions: None | str
    holdings: list[EsgHoldingCarbonOut]
    pcaf_quality: None | str
    source: EsgHoldingsSourceOut
    total_value: str
    waci: None | str
    waci_coverage: EsgCoverageOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.esg_carbon_out_conventions import EsgCarbonOutConventions # noqa: PLC0415
        from ..models.esg_coverage_out import EsgCoverageOut # noqa: PLC0415
        from ..models.esg_dataset_out import EsgDatasetOut # noqa: PLC0415
        from ..models.esg_holding_carbon_out import EsgHoldingCarbonOut # noqa: PLC0415
        from ..models.esg_holdings_source_out import EsgHoldingsSourceOut # noqa: PLC0415
        attribution_above_one = self.attribution_above_one



        carbon_footprint: None | str
        carbon_footprint = self.carbon_footprint

        conventions = self.conventions.to_dict()

        dataset = self.dataset.to_dict()

        financed_coverage = self.financed_coverage.to_dict()

        financed_emissions: None | str
        financed_emissions = self.financed_emissions

        holdings = []
        for holdings_item_data in self.holdings:
            holdings_item = holdings_item_data.to_dict()
            holdings.append(holdings_item)



        pcaf_quality: None | str
        pcaf_quality = self.pcaf_quality

        source = self.source.to_dict()

        total_value = self.total_value

        waci: None | str
        waci = self.waci

        waci_coverage = self.waci_coverage.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attribution_above_one": attribution_above_one,
            "carbon_footprint": carbon_footprint,
            "conventions": conventions,
            "dataset": dataset,
            "financed_coverage": financed_coverage,
            "financed_emissions": financed_emissions,
            "holdings": holdings,
            "pcaf_quality": pcaf_quality,
            "source": source,
            "total_value": total_value,
            "waci": waci,
            "waci_coverage": waci_coverage,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.esg_carbon_out_conventions import EsgCarbonOutConventions # noqa: PLC0415
        from ..models.esg_coverage_out import EsgCoverageOut # noqa: PLC0415
        from ..models.esg_dataset_out import EsgDatasetOut # noqa: PLC0415
        from ..models.esg_holding_carbon_out import EsgHoldingCarbonOut # noqa: PLC0415
        from ..models.esg_holdings_source_out import EsgHoldingsSourceOut # noqa: PLC0415
        d = dict(src_dict)
        attribution_above_one = cast(list[str], d.pop("attribution_above_one"))


        def _parse_carbon_footprint(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        carbon_footprint = _parse_carbon_footprint(d.pop("carbon_footprint"))


        conventions = EsgCarbonOutConventions.from_dict(d.pop("conventions"))




        dataset = EsgDatasetOut.from_dict(d.pop("dataset"))




        financed_coverage = EsgCoverageOut.from_dict(d.pop("financed_coverage"))




        def _parse_financed_emissions(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        financed_emissions = _parse_financed_emissions(d.pop("financed_emissions"))


        holdings = []
        _holdings = d.pop("holdings")
        for holdings_item_data in (_holdings):
            holdings_item = EsgHoldingCarbonOut.from_dict(holdings_item_data)



            holdings.append(holdings_item)


        def _parse_pcaf_quality(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pcaf_quality = _parse_pcaf_quality(d.pop("pcaf_quality"))


        source = EsgHoldingsSourceOut.from_dict(d.pop("source"))




        total_value = d.pop("total_value")

        def _parse_waci(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        waci = _parse_waci(d.pop("waci"))


        waci_coverage = EsgCoverageOut.from_dict(d.pop("waci_coverage"))




        esg_carbon_out = cls(
            attribution_above_one=attribution_above_one,
            carbon_footprint=carbon_footprint,
            conventions=conventions,
            dataset=dataset,
            financed_coverage=financed_coverage,
            financed_emissions=financed_emissions,
            holdings=holdings,
            pcaf_quality=pcaf_quality,
            source=source,
            total_value=total_value,
            waci=waci,
            waci_coverage=waci_coverage,
        )


        esg_carbon_out.additional_properties = d
        return esg_carbon_out

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
