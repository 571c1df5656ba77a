from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.crack_spread_out_conventions import CrackSpreadOutConventions





T = TypeVar("T", bound="CrackSpreadOut")



@_attrs_define
class CrackSpreadOut:
    """ 
        Attributes:
            as_of (datetime.date | None):
            contracts (list[str] | None):
            conventions (CrackSpreadOutConventions):
            crude_usd_per_bbl (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even,
                never in exponent notation
            date (datetime.date):
            distillate_usd_per_bbl (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-
                even, never in exponent notation
            gasoline_usd_per_bbl (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even,
                never in exponent notation
            per_barrel_usd (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never
                in exponent notation
            ratio (list[int]):
            source (str):
            total_usd (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
     """

    as_of: datetime.date | None
    contracts: list[str] | None
    conventions: CrackSpreadOutConventions
    crude_usd_per_bbl: str
    date: datetime.date
    distillate_usd_per_bbl: str
    gasoline_usd_per_bbl: str
    per_barrel_usd: str
    ratio: list[int]
    source: str
    total_usd: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.crack_spread_out_conventions import CrackSpreadOutConventions # noqa: PLC0415
        as_of: None | str
        if isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        contracts: list[str] | None
        if isinstance(self.contracts, list):
            contracts = self.contracts


        else:
            contracts = self.contracts

        conventions = self.conventions.to_dict()

        crude_usd_per_bbl = self.crude_usd_per_bbl

        date = self.date.isoformat()

        distillate_usd_per_bbl = self.distillate_usd_per_bbl

        gasoline_usd_per_bbl = self.gasoline_usd_per_bbl

        per_barrel_usd = self.per_barrel_usd

        ratio = self.ratio



        source = self.source

        total_usd = self.total_usd


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "contracts": contracts,
            "conventions": conventions,
            "crude_usd_per_bbl": crude_usd_per_bbl,
            "date": date,
            "distillate_usd_per_bbl": distillate_usd_per_bbl,
            "gasoline_usd_per_bbl": gasoline_usd_per_bbl,
            "per_barrel_usd": per_barrel_usd,
            "ratio": ratio,
            "source": source,
            "total_usd": total_usd,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.crack_spread_out_conventions import CrackSpreadOutConventions # noqa: PLC0415
        d = dict(src_dict)
        def _parse_as_of(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)



                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        as_of = _parse_as_of(d.pop("as_of"))


        def _parse_contracts(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contracts_type_0 = cast(list[str], data)

                return contracts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        contracts = _parse_contracts(d.pop("contracts"))


        conventions = CrackSpreadOutConventions.from_dict(d.pop("conventions"))




        crude_usd_per_bbl = d.pop("crude_usd_per_bbl")

        date = datetime.date.fromisoformat(d.pop("date"))




        distillate_usd_per_bbl = d.pop("distillate_usd_per_bbl")

        gasoline_usd_per_bbl = d.pop("gasoline_usd_per_bbl")

        per_barrel_usd = d.pop("per_barrel_usd")

        ratio = cast(list[int], d.pop("ratio"))


        source = d.pop("source")

        total_usd = d.pop("total_usd")

        crack_spread_out = cls(
            as_of=as_of,
            contracts=contracts,
            conventions=conventions,
            crude_usd_per_bbl=crude_usd_per_bbl,
            date=date,
            distillate_usd_per_bbl=distillate_usd_per_bbl,
            gasoline_usd_per_bbl=gasoline_usd_per_bbl,
            per_barrel_usd=per_barrel_usd,
            ratio=ratio,
            source=source,
            total_usd=total_usd,
        )


        crack_spread_out.additional_properties = d
        return crack_spread_out

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
