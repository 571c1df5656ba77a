from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.var_in_methods_item import VarInMethodsItem
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="VarIn")



@_attrs_define
class VarIn:
    """ 
        Attributes:
            account_id (None | str | Unset):
            confidence_levels (list[float] | Unset): Each strictly between 0.5 and 1 (at most 10)
            horizon_days (int | Unset): 1 to 252; figures scale by sqrt(horizon_days) Default: 1.
            methods (list[VarInMethodsItem] | Unset):
            pnl (list[float | str] | None | Unset): 10 to 1,000,000 finite numbers, oldest first (strings holding a number
                are read too); NaN / Infinity -> 422 naming the element
            portfolio_value (None | str | Unset): With `returns`: the money the fractions apply to
            returns (list[float | str] | None | Unset): 10 to 1,000,000 finite numbers, oldest first (strings holding a
                number are read too); NaN / Infinity -> 422 naming the element
     """

    account_id: None | str | Unset = UNSET
    confidence_levels: list[float] | Unset = UNSET
    horizon_days: int | Unset = 1
    methods: list[VarInMethodsItem] | Unset = UNSET
    pnl: list[float | str] | None | Unset = UNSET
    portfolio_value: None | str | Unset = UNSET
    returns: list[float | str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        confidence_levels: list[float] | Unset = UNSET
        if not isinstance(self.confidence_levels, Unset):
            confidence_levels = self.confidence_levels



        horizon_days = self.horizon_days

        methods: list[str] | Unset = UNSET
        if not isinstance(self.methods, Unset):
            methods = []
            for methods_item_data in self.methods:
                methods_item = methods_item_data.value
                methods.append(methods_item)



        pnl: list[float | str] | None | Unset
        if isinstance(self.pnl, Unset):
            pnl = UNSET
        elif isinstance(self.pnl, list):
            pnl = []
            for pnl_type_0_item_data in self.pnl:
                pnl_type_0_item: float | str
                pnl_type_0_item = pnl_type_0_item_data
                pnl.append(pnl_type_0_item)


        else:
            pnl = self.pnl

        portfolio_value: None | str | Unset
        if isinstance(self.portfolio_value, Unset):
            portfolio_value = UNSET
        else:
            portfolio_value = self.portfolio_value

        returns: list[float | str] | None | Unset
        if isinstance(self.returns, Unset):
            returns = UNSET
        elif isinstance(self.returns, list):
            returns = []
            for returns_type_0_item_data in self.returns:
                returns_type_0_item: float | str
                returns_type_0_item = returns_type_0_item_data
                returns.append(returns_type_0_item)


        else:
            returns = self.returns


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if confidence_levels is not UNSET:
            field_dict["confidence_levels"] = confidence_levels
        if horizon_days is not UNSET:
            field_dict["horizon_days"] = horizon_days
        if methods is not UNSET:
            field_dict["methods"] = methods
        if pnl is not UNSET:
            field_dict["pnl"] = pnl
        if portfolio_value is not UNSET:
            field_dict["portfolio_value"] = portfolio_value
        if returns is not UNSET:
            field_dict["returns"] = returns

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        confidence_levels = cast(list[float], d.pop("confidence_levels", UNSET))


        horizon_days = d.pop("horizon_days", UNSET)

        _methods = d.pop("methods", UNSET)
        methods: list[VarInMethodsItem] | Unset = UNSET
        if _methods is not UNSET:
            methods = []
            for methods_item_data in _methods:
                methods_item = VarInMethodsItem(methods_item_data)



                methods.append(methods_item)


        def _parse_pnl(data: object) -> list[float | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pnl_type_0 = []
                _pnl_type_0 = data
                for pnl_type_0_item_data in (_pnl_type_0):
                    def _parse_pnl_type_0_item(data: object) -> float | str:
                        return cast(float | str, data)

                    pnl_type_0_item = _parse_pnl_type_0_item(pnl_type_0_item_data)

                    pnl_type_0.append(pnl_type_0_item)

                return pnl_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | str] | None | Unset, data)

        pnl = _parse_pnl(d.pop("pnl", UNSET))


        def _parse_portfolio_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_value = _parse_portfolio_value(d.pop("portfolio_value", UNSET))


        def _parse_returns(data: object) -> list[float | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                returns_type_0 = []
                _returns_type_0 = data
                for returns_type_0_item_data in (_returns_type_0):
                    def _parse_returns_type_0_item(data: object) -> float | str:
                        return cast(float | str, data)

                    returns_type_0_item = _parse_returns_type_0_item(returns_type_0_item_data)

                    returns_type_0.append(returns_type_0_item)

                return returns_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | str] | None | Unset, data)

        returns = _parse_returns(d.pop("returns", UNSET))


        var_in = cls(
            account_id=account_id,
            confidence_levels=confidence_levels,
            horizon_days=horizon_days,
            methods=methods,
            pnl=pnl,
            portfolio_value=portfolio_value,
            returns=returns,
        )


        var_in.additional_properties = d
        return var_in

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
