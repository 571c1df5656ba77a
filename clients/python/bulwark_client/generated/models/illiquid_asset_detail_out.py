from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.appreciation_point_out import AppreciationPointOut
  from ..models.illiquid_asset_detail_out_conventions import IlliquidAssetDetailOutConventions
  from ..models.illiquid_asset_out import IlliquidAssetOut
  from ..models.valuation_out import ValuationOut





T = TypeVar("T", bound="IlliquidAssetDetailOut")



@_attrs_define
class IlliquidAssetDetailOut:
    """ 
        Attributes:
            asset (IlliquidAssetOut):
            conventions (IlliquidAssetDetailOutConventions):
            history (list[AppreciationPointOut]):
            latest_as_of (datetime.date):
            latest_value (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            stale (bool):
            valuations (list[ValuationOut]):
     """

    asset: IlliquidAssetOut
    conventions: IlliquidAssetDetailOutConventions
    history: list[AppreciationPointOut]
    latest_as_of: datetime.date
    latest_value: str
    stale: bool
    valuations: list[ValuationOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.appreciation_point_out import AppreciationPointOut # noqa: PLC0415
        from ..models.illiquid_asset_detail_out_conventions import IlliquidAssetDetailOutConventions # noqa: PLC0415
        from ..models.illiquid_asset_out import IlliquidAssetOut # noqa: PLC0415
        from ..models.valuation_out import ValuationOut # noqa: PLC0415
        asset = self.asset.to_dict()

        conventions = self.conventions.to_dict()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        latest_as_of = self.latest_as_of.isoformat()

        latest_value = self.latest_value

        stale = self.stale

        valuations = []
        for valuations_item_data in self.valuations:
            valuations_item = valuations_item_data.to_dict()
            valuations.append(valuations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "conventions": conventions,
            "history": history,
            "latest_as_of": latest_as_of,
            "latest_value": latest_value,
            "stale": stale,
            "valuations": valuations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appreciation_point_out import AppreciationPointOut # noqa: PLC0415
        from ..models.illiquid_asset_detail_out_conventions import IlliquidAssetDetailOutConventions # noqa: PLC0415
        from ..models.illiquid_asset_out import IlliquidAssetOut # noqa: PLC0415
        from ..models.valuation_out import ValuationOut # noqa: PLC0415
        d = dict(src_dict)
        asset = IlliquidAssetOut.from_dict(d.pop("asset"))




        conventions = IlliquidAssetDetailOutConventions.from_dict(d.pop("conventions"))




        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = AppreciationPointOut.from_dict(history_item_data)



            history.append(history_item)


        latest_as_of = datetime.date.fromisoformat(d.pop("latest_as_of"))




        latest_value = d.pop("latest_value")

        stale = d.pop("stale")

        valuations = []
        _valuations = d.pop("valuations")
        for valuations_item_data in (_valuations):
            valuations_item = ValuationOut.from_dict(valuations_item_data)



            valuations.append(valuations_item)


        illiquid_asset_detail_out = cls(
            asset=asset,
            conventions=conventions,
            history=history,
            latest_as_of=latest_as_of,
            latest_value=latest_value,
            stale=stale,
            valuations=valuations,
        )


        illiquid_asset_detail_out.additional_properties = d
        return illiquid_asset_detail_out

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
