from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.crypto_asset_total_out import CryptoAssetTotalOut
  from ..models.crypto_chain_block_out import CryptoChainBlockOut
  from ..models.crypto_portfolio_out_conventions import CryptoPortfolioOutConventions





T = TypeVar("T", bound="CryptoPortfolioOut")



@_attrs_define
class CryptoPortfolioOut:
    """ 
        Attributes:
            assets (list[CryptoAssetTotalOut]):
            chains (list[CryptoChainBlockOut]):
            conventions (CryptoPortfolioOutConventions):
            source (str):
            total_value (str):
            unpriced (list[str]):
            wallets (int):
     """

    assets: list[CryptoAssetTotalOut]
    chains: list[CryptoChainBlockOut]
    conventions: CryptoPortfolioOutConventions
    source: str
    total_value: str
    unpriced: list[str]
    wallets: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.crypto_asset_total_out import CryptoAssetTotalOut # noqa: PLC0415
        from ..models.crypto_chain_block_out import CryptoChainBlockOut # noqa: PLC0415
        from ..models.crypto_portfolio_out_conventions import CryptoPortfolioOutConventions # noqa: PLC0415
        assets = []
        for assets_item_data in self.assets:
            assets_item = assets_item_data.to_dict()
            assets.append(assets_item)



        chains = []
        for chains_item_data in self.chains:
            chains_item = chains_item_data.to_dict()
            chains.append(chains_item)



        conventions = self.conventions.to_dict()

        source = self.source

        total_value = self.total_value

        unpriced = self.unpriced



        wallets = self.wallets


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assets": assets,
            "chains": chains,
            "conventions": conventions,
            "source": source,
            "total_value": total_value,
            "unpriced": unpriced,
            "wallets": wallets,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.crypto_asset_total_out import CryptoAssetTotalOut # noqa: PLC0415
        from ..models.crypto_chain_block_out import CryptoChainBlockOut # noqa: PLC0415
        from ..models.crypto_portfolio_out_conventions import CryptoPortfolioOutConventions # noqa: PLC0415
        d = dict(src_dict)
        assets = []
        _assets = d.pop("assets")
        for assets_item_data in (_assets):
            assets_item = CryptoAssetTotalOut.from_dict(assets_item_data)



            assets.append(assets_item)


        chains = []
        _chains = d.pop("chains")
        for chains_item_data in (_chains):
            chains_item = CryptoChainBlockOut.from_dict(chains_item_data)



            chains.append(chains_item)


        conventions = CryptoPortfolioOutConventions.from_dict(d.pop("conventions"))




        source = d.pop("source")

        total_value = d.pop("total_value")

        unpriced = cast(list[str], d.pop("unpriced"))


        wallets = d.pop("wallets")

        crypto_portfolio_out = cls(
            assets=assets,
            chains=chains,
            conventions=conventions,
            source=source,
            total_value=total_value,
            unpriced=unpriced,
            wallets=wallets,
        )


        crypto_portfolio_out.additional_properties = d
        return crypto_portfolio_out

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
