from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.treasury_inversion_period_out import TreasuryInversionPeriodOut
  from ..models.treasury_spread_out import TreasurySpreadOut





T = TypeVar("T", bound="TreasurySpreadInversionsOut")



@_attrs_define
class TreasurySpreadInversionsOut:
    """ 
        Attributes:
            inverted_days (int):
            inverted_now (bool | None):
            long_series (str):
            measure (str):
            observed_days (int):
            periods (list[TreasuryInversionPeriodOut]):
            short_series (str):
            spreads (list[TreasurySpreadOut] | None):
     """

    inverted_days: int
    inverted_now: bool | None
    long_series: str
    measure: str
    observed_days: int
    periods: list[TreasuryInversionPeriodOut]
    short_series: str
    spreads: list[TreasurySpreadOut] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.treasury_inversion_period_out import TreasuryInversionPeriodOut # noqa: PLC0415
        from ..models.treasury_spread_out import TreasurySpreadOut # noqa: PLC0415
        inverted_days = self.inverted_days

        inverted_now: bool | None
        inverted_now = self.inverted_now

        long_series = self.long_series

        measure = self.measure

        observed_days = self.observed_days

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)



        short_series = self.short_series

        spreads: list[dict[str, Any]] | None
        if isinstance(self.spreads, list):
            spreads = []
            for spreads_type_0_item_data in self.spreads:
                spreads_type_0_item = spreads_type_0_item_data.to_dict()
                spreads.append(spreads_type_0_item)


        else:
            spreads = self.spreads


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "inverted_days": inverted_days,
            "inverted_now": inverted_now,
            "long_series": long_series,
            "measure": measure,
            "observed_days": observed_days,
            "periods": periods,
            "short_series": short_series,
            "spreads": spreads,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.treasury_inversion_period_out import TreasuryInversionPeriodOut # noqa: PLC0415
        from ..models.treasury_spread_out import TreasurySpreadOut # noqa: PLC0415
        d = dict(src_dict)
        inverted_days = d.pop("inverted_days")

        def _parse_inverted_now(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        inverted_now = _parse_inverted_now(d.pop("inverted_now"))


        long_series = d.pop("long_series")

        measure = d.pop("measure")

        observed_days = d.pop("observed_days")

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in (_periods):
            periods_item = TreasuryInversionPeriodOut.from_dict(periods_item_data)



            periods.append(periods_item)


        short_series = d.pop("short_series")

        def _parse_spreads(data: object) -> list[TreasurySpreadOut] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                spreads_type_0 = []
                _spreads_type_0 = data
                for spreads_type_0_item_data in (_spreads_type_0):
                    spreads_type_0_item = TreasurySpreadOut.from_dict(spreads_type_0_item_data)



                    spreads_type_0.append(spreads_type_0_item)

                return spreads_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TreasurySpreadOut] | None, data)

        spreads = _parse_spreads(d.pop("spreads"))


        treasury_spread_inversions_out = cls(
            inverted_days=inverted_days,
            inverted_now=inverted_now,
            long_series=long_series,
            measure=measure,
            observed_days=observed_days,
            periods=periods,
            short_series=short_series,
            spreads=spreads,
        )


        treasury_spread_inversions_out.additional_properties = d
        return treasury_spread_inversions_out

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
