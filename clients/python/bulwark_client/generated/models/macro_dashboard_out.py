from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.macro_dashboard_out_conventions import MacroDashboardOutConventions
  from ..models.macro_dashboard_out_spreads import MacroDashboardOutSpreads
  from ..models.macro_dashboard_out_yields import MacroDashboardOutYields
  from ..models.macro_reading_out import MacroReadingOut
  from ..models.sahm_out import SahmOut





T = TypeVar("T", bound="MacroDashboardOut")



@_attrs_define
class MacroDashboardOut:
    """ 
        Attributes:
            conventions (MacroDashboardOutConventions):
            curve_date (datetime.date | None):
            date (datetime.date):
            missing (list[str]):
            rates_source (str):
            real_10y (float | None):
            sahm_rule (None | SahmOut):
            series (list[MacroReadingOut]):
            source (str):
            spreads (MacroDashboardOutSpreads):
            yields (MacroDashboardOutYields):
     """

    conventions: MacroDashboardOutConventions
    curve_date: datetime.date | None
    date: datetime.date
    missing: list[str]
    rates_source: str
    real_10y: float | None
    sahm_rule: None | SahmOut
    series: list[MacroReadingOut]
    source: str
    spreads: MacroDashboardOutSpreads
    yields: MacroDashboardOutYields
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.macro_dashboard_out_conventions import MacroDashboardOutConventions # noqa: PLC0415
        from ..models.macro_dashboard_out_spreads import MacroDashboardOutSpreads # noqa: PLC0415
        from ..models.macro_dashboard_out_yields import MacroDashboardOutYields # noqa: PLC0415
        from ..models.macro_reading_out import MacroReadingOut # noqa: PLC0415
        from ..models.sahm_out import SahmOut # noqa: PLC0415
        conventions = self.conventions.to_dict()

        curve_date: None | str
        if isinstance(self.curve_date, datetime.date):
            curve_date = self.curve_date.isoformat()
        else:
            curve_date = self.curve_date

        date = self.date.isoformat()

        missing = self.missing



        rates_source = self.rates_source

        real_10y: float | None
        real_10y = self.real_10y

        sahm_rule: dict[str, Any] | None
        if isinstance(self.sahm_rule, SahmOut):
            sahm_rule = self.sahm_rule.to_dict()
        else:
            sahm_rule = self.sahm_rule

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)



        source = self.source

        spreads = self.spreads.to_dict()

        yields = self.yields.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conventions": conventions,
            "curve_date": curve_date,
            "date": date,
            "missing": missing,
            "rates_source": rates_source,
            "real_10y": real_10y,
            "sahm_rule": sahm_rule,
            "series": series,
            "source": source,
            "spreads": spreads,
            "yields": yields,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.macro_dashboard_out_conventions import MacroDashboardOutConventions # noqa: PLC0415
        from ..models.macro_dashboard_out_spreads import MacroDashboardOutSpreads # noqa: PLC0415
        from ..models.macro_dashboard_out_yields import MacroDashboardOutYields # noqa: PLC0415
        from ..models.macro_reading_out import MacroReadingOut # noqa: PLC0415
        from ..models.sahm_out import SahmOut # noqa: PLC0415
        d = dict(src_dict)
        conventions = MacroDashboardOutConventions.from_dict(d.pop("conventions"))




        def _parse_curve_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                curve_date_type_0 = datetime.date.fromisoformat(data)



                return curve_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        curve_date = _parse_curve_date(d.pop("curve_date"))


        date = datetime.date.fromisoformat(d.pop("date"))




        missing = cast(list[str], d.pop("missing"))


        rates_source = d.pop("rates_source")

        def _parse_real_10y(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        real_10y = _parse_real_10y(d.pop("real_10y"))


        def _parse_sahm_rule(data: object) -> None | SahmOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sahm_rule_type_0 = SahmOut.from_dict(data)



                return sahm_rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SahmOut, data)

        sahm_rule = _parse_sahm_rule(d.pop("sahm_rule"))


        series = []
        _series = d.pop("series")
        for series_item_data in (_series):
            series_item = MacroReadingOut.from_dict(series_item_data)



            series.append(series_item)


        source = d.pop("source")

        spreads = MacroDashboardOutSpreads.from_dict(d.pop("spreads"))




        yields = MacroDashboardOutYields.from_dict(d.pop("yields"))




        macro_dashboard_out = cls(
            conventions=conventions,
            curve_date=curve_date,
            date=date,
            missing=missing,
            rates_source=rates_source,
            real_10y=real_10y,
            sahm_rule=sahm_rule,
            series=series,
            source=source,
            spreads=spreads,
            yields=yields,
        )


        macro_dashboard_out.additional_properties = d
        return macro_dashboard_out

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
