from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.stored_liquid_asset_out import StoredLiquidAssetOut





T = TypeVar("T", bound="LiquiditySourceOut")



@_attrs_define
class LiquiditySourceOut:
    """ 
        Attributes:
            account_id (None | str):
            assets (list[StoredLiquidAssetOut]):
            currency (str):
            kind (str):
            left_out (list[str]):
            portfolio_id (None | str):
     """

    account_id: None | str
    assets: list[StoredLiquidAssetOut]
    currency: str
    kind: str
    left_out: list[str]
    portfolio_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.stored_liquid_asset_out import StoredLiquidAssetOut # noqa: PLC0415
        account_id: None | str
        account_id = self.account_id

        assets = []
        for assets_item_data in self.assets:
            assets_item = assets_item_data.to_dict()
            assets.append(assets_item)



        currency = self.currency

        kind = self.kind

        left_out = self.left_out



        portfolio_id: None | str
        portfolio_id = self.portfolio_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "assets": assets,
            "currency": currency,
            "kind": kind,
            "left_out": left_out,
            "portfolio_id": portfolio_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stored_liquid_asset_out import StoredLiquidAssetOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        assets = []
        _assets = d.pop("assets")
        for assets_item_data in (_assets):
            assets_item = StoredLiquidAssetOut.from_dict(assets_item_data)



            assets.append(assets_item)


        currency = d.pop("currency")

        kind = d.pop("kind")

        left_out = cast(list[str], d.pop("left_out"))


        def _parse_portfolio_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id"))


        liquidity_source_out = cls(
            account_id=account_id,
            assets=assets,
            currency=currency,
            kind=kind,
            left_out=left_out,
            portfolio_id=portfolio_id,
        )


        liquidity_source_out.additional_properties = d
        return liquidity_source_out

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
