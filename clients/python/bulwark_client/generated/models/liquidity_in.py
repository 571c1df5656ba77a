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
  from ..models.run_in import RunIn





T = TypeVar("T", bound="LiquidityIn")



@_attrs_define
class LiquidityIn:
    """ 
        Attributes:
            assets (list[LiquidAssetIn]):
            obligations (list[str] | None | Unset): A day each
            run (None | RunIn | Unset):
     """

    assets: list[LiquidAssetIn]
    obligations: list[str] | None | Unset = UNSET
    run: None | RunIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.liquid_asset_in import LiquidAssetIn # noqa: PLC0415
        from ..models.run_in import RunIn # noqa: PLC0415
        assets = []
        for assets_item_data in self.assets:
            assets_item = assets_item_data.to_dict()
            assets.append(assets_item)



        obligations: list[str] | None | Unset
        if isinstance(self.obligations, Unset):
            obligations = UNSET
        elif isinstance(self.obligations, list):
            obligations = self.obligations


        else:
            obligations = self.obligations

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
            "assets": assets,
        })
        if obligations is not UNSET:
            field_dict["obligations"] = obligations
        if run is not UNSET:
            field_dict["run"] = run

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.liquid_asset_in import LiquidAssetIn # noqa: PLC0415
        from ..models.run_in import RunIn # noqa: PLC0415
        d = dict(src_dict)
        assets = []
        _assets = d.pop("assets")
        for assets_item_data in (_assets):
            assets_item = LiquidAssetIn.from_dict(assets_item_data)



            assets.append(assets_item)


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
            assets=assets,
            obligations=obligations,
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
