from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.crypto_asset_in import CryptoAssetIn





T = TypeVar("T", bound="CryptoIn")



@_attrs_define
class CryptoIn:
    """ 
        Attributes:
            amount (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            assets (list[CryptoAssetIn]): 1 to 500 coins, unique symbols
            currency (str | Unset): ISO 4217 Default: 'USD'.
            market_cap_floor (None | str | Unset): Coins below it are left out; default the configured floor (1000000000
                unless set)
            max_weight (float | None | Unset): Single-asset cap, at most the configured limit (default 0.4, the rule's)
     """

    amount: str
    assets: list[CryptoAssetIn]
    currency: str | Unset = 'USD'
    market_cap_floor: None | str | Unset = UNSET
    max_weight: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.crypto_asset_in import CryptoAssetIn # noqa: PLC0415
        amount = self.amount

        assets = []
        for assets_item_data in self.assets:
            assets_item = assets_item_data.to_dict()
            assets.append(assets_item)



        currency = self.currency

        market_cap_floor: None | str | Unset
        if isinstance(self.market_cap_floor, Unset):
            market_cap_floor = UNSET
        else:
            market_cap_floor = self.market_cap_floor

        max_weight: float | None | Unset
        if isinstance(self.max_weight, Unset):
            max_weight = UNSET
        else:
            max_weight = self.max_weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "assets": assets,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if market_cap_floor is not UNSET:
            field_dict["market_cap_floor"] = market_cap_floor
        if max_weight is not UNSET:
            field_dict["max_weight"] = max_weight

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.crypto_asset_in import CryptoAssetIn # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount")

        assets = []
        _assets = d.pop("assets")
        for assets_item_data in (_assets):
            assets_item = CryptoAssetIn.from_dict(assets_item_data)



            assets.append(assets_item)


        currency = d.pop("currency", UNSET)

        def _parse_market_cap_floor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        market_cap_floor = _parse_market_cap_floor(d.pop("market_cap_floor", UNSET))


        def _parse_max_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_weight = _parse_max_weight(d.pop("max_weight", UNSET))


        crypto_in = cls(
            amount=amount,
            assets=assets,
            currency=currency,
            market_cap_floor=market_cap_floor,
            max_weight=max_weight,
        )


        crypto_in.additional_properties = d
        return crypto_in

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
