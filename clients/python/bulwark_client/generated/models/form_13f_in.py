from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.form_13f_in_prices_type_0 import Form13FInPricesType0
  from ..models.holding_in import HoldingIn
  from ..models.security_in import SecurityIn





T = TypeVar("T", bound="Form13FIn")



@_attrs_define
class Form13FIn:
    """ 
        Attributes:
            holdings (list[HoldingIn] | None | Unset):
            investment_discretion (str | Unset): For a portfolio's rows: SOLE, DFND, OTR Default: 'SOLE'.
            period_end (datetime.date | None | Unset): A calendar quarter's last day (default: the last one before today)
            portfolio_id (None | str | Unset):
            prices (Form13FInPricesType0 | None | Unset): symbol -> USD price at period_end
            securities (list[SecurityIn] | None | Unset): With portfolio_id: the securities by symbol, instead of the stored
                instruments and Official List
     """

    holdings: list[HoldingIn] | None | Unset = UNSET
    investment_discretion: str | Unset = 'SOLE'
    period_end: datetime.date | None | Unset = UNSET
    portfolio_id: None | str | Unset = UNSET
    prices: Form13FInPricesType0 | None | Unset = UNSET
    securities: list[SecurityIn] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.form_13f_in_prices_type_0 import Form13FInPricesType0 # noqa: PLC0415
        from ..models.holding_in import HoldingIn # noqa: PLC0415
        from ..models.security_in import SecurityIn # noqa: PLC0415
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

        investment_discretion = self.investment_discretion

        period_end: None | str | Unset
        if isinstance(self.period_end, Unset):
            period_end = UNSET
        elif isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id

        prices: dict[str, Any] | None | Unset
        if isinstance(self.prices, Unset):
            prices = UNSET
        elif isinstance(self.prices, Form13FInPricesType0):
            prices = self.prices.to_dict()
        else:
            prices = self.prices

        securities: list[dict[str, Any]] | None | Unset
        if isinstance(self.securities, Unset):
            securities = UNSET
        elif isinstance(self.securities, list):
            securities = []
            for securities_type_0_item_data in self.securities:
                securities_type_0_item = securities_type_0_item_data.to_dict()
                securities.append(securities_type_0_item)


        else:
            securities = self.securities


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if holdings is not UNSET:
            field_dict["holdings"] = holdings
        if investment_discretion is not UNSET:
            field_dict["investment_discretion"] = investment_discretion
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id
        if prices is not UNSET:
            field_dict["prices"] = prices
        if securities is not UNSET:
            field_dict["securities"] = securities

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_13f_in_prices_type_0 import Form13FInPricesType0 # noqa: PLC0415
        from ..models.holding_in import HoldingIn # noqa: PLC0415
        from ..models.security_in import SecurityIn # noqa: PLC0415
        d = dict(src_dict)
        def _parse_holdings(data: object) -> list[HoldingIn] | None | Unset:
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
                    holdings_type_0_item = HoldingIn.from_dict(holdings_type_0_item_data)



                    holdings_type_0.append(holdings_type_0_item)

                return holdings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[HoldingIn] | None | Unset, data)

        holdings = _parse_holdings(d.pop("holdings", UNSET))


        investment_discretion = d.pop("investment_discretion", UNSET)

        def _parse_period_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)



                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_end = _parse_period_end(d.pop("period_end", UNSET))


        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        def _parse_prices(data: object) -> Form13FInPricesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prices_type_0 = Form13FInPricesType0.from_dict(data)



                return prices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Form13FInPricesType0 | None | Unset, data)

        prices = _parse_prices(d.pop("prices", UNSET))


        def _parse_securities(data: object) -> list[SecurityIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                securities_type_0 = []
                _securities_type_0 = data
                for securities_type_0_item_data in (_securities_type_0):
                    securities_type_0_item = SecurityIn.from_dict(securities_type_0_item_data)



                    securities_type_0.append(securities_type_0_item)

                return securities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SecurityIn] | None | Unset, data)

        securities = _parse_securities(d.pop("securities", UNSET))


        form_13f_in = cls(
            holdings=holdings,
            investment_discretion=investment_discretion,
            period_end=period_end,
            portfolio_id=portfolio_id,
            prices=prices,
            securities=securities,
        )


        form_13f_in.additional_properties = d
        return form_13f_in

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
