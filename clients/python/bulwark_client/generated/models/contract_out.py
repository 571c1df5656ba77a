from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ContractOut")



@_attrs_define
class ContractOut:
    """ 
        Attributes:
            ask (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            bid (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            delta (float | None): dV/dS per share at the computed IV
            expiry (datetime.date):
            gamma (float | None): d2V/dS2 per share
            iv (float | None): Implied vol from the mid, annualised fraction; null: none
            iv_reason (str): OK, or why no vol fits: EXPIRED, BELOW_INTRINSIC, ABOVE_UPPER_BOUND, VEGA_TOO_SMALL,
                NO_CONVERGENCE, INVALID_INPUT
            last (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            mid (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            open_interest (int):
            premium_notional (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            provider_iv (float | None): The provider's own IV, when it sends one
            right (str): call or put
            strike (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            symbol (str): OCC option symbol
            theta_per_day (float | None): Value change per calendar day passing
            vega_per_point (float | None): Value change per 1 vol point (0.01)
            volume (int):
            volume_oi_ratio (float | None): volume / open interest; null where OI is 0
            whale_flags (list[str]): UNUSUAL_VOLUME, LARGE_PREMIUM
            years (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    ask: str
    bid: str
    delta: float | None
    expiry: datetime.date
    gamma: float | None
    iv: float | None
    iv_reason: str
    last: str
    mid: float
    open_interest: int
    premium_notional: float
    provider_iv: float | None
    right: str
    strike: str
    symbol: str
    theta_per_day: float | None
    vega_per_point: float | None
    volume: int
    volume_oi_ratio: float | None
    whale_flags: list[str]
    years: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ask = self.ask

        bid = self.bid

        delta: float | None
        delta = self.delta

        expiry = self.expiry.isoformat()

        gamma: float | None
        gamma = self.gamma

        iv: float | None
        iv = self.iv

        iv_reason = self.iv_reason

        last = self.last

        mid = self.mid

        open_interest = self.open_interest

        premium_notional = self.premium_notional

        provider_iv: float | None
        provider_iv = self.provider_iv

        right = self.right

        strike = self.strike

        symbol = self.symbol

        theta_per_day: float | None
        theta_per_day = self.theta_per_day

        vega_per_point: float | None
        vega_per_point = self.vega_per_point

        volume = self.volume

        volume_oi_ratio: float | None
        volume_oi_ratio = self.volume_oi_ratio

        whale_flags = self.whale_flags



        years = self.years


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ask": ask,
            "bid": bid,
            "delta": delta,
            "expiry": expiry,
            "gamma": gamma,
            "iv": iv,
            "iv_reason": iv_reason,
            "last": last,
            "mid": mid,
            "open_interest": open_interest,
            "premium_notional": premium_notional,
            "provider_iv": provider_iv,
            "right": right,
            "strike": strike,
            "symbol": symbol,
            "theta_per_day": theta_per_day,
            "vega_per_point": vega_per_point,
            "volume": volume,
            "volume_oi_ratio": volume_oi_ratio,
            "whale_flags": whale_flags,
            "years": years,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ask = d.pop("ask")

        bid = d.pop("bid")

        def _parse_delta(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        delta = _parse_delta(d.pop("delta"))


        expiry = datetime.date.fromisoformat(d.pop("expiry"))




        def _parse_gamma(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        gamma = _parse_gamma(d.pop("gamma"))


        def _parse_iv(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        iv = _parse_iv(d.pop("iv"))


        iv_reason = d.pop("iv_reason")

        last = d.pop("last")

        mid = d.pop("mid")

        open_interest = d.pop("open_interest")

        premium_notional = d.pop("premium_notional")

        def _parse_provider_iv(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        provider_iv = _parse_provider_iv(d.pop("provider_iv"))


        right = d.pop("right")

        strike = d.pop("strike")

        symbol = d.pop("symbol")

        def _parse_theta_per_day(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        theta_per_day = _parse_theta_per_day(d.pop("theta_per_day"))


        def _parse_vega_per_point(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        vega_per_point = _parse_vega_per_point(d.pop("vega_per_point"))


        volume = d.pop("volume")

        def _parse_volume_oi_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        volume_oi_ratio = _parse_volume_oi_ratio(d.pop("volume_oi_ratio"))


        whale_flags = cast(list[str], d.pop("whale_flags"))


        years = d.pop("years")

        contract_out = cls(
            ask=ask,
            bid=bid,
            delta=delta,
            expiry=expiry,
            gamma=gamma,
            iv=iv,
            iv_reason=iv_reason,
            last=last,
            mid=mid,
            open_interest=open_interest,
            premium_notional=premium_notional,
            provider_iv=provider_iv,
            right=right,
            strike=strike,
            symbol=symbol,
            theta_per_day=theta_per_day,
            vega_per_point=vega_per_point,
            volume=volume,
            volume_oi_ratio=volume_oi_ratio,
            whale_flags=whale_flags,
            years=years,
        )


        contract_out.additional_properties = d
        return contract_out

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
