from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.liquid_asset_in import LiquidAssetIn
  from ..models.liquidity_in_liquidity_type_0 import LiquidityInLiquidityType0
  from ..models.run_in import RunIn





T = TypeVar("T", bound="LiquidityIn")



@_attrs_define
class LiquidityIn:
    """ 
        Attributes:
            account_id (None | str | Unset):
            assets (list[LiquidAssetIn] | None | Unset):
            liquidity (LiquidityInLiquidityType0 | None | Unset): With portfolio_id or account_id: liquidation terms by
                symbol or by asset class (cash, equity, option, crypto, fx, future), overriding the defaults (cash 0 over 1d, fx
                0.01 over 1d, equity 0.10 over 2d, option 0.20 over 3d, crypto 0.25 over 2d; a future is left out unless given
                terms); a symbol's terms win over its class's
            obligations (list[str] | None | Unset): A day each
            portfolio_id (None | str | Unset):
            run (None | RunIn | Unset):
     """

    account_id: None | str | Unset = UNSET
    assets: list[LiquidAssetIn] | None | Unset = UNSET
    liquidity: LiquidityInLiquidityType0 | None | Unset = UNSET
    obligations: list[str] | None | Unset = UNSET
    portfolio_id: None | str | Unset = UNSET
    run: None | RunIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.liquid_asset_in import LiquidAssetIn # noqa: PLC0415
        from ..models.liquidity_in_liquidity_type_0 import LiquidityInLiquidityType0 # noqa: PLC0415
        from ..models.run_in import RunIn # noqa: PLC0415
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        assets: list[dict[str, Any]] | None | Unset
        if isinstance(self.assets, Unset):
            assets = UNSET
        elif isinstance(self.assets, list):
            assets = []
            for assets_type_0_item_data in self.assets:
                assets_type_0_item = assets_type_0_item_data.to_dict()
                assets.append(assets_type_0_item)


        else:
            assets = self.assets

        liquidity: dict[str, Any] | None | Unset
        if isinstance(self.liquidity, Unset):
            liquidity = UNSET
        elif isinstance(self.liquidity, LiquidityInLiquidityType0):
            liquidity = self.liquidity.to_dict()
        else:
            liquidity = self.liquidity

        obligations: list[str] | None | Unset
        if isinstance(self.obligations, Unset):
            obligations = UNSET
        elif isinstance(self.obligations, list):
            obligations = self.obligations


        else:
            obligations = self.obligations

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id

        run: dict[str, Any] | None | Unset
        if isinstance(self.run, Unset):
            run = UNSET
        elif isinstance(self.run, RunIn):
            run = self.run.to_dict()
        else:
            run = self.run


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if assets is not UNSET:
            field_dict["assets"] = assets
        if liquidity is not UNSET:
            field_dict["liquidity"] = liquidity
        if obligations is not UNSET:
            field_dict["obligations"] = obligations
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id
        if run is not UNSET:
            field_dict["run"] = run

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.liquid_asset_in import LiquidAssetIn # noqa: PLC0415
        from ..models.liquidity_in_liquidity_type_0 import LiquidityInLiquidityType0 # noqa: PLC0415
        from ..models.run_in import RunIn # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        def _parse_assets(data: object) -> list[LiquidAssetIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assets_type_0 = []
                _assets_type_0 = data
                for assets_type_0_item_data in (_assets_type_0):
                    assets_type_0_item = LiquidAssetIn.from_dict(assets_type_0_item_data)



                    assets_type_0.append(assets_type_0_item)

                return assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LiquidAssetIn] | None | Unset, data)

        assets = _parse_assets(d.pop("assets", UNSET))


        def _parse_liquidity(data: object) -> LiquidityInLiquidityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                liquidity_type_0 = LiquidityInLiquidityType0.from_dict(data)



                return liquidity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LiquidityInLiquidityType0 | None | Unset, data)

        liquidity = _parse_liquidity(d.pop("liquidity", UNSET))


        def _parse_obligations(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                obligations_type_0 = cast(list[str], data)

                return obligations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        obligations = _parse_obligations(d.pop("obligations", UNSET))


        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        def _parse_run(data: object) -> None | RunIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                run_type_0 = RunIn.from_dict(data)



                return run_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunIn | Unset, data)

        run = _parse_run(d.pop("run", UNSET))


        liquidity_in = cls(
            account_id=account_id,
            assets=assets,
            liquidity=liquidity,
            obligations=obligations,
            portfolio_id=portfolio_id,
            run=run,
        )


        liquidity_in.additional_properties = d
        return liquidity_in

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
