from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.evm_wallet_out import EvmWalletOut
  from ..models.wallet_balances_out_conventions import WalletBalancesOutConventions





T = TypeVar("T", bound="WalletBalancesOut")



@_attrs_define
class WalletBalancesOut:
    """ 
        Attributes:
            conventions (WalletBalancesOutConventions):
            source (str):
            total_value (str):
            unpriced (list[str]):
            wallets (list[EvmWalletOut]):
     """

    conventions: WalletBalancesOutConventions
    source: str
    total_value: str
    unpriced: list[str]
    wallets: list[EvmWalletOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.evm_wallet_out import EvmWalletOut # noqa: PLC0415
        from ..models.wallet_balances_out_conventions import WalletBalancesOutConventions # noqa: PLC0415
        conventions = self.conventions.to_dict()

        source = self.source

        total_value = self.total_value

        unpriced = self.unpriced



        wallets = []
        for wallets_item_data in self.wallets:
            wallets_item = wallets_item_data.to_dict()
            wallets.append(wallets_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "source": source,
            "total_value": total_value,
            "unpriced": unpriced,
            "wallets": wallets,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evm_wallet_out import EvmWalletOut # noqa: PLC0415
        from ..models.wallet_balances_out_conventions import WalletBalancesOutConventions # noqa: PLC0415
        d = dict(src_dict)
        conventions = WalletBalancesOutConventions.from_dict(d.pop("conventions"))




        source = d.pop("source")

        total_value = d.pop("total_value")

        unpriced = cast(list[str], d.pop("unpriced"))


        wallets = []
        _wallets = d.pop("wallets")
        for wallets_item_data in (_wallets):
            wallets_item = EvmWalletOut.from_dict(wallets_item_data)



            wallets.append(wallets_item)


        wallet_balances_out = cls(
            conventions=conventions,
            source=source,
            total_value=total_value,
            unpriced=unpriced,
            wallets=wallets,
        )


        wallet_balances_out.additional_properties = d
        return wallet_balances_out

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
