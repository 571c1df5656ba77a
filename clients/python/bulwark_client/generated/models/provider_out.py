from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.rate_limit_out import RateLimitOut
  from ..models.transition_out import TransitionOut





T = TypeVar("T", bound="ProviderOut")



@_attrs_define
class ProviderOut:
    """ 
        Attributes:
            active (bool):
            calls (int):
            cooling_until (datetime.datetime | None):
            failure_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            failures (int):
            forced_open (bool):
            last_error (None | str):
            last_error_at (datetime.datetime | None):
            latency_p50_ms (float | None):
            latency_p99_ms (float | None):
            name (str):
            pinned (bool):
            rate_limit (None | RateLimitOut):
            slow_rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            state (str):
            tier (int):
            transitions (list[TransitionOut]):
            window_calls (int):
     """

    active: bool
    calls: int
    cooling_until: datetime.datetime | None
    failure_rate: float
    failures: int
    forced_open: bool
    last_error: None | str
    last_error_at: datetime.datetime | None
    latency_p50_ms: float | None
    latency_p99_ms: float | None
    name: str
    pinned: bool
    rate_limit: None | RateLimitOut
    slow_rate: float
    state: str
    tier: int
    transitions: list[TransitionOut]
    window_calls: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rate_limit_out import RateLimitOut # noqa: PLC0415
        from ..models.transition_out import TransitionOut # noqa: PLC0415
        active = self.active

        calls = self.calls

        cooling_until: None | str
        if isinstance(self.cooling_until, datetime.datetime):
            cooling_until = self.cooling_until.isoformat()
        else:
            cooling_until = self.cooling_until

        failure_rate = self.failure_rate

        failures = self.failures

        forced_open = self.forced_open

        last_error: None | str
        last_error = self.last_error

        last_error_at: None | str
        if isinstance(self.last_error_at, datetime.datetime):
            last_error_at = self.last_error_at.isoformat()
        else:
            last_error_at = self.last_error_at

        latency_p50_ms: float | None
        latency_p50_ms = self.latency_p50_ms

        latency_p99_ms: float | None
        latency_p99_ms = self.latency_p99_ms

        name = self.name

        pinned = self.pinned

        rate_limit: dict[str, Any] | None
        if isinstance(self.rate_limit, RateLimitOut):
            rate_limit = self.rate_limit.to_dict()
        else:
            rate_limit = self.rate_limit

        slow_rate = self.slow_rate

        state = self.state

        tier = self.tier

        transitions = []
        for transitions_item_data in self.transitions:
            transitions_item = transitions_item_data.to_dict()
            transitions.append(transitions_item)



        window_calls = self.window_calls


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "calls": calls,
            "cooling_until": cooling_until,
            "failure_rate": failure_rate,
            "failures": failures,
            "forced_open": forced_open,
            "last_error": last_error,
            "last_error_at": last_error_at,
            "latency_p50_ms": latency_p50_ms,
            "latency_p99_ms": latency_p99_ms,
            "name": name,
            "pinned": pinned,
            "rate_limit": rate_limit,
            "slow_rate": slow_rate,
            "state": state,
            "tier": tier,
            "transitions": transitions,
            "window_calls": window_calls,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_limit_out import RateLimitOut # noqa: PLC0415
        from ..models.transition_out import TransitionOut # noqa: PLC0415
        d = dict(src_dict)
        active = d.pop("active")

        calls = d.pop("calls")

        def _parse_cooling_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cooling_until_type_0 = datetime.datetime.fromisoformat(data)



                return cooling_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cooling_until = _parse_cooling_until(d.pop("cooling_until"))


        failure_rate = d.pop("failure_rate")

        failures = d.pop("failures")

        forced_open = d.pop("forced_open")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        def _parse_last_error_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_error_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_error_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_error_at = _parse_last_error_at(d.pop("last_error_at"))


        def _parse_latency_p50_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latency_p50_ms = _parse_latency_p50_ms(d.pop("latency_p50_ms"))


        def _parse_latency_p99_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latency_p99_ms = _parse_latency_p99_ms(d.pop("latency_p99_ms"))


        name = d.pop("name")

        pinned = d.pop("pinned")

        def _parse_rate_limit(data: object) -> None | RateLimitOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rate_limit_type_0 = RateLimitOut.from_dict(data)



                return rate_limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RateLimitOut, data)

        rate_limit = _parse_rate_limit(d.pop("rate_limit"))


        slow_rate = d.pop("slow_rate")

        state = d.pop("state")

        tier = d.pop("tier")

        transitions = []
        _transitions = d.pop("transitions")
        for transitions_item_data in (_transitions):
            transitions_item = TransitionOut.from_dict(transitions_item_data)



            transitions.append(transitions_item)


        window_calls = d.pop("window_calls")

        provider_out = cls(
            active=active,
            calls=calls,
            cooling_until=cooling_until,
            failure_rate=failure_rate,
            failures=failures,
            forced_open=forced_open,
            last_error=last_error,
            last_error_at=last_error_at,
            latency_p50_ms=latency_p50_ms,
            latency_p99_ms=latency_p99_ms,
            name=name,
            pinned=pinned,
            rate_limit=rate_limit,
            slow_rate=slow_rate,
            state=state,
            tier=tier,
            transitions=transitions,
            window_calls=window_calls,
        )


        provider_out.additional_properties = d
        return provider_out

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
