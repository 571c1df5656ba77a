from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.retirement_plan_in_kind import RetirementPlanInKind
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.match_tier_in import MatchTierIn
  from ..models.vesting_in import VestingIn





T = TypeVar("T", bound="RetirementPlanIn")



@_attrs_define
class RetirementPlanIn:
    """ 
        Attributes:
            birth_date (datetime.date): The owner's: ages for RMDs and catch-up contributions
            kind (RetirementPlanInKind): ira (traditional), roth_ira, 401k, sep_ira
            compensation (None | str | Unset): A year's pay (SEP: 25 % of it; 401(k): the match's base)
            match_tiers (list[MatchTierIn] | Unset):
            self_employed (bool | Unset): SEP: net earnings less half the SE tax, 20 % Default: False.
            service_start (datetime.date | None | Unset): Employment start: years of service
            vesting (None | Unset | VestingIn):
     """

    birth_date: datetime.date
    kind: RetirementPlanInKind
    compensation: None | str | Unset = UNSET
    match_tiers: list[MatchTierIn] | Unset = UNSET
    self_employed: bool | Unset = False
    service_start: datetime.date | None | Unset = UNSET
    vesting: None | Unset | VestingIn = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.match_tier_in import MatchTierIn # noqa: PLC0415
        from ..models.vesting_in import VestingIn # noqa: PLC0415
        birth_date = self.birth_date.isoformat()

        kind = self.kind.value

        compensation: None | str | Unset
        if isinstance(self.compensation, Unset):
            compensation = UNSET
        else:
            compensation = self.compensation

        match_tiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.match_tiers, Unset):
            match_tiers = []
            for match_tiers_item_data in self.match_tiers:
                match_tiers_item = match_tiers_item_data.to_dict()
                match_tiers.append(match_tiers_item)



        self_employed = self.self_employed

        service_start: None | str | Unset
        if isinstance(self.service_start, Unset):
            service_start = UNSET
        elif isinstance(self.service_start, datetime.date):
            service_start = self.service_start.isoformat()
        else:
            service_start = self.service_start

        vesting: dict[str, Any] | None | Unset
        if isinstance(self.vesting, Unset):
            vesting = UNSET
        elif isinstance(self.vesting, VestingIn):
            vesting = self.vesting.to_dict()
        else:
            vesting = self.vesting


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "birth_date": birth_date,
            "kind": kind,
        })
        if compensation is not UNSET:
            field_dict["compensation"] = compensation
        if match_tiers is not UNSET:
            field_dict["match_tiers"] = match_tiers
        if self_employed is not UNSET:
            field_dict["self_employed"] = self_employed
        if service_start is not UNSET:
            field_dict["service_start"] = service_start
        if vesting is not UNSET:
            field_dict["vesting"] = vesting

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_tier_in import MatchTierIn # noqa: PLC0415
        from ..models.vesting_in import VestingIn # noqa: PLC0415
        d = dict(src_dict)
        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))




        kind = RetirementPlanInKind(d.pop("kind"))




        def _parse_compensation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        compensation = _parse_compensation(d.pop("compensation", UNSET))


        _match_tiers = d.pop("match_tiers", UNSET)
        match_tiers: list[MatchTierIn] | Unset = UNSET
        if _match_tiers is not UNSET:
            match_tiers = []
            for match_tiers_item_data in _match_tiers:
                match_tiers_item = MatchTierIn.from_dict(match_tiers_item_data)



                match_tiers.append(match_tiers_item)


        self_employed = d.pop("self_employed", UNSET)

        def _parse_service_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_start_type_0 = datetime.date.fromisoformat(data)



                return service_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        service_start = _parse_service_start(d.pop("service_start", UNSET))


        def _parse_vesting(data: object) -> None | Unset | VestingIn:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vesting_type_0 = VestingIn.from_dict(data)



                return vesting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VestingIn, data)

        vesting = _parse_vesting(d.pop("vesting", UNSET))


        retirement_plan_in = cls(
            birth_date=birth_date,
            kind=kind,
            compensation=compensation,
            match_tiers=match_tiers,
            self_employed=self_employed,
            service_start=service_start,
            vesting=vesting,
        )


        retirement_plan_in.additional_properties = d
        return retirement_plan_in

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
