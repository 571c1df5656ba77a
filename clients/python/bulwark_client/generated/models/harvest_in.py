from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.harvest_in_filing_status_type_1 import HarvestInFilingStatusType1
from ..models.harvest_in_filing_status_type_2_type_1 import HarvestInFilingStatusType2Type1
from ..models.harvest_in_filing_status_type_3_type_1 import HarvestInFilingStatusType3Type1
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tax_brackets_in import TaxBracketsIn





T = TypeVar("T", bound="HarvestIn")



@_attrs_define
class HarvestIn:
    """ 
        Attributes:
            brackets (None | TaxBracketsIn | Unset):
            carryover_long (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5" Default: '0'.
            carryover_short (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5" Default: '0'.
            filing_status (HarvestInFilingStatusType1 | HarvestInFilingStatusType2Type1 | HarvestInFilingStatusType3Type1 |
                None | Unset): Default: your investor profile's filing status, else single
            identical_groups (list[list[str]] | Unset): Symbols substantially identical to each other
            long_term_rate (None | str | Unset):
            max_replacements (int | Unset):  Default: 5.
            min_correlation (float | Unset):  Default: 0.9.
            min_loss (None | str | Unset): Dollars
            min_loss_fraction (None | str | Unset): Of the lot's basis: 0.1 = 10%
            ordinary_income (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5" Default: '0'.
            portfolio_id (None | str | Unset):
            returns_days (int | Unset): Daily returns in the correlation window, 20..1260 Default: 252.
            scenarios (list[float] | Unset): Price moves: -0.2 = -20%
            short_term_rate (None | str | Unset):
            universe (list[str] | Unset): Extra symbols to search for replacements
     """

    brackets: None | TaxBracketsIn | Unset = UNSET
    carryover_long: str | Unset = '0'
    carryover_short: str | Unset = '0'
    filing_status: HarvestInFilingStatusType1 | HarvestInFilingStatusType2Type1 | HarvestInFilingStatusType3Type1 | None | Unset = UNSET
    identical_groups: list[list[str]] | Unset = UNSET
    long_term_rate: None | str | Unset = UNSET
    max_replacements: int | Unset = 5
    min_correlation: float | Unset = 0.9
    min_loss: None | str | Unset = UNSET
    min_loss_fraction: None | str | Unset = UNSET
    ordinary_income: str | Unset = '0'
    portfolio_id: None | str | Unset = UNSET
    returns_days: int | Unset = 252
    scenarios: list[float] | Unset = UNSET
    short_term_rate: None | str | Unset = UNSET
    universe: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_brackets_in import TaxBracketsIn # noqa: PLC0415
        brackets: dict[str, Any] | None | Unset
        if isinstance(self.brackets, Unset):
            brackets = UNSET
        elif isinstance(self.brackets, TaxBracketsIn):
            brackets = self.brackets.to_dict()
        else:
            brackets = self.brackets

        carryover_long = self.carryover_long

        carryover_short = self.carryover_short

        filing_status: None | str | Unset
        if isinstance(self.filing_status, Unset):
            filing_status = UNSET
        elif isinstance(self.filing_status, HarvestInFilingStatusType1):
            filing_status = self.filing_status.value
        elif isinstance(self.filing_status, HarvestInFilingStatusType2Type1):
            filing_status = self.filing_status.value
        elif isinstance(self.filing_status, HarvestInFilingStatusType3Type1):
            filing_status = self.filing_status.value
        else:
            filing_status = self.filing_status

        identical_groups: list[list[str]] | Unset = UNSET
        if not isinstance(self.identical_groups, Unset):
            identical_groups = []
            for identical_groups_item_data in self.identical_groups:
                identical_groups_item = identical_groups_item_data


                identical_groups.append(identical_groups_item)



        long_term_rate: None | str | Unset
        if isinstance(self.long_term_rate, Unset):
            long_term_rate = UNSET
        else:
            long_term_rate = self.long_term_rate

        max_replacements = self.max_replacements

        min_correlation = self.min_correlation

        min_loss: None | str | Unset
        if isinstance(self.min_loss, Unset):
            min_loss = UNSET
        else:
            min_loss = self.min_loss

        min_loss_fraction: None | str | Unset
        if isinstance(self.min_loss_fraction, Unset):
            min_loss_fraction = UNSET
        else:
            min_loss_fraction = self.min_loss_fraction

        ordinary_income = self.ordinary_income

        portfolio_id: None | str | Unset
        if isinstance(self.portfolio_id, Unset):
            portfolio_id = UNSET
        else:
            portfolio_id = self.portfolio_id

        returns_days = self.returns_days

        scenarios: list[float] | Unset = UNSET
        if not isinstance(self.scenarios, Unset):
            scenarios = self.scenarios



        short_term_rate: None | str | Unset
        if isinstance(self.short_term_rate, Unset):
            short_term_rate = UNSET
        else:
            short_term_rate = self.short_term_rate

        universe: list[str] | Unset = UNSET
        if not isinstance(self.universe, Unset):
            universe = self.universe




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if brackets is not UNSET:
            field_dict["brackets"] = brackets
        if carryover_long is not UNSET:
            field_dict["carryover_long"] = carryover_long
        if carryover_short is not UNSET:
            field_dict["carryover_short"] = carryover_short
        if filing_status is not UNSET:
            field_dict["filing_status"] = filing_status
        if identical_groups is not UNSET:
            field_dict["identical_groups"] = identical_groups
        if long_term_rate is not UNSET:
            field_dict["long_term_rate"] = long_term_rate
        if max_replacements is not UNSET:
            field_dict["max_replacements"] = max_replacements
        if min_correlation is not UNSET:
            field_dict["min_correlation"] = min_correlation
        if min_loss is not UNSET:
            field_dict["min_loss"] = min_loss
        if min_loss_fraction is not UNSET:
            field_dict["min_loss_fraction"] = min_loss_fraction
        if ordinary_income is not UNSET:
            field_dict["ordinary_income"] = ordinary_income
        if portfolio_id is not UNSET:
            field_dict["portfolio_id"] = portfolio_id
        if returns_days is not UNSET:
            field_dict["returns_days"] = returns_days
        if scenarios is not UNSET:
            field_dict["scenarios"] = scenarios
        if short_term_rate is not UNSET:
            field_dict["short_term_rate"] = short_term_rate
        if universe is not UNSET:
            field_dict["universe"] = universe

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_brackets_in import TaxBracketsIn # noqa: PLC0415
        d = dict(src_dict)
        def _parse_brackets(data: object) -> None | TaxBracketsIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                brackets_type_0 = TaxBracketsIn.from_dict(data)



                return brackets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaxBracketsIn | Unset, data)

        brackets = _parse_brackets(d.pop("brackets", UNSET))


        carryover_long = d.pop("carryover_long", UNSET)

        carryover_short = d.pop("carryover_short", UNSET)

        def _parse_filing_status(data: object) -> HarvestInFilingStatusType1 | HarvestInFilingStatusType2Type1 | HarvestInFilingStatusType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_1 = HarvestInFilingStatusType1(data)



                return filing_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_2_type_1 = HarvestInFilingStatusType2Type1(data)



                return filing_status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_3_type_1 = HarvestInFilingStatusType3Type1(data)



                return filing_status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HarvestInFilingStatusType1 | HarvestInFilingStatusType2Type1 | HarvestInFilingStatusType3Type1 | None | Unset, data)

        filing_status = _parse_filing_status(d.pop("filing_status", UNSET))


        _identical_groups = d.pop("identical_groups", UNSET)
        identical_groups: list[list[str]] | Unset = UNSET
        if _identical_groups is not UNSET:
            identical_groups = []
            for identical_groups_item_data in _identical_groups:
                identical_groups_item = cast(list[str], identical_groups_item_data)

                identical_groups.append(identical_groups_item)


        def _parse_long_term_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        long_term_rate = _parse_long_term_rate(d.pop("long_term_rate", UNSET))


        max_replacements = d.pop("max_replacements", UNSET)

        min_correlation = d.pop("min_correlation", UNSET)

        def _parse_min_loss(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_loss = _parse_min_loss(d.pop("min_loss", UNSET))


        def _parse_min_loss_fraction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_loss_fraction = _parse_min_loss_fraction(d.pop("min_loss_fraction", UNSET))


        ordinary_income = d.pop("ordinary_income", UNSET)

        def _parse_portfolio_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio_id = _parse_portfolio_id(d.pop("portfolio_id", UNSET))


        returns_days = d.pop("returns_days", UNSET)

        scenarios = cast(list[float], d.pop("scenarios", UNSET))


        def _parse_short_term_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        short_term_rate = _parse_short_term_rate(d.pop("short_term_rate", UNSET))


        universe = cast(list[str], d.pop("universe", UNSET))


        harvest_in = cls(
            brackets=brackets,
            carryover_long=carryover_long,
            carryover_short=carryover_short,
            filing_status=filing_status,
            identical_groups=identical_groups,
            long_term_rate=long_term_rate,
            max_replacements=max_replacements,
            min_correlation=min_correlation,
            min_loss=min_loss,
            min_loss_fraction=min_loss_fraction,
            ordinary_income=ordinary_income,
            portfolio_id=portfolio_id,
            returns_days=returns_days,
            scenarios=scenarios,
            short_term_rate=short_term_rate,
            universe=universe,
        )


        harvest_in.additional_properties = d
        return harvest_in

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
