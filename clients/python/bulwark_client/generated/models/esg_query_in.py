from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.esg_holding_in import EsgHoldingIn





T = TypeVar("T", bound="EsgQueryIn")



@_attrs_define
class EsgQueryIn:
    """ 
        Attributes:
            account_id (None | str | Unset):
            currency (str | Unset):  Default: 'USD'.
            holdings (list[EsgHoldingIn] | None | Unset): 1 to 5,000 holdings
            portfolio_id (None | str | Unset):
     """

    account_id: None | str | Unset = UNSET
    currency: str | Unset = 'USD'
    holdings: list[EsgHoldingIn] | None | Unset = UNSET
    portfolio_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.esg_holding_in import EsgHoldingIn # noqa: PLC0415
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        currency = self.currency

        holdings: list[dict[str, Any]] | None | Unset
        if isinstance(self.holdings, Unset):
            holdings = UNSET
        elif isinstance(self.holdings, list):
            holdings = []
            for holdings_type_0_item_data in self.holdings:
                holdings_type_0_item = holdings_type_0_item_data.to_dict()
                holdings.append(holdings_type_0_item)


        else:
            holdings = self.holdings

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if holdings is not UNSET:
            field_dict["holdings"] = holdings
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.esg_holding_in import EsgHoldingIn # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        currency = d.pop("currency", UNSET)

        def _parse_holdings(data: object) -> list[EsgHoldingIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                holdings_type_0 = []
                _holdings_type_0 = data
                for holdings_type_0_item_data in (_holdings_type_0):
                    holdings_type_0_item = EsgHoldingIn.from_dict(holdings_type_0_item_data)



                    holdings_type_0.append(holdings_type_0_item)

                return holdings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EsgHoldingIn] | None | Unset, data)

        holdings = _parse_holdings(d.pop("holdings", UNSET))


        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        esg_query_in = cls(
            account_id=account_id,
            currency=currency,
            holdings=holdings,
            portfolio_id=portfolio_id,
        )


        esg_query_in.additional_properties = d
        return esg_query_in

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
