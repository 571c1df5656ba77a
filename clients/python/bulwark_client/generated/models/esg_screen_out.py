from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.esg_dataset_out import EsgDatasetOut
  from ..models.esg_holdings_source_out import EsgHoldingsSourceOut
  from ..models.esg_screen_out_by_category import EsgScreenOutByCategory
  from ..models.esg_screen_out_conventions import EsgScreenOutConventions
  from ..models.esg_screen_out_thresholds import EsgScreenOutThresholds
  from ..models.esg_screened_holding_out import EsgScreenedHoldingOut





T = TypeVar("T", bound="EsgScreenOut")



@_attrs_define
class EsgScreenOut:
    """ 
        Attributes:
            by_category (EsgScreenOutByCategory):
            conventions (EsgScreenOutConventions):
            dataset (EsgDatasetOut):
            excluded (list[EsgScreenedHoldingOut]):
            excluded_value (str):
            excluded_weight (str):
            passed_weight (str):
            source (EsgHoldingsSourceOut):
            thresholds (EsgScreenOutThresholds):
            total_value (str):
            unscreened (list[EsgScreenedHoldingOut]):
            unscreened_weight (str):
     """

    by_category: EsgScreenOutByCategory
    conventions: EsgScreenOutConventions
    dataset: EsgDatasetOut
    excluded: list[EsgScreenedHoldingOut]
    excluded_value: str
    excluded_weight: str
    passed_weight: str
    source: EsgHoldingsSourceOut
    thresholds: EsgScreenOutThresholds
    total_value: str
    unscreened: list[EsgScreenedHoldingOut]
    unscreened_weight: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.esg_dataset_out import EsgDatasetOut # noqa: PLC0415
        from ..models.esg_holdings_source_out import EsgHoldingsSourceOut # noqa: PLC0415
        from ..models.esg_screen_out_by_category import EsgScreenOutByCategory # noqa: PLC0415
        from ..models.esg_screen_out_conventions import EsgScreenOutConventions # noqa: PLC0415
        from ..models.esg_screen_out_thresholds import EsgScreenOutThresholds # noqa: PLC0415
        from ..models.esg_screened_holding_out import EsgScreenedHoldingOut # noqa: PLC0415
        by_category = self.by_category.to_dict()

        conventions = self.conventions.to_dict()

        dataset = self.dataset.to_dict()

        excluded = []
        for excluded_item_data in self.excluded:
            excluded_item = excluded_item_data.to_dict()
            excluded.append(excluded_item)



        excluded_value = self.excluded_value

        excluded_weight = self.excluded_weight

        passed_weight = self.passed_weight

        source = self.source.to_dict()

        thresholds = self.thresholds.to_dict()

        total_value = self.total_value

        unscreened = []
        for unscreened_item_data in self.unscreened:
            unscreened_item = unscreened_item_data.to_dict()
            unscreened.append(unscreened_item)



        unscreened_weight = self.unscreened_weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_category": by_category,
            "conventions": conventions,
            "dataset": dataset,
            "excluded": excluded,
            "excluded_value": excluded_value,
            "excluded_weight": excluded_weight,
            "passed_weight": passed_weight,
            "source": source,
            "thresholds": thresholds,
            "total_value": total_value,
            "unscreened": unscreened,
            "unscreened_weight": unscreened_weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.esg_dataset_out import EsgDatasetOut # noqa: PLC0415
        from ..models.esg_holdings_source_out import EsgHoldingsSourceOut # noqa: PLC0415
        from ..models.esg_screen_out_by_category import EsgScreenOutByCategory # noqa: PLC0415
        from ..models.esg_screen_out_conventions import EsgScreenOutConventions # noqa: PLC0415
        from ..models.esg_screen_out_thresholds import EsgScreenOutThresholds # noqa: PLC0415
        from ..models.esg_screened_holding_out import EsgScreenedHoldingOut # noqa: PLC0415
        d = dict(src_dict)
        by_category = EsgScreenOutByCategory.from_dict(d.pop("by_category"))




        conventions = EsgScreenOutConventions.from_dict(d.pop("conventions"))




        dataset = EsgDatasetOut.from_dict(d.pop("dataset"))




        excluded = []
        _excluded = d.pop("excluded")
        for excluded_item_data in (_excluded):
            excluded_item = EsgScreenedHoldingOut.from_dict(excluded_item_data)



            excluded.append(excluded_item)


        excluded_value = d.pop("excluded_value")

        excluded_weight = d.pop("excluded_weight")

        passed_weight = d.pop("passed_weight")

        source = EsgHoldingsSourceOut.from_dict(d.pop("source"))




        thresholds = EsgScreenOutThresholds.from_dict(d.pop("thresholds"))




        total_value = d.pop("total_value")

        unscreened = []
        _unscreened = d.pop("unscreened")
        for unscreened_item_data in (_unscreened):
            unscreened_item = EsgScreenedHoldingOut.from_dict(unscreened_item_data)



            unscreened.append(unscreened_item)


        unscreened_weight = d.pop("unscreened_weight")

        esg_screen_out = cls(
            by_category=by_category,
            conventions=conventions,
            dataset=dataset,
            excluded=excluded,
            excluded_value=excluded_value,
            excluded_weight=excluded_weight,
            passed_weight=passed_weight,
            source=source,
            thresholds=thresholds,
            total_value=total_value,
            unscreened=unscreened,
            unscreened_weight=unscreened_weight,
        )


        esg_screen_out.additional_properties = d
        return esg_screen_out

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
