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
  from ..models.breaker_settings_out import BreakerSettingsOut
  from ..models.consensus_settings_out import ConsensusSettingsOut
  from ..models.provider_out import ProviderOut
  from ..models.pump_out import PumpOut
  from ..models.source_quality_out import SourceQualityOut





T = TypeVar("T", bound="ProvidersOut")



@_attrs_define
class ProvidersOut:
    """ 
        Attributes:
            active (None | str):
            at (datetime.datetime):
            breaker (BreakerSettingsOut):
            call_timeout_seconds (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            consensus (ConsensusSettingsOut):
            pinned (None | str):
            providers (list[ProviderOut]):
            quality (list[SourceQualityOut] | Unset):
            quote_pump (None | PumpOut | Unset):
     """

    active: None | str
    at: datetime.datetime
    breaker: BreakerSettingsOut
    call_timeout_seconds: float
    consensus: ConsensusSettingsOut
    pinned: None | str
    providers: list[ProviderOut]
    quality: list[SourceQualityOut] | Unset = UNSET
    quote_pump: None | PumpOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.breaker_settings_out import BreakerSettingsOut # noqa: PLC0415
        from ..models.consensus_settings_out import ConsensusSettingsOut # noqa: PLC0415
        from ..models.provider_out import ProviderOut # noqa: PLC0415
        from ..models.pump_out import PumpOut # noqa: PLC0415
        from ..models.source_quality_out import SourceQualityOut # noqa: PLC0415
        active: None | str
        active = self.active

        at = self.at.isoformat()

        breaker = self.breaker.to_dict()

        call_timeout_seconds = self.call_timeout_seconds

        consensus = self.consensus.to_dict()

        pinned: None | str
        pinned = self.pinned

        providers = []
        for providers_item_data in self.providers:
            providers_item = providers_item_data.to_dict()
            providers.append(providers_item)



        quality: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = []
            for quality_item_data in self.quality:
                quality_item = quality_item_data.to_dict()
                quality.append(quality_item)



        quote_pump: dict[str, Any] | None | Unset
        if isinstance(self.quote_pump, Unset):
            quote_pump = UNSET
        elif isinstance(self.quote_pump, PumpOut):
            quote_pump = self.quote_pump.to_dict()
        else:
            quote_pump = self.quote_pump


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "at": at,
            "breaker": breaker,
            "call_timeout_seconds": call_timeout_seconds,
            "consensus": consensus,
            "pinned": pinned,
            "providers": providers,
        })
        if quality is not UNSET:
            field_dict["quality"] = quality
        if quote_pump is not UNSET:
            field_dict["quote_pump"] = quote_pump

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breaker_settings_out import BreakerSettingsOut # noqa: PLC0415
        from ..models.consensus_settings_out import ConsensusSettingsOut # noqa: PLC0415
        from ..models.provider_out import ProviderOut # noqa: PLC0415
        from ..models.pump_out import PumpOut # noqa: PLC0415
        from ..models.source_quality_out import SourceQualityOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_active(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        active = _parse_active(d.pop("active"))


        at = datetime.datetime.fromisoformat(d.pop("at"))




        breaker = BreakerSettingsOut.from_dict(d.pop("breaker"))




        call_timeout_seconds = d.pop("call_timeout_seconds")

        consensus = ConsensusSettingsOut.from_dict(d.pop("consensus"))




        def _parse_pinned(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pinned = _parse_pinned(d.pop("pinned"))


        providers = []
        _providers = d.pop("providers")
        for providers_item_data in (_providers):
            providers_item = ProviderOut.from_dict(providers_item_data)



            providers.append(providers_item)


        _quality = d.pop("quality", UNSET)
        quality: list[SourceQualityOut] | Unset = UNSET
        if _quality is not UNSET:
            quality = []
            for quality_item_data in _quality:
                quality_item = SourceQualityOut.from_dict(quality_item_data)



                quality.append(quality_item)


        def _parse_quote_pump(data: object) -> None | PumpOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quote_pump_type_0 = PumpOut.from_dict(data)



                return quote_pump_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PumpOut | Unset, data)

        quote_pump = _parse_quote_pump(d.pop("quote_pump", UNSET))


        providers_out = cls(
            active=active,
            at=at,
            breaker=breaker,
            call_timeout_seconds=call_timeout_seconds,
            consensus=consensus,
            pinned=pinned,
            providers=providers,
            quality=quality,
            quote_pump=quote_pump,
        )


        providers_out.additional_properties = d
        return providers_out

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
