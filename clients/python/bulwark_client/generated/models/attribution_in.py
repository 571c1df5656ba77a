from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_in_linking import AttributionInLinking
from ..models.attribution_in_model import AttributionInModel
from ..models.attribution_in_period import AttributionInPeriod
from ..models.attribution_in_regime import AttributionInRegime
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attribution_constituent_in import AttributionConstituentIn
  from ..models.attribution_cusum_in import AttributionCusumIn
  from ..models.attribution_period_in import AttributionPeriodIn





T = TypeVar("T", bound="AttributionIn")



@_attrs_define
class AttributionIn:
    """ 
        Attributes:
            benchmark (list[AttributionConstituentIn] | None | Unset): Benchmark constituents, 1 to 2,000, rebalanced to
                their weights at every period's start (or `benchmark_portfolio_id`)
            benchmark_portfolio_id (None | str | Unset): Stored input: another of your portfolios
            cusum (AttributionCusumIn | None | Unset):
            end (datetime.date | None | Unset): Stored input: the last period's end, <= today
            linking (AttributionInLinking | Unset):  Default: AttributionInLinking.CARINO.
            model (AttributionInModel | Unset):  Default: AttributionInModel.BRINSON_FACHLER.
            period (AttributionInPeriod | Unset): Stored input: the periods' length Default: AttributionInPeriod.MONTHLY.
            periods (list[AttributionPeriodIn] | None | Unset): 1 to 2,000 periods, in date order (or `portfolio_id`)
            portfolio_id (None | str | Unset): One of your ledger portfolios (or `periods`)
            regime (AttributionInRegime | Unset): Stored input: whose daily level the regime is read on Default:
                AttributionInRegime.BENCHMARK.
            start (datetime.date | None | Unset): Stored input: the first period's start
     """

    benchmark: list[AttributionConstituentIn] | None | Unset = UNSET
    benchmark_portfolio_id: None | str | Unset = UNSET
    cusum: AttributionCusumIn | None | Unset = UNSET
    end: datetime.date | None | Unset = UNSET
    linking: AttributionInLinking | Unset = AttributionInLinking.CARINO
    model: AttributionInModel | Unset = AttributionInModel.BRINSON_FACHLER
    period: AttributionInPeriod | Unset = AttributionInPeriod.MONTHLY
    periods: list[AttributionPeriodIn] | None | Unset = UNSET
    portfolio_id: None | str | Unset = UNSET
    regime: AttributionInRegime | Unset = AttributionInRegime.BENCHMARK
    start: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attribution_constituent_in import AttributionConstituentIn # noqa: PLC0415
        from ..models.attribution_cusum_in import AttributionCusumIn # noqa: PLC0415
        from ..models.attribution_period_in import AttributionPeriodIn # noqa: PLC0415
        benchmark: list[dict[str, Any]] | None | Unset
        if isinstance(self.benchmark, Unset):
            benchmark = UNSET
        elif isinstance(self.benchmark, list):
            benchmark = []
            for benchmark_type_0_item_data in self.benchmark:
                benchmark_type_0_item = benchmark_type_0_item_data.to_dict()
                benchmark.append(benchmark_type_0_item)


        else:
            benchmark = self.benchmark

        benchmark_portfolio_id: None | str | Unset
        if isinstance(self.benchmark_portfolio_id, Unset):
            benchmark_portfolio_id = UNSET
        else:
            benchmark_portfolio_id = self.benchmark_portfolio_id

        cusum: dict[str, Any] | None | Unset
        if isinstance(self.cusum, Unset):
            cusum = UNSET
        elif isinstance(self.cusum, AttributionCusumIn):
            cusum = self.cusum.to_dict()
        else:
            cusum = self.cusum

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        elif isinstance(self.end, datetime.date):
            end = self.end.isoformat()
        else:
            end = self.end

        linking: str | Unset = UNSET
        if not isinstance(self.linking, Unset):
            linking = self.linking.value


        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value


        period: str | Unset = UNSET
        if not isinstance(self.period, Unset):
            period = self.period.value


        periods: list[dict[str, Any]] | None | Unset
        if isinstance(self.periods, Unset):
            periods = UNSET
        elif isinstance(self.periods, list):
            periods = []
            for periods_type_0_item_data in self.periods:
                periods_type_0_item = periods_type_0_item_data.to_dict()
                periods.append(periods_type_0_item)


        else:
            periods = self.periods

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id

        regime: str | Unset = UNSET
        if not isinstance(self.regime, Unset):
            regime = self.regime.value


        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, datetime.date):
            start = self.start.isoformat()
        else:
            start = self.start


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if benchmark is not UNSET:
            field_dict["benchmark"] = benchmark
        if benchmark_portfolio_id is not UNSET:
            field_dict["benchmark_portfolio_id"] = benchmark_portfolio_id
        if cusum is not UNSET:
            field_dict["cusum"] = cusum
        if end is not UNSET:
            field_dict["end"] = end
        if linking is not UNSET:
            field_dict["linking"] = linking
        if model is not UNSET:
            field_dict["model"] = model
        if period is not UNSET:
            field_dict["period"] = period
        if periods is not UNSET:
            field_dict["periods"] = periods
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id
        if regime is not UNSET:
            field_dict["regime"] = regime
        if start is not UNSET:
            field_dict["start"] = start

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_constituent_in import AttributionConstituentIn # noqa: PLC0415
        from ..models.attribution_cusum_in import AttributionCusumIn # noqa: PLC0415
        from ..models.attribution_period_in import AttributionPeriodIn # noqa: PLC0415
        d = dict(src_dict)
        def _parse_benchmark(data: object) -> list[AttributionConstituentIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                benchmark_type_0 = []
                _benchmark_type_0 = data
                for benchmark_type_0_item_data in (_benchmark_type_0):
                    benchmark_type_0_item = AttributionConstituentIn.from_dict(benchmark_type_0_item_data)



                    benchmark_type_0.append(benchmark_type_0_item)

                return benchmark_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AttributionConstituentIn] | None | Unset, data)

        benchmark = _parse_benchmark(d.pop("benchmark", UNSET))


        def _parse_benchmark_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        benchmark_portfolio_id = _parse_benchmark_portfolio_id(d.pop("benchmark_portfolio_id", UNSET))


        def _parse_cusum(data: object) -> AttributionCusumIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cusum_type_0 = AttributionCusumIn.from_dict(data)



                return cusum_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttributionCusumIn | None | Unset, data)

        cusum = _parse_cusum(d.pop("cusum", UNSET))


        def _parse_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_type_0 = datetime.date.fromisoformat(data)



                return end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        _linking = d.pop("linking", UNSET)
        linking: AttributionInLinking | Unset
        if isinstance(_linking,  Unset):
            linking = UNSET
        else:
            linking = AttributionInLinking(_linking)




        _model = d.pop("model", UNSET)
        model: AttributionInModel | Unset
        if isinstance(_model,  Unset):
            model = UNSET
        else:
            model = AttributionInModel(_model)




        _period = d.pop("period", UNSET)
        period: AttributionInPeriod | Unset
        if isinstance(_period,  Unset):
            period = UNSET
        else:
            period = AttributionInPeriod(_period)




        def _parse_periods(data: object) -> list[AttributionPeriodIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                periods_type_0 = []
                _periods_type_0 = data
                for periods_type_0_item_data in (_periods_type_0):
                    periods_type_0_item = AttributionPeriodIn.from_dict(periods_type_0_item_data)



                    periods_type_0.append(periods_type_0_item)

                return periods_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AttributionPeriodIn] | None | Unset, data)

        periods = _parse_periods(d.pop("periods", UNSET))


        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        _regime = d.pop("regime", UNSET)
        regime: AttributionInRegime | Unset
        if isinstance(_regime,  Unset):
            regime = UNSET
        else:
            regime = AttributionInRegime(_regime)




        def _parse_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = datetime.date.fromisoformat(data)



                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        attribution_in = cls(
            benchmark=benchmark,
            benchmark_portfolio_id=benchmark_portfolio_id,
            cusum=cusum,
            end=end,
            linking=linking,
            model=model,
            period=period,
            periods=periods,
            portfolio_id=portfolio_id,
            regime=regime,
            start=start,
        )


        attribution_in.additional_properties = d
        return attribution_in

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
